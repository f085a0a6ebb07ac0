"""Letting go of what a build no longer needs, so memory stays under a gigabyte at 1,000 articles.

MkDocs converts every page to HTML before it writes any, and keeps each page's source (twice: the
generated file's content and the page's copy without front matter) and its HTML to the end of the
build. Nothing reads a page's source after conversion, nor its HTML after the page is written (search
has indexed it by then). Empty strings, not None, keep MkDocs treating the page as read and the file as
generated.

Only documented attributes are written: ``Page.markdown`` and ``Page.content`` (which the page events
exist to read and replace) and the setter of ``File.content_string`` (how a plugin gives a generated
file its content). No MkDocs event hands the source back to be dropped, and without this the build
holds every page's source and HTML at once (measured on the bench's 100-article corpus: a peak of
213 MiB without, 153 MiB with).
``tests/test_memory.py`` fails if an MkDocs release drops one of them.
"""

from __future__ import annotations

import gc

from mkdocs.structure.pages import Page

from . import evidence, wire


def release_source(page: Page) -> None:
    page.markdown = ""
    if page.file.generated_by:
        page.file.content_string = ""


def release_content(page: Page) -> None:
    page.content = ""


def release_corpus_caches() -> None:
    """The article text kept to locate quotes and compare wire copies: only needed while pages are generated."""
    evidence.normalise.cache_clear()
    wire.forget_articles()
    wire.compare.cache_clear()


def freeze_long_lived() -> None:
    """Hide what the preview keeps for as long as it runs (the articles, the caches, the kept pages) from
    Python's cyclic garbage collector, once, after the first build.

    Each preview build leaves enough new objects to set off a full collection, which at 1,000 articles
    walks several million objects that never die: 0.6 to 1.7 s of a build measured at about 3 s. Frozen
    objects are still freed when nothing refers to them (an edited article's old version is); only one
    in a reference cycle would stay, and the collection first clears what the first build left.
    """
    gc.collect()
    gc.freeze()
