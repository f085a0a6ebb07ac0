"""The real built site (strict `mkdocs build`): links, anchors, sections, evidence, no chrome."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.evidence import normalise
from scripts.loading import load_entry

from .conftest import CHROME_LINES, FIRST_SEED
from .links import check_links

ARTICLE = "articles/000_b2ab8aba2c0e3d24/index.html"
NOTES = "articles/000_b2ab8aba2c0e3d24/source-notes/index.html"


@functools.cache
def soup(path: Path) -> BeautifulSoup:
    """The page, with glossary abbreviations read as the plain words they mark (as a browser's text
    matching reads them: inline, with no space around them)."""
    doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for abbr in doc.find_all("abbr"):
        abbr.unwrap()
    doc.smooth()
    return doc


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page(site: Path, rel: str) -> BeautifulSoup:
    return soup(site / rel)


def resolve(site: Path, source: Path, href: str) -> tuple[Path, str]:
    """The file a link leads to and its #anchor (a text directive after it, ":~:text=…", is dropped)."""
    target, _, fragment = href.partition("#")
    fragment = fragment.split(":~:", 1)[0]
    path = (source.parent / target).resolve() if target else source
    if path.is_dir():
        path = path / "index.html"
    return path, fragment


def text_of(node) -> str:
    return normalise(node.get_text(" "))[0]


@pytest.fixture(scope="module")
def briefing():
    return load_entry(FIRST_SEED)


def test_strict_build_has_no_warnings(site_build):
    assert "WARNING" not in site_build.log, site_build.log
    assert "Documentation built" in site_build.log  # the log is the build's, not empty


def test_every_page_kind_is_built(built_site, briefing):
    expected = {"index.html", "404.html", ARTICLE, NOTES, "actors/index.html", "pillars/index.html", "threat/index.html", "about/index.html"}
    expected |= {f"actors/{a.id}/index.html" for a in briefing.curation.actors}
    expected |= {f"pillars/{p.id}/index.html" for p in briefing.curation.pillars}
    expected |= {"places/index.html", *(f"places/{p.id}/index.html" for p in briefing.curation.places)}
    assert expected <= {str(p.relative_to(built_site)) for p in pages(built_site)}


def test_every_internal_link_and_anchor_resolves(built_site):
    links = check_links(built_site)
    assert links.broken == []
    assert links.elsewhere == []  # every script, stylesheet and image is the site's own
    assert links.checked > 500


def test_no_page_chrome_anywhere(built_site):
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for chrome in CHROME_LINES:
                assert chrome not in text, f"{path}: page chrome '{chrome}'"


def test_every_statement_has_evidence_linked_to_its_paragraph(built_site):
    article = page(built_site, ARTICLE)
    paragraphs = {p["id"]: text_of(p) for p in article.select("p.article-paragraph")}
    assert list(paragraphs) == [f"p{n}" for n in range(1, 10)]
    statements = 0
    for source in pages(built_site):
        for statement in soup(source).select("div.statement"):
            statements += 1
            evidence = statement.select("p.evidence")
            assert evidence, f"{source}: statement without evidence: {text_of(statement)[:80]}"
            for item in evidence:
                link = item.select_one("a.evidence-link")
                target, fragment = resolve(built_site, source, link["href"])
                assert target == (built_site / ARTICLE).resolve()
                assert fragment == f"p{item['data-paragraph']}"
                quote = text_of(item.find("q"))
                assert quote and quote in paragraphs[fragment], f"{source}: {quote!r} not in ¶{fragment}"
    assert statements > 60


def statement_text(statement) -> str:
    first = BeautifulSoup(str(statement.find("p")), "html.parser")
    for badge in first.select(".stype"):
        badge.decompose()
    return normalise(first.get_text())[0]  # no separator: an abbreviation's <abbr> sits inside a sentence


