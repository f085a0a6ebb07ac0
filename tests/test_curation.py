from __future__ import annotations

import re
import shutil

import pytest
import yaml

from scripts import curation
from scripts.briefing import Pending
from scripts.errors import CurationError
from scripts.loading import load_entry
from scripts.parse import parse_file

from .conftest import FIRST_SEED, FIXTURES

ARTICLE = FIXTURES / "seeds" / "dateline_ap.txt"
GOOD = FIXTURES / "curation" / "dateline_ap.yml"


@pytest.fixture(scope="module")
def article():
    return parse_file(ARTICLE)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_good_curation_is_verified(article):
    briefing = curation.load(GOOD, article)
    key_point = briefing.curation.key_points[0]
    (evidence,) = key_point.evidence
    assert evidence.paragraph == 2
    paragraph = article.paragraph(2).text
    assert paragraph[evidence.start : evidence.end] == "the army plans to build watchtowers along the border with Syria"
    assert [m.paragraph for m in briefing.mentions["iraqi-army"]] == [2]
    assert briefing.responses("desert-cells") == (briefing.pillar("watchtowers"),)


def test_quotes_tolerate_whitespace_and_quote_style_only(article, tmp_path):
    text = GOOD.read_text()
    tolerant = text.replace('["We will not let them cross again"]', "['“We   will not let\n        them cross again,”']")
    path = tmp_path / "c.yml"
    path.write_text(tolerant)
    jassim = next(a for a in curation.load(path, article).curation.actors if a.id == "ahmed-jassim")
    (evidence,) = jassim.role.evidence
    # Found where the plain quote is, its own quotation marks and comma included.
    assert (evidence.paragraph, evidence.start, evidence.end) == (3, 0, 35)
    assert article.paragraph(3).text[evidence.start : evidence.end] == '"We will not let them cross again,"'
    path.write_text(text.replace('["We will not let them cross again"]', '["We will not let them cross anymore"]'))
    with pytest.raises(CurationError, match="quote not found"):
        curation.load(path, article)


def test_first_seed_curation_is_verified():
    briefing = load_entry(FIRST_SEED)
    c = briefing.curation
    assert len(c.key_points) >= 4
    assert {a.kind for a in c.actors} >= {"state body", "armed group", "militia", "analyst", "news outlet"}
    assert {p.status.value for p in c.pillars} >= {"planned", "under negotiation", "condition"}
    assert any("date" in item.lower() for item in c.source_notes.not_stated)


BAD = [
    pytest.param(
        'evidence: ["We will not let them cross again"]',
        'evidence: ["We will let them cross again"]',
        'quote not found in dateline_ap.txt: "We will let them cross again"',
        "We will let them cross again",
        id="quote-not-in-article",
    ),
    pytest.param("    kind: security force\n    who:\n      text: A border", "    kind: police\n    who:\n      text: A border", "'police' is not one of: state body", "kind: police", id="unknown-kind"),
    pytest.param("carried_out_by: [iraqi-army]", "carried_out_by: [iraqi-armee]", "unknown actor id 'iraqi-armee'; did you mean 'iraqi-army'?", "carried_out_by: [iraqi-armee]", id="unknown-actor-id"),
    pytest.param("answers: [desert-cells]", "answers: [desert]", "unknown threat move id 'desert'", "answers: [desert]", id="unknown-move-id"),
    pytest.param("key_points:", "key_point:", "unknown field 'key_point'; did you mean 'key_points'?", "key_point:", id="unknown-key"),
    pytest.param("    mentioned_as: [the army]\n", "", "missing field 'mentioned_as'", "  - id: iraqi-army", id="missing-field"),
    pytest.param("    name: Border watchtowers", "    name: [Border, watchtowers]", "expected text, found a list", "name: [Border", id="wrong-type"),
    pytest.param("  text: Two officers say", "  text: ''\n  x: Two officers say", "is empty", "  text: ''", id="empty-statement"),
    pytest.param("  - id: ahmed-jassim", "  - id: iraqi-army", "actor id 'iraqi-army' is used twice (first on line", "  - id: iraqi-army\n    name: Col", id="duplicate-id"),
    pytest.param("evidence: [who spoke on condition of anonymity]", "evidence: []", "has no evidence", "    - text: Two officers speaking", id="no-evidence"),
    pytest.param("evidence: [who spoke on condition of anonymity]", "evidence: [officers]", "too short to pin down a passage", "evidence: [officers]", id="quote-too-short"),
    pytest.param("mentioned_as: [the army]", "mentioned_as: [the navy]", "'the navy' does not occur in the article", "mentioned_as: [the navy]", id="alias-not-in-article"),
]


