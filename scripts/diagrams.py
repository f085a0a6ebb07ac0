"""Pictures drawn at build time as inline, accessible SVG: no script, no network, themed by CSS.

Every shape and label takes its colour from CSS classes (see briefing.css), which use Material's
colour variables, so the pictures follow the light and dark schemes. Labels are XML-escaped here.
Each picture has a text equivalent (a table) beside it on its page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from markupsafe import Markup

CHAR_WIDTH = 7.2  # px per character at the 13 px label size, for layout only


def _t(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _svg(ident: str, width: float, height: float, title: str, desc: str, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram-svg" role="img" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{_t(title)}</title><desc id="{ident}-desc">{_t(desc)}</desc>'
    )
    defs = (
        f'<defs><marker id="{ident}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
        '<path class="d-arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>'
    )
    # Out of the search index: its labels are words without the spaces between them, and the text
    # equivalent beside it is indexed already.
    # Focusable, so a keyboard can scroll it sideways when it is wider than the column.
    box = f'<div class="diagram" data-search-exclude tabindex="0" role="region" aria-label="{_t(title)} (picture)">'
    return Markup(box + head + defs + "".join(body) + "</svg></div>")


def _box(x: float, y: float, w: float, lines: list[str], cls: str = "d-box") -> tuple[str, float]:
    h = 14 + 16 * len(lines)
    parts = [f'<rect class="{cls}" x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" rx="6"/>']
    for i, line in enumerate(lines):
        parts.append(f'<text class="d-label" x="{x + w / 2:.0f}" y="{y + 20 + 16 * i:.0f}" text-anchor="middle">{_t(line)}</text>')
    return "".join(parts), h


def threat_matrix(ident: str, moves: Sequence[str], pillars: Sequence[str], answers: set[tuple[int, int]]) -> Markup:
    """Rows: expected moves; columns: pillars; a mark where pillar j answers move i."""
    label_w, cell = 300.0, 44.0
    longest = max((len(p) for p in pillars), default=0) * CHAR_WIDTH
    head_h = longest * 0.77 + 20  # column labels run up and to the right at 50 degrees
    width = label_w + cell * len(pillars) + longest * 0.64 + 20
    height = head_h + cell * len(moves) + 10
    body = []
    for j, name in enumerate(pillars):
        x = label_w + cell * j + cell / 2
        body.append(
            f'<text class="d-label d-column" x="{x:.0f}" y="{head_h - 8:.0f}" transform="rotate(-50 {x:.0f} {head_h - 8:.0f})">{_t(name)}</text>'
        )
    for i, name in enumerate(moves):
        y = head_h + cell * i
        body.append(f'<rect class="d-row{" d-row--alt" if i % 2 else ""}" x="0" y="{y:.0f}" width="{label_w + cell * len(pillars):.0f}" height="{cell:.0f}"/>')
        for k, line in enumerate(_wrap(name, 40)[:2]):
            body.append(f'<text class="d-label" x="8" y="{y + 18 + 15 * k:.0f}">{_t(line)}</text>')
        for j in range(len(pillars)):
            cx, cy = label_w + cell * j + cell / 2, y + cell / 2
            if (i, j) in answers:
                body.append(f'<circle class="d-mark" cx="{cx:.0f}" cy="{cy:.0f}" r="10"><title>{_t(pillars[j])} answers: {_t(name)}</title></circle>')
            else:
                body.append(f'<circle class="d-empty" cx="{cx:.0f}" cy="{cy:.0f}" r="3"/>')
    desc = f"{len(moves)} expected moves (rows) against {len(pillars)} strategy pillars (columns); a filled circle marks a pillar that answers a move."
    return _svg(ident, width, height, "Threat and response matrix", desc, body)


def relation_rows(ident: str, rows: Sequence[tuple[str, str, str]]) -> Markup:
    """One row per relation: source box, labelled arrow, target box."""
    box_w, gap, row_h = 220.0, 190.0, 74.0
    width = box_w * 2 + gap + 20
    body = []
    for i, (source, verb, target) in enumerate(rows):
        y = 10 + row_h * i
        left, h1 = _box(10, y, box_w, _wrap(source, 28)[:2])
        right, h2 = _box(10 + box_w + gap, y, box_w, _wrap(target, 28)[:2])
        mid = y + max(h1, h2) / 2
        body += [
            left,
            right,
            f'<line class="d-line" x1="{10 + box_w:.0f}" y1="{mid:.0f}" x2="{10 + box_w + gap - 4:.0f}" y2="{mid:.0f}" marker-end="url(#{ident}-arrow)"/>',
            f'<text class="d-verb" x="{10 + box_w + gap / 2:.0f}" y="{mid - 7:.0f}" text-anchor="middle">{_t(verb)}</text>',
        ]
    height = 10 + row_h * len(rows)
    desc = "; ".join(f"{s} {v} {t}" for s, v, t in rows) or "No relations are recorded."
    return _svg(ident, width, height, "How the actors relate", desc, body)


def attribution_chain(ident: str, outlet: str, wire: str, sources: Sequence[str]) -> Markup:
    """Outlet → wire service → each source, left to right."""
    # Narrow enough (about 640 px) to fit the text column beside the navigation without scrolling.
    box_w, gap = 170.0, 40.0
    stack = max(1, len(sources))
    height = 20 + 62 * stack
    first, _ = _box(10, height / 2 - 22, box_w, _wrap(outlet, 21)[:2], "d-box d-box--outlet")
    second, _ = _box(10 + box_w + gap, height / 2 - 22, box_w, _wrap(wire, 21)[:2], "d-box d-box--wire")
    body = [
        first,
        second,
        f'<line class="d-line" x1="{10 + box_w:.0f}" y1="{height / 2:.0f}" x2="{10 + box_w + gap - 4:.0f}" y2="{height / 2:.0f}" '
        f'marker-end="url(#{ident}-arrow)"/>',
    ]
    x3 = 10 + 2 * (box_w + gap)
    for i, source in enumerate(sources):
        y = 10 + 62 * i
        box, h = _box(x3, y, box_w + 30, _wrap(source, 25)[:2], "d-box d-box--source")
        line = f'x1="{10 + 2 * box_w + gap:.0f}" y1="{height / 2:.0f}" x2="{x3 - 4:.0f}" y2="{y + h / 2:.0f}"'
        body += [box, f'<line class="d-line" {line} marker-end="url(#{ident}-arrow)"/>']
    width = x3 + box_w + 40
    desc = f"{outlet} relays {wire}, which reports from: {', '.join(sources) or 'no named sources'}."
    return _svg(ident, width, height, "Attribution chain", desc, body)
