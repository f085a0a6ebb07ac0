"""The map of places: valid, titled SVG; marks inside the drawn area; labels that never overlap; inert text.

Also the vendored boundaries (scripts/data/region.json) and the TopoJSON decoding that regenerates them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts import geodata
from scripts.map_svg import PAD, REGION, WIDTH, Box, Place, Projection, draw_map, load_region

from .map_layout import SVG, assert_layout, mark_boxes, parse, path_points, titled, view_box

FIXTURE = Path(__file__).parent / "fixtures" / "geodata" / "tiny.topojson"

CITIES = [
    Place("baghdad", "Baghdad", 44.36, 33.31, "city", "../places/baghdad/"),
    Place("mosul", "Mosul", 43.13, 36.34, "city", "../places/mosul/"),
    Place("erbil", "Erbil", 44.01, 36.19, "city", "../places/erbil/"),
    Place("tal-afar", "Tal Afar", 42.45, 36.38, "city"),
    Place("qaim", "Qaim", 41.02, 34.37, "city"),
    Place("ramadi", "Ramadi", 43.30, 33.42, "city"),
    Place("basra", "Basra", 47.78, 30.51, "city"),
    Place("damascus", "Damascus", 36.29, 33.51, "city"),
]


@pytest.fixture(scope="module")
def region():
    return load_region()


def draw(region, places, **kw):
    return draw_map(region, places, ident="map", title="Places named in the briefing", desc="Iraq and its neighbours, with the places the articles name.", **kw)


def test_layout_check_catches_overlaps():
    """The overlap check used below fails on labels that touch, so its passing means something."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><circle cx="50" cy="50" r="4"/>'
        '<text class="map-label" x="60" y="54" text-anchor="start">Mosul</text><text class="map-label" x="80" y="58" text-anchor="start">Tal Afar</text></svg>'
    )
    with pytest.raises(AssertionError, match="overlap"):
        assert_layout(parse(svg))
    covering = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><circle cx="50" cy="50" r="4"/><text class="map-label" x="50" y="54" text-anchor="middle">Erbil</text></svg>'
    with pytest.raises(AssertionError, match="covers a mark"):
        assert_layout(parse(covering))


def test_valid_titled_svg(region):
    root = parse(draw(region, CITIES).svg)
    assert root.tag == f"{SVG}svg"
    # No role="img": an image's content is hidden from assistive technology, links included. The
    # implicit role (a graphics document) keeps the links, and the title and description name it.
    assert root.get("role") is None
    assert root.find(f"{SVG}title").text == "Places named in the briefing"
    assert root.find(f"{SVG}desc").text.startswith("Iraq and its neighbours")
    assert root.get("aria-labelledby") == "map-title map-desc"
    frame = view_box(root)
    assert frame.w > 0 and frame.h > 0


def test_countries_drawn_with_a_class_per_role(region):
    root = parse(draw(region, CITIES).svg)
    classes = [p.get("class") for p in root.iter(f"{SVG}path")]
    assert classes.count("map-country map-country--subject") == 1
    assert classes.count("map-country map-country--neighbour") == 6
    # Shapes and names are decoration for assistive technology: the places and the table carry the content.
    assert all(p.get("aria-hidden") == "true" for p in root.iter(f"{SVG}path"))
    names = {t.text for t in root.iter(f"{SVG}text") if "map-country-name" in t.get("class", "")}
    assert {"Iraq", "Syria", "Turkey", "Iran"} <= names


def test_marks_inside_the_picture_and_the_region(region):
    drawing = draw(region, CITIES)
    root = parse(drawing.svg)
    frame = view_box(root)
    project = Projection(region["bounds"], frame.w)
    drawn = Box(PAD, PAD, frame.w - 2 * PAD, frame.h - 2 * PAD)  # the region's bounds, projected
    marks = mark_boxes(root)
    assert len(marks) == len(CITIES)
    for mark in marks:
        assert mark.within(frame)
        centre = Box(mark.x + mark.w / 2, mark.y + mark.h / 2, 0, 0)
        assert centre.within(drawn)
    # Baghdad's mark is where the projection puts 44.36E 33.31N.
    cx, cy = project(44.36, 33.31)
    assert drawing.marks["baghdad"] == Box(cx - 4, cy - 4, 8, 8)


def test_close_cities_labelled_without_overlap(region):
    drawing = draw(region, CITIES)
    assert drawing.unlabelled == ()
    assert {"mosul", "tal-afar", "erbil"} <= set(drawing.labels)
    root = parse(drawing.svg)
    assert_layout(root)
    texts = {t.text for t in root.iter(f"{SVG}text")}
    assert {"Mosul", "Tal Afar", "Erbil", "Baghdad", "Damascus"} <= texts


