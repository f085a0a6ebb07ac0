from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from scripts.errors import BriefingError, display_path
from scripts.glossary import GLOSSARY, abbreviations, load

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


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("AP: The Associated Press\nIS: Islamic State\nIS: Islamic State group\n", 3, "term 'IS' is defined twice (first on line 2); keep one definition"),
        ("IS: [Islamic, State]\n", 1, "term 'IS': the definition is a list; write plain text, in quotes if it holds ': '"),
        ("AP: The Associated Press\nIS:\n  name: Islamic State\n", 3, "term 'IS': the definition is a mapping; write plain text, in quotes if it holds ': '"),
        ("IS: !!python/name:os.system x\n", 1, "term 'IS': the definition has the YAML tag '!!python/name:os.system', which is not allowed; write plain text"),
        ("AP: The Associated Press\n\nIS: ''\n", 3, "term 'IS' needs a definition in words"),
        ("AP: The Associated Press\nIS: [unclosed\n", 3, "is not valid YAML (did not find expected ',' or ']'); write one 'TERM: definition' per line"),
    ],
    ids=["duplicate-term", "list-definition", "mapping-definition", "tag", "empty-definition", "invalid-yaml"],
)
def test_a_glossary_error_names_the_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load(path)
    assert (caught.value.path, caught.value.line) == (path, line)
    assert str(caught.value) == f"{display_path(path)}:{line}: {message}"


def test_glossary_values_are_text_as_written(tmp_path):
    # The strict reader types nothing: under YAML 1.1, NO, yes and 1.5 would be a boolean, a boolean and a number.
    path = tmp_path / "glossary.yml"
    path.write_text("NO: Northern Operations, as the article abbreviates it\nyes: an answer\n1.5: one and a half\nON: 'on'\n", encoding="utf-8")
    glossary = load(path)
    assert glossary == {"NO": "Northern Operations, as the article abbreviates it", "yes": "an answer", "1.5": "one and a half", "ON": "on"}
    assert "\n*[NO]: Northern Operations, as the article abbreviates it" in abbreviations(glossary)


def test_the_sites_glossary_is_read_from_docs():
    assert GLOSSARY == ROOT / "docs" / "glossary.yml"
    assert {"IS", "AP"} <= set(load())


def test_definitions_are_single_lines():
    assert abbreviations({"IS": "Islamic State group"}) == "\n*[IS]: Islamic State group\n"
    assert abbreviations({}) == ""
