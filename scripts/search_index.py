"""Search: the built site indexed by Pagefind into ``site/pagefind/``, read by the Search page only.

Pagefind splits its index into small chunks by word, so a query fetches a few chunks and the fragments
of the results it shows, not the whole index; no page loads any of it until a reader searches. What is
indexed is marked in the HTML: the content of pages whose front matter gives a ``kind``
(``data-pagefind-body``, see ``overrides/main.html``), without the elements marked
``data-search-exclude`` (evidence quotes, mention excerpts, coverage lists: the article's words again,
found once on the article page). Filters come from ``data-pagefind-filter`` (kind, article, type).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .errors import BriefingError

BUNDLE = "pagefind"
EXCLUDE = "[data-search-exclude], .headerlink"  # repeated article text; the "#" of each heading's permalink
# Pagefind writes ready-made search interfaces beside its engine; the Search page has its own, so
# they are not published; nor is the web worker, since the page searches without one.
UNUSED = ("pagefind-worker.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def index(site_dir: Path) -> None:
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # chunks of a previous build would be left behind otherwise
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE, "--exclude-selectors", EXCLUDE, "--silent"]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    if run.returncode != 0 or not (bundle / "pagefind.js").is_file():
        problem = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["no output"]
        raise BriefingError(site_dir, f"the search index could not be built ({problem[0]}); check that the pagefind package is installed (make serve installs it)")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
