"""`make words` (a measure, not a test): how much the site says per word of its sources, and how soon the
home page gives its gist.

Counts the words readers see in each page's main text (the article element, without the hidden
abbreviation list, scripts or SVG text) across the built site, against the words of the seed articles.
The home page's "words to gist" are the words before its bottom line, or, on a page without one, before
its first key point.
"""

from __future__ import annotations

import re
import sys

from bs4 import BeautifulSoup

from scripts.loading import load_corpus
from tests.tools.pagekinds import ROOT, build

WORD = re.compile(r"[\w'’-]+")


def main_text(html: str) -> BeautifulSoup:
    doc = BeautifulSoup(html, "html.parser")
    article = doc.select_one("article.md-content__inner") or doc
    for hidden in article.select("script, style, svg, .visually-hidden, .headerlink"):
        hidden.decompose()
    return article


def words(text: str) -> int:
    return len(WORD.findall(text))


def words_to_gist(home: BeautifulSoup) -> int:
    gist = home.select_one(".bottom-line") or home.select_one("div.statement")
    before = []
    for node in home.descendants:
        if node is gist:
            break
        if isinstance(node, str):
            before.append(node)
    return words(" ".join(before))


def main() -> int:
    site = ROOT / "build" / "words-site"
    build(site, "http://127.0.0.1:8000/")
    corpus = load_corpus(ROOT / "seeds")
    source = sum(e.article.word_count for e in corpus.entries)
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    built = sum(words(main_text(p.read_text(encoding="utf-8")).get_text(" ")) for p in pages)
    home = main_text((site / "index.html").read_text(encoding="utf-8"))
    print(f"pages: {len(pages)}; words built: {built}; source words: {source}")
    print(f"words: {built / source:.1f} built per source word; home page words to gist: {words_to_gist(home)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
