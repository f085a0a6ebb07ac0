"""Places on the built site: the maps on the pages that carry one, the place pages, the places index,
and what search, open data and schema.org get of them."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.loading import load_entry

from .conftest import FIRST_SEED
from .map_layout import SVG, assert_layout, mark_boxes, parse, view_box

# Pages with a map, and the places each must mark (None: every curated place).
MAP_PAGES = {"index.html": None, "places/index.html": None, "places/mosul/index.html": None, "threat/index.html": {"iraq", "mosul", "syria"}}


@pytest.fixture(scope="module")
def briefing():
    return load_entry(FIRST_SEED)


def doc(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def maps(site: Path, rel: str) -> list:
    """Each map as the page holds it, read as XML (an HTML parser would lower-case viewBox)."""
    return [parse(svg) for svg in re.findall(r'<svg [^>]*class="map-svg".*?</svg>', (site / rel).read_text(encoding="utf-8"), re.S)]


def heading(h) -> str:
    """A heading's words, without the permalink the theme adds."""
    return "".join(h.find_all(string=True, recursive=False)).strip()


def href_target(site: Path, rel: str, href: str) -> Path:
    target = (site / rel).parent / href
    return target / "index.html" if href.endswith("/") else target


@pytest.mark.parametrize("rel", list(MAP_PAGES))
def test_map_is_valid_titled_and_marks_every_place_inside_it(built_site, briefing, rel):
    [root] = maps(built_site, rel)
    title = root.find(f"{SVG}title").text
    assert title and root.find(f"{SVG}desc").text.startswith("Map of Iraq and its neighbours marking")
    assert root.get("aria-labelledby", "").split() == [root.find(f"{SVG}title").get("id"), root.find(f"{SVG}desc").get("id")]
    frame = view_box(root)
    expected = MAP_PAGES[rel] or {p.id for p in briefing.curation.places}
    links = {}
    for a in root.iter(f"{SVG}a"):
        target = href_target(built_site, rel, a.get("href"))
        assert target.exists(), f"{rel}: {a.get('href')} leads nowhere"
        links[target.parent.name] = a
    own = rel.split("/")[1] if rel.startswith("places/") and rel != "places/index.html" else None
    assert set(links) == expected - {own}
    if own:  # the page's own place: marked and named, not a link to the page itself
        [mark] = [g for g in root.iter(f"{SVG}g") if g.get("role") == "img"]
        assert mark[0].text == briefing.place(own).name and "map-place--highlighted" in mark.find(f"{SVG}circle").get("class")
    for place_id, a in links.items():
        assert a[0].tag == f"{SVG}title" and a[0].text == briefing.place(place_id).name  # the link's name
        shapes = [e for e in a.iter() if e.tag in (f"{SVG}circle", f"{SVG}path")]
        assert shapes, f"{rel}: {place_id} has no mark"
    for box in mark_boxes(root):
        assert box.within(frame)
    assert_layout(root)


def test_countries_are_their_shapes_and_the_border_its_line(built_site):
    [root] = maps(built_site, "index.html")
    links = {href_target(built_site, "index.html", a.get("href")).parent.name: a for a in root.iter(f"{SVG}a")}
    assert "map-country--place" in links["iraq"].find(f"{SVG}path").get("class")
    assert "map-country--place" in links["syria"].find(f"{SVG}path").get("class")
    assert links["mosul"].find(f"{SVG}circle") is not None
    assert [p for p in root.iter(f"{SVG}path") if p.get("class") == "map-border"], "the Iraq–Syria border is drawn as a line"


def test_each_map_has_its_text_equivalent_beside_it(built_site, briefing):
    for rel in ("index.html", "places/index.html"):
        table = doc(built_site, rel).select_one(".places-table table")
        rows = {tr.find("a").get_text(): [" ".join(td.get_text(" ").split()) for td in tr.find_all("td")] for tr in table.select("tbody tr")}
        for place in briefing.curation.places:
            named, said = rows[place.name]
            credit = "The Associated Press (AP), its own reporting" if not place.about.according_to else "Iraqi officials (unnamed)"
            # type, words, whose words (compared without spaces: glossary marks split the text into pieces)
            assert "".join(said.split()) == "".join(f"{place.about.type} {place.about.text} ({credit})".split())
            assert named == f"{place.name} {place.kind} · 1 article"
    caption = doc(built_site, "places/mosul/index.html").select_one("figure.map figcaption")
    assert caption.find("a", string="The places index")["href"] == "../"
    assert "A dot is a place (the large one: this page's), a dashed line a border" in caption.get_text()


