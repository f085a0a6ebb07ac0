"""MkDocs hook: generates the briefing pages in memory on every build, so `mkdocs build` and
`mkdocs serve` always show the current seeds and curation. It wires; the work is in the package."""

from __future__ import annotations

import logging
import os
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
from mkdocs.structure.pages import Page  # noqa: E402

from scripts import csp, entities, fragments, glossary, memory, postprocess, preview, refresh, reproducible, search_index  # noqa: E402
from scripts.corpus import Corpus  # noqa: E402
from scripts.errors import BriefingError  # noqa: E402
from scripts.preview import PREVIEW  # noqa: E402
from scripts.publish import refuse_pending  # noqa: E402
from scripts.refresh import REFRESH  # noqa: E402
from scripts.render import TEMPLATES, render_site  # noqa: E402

LOG = logging.getLogger("mkdocs.briefing")  # shown by MkDocs like its own messages
# Another corpus (a benchmark's, a test's) can be built with the same configuration.
SEEDS = Path(os.environ.get("BRIEFING_SEEDS") or ROOT / "seeds")
# Set by `make site`: publishing refuses articles awaiting review; previews show them with a notice.
PUBLISHING = "BRIEFING_PUBLISH"

# Loaded in on_config, before MkDocs cleans the output directory: bad input stops the build with
# the previous site still in place.
_corpus: Corpus | None = None
_glossary: dict[str, str] = {}


def on_startup(command: str, dirty: bool) -> None:
    PREVIEW.serving = command == "serve"
    if dirty:  # `make serve` rebuilds only the pages an edit changed (scripts/refresh.py)
        logging.getLogger("mkdocs.commands.build").addFilter(refresh.DropDirtyWarning())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _corpus, _glossary
    if PREVIEW.serving:
        search_index.BACKGROUND.pause()  # the build has both cores; search is indexed again after it
        PREVIEW.keep_pages(Path(config.site_dir), SEEDS, REFRESH)  # a restart finds them (scripts/preview_store.py)
        # A sitemap is for search engines visiting the published site: the preview's would list every page on every build.
        config.theme.static_templates.discard("sitemap.xml")
    reproducible.pin_build_date(ROOT)
    try:
        _glossary = PREVIEW.load_glossary(glossary.GLOSSARY)
        _corpus = PREVIEW.load(SEEDS)
        if os.environ.get(PUBLISHING):
            refuse_pending(_corpus)
    except BriefingError as err:
        raise PluginError(str(err)) from None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _corpus
    assert _corpus is not None, "on_config loads the corpus first"
    memo = PREVIEW.pages if PREVIEW.serving else None
    site = render_site(_corpus, [f.src_uri for f in files.documentation_pages()], config.site_url or "", _glossary, memo)
    if PREVIEW.serving:  # only what changed is built again (scripts/refresh.py)
        REFRESH.add_files(files, config, site.pages, site.files, site.nav)
        files.append(File.generated(config, preview.STATUS, content=PREVIEW.status_script()))
    else:
        for path, text in sorted({**site.pages, **site.files}.items()):
            files.append(File.generated(config, path, content=text))
    config.nav = site.nav  # navigation is data from the briefing, never kept by hand
    # Not kept here: MkDocs keeps this module (and its first copy) alive. A preview falls back on
    # PREVIEW.last_good; a build is done with the corpus.
    _corpus = None
    if not PREVIEW.serving:
        PREVIEW.last_good = None
        memory.release_corpus_caches()
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    memory.release_source(page)
    return html


# `mkdocs serve` injects its live-reload script into every page as it serves it; a policy that forbids
# inline scripts would block it. The preview therefore goes without; built sites never do.
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    memory.release_content(page)
    if PREVIEW.serving:
        return PREVIEW.load_status(fragments.apply(output), page.url)
    return postprocess.finish_page(output)  # the same finishing as any engine's built site gets


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if PREVIEW.serving or not template_name.endswith(".html"):
        return output_content
    return csp.add_policy(output_content)


def on_post_build(config: MkDocsConfig) -> None:
    if PREVIEW.serving:  # the preview's pages are served at once; its search index follows (scripts/search_index.py)
        REFRESH.succeeded()
        LOG.info(REFRESH.summary())
        search_index.BACKGROUND.request(Path(config.site_dir), REFRESH.builds)
        return
    try:
        search_index.index(Path(config.site_dir))
    except BriefingError as err:
        raise PluginError(str(err)) from None


def on_build_error(error: Exception) -> None:
    REFRESH.failed()  # some pages may be half written: the next preview build makes them all
    search_index.BACKGROUND.resume()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:  # noqa: ANN001
    memory.freeze_long_lived()  # after the first build: later builds do not walk what it keeps (scripts/memory.py)
    server.watch(str(SEEDS))
    server.watch(str(glossary.GLOSSARY))
    server.watch(str(entities.ENTITIES))
    server.watch(str(TEMPLATES))
    return server


def on_shutdown() -> None:
    PREVIEW.stop(REFRESH)  # what a restarted preview needs of this one's pages
