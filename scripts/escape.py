"""The one place untrusted text (seed and curation text) enters Markdown.

Every character that could start Markdown or HTML syntax becomes a numeric character reference, which
Python-Markdown passes through as literal text and browsers display as the character itself. The
result is inert in Markdown text. Quote marks stay as they are (page titles keep them readable), so
untrusted text is never placed inside an HTML or attribute-list attribute value. Line breaks are folded into spaces so a
value can never begin a new block (heading, list, admonition, snippet include, attribute list).
"""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

from .text import CONTROL, UNTIDY, clean

# Markdown/HTML syntax characters used by Python-Markdown, its extensions and pymdown-extensions.
_SPECIAL = frozenset("\\`*_{}[]()<>#!|~^=&:$%@")
_REFERENCES = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
_FOLD = re.compile(r"\s+")
# At the start of a line these open a list item: "- x", "+ x", "1. x", "1) x".
_LIST_START = re.compile(r"^\s*(?:[-+]|\d+[.)])")


def escape(value: object) -> Markup:
    """Inline-safe Markdown for any value; ``Markup`` values are trusted output of our own templates."""
    if isinstance(value, Markup):
        return value
    text = str(value)
    if UNTIDY.search(text):
        text = _FOLD.sub(" ", CONTROL.sub("", text))
    list_marker = _LIST_START.match(text)
    if not list_marker:
        return Markup(text.translate(_REFERENCES))
    last = list_marker.end() - 1  # the marker's last character ("-", "+", "." or ")") is what makes it a list
    return Markup(text[:last].translate(_REFERENCES) + f"&#{ord(text[last])};" + text[last + 1 :].translate(_REFERENCES))


def front_matter(value: object, *, attribute: bool = True) -> Markup:
    """A YAML scalar for page front matter (``title``, ``description``).

    The theme prints these without escaping: the description inside an attribute, the title as text
    (in ``<title>``, the navigation and the footer). So the text is HTML-escaped first, quotes too for
    attributes; the JSON string form is valid, inert YAML whatever the text contains.
    """
    return Markup(json.dumps(html.escape(clean(str(value)), quote=attribute), ensure_ascii=False))


def attribute(value: object) -> Markup:
    """Text for a double-quoted attribute value in raw HTML inside Markdown.

    Python-Markdown still runs its inline patterns (links, emphasis) across raw inline HTML, so the
    value gets the Markdown escaping plus quote marks as references.
    """
    return Markup(str(escape(clean(str(value)))).replace('"', "&#34;").replace("'", "&#39;"))


def front_matter_json(text: str) -> Markup:
    """Already-safe text (JSON for a script element) as a YAML scalar, without HTML escaping.

    Control characters are dropped: YAML refuses them even inside quoted strings.
    """
    return Markup(json.dumps(CONTROL.sub("", text), ensure_ascii=False))
