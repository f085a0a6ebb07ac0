"""The map of places, drawn at build time as inline SVG: no script, no tiles, no request to another host.

Countries come from ``scripts/data/region.json`` (see ``scripts/geodata.py``). The projection is
equirectangular with longitudes scaled by the cosine of the box's middle latitude (33.25N), which keeps
shapes true to within a few per cent across a box this size and needs no library. Every shape and label
is coloured by CSS classes (``briefing.css``), never by inline style, so a ``style-src 'self'`` policy
allows it and the map follows the light and dark schemes.

Labels are placed greedily, the highlighted place first and then in the order given: right of the mark,
left, above, below, then the same positions nudged up and down. A label that fits nowhere without
touching another label or mark is left out and named in ``Drawing.unlabelled``, so the page's table of
places still gives it. Sizes are estimated from the font size and the number of characters
(``label_box``); the tests check the drawing with the same estimate.
"""

from __future__ import annotations

import functools
import html
import itertools
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from .text import clean

REGION = Path(__file__).with_name("data") / "region.json"

WIDTH = 320.0  # user units of the viewBox: in a 360 px phone's column (328 px) a 12-unit label is drawn at 12.3 px
PAD = 8.0  # room around the countries' box, so a mark on its edge is drawn whole
FONT = 12.0  # label size in user units; briefing.css sets the same
CHAR = 0.6  # average advance of a character, as a share of the font size (sans-serif, mixed case)
CHAR_BOLD = 0.66  # the highlighted place's label is bold, and wider
ASCENT, DESCENT = 0.9, 0.3  # of the font size, above and below the baseline
RADIUS, RADIUS_HIGHLIGHTED = 4.0, 6.5
GAP = 3.0  # between a mark and its label
GRID = 10.0  # spacing of the points tried for a country's name


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    lon: float
    lat: float
    kind: str
    href: str | None = None
    highlighted: bool = False
    # A border: the ids of the two countries of the region it runs between; drawn along their common line.
    between: tuple[str, ...] = ()


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: Box) -> bool:
        return self.x < other.x + other.w and other.x < self.x + self.w and self.y < other.y + other.h and other.y < self.y + self.h

    def within(self, outer: Box) -> bool:
        return self.x >= outer.x and self.y >= outer.y and self.x + self.w <= outer.x + outer.w and self.y + self.h <= outer.y + outer.h


@dataclass(frozen=True)
class Drawing:
    svg: Markup
    marks: Mapping[str, Box]  # place id -> the box around its circle
    labels: Mapping[str, Box]  # place id -> its label's estimated box
    unlabelled: tuple[str, ...]  # place ids drawn without a label: list them in the text equivalent
    outside: tuple[str, ...]  # place ids outside the drawn region, not drawn at all
    unnamed_countries: tuple[str, ...]  # country ids whose name did not fit inside them


def load_region(path: Path = REGION) -> dict[str, Any]:
    """The vendored region document."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.cache
def map_countries() -> frozenset[str]:
    """The ids of the countries the map draws, which a border's ``between`` names."""
    return frozenset(str(c["id"]) for c in load_region()["countries"])


def text_width(text: str, bold: bool = False) -> float:
    return len(text) * FONT * (CHAR_BOLD if bold else CHAR)


def label_box(x: float, baseline: float, text: str, anchor: str, bold: bool = False) -> Box:
    """The box a label is estimated to cover, from its anchor point as written in the SVG."""
    w = text_width(text, bold)
    left = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
    return Box(left, baseline - ASCENT * FONT, w, (ASCENT + DESCENT) * FONT)


