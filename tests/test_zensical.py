"""The site stays buildable by Zensical, the successor of Material for MkDocs (end of life May 2027):
the same pages at the same addresses, and no link in them leads nowhere."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import ROOT
from tests.tools.zensical_build import build_with_zensical

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src"}


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_with_zensical(ROOT, tmp_path_factory.mktemp("zensical"))


class _Page(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.canonical: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:  # the older way to name a fragment target, still honoured
            self.ids.add(values["name"])
        if (url := values.get(LINK_ATTRIBUTES.get(tag, ""))) is not None:
            self.links.append(url)
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")


def _parse(path: Path, cache: dict[Path, _Page]) -> _Page:
    if path not in cache:
        cache[path] = _Page(path.read_text(encoding="utf-8"))
    return cache[path]


def _html_pages(site: Path) -> set[str]:
    return {page.relative_to(site).as_posix() for page in site.rglob("*.html")}


def test_every_mkdocs_page_is_built_by_zensical(built_site: Path, zensical_site: Path) -> None:
    # No exclusions: Zensical renders 404.html too, and the MkDocs-only artefacts (sitemap.xml.gz,
    # search/search_index.json) are not pages.
    missing = sorted(_html_pages(built_site) - _html_pages(zensical_site))
    assert not missing, f"pages MkDocs builds but Zensical does not: {missing}"


def check_links(site: Path) -> tuple[int, list[str]]:
    """How many links to this site its pages hold, and those whose file or fragment target does not exist."""
    pages: dict[Path, _Page] = {}
    home = _parse(site / "index.html", pages).canonical
    assert home, "the home page names no canonical address, so same-site absolute links cannot be told apart"
    origin = urlsplit(home)
    checked, broken = 0, []
    for page in sorted(site.rglob("*.html")):
        page_dir = posixpath.join(origin.path, page.parent.relative_to(site).as_posix(), "")
        for url in _parse(page, pages).links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
                    continue  # another site (or javascript:, mailto:): not ours to check
            checked += 1
            path = unquote(parts.path)
            if path:
                path = posixpath.normpath(posixpath.join(page_dir, path))
                if not (path + "/").startswith(origin.path):
                    broken.append(f"{page.relative_to(site)}: {url} (outside the site)")
                    continue
                target = site / path[len(origin.path) :]
                if target.is_dir():
                    target /= "index.html"  # a static host serves a directory's index page
            else:
                target = page
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {url} (no such file)")
                continue
            # A text fragment (#p8:~:text=…) is for the browser to find; only the anchor before it can be checked.
            anchor = unquote(parts.fragment.split(":~:")[0])
            if anchor and target.suffix == ".html" and anchor not in _parse(target, pages).ids:
                broken.append(f"{page.relative_to(site)}: {url} (no element with id {anchor!r})")
    return checked, broken


def test_every_internal_link_of_the_zensical_site_resolves(zensical_site: Path) -> None:
    checked, broken = check_links(zensical_site)
    assert checked, "no internal link found: the check would pass on anything"
    assert not broken, f"{len(broken)} broken links, first ones:\n" + "\n".join(broken[:20])
