from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts import curation

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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # LinkChecker throttles every host to ~10 requests/s unless the server opts in with this header.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Like a static host: a missing path gets the site's own 404 page (with status 404).
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a directory on a free loopback port; returns the server and its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


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
def browser():  # noqa: ANN201 - a Playwright Browser, imported here only when a browser test asks for one
    """Debian's Chromium driven by Playwright, one per test module."""
    from playwright.sync_api import sync_playwright

    from .browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
