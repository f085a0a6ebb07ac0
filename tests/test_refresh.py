"""The preview rebuilds only what an edit changed (`make serve`, i.e. `mkdocs serve --strict --dirty`), and
is never stale: after each edit an editor makes, every file it serves equals a clean preview build's."""

from __future__ import annotations

import gzip
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import FIXTURES, SEEDS, project_copy
from .serving import Serve, wait_for

pytestmark = pytest.mark.site  # each test builds or serves a site of its own

REBUILT = re.compile(r"Preview: build (\d+): (\d+) of (\d+) generated pages rebuilt")


class Preview(Serve):
    """A running preview, and what the test waits for and reads in it."""

    def wait_built(self, count: int) -> None:
        assert wait_for(lambda: self.builds() >= count and "Serving on" in self.text(), timeout=120), self.text()

    def wait_indexed(self) -> None:
        """Until search has indexed the latest successful build (the preview indexes after serving the pages)."""
        latest = REBUILT.findall(self.text())[-1][0]
        assert wait_for(lambda: f"search index updated for build {latest}\n" in self.text(), timeout=120), self.text()

    def files(self) -> dict[str, bytes]:
        """Every file served, the port (in absolute addresses) written as PORT; the search index apart (see below)."""
        found = {}
        for path in sorted(self.site.rglob("*")):
            rel = path.relative_to(self.site).as_posix()
            if path.is_file() and not rel.startswith("pagefind/"):
                data = path.read_bytes()
                if path.suffix == ".gz":  # its header names the file it was written to, in the temporary directory
                    data = gzip.decompress(data)
                found[rel] = data.replace(f"127.0.0.1:{self.port}".encode(), b"127.0.0.1:PORT")
        return found


@contextmanager
def preview(project: Path, tmp: Path, dirty: bool, port: int | None = None) -> Iterator[Preview]:
    running = Preview(project, tmp, dirty, port=port)  # its log: tmp/serve.log
    try:
        yield running
    finally:
        running.stop()


def fragments(site: Path) -> set[str]:
    """The search index's result texts, named by content (the rest of Pagefind's index is checked by its own tests)."""
    return {p.name for p in (site / "pagefind" / "fragment").iterdir()}


def assert_same_as_clean(dirty: Preview, project: Path, tmp: Path) -> None:
    reference = project_copy(tmp / "project", {p.name: p.read_bytes() for p in (project / "seeds").iterdir()})
    shutil.rmtree(reference / "docs")
    shutil.copytree(project / "docs", reference / "docs")  # as the edits left it
    dirty.wait_indexed()
    with preview(reference, tmp / "serve", dirty=False) as clean:
        clean.wait_built(1)
        clean.wait_indexed()
        expected, served = clean.files(), dirty.files()
        assert sorted(served) == sorted(expected)
        differing = [rel for rel in expected if served[rel] != expected[rel]]
        assert differing == [], (differing, *(_first_difference(served[rel], expected[rel]) for rel in differing[:2]))
        assert fragments(dirty.site) == fragments(clean.site)


def _first_difference(served: bytes, expected: bytes) -> str:
    at = next((i for i, (a, b) in enumerate(zip(served, expected, strict=False)) if a != b), min(len(served), len(expected)))
    return f"at byte {at}: served {served[at - 80 : at + 80]!r}, clean {expected[at - 80 : at + 80]!r}"


NEW_PLACE = """  northern-iraq:
    name: Northern Iraq
    kind: region
    lat: 36.0
    lon: 43.5
    source: a point chosen for this test
"""
NAMES_NEW_PLACE = """
places:
  - id: northern-iraq
    about:
      text: Where, with the west, the agency writes that the group's territory in Iraq would be reduced to small pockets if Mosul falls.
      type: forecast
      evidence:
        - would be reduced to small pockets in the north and west
    mentioned_as:
      - the north
"""


