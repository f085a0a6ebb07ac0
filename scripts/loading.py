"""Loading the corpus as the build reads it: every seed in the seeds directory (:mod:`scripts.seeds`),
each parsed under its curation's ``intake`` marks and its curation, with its shared entities filled in
(:mod:`scripts.entities`), verified against the article; then the articles checked to be distinct."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from . import corpus, curation, entities, wire
from .article import Article, LineMarks
from .briefing import Briefing, Pending
from .corpus import Corpus, Entry
from .entry_cache import EntryCache
from .errors import BriefingError
from .seeds import curation_path, is_reserved, read_file, seed_files


def load_entry(seed: Path, shared: entities.Entities | None = None, parse: Callable[[Path, LineMarks | None], Article] = read_file) -> Briefing | Pending:
    article, written = curation.read_with_seed(seed, parse)
    path = curation_path(seed)
    shared = entities.load() if shared is None else shared
    return curation.load(path, article, entities.resolve(written, shared, path) if written else None)


def load_corpus(seeds_dir: Path, entities_path: Path = entities.ENTITIES, cache: EntryCache | None = None) -> Corpus:
    """Every article, parsed and checked; with a ``cache``, articles unchanged since it last saw them are taken from it."""
    seeds = seed_files(seeds_dir)
    if not seeds:
        raise BriefingError(seeds_dir, "holds no seed articles; add a UTF-8 text file ending in .txt or a saved web page ending in .html")
    entities_digest = cache.file_digest(entities_path) if cache is not None else ""  # before it is read
    shared = entities.load(entities_path)
    while cache is not None and (now := cache.file_digest(entities_path)) != entities_digest:
        entities_digest, shared = now, entities.load(entities_path)  # saved while it was read: the entries' key names what was read
    entries = [load_entry(seed, shared) for seed in seeds] if cache is None else _load_cached(seeds, shared, entities_digest, cache)
    _check_distinct([entry.article for entry in entries])
    built = corpus.build(entries)
    if cache is None:  # the articles' shingles are kept for the next preview build; a published build is done with them
        wire.forget_articles()
    return dataclasses.replace(built, spellings=shared.spellings)


def _load_cached(seeds: list[Path], shared: entities.Entities, entities_digest: str, cache: EntryCache) -> list[Entry]:
    entries, keys = [], set()

    def parse(seed: Path, marks: LineMarks | None) -> Article:
        return cache.article(seed, marks, read_file)

    for seed in seeds:
        entry_key = cache.key(seed, curation_path(seed), entities_digest)
        entry = cache.get(entry_key)
        if entry is None:
            entry = load_entry(seed, shared, parse)
            # Kept only if nothing was saved while it was read: else it would be kept under the wrong content.
            if cache.key(seed, curation_path(seed), entities_digest) == entry_key:
                cache.put(entry_key, entry)
        entries.append(entry)
        keys.add(entry_key)
    cache.keep_only(keys)
    return entries


def _check_distinct(articles: list[Article]) -> None:
    by_text: dict[str, Article] = {}
    by_id: dict[str, Article] = {}
    for article in articles:
        if (same := by_text.get(article.sha256)) is not None:
            raise BriefingError(article.path, f"has exactly the same bytes as {same.path.name}; remove one of the two copies")
        if (same := by_id.get(article.seed_id)) is not None:
            raise BriefingError(
                article.path, f"would be published at the same address as {same.path.name} (articles/{article.seed_id}/); rename one of the two files"
            )
        if is_reserved(article.seed_id):
            raise BriefingError(article.path, f"would be published at articles/{article.seed_id}/, an address the article index uses; rename the file")
        by_text[article.sha256] = by_id[article.seed_id] = article
