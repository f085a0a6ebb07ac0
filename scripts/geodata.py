"""Regenerates ``scripts/data/region.json``: Iraq and its neighbours, simplified, for the map.

The boundaries are Natural Earth's 1:50m admin-0 countries (public domain), as TopoJSON in the npm
package ``world-atlas``. Only this command touches the network (through ``npm pack``); the build and the
tests read the committed JSON. To regenerate it, from the repository root::

    .venv/bin/python -m scripts.geodata

or, with ``countries-50m.json`` already on disk (no network)::

    .venv/bin/python -m scripts.geodata --from path/to/countries-50m.json

The output depends only on that file and the constants below, so running it twice gives the same bytes.
Shared borders are simplified once, as TopoJSON arcs, before the rings are assembled: neighbours keep
one common line instead of two separately simplified ones that would gap or overlap.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

Point = tuple[float, float]
Ring = list[Point]

OUTPUT = Path(__file__).with_name("data") / "region.json"
PACKAGE, VERSION, FILE = "world-atlas", "2.0.2", "countries-50m.json"
SOURCE = {
    "package": PACKAGE,
    "version": VERSION,
    "file": FILE,
    "data": "Natural Earth 4.1.0, Admin 0 - Countries, 1:50m",
    "data_licence": "public domain (naturalearthdata.com/about/terms-of-use)",
    "packaging_licence": "ISC (world-atlas, Michael Bostock)",
}
# Box drawn by the map: Iraq (38.8-48.6E, 29.1-37.4N) with a margin for its border regions.
WEST, SOUTH, EAST, NORTH = 34.0, 28.0, 50.0, 38.5
# Natural Earth's country names, under the ids the map's CSS classes and tests use; Iraq is the subject.
COUNTRIES = {
    "Iraq": ("iraq", "Iraq"),
    "Syria": ("syria", "Syria"),
    "Turkey": ("turkey", "Turkey"),
    "Iran": ("iran", "Iran"),
    "Kuwait": ("kuwait", "Kuwait"),
    "Saudi Arabia": ("saudi-arabia", "Saudi Arabia"),
    "Jordan": ("jordan", "Jordan"),
}
TOLERANCE = 0.01  # degrees (about 1 km): a third of a pixel at the map's drawn width
MIN_AREA = 0.01  # square degrees: islets smaller than this are dropped (invisible at map scale)
DECIMALS = 2  # about 1 km, well under a pixel


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Absolute longitude/latitude points of every arc, undoing quantisation and delta encoding."""
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: Ring = []
        for p in arc:
            x += p[0]
            y += p[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indices: Sequence[int], arcs: Sequence[Ring]) -> Ring:
    """One ring from its arc indices; ``~i`` (that is ``-i - 1``) is arc ``i`` walked backwards.

    Consecutive arcs share their joining point, which is kept once.
    """
    ring: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def polygons(geometry: dict[str, Any], arcs: Sequence[Ring]) -> list[list[Ring]]:
    """A Polygon or MultiPolygon geometry as polygons, each its outer ring then its holes."""
    if geometry["type"] == "Polygon":
        return [[ring_points(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring_points(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    return []


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker: the fewest points whose line stays within ``tolerance`` of the original."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:  # iterative: a long coastline would exceed the recursion limit
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = (dx * dx + dy * dy) ** 0.5
        farthest, distance = -1, tolerance
        for i in range(first + 1, last):
            px, py = points[i]
            # Distance to the chord, or to its start when the chord is a point (a closed arc).
            d = abs(dy * (px - ax) - dx * (py - ay)) / length if length else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > distance:
                farthest, distance = i, d
        if farthest >= 0:
            keep[farthest] = True
            stack.extend(((first, farthest), (farthest, last)))
    return [p for p, k in zip(points, keep, strict=True) if k]


def clip(ring: Ring, west: float, south: float, east: float, north: float) -> Ring:
    """Sutherland-Hodgman: the part of a closed ring inside the box (the box edge closes it)."""
    def cut(points: Ring, inside: Any, meet: Any) -> Ring:
        out: Ring = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(meet(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(meet(previous, current))
        return out

    def at_x(x: float) -> Any:
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y: float) -> Any:
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    points = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else list(ring)
    for inside, meet in (
        (lambda p: p[0] >= west, at_x(west)),
        (lambda p: p[0] <= east, at_x(east)),
        (lambda p: p[1] >= south, at_y(south)),
        (lambda p: p[1] <= north, at_y(north)),
    ):
        if not points:
            break
        points = cut(points, inside, meet)
    return points + points[:1]


def area(ring: Ring) -> float:
    """Absolute area by the shoelace formula, in square degrees."""
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in pairwise(ring))) / 2


def _rounded(ring: Ring) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != point:  # rounding can make neighbours equal
            out.append(point)
    return out


def region(topology: dict[str, Any]) -> dict[str, Any]:
    """The region document: source, settings, and each kept country's clipped, simplified polygons."""
    arcs = [simplify(arc, TOLERANCE) for arc in decode_arcs(topology)]
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name")
        if name not in COUNTRIES:
            continue
        ident, shown = COUNTRIES[name]
        kept = []
        for polygon in polygons(geometry, arcs):
            rings = [_rounded(clip(r, WEST, SOUTH, EAST, NORTH)) for r in polygon]
            rings = [r for r in rings if len(r) >= 4 and area([(p[0], p[1]) for p in r]) >= MIN_AREA]
            if rings:
                kept.append(rings)
        if kept:
            countries.append({"id": ident, "name": shown, "role": "subject" if ident == "iraq" else "neighbour", "polygons": kept})
    countries.sort(key=lambda c: str(c["id"]))
    return {
        "source": SOURCE,
        "bounds": [WEST, SOUTH, EAST, NORTH],
        "tolerance_degrees": TOLERANCE,
        "min_area_square_degrees": MIN_AREA,
        "decimals": DECIMALS,
        "countries": countries,
    }


def dumps(document: dict[str, Any]) -> str:
    """Compact JSON with one country a line, so a regeneration's diff shows which countries moved."""
    head = {k: v for k, v in document.items() if k != "countries"}
    lines = [json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"countries":[']
    rows = [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in document["countries"]]
    lines.append(",\n".join(rows))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def fetch(directory: Path) -> Path:
    """``countries-50m.json`` from the pinned package, through npm (which checks the registry's integrity hash)."""
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=directory, check=True, stdout=subprocess.DEVNULL)
    with tarfile.open(directory / f"{PACKAGE}-{VERSION}.tgz") as archive:
        member = archive.extractfile(f"package/{FILE}")
        if member is None:
            raise SystemExit(f"{PACKAGE}@{VERSION} has no {FILE}")
        target = directory / FILE
        target.write_bytes(member.read())
    return target


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.geodata", description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, help=f"a local copy of {FILE} (skips npm)")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(list(argv) if argv is not None else None)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.source or fetch(Path(tmp))
        raw = path.read_bytes()
    document = region(json.loads(raw))
    document["source"] = {**document["source"], "sha256": hashlib.sha256(raw).hexdigest()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dumps(document), encoding="utf-8")
    print(f"{args.out}: {len(document['countries'])} countries, {args.out.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
