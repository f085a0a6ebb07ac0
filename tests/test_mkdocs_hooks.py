"""Building through MkDocs: nothing lost when a build fails, seeds untouched, identical rebuilds."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from .browser import launch
from .conftest import ROOT, SEEDS, mkdocs_build, project_copy
from .serving import Serve, wait_for

pytestmark = pytest.mark.site  # each test builds or serves a site of its own


def tree(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.rglob("*")) if p.is_file()}


def break_curation(project: Path) -> None:
    curation = next((project / "seeds").glob("*.yml"))
    curation.write_text(curation.read_text().replace("key_points:", "keypoints:", 1))


def test_seeds_are_not_modified_by_a_build(site_build, tmp_path):
    assert site_build.seeds_after == site_build.seeds_before and site_build.seeds_before  # the session's site build
    before = site_build.seeds_after
    assert subprocess.run([sys.executable, "-m", "scripts", "generate", "--out", str(tmp_path / "pages")], cwd=ROOT).returncode == 0
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in SEEDS.iterdir()} == before
    assert hashlib.sha256((SEEDS / "000_b2ab8aba2c0e3d24.txt").read_bytes()).hexdigest() == (
        "b4b5310c4f98329e8fe7812f9329d94518b55ad0f0ceae331c31a16c0660f2c8"
    )


def test_bad_input_stops_plain_mkdocs_build_before_it_touches_the_output(tmp_path):
    project = project_copy(tmp_path / "project")
    site = tmp_path / "site"
    assert mkdocs_build(site, cwd=project).returncode == 0
    before = tree(site)
    break_curation(project)
    result = mkdocs_build(site, cwd=project)
    assert result.returncode == 1
    assert "unknown field 'keypoints'; did you mean 'key_points'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(site) == before


def test_make_site_keeps_the_previous_site_whatever_fails(tmp_path):
    project = project_copy(tmp_path / "project")
    site_cmd = [sys.executable, "-m", "scripts", "site", "--site-dir", "site"]
    assert subprocess.run(site_cmd, cwd=project, capture_output=True).returncode == 0
    before = tree(project / "site")
    assert len(before) > 30
    # A broken link in a hand-written page fails the strict build only after MkDocs emptied its output.
    (project / "docs" / "about.md").write_text("# About\n\n[broken](missing.md)\n")
    result = subprocess.run(site_cmd, cwd=project, capture_output=True, text=True)
    assert result.returncode != 0
    assert "missing.md" in result.stderr
    assert "site/ was left as it was" in result.stderr
    assert tree(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    build = ["mkdocs", "build", "-q", "--strict", "-d"]
    first = subprocess.run([sys.executable, "-m", *build, str(tmp_path / "a")], cwd=ROOT, env=env)
    # The second build reads a clock a day and an hour ahead: a build date taken from the clock would differ.
    second = subprocess.run([sys.executable, "-m", "tests.later_clock", *build, str(tmp_path / "b")], cwd=ROOT, env=env)
    assert first.returncode == second.returncode == 0
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert len(a) > 30
    # Pagefind writes its filter maps in hash-map order, which changes from run to run, and names each
    # filter file, the manifest and the entry file by a hash of their bytes: those are compared by content.
    reordered = re.compile(r"^pagefind/(filter/.*|pagefind\.[^/]*\.pf_meta|pagefind-entry\.json)$")
    assert {k: v for k, v in a.items() if not reordered.match(k)} == {k: v for k, v in b.items() if not reordered.match(k)}
    assert search_filters(tmp_path / "a") == search_filters(tmp_path / "b")
    assert len([k for k in a if reordered.match(k)]) == len([k for k in b if reordered.match(k)])


def search_filters(site: Path) -> dict:
    """Every search filter of a built site: name → value → pages, read from Pagefind's filter files."""
    found: dict = {}
    for path in (site / "pagefind" / "filter").iterdir():
        data = gzip.decompress(path.read_bytes())
        (name, values), _ = _cbor(data, len(b"pagefind_dcd"))  # [filter, [[value, [page numbers]], …]]
        found[name] = {value: sorted(pages) for value, pages in values}
    return found


def _cbor(data: bytes, at: int) -> tuple[object, int]:
    """The CBOR item at ``at`` (unsigned integers, text, arrays, maps: what Pagefind's filter files hold)."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        size = info
    else:
        width = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        size, at = int.from_bytes(data[at : at + width], "big"), at + width
    if major == 0:
        return size, at
    if major in (2, 3):
        raw = data[at : at + size]
        return (raw.decode() if major == 3 else raw), at + size
    items = []
    for _ in range(size * (2 if major == 5 else 1)):
        item, at = _cbor(data, at)
        items.append(item)
    if major == 4:
        return items, at
    if major == 5:
        return dict(zip(items[::2], items[1::2], strict=True)), at
    raise ValueError(f"CBOR major type {major} is not expected in a filter file")


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def content(page: str) -> str:
    start = page.index('<article class="md-content__inner')
    return page[start : page.index("</article>", start)]


def test_serve_keeps_the_last_good_pages_and_shows_the_error(tmp_path):
    project = project_copy(tmp_path / "project")
    server = Serve(project, tmp_path / "serve")
    url = f"http://127.0.0.1:{server.port}/threat/"
    try:
        assert wait_for(lambda: "Serving on" in server.text()), server.text()
        good = fetch(url)
        assert "The threat" in good
        assert "Content-Security-Policy" not in good  # the preview's live-reload script must be able to run
        seed = next((project / "seeds").glob("*.txt"))
        page_file = server.site / "articles" / seed.stem / "index.html"  # not in the menu, which is rebuilt every time
        written = page_file.stat().st_mtime_ns
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                page = browser.new_page()
                page.goto(url)
                expect(page.locator(".preview-error")).to_have_count(0)
                break_curation(project)
                assert wait_for(lambda: "unknown field 'keypoints'" in server.text() and server.builds() == 2), server.text()
                # The livereload script reloads the page once the build is done; the notice is the error.
                notice = page.locator(".preview-error[role=alert]")
                expect(notice).to_contain_text("Build error: ", timeout=15_000)
                expect(notice).to_contain_text("unknown field 'keypoints'")
                assert notice.evaluate("n => n === document.body.firstElementChild")  # above everything, before the content
                assert content(fetch(url)) == content(good)  # the last good pages, still served
                assert page_file.stat().st_mtime_ns == written  # not written again to show the error
                curation = next((project / "seeds").glob("*.yml"))
                curation.write_text(curation.read_text().replace("keypoints:", "key_points:", 1))
                threat_summary = "The AP reports an expected move by the Islamic State group"
                curation.write_text(curation.read_text().replace(threat_summary, threat_summary.replace("AP reports", "AP anticipates"), 1))
                assert wait_for(lambda: "AP anticipates" in fetch(url)), server.text()
                expect(page.get_by_text("AP anticipates").first).to_be_visible(timeout=15_000)
                expect(page.locator(".preview-error")).to_have_count(0)  # fixed: the notice is gone
                # A broken glossary stops the preview no more than a broken curation: notice, last good pages.
                terms = project / "docs" / "glossary.yml"
                good_terms = terms.read_text()
                builds = server.builds()
                terms.write_text(good_terms + "IS: defined a second time\n")
                assert wait_for(lambda: "defined twice" in server.text() and server.builds() > builds), server.text()
                expect(notice).to_contain_text("glossary.yml", timeout=15_000)
                expect(notice).to_contain_text("defined twice")
                terms.write_text(good_terms)
                expect(page.locator(".preview-error")).to_have_count(0, timeout=15_000)
            finally:
                browser.close()
    finally:
        server.stop()
