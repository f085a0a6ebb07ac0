"""``python -m scripts generate|site|new|parse``: the generator, the safe site build, adding and reading an article, from the command line.

``generate [--seeds DIR] [--out DIR] [--publish]`` writes the pages the MkDocs hook produces in memory, for
inspection, for other static-site builders, and for tests; ``--publish`` refuses articles awaiting review, as
``make site`` does. ``site [--site-dir DIR] [--engine mkdocs|zensical]`` is ``make site``.
``new PATH [--seeds DIR]`` is ``make new``: the article into the seeds, with a draft curation beside it.
``parse PATH`` is ``make parse``: the article as the parser reads it, as JSON, to check a seed before curating it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .article import Article
from .draft import add_seed
from .errors import BriefingError, display_path
from .generate import generate, write_pages
from .loading import load_corpus
from .publish import ENGINES, build_site, refuse_pending
from .seeds import read_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="parse seeds, verify curation, write Markdown pages")
    gen.add_argument("--seeds", type=Path, default=Path("seeds"))
    gen.add_argument("--out", type=Path, default=Path("build/pages"))
    gen.add_argument("--site-url", help="address the site is published at (default: site_url from mkdocs.yml)")
    gen.add_argument("--publish", action="store_true", help="refuse articles awaiting review, as make site does")
    site_cmd = sub.add_parser("site", help="strict build into a fresh directory, swapped in only on success")
    site_cmd.add_argument("--site-dir", type=Path, default=Path("site"))
    site_cmd.add_argument("--engine", choices=ENGINES, default=ENGINES[0], help="the site builder (default: %(default)s)")
    new = sub.add_parser("new", help="copy an article into the seeds under its content-hash name and write its draft curation")
    new.add_argument("path", type=Path, help="the article, saved as text")
    new.add_argument("--seeds", type=Path, default=Path("seeds"))
    parse = sub.add_parser("parse", help="print an article (.txt or .html) as the parser reads it, as JSON")
    parse.add_argument("path", type=Path, help="the article, saved as text or as a web page")
    args = parser.parse_args(argv)
    if args.command == "parse":
        return _parse(args.path)
    if args.command == "site":
        return build_site(Path.cwd(), args.site_dir, args.engine)
    if args.command == "new":
        return _new(args.path, args.seeds)
    try:
        if args.publish:
            refuse_pending(load_corpus(args.seeds))
        site = generate(args.seeds, site_url=args.site_url if args.site_url is not None else _configured_site_url())
    except BriefingError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    written = write_pages(site, args.out)
    print(f"generated {len(site.pages)} pages in {args.out} ({len(written)} changed)")
    return 0


def _new(source: Path, seeds_dir: Path) -> int:
    try:
        seed, draft = add_seed(source, seeds_dir)
    except BriefingError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"added {display_path(seed)} (the article, byte for byte)")
    print(f"wrote {display_path(draft)} (its draft curation, with candidates to review)")
    print("next: run `make serve` to preview it (shown as awaiting review) and finish the draft as its top comment says")
    return 0


def _parse(path: Path) -> int:
    try:
        if not path.is_file():
            raise BriefingError(path, "is not a file; give the path of one article saved as text or as a web page")
        article = read_file(path)
    except BriefingError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(json.dumps(article_json(article), indent=2, ensure_ascii=False))
    return 0


def article_json(article: Article) -> dict:
    """The parsed article, as ``make parse`` prints it."""
    published = article.published
    return {
        "title": article.title,
        "outlet": article.outlet,
        "wire_service": article.wire_service,
        "dateline": article.dateline,
        "byline": article.byline,
        "published": None if published is None else {"iso": published.iso, "precision": published.precision, "as_written": published.as_written},
        "paragraphs": [p.text for p in article.paragraphs],
        "removed": [{"kind": r.kind, "lines": list(r.line_numbers), "characters": r.characters} for r in article.removed],
    }



def _configured_site_url() -> str:
    from mkdocs.config import load_config

    return load_config("mkdocs.yml").site_url or ""


if __name__ == "__main__":
    sys.exit(main())
