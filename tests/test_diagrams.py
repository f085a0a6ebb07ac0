"""The pictures on the built site: valid, titled, accessible SVG with the data they claim to show."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from scripts import corpus
from scripts.loading import load_entry

from .conftest import FIRST_SEED

SVG = "{http://www.w3.org/2000/svg}"
PAGES = {
    "matrix": "threat/index.html",
    "relations": "articles/000_b2ab8aba2c0e3d24/index.html",
    "chain": "articles/000_b2ab8aba2c0e3d24/source-notes/index.html",
}


@pytest.fixture(scope="module")
def briefing():
    return load_entry(FIRST_SEED)


def svg_on(site, page: str) -> ET.Element:
    html = (site / page).read_text(encoding="utf-8")
    start = html.index("<svg", html.index('<div class="diagram"'))
    element = ET.fromstring(html[start : html.index("</svg>", start) + len("</svg>")])  # well-formed XML
    return element


@pytest.mark.parametrize("kind", PAGES)
def test_each_picture_is_accessible_svg_coloured_by_the_theme(built_site, kind):
    svg = svg_on(built_site, PAGES[kind])
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
    title, desc = list(svg)[:2]
    assert title.tag == f"{SVG}title" and title.text and desc.tag == f"{SVG}desc" and desc.text
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    for element in svg.iter():
        assert element.get("fill") is None and element.get("stroke") is None and element.get("style") is None  # CSS only
        assert not element.tag.endswith("script") and not element.tag.endswith("foreignObject")
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert texts and all(texts)


def test_matrix_marks_exactly_the_answers(built_site, briefing):
    svg = svg_on(built_site, PAGES["matrix"])
    marks = [c.find(f"{SVG}title").text for c in svg.iter(f"{SVG}circle") if c.get("class") == "d-mark"]
    merged = corpus.build([briefing])  # rows and columns follow the site-wide order: the curation's
    moves, pillars = [m.latest for m in merged.moves.values()], [p.latest for p in merged.pillars.values()]
    expected = [f"{p.name} answers: {m.name}" for m in moves for p in pillars if m.id in p.answers]
    assert marks == expected and len(expected) == sum(len(p.answers) for p in briefing.curation.pillars)
    columns = [t.text for t in svg.iter(f"{SVG}text") if "d-column" in t.get("class", "")]
    # Only pillars named as an answer are columns (conditions for success answer no move), in curation order.
    assert columns == [p.name for p in briefing.curation.pillars if p.answers]


def test_relations_picture_has_one_row_per_relation(built_site, briefing):
    svg = svg_on(built_site, PAGES["relations"])
    verbs = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "d-verb"]
    assert verbs == [r.kind for r in briefing.curation.relations]


def test_chain_picture_names_outlet_wire_and_sources(built_site):
    svg = svg_on(built_site, PAGES["chain"])
    labels = " ".join(t.text for t in svg.iter(f"{SVG}text"))
    for name in ("PanARMENIAN.Net", "The Associated Press", "Iraqi officials (unnamed)", "Hisham al-Hashimi"):
        assert name in labels
