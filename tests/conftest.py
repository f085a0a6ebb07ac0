from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts import curation

from .static_host import serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = ROOT / "seeds"
FIRST_SEED = SEEDS / "000_b2ab8aba2c0e3d24.txt"
# The first seed's page chrome (other stories' headlines, section names): parsing drops it, no page shows it.
CHROME_LINES = [
    "Authorities said a total of 192 Azerbaijani troops",
    "Azerbaijani government will increase",
    "unreasonably broad interpretation",
    "The earthquake caused a temporary blackout",
    "Partner news",
    "Top stories",
]


PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts")

# The two tiers: `make check` runs the tests not marked "site" (lint, types and these, in seconds);
# `make test` runs those first, then the rest. A test is in the site tier when it uses a built site, a
# browser or a server (the fixtures below), or says so itself (`@pytest.mark.site`, or a module's
# `pytestmark`) because it builds or serves a site of its own.
SITE_FIXTURES = {"site_build", "built_site", "site_url", "browser", "hosted", "base", "zensical_site"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "site: builds, serves or browses a whole site (make test, not make check)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


def project_copy(target: Path, seeds: dict[str, bytes] | None = None) -> Path:
    """A copy of the project (configuration, pages, theme overrides, generator) with its own seeds."""

    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / part)
    (target / "seeds").mkdir()
    if seeds is None:
        seeds = {p.name: p.read_bytes() for p in SEEDS.iterdir() if not p.name.startswith(".")}
    for name, data in seeds.items():
        (target / "seeds" / name).write_bytes(data)
    return target


def mkdocs_build(site_dir: Path, *, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
    )


@dataclass(frozen=True)
class SiteBuild:
    site: Path
    log: str  # what `mkdocs build` wrote to the terminal
    seeds_before: dict[Path, tuple[bytes, int]]  # each seed's bytes and mtime, before and after the build
    seeds_after: dict[Path, tuple[bytes, int]]


def _seed_state() -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in SEEDS.iterdir()}


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """The real site, built once per test session with `mkdocs build --strict`, and what the build did."""
    site = tmp_path_factory.mktemp("site")
    before = _seed_state()
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return SiteBuild(site, result.stderr, before, _seed_state())


@pytest.fixture(scope="session")
def built_site(site_build: SiteBuild) -> Path:
    return site_build.site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1, as a static host would serve it."""
    server, url = serve(built_site)
    yield url
    server.shutdown()


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path ("", "actors/", …), the 404 page excluded."""
    paths = []
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        paths.append("" if rel == "." else rel + "/")
    return paths


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """(Unless a module has its own.) A seeds directory holding the real first seed and its curation: the known actors."""
    directory = tmp_path / "seeds"
    directory.mkdir()
    shutil.copy(FIRST_SEED, directory)
    shutil.copy(curation.curation_path(FIRST_SEED), directory)
    return directory


def edited(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    """A copy of ``source`` in ``tmp_path`` with the one occurrence of ``old`` replaced by ``new``."""
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / source.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The number of the first line of ``path`` that contains ``text``."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright, one per test module."""
    from playwright.sync_api import sync_playwright

    from .browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
