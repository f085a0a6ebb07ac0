"""Property-based tests: the parser only ever fails with its own error, and any curated text is inert."""

from __future__ import annotations

import collections
import dataclasses
import html
from pathlib import Path
from typing import Any

import markdown
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from scripts import corpus, curation
from scripts.briefing import Actor, Pillar, Statement, ThreatMove
from scripts.errors import ParseError
from scripts.parse import parse_bytes, parse_file
from scripts.render import render_site
from scripts.text import clean

from .conftest import FIXTURES, ROOT

SYNTAX = [
    "<", ">", "&", '"', "'", "`", "*", "_", "[", "]", "(", ")", "{", "}", "#", "!", "|", "~", "^", "=", "+", "-", ".",
    ":", "\\", "/", " ", "\n", "\t", "\r", "\u00a0", "\u202e", "1.", "- ", "> ", "    ", "javascript:", "data:", "vbscript:",
    "--8<--", "{{", "}}", "{%", "%}", "{:", "!!!", "???", "&amp;", "&#60;", "&lt;", "<script>", "</script>", "<img src=x ",
    "onerror=", "onclick=", "<a href=", "](", "![", "*[", "[^", "</title>", "<!--", "-->", "<![CDATA[", "\x00", "\x1b",
    "x", "Iraq", "\u0628\u063a\u062f\u0627\u062f",
]
hostile_text = st.one_of(st.text(), st.lists(st.sampled_from(SYNTAX), max_size=30).map("".join))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=2000), hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_parser_raises_only_its_own_error(data):
    try:
        article = parse_bytes(data, Path("seeds/x.txt"))
    except ParseError as err:
        assert "\n" not in str(err)
    else:
        assert article.title and article.paragraphs


BASE = curation.load(FIXTURES / "curation" / "dateline_ap.yml", parse_file(FIXTURES / "seeds" / "dateline_ap.txt"))
CONFIG = load_config(str(ROOT / "mkdocs.yml"))


def with_text(value: Any, text: str) -> Any:
    """The briefing with every editor-written text field (names, statements, notes) set to ``text``."""
    if isinstance(value, tuple):
        return tuple(with_text(v, text) for v in value)
    if isinstance(value, str):
        return value
    if dataclasses.is_dataclass(value):
        changes = {f.name: with_text(getattr(value, f.name), text) for f in dataclasses.fields(value) if not f.metadata.get("internal")}
        if isinstance(value, Statement):
            changes["text"] = text
        if isinstance(value, (Actor, Pillar, ThreatMove)):
            changes["name"] = text
        return dataclasses.replace(value, **changes)
    return value


def rendered(text: str) -> dict[str, BeautifulSoup]:
    briefing = dataclasses.replace(BASE, curation=with_text(BASE.curation, text))
    briefing = dataclasses.replace(briefing, curation=dataclasses.replace(briefing.curation, source_notes=dataclasses.replace(briefing.curation.source_notes, not_stated=(text,))))
    site = render_site(corpus.build([briefing]))
    pages = {}
    for path, page in site.pages.items():
        _, front, body = page.split("---\n", 2)
        meta = yaml.safe_load(front)
        if path.count("/") == 1 and not path.endswith("index.md"):  # an actor's or a pillar's own page
            assert html.unescape(meta["title"]) == clean(text)
        assert isinstance(meta["description"], str)
        pages[path] = BeautifulSoup(markdown.markdown(body, extensions=CONFIG.markdown_extensions, extension_configs=CONFIG.mdx_configs), "html.parser")
    return pages


SVG_PARTS = {"svg", "title", "desc", "defs", "marker", "path", "rect", "text", "line", "circle"}


def shape(doc: BeautifulSoup) -> collections.Counter:
    """Elements and their attribute names, outside pictures (whose label lines vary with text length)."""
    for svg in doc.find_all("svg"):
        assert {t.name for t in svg.find_all(True)} <= SVG_PARTS
        assert not [a for t in svg.find_all(True) for a in t.attrs if a.lower().startswith("on")]
    return collections.Counter((tag.name, tuple(sorted(tag.attrs))) for tag in doc.find_all(True) if not tag.find_parent("svg"))


BASELINE = {path: shape(doc) for path, doc in rendered("plain words").items()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
@example(" - ")  # found by this test: an indented list marker
@example("0\x7f")  # found by this test: a control character in YAML front matter
def test_any_curated_text_is_inert(text):
    assume(clean(text))  # the curation loader refuses text with nothing visible in it
    for path, doc in rendered(text).items():
        assert shape(doc) == BASELINE[path], path  # the same elements and attributes as with plain words
        for tag in doc.find_all(href=True):
            assert not tag["href"].strip().lower().startswith(("javascript:", "data:", "vbscript:"))
