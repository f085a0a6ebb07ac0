"""Search: the built site indexed by Pagefind into ``site/pagefind/``, read by the Search page only.

Pagefind splits its index into small chunks by word, so a query fetches a few chunks and the fragments
of the results it shows, not the whole index; no page loads any of it until a reader searches. What is
indexed is marked in the HTML: the content of pages whose front matter gives a ``kind``
(``data-pagefind-body``, see ``overrides/main.html``), without the elements marked
``data-search-exclude`` (evidence quotes, mention excerpts, coverage lists: the article's words again,
found once on the article page). Filters come from ``data-pagefind-filter`` (kind, article, type).
"""

from __future__ import annotations

import gzip
import json
import logging
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import zopfli.gzip

from .errors import BriefingError

BUNDLE = "pagefind"
EXCLUDE = "[data-search-exclude], .headerlink"  # repeated article text; the "#" of each heading's permalink
# Pagefind writes ready-made search interfaces beside its engine; the Search page has its own, so
# they are not published; nor is the web worker, since the page searches without one.
UNUSED = (
    "pagefind-worker.js",
    *(f"pagefind-{ui}.{kind}" for ui in ("ui", "modular-ui", "component-ui") for kind in ("js", "css")),
    "pagefind-highlight.js",
)


class Interrupted(Exception):
    """The indexer was stopped before it finished (the preview began another build)."""


def index(site_dir: Path, started: Callable[[subprocess.Popen[str]], None] | None = None, recompress: bool = True) -> None:
    """Index the built site into ``site_dir/pagefind``. The index is written beside it and swapped in
    whole, so a reader searching meanwhile uses the previous index, never a half-written one.
    ``started`` is handed the running indexer (the preview may stop it); ``recompress``: see :func:`_recompress`."""
    bundle, fresh, old = (site_dir / name for name in (BUNDLE, BUNDLE + ".next", BUNDLE + ".old"))
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", fresh.name, "--exclude-selectors", EXCLUDE, "--silent"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as run:
        if started is not None:
            started(run)
        stdout, stderr = run.communicate()
    if run.returncode < 0:
        raise Interrupted(site_dir)
    if run.returncode != 0 or not (fresh / "pagefind.js").is_file():
        problem = (stderr or stdout).strip().splitlines()[-1:] or ["no output"]
        fix = "check that the pagefind package is installed (make serve installs it)"
        raise BriefingError(site_dir, f"the search index could not be built ({problem[0]}); {fix}")
    for name in UNUSED:
        (fresh / name).unlink(missing_ok=True)
    if recompress:
        _recompress(fresh)
    if bundle.exists():
        bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)


def _recompress(bundle: Path) -> None:
    """Pagefind gzips its files at the default level. The two every search fetches whatever it looks for,
    the engine (WebAssembly) and the list of pages, are compressed again with Zopfli, which writes gzip
    that any reader inflates the same way: about 6 KB less per search at 1,000 articles, for about a
    second per build. Index chunks and result texts, thousands of files, stay as they are: Zopfli would
    add minutes to a build."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        for path in (bundle / f"wasm.{language['wasm']}.pagefind", bundle / f"pagefind.{language['hash']}.pf_meta"):
            path.write_bytes(zopfli.gzip.compress(gzip.decompress(path.read_bytes())))


class Background:
    """The preview's search index, rebuilt after each build in a thread of its own: the pages are served
    (and browsers reload) at once, and search follows when the index is done (about 10 s at 1,000
    articles). Requests made while it runs are served by one more run, with the latest pages.

    A preview build never waits for it: when one starts, the indexer under way is stopped (on two cores
    it would slow the build several times over, and it was indexing pages about to change) and waits;
    the build's end asks for a new run, or, if the build failed, the stopped one runs again. The preview
    skips the Zopfli pass (:func:`_recompress`), which would hold the interpreter for a second."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._site: tuple[Path, int] | None = None
        self._running = False
        self._paused = False
        self._indexer: subprocess.Popen[str] | None = None
        self._stopped = False  # whether this class stopped the indexer (not a signal from elsewhere)

    def request(self, site_dir: Path, build: int) -> None:
        """Index ``site_dir`` as written by preview build number ``build`` (named in the terminal when done)."""
        with self._lock:
            self._site, self._paused = (site_dir, build), False
            self._lock.notify_all()
            if not self._running:
                self._running = True
                threading.Thread(target=self._run, name="search-index", daemon=True).start()

    def pause(self) -> None:
        """A preview build is starting: stop the indexer under way until :meth:`request` or :meth:`resume`."""
        with self._lock:
            self._paused = True
            if self._indexer is not None and self._indexer.poll() is None:
                self._stopped = True
                self._indexer.terminate()

    def resume(self) -> None:
        """The build failed: index the last good pages again if a run was stopped."""
        with self._lock:
            self._paused = False
            self._lock.notify_all()

    def _started(self, indexer: subprocess.Popen[str]) -> None:
        with self._lock:
            self._indexer, self._stopped = indexer, self._paused
            if self._paused:
                indexer.terminate()

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: not self._paused)
                wanted, self._site = self._site, None
                if wanted is None:
                    self._running = False
                    return
            site, build = wanted
            try:
                index(site, self._started, recompress=False)
                LOG.info(f"Preview: search index updated for build {build}")
            except Interrupted as err:
                with self._lock:
                    if not self._stopped:  # killed by something else: said once, not tried again until the next build
                        said = f"{err}: the search indexer was stopped from outside (the preview's search keeps its previous index)"
                        print(f"ERROR   -  {said}", file=sys.stderr, flush=True)
                    else:
                        self._site = self._site or wanted  # run again after the build, unless it asks for its own pages
            except BriefingError as err:
                print(f"ERROR   -  {err}  (the preview's search keeps its previous index)", file=sys.stderr, flush=True)
            finally:
                with self._lock:
                    self._indexer = None


LOG = logging.getLogger("mkdocs.briefing")
BACKGROUND = Background()
