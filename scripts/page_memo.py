"""The preview's pages kept between builds: a page whose inputs are unchanged is not rendered again.

A page of one article (its briefing, its source notes) or of one actor, pillar or threat move (each page
of its list) is made from a few articles: its *own* articles, compared by their keys in the preview's
cache of checked articles (a hash of everything an article is read from, see :mod:`scripts.entry_cache`),
so the memo holds across a restart too (:mod:`scripts.preview_store`), and from what the corpus says
about all of them: their titles, dates and outlets, which actors, pillars and moves each names, how
copies group into stories, each item's name and kind, and so which page of a list holds which article
(the *structure*, one digest per build). Templates, the glossary and the site's address are in the
digest too. A page is rendered again when its own articles or the structure change. The lists of
articles (the article index, the timeline) show only what the structure holds, so they have no own
articles; the other overview pages, which gather everything, are always rendered. The open-data files
are joined from each article's kept share. Publishing never uses this.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .briefing import Briefing
from .corpus import Corpus, Entry
from .opendata import PartsCache


def structure_digest(corpus: Corpus, site_url: str, glossary: dict[str, str], templates: Path) -> str:
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        digest.update(repr(parts).encode())
        digest.update(b"\0")

    add(site_url, sorted(glossary.items()), corpus.spellings)
    for template in sorted(templates.iterdir()):
        add(template.name, template.read_bytes())
    for entry in corpus.entries:
        article = entry.article
        add(type(entry).__name__, article.seed_id, article.title, article.outlet, article.wire_service, article.dateline)
        add(article.byline, article.published, article.credits, entry.date)
        if isinstance(entry, Briefing):
            curation = entry.curation
            add([a.id for a in curation.actors], [p.id for p in curation.pillars], [m.id for m in curation.threat.moves], [p.id for p in curation.places])
    add(sorted(corpus.story_of.items()))
    for kind, merged in corpus.kinds():
        for item in merged.values():
            add(kind, item.id, item.name, item.other_names, [a.briefing.article.seed_id for a in item.appearances])
    add([actor.latest.kind for actor in corpus.actors.values()])  # the actors index groups them by kind
    add([place.latest.location for place in corpus.places.values()])  # every place page's map draws them all
    return digest.hexdigest()


Kept = tuple[str, str, tuple[str, ...], str]  # (structure, template, own articles' keys, Markdown)


@dataclass
class PageMemo:
    made: dict[str, Kept] = field(default_factory=dict)  # path -> how and what was made
    _next: dict[str, Kept] = field(default_factory=dict)
    rendered: int = 0  # pages rendered by the last build, the others were kept
    open_data: PartsCache = field(default_factory=PartsCache)  # each article's share of the open-data files
    # An article's key in the cache of checked articles; None for one the cache does not hold (never kept).
    key_of: Callable[[Entry], str | None] = lambda entry: None

    def _keys(self, own: Iterable[Entry]) -> tuple[str, ...] | None:
        keys = tuple(self.key_of(entry) for entry in own)
        return None if None in keys else keys  # type: ignore[return-value]

    def take(self, path: str, structure: str, template: str, own: Sequence[Entry]) -> str | None:
        kept = self.made.get(path)
        if kept is None or kept[0] != structure or kept[1] != template or kept[2] != self._keys(own):
            return None
        self._next[path] = kept
        return kept[3]

    def keep(self, path: str, structure: str, template: str, own: Iterable[Entry], text: str) -> None:
        self.rendered += 1
        if (keys := self._keys(own)) is not None:
            self._next[path] = (structure, template, keys, text)

    def start(self) -> None:
        self._next, self.rendered = {}, 0

    def finish(self) -> None:
        """Pages not made by this build (a deleted article's) are forgotten."""
        self.made, self._next = self._next, {}
