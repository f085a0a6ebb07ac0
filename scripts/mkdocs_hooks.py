"""MkDocs hook: generates the briefing pages in memory on every build, so `mkdocs build` and
`mkdocs serve` always show the current seeds and curation. It wires; the work is in the package."""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path; make the package importable as `scripts`.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.livereload import LiveReloadServer  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from scripts.errors import BriefingError  # noqa: E402
from scripts.generate import generate  # noqa: E402
from scripts.render import TEMPLATES  # noqa: E402

SEEDS = ROOT / "seeds"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        site = generate(SEEDS, static_nav=[f.src_uri for f in files.documentation_pages()])
    except BriefingError as err:
        raise PluginError(str(err)) from None
    for path, text in sorted(site.pages.items()):
        files.append(File.generated(config, path, content=text))
    config.nav = site.nav  # navigation is data from the briefing, never kept by hand
    return files


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:  # noqa: ANN001
    server.watch(str(SEEDS))
    server.watch(str(TEMPLATES))
    return server
