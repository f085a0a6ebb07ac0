"""Seeds directory → rendered site: discover the seeds, parse, verify the curation, render."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from . import corpus, entities, glossary, wire
from .article import Article, LineMarks
from .corpus import Corpus, Entry
from .curation import curation_path
from .entry_cache import EntryCache
from .errors import BriefingError, display_path
from .loading import load_entry
from .render import Nav, Site, render_site
from .seeds import CURATION_SUFFIX, HTML_SUFFIX, SEED_KINDS, TEXT_SUFFIX, is_seed_name, read_file

RESERVED = re.compile(r"^page-\d+$")  # addresses of the article index's later pages



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
        raise BriefingError(orphan, f"is a curation file without its seed {orphan.stem}{TEXT_SUFFIX} or {orphan.stem}{HTML_SUFFIX}; add the seed or remove this file")
    by_stem: dict[str, Path] = {}
    for seed in seeds:
        if (same := by_stem.setdefault(seed.stem, seed)) is not seed:
            raise BriefingError(seed, f"has the same name as {same.name}, so both would share {seed.stem}{CURATION_SUFFIX}; rename one of the two")
    return seeds


def load_corpus(seeds_dir: Path, entities_path: Path = entities.ENTITIES, cache: EntryCache | None = None) -> Corpus:
    """Every article, parsed and checked; with a ``cache``, articles unchanged since it last saw them are taken from it."""
    seeds = seed_files(seeds_dir)
    if not seeds:
        raise BriefingError(seeds_dir, "holds no seed articles; add a UTF-8 text file ending in .txt or a saved web page ending in .html")
    entities_digest = cache.file_digest(entities_path) if cache is not None else ""  # before it is read
    shared = entities.load(entities_path)
    if cache is None:
        entries = [load_entry(seed, shared) for seed in seeds]
    else:
        entries = _load_cached(seeds, shared, entities_digest, cache)
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


def refuse_pending(built: Corpus) -> None:
    """Publishing shows reviewed articles only: list every article still awaiting review, and what is left."""
    if built.pending:
        lines = [f"{display_path(p.article.path.with_suffix('.yml'))}: awaiting review; still to do: {'; '.join(p.still_to_do())}" for p in built.pending]
        raise BriefingError(Path(built.pending[0].article.path.parent), "holds articles awaiting review, so nothing is published:\n" + "\n".join(lines))


GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.yml"


def generate(seeds_dir: Path, static_nav: Nav = (), site_url: str = "", glossary_path: Path = GLOSSARY) -> Site:
    return render_site(load_corpus(seeds_dir), static_nav, site_url, glossary.load(glossary_path))


def write_pages(site: Site, out_dir: Path) -> list[Path]:
    """Write pages that changed (unchanged files keep their mtime, so a watching server stays calm)."""
    written = []
    for rel, text in sorted({**site.pages, **site.files}.items()):
        target = out_dir / rel
        content = text.encode() if isinstance(text, str) else text
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    nav = out_dir / "nav.json"
    nav_text = json.dumps(site.nav, indent=2, ensure_ascii=False) + "\n"
    if not nav.is_file() or nav.read_text(encoding="utf-8") != nav_text:
        nav.write_text(nav_text, encoding="utf-8")
    return written


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
        if RESERVED.match(article.seed_id):
            raise BriefingError(article.path, f"would be published at articles/{article.seed_id}/, an address the article index uses; rename the file")
        by_text[article.sha256] = by_id[article.seed_id] = article
