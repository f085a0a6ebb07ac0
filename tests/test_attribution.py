"""Who says which words: quotes take their source from the curation's attribution, statements their credit."""

from __future__ import annotations

import pytest

from scripts import curation
from scripts.attribution import REPORTING, Overlap, Straddle, Voices, shares
from scripts.briefing import Attribution, Evidence, Voice
from scripts.errors import CurationError
from scripts.loading import load_entry
from scripts.parse import parse_file

from .conftest import FIRST_SEED, FIXTURES, edited, line_of

SEED = FIXTURES / "faithfulness" / "checkpoint.txt"
GOOD = FIXTURES / "faithfulness" / "checkpoint.yml"


@pytest.fixture(scope="module")
def article():
    return parse_file(SEED)


def test_each_quote_takes_the_source_of_the_words_it_lies_in(article):
    briefing = curation.load(GOOD, article)
    c = briefing.curation
    assert [e.source for e in c.summary.evidence] == ["governor"]
    assert c.summary.according_to == ("governor",)
    assert [e.source for e in c.key_points[0].evidence] == [REPORTING]  # ¶2: the article's own words
    assert c.key_points[0].according_to == ()
    spokesman = c.key_points[1]
    assert [e.source for e in spokesman.evidence] == ["karim-haddad", REPORTING]  # his words; the said-clause is the article's
    assert spokesman.according_to == ("karim-haddad",) and spokesman.mixed_sources


def test_quote_marks_and_commas_at_a_voice_edge_are_nobody_s_words(article):
    voices = Voices(Attribution(voices=(Voice("karim-haddad", (Evidence("x", paragraph=3, start=1, end=44),)),)), {3: article.paragraph(3).text})
    text = article.paragraph(3).text
    assert text[1:44] == "We expect the first patrols within a month,"
    assert voices.source_of(3, 0, 45) == "karim-haddad"  # with the quote marks around it
    with pytest.raises(Straddle) as both:
        voices.source_of(3, 1, len(text))  # on into "said Karim Haddad, a police spokesman."
    assert both.value.sources == ("karim-haddad", REPORTING)


def test_a_quote_across_two_voices_is_refused_with_its_line(article, tmp_path):
    path = edited(tmp_path, GOOD, "      - said Karim Haddad, a police spokesman\n", "      - within a month,\" said Karim Haddad\n")
    with pytest.raises(CurationError) as caught:
        curation.load(path, article)
    assert caught.value.line == line_of(path, 'within a month," said Karim Haddad')
    assert "runs across the words of 'karim-haddad' and the article's own reporting; split it where the source changes" in str(caught.value)


def test_the_same_words_can_never_have_two_sources(article, tmp_path):
    path = edited(tmp_path, GOOD, "        - We expect the first patrols within a month,\n", "        - We expect the first patrols within a month,\n        - along the desert road near Rutba\n")
    with pytest.raises(CurationError) as caught:
        curation.load(path, article)
    assert caught.value.line == line_of(path, "- along the desert road near Rutba")
    assert "these words are already attributed to 'governor'" in str(caught.value)
    assert "cannot have two sources" in str(caught.value)


def test_overlapping_spans_are_found_whatever_their_order():
    first = Voice("a", (Evidence("x", paragraph=1, start=10, end=30, line=4),))
    second = Voice("b", (Evidence("y", paragraph=1, start=0, end=11, line=9),))
    with pytest.raises(Overlap) as clash:
        Voices(Attribution(voices=(first, second)))
    assert (clash.value.first.source, clash.value.second.source) == ("b", "a")


def test_a_hand_written_credit_that_contradicts_the_quotes_is_an_error(article, tmp_path):
    old = "key_points:\n  - text: The patrols are designed to stop smugglers who seemingly use the road after dark.\n    type: plan\n"
    path = edited(tmp_path, GOOD, old, old + "    according_to: [governor]\n")
    with pytest.raises(CurationError) as caught:
        curation.load(path, article)
    assert caught.value.line == line_of(path, "The patrols are designed to stop smugglers")
    assert "according_to says governor, but its quotes are the words of the article's own reporting" in str(caught.value)
    assert "delete according_to" in str(caught.value)


def test_a_voice_must_name_a_known_actor(article, tmp_path):
    path = edited(tmp_path, GOOD, "    - source: karim-haddad\n", "    - source: karim-hadad\n")
    with pytest.raises(CurationError, match=r"attribution.voices source: unknown actor id 'karim-hadad'; did you mean 'karim-haddad'\?"):
        curation.load(path, article)


def test_a_curation_without_attribution_is_told_to_write_it(article, tmp_path):
    text = GOOD.read_text()
    path = tmp_path / "c.yml"
    path.write_text(text[text.index("summary:") :])
    with pytest.raises(CurationError, match="missing field 'attribution'"):
        curation.load(path, article)


def test_shares_list_each_source_s_paragraphs(article):
    briefing = curation.load(GOOD, article)
    voices = Voices(briefing.curation.attribution, {p.number: p.text for p in article.paragraphs})
    found = shares({p.number: p.text for p in article.paragraphs}, voices, ("governor", "karim-haddad"))
    assert [(s.source, s.paragraphs) for s in found] == [
        (REPORTING, ((1, False), (2, True), (3, False), (4, True))),
        ("governor", ((1, False),)),
        ("karim-haddad", ((3, False),)),
    ]


def test_the_first_seed_credits_the_ap_s_own_reporting_to_nobody_else():
    briefing = load_entry(FIRST_SEED)
    by_paragraph: dict[int, set[str]] = {}
    for statement in (briefing.curation.summary, *briefing.curation.key_points):
        for e in statement.evidence:
            by_paragraph.setdefault(e.paragraph, set()).add(e.source)
    # ¶1, ¶2, ¶5 and ¶7 are the AP's own reporting; ¶3, ¶4, ¶8 and ¶9 the officials' ("they said").
    assert {n: s for n, s in by_paragraph.items() if n in (1, 2, 5, 7)} == {n: {REPORTING} for n in by_paragraph if n in (1, 2, 5, 7)}
    assert {n: s for n, s in by_paragraph.items() if n in (3, 4, 8, 9)} == {n: {"six-officials"} for n in by_paragraph if n in (3, 4, 8, 9)}
    assert 7 in by_paragraph  # the summary and key points cover ¶7