def test_the_place_page_gathers_what_is_said_every_statement_naming_it_and_every_mention(built_site, briefing):
    mosul = doc(built_site, "places/mosul/index.html")
    assert heading(mosul.find("h1")) == "Mosul"
    assert [heading(h) for h in mosul.find_all("h2")] == ["What the article says about it", "Statements whose quotes name it", "Mentions in the article"]
    about = briefing.place("mosul").about
    assert " ".join(about.text.split()) in " ".join(mosul.get_text(" ").split())
    # Each statement whose quotes name Mosul, with its ¶ links to the sentence.
    naming = mosul.find(id="statements-whose-quotes-name-it").find_next("ul").find_all("li", recursive=False)
    labels = [li.find("a").get_text() for li in naming]
    assert "Key point 2" in labels and "Threat: Militants escaping Mosul to go into hiding" in labels
    assert "Key point 7" in labels  # "if the city falls": the article's other name for Mosul there
    assert "Bottom line, clause 4" not in labels  # its quote says "post-Mosul IS": a time, not the city
    assert "Mosul: what the article says" not in labels  # its own statement is shown above, once
    for li in naming:
        paragraph_links = [a["href"] for a in li.find_all("a") if a.get_text().startswith("¶")]
        assert paragraph_links and all(h.startswith("../../articles/000_b2ab8aba2c0e3d24/#p") for h in paragraph_links)
    mentions = mosul.select("p.mention")
    assert len(mentions) == len({m.paragraph for m in briefing.place_mentions["mosul"]})
    assert sum(len(m.find_all("mark")) for m in mentions) == len(briefing.place_mentions["mosul"])
    assert {mark.get_text() for m in mentions for mark in m.find_all("mark")} == {"Mosul", "the city"}


def test_the_border_page_says_the_words_the_article_names_it_by(built_site, briefing):
    border = doc(built_site, "places/iraq-syria-border/index.html")
    text = " ".join(border.get_text(" ").split())
    assert heading(border.find("h1")) == "Iraq–Syria border"
    assert "“border with Syria”, “the border”" in text
    assert "Also named: Syrian border; border with Syria" in text


def test_places_in_the_navigation_and_the_home_page(built_site):
    home = doc(built_site, "index.html")
    assert home.find("a", class_="md-nav__link", href="places/") is not None
    assert home.find(id="where").find_next("figure", class_="map") is not None
    assert any(card.find("a", href="places/") for card in home.select(".grid.cards li"))


def test_place_page_carries_a_schema_org_place_with_its_coordinates(built_site, briefing):
    graph = json.loads(doc(built_site, "places/baghdad/index.html").find("script", type="application/ld+json").string)["@graph"]
    place, news, claim = graph
    location = briefing.place("baghdad").location
    assert place == {"@type": "Place", "name": "Baghdad", "geo": {"@type": "GeoCoordinates", "latitude": location.latitude, "longitude": location.longitude}}
    assert news["@type"] == "NewsArticle" and claim["text"] == briefing.place("baghdad").about.text


def test_search_indexes_place_pages_as_places(built_site):
    fragments = [json.loads(gzip.decompress(p.read_bytes())[len(b"pagefind_dcd") :]) for p in (built_site / "pagefind" / "fragment").iterdir()]
    by_url = {f["url"]: f for f in fragments}
    assert by_url["/places/mosul/"]["filters"]["kind"] == ["place"]
    assert "Syrian border" in by_url["/places/iraq-syria-border/"]["content"]


def test_open_data_gives_each_place_its_coordinates_and_source(built_site, briefing):
    data = json.loads((built_site / "data" / "briefing.json").read_text(encoding="utf-8"))
    places = {p["id"]: p for p in data["places"]}
    assert set(places) == {p.id for p in briefing.curation.places}
    assert places["mosul"]["latitude"] == 36.335 and places["mosul"]["coordinates_source"].startswith("GeoNames 99072")
    header, *rows = (built_site / "data" / "places.csv").read_text(encoding="utf-8").splitlines()
    assert header == "id,article,name,kind,latitude,longitude,coordinates_source,about"
    assert len(rows) == len(places)
