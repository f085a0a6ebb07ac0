"""Briefings → Markdown pages (path → text) and the navigation, as data.

Rendering knows the briefing models and page layout only; it never looks at seed files. Templates are
Jinja2 files in ``templates/``; every value they print passes through :func:`scripts.escape.escape`
(Jinja's ``finalize``), so untrusted text is escaped exactly once, where it enters Markdown.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import diagrams, opendata
from .briefing import STATEMENT_TYPES, STATUS_MEANING, Actor, Briefing, Evidence, Pillar, Statement, ThreatMove
from .coverage import Sentence, Use, sentence_map, uses
from .escape import attribute, escape, front_matter, front_matter_json
from .fragments import directive
from .glossary import abbreviations

TEMPLATES = Path(__file__).parent / "templates"

Nav = list[Any]  # MkDocs' nav structure: [{"Title": "page.md" | Nav}, ...]


@dataclass(frozen=True)
class Site:
    pages: dict[str, str]  # path under docs/ → Markdown
    nav: Nav
    files: dict[str, str]  # other generated files (open data) → text


class Pages:
    """Where each thing lives. One place, so links and navigation always agree."""

    home = "index.md"
    actors = "actors/index.md"
    pillars = "pillars/index.md"
    threat = "threat.md"
    types = "types.md"
    data = "data.md"
    glossary = "glossary.md"
    tags = "tags.md"

    @staticmethod
    def article(briefing: Briefing) -> str:
        return f"articles/{briefing.article.seed_id}/index.md"

    @staticmethod
    def source_notes(briefing: Briefing) -> str:
        return f"articles/{briefing.article.seed_id}/source-notes.md"

    @staticmethod
    def actor(actor: Actor) -> str:
        return f"actors/{actor.id}.md"

    @staticmethod
    def pillar(pillar: Pillar) -> str:
        return f"pillars/{pillar.id}.md"


def render_site(briefings: list[Briefing], static_nav: Nav = (), site_url: str = "", glossary: dict[str, str] | None = None) -> Site:
    env = _environment()
    pages: dict[str, str] = {}
    coverage = {b.article.seed_id: sentence_map(b) for b in briefings}  # computed once: it is used per paragraph

    def page(path: str, template: str, **context: Any) -> None:
        helpers = _Links(path, briefings, coverage, site_url)
        pages[path] = env.get_template(template).render(page=path, link=helpers, briefings=briefings, **context)

    page(Pages.home, "home.md")
    page(Pages.actors, "actors.md")
    used = {p.status.value for b in briefings for p in b.curation.pillars}
    page(Pages.pillars, "pillars.md", statuses={k: v for k, v in STATUS_MEANING.items() if k in used})
    page(Pages.threat, "threat.md")
    page(Pages.types, "types.md", types=STATEMENT_TYPES)
    files = opendata.data_files(briefings, site_url, lambda b: f"articles/{b.article.seed_id}/")
    page(Pages.data, "data.md", files=files)
    page(Pages.glossary, "glossary.md", glossary=glossary or {})
    page(Pages.tags, "tags.md")  # actor kinds and pillar statuses, each a section with its members
    for briefing in briefings:
        page(Pages.article(briefing), "article.md", b=briefing)
        page(Pages.source_notes(briefing), "source_notes.md", b=briefing)
        for actor in briefing.curation.actors:
            page(Pages.actor(actor), "actor.md", b=briefing, actor=actor)
        for pillar in briefing.curation.pillars:
            page(Pages.pillar(pillar), "pillar.md", b=briefing, pillar=pillar, statuses=STATUS_MEANING)
    definitions = abbreviations(glossary or {})
    pages = {path: text + definitions for path, text in pages.items()}
    return Site(pages=pages, nav=_nav(briefings, list(static_nav)), files=files)


def _nav(briefings: list[Briefing], static_nav: Nav) -> Nav:
    articles: Nav = [{b.article.title: Pages.article(b)} for b in briefings]
    notes: Nav = [{b.article.title: Pages.source_notes(b)} for b in briefings]
    actors = [Pages.actors] + [Pages.actor(a) for b in briefings for a in b.curation.actors]
    pillars = [Pages.pillars] + [Pages.pillar(p) for b in briefings for p in b.curation.pillars]
    return [
        {"Home": Pages.home},
        {"The article": Pages.article(briefings[0])} if len(briefings) == 1 else {"Articles": articles},
        {"Actors": actors},
        {"Strategy pillars": pillars},
        {"The threat": Pages.threat},
        {"Source notes": Pages.source_notes(briefings[0])} if len(briefings) == 1 else {"Source notes": notes},
        {"Statement types": Pages.types},
        {"Open data": Pages.data},
        {"Glossary": Pages.glossary},
        {"Tags": Pages.tags},
        *static_nav,
    ]


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
    env.filters["description"] = front_matter
    env.filters["page_title"] = lambda value: front_matter(value, attribute=False)
    return env


class _Links:
    """Template helpers: relative links from the page being rendered, and evidence passages."""

    def __init__(self, page: str, briefings: list[Briefing], coverage: dict[str, list[Sentence]], site_url: str = "") -> None:
        self.page = page
        self.site_url = site_url
        self.briefings = briefings
        self._coverage = coverage
        self._by_paragraph: dict[tuple[str, int], list[Sentence]] = {}
        for seed_id, sentence_list in coverage.items():
            for sentence in sentence_list:
                self._by_paragraph.setdefault((seed_id, sentence.paragraph), []).append(sentence)

    def to(self, target: str, anchor: str = "") -> Markup:
        href = posixpath.relpath(target, posixpath.dirname(self.page) or ".")
        if target == self.page:
            href = ""
        return Markup(href + (f"#{anchor}" if anchor else ""))

    def actor(self, actor: Actor) -> Markup:
        return self.to(Pages.actor(actor))

    def pillar(self, pillar: Pillar) -> Markup:
        return self.to(Pages.pillar(pillar))

    def move(self, move: ThreatMove) -> Markup:
        return self.to(Pages.threat, f"move-{move.id}")

    def article(self, b: Briefing) -> Markup:
        return self.to(Pages.article(b))

    def source_notes(self, b: Briefing) -> Markup:
        return self.to(Pages.source_notes(b))

    def paragraph(self, b: Briefing, number: int) -> Markup:
        return self.to(Pages.article(b), f"p{number}")

    def actors(self) -> Markup:
        return self.to(Pages.actors)

    def pillars(self) -> Markup:
        return self.to(Pages.pillars)

    def threat(self) -> Markup:
        return self.to(Pages.threat)

    def tag(self, name: str) -> Markup:
        return self.to(Pages.tags, "tag-" + name.replace(" ", "-"))

    def types(self) -> Markup:
        return self.to(Pages.types)

    def use(self, b: Briefing, u: Use) -> Markup:
        if u.section == "actor":
            return self.actor(b.actor(u.owner))
        if u.section == "pillar":
            return self.pillar(b.pillar(u.owner))
        if u.section == "threat":
            return self.to(Pages.threat, f"move-{u.owner}" if u.owner else "")
        if u.section == "relations":
            return self.to(Pages.actors, "how-the-actors-relate")
        if u.section == "source-notes":
            return self.to(Pages.source_notes(b), "sourcing-as-the-article-gives-it")
        return self.article(b)

    def jsonld(self, b: Briefing, statements: list[Statement]) -> Markup:
        """schema.org data for the page head: the source NewsArticle and the Claims shown on the page."""
        article_id = f"{self.site_url}articles/{b.article.seed_id}/#article"
        news = {
            "@type": "NewsArticle",
            "@id": article_id,
            "headline": b.article.title,
            "publisher": {"@type": "Organization", "name": b.article.outlet} if b.article.outlet else None,
            "isBasedOn": {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": b.article.wire_service}}
            if b.article.wire_service
            else None,
            "url": f"{self.site_url}articles/{b.article.seed_id}/",
        }
        claims = [
            {"@type": "Claim", "text": s.text, "additionalType": s.type, "appearance": {"@id": article_id}} for s in statements
        ]
        graph = {"@context": "https://schema.org", "@graph": [{k: v for k, v in news.items() if v is not None}, *claims]}
        # Inside <script>, "<" could end the element early; JSON allows it escaped.
        return front_matter_json(json.dumps(graph, ensure_ascii=False).replace("<", "\\u003c"))

    @staticmethod
    def threat_matrix(b: Briefing) -> Markup:
        moves, pillars = b.curation.threat.moves, b.curation.pillars
        answers = {(i, j) for i, m in enumerate(moves) for j, p in enumerate(pillars) if m.id in p.answers}
        return diagrams.threat_matrix(f"matrix-{b.article.seed_id}", [m.name for m in moves], [p.name for p in pillars], answers)

    @staticmethod
    def relations_diagram(b: Briefing) -> Markup:
        rows = [(b.actor(r.source).name, r.kind, b.actor(r.target).name) for r in b.curation.relations]
        return diagrams.relation_rows(f"relations-{b.article.seed_id}", rows)

    @staticmethod
    def chain_diagram(b: Briefing) -> Markup:
        claims = [u.claim for u in uses(b) if isinstance(u.claim, Statement)]
        sources = [b.actor(i).name for i in dict.fromkeys(i for s in claims for i in s.according_to)]
        return diagrams.attribution_chain(
            f"chain-{b.article.seed_id}", b.article.outlet or "Outlet not identified", b.article.wire_service or "No wire service credited", sources
        )

    def coverage(self, b: Briefing) -> list[Sentence]:
        return self._coverage[b.article.seed_id]

    def sentence_spans(self, b: Briefing, number: int) -> Markup:
        """The paragraph's text with each sentence in a span saying which statements use it.

        The spans add no text, so exact-sentence links (text fragments) match the paragraph as written.
        """
        pieces = []
        text = b.article.paragraph(number).text
        cursor = 0
        for sentence in self._by_paragraph.get((b.article.seed_id, number), []):
            pieces.append(escape(text[cursor : sentence.start]))
            if sentence.uses:
                title = attribute("Used by: " + "; ".join(u.label for u in sentence.uses))
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

    def mention_excerpts(self, b: Briefing, actor: Actor) -> list[tuple[int, Markup]]:
        """For each paragraph that mentions the actor, its mentioning sentences with the mentions marked."""
        by_paragraph: dict[int, list[tuple[int, int]]] = {}
        for m in b.mentions[actor.id]:
            by_paragraph.setdefault(m.paragraph, []).append((m.start, m.end))
        rows = []
        for number, spans in by_paragraph.items():
            text = b.article.paragraph(number).text
            pieces: list[Markup] = []
            for sentence in self._by_paragraph.get((b.article.seed_id, number), []):
                inside = [(s, e) for s, e in spans if sentence.start <= s < sentence.end]
                if not inside:
                    continue
                cursor = sentence.start
                marked = Markup("")
                for s, e in inside:
                    if s < cursor:
                        continue  # overlapping aliases: the first one already marks this text
                    marked += escape(text[cursor:s]) + Markup("<mark>") + escape(text[s:e]) + Markup("</mark>")
                    cursor = e
                pieces.append(marked + escape(text[cursor : sentence.end]))
            rows.append((number, Markup(" … ").join(pieces)))
        return rows

