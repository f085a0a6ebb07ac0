"""Hostile seed and curation text reaches readers as literal text: no markup, script, include or template."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .browser import browser_on, recorded_page, search, wait_until
from .conftest import FIXTURES, mkdocs_build, project_copy, site_pages

pytestmark = pytest.mark.site  # each test builds or serves a site of its own

HOSTILE = FIXTURES / "hostile"
LITERALS = [
    '<script>window.__pwned = "title"</script>',
    "<img src=x onerror=\"window.__pwned='img'\">",
    "[click me](javascript:window.__pwned='link')",
    "{: onclick=\"window.__pwned='attr'\" }",
    '--8<-- "/etc/passwd"',
    '{% include "base.html" %} and {{ 7 * 7 }}',
    "&lt;b&gt;entity&lt;/b&gt; &amp; more",
    "*not emphasis* and `not code`",
    "<script>window.__pwned='name'</script>Mr. {{ x }} & <b>Co</b>",
    "<style>body{display:none}</style> pillar",
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = project_copy(
        tmp_path_factory.mktemp("hostile"),
        {"hostile.txt": (HOSTILE / "hostile.txt").read_bytes(), "hostile.yml": (HOSTILE / "hostile.yml").read_bytes()},
    )
    result = mkdocs_build(project / "site", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def documents(site: Path) -> Iterator[tuple[Path, BeautifulSoup]]:
    for path in sorted(site.rglob("*.html")):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_hostile_text_is_shown_literally(hostile_site):
    text = " ".join(" ".join(doc.get_text(" ").split()) for _, doc in documents(hostile_site))
    for literal in LITERALS:
        assert " ".join(literal.split()) in text
    assert "root:x:0:0" not in text  # nothing was included


def test_hostile_text_creates_no_markup(hostile_site):
    for path, doc in documents(hostile_site):
        content = doc.select_one(".md-content") or doc
        assert content.find_all(["script", "style", "iframe", "img", "object", "embed", "b", "foreignobject"]) == [], path
        assert all("diagram-svg" in svg.get("class", []) for svg in content.find_all("svg")), path  # only our pictures
        for tag in doc.find_all(True):
            assert not [a for a in tag.attrs if a.lower().startswith("on")], f"{path}: {tag}"
            for attr in ("href", "src", "action", "formaction"):
                value = str(tag.get(attr, "")).strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), f"{path}: {tag}"
        for script in doc.find_all("script"):
            if script.get("type") == "application/ld+json":  # data, never run: valid JSON with no "<"
                assert "<" not in script.string and json.loads(script.string), path
            else:
                assert "__pwned" not in script.get_text(), path
        assert not doc.select(".md-content h1 ~ h1"), path
        assert not doc.select(".md-content .admonition"), path


def test_hostile_pages_run_nothing_in_the_browser(hostile_site):
    with browser_on(hostile_site) as (browser, url), recorded_page(browser, url) as (page, recorder):
        page.on("dialog", lambda d: recorder.console_errors.append(f"dialog: {d.message}"))
        for path in site_pages(hostile_site):
            page.goto(url + path, wait_until="networkidle")
            assert page.evaluate("() => window.__pwned") is None, path
            assert page.evaluate("() => getComputedStyle(document.body).display") != "none", path
        search(page, "Hostile")
        assert page.evaluate("() => window.__pwned") is None
        assert page.locator(".site-search__results img, .site-search__results script, .site-search__results iframe").count() == 0
        assert recorder.console_errors == []
        assert recorder.csp_violations == []


def test_csp_violations_are_seen_by_the_recorder(built_site):
    """The browser tests rely on this listener; prove it reports a blocked inline script."""
    with browser_on(built_site) as (browser, url), recorded_page(browser, url) as (page, recorder):
        page.goto(url, wait_until="networkidle")
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }")
        assert wait_until(page, lambda: bool(recorder.csp_violations)), "no violation reported"
        assert page.evaluate("() => window.__ran") is None
        assert "script-src" in recorder.csp_violations[0]
