"""A saved web page (HTML bytes) → :class:`Article`, the same as :func:`scripts.parse.parse_text` gives for text.

The article's text is found by trafilatura: the main text only, without the menus, pictures and their
captions, related links, comments and footer around it. The headline, author, publication date and site
name come from the page's own metadata where it has them (schema.org JSON-LD ``NewsArticle``, OpenGraph,
``<meta>`` tags), and from what trafilatura finds in the page otherwise. Paragraphs are numbered ¶1, ¶2 …
in the order the page gives them, like a text seed's.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import json
import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from .article import Article, Paragraph, PublicationDate, Removed
from .errors import ParseError
from .parse import DATELINE, WIRE_CREDIT, WIRE_SERVICES, find_quotations
from .seeds import seed_id
from .text import CONTROL

ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle", "Report", "BlogPosting"})
# Wire services as pages credit them in metadata ("author": "Associated Press", "sourceOrganization": "Reuters").
WIRE_NAMES = {name.lower().removeprefix("the "): full for name, full in WIRE_SERVICES.items()}
WIRE_NAMES.update({full.lower().removeprefix("the "): full for full in WIRE_SERVICES.values()})
ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?")
_WS = re.compile(r"\s+")
READING_NOTE = (
    "The seed is a saved web page. Its article text was found by trafilatura; the headline, author, date and site name "
    "come from the page's own metadata where it has them."
)


def parse_html(data: bytes, path: Path) -> Article:
    """Saved page bytes → :class:`Article`; a one-line :class:`ParseError` naming the file when no article is found."""
    import trafilatura  # imported here: only pages need it

    if not data.strip():
        raise ParseError(path, "is empty; save the article's web page again (File → Save Page As…, “HTML only”)")
    if b"\x00" in data:
        raise ParseError(path, "looks like binary data (it contains NUL bytes), not a web page; save the article's page as HTML")
    tree = _page_tree(data, path)
    meta = _page_metadata(tree)
    extracted = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(extracted, "body", None) if extracted is not None else None
    texts = _paragraph_texts(body) if body is not None else []
    found = {} if extracted is None else extracted if isinstance(extracted, dict) else extracted.as_dict()

    title = meta.get("title") or _clean(found.get("title") or "")
    if not texts:
        raise ParseError(path, "is a web page with no article text in it; save the page of the article itself, not an index, a login or a consent page")
    if not title:
        raise ParseError(path, "is a web page without a headline (no JSON-LD headline, og:title, <title> or <h1>); save the article's own page")

    removed: list[Removed] = []
    if texts and _same(texts[0], title):
        removed.append(Removed("repeated headline", "the headline, printed a second time above the text", 1, len(texts[0])))
        texts = texts[1:]
    if not texts:
        raise ParseError(path, "is a web page with a headline but no article text after it; save the page of the article itself")

    dateline = wire = None
    if m := DATELINE.match(texts[0]):
        dateline = m.group("place")
        wire = WIRE_SERVICES[m.group("wire").lower()]
        texts[0] = texts[0][m.end() :]
        texts = [t for t in texts if t]
    wire = wire or meta.get("wire")
    if wire is None:
        for text in texts[:2]:
            if m := WIRE_CREDIT.search(text):
                wire = WIRE_SERVICES[(m.group("a") or m.group("b")).lower()]
                break

    byline = meta.get("author") or _clean(found.get("author") or "") or None
    if byline and _wire_name(byline):
        wire, byline = wire or _wire_name(byline), None  # "By The Associated Press": a credit, not a person
    outlet = meta.get("site_name") or _clean(found.get("sitename") or "") or None
    published = meta.get("published") or _date(found.get("date"), found.get("date"))

    kept = sum(len(t) for t in texts)
    around = len(_visible_text(tree)) - kept - (len(title) if removed else 0)
    if around > 0:
        removed.append(
            Removed(
                "web page around the article",
                "the page's menus, pictures and their captions, related links, comments and footer, left out by the HTML reader",
                0,
                around,
            )
        )
    lines = _source_lines(tree, texts)
    paragraphs = tuple(Paragraph(n, text, line) for n, (text, line) in enumerate(zip(texts, lines, strict=True), start=1))
    sha256 = hashlib.sha256(data).hexdigest()
    return Article(
        seed_id=seed_id(path) or f"article-{sha256[:12]}",
        path=path,
        sha256=sha256,
        size=len(data),
        title=title,
        outlet=outlet,
        wire_service=wire,
        dateline=dateline,
        byline=byline,
        paragraphs=paragraphs,
        quotations=tuple(q for p in paragraphs for q in find_quotations(p)),
        removed=tuple(removed),
        reading_notes=(READING_NOTE,),
        published=published,
    )


# --- the page's own metadata --------------------------------------------------------------------


def _page_tree(data: bytes, path: Path) -> etree._Element:
    """The page as lxml reads it, decoded as trafilatura decodes it (declared charset, else detected), so the
    metadata and the text agree even when a page does not say its encoding."""
    from trafilatura import load_html

    tree = load_html(data)
    if tree is None:
        raise ParseError(path, "is not a web page that can be read; save the article's page as HTML, or as text with a .txt name")
    return tree


def _page_metadata(tree: etree._Element) -> dict:
    """Headline, author, site name, date and wire credit from JSON-LD first, then OpenGraph and <meta> tags."""
    meta: dict = {}
    for item in _json_ld_articles(tree):
        meta.setdefault("title", _clean(html.unescape(_text(item.get("headline") or item.get("name")))))
        meta.setdefault("author", _names(item.get("author")))
        meta.setdefault("site_name", _names(item.get("publisher")))
        meta.setdefault("published", _date(_text(item.get("datePublished")), _text(item.get("datePublished"))))
        for key in ("sourceOrganization", "creditText", "copyrightHolder", "provider"):
            if wire := _wire_name(_names(item.get(key)) or ""):
                meta.setdefault("wire", wire)
    tags = _meta_tags(tree)
    fallbacks = {
        "title": tags.get("og:title") or tags.get("twitter:title"),
        "author": tags.get("author") or tags.get("article:author") or tags.get("byl", "").removeprefix("By ").strip(),
        "site_name": tags.get("og:site_name") or tags.get("application-name"),
        "published": _first_date(tags.get(k) for k in ("article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date")),
    }
    for key, value in fallbacks.items():
        if not meta.get(key) and value:
            meta[key] = _clean(value) if isinstance(value, str) else value
    if not meta.get("wire") and (wire := _wire_name(tags.get("article:source") or "")):
        meta["wire"] = wire
    if not meta.get("title"):
        h1 = tree.find(".//h1")
        meta["title"] = _clean(h1.text_content()) if h1 is not None else None
    return {k: v for k, v in meta.items() if v}


def _json_ld_articles(tree: etree._Element) -> list[dict]:
    found: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                types = item.get("@type")
                types = set(types) if isinstance(types, list) else {types}
                if types & ARTICLE_TYPES:
                    found.append(item)
                if "@graph" in item:
                    stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
    return found


def _meta_tags(tree: etree._Element) -> dict[str, str]:
    tags: dict[str, str] = {}
    for tag in tree.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        value = (tag.get("content") or "").strip()
        if key and value:
            tags.setdefault(key, value)
    for time in tree.iter("time"):
        if (time.get("itemprop") or "").lower() == "datepublished" and time.get("datetime"):
            tags.setdefault("datepublished", time.get("datetime"))
    return tags


def _names(value: object) -> str | None:
    """A schema.org Person/Organization, a list of them, or a plain string → "A, B and C"."""
    if isinstance(value, list):
        names = [n for n in (_names(v) for v in value) if n]
        return (", ".join(names[:-1]) + " and " + names[-1]) if len(names) > 1 else (names[0] if names else None)
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, str):
        return _clean(html.unescape(value)) or None  # JSON-LD is script text: entities in it are not decoded by the HTML parser
    return None


def _wire_name(name: str) -> str | None:
    key = _clean(name).lower().removeprefix("by ").removeprefix("the ").strip(" .")
    return WIRE_NAMES.get(key)


def _text(value: object) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return value if isinstance(value, str) else ""


def _date(value: str | None, as_written: str | None) -> PublicationDate | None:
    """An ISO date or date-time → a date of day precision ("exact"), or of month precision when the day is missing."""
    m = ISO_DATE.match((value or "").strip())
    if not m:
        return None
    year, month, day = int(m["year"]), int(m["month"]), int(m["day"]) if m["day"] else None
    try:
        datetime.date(year, month, day or 1)
    except ValueError:
        return None
    if day is None:
        return PublicationDate(f"{year:04d}-{month:02d}", "month", (as_written or value or "").strip())
    return PublicationDate(f"{year:04d}-{month:02d}-{day:02d}", "exact", (as_written or value or "").strip())


def _first_date(values: Iterable[str | None]) -> PublicationDate | None:
    for value in values:
        if value and (date := _date(value, value)):
            return date
    return None


# --- the article's text --------------------------------------------------------------------------


def _paragraph_texts(body: etree._Element) -> list[str]:
    """trafilatura's body (``<p>``, ``<head>``, ``<list><item>``, ``<quote>``) → one text per paragraph."""
    for lb in body.iter("lb"):  # a line break inside a paragraph reads as a space
        lb.tail = " " + (lb.tail or "")
    texts: list[str] = []
    for element in body:
        if element.tag == "list":
            texts.extend(_clean("".join(item.itertext())) for item in element.iter("item"))
        elif element.tag == "quote" and len(element) and all(child.tag == "p" for child in element):
            texts.extend(_clean("".join(child.itertext())) for child in element)
        elif element.tag in ("p", "head", "quote"):
            texts.append(_clean("".join(element.itertext())))
    return [t for t in texts if t]


