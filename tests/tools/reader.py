"""What a reader's browser pays, measured in Chromium on a built site served with gzip: the heaviest page
kind's transfer, and one search's transfer and time from the last key to the first result with the
CPU slowed four times (a mid-range phone). Used by ``make bench`` on its 1,000-article site.

Transfer is what crosses the network: the bytes the server sends (headers and gzip bodies), counted
where it sends them, so requests made by the search engine's web worker count too. The browser's cache
is off: every page is a first visit.
"""

from __future__ import annotations

import http.server
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from tests.browser import launch
from tests.static_host import StaticHost
from tests.static_host import serve as serve_static

THROTTLE = 4  # CPU slow-down for the search timing
QUERY = "drones border"  # two words, typed key by key: a query a reader of this briefing types


@dataclass(frozen=True)
class ReaderCost:
    heaviest_kind: str
    page_bytes: int  # transferred by the heaviest page kind's page
    query_bytes: int  # transferred from the first key of a search to its results
    results_ms: float  # from the last key to the first result shown, CPU throttled


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind in ``site``, by the site's own layout (first of each, by name)."""

    def first(pattern: str) -> str:
        found = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob(pattern))
        return found[0] if found else ""

    kinds = {"home": "", "articles": "articles/", "timeline": "timeline/", "actors": "actors/", "pillars": "pillars/"}
    kinds |= {"threat": "threat/", "search": "search/", "about": "about/", "glossary": "glossary/", "data": "data/"}
    kinds |= {
        "article": first("articles/[0-9]*/index.html"),
        "source notes": first("articles/[0-9]*/source-notes/index.html"),
        "actor": first("actors/*/index.html"),
        "pillar": first("pillars/*/index.html"),
        "threat move": first("threat/*/index.html"),
    }
    return {kind: path for kind, path in kinds.items() if (site / path / "index.html").is_file()}


class _Counter:
    def __init__(self) -> None:
        self.bytes = 0
        self.lock = threading.Lock()

    def add(self, count: int) -> None:
        with self.lock:
            self.bytes += count


class _CountingWriter:
    def __init__(self, raw: Any, counter: _Counter) -> None:
        self.raw, self.counter = raw, counter

    def write(self, data: bytes) -> int:
        self.counter.add(len(data))
        return self.raw.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


class _CountingHandler(StaticHost):
    counter: _Counter

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile, self.counter)


def _serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, _Counter]:
    counter = _Counter()
    handler = type("Handler", (_CountingHandler,), {"counter": counter})
    server, _ = serve_static(site, compress=True, handler=handler)
    return server, counter


def _fresh_page(browser: Any) -> Page:
    page = browser.new_page()
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    return page


def measure(site: Path) -> ReaderCost:
    server, counter = _serve(site)
    url = f"http://127.0.0.1:{server.server_port}/"
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            weights = {}
            for kind, path in page_kinds(site).items():
                page = _fresh_page(browser)
                before = counter.bytes
                page.goto(url + path, wait_until="networkidle")
                weights[kind] = counter.bytes - before
                page.close()
            heaviest = max(weights, key=weights.__getitem__)
            query_bytes, results_ms = _search(_fresh_page(browser), url + "search/", counter)
            browser.close()
    finally:
        server.shutdown()
    return ReaderCost(heaviest, weights[heaviest], query_bytes, results_ms)


def _search(page: Page, search_url: str, counter: _Counter) -> tuple[int, float]:
    page.goto(search_url, wait_until="networkidle")
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    loaded = counter.bytes
    # Times taken in the page: the last key's input event, and the moment the results of the whole query
    # are shown (the status line names the query once its results are in the list).
    page.evaluate(
        """(query) => {
          const field = document.getElementById('search-query');
          const status = document.getElementById('search-status');
          field.addEventListener('input', () => { window.__lastKey = performance.now(); });
          new MutationObserver((changes, observer) => {
            if (status.textContent.includes('for \u201c' + query + '\u201d') && document.querySelector('.site-search__result')) {
              window.__results = performance.now();
              observer.disconnect();
            }
          }).observe(status, { childList: true, characterData: true, subtree: true });
        }""",
        QUERY,
    )
    page.locator("#search-query").press_sequentially(QUERY, delay=120)
    page.locator("#search-status", has_text=f"for “{QUERY}”").wait_for(timeout=60_000)
    page.wait_for_load_state("networkidle")
    elapsed = page.evaluate("() => window.__results - window.__lastKey")
    return counter.bytes - loaded, float(elapsed)
