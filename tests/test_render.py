"""Rendering places, without a site build: what a map's caption says of a place it cannot draw."""

from __future__ import annotations

from scripts.entities import ENTITIES
from scripts.loading import load_corpus
from scripts.render import Pages, render_site

from .conftest import SEEDS


def test_a_place_outside_the_map_is_named_in_the_caption_and_still_in_the_table(tmp_path):
    # Baghdad's coordinates moved east of the map's box (as a capital abroad would be).
    entities = tmp_path / "entities.yml"
    text = ENTITIES.read_text(encoding="utf-8")
    assert "    lon: 44.40088\n" in text
    entities.write_text(text.replace("    lon: 44.40088\n", "    lon: 69.2\n"), encoding="utf-8")
    pages = render_site(load_corpus(SEEDS, entities)).pages
    home = pages[Pages.home]
    assert "Not on this map, which shows Iraq and its neighbours: Baghdad." in home
    assert "Not on this map" not in render_site(load_corpus(SEEDS)).pages[Pages.home]
    start = home.index('class="map-svg"')
    map_svg = home[start : home.index("</svg>", start)]
    assert "Baghdad" not in map_svg and "Mosul" in map_svg
    table = home[home.index('<div class="places-table"') :]
    assert "[Baghdad](places/baghdad/index.md)" in table  # the table still lists every place
