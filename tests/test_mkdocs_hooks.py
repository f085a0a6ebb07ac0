"""Building through MkDocs: nothing lost when a build fails, seeds untouched, identical rebuilds."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import ROOT, SEEDS, mkdocs_build, project_copy


def tree(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.rglob("*")) if p.is_file()}


def break_curation(project: Path) -> None:
    curation = next((project / "seeds").glob("*.yml"))
    curation.write_text(curation.read_text().replace("key_points:", "keypoints:", 1))


def test_seeds_are_not_modified_by_a_build(tmp_path):
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in SEEDS.iterdir()}
    assert mkdocs_build(tmp_path / "site").returncode == 0
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
    first = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(tmp_path / "a")], cwd=ROOT, env=env)
    time.sleep(1.1)  # a build date taken from the clock would now differ
    second = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(tmp_path / "b")], cwd=ROOT, env=env)
    assert first.returncode == second.returncode == 0
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert len(a) > 30
    assert a == b


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def content(page: str) -> str:
    start = page.index('<article class="md-content__inner')
    return page[start : page.index("</article>", start)]


def wait_for(predicate, timeout: float = 30.0) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_serve_keeps_the_last_good_pages_and_shows_the_error(tmp_path):
    project = project_copy(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    url = f"http://127.0.0.1:{port}/threat/"
    try:
        assert wait_for(lambda: "Serving on" in log.read_text()), log.read_text()
        good = fetch(url)
        assert "The threat" in good
        break_curation(project)
        assert wait_for(lambda: "unknown field 'keypoints'" in log.read_text()), log.read_text()
        assert wait_for(lambda: "Build error:" in fetch(url)), log.read_text()
        stale = fetch(url)
        assert "unknown field &#x27;keypoints&#x27;" in stale  # the error, shown on the page
        assert content(stale) == content(good)  # the last good pages, still served
        assert "Content-Security-Policy" not in good  # the preview's live-reload script must be able to run
        curation = next((project / "seeds").glob("*.yml"))
        curation.write_text(curation.read_text().replace("keypoints:", "key_points:", 1))
        threat_summary = "The AP reports an expected move by the Islamic State group"
        curation.write_text(curation.read_text().replace(threat_summary, threat_summary.replace("AP reports", "AP anticipates"), 1))
        assert wait_for(lambda: "AP anticipates" in fetch(url)), log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=10)
