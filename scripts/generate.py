"""Seeds directory → rendered site: discover the seeds, parse, verify the curation, render."""

from __future__ import annotations

import json
from pathlib import Path

from . import curation
from .briefing import Briefing
from .errors import BriefingError
from .parse import parse_file
from .render import Nav, Site, render_site

SEED_SUFFIX = ".txt"


def seed_files(seeds_dir: Path) -> list[Path]:
    return sorted(p for p in seeds_dir.iterdir() if p.suffix == SEED_SUFFIX and p.is_file())


def load_briefings(seeds_dir: Path) -> list[Briefing]:
    seeds = seed_files(seeds_dir)
    if not seeds:
        raise BriefingError(seeds_dir, f"holds no seed articles; add a UTF-8 text file ending in {SEED_SUFFIX}")
    briefings = [curation.load(curation.curation_path(seed), parse_file(seed)) for seed in seeds]
    _check_ids_across(briefings)
    return briefings


def generate(seeds_dir: Path, static_nav: Nav = ()) -> Site:
    return render_site(load_briefings(seeds_dir), static_nav)


def write_pages(site: Site, out_dir: Path) -> list[Path]:
    """Write pages that changed (unchanged files keep their mtime, so a watching server stays calm)."""
    written = []
    for rel, text in sorted(site.pages.items()):
        target = out_dir / rel
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    nav = out_dir / "nav.json"
    nav_text = json.dumps(site.nav, indent=2, ensure_ascii=False) + "\n"
    if not nav.is_file() or nav.read_text(encoding="utf-8") != nav_text:
        nav.write_text(nav_text, encoding="utf-8")
    return written


def _check_ids_across(briefings: list[Briefing]) -> None:
    # Actor and pillar pages are site-wide; two articles defining the same id would overwrite each other.
    owner: dict[str, Briefing] = {}
    for b in briefings:
        for item in (*b.curation.actors, *b.curation.pillars):
            key = f"{type(item).__name__.lower()} '{item.id}'"
            if key in owner and owner[key] is not b:
                raise BriefingError(
                    Path(b.article.path).with_suffix(".yml"),
                    f"{key} is already defined in {owner[key].curation_path}; use another id",
                    item.line,
                )
            owner[key] = b