def _clean(text: str) -> str:
    text = CONTROL.sub("", text or "")
    return _WS.sub(" ", text).strip()


def _same(a: str, b: str) -> bool:
    return _WS.sub(" ", a).strip().casefold() == _WS.sub(" ", b).strip().casefold()


def _visible_text(tree: etree._Element) -> str:
    body = tree.find("body")
    if body is None:
        return ""
    parts = []
    for node in body.iter():
        if node.tag in ("script", "style", "noscript", "template") or not isinstance(node.tag, str):
            continue
        if node.text and node.getparent() is not None:
            parts.append(node.text)
        if node.tail and node is not body:
            parts.append(node.tail)
    return _WS.sub(" ", " ".join(parts)).strip()


def _source_lines(tree: etree._Element, texts: list[str]) -> list[int]:
    """The line in the saved page where each paragraph starts, for editors' messages: the first paragraph-like
    element whose text holds its start (a ``<div>`` only when no ``<p>`` does); the previous one's when not found."""
    blocks = ("p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dd")
    candidates = [(element.tag in blocks, element.sourceline or 1, _WS.sub(" ", element.text_content()).strip()) for element in tree.iter(*blocks, "div", "td")]
    lines, at, previous = [], 0, 1
    for text in texts:
        head = text[:40]
        found = next((i for i in range(at, len(candidates)) if candidates[i][0] and head in candidates[i][2]), None)
        if found is None:
            found = next((i for i in range(at, len(candidates)) if candidates[i][2].startswith(head)), None)
        if found is not None:
            previous, at = candidates[found][1], found + 1
        lines.append(previous)
    return lines