def refused(article, tmp_path, bad: str, message: str, line_marker: str) -> CurationError:
    """The error loading the curation ``bad`` gives: one line, naming the file and the line of ``line_marker``."""
    path = tmp_path / "dateline_ap.yml"
    path.write_text(bad)
    with pytest.raises(CurationError) as caught:
        curation.load(path, article)
    error = caught.value
    assert message in str(error)
    assert error.line == line_of(bad, line_marker), str(error)
    assert str(error).startswith(f"{path}:{error.line}: ") and "\n" not in str(error)
    return error

@pytest.mark.parametrize(("old", "new", "message", "line_marker"), BAD)
def test_bad_curation_fails_with_file_line_and_fix(article, tmp_path, old, new, message, line_marker):
    text = GOOD.read_text()
    assert old in text
    refused(article, tmp_path, text.replace(old, new, 1), message, line_marker)


def test_missing_quote_names_statement_and_closest_passage(article, tmp_path):
    path = tmp_path / "c.yml"
    path.write_text(GOOD.read_text().replace("evidence: the army plans to build watchtowers along", "evidence: the army wants to build watchtowers along"))
    with pytest.raises(CurationError) as caught:
        curation.load(path, article)
    message = str(caught.value)
    assert 'key_points[1].evidence[1] ("The army plans watchtowers along the border' in message
    assert 'Closest passage (¶2): "The officers, who spoke on condition of anonymity, said the army plans to build' in message


def test_ambiguous_quote_is_refused(tmp_path):
    article = parse_file(FIRST_SEED)
    seed_curation = curation.curation_path(FIRST_SEED).read_text()
    path = tmp_path / "c.yml"
    path.write_text(seed_curation.replace("      - The equipment would beef up surveillance by Iraqi drones\n", "      - the officials said\n", 1))
    with pytest.raises(CurationError, match=r"occurs in ¶8, ¶9; quote more words"):
        curation.load(path, article)


def test_invalid_yaml_reports_line(article):
    with pytest.raises(CurationError) as caught:
        curation.load(FIXTURES / "curation" / "invalid_yaml.yml", article)
    assert "is not valid YAML" in str(caught.value)
    assert caught.value.line == 4


def test_missing_curation_leaves_the_article_awaiting_review(article, tmp_path):
    pending = curation.load(tmp_path / "nothing.yml", article)
    assert isinstance(pending, Pending) and pending.draft is None
    assert pending.still_to_do() == ["write nothing.yml (make new writes a draft to start from)"]


def test_a_draft_is_checked_and_says_what_is_left(article, tmp_path):
    path = tmp_path / "draft.yml"
    path.write_text('status: draft\ncandidates:\n  numbers:\n    - evidence: "said Col. Ahmed Jassim"\n')
    pending = curation.load(path, article)
    assert isinstance(pending, Pending) and pending.draft.candidates.numbers[0].evidence[0].paragraph == 3
    assert pending.still_to_do() == [
        "write summary, key_points, actors, pillars, threat, source_notes, attribution",
        "review 1 candidate and delete 'candidates'",
        "delete the line 'status: draft'",
    ]
    path.write_text('status: draft\ncandidates:\n  numbers:\n    - evidence: "words the article never has"\n')
    with pytest.raises(CurationError, match="quote not found") as caught:
        curation.load(path, article)
    assert caught.value.line == 4
    path.write_text("status: reviewed\n")
    with pytest.raises(CurationError, match="'reviewed' is not one of: draft"):
        curation.load(path, article)