def test_every_statement_is_typed_and_shows_its_source_chain(built_site):
    from scripts.briefing import STATEMENT_TYPES

    for source in pages(built_site):
        for statement in soup(source).select("div.statement"):
            badge = statement.select_one("p:first-child a.stype")
            if badge is None:
                continue  # a pillar's status block, labelled by its status badge instead
            assert badge.get_text() in STATEMENT_TYPES and statement["data-type"] == badge.get_text()
            # The credit is printed; the outlet and wire it comes through are in its title (hover, focus).
            credits = statement.select("p.chain a[title]")
            assert credits and all(a["title"].startswith("PanARMENIAN.Net › The Associated Press") for a in credits), source
            named = statement.select_one("p.chain").get_text()
            assert all(a.get_text() in named for a in credits)


def test_every_curated_statement_is_on_the_site(built_site, briefing):
    shown = {statement_text(s) for path in pages(built_site) for s in soup(path).select("div.statement")}
    c = briefing.curation
    statements = [c.summary, *c.key_points, *c.source_notes.sources, c.threat.summary]
    statements += [s for a in c.actors for s in (a.who, a.role)]
    statements += [s for p in c.pillars for s in (p.what, p.why)]
    statements += [m.expected for m in c.threat.moves]
    statements += [p.about for p in c.places]
    for statement in statements:
        assert normalise(statement.text)[0] in shown


def headings(doc: BeautifulSoup, level: str = "h2") -> list[str]:
    return [re.sub(r"#$", "", h.get_text()).strip() for h in doc.find_all(level)]


def test_page_kinds_have_their_sections(built_site, briefing):
    home = page(built_site, "index.html")
    assert headings(home, "h1") == ["Iraq after Mosul: a source-grounded briefing"]
    assert headings(home)[:4] == ["What the strategy answers, and what it leaves open", "Key points", "Where", "Explore the briefing"]
    assert len(home.select(".grid.cards li")) == 6
    # The bottom line comes first, right under the title; the moves with no named response are stated.
    assert home.find("h1").find_next(["div", "p", "h2"])["class"] == ["bottom-line"]
    gaps = home.select_one("p.gaps").get_text(" ")
    unanswered = [m.name for m in briefing.curation.threat.moves if not briefing.responses(m.id)]
    assert gaps.startswith(f"The article links no part of the strategy to {len(unanswered)} of its {len(briefing.curation.threat.moves)} expected moves")
    assert all(name in gaps for name in unanswered) and unanswered

    article = page(built_site, ARTICLE)
    assert headings(article, "h1") == ["Iraq readies new strategy for fight against post-Mosul IS"]
    assert headings(article) == [
        "Summary",
        "Key points",
        "The threat as this article describes it",
        "Actors and pillars in this article",
        "How the actors relate",
        "Direct quotations",
        "Full text",
    ]
    assert [a.get_text() for a in article.select("a.paragraph-number")] == [f"¶{n}" for n in range(1, 10)]

    actors = page(built_site, "actors/index.html")
    entries = actors.select(".index-list li")
    by_kind = sorted(briefing.curation.actors, key=lambda a: (a.kind, a.name.casefold()))
    assert [e.find("a").get_text() for e in entries] == [a.name for a in by_kind]
    assert headings(actors) == [k.capitalize() for k in dict.fromkeys(a.kind for a in by_kind)]
    assert "1 article" not in actors.get_text()  # a count that says nothing with one article
    hashimi = page(built_site, "actors/hisham-al-hashimi/index.html")
    assert headings(hashimi) == ["Who", "Role", "Mentions in the article"]
    mentions = hashimi.select("p.mention")
    assert [m.select_one("a")["href"] for m in mentions] == ["../../articles/000_b2ab8aba2c0e3d24/#p6"]
    assert mentions[0].find("mark").get_text() == "Hisham al-Hashimi"
    islamic_state = page(built_site, "actors/islamic-state/index.html")
    assert len(islamic_state.select("p.mention")) == len({m.paragraph for m in briefing.mentions["islamic-state"]})

    pillars = page(built_site, "pillars/index.html")
    # Parts of the strategy in the curation's order (immediate priority first), then the conditions for success.
    parts = [p.name for p in briefing.curation.pillars if p.status.value != "condition"]
    conditions = [p.name for p in briefing.curation.pillars if p.status.value == "condition"]
    assert [e.find("a").get_text() for e in pillars.select(".index-list li")] == parts + conditions
    assert headings(pillars)[:2] == ["Parts of the strategy", "Conditions for success"] and conditions
    border = page(built_site, "pillars/border-surveillance/index.html")
    assert headings(border) == ["What", "Why: the threat it answers", "Who carries it out", "Status"]
    assert border.select_one(".kind .status").get_text() == "under negotiation"

    threat = page(built_site, "threat/index.html")
    # The moves in the order the curation gives them (the article's order).
    assert [h["id"] for h in threat.find_all("h2")] == [f"move-{m.id}" for m in briefing.curation.threat.moves]
    for move in briefing.curation.threat.moves:
        responses = threat.find(id=f"move-{move.id}").find_next("p", class_="responses")
        assert {a.get_text() for a in responses.find_all("a")} == {p.name for p in briefing.responses(move.id)}

    notes = page(built_site, NOTES)
    assert headings(notes) == [
        "Provenance", "Sourcing as the article gives it", "Who says which words", "What the text does not state", "Coverage",
        "How the date was inferred", "Left out of the original page", "The source file",
    ]
    text = notes.get_text(" ")
    for fact in ("PanARMENIAN.Net", "The Associated Press", "not named in the text", "October 2016 – July 2017 (inferred)", briefing.article.sha256):
        assert fact in text
    assert "4 unrelated headlines or teasers" in text


