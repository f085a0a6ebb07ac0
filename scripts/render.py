"""Briefings → Markdown pages (path → text) and the navigation, as data.

Rendering knows the briefing models and page layout only; it never looks at seed files. Templates are
Jinja2 files in ``templates/``; every value they print passes through :func:`scripts.escape.escape`
(Jinja's ``finalize``), so untrusted text is escaped exactly once, where it enters Markdown.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import diagrams, jsonld, map_svg, opendata
from .article import PRECISION_MEANING
from .attribution import Voices, shares
from .briefing import STATEMENT_TYPES, STATUS_MEANING, Actor, Briefing, Evidence, Mention, Pending, Pillar, Place, Statement, ThreatMove
from .corpus import Corpus, Entry, Merged, Story
from .coverage import SentenceUses, Use, sentence_map, uses
from .escape import attribute, escape, front_matter
from .fragments import directive
from .glossary import abbreviations
from .page_memo import PageMemo, structure_digest
from .seeds import page_name

TEMPLATES = Path(__file__).parent / "templates"

Nav = list[Any]  # MkDocs' nav structure: [{"Title": "page.md" | Nav}, ...]


EXCERPT_WORDS = 6  # words either side of a mention in an actor's excerpts
PER_PAGE = {"review": 20, "articles": 50, "timeline": 100, "actors": 100, "pillars": 100, "places": 100, "appearances": 20}


@dataclass(frozen=True)
class Site:
    pages: dict[str, str]  # path under docs/ → Markdown
    nav: Nav
    files: dict[str, str | bytes]  # other generated files (open data, search data) → text, or UTF-8 bytes


class Pages:
    """Where each thing lives. One place, so links and navigation always agree.

    Lists that grow with the corpus are split into pages (``page-2.md`` …) so no page grows without
    bound; those pages, like every article, actor and pillar page, are reached from index pages and
    are not in the navigation, which stays the same size however many articles there are.
    """

    home = "index.md"
    articles = "articles/index.md"
    timeline = "timeline/index.md"
    actors = "actors/index.md"
    pillars = "pillars/index.md"
    threat = "threat/index.md"
    places = "places/index.md"
    types = "types.md"
    data = "data.md"
    glossary = "glossary.md"
    review = "review/index.md"
    search = "search/index.md"
    search_terms = "search/terms.json"  # names and spellings the Search page also looks for
    search_articles = "search/articles.json"  # the article filter's choices: id and title

    @staticmethod
    def numbered(first: str, number: int) -> str:
        return first if number == 1 else posixpath.join(posixpath.dirname(first), f"{page_name(number)}.md")

    @staticmethod
    def article(entry: Entry) -> str:
        return f"articles/{entry.article.seed_id}/index.md"

    @staticmethod
    def source_notes(entry: Entry) -> str:
        return f"articles/{entry.article.seed_id}/source-notes.md"

    @staticmethod
    def actor(actor_id: str) -> str:
        return f"actors/{actor_id}/index.md"

    @staticmethod
    def pillar(pillar_id: str) -> str:
        return f"pillars/{pillar_id}/index.md"

    @staticmethod
    def move(move_id: str) -> str:
        return f"threat/{move_id}/index.md"

    @staticmethod
    def place(place_id: str) -> str:
        return f"places/{place_id}/index.md"

    @staticmethod
    def address(path: str) -> str:
        """The address MkDocs gives a page (directory URLs): ``actors/x/index.md`` → ``actors/x/``."""
        if path == "index.md" or path.endswith("/index.md"):
            return path[: -len("index.md")]
        return path[: -len(".md")] + "/"


class Anchors:
    """Ids of the sections that links point at: the headings carry them and the links use them.

    Each is given to its heading explicitly (``{ #id }``), so rewording a heading cannot break the links
    to it; each is the id MkDocs would derive from its heading's words, so addresses readers kept stay valid."""

    key_points = "key-points"  # on an article's page
    threat = "the-threat-as-this-article-describes-it"  # on an article's page
    relations = "how-the-actors-relate"  # on an article's page
    sourcing = "sourcing-as-the-article-gives-it"  # in an article's source notes
    voices = "who-says-which-words"  # in an article's source notes
    copies = "other-copies-of-this-wire-story"  # in an article's source notes
    left_out = "left-out-of-the-original-page"  # in an article's source notes

    @staticmethod
    def kind(kind: str) -> str:
        """A kind of actor's section of the actors index."""
        return "kind-" + kind.replace(" ", "-")

    places = "places"  # on the open data page: how coordinates are given

    @staticmethod
    def move(move_id: str) -> str:
        """A threat move's section of the threat page."""
        return "move-" + move_id

    @staticmethod
    def statement_type(name: str) -> str:
        """A statement type's entry on the statement types page."""
        return name.replace(" ", "-")

    @staticmethod
    def appearance(entry: Entry) -> Markup:
        """An article's section on an actor, pillar or threat-move page."""
        return Markup("in-" + entry.article.seed_id)


@dataclass(frozen=True)
class Pager:
    """One page of a list split over several pages."""

    first: str  # path of page 1
    number: int
    count: int
    items: list[Any]
    total: int

    @property
    def path(self) -> str:
        return Pages.numbered(self.first, self.number)

    @property
    def neighbours(self) -> list[int]:
        """Page numbers to offer: the first, the last, and two either side of this one."""
        return sorted({1, self.count, *range(max(1, self.number - 2), min(self.count, self.number + 2) + 1)})


def paginate(first: str, items: list[Any], size: int) -> list[Pager]:
    count = max(1, -(-len(items) // size))
    return [Pager(first, n, count, items[(n - 1) * size : n * size], len(items)) for n in range(1, count + 1)]


def render_site(
    corpus: Corpus, static_nav: Sequence[Any] = (), site_url: str = "", glossary: dict[str, str] | None = None, memo: PageMemo | None = None
) -> Site:
    """Every page. With a ``memo`` (the preview), a page of one article or one item whose own articles and
    the corpus's structure are unchanged since the memo's last build is taken from it, not rendered."""
    env = _environment()
    pages: dict[str, str] = {}
    shared = _Shared(corpus)
    show = _Show(shared)
    linked_data = jsonld.JsonLd(lambda b: site_url + Pages.address(Pages.article(b)))
    definitions = abbreviations(glossary or {})
    structure = structure_digest(corpus, site_url, glossary or {}, TEMPLATES) if memo is not None else ""
    if memo is not None:
        memo.start()

    def page(path: str, template: str, own: Sequence[Entry] | None = None, **context: Any) -> None:
        if memo is not None and own is not None and (kept := memo.take(path, structure, template, own)) is not None:
            pages[path] = kept
            return
        pages[path] = (
            env.get_template(template).render(page=path, link=_Links(path, shared), show=show, jsonld=linked_data, corpus=corpus, **context)
            + definitions
        )
        if memo is not None and own is not None:
            memo.keep(path, structure, template, own, pages[path])

    def paged(first: str, template: str, items: list[Any], size: int, own: Callable[[Pager], Sequence[Entry]] | None = None, **context: Any) -> None:
        for pager in paginate(first, items, size):
            page(pager.path, template, own(pager) if own else None, pager=pager, **context)

    def story_pages(latest: Entry) -> Callable[[Pager], Sequence[Entry]]:
        """An item's page is made from the articles of its stories, and its newest article (its heading)."""
        return lambda pager: (latest, *(a.briefing for story in pager.items for a in story.appearances))

    def stories_only(pager: Pager) -> Sequence[Entry]:
        return tuple(a.briefing for story in pager.items for a in story.appearances)

    def structure_only(pager: Pager) -> Sequence[Entry]:
        return ()  # the lists of articles show what the structure digest holds: titles, dates, outlets, copies

    page(Pages.home, "home.md")
    paged(Pages.articles, "articles.md", list(corpus.entries), PER_PAGE["articles"], structure_only)
    paged(Pages.timeline, "timeline.md", list(corpus.chronological()), PER_PAGE["timeline"], structure_only, precisions=PRECISION_MEANING)
    paged(Pages.actors, "actors.md", shared.actors_by_kind, PER_PAGE["actors"])
    paged(Pages.pillars, "pillars.md", list(corpus.pillars.values()), PER_PAGE["pillars"], statuses=STATUS_MEANING)
    page(Pages.threat, "threat.md")
    paged(Pages.places, "places.md", list(corpus.places.values()), PER_PAGE["places"])
    page(Pages.types, "types.md", types=STATEMENT_TYPES)
    urls = (lambda b: Pages.address(Pages.article(b)), lambda a: Pages.address(Pages.actor(a)))
    files: dict[str, str | bytes] = {}
    if memo is None:
        files |= opendata.data_files(list(corpus.briefings), site_url, *urls)
    else:
        files |= opendata.joined_data_files(list(corpus.briefings), site_url, *urls, memo.open_data)
    page(Pages.data, "data.md")
    page(Pages.glossary, "glossary.md", glossary=glossary or {})
    page(Pages.search, "search.md")
    files[Pages.search_terms] = search_terms(corpus)
    titles = sorted(([b.article.seed_id, b.article.title] for b in corpus.briefings), key=lambda pair: (pair[1].casefold(), pair[0]))
    files[Pages.search_articles] = json.dumps(titles, ensure_ascii=False) + "\n"
    # Awaiting review, and statements the checks question: split like every list that grows with the corpus.
    paged(Pages.review, "review.md", list(corpus.reviewable), PER_PAGE["review"])
    for entry in corpus.entries:
        story = (entry, *corpus.also_published(entry))  # an article's pages name and compare its copies
        if isinstance(entry, Pending):
            page(Pages.article(entry), "pending.md", story, e=entry)
            continue
        page(Pages.article(entry), "article.md", story, b=entry)
        page(Pages.source_notes(entry), "source_notes.md", story, b=entry, precisions=PRECISION_MEANING)
    # One section per story: the copies of one wire story are shown once, in the newest copy's section.
    for actor in corpus.actors.values():
        stories = shared.stories["actor", actor.id]
        paged(Pages.actor(actor.id), "actor.md", stories, PER_PAGE["appearances"], story_pages(actor.appearances[0].briefing), actor=actor)
    for pillar in corpus.pillars.values():
        stories = shared.stories["pillar", pillar.id]
        own = story_pages(pillar.appearances[0].briefing)
        paged(Pages.pillar(pillar.id), "pillar.md", stories, PER_PAGE["appearances"], own, pillar=pillar, statuses=STATUS_MEANING)
    for move in corpus.moves.values():
        paged(Pages.move(move.id), "move.md", shared.stories["move", move.id], PER_PAGE["appearances"], story_pages(move.appearances[0].briefing), move=move)
    for place in corpus.places.values():
        # A place's name, kind and map come from the gazetteer (in the structure digest), not from its newest
        # article: each page is made from its own stories' articles only, so an edit redraws one page, not all.
        paged(Pages.place(place.id), "place.md", shared.stories["place", place.id], PER_PAGE["appearances"], stories_only, place=place)
    if memo is not None:
        memo.finish()
    return Site(pages=pages, nav=_nav(list(static_nav)), files=files)


def search_terms(corpus: Corpus) -> str:
    """Groups of words the Search page treats as one: each actor's and place's name with its declared other
    names (Islamic State group, IS, ISIS, ISIL, Daesh; Iraq–Syria border, Syrian border), and the spellings
    docs/entities.yml lists."""
    groups: list[list[str]] = []
    for actor in corpus.actors.values():
        if actor.other_names:
            short = re.sub(r"\s*\((.+)\)$", "", actor.name)  # "Islamic State group (IS)": the name, then "IS"
            inside = re.findall(r"\((.+)\)$", actor.name)
            groups.append(list(dict.fromkeys([short, *inside, *actor.other_names])))
    groups += [[place.name, *place.other_names] for place in corpus.places.values() if place.other_names]
    groups += [list(group) for group in corpus.spellings]
    return json.dumps(groups, ensure_ascii=False, sort_keys=False) + "\n"


def _nav(static_nav: Nav) -> Nav:
    return [
        {"Home": Pages.home},
        {"Articles": [Pages.articles, {"Timeline": Pages.timeline}]},
        {"Actors": Pages.actors},
        {"Strategy pillars": Pages.pillars},
        {"The threat": Pages.threat},
        {"Places": Pages.places},
        {"Statement types": Pages.types},
        {"Open data": Pages.data},
        {"Glossary": Pages.glossary},
        {"Search": Pages.search},
        {"Review": Pages.review},
        *static_nav,
    ]


@functools.cache  # one per process: the preview's builds reuse the compiled templates (an edited one is reloaded: auto_reload)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # macros return Markup, so their output is not escaped a second time
        finalize=escape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["anchors"] = Anchors
    env.filters["attr"] = attribute  # a value inside a raw HTML attribute
    env.filters["truncate_words"] = lambda text, n: text if len(text.split()) <= n else " ".join(text.split()[:n]) + " …"
    env.filters["description"] = front_matter
    env.filters["page_title"] = lambda value: front_matter(value, attribute=False)
    return env


def _words_around(text: str, start: int, end: int, lo: int, hi: int, words: int) -> tuple[int, int]:
    """Offsets of ``words`` words before ``start`` and after ``end`` in ``text``, within ``lo``-``hi``."""
    before = text[lo:start].split(" ")
    left = max(lo, start - len(" ".join(before[-(words + 1) :]))) if len(before) > words + 1 else lo
    after = text[end:hi].split(" ")
    right = min(hi, end + len(" ".join(after[: words + 1]))) if len(after) > words + 1 else hi
    return left, right


@functools.cache
def _region() -> dict[str, Any]:
    return map_svg.load_region()


@functools.cache
def _projection() -> map_svg.Projection:
    return map_svg.Projection(_region()["bounds"], map_svg.WIDTH)


@functools.lru_cache(maxsize=256)
def _drawn(marks: tuple[map_svg.Place, ...], ident: str, title: str, desc: str) -> map_svg.Drawing:
    """A map, drawn once for all the pages that show the same one (a place's page 2, 3 … link alike)."""
    return map_svg.draw_map(_region(), marks, ident=ident, title=title, desc=desc)


def _names(mentions: Sequence[Mention], evidence: Sequence[Evidence]) -> bool:
    """Whether any quote contains one of the mentions."""
    return any(e.paragraph == m.paragraph and e.start <= m.start and m.end <= e.end for m in mentions for e in evidence)


@functools.lru_cache(maxsize=65536)
def _relative(target: str, base: str) -> str:
    """``posixpath.relpath`` for our page paths (relative, normalised), which are many: built once each."""
    return posixpath.relpath(target, base or ".")


class _Shared:
    """What every page's helpers look up, computed once per build rather than once per page."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._sentences: dict[str, tuple[list[SentenceUses], dict[int, list[SentenceUses]]]] = {}
        self._uses: dict[str, list[Use]] = {}
        self.entries = {e.article.seed_id: e for e in corpus.entries}
        # The actors index lists actors by kind, then name; each kind's section starts on one of its pages.
        self.actors_by_kind = sorted(corpus.actors.values(), key=lambda a: (a.latest.kind, a.name.casefold(), a.id))
        self.kind_page: dict[str | None, int] = {}
        for index, actor in enumerate(self.actors_by_kind):
            self.kind_page.setdefault(actor.latest.kind, index // PER_PAGE["actors"] + 1)
        # Each actor's (pillar's, move's) stories, and which page of its split list holds a given article's section.
        self.stories: dict[tuple[str, str], list[Story]] = {}
        self.page_of: dict[tuple[str, str, str], int] = {}
        for kind, merged in corpus.kinds():
            for item in merged.values():
                stories = self.stories[kind, item.id] = list(item.stories(corpus.story_of))
                for index, story in enumerate(stories):
                    for appearance in story.appearances:
                        self.page_of[kind, item.id, appearance.briefing.article.seed_id] = index // PER_PAGE["appearances"] + 1


    def uses(self, b: Briefing) -> list[Use]:
        """The briefing's statements, worked out once however many of its places' pages list them."""
        found = self._uses.get(b.article.seed_id)
        if found is None:
            found = self._uses[b.article.seed_id] = uses(b)
        return found

    def sentences(self, b: Briefing) -> tuple[list[SentenceUses], dict[int, list[SentenceUses]]]:
        """The article's sentences with the statements resting on each, in order and by paragraph; worked
        out when a page first asks (a preview build renders only the pages an edit changed)."""
        found = self._sentences.get(b.article.seed_id)
        if found is None:
            sentence_list = sentence_map(b)
            by_paragraph: dict[int, list[SentenceUses]] = {}
            for used in sentence_list:
                by_paragraph.setdefault(used.sentence.number, []).append(used)
            found = self._sentences[b.article.seed_id] = (sentence_list, by_paragraph)
        return found


class _Links:
    """The template's ``link``: relative links from the page being rendered to every page and section."""

    def __init__(self, page: str, shared: _Shared) -> None:
        self.page = page
        self._shared = shared

    def to(self, target: str, anchor: str = "") -> Markup:
        href = "" if target == self.page else _relative(target, posixpath.dirname(self.page))
        return Markup(href + (f"#{anchor}" if anchor else ""))

    def url(self, target: str, anchor: str = "") -> Markup:
        """A link for raw HTML, which MkDocs does not rewrite: the built page's address, relative to this one."""
        here, there = Pages.address(self.page), Pages.address(target)
        if here == there:
            href = ""
        else:
            relative = _relative(there.rstrip("/") or ".", here.rstrip("/"))
            href = "./" if relative == "." else relative + "/"
        return Markup(href + (f"#{anchor}" if anchor else ""))

    def actor_url(self, actor_id: str) -> Markup:
        return self.url(Pages.actor(actor_id))

    def places_url(self) -> Markup:
        return self.url(Pages.places)

    def data_url(self, anchor: str = "") -> Markup:
        return self.url(Pages.data, anchor)

    def source_notes_url(self, b: Briefing, anchor: str = "") -> Markup:
        return self.url(Pages.source_notes(b), anchor)

    def actor(self, actor: Actor | str) -> Markup:
        return self.to(Pages.actor(actor if isinstance(actor, str) else actor.id))

    def pillar(self, pillar: Pillar | str) -> Markup:
        return self.to(Pages.pillar(pillar if isinstance(pillar, str) else pillar.id))

    def move(self, move: ThreatMove | str) -> Markup:
        return self.to(Pages.move(move if isinstance(move, str) else move.id))

    def place(self, place: Place | str) -> Markup:
        return self.to(Pages.place(place if isinstance(place, str) else place.id))

    def places(self, anchor: str = "") -> Markup:
        return self.to(Pages.places, anchor)

    def article(self, entry: Entry) -> Markup:
        return self.to(Pages.article(entry))

    def entry(self, seed_id: str) -> Entry:
        return self._shared.entries[seed_id]

    def source_notes(self, b: Briefing) -> Markup:
        return self.to(Pages.source_notes(b))

    def paragraph(self, entry: Entry, number: int) -> Markup:
        return self.to(Pages.article(entry), f"p{number}")

    def articles(self) -> Markup:
        return self.to(Pages.articles)

    def timeline(self) -> Markup:
        return self.to(Pages.timeline)

    def actors(self) -> Markup:
        return self.to(Pages.actors)

    def pillars(self) -> Markup:
        return self.to(Pages.pillars)

    def threat(self, anchor: str = "") -> Markup:
        return self.to(Pages.threat, anchor)

    def kind(self, kind: str) -> Markup:
        """The actors index's section for a kind of actor, on whichever page of the index it starts."""
        number = self._shared.kind_page[kind]
        return self.to(Pages.numbered(Pages.actors, number), Anchors.kind(kind))

    def types(self, name: str = "") -> Markup:
        """The statement types page, or one type's entry on it."""
        return self.to(Pages.types, Anchors.statement_type(name) if name else "")

    def pager(self, pager: Pager, number: int) -> Markup:
        return self.to(Pages.numbered(pager.first, number))

    def appearance(self, kind: str, item_id: str, b: Briefing) -> Markup:
        """Link to what one article says about an actor, pillar or move, on whichever page holds it."""
        first = {"actor": Pages.actor, "pillar": Pages.pillar, "move": Pages.move, "place": Pages.place}[kind](item_id)
        number = self._shared.page_of[kind, item_id, b.article.seed_id]
        return self.to(Pages.numbered(first, number), Anchors.appearance(b))

    def use(self, b: Briefing, u: Use) -> Markup:
        if u.section in ("actor", "pillar", "place"):
            return self.appearance(u.section, u.owner, b)
        if u.section == "threat":
            return self.appearance("move", u.owner, b) if u.owner else self.to(Pages.article(b), Anchors.threat)
        if u.section == "relations":
            return self.to(Pages.article(b), Anchors.relations)
        if u.section == "source-notes":
            return self.to(Pages.source_notes(b), Anchors.sourcing)
        return self.article(b)


class _Show:
    """The template's ``show``: what a page shows of a briefing besides links, as markup or text: its
    sentences and excerpts, its diagrams and maps, and whose words each statement rests on. One per build."""

    def __init__(self, shared: _Shared) -> None:
        self._shared = shared

    def map(self, link: _Links, ident: str, title: str, places: Sequence[Merged[Place]] | None = None, highlighted: str = "") -> map_svg.Drawing:
        """The map of ``places`` (every place, by default), each mark a link to the place's page; its
        ``outside`` names the places beyond the region, which the caption lists."""
        chosen = list(self._shared.corpus.places.values()) if places is None else places
        marks = []
        for p in chosen:
            if (loc := p.latest.location) is not None:
                own = p.id == highlighted  # the page's own place: marked, not linked to itself
                href = None if own else link.url(Pages.place(p.id))
                marks.append(map_svg.Place(p.id, p.name, loc.longitude, loc.latitude, loc.kind, href, own, loc.between))
        named = ", ".join(m.name for m in marks if _projection().covers(m.lon, m.lat))  # the caption names the others
        desc = f"Map of Iraq and its neighbours marking {named}." if named else "Map of Iraq and its neighbours."
        return _drawn(tuple(marks), ident, title, desc)

    def move_places(self) -> list[tuple[Merged[ThreatMove], list[Merged[Place]]]]:
        """Each threat move with the places the quotes of its expected move name, in any article."""
        found = []
        for move in self._shared.corpus.moves.values():
            ids: dict[str, None] = {}
            for ap in move.appearances:
                b = ap.briefing
                ids.update(dict.fromkeys(place_id for place_id, spans in b.place_mentions.items() if _names(spans, ap.item.expected.evidence)))
            found.append((move, [self._shared.corpus.places[i] for i in ids]))
        return found

    def naming(self, b: Briefing, place_id: str) -> list[Use]:
        """The briefing's statements whose quotes name the place, other than what it says about the place itself."""
        spans = b.place_mentions.get(place_id, ())
        own = ("place", place_id)
        return [u for u in self._shared.uses(b) if isinstance(u.claim, Statement) and (u.section, u.owner) != own and _names(spans, u.evidence)]

    def threat_matrix(self) -> Markup:
        # Only pillars named as answers are columns: a condition for success answers no move.
        moves = list(self._shared.corpus.moves.values())
        pillars = [p for p in self._shared.corpus.pillars.values() if any(a.item.answers for a in p.appearances)]
        answered = {(m, p.id) for p in pillars for a in p.appearances for m in a.item.answers}
        answers = {(i, j) for i, m in enumerate(moves) for j, p in enumerate(pillars) if (m.id, p.id) in answered}
        return diagrams.threat_matrix("threat-matrix", [m.name for m in moves], [p.name for p in pillars], answers)

    @staticmethod
    def relations_diagram(b: Briefing) -> Markup:
        rows = [(b.actor(r.source).name, r.kind, b.actor(r.target).name) for r in b.curation.relations]
        return diagrams.relation_rows(f"relations-{b.article.seed_id}", rows)

    @staticmethod
    def chain_sources(b: Briefing) -> list[str]:
        """The names of the sources the briefing's statements are credited to, in order of first use."""
        claims = [u.claim for u in uses(b) if isinstance(u.claim, Statement)]
        return [b.actor(i).name for i in dict.fromkeys(i for s in claims for i in s.according_to)]

    def chain_diagram(self, b: Briefing) -> Markup:
        sources = self.chain_sources(b)
        return diagrams.attribution_chain(
            f"chain-{b.article.seed_id}", b.article.outlet or "Outlet not identified", b.article.wire_service or "No wire service credited", sources
        )

    @staticmethod
    def reporter(b: Briefing) -> str:
        """Whose own reporting the article's unattributed words are."""
        reporter = b.curation.attribution.reporting
        return b.actor(reporter).name if reporter else b.article.wire_service or b.article.outlet or "the article"

    def credit(self, b: Briefing, s: Statement) -> str:
        """Whose words a statement rests on, in a few words."""
        names = [b.actor(i).name for i in s.according_to]
        return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names) if names else f"{self.reporter(b)}, its own reporting"

    def own_reporting(self, b: Briefing) -> str:
        return f"{self.reporter(b)}, its own reporting"

    def words_of(self, b: Briefing, e: Evidence) -> str:
        """Under a quote: whose words it is."""
        return f"words of {b.actor(e.source).name}" if e.source else f"own reporting of {self.reporter(b)}"

    def shares(self, b: Briefing) -> list[tuple[str, str, list[tuple[int, bool]]]]:
        """Who says which words: each source's name, its actor id ("" for the reporting) and its paragraphs."""
        voices = Voices(b.curation.attribution, {p.number: p.text for p in b.article.paragraphs})
        order = tuple(v.source for v in b.curation.attribution.voices)
        found = shares({p.number: p.text for p in b.article.paragraphs}, voices, order)
        return [(b.actor(s.source).name if s.source else self.own_reporting(b), s.source, list(s.paragraphs)) for s in found]

    def coverage(self, b: Briefing) -> list[SentenceUses]:
        return self._shared.sentences(b)[0]

    def sentence_spans(self, b: Briefing, number: int) -> Markup:
        """The paragraph's text with each sentence in a span saying which statements use it.

        The spans add no text, so exact-sentence links (text fragments) match the paragraph as written.
        """
        pieces = []
        text = b.article.paragraph(number).text
        cursor = 0
        for used in self._shared.sentences(b)[1].get(number, []):
            sentence = used.sentence
            pieces.append(escape(text[cursor : sentence.start]))
            if used.uses:
                title = attribute("Used by: " + "; ".join(u.label for u in used.uses))
                pieces.append(Markup(f'<span class="sentence sentence--used" title="{title}">') + escape(sentence.text) + Markup("</span>"))
            else:
                pieces.append(Markup('<span class="sentence">') + escape(sentence.text) + Markup("</span>"))
            cursor = sentence.end
        pieces.append(escape(text[cursor:]))
        return Markup("").join(pieces)

    @staticmethod
    def fragment(b: Briefing, e: Evidence) -> Markup:
        return Markup(directive(b.article.paragraph(e.paragraph).text, e.paragraph, e.start, e.end))

    @staticmethod
    def passage(b: Briefing, e: Evidence) -> str:
        return b.article.paragraph(e.paragraph).text[e.start : e.end]

    def mention_excerpts(self, b: Briefing, mentions: Sequence[Mention]) -> list[tuple[int, Markup]]:
        """For each paragraph with a mention (of an actor, a place), a few words either side of each mention,
        the mention marked: enough to see how the article names them; the ¶ link leads to the whole text."""
        by_paragraph: dict[int, list[tuple[int, int]]] = {}
        for m in mentions:
            by_paragraph.setdefault(m.paragraph, []).append((m.start, m.end))
        rows = []
        for number, spans in by_paragraph.items():
            text = b.article.paragraph(number).text
            sentences = [used.sentence for used in self._shared.sentences(b)[1].get(number, [])]
            windows: list[list[int]] = []  # [start, end, clipped at start, clipped at end, mention start, end, ...]
            for s, e in sorted(spans):
                sentence = next((x for x in sentences if x.start <= s < x.end), None)
                lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
                start, end = _words_around(text, s, e, lo, hi, EXCERPT_WORDS)
                if windows and start <= windows[-1][1]:
                    windows[-1][1], windows[-1][3] = max(windows[-1][1], end), end < hi
                    windows[-1] += [s, e]
                else:
                    windows.append([start, end, start > lo, end < hi, s, e])
            pieces: list[Markup] = []
            for start, end, cut_start, cut_end, *marks in windows:
                cursor, marked = start, Markup("…" if cut_start else "")
                for s, e in zip(marks[::2], marks[1::2], strict=True):
                    if s < cursor:
                        continue  # overlapping aliases: the first one already marks this text
                    marked += escape(text[cursor:s]) + Markup("<mark>") + escape(text[s:e]) + Markup("</mark>")
                    cursor = e
                pieces.append(marked + escape(text[cursor:end]) + Markup("…" if cut_end else ""))
            rows.append((number, Markup(" ").join(pieces).replace("… …", " … ")))
        return rows