def test_highlighted_place_drawn_distinctly(region):
    places = [p if p.id != "mosul" else Place(p.id, p.name, p.lon, p.lat, p.kind, p.href, True) for p in CITIES]
    root = parse(draw(region, places).svg)
    [big] = [c for c in root.iter(f"{SVG}circle") if "map-place--highlighted" in c.get("class", "")]
    assert titled(root, big) == "Mosul"
    assert float(big.get("r", "")) > max(float(c.get("r", "")) for c in root.iter(f"{SVG}circle") if c is not big)
    [label] = [t for t in root.iter(f"{SVG}text") if "map-label--highlighted" in t.get("class", "")]
    assert label.text == "Mosul"
    assert_layout(root)


def test_crowded_places_leave_labels_out_and_say_so(region):
    crowd = [Place(f"p{i}", f"Place number {i}", 44.0 + (i % 4) * 0.15, 33.0 + (i // 4) * 0.15, "city") for i in range(16)]
    drawing = draw(region, crowd)
    root = parse(drawing.svg)
    assert drawing.unlabelled, "sixteen long labels in a small square cannot all fit"
    assert set(drawing.unlabelled) | set(drawing.labels) == {p.id for p in crowd}
    assert not set(drawing.unlabelled) & set(drawing.labels)
    texts = {t.text for t in root.iter(f"{SVG}text")}
    for ident in drawing.unlabelled:
        assert f"Place number {ident[1:]}" not in texts
    assert len(mark_boxes(root)) == len(crowd)  # every place is still marked
    assert_layout(root)


def test_place_outside_the_region_is_reported_not_drawn(region):
    drawing = draw(region, [*CITIES, Place("kabul", "Kabul", 69.2, 34.5, "city")])
    assert drawing.outside == ("kabul",)
    assert "Kabul" not in drawing.svg


def test_links_wrap_marks(region):
    root = parse(draw(region, CITIES).svg)
    links = {a.get("href"): a for a in root.iter(f"{SVG}a")}
    assert set(links) == {"../places/baghdad/", "../places/mosul/", "../places/erbil/"}
    assert links["../places/mosul/"][0].tag == f"{SVG}title"  # the title comes first: it names the link
    assert links["../places/mosul/"][0].text == "Mosul"
    assert links["../places/mosul/"].find(f"{SVG}circle") is not None
    linked = {a[0].text for a in links.values()}
    assert "Qaim" not in linked
    [qaim] = [g for g in root.iter(f"{SVG}g") if g.get("role") == "img" and g[0].text == "Qaim"]
    assert qaim.find(f"{SVG}circle") is not None


def test_country_place_marked_by_its_shape(region):
    places = [Place("iraq", "Iraq", 43.74, 33.04, "country", "../places/iraq/"), Place("syria", "Syria", 38.51, 35.03, "country", "../places/syria/", True)]
    drawing = draw(region, [*places, *CITIES[:2]])
    root = parse(drawing.svg)
    links = {a.get("href"): a for a in root.iter(f"{SVG}a")}
    iraq = links["../places/iraq/"]
    assert iraq[0].text == "Iraq"
    assert iraq.find(f"{SVG}path").get("class") == "map-country map-country--subject map-country--place"
    assert links["../places/syria/"].find(f"{SVG}path").get("class") == "map-country map-country--neighbour map-country--place map-country--highlighted"
    assert iraq.find(f"{SVG}circle") is None  # no dot in the middle of a country
    assert {"iraq", "syria"} <= set(drawing.marks)
    assert all(drawing.marks[c].within(view_box(root)) for c in ("iraq", "syria"))
    assert_layout(root)


def test_border_drawn_along_the_common_line(region):
    border = Place("iraq-syria-border", "Iraq–Syria border", 41.22, 35.29, "border", "../places/iraq-syria-border/", between=("iraq", "syria"))
    drawing = draw(region, [border, *CITIES[:3]])
    root = parse(drawing.svg)
    [line] = [p for p in root.iter(f"{SVG}path") if "map-border" in p.get("class", "").split()]
    points = path_points(line.get("d", ""))
    assert len(points) >= 10 and not line.get("d", "").endswith("z")
    project = Projection(region["bounds"], WIDTH)
    # It runs from the Jordanian tripoint to the Turkish one, along the countries' shared points.
    for (x, y), (lon, lat) in ((points[0], (38.77, 33.37)), (points[-1], (42.36, 37.11))):
        px, py = project(lon, lat)
        assert abs(x - px) <= 0.5 and abs(y - py) <= 0.5
    assert "iraq-syria-border" in drawing.labels
    [link] = [a for a in root.iter(f"{SVG}a") if a.get("href") == "../places/iraq-syria-border/"]
    assert link[0].text == "Iraq–Syria border" and line in list(link)  # the line is the link
    assert link.find(f"{SVG}circle") is None  # no dot that would read as one spot on the border
    assert_layout(root)


def test_border_between_countries_that_do_not_touch_is_a_point(region):
    border = Place("b", "Somewhere", 44.0, 33.0, "border", between=("syria", "kuwait"))
    root = parse(draw(region, [border]).svg)
    assert not [p for p in root.iter(f"{SVG}path") if "map-border" in p.get("class", "").split()]
    assert len(mark_boxes(root)) == 1


def test_script_links_refused(region):
    with pytest.raises(ValueError, match="javascript"):
        draw(region, [Place("x", "X", 44, 33, "city", "javascript:alert(1)")])


HOSTILE = "<script>alert(\"x\")</script> & 'Ramadi'"


def test_hostile_text_escaped(region):
    places = [Place("h", HOSTILE, 44.0, 33.0, 'city" onload="x', '../places/a"b/')]
    drawing = draw_map(region, places, ident='m"><script>', title=HOSTILE, desc=HOSTILE)
    assert "<script" not in drawing.svg
    root = parse(drawing.svg)  # still well-formed
    assert not any(k.startswith("on") for element in root.iter() for k in element.attrib)
    assert root.get("aria-labelledby") == "m-script-title m-script-desc"
    assert root.find(f"{SVG}title").text == HOSTILE
    assert root.find(f"{SVG}desc").text == HOSTILE
    [a] = root.iter(f"{SVG}a")
    assert a.get("href") == '../places/a"b/'
    [circle] = root.iter(f"{SVG}circle")
    assert circle.get("class") == "map-place map-place--city-onload-x"
    assert a[0].text == HOSTILE
    assert {t.text for t in root.iter(f"{SVG}text")} >= {HOSTILE}


def test_no_script_style_or_external_reference(region):
    svg = draw(region, CITIES).svg
    root = parse(svg)
    for element in root.iter():
        assert element.tag.removeprefix(SVG) not in {"script", "style", "foreignObject", "image", "use"}
        assert "style" not in element.attrib
        assert not any(k.startswith("on") for k in element.attrib)
        assert not any("xlink" in k for k in element.attrib)
    assert "url(" not in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_same_input_same_bytes(region):
    assert draw(region, CITIES).svg == draw(load_region(), list(CITIES)).svg


# The vendored boundaries and the regeneration script.


def test_region_records_source_and_settings(region):
    assert REGION.stat().st_size < 30_000
    source = region["source"]
    assert (source["package"], source["version"], source["file"]) == ("world-atlas", "2.0.2", "countries-50m.json")
    assert "1:50m" in source["data"] and "public domain" in source["data_licence"]
    assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])
    assert region["tolerance_degrees"] == geodata.TOLERANCE
    assert region["bounds"] == [geodata.WEST, geodata.SOUTH, geodata.EAST, geodata.NORTH]
    assert {c["id"] for c in region["countries"]} == {"iraq", "syria", "turkey", "iran", "kuwait", "saudi-arabia", "jordan"}
    west, south, east, north = region["bounds"]
    for country in region["countries"]:
        for polygon in country["polygons"]:
            for ring in polygon:
                assert ring[0] == ring[-1]
                for lon, lat in ring:
                    assert west <= lon <= east and south <= lat <= north
                    assert round(lon, 2) == lon and round(lat, 2) == lat


def test_region_file_is_written_as_the_script_writes_it():
    text = REGION.read_text(encoding="utf-8")
    assert geodata.dumps(json.loads(text)) == text


def test_decoder_on_a_hand_written_topology():
    topology = json.loads(FIXTURE.read_text(encoding="utf-8"))
    arcs = geodata.decode_arcs(topology)
    assert arcs[0] == [(10.0, 20.0), (11.0, 20.0), (11.0, 21.0)]
    assert arcs[1] == [(11.0, 21.0), (10.0, 21.0), (10.0, 20.0)]
    assert arcs[2] == [(10.0, 20.0), (9.0, 20.5), (11.0, 21.0)]
    square, wedge = topology["objects"]["countries"]["geometries"]
    assert geodata.polygons(square, arcs) == [[[(10.0, 20.0), (11.0, 20.0), (11.0, 21.0), (10.0, 21.0), (10.0, 20.0)]]]
    # ~0 (written -1) is arc 0 walked backwards.
    assert geodata.polygons(wedge, arcs) == [[[(11.0, 21.0), (11.0, 20.0), (10.0, 20.0), (9.0, 20.5), (11.0, 21.0)]]]


def test_simplify_keeps_the_ends_and_drops_points_within_tolerance():
    line = [(0.0, 0.0), (1.0, 0.005), (2.0, 0.0), (3.0, 2.0), (4.0, 0.0)]
    assert geodata.simplify(line, 0.01) == [(0.0, 0.0), (2.0, 0.0), (3.0, 2.0), (4.0, 0.0)]
    assert geodata.simplify(line, 5.0) == [(0.0, 0.0), (4.0, 0.0)]
    closed = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]
    assert geodata.simplify(closed, 0.1) == closed


def test_clip_to_the_box():
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]
    clipped = geodata.clip(square, 2.0, -1.0, 10.0, 3.0)
    assert clipped[0] == clipped[-1]
    assert sorted(set(clipped)) == [(2.0, 0.0), (2.0, 3.0), (4.0, 0.0), (4.0, 3.0)]
    assert geodata.area(clipped) == 6.0
    assert geodata.clip(square, 5.0, 5.0, 6.0, 6.0) == []
