"""``python -m scripts generate|site``: the generator and the safe site build, from the command line.

``generate [--seeds DIR] [--out DIR]`` writes the pages the MkDocs hook produces in memory, for
inspection, for other static-site builders, and for tests. ``site [--site-dir DIR]`` is ``make site``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BriefingError
from .generate import generate, write_pages
from .publish import build_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="parse seeds, verify curation, write Markdown pages")
    gen.add_argument("--seeds", type=Path, default=Path("seeds"))
    gen.add_argument("--out", type=Path, default=Path("build/pages"))
    gen.add_argument("--site-url", help="address the site is published at (default: site_url from mkdocs.yml)")
    site = sub.add_parser("site", help="strict build into a fresh directory, swapped in only on success")
    site.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    if args.command == "site":
        return build_site(Path.cwd(), args.site_dir)
    try:
        site = generate(args.seeds, site_url=args.site_url if args.site_url is not None else _configured_site_url())
    except BriefingError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    written = write_pages(site, args.out)
    print(f"generated {len(site.pages)} pages in {args.out} ({len(written)} changed)")
    return 0


def _configured_site_url() -> str:
    from mkdocs.config import load_config

    return load_config("mkdocs.yml").site_url or ""


if __name__ == "__main__":
    sys.exit(main())