class Projection:
    """Longitude/latitude to viewBox units: equirectangular, longitudes scaled by cos(middle latitude)."""

    def __init__(self, bounds: Sequence[float], width: float) -> None:
        self.west, self.south, self.east, self.north = (float(b) for b in bounds)
        self.k = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = (width - 2 * PAD) / ((self.east - self.west) * self.k)
        self.width = width
        self.height = (self.north - self.south) * self.scale + 2 * PAD

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return PAD + (lon - self.west) * self.k * self.scale, PAD + (self.north - lat) * self.scale

    def covers(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


def _t(text: str) -> str:
    """Text for SVG content or a double-quoted attribute: controls dropped (XML forbids them), escaped."""
    return html.escape(clean(text), quote=True)


def _n(value: float) -> str:
    """A coordinate with one decimal, without a trailing ".0" or a negative zero, so output is stable."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _token(value: str) -> str:
    """A class-name suffix from editor text: lower-case letters, digits and hyphens only."""
    return re.sub(r"[^a-z0-9-]+", "-", value.lower()).strip("-") or "other"


def _href(value: str) -> str:
    """A link target; only the site's own relative addresses and http(s) are drawn as links."""
    if urlsplit(value).scheme not in ("", "http", "https"):
        raise ValueError(f"map link {value!r}: only relative, http and https addresses are allowed")
    return _t(value)


def _line(points: Sequence[tuple[float, float]]) -> str:
    """A path through the points in whole units, each step relative to the last: a unit is at most 1.5 px
    on screen and 0.04 degrees on the ground, finer than the map shows, and the path is 40% smaller.
    Points are rounded before the steps are taken, so shared boundaries stay on the same whole units."""
    whole = [(round(x), round(y)) for x, y in points]
    steps = [f"{x - px},{y - py}" for (px, py), (x, y) in itertools.pairwise(whole)]
    return f"M{whole[0][0]},{whole[0][1]}" + ("l" + " ".join(steps) if steps else "")


def _path(rings: Iterable[Sequence[tuple[float, float]]]) -> str:
    return "".join(_line(ring) + "z" for ring in rings)


def _inside(point: tuple[float, float], rings: Sequence[Sequence[tuple[float, float]]]) -> bool:
    """Even-odd rule over all of a country's rings, as the path is filled."""
    x, y = point
    inside = False
    for ring in rings:
        for (ax, ay), (bx, by) in zip(ring, [*ring[1:], ring[0]], strict=True):
            if (ay > y) != (by > y) and x < ax + (bx - ax) * (y - ay) / (by - ay):
                inside = not inside
    return inside


def _centroid(ring: Sequence[tuple[float, float]]) -> tuple[float, float]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not a:
        return ring[0]
    return cx / (3 * a), cy / (3 * a)


def _area(ring: Sequence[tuple[float, float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True))) / 2


def _candidates(cx: float, cy: float, r: float) -> list[tuple[float, float, str]]:
    """Anchor point and text-anchor of each position tried for a mark's label, best first."""
    middle = cy + (ASCENT - DESCENT) / 2 * FONT  # baseline that centres the box on the mark
    right = (cx + r + GAP, middle, "start")
    left = (cx - r - GAP, middle, "end")
    above = (cx, cy - r - GAP - DESCENT * FONT, "middle")
    below = (cx, cy + r + GAP + ASCENT * FONT, "middle")
    out = [right, left, above, below]
    for step in (0.5, 1.0, 1.5):  # nudged: slid along the mark, still touching it
        d = step * FONT
        out += [(right[0], middle - d, "start"), (right[0], middle + d, "start"), (left[0], middle - d, "end"), (left[0], middle + d, "end")]
        out += [(cx + d, above[1], "middle"), (cx - d, above[1], "middle"), (cx + d, below[1], "middle"), (cx - d, below[1], "middle")]
    # Diagonal corners, the box touching the mark's corner.
    out += [(cx + r, cy - r, "start"), (cx - r, cy - r, "end"), (cx + r, cy + r + ASCENT * FONT, "start"), (cx - r, cy + r + ASCENT * FONT, "end")]
    return out


def draw_map(region: Mapping[str, Any], places: Sequence[Place], *, ident: str, title: str, desc: str, width: float = WIDTH) -> Drawing:
    """The map of ``places`` over the region's countries, with its layout for the caller's text equivalent."""
    project = Projection(region["bounds"], width)
    frame = Box(0, 0, project.width, project.height)
    ident_t = _t(_token(ident))

    region_ids = {str(c["id"]) for c in region["countries"]}
    # A country of the region is marked by its own shape and name; a border by the line the two countries share.
    countries_marked = {p.id: p for p in places if p.kind == "country" and p.id in region_ids}
    borders = {p.id: line for p in places if (line := shared_line(region, p.between)) and p.id not in countries_marked}
    points = [p for p in places if p.id not in countries_marked]
    shown = [p for p in points if project.covers(p.lon, p.lat)]
    outside = tuple(p.id for p in points if not project.covers(p.lon, p.lat))
    order = sorted(shown, key=lambda p: not p.highlighted)  # stable: otherwise the order given

    marks: dict[str, Box] = {}
    centres: dict[str, tuple[float, float, float]] = {}
    for p in shown:
        cx, cy = project(p.lon, p.lat)  # for a border, its gazetteer point on the line: its label goes beside it
        r = RADIUS_HIGHLIGHTED if p.highlighted else RADIUS
        centres[p.id] = (cx, cy, r)
        marks[p.id] = Box(cx - r, cy - r, 2 * r, 2 * r)

    taken: list[Box] = list(marks.values())
    labels: dict[str, Box] = {}
    label_svg: dict[str, str] = {}
    unlabelled: list[str] = []
    for p in order:
        name = clean(p.name)
        cx, cy, r = centres[p.id]
        for x, baseline, anchor in _candidates(cx, cy, r):
            box = label_box(x, baseline, name, anchor, p.highlighted)
            if box.within(frame) and not any(box.overlaps(other) for other in taken):
                taken.append(box)
                labels[p.id] = box
                cls = "map-label map-label--highlighted" if p.highlighted else "map-label"
                label_svg[p.id] = f'<text class="{cls}" x="{_n(x)}" y="{_n(baseline)}" text-anchor="{anchor}">{_t(name)}</text>'
                break
        else:
            unlabelled.append(p.id)

    # Only the places are for assistive technology (each link named by its title); the rest is decoration.
    # The frame is drawn half a unit inside the picture: a stroke on its edge would be half clipped, or all.
    sea = f'x="0.5" y="0.5" width="{_n(project.width - 1)}" height="{_n(project.height - 1)}"'
    body: list[str] = [f'<rect class="map-sea" aria-hidden="true" {sea}/>']
    names: list[str] = []
    unnamed: list[str] = []
    countries = sorted(region["countries"], key=lambda c: (c["role"] == "subject", str(c["id"])))  # Iraq last, on top
    for country in countries:
        rings = [[project(lon, lat) for lon, lat in ring] for polygon in country["polygons"] for ring in polygon]
        role = _token(str(country["role"]))
        place = countries_marked.get(str(country["id"]))
        cls = f"map-country map-country--{role}"
        if place is not None:
            cls += " map-country--place" + (" map-country--highlighted" if place.highlighted else "")
        shape = f'<path class="{cls}" d="{_path(rings)}"/>'
        name_svg = _country_name(str(country["name"]), role, country["polygons"], rings, project, frame, taken)
        if name_svg:
            names.append(name_svg)
        else:
            unnamed.append(str(country["id"]))
        if place is not None:
            marks[place.id] = taken[-1] if name_svg else _bounds(rings, frame)
            body.append(_linked(place, f"<title>{_t(place.name)}</title>{shape}"))
        else:
            body.append(shape.replace("<path ", '<path aria-hidden="true" ', 1))
    body.append(f'<g aria-hidden="true">{"".join(names)}</g>' if names else "")

    for p in shown:
        if p.id in borders:  # the line itself is the mark: a dot would read as one spot on it
            cls = "map-border" + (" map-border--highlighted" if p.highlighted else "")
            d = _line([project(lon, lat) for lon, lat in borders[p.id]])
            shape = f'<path class="map-border-halo" d="{d}"/><path class="{cls}" d="{d}"/>'
        else:
            cx, cy, r = centres[p.id]
            cls = f"map-place map-place--{_token(p.kind)}" + (" map-place--highlighted" if p.highlighted else "")
            shape = f'<circle class="{cls}" cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}"/>'
        body.append(_linked(p, f"<title>{_t(p.name)}</title>{shape}{label_svg.get(p.id, '')}"))

    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map-svg" viewBox="0 0 {_n(project.width)} {_n(project.height)}" '
        f'width="{_n(project.width)}" height="{_n(project.height)}" aria-labelledby="{ident_t}-title {ident_t}-desc">'
        f'<title id="{ident_t}-title">{_t(title)}</title><desc id="{ident_t}-desc">{_t(desc)}</desc>' + "".join(body) + "</svg>"
    )
    return Drawing(Markup(svg), marks, labels, tuple(unlabelled), outside, tuple(unnamed))


