"""Editors' errors made exact: the paragraphs a quote runs across, leads left in a finished curation, one
actor given two kinds, and source notes that agree with the article page. (A reference error's own line:
tests/test_curation.py.)"""

from __future__ import annotations

import dataclasses

import pytest

from scripts import corpus, curation, entities
from scripts.errors import BriefingError, CurationError
from scripts.parse import parse_file
from scripts.render import render_site

from .conftest import FIXTURES, edited, line_of

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


def test_a_kind_that_contradicts_the_shared_declaration_names_both_files(tmp_path):
    path = edited(tmp_path, FIXTURES / "corpus" / "dated_ap.yml", "  - id: iraqi-forces\n", "  - id: iraqi-forces\n    kind: militia\n")
    with pytest.raises(CurationError) as caught:
        entities.resolve(curation.read(path), entities.load(), path)
    message = str(caught.value)
    declared = line_of(entities.ENTITIES, "iraqi-forces:") + 2  # its kind, two lines below the id
    assert f"actor 'iraqi-forces': kind 'militia' contradicts docs/entities.yml:{declared} ('security force')" in message
    assert caught.value.path == path and caught.value.line == line_of(path, "kind: militia")
    assert "delete this line" in message


def test_one_undeclared_actor_id_with_two_kinds_names_both_files(tmp_path):
    add = "  - id: new-unit\n    name: A new unit\n    kind: {kind}\n    who:\n      text: A unit of the army, as two officers describe it\n      type: attributed claim\n      evidence: [the army plans to build watchtowers]\n    role:\n      text: Iraq's army\n      type: plan\n      evidence: [the army plans to build watchtowers]\n    mentioned_as: [army]\n"
    briefings = []
    for kind in ("militia", "security force"):
        (tmp_path / kind).mkdir()
        source = edited(tmp_path / kind, FIXTURES / "corpus" / "dated_ap.yml", "actors:\n", "actors:\n" + add.format(kind=kind))
        declared = entities.resolve(curation.read(source), entities.load(), source)  # new-unit is in no shared file
        briefings.append(curation.load(source, parse_file(FIXTURES / "corpus" / "dated_ap.txt"), declared))
    with pytest.raises(BriefingError) as caught:
        corpus.build(briefings)
    message = str(caught.value)
    assert "actor 'new-unit' is a 'militia' here but a 'security force' in dated_ap.yml" in message
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
