"""What a seed is: the file names and suffixes seeds and curations use, and how a seed's bytes are read.

A seed is either an article saved as text (``.txt``, read by :mod:`scripts.parse`) or a saved web page
(``.html``, read by :mod:`scripts.webpage`). Its curation has the same name and ``.yml``. Every other
module asks this one, so a new kind of seed is added in one place.
"""

from __future__ import annotations

from pathlib import Path

from .article import Article, LineMarks, MarkError

TEXT_SUFFIX = ".txt"
HTML_SUFFIX = ".html"
SEED_SUFFIXES = (TEXT_SUFFIX, HTML_SUFFIX)
CURATION_SUFFIX = ".yml"
SEED_KINDS = " or ".join(SEED_SUFFIXES)  # for messages: ".txt or .html"


def is_seed_name(path: Path) -> bool:
    return path.suffix.lower() in SEED_SUFFIXES


def is_html(path: Path) -> bool:
    return path.suffix.lower() in (HTML_SUFFIX, ".htm")


def seed_suffix(source: Path) -> str:
    """The suffix a copy of ``source`` gets among the seeds: ``.html`` for a saved page, ``.txt`` otherwise."""
    return HTML_SUFFIX if is_html(source) else TEXT_SUFFIX


def read_bytes(data: bytes, path: Path, marks: LineMarks | None = None) -> Article:
    """A seed's bytes → :class:`Article`, by the kind its name says; a one-line error for what cannot be read.
    ``marks``: an editor's word on a text seed's lines (a saved page has no lines to mark)."""
    if is_html(path):
        if marks is not None:
            raise MarkError("a saved web page has no lines to mark; delete 'intake' (its article is read from the page's structure)")
        from .webpage import parse_html  # trafilatura is imported only when a page is read

        return parse_html(data, path)
    from .parse import parse_bytes

    return parse_bytes(data, path, marks)


def read_file(path: Path, marks: LineMarks | None = None) -> Article:
    return read_bytes(path.read_bytes(), path, marks)