def text_directive(href: str) -> tuple[str, str, str]:
    """(prefix, start, end) of a ``#…:~:text=prefix-,start[,end]`` link, decoded."""
    from urllib.parse import unquote

    directive = href.split(":~:text=", 1)[1]
    parts = directive.split(",")
    prefix = unquote(parts[0][:-1]) if parts[0].endswith("-") else ""
    rest = [unquote(p) for p in parts[1:]] if prefix else [unquote(p) for p in parts]
    return prefix, rest[0], rest[1] if len(rest) > 1 else ""


def test_every_evidence_link_names_exactly_its_sentence(built_site):
    article = page(built_site, ARTICLE)
    page_text = normalise(article.get_text(" "))[0]
    paragraphs = {p["id"]: normalise(p.get_text(" "))[0] for p in article.select("p.article-paragraph")}
    checked = 0
    for source in pages(built_site):
        for link in soup(source).select("a.evidence-link"):
            if ":~:text=" not in link["href"]:
                continue
            paragraph_id = link["href"].split("#")[1].split(":~:")[0]
            prefix, start, end = text_directive(link["href"])
            assert prefix.startswith("¶")
            shown = link.find_previous_sibling("q")  # a bottom-line clause or a compact key point shows no quote
            if shown is not None:
                quote = normalise(shown.get_text())[0]
                assert quote.startswith(start) and quote.endswith(end)
            needle = re.compile(re.escape(prefix) + r"\s*" + re.escape(start))  # as a browser matches: prefix, spaces, start
            assert len(needle.findall(page_text)) == 1, f"{source}: {needle.pattern!r} is not unique on the article page"
            found = needle.search(paragraphs[paragraph_id])
            assert found, f"{source}: {needle.pattern!r} not in {paragraph_id}"
            assert paragraphs[paragraph_id].find(end or start, found.start()) >= 0
            checked += 1
    assert checked > 80


