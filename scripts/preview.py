"""`mkdocs serve` support: when an edit breaks the input, keep serving the last good briefing and show
the error on every page and in the terminal, instead of stopping the preview.

MkDocs reloads the hook module on every rebuild, so this state lives here, in the imported package.
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Corpus
from .entry_cache import EntryCache
from .errors import BriefingError
from .generate import load_corpus
from .page_memo import PageMemo


@dataclass
class Preview:
    serving: bool = False
    last_good: Corpus | None = None
    error: str | None = None
    # Articles unchanged since the last build are not read again while previewing (publishing reads all).
    cache: EntryCache = field(default_factory=EntryCache)
    pages: PageMemo = field(default_factory=PageMemo)  # and pages whose own articles are unchanged are not rendered again

    def load(self, seeds: Path) -> Corpus:
        """The corpus to build from. Raises BriefingError unless a good preview can stand in."""
        try:
            briefings = load_corpus(seeds, cache=self.cache if self.serving else None)
        except BriefingError as err:
            if not (self.serving and self.last_good):
                raise
            self.error = str(err)
            # Written directly: a logged error would make `mkdocs serve --strict` refuse to rebuild.
            print(f"ERROR   -  {err}  (the preview keeps showing the last good version)", file=sys.stderr, flush=True)
            return self.last_good
        self.last_good, self.error = briefings, None
        for entry in briefings.entries:
            for warning in entry.warnings:
                # Written directly, like errors: a logged warning would make a strict build fail, and these
                # are for an editor to judge, not reasons to refuse a build.
                print(f"WARNING -  {warning}  (a curation check; the build goes on)", file=sys.stderr, flush=True)
        return briefings

    def banner(self, page_html: str) -> str:
        if not self.error:
            return page_html
        notice = (
            '<div class="preview-error" role="alert"><strong>Build error:</strong> '
            f"{html.escape(self.error)} <em>These pages show the last version that built.</em></div>"
        )
        at = page_html.find(">", page_html.find("<body")) + 1
        return page_html[:at] + notice + page_html[at:] if at else page_html


PREVIEW = Preview()