def test_the_preview_rebuilds_what_an_edit_changed_and_is_never_stale(tmp_path):
    seed = next(SEEDS.glob("*.txt"))
    first = {p.name: p.read_bytes() for p in SEEDS.iterdir() if not p.name.startswith(".")}
    wire_copy = {"copy.txt": (FIXTURES / "effort" / "copy.txt").read_bytes(), "copy.yml": (FIXTURES / "effort" / "copy.yml").read_bytes()}
    project = project_copy(tmp_path / "project", first | wire_copy)
    seeds = project / "seeds"
    copy_yml, dated = seeds / "copy.yml", FIXTURES / "corpus" / "dated_ap"
    assert seed.name in first

    def edit(path: Path, old: str, new: str) -> None:
        text = path.read_text()
        assert old in text, (path.name, old)
        path.write_text(text.replace(old, new, 1))

    def rename_actor(path: Path, old: str, new: str, declaration: str) -> None:
        """Every use of the id in one curation; the new id, unknown to docs/entities.yml, declares its name and kind."""
        text = path.read_text()
        assert f"  - id: {old}\n" in text
        path.write_text(text.replace(old, new).replace(f"  - id: {new}\n", f"  - id: {new}\n{declaration}", 1))

    with preview(project, tmp_path / "dirty", dirty=True) as dirty:
        dirty.wait_built(1)
        builds = 1
        # Each step is one file written or removed at a time, each waited for, as an editor saves.
        steps = [
            ("an article's text changes", [lambda: edit(copy_yml, "When the article was written", "At the time the article was written")]),
            (  # on the actor's page, beside the copy's own account
                "an actor's description changes in the other article",
                [lambda: edit(seeds / f"{seed.stem}.yml", "the article does not name them one by one.", "the article does not name each of them.")],
            ),
            ("an article is added", [lambda s=s: (seeds / f"dated_ap{s}").write_bytes(dated.with_suffix(s).read_bytes()) for s in (".txt", ".yml")]),
            (
                "an actor id used by other articles is renamed in one",
                [lambda: rename_actor(seeds / "dated_ap.yml", "iraqi-forces", "iraqi-army", "    name: Iraqi army\n    kind: security force\n")],
            ),
            ("an article is deleted", [lambda s=s: (seeds / f"dated_ap{s}").unlink() for s in (".yml", ".txt")]),
            ("a place is added to the gazetteer", [lambda: edit(project / "docs" / "entities.yml", "\nplaces:\n", "\nplaces:\n" + NEW_PLACE)]),
            (  # every place page's map draws every place: the pages of places this article does not name change too
                "an article names a new place",
                [lambda: copy_yml.write_text(copy_yml.read_text() + NAMES_NEW_PLACE)],
            ),
            ("a page is added to docs/", [lambda: (project / "docs" / "notes.md").write_text("# Editor's notes\n\nA page of the site's own.\n")]),
            ("the page is deleted from docs/", [lambda: (project / "docs" / "notes.md").unlink()]),
            ("a quote is broken", [lambda: edit(copy_yml, "beef up surveillance by Iraqi drones", "beef up surveillance by Iraqi jets")]),
            ("the quote is fixed", [lambda: edit(copy_yml, "beef up surveillance by Iraqi jets", "beef up surveillance by Iraqi drones")]),
        ]
        untouched = dirty.site / "articles" / seed.stem / "source-notes" / "index.html"
        for number, (step, writes) in enumerate(steps):
            written = untouched.stat().st_mtime_ns
            copy_page = (dirty.site / "articles" / "copy" / "index.html").read_bytes()
            for write in writes:
                write()
                builds += 1
                dirty.wait_built(builds)
            if step == "an article's text changes":  # the copy's summary: its own pages, not the other article's
                rebuilt, total = map(int, REBUILT.findall(dirty.log.read_text())[-1][1:])
                assert 0 < rebuilt < total / 2, (rebuilt, total)
                assert untouched.stat().st_mtime_ns == written
            if step == "a quote is broken":
                # The error goes to the script every preview page loads (shown in a browser: test_mkdocs_hooks);
                # the pages stay as they last built, and none is written again for it.
                status = (dirty.site / "assets" / "javascripts" / "preview-status.js").read_text()
                assert "copy.yml" in status and "quote not found" in status, status
                assert untouched.stat().st_mtime_ns == written
                assert (dirty.site / "articles" / "copy" / "index.html").read_bytes() == copy_page
                continue
            assert_same_as_clean(dirty, project, tmp_path / f"clean-{number}")


def test_a_restarted_preview_builds_only_what_changed_while_it_was_stopped(tmp_path):
    wire_copy = {name: (FIXTURES / "effort" / name).read_bytes() for name in ("copy.txt", "copy.yml")}
    project = project_copy(tmp_path / "project", {p.name: p.read_bytes() for p in SEEDS.iterdir() if not p.name.startswith(".")} | wire_copy)
    first = Preview(project, tmp_path / "first")
    first.wait_built(1)
    assert "restarted on the last preview" not in first.text()
    first.interrupt()
    copy_yml = project / "seeds" / "copy.yml"  # edited while no preview runs
    copy_yml.write_text(copy_yml.read_text().replace("When the article was written", "At the time the article was written", 1))
    with preview(project, tmp_path / "second", dirty=True, port=first.port) as second:  # the address is in the pages
        second.wait_built(1)
        assert "restarted on the last preview's pages" in second.text()
        rebuilt, total = map(int, REBUILT.findall(second.text())[-1][1:])
        assert 0 < rebuilt < total / 2, (rebuilt, total)  # the copy's pages and the menu's, not every page
        assert_same_as_clean(second, project, tmp_path / "clean")