def test_coverage_shows_which_sentences_the_briefing_uses(built_site, briefing):
    from scripts.coverage import sentence_map

    sentences = sentence_map(briefing)
    used = [s for s in sentences if s.uses]
    article = page(built_site, ARTICLE)
    spans = article.select("p.article-paragraph span.sentence")
    assert [text_of(span) for span in spans] == [normalise(s.sentence.text)[0] for s in sentences]
    marked = article.select("span.sentence--used")
    assert len(marked) == len(used) > 0
    for span, sentence in zip(marked, used, strict=True):
        assert span["title"] == "Used by: " + "; ".join(u.label for u in sentence.uses)
    assert article.select_one("input#coverage-toggle") and article.select_one("label[for=coverage-toggle]")

    notes = page(built_site, NOTES)
    share = round(len(used) * 100 / len(sentences))
    assert f"The briefing uses {len(used)} of the article's {len(sentences)} sentences ({share}%)" in " ".join(notes.get_text(" ").split())
    heading = notes.find(id="sentences-the-briefing-does-not-use")
    unused = heading.find_next("ul").find_all("li") if heading else []
    assert [text_of(li).split(" ", 1)[1] for li in unused] == [normalise(s.sentence.text)[0] for s in sentences if not s.uses]
    rows = notes.find(id="which-statements-use-each-sentence").find_next("table").select("tbody tr")
    assert len(rows) == len(sentences)


def test_pages_carry_sharing_metadata_and_schema_org_claims(built_site, briefing):
    import json

    for source in pages(built_site):
        doc = soup(source)
        for prop in ("og:title", "og:description", "og:type", "og:site_name"):
            assert doc.find("meta", property=prop)["content"].strip(), f"{source}: {prop}"
        if source.name != "404.html":
            assert doc.find("link", rel="canonical")["href"].startswith("http://127.0.0.1:8000/")
    actor = page(built_site, "actors/hisham-al-hashimi/index.html")
    graph = json.loads(actor.find("script", type="application/ld+json").string)["@graph"]
    news, *claims = graph
    assert news["@type"] == "NewsArticle" and news["headline"] == briefing.article.title
    assert news["publisher"]["name"] == "PanARMENIAN.Net" and news["isBasedOn"]["publisher"]["name"] == "The Associated Press"
    hashimi = briefing.actor("hisham-al-hashimi")
    assert [(c["@type"], c["text"], c["additionalType"]) for c in claims] == [
        ("Claim", hashimi.who.text, hashimi.who.type),
        ("Claim", hashimi.role.text, hashimi.role.type),
    ]
    home_claims = json.loads(page(built_site, "index.html").find("script", type="application/ld+json").string)["@graph"][1:]
    assert len(home_claims) == len(briefing.curation.bottom_line) + len(briefing.curation.key_points)


def _search_fragments(site: Path) -> list[dict]:
    """The search index's page records, as Pagefind writes them (gzip, a signature, then JSON)."""
    import gzip
    import json

    return [json.loads(gzip.decompress(p.read_bytes())[len(b"pagefind_dcd") :]) for p in (site / "pagefind" / "fragment").iterdir()]


def test_search_indexes_every_curated_statement_and_the_article_text_once(built_site, briefing):
    fragments = _search_fragments(built_site)
    content = " ".join(f["content"] for f in fragments)
    statements = [briefing.curation.summary, *briefing.curation.key_points]
    statements += [s for a in briefing.curation.actors for s in (a.who, a.role)]
    statements += [s for p in briefing.curation.pillars for s in (p.what, p.why)]
    statements += [m.expected for m in briefing.curation.threat.moves] + list(briefing.curation.source_notes.sources)
    missing = [s.text for s in statements if " ".join(s.text.split()) not in content]
    assert missing == []
    # the article's sentences are indexed on the article page only: not again as evidence or coverage
    sentence = "It could still take weeks for Iraqi forces to fully retake the northern city of Mosul"
    assert [f["url"] for f in fragments if sentence in f["content"]] == ["/articles/000_b2ab8aba2c0e3d24/"]
    kinds = {k for f in fragments for k in f["filters"].get("kind", [])}
    assert kinds == {"article", "actor", "pillar", "threat move", "place", "source notes", "overview"}
    types = {t for f in fragments for t in f["filters"].get("type", [])}
    assert types == {"reported fact", "attributed claim", "plan", "forecast", "condition"}
