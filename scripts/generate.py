"""Loaded corpus → rendered site, and the generated pages written to disk (``make generate``) only when they changed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import glossary
from .loading import load_corpus
from .render import Site, render_site


def generate(seeds_dir: Path, static_nav: Sequence[Any] = (), site_url: str = "", glossary_path: Path = glossary.GLOSSARY) -> Site:
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
