"""The site hosted under a sub-path, as GitHub Pages serves a project site (https://OWNER.github.io/REPO/):
in the browser, every page kind, the search and the downloads work there, and nothing leads to the host's root."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from .browser import DESKTOP, Recorder, recorded_page, search
from .conftest import mkdocs_build
from .links import check_links
from .static_host import serve
from .tools.pagekinds import PAGE_KINDS

PREFIX = "briefing/"
DOWNLOADS = {"briefing.json", "briefing.schema.json", "statements.csv", "actors.csv", "pillars.csv", "annotations.jsonld"}


class Hosted(NamedTuple):
    base: str  # the address the site is served at
    folder: Path  # what was built for it


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hosted]:
    """The site built for http://127.0.0.1:PORT/briefing/ and served there, with nothing else on the host."""
    root = tmp_path_factory.mktemp("www")
    server, url = serve(root)
    try:
        base = url + PREFIX
        result = mkdocs_build(root / PREFIX, env={"SITE_URL": base})
        assert result.returncode == 0, result.stderr
        # The host answers a missing address with the site's 404 page, as GitHub Pages does for a project site.
        shutil.copy(root / PREFIX / "404.html", root / "404.html")
        yield Hosted(base, root / PREFIX)
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def base(hosted: Hosted) -> str:
    return hosted.base


def outside(base: str, urls: Iterable[str]) -> list[str]:
    """The URLs that leave ``base`` (data: and blob: URLs are part of the page, not addresses)."""
    return sorted({u for u in urls if urlsplit(u).scheme not in ("data", "blob") and not u.startswith(base)})


def hrefs(page: Page) -> list[str]:
    """Every link and linked resource of the page, resolved as the browser resolves it."""
    # An SVG link's href is an SVGAnimatedString, not the resolved address: resolve its written value.
    resolve = "e => typeof e.href === 'string' ? e.href : new URL(e.href.baseVal, document.baseURI).href"
    return page.eval_on_selector_all("a[href], link[href]", f"els => els.map({resolve})")


def load_problems(recorder: Recorder) -> list[str]:
    return (
        [f"console error: {e}" for e in recorder.console_errors]
        + [f"CSP violation: {v}" for v in recorder.csp_violations]
        + [f"failed request: {f}" for f in recorder.failures]
    )


def test_no_link_leaves_the_sub_path(hosted):
    """No link in any page leaves the sub-path; the 404 page's links, absolute since it is served at any
    missing address, included."""
    links = check_links(hosted.folder)
    assert links.broken == []
    assert links.elsewhere == []
    assert links.checked > 500


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_page_kind_works_under_the_sub_path(browser, base, kind):
    with recorded_page(browser, base, viewport=DESKTOP) as (page, recorder):
        response = page.goto(base + PAGE_KINDS[kind], wait_until="networkidle")
        assert response.status == 200
        expect(page.locator("h1")).to_have_count(1)
        links = hrefs(page)
        assert len(links) > 10 and len(recorder.requests) > 3  # the page and its assets were really seen
        problems = load_problems(recorder)
        problems += [f"link leaves {base}: {u}" for u in outside(base, links)]
        problems += [f"request outside {base}: {u}" for u in outside(base, recorder.requests)]
    assert problems == []


def test_a_missing_address_gets_the_not_found_page_and_it_leads_back_under_the_sub_path(browser, base):
    missing = base + "no/such/page/"  # three levels deep: relative links to the assets would miss them
    with recorded_page(browser, base, viewport=DESKTOP) as (page, recorder):
        response = page.goto(missing, wait_until="networkidle")
        assert response.status == 404
        expect(page.locator("h1")).to_have_text("This page does not exist")
        assert outside(base, hrefs(page)) == []
        assert outside(base, recorder.requests) == []
        # The only failure is the missing page's own 404 status, which the browser also logs.
        assert [f for f in recorder.failures if not f.startswith(missing)] == []
        assert len(recorder.console_errors) == 1 and "404" in recorder.console_errors[0]
        assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") != "static"  # styled
        page.locator(".md-content a", has_text="Actors").first.click()
        page.wait_for_url(base + "actors/")
        expect(page.locator("h1")).to_contain_text("Actors")


def test_search_under_the_sub_path_finds_hashimi_and_opens_his_page(browser, base):
    actor = base + "actors/hisham-al-hashimi/"
    with recorded_page(browser, base, viewport=DESKTOP) as (page, recorder):
        page.goto(base, wait_until="networkidle")
        results = search(page, "Hashimi")
        found = results.locator("a").evaluate_all("els => els.map(e => e.href)")
        assert found and outside(base, found) == []
        assert any(u.startswith(base + "pagefind/") for u in recorder.requests)  # the index under the sub-path
        result = results.locator(".site-search__title a", has_text="Hisham al-Hashimi").first
        expect(result).to_be_visible()
        result.click()
        page.wait_for_url(lambda url: url.startswith(actor))
        expect(page.locator("h1")).to_contain_text("Hisham al-Hashimi")
        assert load_problems(recorder) == []
        assert outside(base, recorder.requests) == []


def test_every_link_on_the_open_data_page_answers_under_the_sub_path(browser, base):
    with recorded_page(browser, base, viewport=DESKTOP) as (page, recorder):
        page.goto(base + "data/", wait_until="networkidle")
        links = sorted({u.split("#")[0] for u in hrefs(page)})
        assert {u.rsplit("/", 1)[1] for u in links} >= DOWNLOADS
        assert outside(base, links) == []
        statuses = {u: page.request.get(u).status for u in links}
        assert {u: s for u, s in statuses.items() if s != 200} == {}

        # The downloads name the site's pages by address (annotation targets, page links): those stay
        # under the sub-path too, and answer.
        origin = base.split(PREFIX)[0]
        named = set()
        for name in sorted(DOWNLOADS):
            body = page.request.get(base + "data/" + name).text()
            named |= {u.split("#")[0] for u in re.findall(r"https?://[^\s\"'<>,]+", body) if u.startswith(origin)}
        assert named and outside(base, named) == []
        assert {u: s for u in sorted(named) if (s := page.request.get(u).status) != 200} == {}
        assert load_problems(recorder) == []
