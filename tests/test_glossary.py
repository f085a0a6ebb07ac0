from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from scripts.errors import BriefingError
from scripts.glossary import abbreviations, load

from .conftest import ROOT


def test_glossary_terms_are_explained_where_they_appear(built_site):
    glossary = load(ROOT / "docs" / "glossary.yml")
    assert set(glossary) >= {"IS", "AP"}
    article = (built_site / "articles" / "000_b2ab8aba2c0e3d24" / "index.html").read_text()
    assert f'<abbr title="{glossary["IS"]}">IS</abbr>' in article
    page = BeautifulSoup((built_site / "glossary" / "index.html").read_text(), "html.parser")
    shown = {dt.get_text().strip(): dd.get_text().strip() for dt, dd in zip(page.select(".md-content dt"), page.select(".md-content dd"), strict=True)}
    assert shown == glossary


def test_actors_index_groups_actors_by_kind(built_site):
    page = (built_site / "actors" / "index.html").read_text()
    section = page[page.index('id="kind-analyst"') : page.index('id="kind-armed-group"')]
    assert "Hisham al-Hashimi" in section and "Islamic State" not in section
    actor = (built_site / "actors" / "hisham-al-hashimi" / "index.html").read_text()
    assert 'href="../#kind-analyst"' in actor
    assert not (built_site / "tags").exists()  # the index is the one list by kind


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("IS: [unclosed\n", "is not valid YAML"),
        ("- IS\n", "must be a mapping"),
        ("'A long phrase that is no term of the article at all': x\n", "must be an abbreviation or a term of a few words"),
        ("IS: ''\n", "needs a definition in words"),
    ],
)
def test_a_bad_glossary_is_named(tmp_path, text, message):
    path = tmp_path / "glossary.yml"
    path.write_text(text)
    with pytest.raises(BriefingError, match=message):
        load(path)


def test_definitions_are_single_lines():
    assert abbreviations({"IS": "Islamic State group"}) == "\n*[IS]: Islamic State group\n"
    assert abbreviations({}) == ""
