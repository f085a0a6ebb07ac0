"""Editors' errors made exact: the paragraphs a quote runs across, leads left in a finished curation, one
actor given two kinds, and source notes that agree with the article page. (A reference error's own line:
tests/test_curation.py.)"""

from __future__ import annotations

import dataclasses

import pytest

from scripts import corpus, curation
from scripts.errors import BriefingError, CurationError
from scripts.parse import parse_file
from scripts.render import render_site

from .conftest import FIRST_SEED, FIXTURES, edited, line_of

SEED = FIXTURES / "seeds" / "dateline_ap.txt"
GOOD = FIXTURES / "curation" / "dateline_ap.yml"


@pytest.fixture(scope="module")
def article():
    return parse_file(SEED)


def test_a_quote_across_two_paragraphs_is_named_as_such(article, tmp_path):
    path = edited(tmp_path, GOOD, "    evidence: the army plans to build watchtowers along the border with Syria\n",
                  "    evidence: two officers said on Sunday. The officers, who spoke on condition\n")
    with pytest.raises(CurationError) as caught:
        curation.load(path, article)
    assert caught.value.line == line_of(path, "two officers said on Sunday. The officers")
    assert "runs from ¶1 into ¶2; a quote must lie within one paragraph: split it into two quotes" in str(caught.value)


def test_leads_left_in_a_finished_curation_are_named(article, tmp_path):
    path = edited(tmp_path, GOOD, "summary:\n  text: Two", "candidates:\n  numbers:\n    - evidence: two officers said on Sunday\nsummary:\n  text: Two")
    with pytest.raises(CurationError) as caught:
        curation.load(path, article)
    assert caught.value.line == line_of(path, "candidates:")
    assert "the draft's leads are still here; delete the whole 'candidates:' block" in str(caught.value)


def test_one_actor_id_with_two_kinds_names_both_files(tmp_path):
    first = curation.load(curation.curation_path(FIRST_SEED), parse_file(FIRST_SEED))
    dated = FIXTURES / "corpus" / "dated_ap.txt"
    path = edited(tmp_path, FIXTURES / "corpus" / "dated_ap.yml", "    kind: security force\n    who:\n      text: Iraq's army", "    kind: militia\n    who:\n      text: Iraq's army")
    other = curation.load(path, parse_file(dated))
    with pytest.raises(BriefingError) as caught:
        corpus.build([first, other])
    message = str(caught.value)
    assert "actor 'iraqi-forces' is a 'militia' here but a 'security force' in 000_b2ab8aba2c0e3d24.yml" in message
    assert caught.value.path.name == "dated_ap.yml" and caught.value.line == line_of(path, "kind: militia")
    assert "give it the same kind in both" in message


def test_the_article_page_mentions_left_out_material_only_when_there_is_some(article):
    briefing = curation.load(GOOD, article)
    assert briefing.article.removed  # the fixture's "Related stories" block
    with_removed = render_site(corpus.build([briefing])).pages["articles/dateline_ap/index.md"]
    assert "is not the article is left out" in with_removed
    clean = dataclasses.replace(briefing, article=dataclasses.replace(briefing.article, removed=()))
    site = render_site(corpus.build([clean]))
    assert "left out" not in site.pages["articles/dateline_ap/index.md"]
    assert "Nothing was left out." in site.pages["articles/dateline_ap/source-notes.md"]
