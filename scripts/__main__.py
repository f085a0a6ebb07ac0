"""``python -m scripts generate [--seeds DIR] [--out DIR]``: write the generated pages to disk.

The MkDocs hook produces the same pages in memory; this entry point exists for inspection,
for other static-site builders, and for tests.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BriefingError
from .generate import generate, write_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="parse seeds, verify curation, write Markdown pages")
    gen.add_argument("--seeds", type=Path, default=Path("seeds"))
    gen.add_argument("--out", type=Path, default=Path("build/pages"))
    args = parser.parse_args(argv)
    try:
        site = generate(args.seeds)
    except BriefingError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    written = write_pages(site, args.out)
    print(f"generated {len(site.pages)} pages in {args.out} ({len(written)} changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
