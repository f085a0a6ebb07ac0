"""The preview rebuilds only the pages an edit changed (``mkdocs serve --dirty``).

MkDocs' dirty build skips a page whose file says it is not modified. A generated page is marked so
(:class:`Unchanged`) when its Markdown is the same as at the last successful build, its output is still
there, and nothing every page shows has changed since: the navigation, ``mkdocs.yml``, the theme
overrides. (The preview's error notice is not in the pages: see scripts/preview.py.) Navigation pages
are always rebuilt, since every page's menu reads their titles from them. A file no longer built has its
output removed, so the preview never serves a deleted article, nor a page deleted from ``docs/``. What
was built is recorded only once a build has succeeded: after a failed one, the next build makes every
page again.

Publishing never uses this: ``make site`` is a clean build.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .entry_cache import code_version

# MkDocs warns on every dirty build that navigation may be inaccurate; here no page is skipped whose
# navigation could differ (see above). Under --strict that warning would stop every preview build.
DIRTY_WARNING = "A 'dirty' build is being performed"


class Unchanged(File):
    """A generated page whose Markdown is the same as in the last preview build."""

    def is_modified(self) -> bool:
        return False


class Rebuilt(File):
    """A page of ``docs/`` in the navigation: rebuilt every time, like the generated ones."""

    def is_modified(self) -> bool:
        return True


def _digest(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


def frame_digest(config_file: Path, theme_dir: Path, docs_dir: Path, nav: object) -> str:
    """What every page shows besides its own Markdown: the menu's titles come from the pages of ``docs/``
    too; and what turns Markdown into a page: this package's code and the engine's and theme's versions
    (a preview restarted after an upgrade must not keep pages the old versions wrote)."""
    parts = [config_file.read_bytes(), json.dumps(nav, sort_keys=True).encode(), code_version().encode()]
    parts += [f"{name} {metadata.version(name)}".encode() for name in ENGINE]
    for folder, pattern in ((theme_dir, "*"), (docs_dir, "*.md")):
        parts += [p.relative_to(folder).as_posix().encode() + p.read_bytes() for p in sorted(folder.rglob(pattern)) if p.is_file()]
    return _digest(b"\0".join(parts))


ENGINE = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown")


def _nav_pages(nav: object) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(_nav_pages(v) for v in nav.values()))
    if isinstance(nav, list):
        return set().union(*(_nav_pages(v) for v in nav))
    return set()


@dataclass
class Refresh:
    built: dict[str, tuple[str, str]] = field(default_factory=dict)  # page -> (Markdown digest, output, relative to the site)
    frame: str = ""
    outputs: dict[str, str] = field(default_factory=dict)  # every file written (generated, docs/, theme) -> its output, relative
    site: Path | None = None  # where the last build wrote
    rebuilt: int = 0  # generated pages the last build made, of ``total``
    total: int = 0
    builds: int = 0  # successful builds so far
    _texts: dict[str, str] = field(default_factory=dict)  # page -> its Markdown at the last build, in this process
    _pending: tuple[dict[str, tuple[str, str]], str, dict[str, str]] | None = None  # built, frame, texts: once written
    _pending_outputs: dict[str, str] = field(default_factory=dict)

    def add_files(self, files: Files, config: MkDocsConfig, pages: dict[str, str], data: dict[str, str | bytes], nav: object) -> None:
        """Add the generated pages and data to MkDocs' ``files``, marking what this build may skip."""
        frame = frame_digest(Path(config.config_file_path), Path(config.theme.custom_dir or config.docs_dir), Path(config.docs_dir), nav)
        in_nav = _nav_pages(nav)
        self.rebuild_nav_pages(files, in_nav)
        for file in self.files(config, pages, data, frame, in_nav):
            files.append(file)
        # Every file this build writes, generated or from docs/ and the theme: one no longer built is removed.
        self._pending_outputs = {file.src_uri: file.dest_path for file in files}

    def files(self, config: MkDocsConfig, pages: dict[str, str], data: dict[str, str | bytes], frame: str, in_nav: set[str]) -> list[File]:
        """MkDocs files for the generated pages and data; pages unchanged since the last build are marked so.

        A page the renderer kept (scripts/page_memo.py) is the very same string as at the last build, so it
        is known unchanged without reading it; another is compared by the digest of its Markdown (after
        a restart, every page is). Data files are always written."""
        self.site = Path(config.site_dir)
        same_frame = frame == self.frame
        result: list[File] = []
        now: dict[str, tuple[str, str]] = {}
        for path, text in sorted(pages.items()):
            before = self.built.get(path)
            same_text = self._texts.get(path) is text
            digest = before[0] if same_text and before is not None else _digest(text)
            unchanged = (
                same_frame and path not in in_nav and before is not None and before[0] == digest and (self.site / before[1]).is_file()
            )
            file = (Unchanged if unchanged else File).generated(config, path, content=text)
            now[path] = (digest, file.dest_path)
            result.append(file)
        self.rebuilt, self.total = sum(1 for f in result if not isinstance(f, Unchanged)), len(pages)
        result += [File.generated(config, path, content=content) for path, content in sorted(data.items())]
        self._pending = (now, frame, pages)
        return result

    @staticmethod
    def rebuild_nav_pages(files: Files, in_nav: set[str]) -> None:
        """The pages of ``docs/`` in the navigation are rebuilt with every build (MkDocs would skip them
        when their file is older than their output, and their titles would then be missing from every menu)."""
        for page in [f for f in files.documentation_pages() if f.src_uri in in_nav and f.abs_src_path]:
            files.remove(page)
            files.append(Rebuilt(page.src_uri, page.src_dir, page.dest_dir, page.use_directory_urls))

    def succeeded(self) -> None:
        """The build is written: remove what is no longer generated, and remember what was built."""
        if self._pending is None or self.site is None:
            return
        self.built, self.frame, self._texts = self._pending
        outputs = self._pending_outputs
        _remove(self.site, (output for path, output in self.outputs.items() if path not in outputs))
        self.outputs, self._pending, self._pending_outputs = outputs, None, {}
        self.builds += 1

    def summary(self) -> str:
        return f"Preview: build {self.builds}: {self.rebuilt} of {self.total} generated pages rebuilt"

    def failed(self) -> None:
        # Every page is made again next time; the outputs, also those this build may have written, are kept
        # in mind, so a page deleted meanwhile is still removed.
        self.outputs |= self._pending_outputs
        self.built, self.frame, self._pending, self._texts, self._pending_outputs = {}, "", None, {}, {}

    def state(self) -> dict[str, object]:
        """What a restarted preview needs to know of the pages in its folder (scripts/preview_store.py)."""
        return {"built": self.built, "frame": self.frame, "outputs": self.outputs}

    def restore(self, state: dict) -> None:
        self.built, self.frame, self.outputs = state["built"], state["frame"], state["outputs"]


def _remove(site: Path, outputs: Iterable[str]) -> None:
    for output in (site / o for o in outputs):
        output.unlink(missing_ok=True)
        for folder in output.parents:  # an article's folder goes with its last page
            if folder == site:
                break
            try:
                folder.rmdir()
            except OSError:
                break


class DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


REFRESH = Refresh()
