from __future__ import annotations

from scripts import curation
from scripts.coverage import sentence_map, uses
from scripts.parse import parse_file

from .conftest import FIXTURES


def test_sentences_are_mapped_to_the_statements_resting_on_them():
    article = parse_file(FIXTURES / "seeds" / "dateline_ap.txt")
    briefing = curation.load(FIXTURES / "curation" / "dateline_ap.yml", article)
    sentences = sentence_map(briefing)
    assert [(s.paragraph, s.index) for s in sentences] == [(1, 1), (2, 1), (3, 1)]
    by_place = {(s.paragraph, s.index): [u.label for u in s.uses] for s in sentences}
    assert by_place[(1, 1)] == ["Summary", "Border watchtowers: why", "The threat", "Threat: Small cells in the desert"]
    assert "Key point 1" in by_place[(2, 1)] and "Iraqi army: who" in by_place[(2, 1)]
    assert by_place[(3, 1)] == ["Col. Ahmed Jassim: who", "Col. Ahmed Jassim: role"]
    assert len(uses(briefing)) == 1 + 1 + 3 * 2 + 3 + 1 + 1 + 1


def test_a_sentence_no_statement_uses_is_reported_unused(tmp_path):
    article = parse_file(FIXTURES / "seeds" / "dateline_ap.txt")
    text = (FIXTURES / "curation" / "dateline_ap.yml").read_text()
    path = tmp_path / "c.yml"
    for quote in ('["We will not let them cross again"]', '["Col. Ahmed Jassim, a border guard commander"]'):
        text = text.replace(quote, "[who spoke on condition of anonymity]")
    path.write_text(text)
    sentences = sentence_map(curation.load(path, article))
    assert [(s.paragraph, s.uses) for s in sentences if not s.uses] == [(3, ())]
