"""What a seed is, and what a seeds directory may hold: the file names and suffixes seeds and curations
use, a seed's id in addresses, the names list pages reserve, which files of a directory are seeds, and
how a seed's bytes are read.

A seed is either an article saved as text (``.txt``, read by :mod:`scripts.parse`) or a saved web page
(``.html``, read by :mod:`scripts.webpage`). Its curation has the same name and ``.yml``. Every other
module asks this one, so a new kind of seed is added in one place. It sits at the bottom of the package:
it imports only the article record and the error type (the readers are imported when a seed is read).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .article import Article, LineMarks, MarkError
from .errors import BriefingError

TEXT_SUFFIX = ".txt"
HTML_SUFFIX = ".html"
SEED_SUFFIXES = (TEXT_SUFFIX, HTML_SUFFIX)
CURATION_SUFFIX = ".yml"
SEED_KINDS = " or ".join(SEED_SUFFIXES)  # for messages: ".txt or .html"

# Lists that grow with the corpus are split into pages at ``page-2/``, ``page-3/`` … beside their first
# page, so no article, actor, pillar or threat move may take one of these names as its id.
RESERVED = re.compile(r"^page-\d+$")


def page_name(number: int) -> str:
    """The name of a list's ``number``-th page (the first page is the list's own index)."""
    return f"page-{number}"


def is_reserved(name: str) -> bool:
    return RESERVED.match(name) is not None


def is_seed_name(path: Path) -> bool:
    return path.suffix.lower() in SEED_SUFFIXES


def is_html(path: Path) -> bool:
    return path.suffix.lower() in (HTML_SUFFIX, ".htm")


def seed_suffix(source: Path) -> str:
    """The suffix a copy of ``source`` gets among the seeds: ``.html`` for a saved page, ``.txt`` otherwise."""
    return HTML_SUFFIX if is_html(source) else TEXT_SUFFIX


def seed_id(path: Path) -> str:
    """The seed's id in URLs: its file name made ASCII, lowercase and hyphenated ("Mosul Report.v2" → "mosul-report-v2")."""
    ascii_name = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9_]+", "-", ascii_name.lower()).strip("-_")


def curation_path(seed: Path) -> Path:
    return seed.with_name(seed.stem + CURATION_SUFFIX)


def seed_files(seeds_dir: Path) -> list[Path]:
    """The seeds in a directory. Anything there that is neither a seed nor a seed's curation is an error,
    so a misnamed file is never silently left out of the site."""
    seeds, curations = [], []
    for entry in sorted(seeds_dir.iterdir()):
        if entry.name.startswith("."):
            continue  # editor and OS droppings (.DS_Store, .gitkeep)
        suffix = entry.suffix.lower()
        if is_seed_name(entry) and entry.is_file():
            seeds.append(entry)
        elif suffix == CURATION_SUFFIX and entry.is_file():
            curations.append(entry)
        else:
            raise BriefingError(entry, f"is not a seed ({SEED_KINDS}) or a curation file ({CURATION_SUFFIX}); move it out of {seeds_dir.name}/ or rename it")
    stems = {seed.stem for seed in seeds}
    for orphan in (c for c in curations if c.stem not in stems):
        raise BriefingError(
            orphan, f"is a curation file without its seed {orphan.stem}{TEXT_SUFFIX} or {orphan.stem}{HTML_SUFFIX}; add the seed or remove this file"
        )
    by_stem: dict[str, Path] = {}
    for seed in seeds:
        if (same := by_stem.setdefault(seed.stem, seed)) is not seed:
            raise BriefingError(seed, f"has the same name as {same.name}, so both would share {seed.stem}{CURATION_SUFFIX}; rename one of the two")
    return seeds


def files_ending(seeds_dir: Path, *suffixes: str) -> list[Path]:
    """The files in ``seeds_dir`` ending in one of ``suffixes``, without judging the rest: ``make new``
    looks for earlier seeds and curations, and leaves a stray file for the build to name."""
    if not seeds_dir.is_dir():
        return []  # not created yet: make new creates it with the first seed
    return sorted(p for p in seeds_dir.iterdir() if not p.name.startswith(".") and p.suffix.lower() in suffixes and p.is_file())


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
