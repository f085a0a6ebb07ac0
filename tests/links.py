"""The links of a built site, read from its files: which lead to its own files and anchors, which are
broken, which leave it. One checker for every build (MkDocs, Zensical, a sub-path, a large corpus)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src"}


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


@dataclass
class Links:
    checked: int = 0  # links to the site's own files, so a caller can tell the check ran
    broken: list[str] = field(default_factory=list)  # those whose file or anchor does not exist
    elsewhere: list[str] = field(default_factory=list)  # links to another host or scheme (mailto:, …)


def check_links(site: Path) -> Links:
    """Every link, stylesheet, script and image of every page of ``site``. Links are relative, root-relative
    or absolute under the home page's canonical address (the site's own address: its host and path)."""
    pages: dict[Path, _Page] = {}

    def parse(path: Path) -> _Page:
        if path not in pages:
            pages[path] = _Page(path.read_text(encoding="utf-8"))
        return pages[path]

    home = parse(site / "index.html").canonical
    assert home, "the home page names no canonical address, so same-site absolute links cannot be told apart"
    origin = urlsplit(home)
    found = Links()
    for page in sorted(site.rglob("*.html")):
        where = page.relative_to(site).as_posix()
        page_dir = posixpath.join(origin.path, page.parent.relative_to(site).as_posix(), "")
        for url in parse(page).links:
            parts = urlsplit(url)
            if (parts.scheme or parts.netloc) and (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
                found.elsewhere.append(f"{where}: {url}")
                continue
            found.checked += 1
            path = unquote(parts.path)
            if path:
                path = posixpath.normpath(posixpath.join(page_dir, path))
                if not (path + "/").startswith(origin.path):
                    found.broken.append(f"{where}: {url} (outside the site)")
                    continue
                target = site / path[len(origin.path) :]
                if target.is_dir():
                    target /= "index.html"  # a static host serves a directory's index page
            else:
                target = page
            if not target.is_file():
                found.broken.append(f"{where}: {url} (no such file)")
                continue
            # A text fragment (#p8:~:text=…) is for the browser to find; only the anchor before it can be checked.
            anchor = unquote(parts.fragment.split(":~:")[0])
            if anchor and target.suffix == ".html" and anchor not in parse(target).ids:
                found.broken.append(f"{where}: {url} (no element with id {anchor!r})")
    return found