def _linked(place: Place, content: str) -> str:
    """A place's drawing (its title first, which names it), as a link to its page when it has one."""
    if place.href:
        return f'<a href="{_href(place.href)}">{content}</a>'
    return f'<g role="img">{content}</g>'


def _bounds(rings: Sequence[Sequence[tuple[float, float]]], frame: Box) -> Box:
    """The part of the shapes' bounding box inside the frame."""
    xs = [min(max(x, frame.x), frame.x + frame.w) for ring in rings for x, _ in ring]
    ys = [min(max(y, frame.y), frame.y + frame.h) for ring in rings for _, y in ring]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def shared_line(region: Mapping[str, Any], between: Sequence[str]) -> list[tuple[float, float]]:
    """The longest run of boundary points two countries of the region share, in the first one's order;
    empty when ``between`` does not name two of its countries that touch. The vendored shapes keep a shared
    boundary as one line (scripts/geodata.py simplifies arcs, not rings), so the points are equal, not near."""
    if len(between) != 2:
        return []
    by_id = {str(c["id"]): c for c in region["countries"]}
    first, second = (by_id.get(i) for i in between)
    if first is None or second is None:
        return []
    theirs = {(p[0], p[1]) for polygon in second["polygons"] for ring in polygon for p in ring}
    best: list[tuple[float, float]] = []
    for polygon in first["polygons"]:
        for ring in polygon:
            points = [(p[0], p[1]) for p in ring]
            if points and points[0] == points[-1]:
                points = points[:-1]
            n = len(points)
            shared = [p in theirs for p in points]
            if all(shared):
                return [*points, points[0]]
            # Runs may wrap past the ring's start: begin at a point that is not shared.
            start = shared.index(False) if False in shared else 0
            run: list[tuple[float, float]] = []
            for k in range(1, n + 1):
                point = points[(start + k) % n]
                if point in theirs:
                    run.append(point)
                    if len(run) > len(best):
                        best = list(run)
                else:
                    run = []
    return best if len(best) >= 2 else []


