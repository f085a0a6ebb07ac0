"""One article as the build reads it: the seed, parsed under its curation's ``intake`` marks, and the
curation with its shared entities filled in (:mod:`scripts.entities`), verified against the article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import curation, entities
from .article import Article, LineMarks
from .briefing import Briefing, Pending
from .seeds import read_file


def load_entry(seed: Path, shared: entities.Entities | None = None, parse: Callable[[Path, LineMarks | None], Article] = read_file) -> Briefing | Pending:
    article, written = curation.read_with_seed(seed, parse)
    path = curation.curation_path(seed)
    shared = entities.load() if shared is None else shared
    return curation.load(path, article, entities.resolve(written, shared, path) if written else None)
