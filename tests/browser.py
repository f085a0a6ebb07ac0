"""Debian's Chromium driven by Playwright, with every request and console message recorded."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, Playwright, Request, expect, sync_playwright

from .static_host import serve

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium phones home at start; here that would be recorded
# as requests to other hosts and, offline, as failures.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
POLL_MS = 20  # between looks at a condition: a poll, never a wait in place of one
AXE = Path(__file__).parent / "node" / "node_modules" / "axe-core" / "axe.min.js"


def wait_until(page: Page, predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Whether ``predicate`` came true within ``timeout`` seconds. What the page reports to the test
    (the recorder's exposed function) arrives only while Playwright has control, so the wait between
    looks is Playwright's."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() >= deadline:
            return False
        page.wait_for_timeout(POLL_MS)
    return True


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@contextmanager
def browser_on(site: Path) -> Iterator[tuple[Browser, str]]:
    """A browser and the URL of ``site`` served on 127.0.0.1, both closed afterwards."""
    server, url = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                yield browser, url
            finally:
                browser.close()
    finally:
        server.shutdown()


@dataclass
class Recorder:
    """What a page did while loading: requests, failures and console errors."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.expose_function("__reportCspViolation", lambda text: self.csp_violations.append(text))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation',"
            " e => window.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI} on ${location.pathname}`))"
        )
        page.on("request", self._request)
        page.on("requestfailed", lambda r: self.failures.append(f"{r.url}: {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.failures.append(f"{r.url}: HTTP {r.status}"))
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.console_errors.append(f"uncaught: {e}"))

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def foreign_requests(self) -> list[str]:
        origin = urlsplit(self.origin).netloc
        return [u for u in self.requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != origin]


@contextmanager
def recorded_page(browser: Browser, origin: str, **context_options: object) -> Iterator[tuple[Page, Recorder]]:
    context = browser.new_context(**context_options)
    page = context.new_page()
    recorder = Recorder(origin)
    recorder.attach(page)
    try:
        yield page, recorder
    finally:
        context.close()


def axe_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in result]


def search(page: Page, query: str, **filters: str) -> Locator:
    """Open the Search page from the header's button, choose ``filters`` (kind, type, article: by the
    option's value), type the query key by key as a reader does, and return the result items once the
    status line says what was found."""
    page.locator("a.site-search-button").click()
    page.wait_for_url("**/search/**")
    for name, value in filters.items():
        page.locator(f"#search-{name}").select_option(value)
    field = page.locator("#search-query")
    field.click()
    field.press_sequentially(query, delay=20)
    status = page.locator("#search-status")
    expect(status).to_contain_text(f"for “{query}”", timeout=15_000)
    results = page.locator(".site-search__result")
    if "Nothing found" in (status.text_content() or ""):
        raise AssertionError(f"search for {query!r} with {filters} found nothing ({page.url})")
    return results


def every_result(page: Page) -> Locator:
    """Press "More results" until the list holds every result, and return the result items."""
    results = page.locator(".site-search__result")
    more = page.locator(".site-search__more button")
    while more.count():
        shown = results.count()
        more.click()
        expect(results.nth(shown)).to_be_attached()  # the next results are in the list
    return results