def _country_name(
    name: str, role: str, polygons: Sequence[Any], rings: Sequence[Sequence[tuple[float, float]]], project: Projection, frame: Box, taken: list[Box]
) -> str:
    """The country's name inside its shape, nearest its visible centre, clear of marks and labels; or ""."""
    largest = max(([project(lon, lat) for lon, lat in polygon[0]] for polygon in polygons), key=_area)
    gx, gy = _centroid(largest)
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    points = [
        (gx + i * GRID, gy + j * GRID)
        for i in range(math.floor((min(xs) - gx) / GRID), math.ceil((max(xs) - gx) / GRID) + 1)
        for j in range(math.floor((min(ys) - gy) / GRID), math.ceil((max(ys) - gy) / GRID) + 1)
    ]
    points.sort(key=lambda p: ((p[0] - gx) ** 2 + (p[1] - gy) ** 2, p[1], p[0]))
    baseline_shift = (ASCENT - DESCENT) / 2 * FONT
    for x, y in points:
        box = label_box(x, y + baseline_shift, name, "middle")
        if not box.within(frame) or any(box.overlaps(other) for other in taken):
            continue
        corners = [(box.x, box.y), (box.x + box.w, box.y), (box.x, box.y + box.h), (box.x + box.w, box.y + box.h), (x, box.y), (x, box.y + box.h)]
        if all(_inside(c, rings) for c in corners):
            taken.append(box)
            return f'<text class="map-country-name map-country-name--{role}" x="{_n(x)}" y="{_n(y + baseline_shift)}" text-anchor="middle">{_t(name)}</text>'
    return ""
