"""Exact-sentence links: a text fragment (``#p3:~:text=…``) after each paragraph anchor.

Browsers that support text fragments scroll to and highlight the quoted words; others use the
paragraph anchor. MkDocs validates the paragraph anchor at build time; the fragment is attached to the
built HTML afterwards (MkDocs would read ``p3:~:text=…`` as a missing anchor).
"""

from __future__ import annotations

import re
from urllib.parse import quote

# Evidence quotes shown on the article page repeat the quoted words, and a browser highlights the
# first match. So the directive's prefix is the paragraph's "¶N" label followed by all of its text
# before the passage: only the full text has that sequence (evidence links read "¶N" followed by
# hidden words, never by article text).
SHORT_PASSAGE_WORDS = 8
ATTRIBUTE = "data-text-fragment"
_LINK = re.compile(r"<a\b[^>]*\b" + ATTRIBUTE + r'="(?P<fragment>[^"]*)"[^>]*>')
_HREF = re.compile(r'\bhref="(?P<href>[^"]*)"')


def _encode(text: str) -> str:
    return quote(text, safe="").replace("-", "%2D")


def directive(paragraph_text: str, number: int, start: int, end: int) -> str:
    """The ``text=`` directive for ``paragraph_text[start:end]``: percent-encoded, attribute-safe."""
    prefix = " ".join([f"¶{number}", *paragraph_text[:start].split()])
    words = paragraph_text[start:end].split()
    short = len(words) <= SHORT_PASSAGE_WORDS  # else its first and last four words: a text directive's start and end
    target = _encode(" ".join(words)) if short else _encode(" ".join(words[:4])) + "," + _encode(" ".join(words[-4:]))
    return f"text={_encode(prefix)}-,{target}"


def apply(html: str) -> str:
    """Move each link's data-text-fragment into its href, after the paragraph anchor."""

    def rewrite(match: re.Match[str]) -> str:
        tag = match.group(0)
        fragment = match.group("fragment")
        tag = _HREF.sub(lambda h: f'href="{h.group("href")}:~:{fragment}"', tag, count=1)
        return tag.replace(f' {ATTRIBUTE}="{fragment}"', "")

    return _LINK.sub(rewrite, html)
