"""The site built by Zensical, the successor of Material for MkDocs (end of life May 2027), meets the checks
the MkDocs build meets: the same pages at the same addresses, no link leading nowhere, the same
post-processing (Content-Security-Policy, exact-sentence links), nothing blocked or fetched from another
host in a real browser, no accessibility violation, and a search that finds."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from .browser import DESKTOP, axe_violations, recorded_page, search, wait_until
from .conftest import FIXTURES, project_copy, serve, site_pages
from .links import check_links

pytestmark = pytest.mark.site  # builds, serves and browses a site of its own

ARTICLE = "articles/000_b2ab8aba2c0e3d24/"
# One page of each kind a reader meets: the home page, an article, an actor, the Search page.
PAGE_KINDS = ["", ARTICLE, "actors/hisham-al-hashimi/", "search/"]
CSP_META = '<meta http-equiv="Content-Security-Policy" content="'


MAKE_SITE = [sys.executable, "-m", "scripts", "site", "--site-dir", "site", "--engine", "zensical"]  # make site ENGINE=zensical


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site as `make site ENGINE=zensical` publishes it, over a previous site/ it replaces."""
    project = project_copy(tmp_path_factory.mktemp("zensical") / "project")
    (project / "site").mkdir()
    (project / "site" / "previous.html").write_text("<p>the previous build</p>", encoding="utf-8")
    result = subprocess.run(MAKE_SITE, cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]
    assert not (project / "site" / "previous.html").exists()
    return project / "site"


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    server, url = serve(zensical_site)
    yield url
    server.shutdown()


def _html_pages(site: Path) -> set[str]:
    return {page.relative_to(site).as_posix() for page in site.rglob("*.html")}


def _policy(html: str) -> str:
    start = html.find(CSP_META)
    return "" if start < 0 else html[start + len(CSP_META) :].split('"', 1)[0]


def test_every_mkdocs_page_is_built_by_zensical(built_site: Path, zensical_site: Path) -> None:
    # No exclusions: Zensical renders 404.html too, and the MkDocs-only artefacts (sitemap.xml.gz,
    # search/search_index.json) are not pages.
    missing = sorted(_html_pages(built_site) - _html_pages(zensical_site))
    assert not missing, f"pages MkDocs builds but Zensical does not: {missing}"


def test_every_internal_link_and_anchor_of_the_zensical_site_resolves(zensical_site: Path) -> None:
    links = check_links(zensical_site)
    assert links.checked > 500, "too few internal links found: the check would pass on anything"
    assert links.broken == [], f"{len(links.broken)} broken links, first ones:\n" + "\n".join(links.broken[:20])
    assert links.elsewhere == []  # every script, stylesheet and image is the site's own


def test_every_zensical_page_carries_the_policy_without_unsafe_inline_scripts(zensical_site: Path) -> None:
    problems = []
    for page in sorted(zensical_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        policy = _policy(html)
        script_src = policy.split("script-src", 1)[1].split(";", 1)[0] if "script-src" in policy else ""
        if not script_src or "'unsafe-inline'" in script_src or html.count(CSP_META) != 1:
            problems.append(f"{page.relative_to(zensical_site)}: {policy!r}")
    assert problems == []


def test_evidence_links_of_the_zensical_site_name_their_sentence(zensical_site: Path) -> None:
    pages = {p.relative_to(zensical_site).as_posix(): p.read_text(encoding="utf-8") for p in zensical_site.rglob("*.html")}
    assert [path for path, html in pages.items() if "data-text-fragment" in html] == []  # each moved into its link, as the hook does
    assert pages[ARTICLE + "index.html"].count(":~:text=") > 10


def test_zensical_pages_load_cleanly_and_stay_on_this_host(browser: Browser, zensical_site: Path, zensical_url: str) -> None:
    paths = site_pages(zensical_site)
    assert len(paths) > 25
    with recorded_page(browser, zensical_url, viewport=DESKTOP) as (page, recorder):
        for path in paths:
            page.goto(zensical_url + path, wait_until="networkidle")
        problems = [f"CSP violation: {v}" for v in recorder.csp_violations]
        problems += [f"console error: {e}" for e in recorder.console_errors]
        problems += [f"failed request: {f}" for f in recorder.failures]
        problems += [f"request to another host: {u}" for u in recorder.foreign_requests()]
        assert len(recorder.requests) > len(paths)  # the recorder really saw the traffic
    assert problems == []


def test_the_zensical_policy_blocks_an_injected_script(browser: Browser, zensical_url: str) -> None:
    """The policy is enforced, not only present, and the recorder above would have seen a violation."""
    with recorded_page(browser, zensical_url) as (page, recorder):
        page.goto(zensical_url + ARTICLE, wait_until="networkidle")
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }")
        assert wait_until(page, lambda: bool(recorder.csp_violations)), "no violation reported"
        assert page.evaluate("() => window.__ran") is None
        assert "script-src" in recorder.csp_violations[0]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_zensical_pages(browser: Browser, zensical_url: str, scheme: str) -> None:
    violations = []
    # axe is injected as an inline script, which the site's own Content-Security-Policy rightly blocks.
    with recorded_page(browser, zensical_url, viewport=DESKTOP, color_scheme=scheme, bypass_csp=True) as (page, _):
        for path in PAGE_KINDS:
            page.goto(zensical_url + path, wait_until="networkidle")
            violations += [f"{path or 'home'}: {v}" for v in axe_violations(page)]
    assert violations == []


def test_zensical_search_finds_a_known_word(browser: Browser, zensical_url: str) -> None:
    with recorded_page(browser, zensical_url, viewport=DESKTOP) as (page, recorder):
        page.goto(zensical_url, wait_until="networkidle")
        results = search(page, "drones")
        expect(results.first).to_be_visible()
        assert results.count() >= 1
        assert recorder.csp_violations == [] and recorder.console_errors == [] and recorder.foreign_requests() == []


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("breakage", ["article awaiting review", "broken link"])
def test_make_site_with_zensical_keeps_the_previous_site_whatever_fails(tmp_path: Path, breakage: str) -> None:
    project = project_copy(tmp_path / "project")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<p>the previous build</p>", encoding="utf-8")
    before = _tree(project / "site")
    if breakage == "article awaiting review":  # refused before Zensical runs
        (project / "seeds" / "001_copy.txt").write_bytes((FIXTURES / "effort" / "copy.txt").read_bytes())
        expected = "awaiting review"
    else:  # found by Zensical's strict build, once it has started writing its output
        (project / "docs" / "about.md").write_text("# About\n\n[broken](missing.md)\n", encoding="utf-8")
        expected = "missing.md"
    result = subprocess.run(MAKE_SITE, cwd=project, capture_output=True, text=True)
    assert result.returncode != 0
    assert expected in result.stderr
    assert "site/ was left as it was" in result.stderr
    assert _tree(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]
