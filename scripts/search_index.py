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
from pathlib import Path

import zopfli.gzip

from .errors import BriefingError

BUNDLE = "pagefind"
EXCLUDE = "[data-search-exclude], .headerlink"  # repeated article text; the "#" of each heading's permalink
# Pagefind writes ready-made search interfaces beside its engine; the Search page has its own, so
# they are not published; nor is the web worker, since the page searches without one.
UNUSED = ("pagefind-worker.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def index(site_dir: Path) -> None:
    """Index the built site into ``site_dir/pagefind``. The index is written beside it and swapped in
    whole, so a reader searching meanwhile uses the previous index, never a half-written one."""
    bundle, fresh, old = (site_dir / name for name in (BUNDLE, BUNDLE + ".next", BUNDLE + ".old"))
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", fresh.name, "--exclude-selectors", EXCLUDE, "--silent"]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    if run.returncode != 0 or not (fresh / "pagefind.js").is_file():
        problem = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["no output"]
        raise BriefingError(site_dir, f"the search index could not be built ({problem[0]}); check that the pagefind package is installed (make serve installs it)")
    for name in UNUSED:
        (fresh / name).unlink(missing_ok=True)
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
    articles). Requests made while it runs are served by one more run, with the latest pages."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._site: tuple[Path, int] | None = None
        self._running = False

    def request(self, site_dir: Path, build: int) -> None:
        """Index ``site_dir`` as written by preview build number ``build`` (named in the terminal when done)."""
        with self._lock:
            self._site = (site_dir, build)
            if not self._running:
                self._running = True
                threading.Thread(target=self._run, name="search-index", daemon=True).start()

    def _run(self) -> None:
        while True:
            with self._lock:
                wanted, self._site = self._site, None
                if wanted is None:
                    self._running = False
                    return
            site, build = wanted
            try:
                index(site)
                LOG.info(f"Preview: search index updated for build {build}")
            except BriefingError as err:
                print(f"ERROR   -  {err}  (the preview's search keeps its previous index)", file=sys.stderr, flush=True)


LOG = logging.getLogger("mkdocs.briefing")
BACKGROUND = Background()
