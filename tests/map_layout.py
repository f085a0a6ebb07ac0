"""Checks of a drawn map's layout, shared by the drawing's tests and the built site's: label and mark
boxes recomputed from the SVG as written, with the placer's own size estimate."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

from scripts.map_svg import Box, label_box

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def titled(root: ET.Element, element: ET.Element) -> str:
    """The title of the link or group a drawn element belongs to."""
    parent = next(p for p in root.iter() if element in list(p))
    return parent.find(f"{SVG}title").text


def label_boxes(root: ET.Element) -> list[tuple[str, Box]]:
    """Every label's box, recomputed from the SVG as written, with the placer's own estimate."""
    out = []
    for text in root.iter(f"{SVG}text"):
        words, bold = text.text or "", "map-label--highlighted" in text.get("class", "").split()
        out.append((words, label_box(float(text.get("x", "")), float(text.get("y", "")), words, text.get("text-anchor", ""), bold)))
    return out


def mark_boxes(root: ET.Element) -> list[Box]:
    out = []
    for c in root.iter(f"{SVG}circle"):
        cx, cy, r = (float(c.get(k, "")) for k in ("cx", "cy", "r"))
        out.append(Box(cx - r, cy - r, 2 * r, 2 * r))
    return out


def view_box(root: ET.Element) -> Box:
    x, y, w, h = (float(v) for v in root.get("viewBox", "").split())
    return Box(x, y, w, h)


def assert_layout(root: ET.Element) -> None:
    labels = label_boxes(root)
    marks = mark_boxes(root)
    frame = view_box(root)
    for (a_text, a), (b_text, b) in itertools.combinations(labels, 2):
        assert not a.overlaps(b), f"labels {a_text!r} and {b_text!r} overlap"
    for text, box in labels:
        assert box.within(frame), f"label {text!r} leaves the picture"
        for mark in marks:
            assert not box.overlaps(mark), f"label {text!r} covers a mark"


def path_points(d: str) -> list[tuple[float, float]]:
    """The absolute points of a path written as the map writes it: "M x,y l dx,dy dx,dy … [z]"."""
    numbers = [float(n) for n in re.findall(r"-?[\d.]+", d)]
    points = [(numbers[0], numbers[1])]
    for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
        points.append((points[-1][0] + dx, points[-1][1] + dy))
    return points
