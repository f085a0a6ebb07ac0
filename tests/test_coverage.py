from __future__ import annotations

from scripts import curation
from scripts.coverage import sentence_map, uses
from scripts.loading import load_entry
from scripts.parse import parse_file

from .conftest import FIRST_SEED, FIXTURES


def test_sentences_are_mapped_to_the_statements_resting_on_them():
    article = parse_file(FIXTURES / "seeds" / "dateline_ap.txt")
    briefing = curation.load(FIXTURES / "curation" / "dateline_ap.yml", article)
    sentences = sentence_map(briefing)
    assert [(s.sentence.number, s.sentence.index) for s in sentences] == [(1, 1), (2, 1), (3, 1)]
    assert [(s.sentence.start, s.sentence.end) for s in sentences] == [(0, 133), (0, 120), (0, 85)]
    assert sentences[2].sentence.text == '"We will not let them cross again," said Col. Ahmed Jassim, a border guard commander.'
    by_place = {(s.sentence.number, s.sentence.index): [u.label for u in s.uses] for s in sentences}
    assert by_place[(1, 1)] == ["Summary", "Border watchtowers: why", "The threat", "Threat: Small cells in the desert"]
    assert by_place[(2, 1)] == [
        "Key point 1",
        "Iraqi army: who",
        "Iraqi army: role",
        "Two officers (unnamed): who",
        "Two officers (unnamed): role",
        "Border watchtowers: what",
        "Border watchtowers: status",
        "Sourcing 1",
    ]
    assert by_place[(3, 1)] == ["Col. Ahmed Jassim: who", "Col. Ahmed Jassim: role"]


def test_every_curated_statement_is_a_use_named_for_readers_and_placed_where_it_is_shown():
    article = parse_file(FIXTURES / "seeds" / "dateline_ap.txt")
    briefing = curation.load(FIXTURES / "curation" / "dateline_ap.yml", article)
    assert [(u.label, u.section, u.owner) for u in uses(briefing)] == [
        ("Summary", "article", ""),
        ("Key point 1", "article", ""),
        ("Iraqi army: who", "actor", "iraqi-army"),
        ("Iraqi army: role", "actor", "iraqi-army"),
        ("Col. Ahmed Jassim: who", "actor", "ahmed-jassim"),
        ("Col. Ahmed Jassim: role", "actor", "ahmed-jassim"),
        ("Two officers (unnamed): who", "actor", "two-officers"),
        ("Two officers (unnamed): role", "actor", "two-officers"),
        ("Border watchtowers: what", "pillar", "watchtowers"),
        ("Border watchtowers: why", "pillar", "watchtowers"),
        ("Border watchtowers: status", "pillar", "watchtowers"),
        ("The threat", "threat", ""),
        ("Threat: Small cells in the desert", "threat", "desert-cells"),
        ("Sourcing 1", "source-notes", ""),
    ]


def test_a_sentence_no_statement_uses_is_reported_unused(tmp_path):
    article = parse_file(FIXTURES / "seeds" / "dateline_ap.txt")
    text = (FIXTURES / "curation" / "dateline_ap.yml").read_text()
    path = tmp_path / "c.yml"
    for quote in ('["We will not let them cross again"]', '["Col. Ahmed Jassim, a border guard commander"]'):
        text = text.replace(quote, "[who spoke on condition of anonymity]")
    path.write_text(text)
    sentences = sentence_map(curation.load(path, article))
    assert [(s.sentence.number, s.uses) for s in sentences if not s.uses] == [(3, ())]


def test_a_paragraph_of_several_sentences_is_split_at_their_offsets():
    sentences = [s for s in sentence_map(load_entry(FIRST_SEED)) if s.sentence.number == 7]
    assert [(s.sentence.index, s.sentence.start, s.sentence.end) for s in sentences] == [(1, 0, 86), (2, 87, 304), (3, 305, 407)]
    assert sentences[0].sentence.text == "It could still take weeks for Iraqi forces to fully retake the northern city of Mosul."
    assert sentences[2].sentence.text == "The group, however, will still have a cohesive, if eroding, stretch of territory in neighboring Syria."
    assert [u.label for u in sentences[0].uses] == [
        "Summary",
        "Iraqi forces and army: who",
        "Mosul: what the article says",
        "Relation: Iraqi forces and army fights Islamic State group (IS)",
    ]