def test_empty_curation(article, tmp_path):
    (tmp_path / "empty.yml").write_text("# nothing yet\n")
    with pytest.raises(CurationError, match="is empty"):
        curation.load(tmp_path / "empty.yml", article)


def test_yaml_tags_are_not_executed(article, tmp_path):
    path = tmp_path / "c.yml"
    pwned = tmp_path / "pwned"
    text = GOOD.read_text().replace("name: Iraqi army", f"name: !!python/object/apply:os.system ['touch {pwned}']")
    # The same text read by a loader that runs tags does create the file: the check below can see it.
    yaml.unsafe_load(text)
    assert pwned.exists()
    pwned.unlink()
    path.write_text(text)
    with pytest.raises(CurationError, match=re.escape("YAML tag '!!python/object/apply:os.system' is not allowed")):
        curation.load(path, article)
    assert not pwned.exists()


def test_curation_sits_beside_its_seed(tmp_path):
    shutil.copy(FIRST_SEED, tmp_path / FIRST_SEED.name)
    assert curation.curation_path(tmp_path / FIRST_SEED.name) == tmp_path / "000_b2ab8aba2c0e3d24.yml"


def test_an_inferred_date_needs_a_reason_and_evidence_and_an_undated_article(article, tmp_path):
    path = tmp_path / "c.yml"
    inferred = '\npublished:\n  date: "2017-06"\n  reason: The officers speak of regrouping after Mosul.\n  evidence: [militants have regrouped in small cells]\n'
    path.write_text(GOOD.read_text() + inferred)
    briefing = curation.load(path, article)
    assert (briefing.date.iso, briefing.date.precision, briefing.date.label) == ("2017-06", "inferred", "June 2017 (inferred)")
    path.write_text(GOOD.read_text() + inferred.replace('"2017-06"', '"2017-13"'))
    with pytest.raises(CurationError, match=re.escape("published.date: '2017-13' is not a date")):
        curation.load(path, article)
    dated = parse_file(FIXTURES / "corpus" / "dated_ap.txt")
    path.write_text((FIXTURES / "corpus" / "dated_ap.yml").read_text() + inferred)
    with pytest.raises(CurationError, match=r"the article prints its date \(June 14, 2017\); delete 'published'"):
        curation.load(path, dated)


# Places the fixture article names, appended to the good curation (lines counted in the joined text).
PLACES = """
places:
  - id: syria
    about:
      text: The neighbour along whose border the army plans watchtowers, the officers said.
      type: attributed claim
      evidence: [watchtowers along the border with Syria]
    mentioned_as: [Syria]
  - id: western-desert
    about:
      text: Where commanders are moving troops and militants have regrouped, two officers said.
      type: attributed claim
      evidence: [moving troops to the western desert]
    mentioned_as: [western desert]
"""


def test_places_are_verified_with_their_mentions(article, tmp_path):
    path = tmp_path / "dateline_ap.yml"
    path.write_text(GOOD.read_text() + PLACES)
    briefing = curation.load(path, article)
    assert [p.id for p in briefing.curation.places] == ["syria", "western-desert"]
    (about,) = briefing.place("syria").about.evidence
    assert article.paragraph(about.paragraph).text[about.start : about.end] == "watchtowers along the border with Syria"
    (syria,) = briefing.place_mentions["syria"]
    assert syria.paragraph == 2 and article.paragraph(2).text[syria.start : syria.end] == "Syria"
    (desert,) = briefing.place_mentions["western-desert"]
    assert desert.paragraph == 1 and article.paragraph(1).text[desert.start : desert.end] == "western desert"


