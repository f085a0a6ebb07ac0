"""`mkdocs serve` support: when an edit breaks the input, keep serving the last good briefing and show
the error on every page (by a small script every preview page loads, so no page is written again for
it) and in the terminal, instead of stopping the preview.

MkDocs reloads the hook module on every rebuild, so this state lives here, in the imported package.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils import get_relative_url

from . import glossary
from .corpus import Corpus
from .entry_cache import EntryCache
from .errors import BriefingError
from .loading import load_corpus
from .page_memo import PageMemo
from .preview_store import PreviewStore
from .refresh import Refresh


@dataclass
class Preview:
    serving: bool = False
    last_good: Corpus | None = None
    last_glossary: dict[str, str] | None = None
    corpus_error: str | None = None
    glossary_error: str | None = None
    # Articles unchanged since the last build are not read again while previewing (publishing reads all).
    cache: EntryCache = field(default_factory=EntryCache)
    pages: PageMemo = field(default_factory=PageMemo)  # and pages whose own articles are unchanged are not rendered again
    store: PreviewStore | None = None  # where the pages are kept across restarts

    def __post_init__(self) -> None:
        self.pages.key_of = self.cache.key_of  # pages are kept by their articles' content

    def keep_pages(self, site_dir: Path, seeds: Path, refresh: Refresh) -> None:
        """Serve from the folder kept across restarts, taking up what the last preview left there."""
        if self.store is None:
            self.store = PreviewStore(seeds)
        if self.store.attach(site_dir, refresh, self.pages):
            print("INFO    -  Preview: restarted on the last preview's pages; only what changed since is built", file=sys.stderr, flush=True)

    def stop(self, refresh: Refresh) -> None:
        if self.store is not None:
            self.store.save(refresh, self.pages)

    def load(self, seeds: Path) -> Corpus:
        """The corpus to build from. Raises BriefingError unless a good preview can stand in."""
        try:
            briefings = load_corpus(seeds, cache=self.cache if self.serving else None)
        except BriefingError as err:
            if not (self.serving and self.last_good):
                raise
            self.corpus_error = _say(err)
            return self.last_good
        self.last_good, self.corpus_error = briefings, None
        for entry in briefings.entries:
            for warning in entry.warnings:
                # Written directly, like errors: a logged warning would make a strict build fail, and these
                # are for an editor to judge, not reasons to refuse a build.
                print(f"WARNING -  {warning}  (a curation check; the build goes on)", file=sys.stderr, flush=True)
        return briefings

    def load_glossary(self, path: Path) -> dict[str, str]:
        """The glossary to build with: a broken one stops a preview no more than a broken curation does."""
        try:
            found = glossary.load(path)
        except BriefingError as err:
            if not (self.serving and self.last_glossary is not None):
                raise
            self.glossary_error = _say(err)
            return self.last_glossary
        self.last_glossary, self.glossary_error = found, None
        return found

    @property
    def error(self) -> str | None:
        """What stops this build, for the notice on every page; None when it built from what was saved."""
        errors = [e for e in (self.glossary_error, self.corpus_error) if e]
        return " ".join(errors) or None

    def status_script(self) -> str:
        """The script that shows the last build's error (none: it shows nothing) on every preview page."""
        error = json.dumps(self.error or "", ensure_ascii=False).replace("<", "\\u003c")
        return STATUS_TEMPLATE.read_text(encoding="utf-8").replace("ERROR", error, 1)

    @staticmethod
    def load_status(page_html: str, page_url: str) -> str:
        """A page loads the status script first thing in its body, so a notice shows before the content."""
        tag = f'<script src="{get_relative_url(STATUS, page_url)}"></script>'
        at = page_html.find(">", page_html.find("<body")) + 1
        return page_html[:at] + tag + page_html[at:] if at else page_html


def _say(err: BriefingError) -> str:
    # Written directly: a logged error would make `mkdocs serve --strict` refuse to rebuild.
    print(f"ERROR   -  {err}  (the preview keeps showing the last good version)", file=sys.stderr, flush=True)
    return str(err)


STATUS = "assets/javascripts/preview-status.js"  # in the preview's site only
STATUS_TEMPLATE = Path(__file__).parent / "templates" / "preview_status.js"


PREVIEW = Preview()
