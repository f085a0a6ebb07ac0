"""The preview rebuilds only the pages an edit changed (``mkdocs serve --dirty``).

MkDocs' dirty build skips a page whose file says it is not modified. A generated page is marked so
(:class:`Unchanged`) when its Markdown is the same as at the last successful build, its output is still
there, and nothing every page shows has changed since: the navigation, ``mkdocs.yml``, the theme
overrides. (The preview's error notice is not in the pages: see scripts/preview.py.) Navigation pages are always rebuilt, since every page's menu
reads their titles from them. A page no longer generated has its output removed, so the preview never
serves a deleted article. What was built is recorded only once a build has succeeded: after a failed
one, the next build makes every page again.

Publishing never uses this: ``make site`` is a clean build.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

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
    """What every page shows besides its own Markdown: the menu's titles come from the pages of ``docs/`` too."""
    parts = [config_file.read_bytes(), json.dumps(nav, sort_keys=True).encode()]
    for folder, pattern in ((theme_dir, "*"), (docs_dir, "*.md")):
        parts += [p.relative_to(folder).as_posix().encode() + p.read_bytes() for p in sorted(folder.rglob(pattern)) if p.is_file()]
    return _digest(b"\0".join(parts))


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
    built: dict[str, tuple[str, str]] = field(default_factory=dict)  # page -> (Markdown, output file)
    frame: str = ""
    _pending: tuple[dict[str, tuple[str, str]], str] | None = None
    outputs: dict[str, str] = field(default_factory=dict)  # every generated file (pages and data) -> its output file
    _pending_outputs: dict[str, str] = field(default_factory=dict)
    rebuilt: int = 0  # generated pages the last build made, of ``total``
    total: int = 0
    builds: int = 0  # successful builds so far

    def add_files(self, files: Files, config: MkDocsConfig, pages: dict[str, str], data: dict[str, str | bytes], nav: object) -> None:
        """Add the generated pages and data to MkDocs' ``files``, marking what this build may skip."""
        frame = frame_digest(Path(config.config_file_path), Path(config.theme.custom_dir or config.docs_dir), Path(config.docs_dir), nav)
        in_nav = _nav_pages(nav)
        self.rebuild_nav_pages(files, in_nav)
        for file in self.files(config, pages, data, frame, in_nav):
            files.append(file)

    def files(self, config: MkDocsConfig, pages: dict[str, str], data: dict[str, str | bytes], frame: str, in_nav: set[str]) -> list[File]:
        """MkDocs files for the generated pages and data; pages unchanged since the last build are marked so.

        A page is compared by its text: a page the renderer kept (scripts/page_memo.py) is the very same
        string, which Python compares at no cost. Data files are always written."""
        same_frame = frame == self.frame
        result: list[File] = []
        now: dict[str, tuple[str, str]] = {}
        for path, text in sorted(pages.items()):
            before = self.built.get(path)
            unchanged = (
                same_frame and path not in in_nav and before is not None and before[0] == text and Path(before[1]).is_file()
            )
            file = (Unchanged if unchanged else File).generated(config, path, content=text)
            now[path] = (text, file.abs_dest_path)
            result.append(file)
        self.rebuilt, self.total = sum(1 for f in result if not isinstance(f, Unchanged)), len(pages)
        outputs = {path: output for path, (_, output) in now.items()}
        for path, content in sorted(data.items()):
            file = File.generated(config, path, content=content)
            outputs[path] = file.abs_dest_path
            result.append(file)
        self._pending = (now, frame)
        self._pending_outputs = outputs
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
        if self._pending is None:
            return
        _remove(output for path, output in self.outputs.items() if path not in self._pending_outputs)
        self.built, self.frame = self._pending
        self.outputs, self._pending, self._pending_outputs = self._pending_outputs, None, {}
        self.builds += 1

    def summary(self) -> str:
        return f"Preview: build {self.builds}: {self.rebuilt} of {self.total} generated pages rebuilt"

    def failed(self) -> None:
        # Every page is made again next time; the outputs, also those this build may have written, are kept
        # in mind, so a page deleted meanwhile is still removed.
        self.outputs |= self._pending_outputs
        self.built, self.frame, self._pending, self._pending_outputs = {}, "", None, {}


def _remove(outputs: Iterable[str]) -> None:
    for output in map(Path, outputs):
        output.unlink(missing_ok=True)
        for folder in output.parents:  # an article's folder goes with its last page
            try:
                folder.rmdir()
            except OSError:
                break


class DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


REFRESH = Refresh()