BAD_PLACES = [
    pytest.param("mentioned_as: [Syria]", "mentioned_as: [Lebanon]", "place 'syria' mentioned_as: 'Lebanon' does not occur in the article",
                 "mentioned_as: [Lebanon]", id="place-alias-not-in-article"),
    # The article writes "Iraqi" and never "Iraq" (its headline is not a paragraph): a name is found as a whole word only.
    pytest.param("mentioned_as: [western desert]", "mentioned_as: [Iraq]", "place 'western-desert' mentioned_as: 'Iraq' does not occur in the article",
                 "mentioned_as: [Iraq]", id="place-alias-inside-a-longer-word"),
    pytest.param("  - id: western-desert", "  - id: syria", "place id 'syria' is used twice (first on line", "  - id: syria\n    about:\n      text: Where", id="duplicate-place-id"),
    pytest.param("  - id: western-desert", "  - id: Western-Desert", "place id 'Western-Desert' must be lowercase letters, digits and single hyphens",
                 "  - id: Western-Desert", id="place-id-not-an-id"),
    pytest.param("evidence: [watchtowers along the border with Syria]", "evidence: [watchtowers along the border with Jordan]",
                 'quote not found in dateline_ap.txt: "watchtowers along the border with Jordan"', "border with Jordan", id="place-quote-not-in-article"),
    pytest.param("evidence: [moving troops to the western desert]", "evidence: []", "has no evidence", "      text: Where commanders", id="place-about-without-evidence"),
    pytest.param("    mentioned_as: [Syria]\n", "", "missing field 'mentioned_as'", "  - id: syria", id="place-missing-mentioned-as"),
]


@pytest.mark.parametrize(("old", "new", "message", "line_marker"), BAD_PLACES)
def test_a_bad_place_fails_with_file_line_and_fix(article, tmp_path, old, new, message, line_marker):
    text = GOOD.read_text() + PLACES
    assert text.count(old) == 1, old
    error = refused(article, tmp_path, text.replace(old, new), message, line_marker)
    if "does not occur" in message:
        assert str(error).endswith("use the words the article uses")


def test_a_place_quote_not_in_the_article_names_the_place_statement(article, tmp_path):
    path = tmp_path / "c.yml"
    path.write_text((GOOD.read_text() + PLACES).replace("[moving troops to the western desert]", "[moving tanks to the western desert]"))
    with pytest.raises(CurationError) as caught:
        curation.load(path, article)
    message = str(caught.value)
    assert "place 'western-desert'.about.evidence[1] (\"Where commanders are moving troops" in message
    assert "Closest passage (¶1)" in message


def test_place_mentions_are_whole_words_with_their_paragraph_and_offsets():
    briefing = load_entry(FIRST_SEED)
    paragraphs = {p.number: p.text for p in briefing.article.paragraphs}
    inside_iraqi = {(n, m.start()) for n, text in paragraphs.items() for m in re.finditer(r"Iraqi", text)}
    assert inside_iraqi  # the article writes "Iraqi" too: none of those is a mention of Iraq
    iraq = briefing.place_mentions["iraq"]
    whole = {(n, m.start(), m.end()) for n, text in paragraphs.items() for m in re.finditer(r"\bIraq\b", text)}
    assert iraq and {(m.paragraph, m.start, m.end) for m in iraq} <= whole
    assert not {(m.paragraph, m.start) for m in iraq} & inside_iraqi
    for place in briefing.curation.places:
        mentions = briefing.place_mentions[place.id]
        assert mentions, place.id
        assert list(mentions) == sorted(mentions, key=lambda m: (m.paragraph, m.start))
        for m in mentions:
            text = paragraphs[m.paragraph]
            # A mention is one of the names, or names that overlap in the text read as one ("the border with Syria").
            assert text[m.start : m.end].startswith(place.mentioned_as) and text[m.start : m.end].endswith(place.mentioned_as), (place.id, m)
            assert not text[m.start - 1 : m.start].isalnum() and not text[m.end : m.end + 1].isalnum()
