"""Errors the pipeline reports to editors: one line, naming the file (and line) and the fix."""

from __future__ import annotations

from pathlib import Path


class BriefingError(Exception):
    """An input problem an editor can fix. ``str()`` is the one-line message shown by every entry point."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(self.location + ": " + message)

    @property
    def location(self) -> str:
        return f"{display_path(self.path)}:{self.line}" if self.line else display_path(self.path)


class ParseError(BriefingError):
    """A seed article that cannot be read as an article."""


class CurationError(BriefingError):
    """A curation file that is malformed or not backed by its article."""


class CurationWarning:
    """Something in a curation an editor should look at, which does not stop a build (a hedge the
    statement drops, a plan with no plan in its quote). Shown in the terminal and on the review page."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message

    @property
    def location(self) -> str:
        return f"{display_path(self.path)}:{self.line}" if self.line else display_path(self.path)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def __repr__(self) -> str:
        return f"CurationWarning({str(self)!r})"


def display_path(path: Path) -> str:
    """Paths relative to the working directory when possible, so messages read like ``seeds/x.yml:12``."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
