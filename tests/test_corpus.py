"""Many articles on one site: merged pages, the article list and timeline, articles awaiting review,
copies of one wire story, strict publishing, and lists split into pages. All on real strict builds."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts import corpus, draft
from scripts.loading import load_corpus
from scripts.render import PER_PAGE
from tests.tools.synth import make_corpus

from .browser import DESKTOP, PHONE, axe_violations, browser_on, recorded_page
from .conftest import FIRST_SEED, FIXTURES, ROOT, mkdocs_build
from .links import check_links

pytestmark = pytest.mark.site  # each test builds or serves a site of its own

FIRST = FIRST_SEED.stem
DATED = "dated_ap"  # printed date June 14, 2017; its army shares the id "iraqi-forces" with the first seed
COPY = "newsam"  # the first seed's wire story from another outlet, not curated


def html(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("seeds")
    for path in (FIRST_SEED, FIRST_SEED.with_suffix(".yml"), FIXTURES / "corpus" / f"{DATED}.txt", FIXTURES / "corpus" / f"{DATED}.yml"):
        shutil.copy(path, directory)
    shutil.copy(FIXTURES / "wire" / f"{COPY}.txt", directory)
    draft.add_seed(FIXTURES / "draft" / "border_outposts.txt", directory)
    return directory


@pytest.fixture(scope="module")
def site(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus-site")
    result = mkdocs_build(out, env={"BRIEFING_SEEDS": str(seeds)})
    assert result.returncode == 0, result.stderr
    return out


def drafted(seeds: Path) -> str:
    return next(p.stem for p in seeds.glob("0*.yml") if p.stem != FIRST)


def test_an_actor_page_gives_each_article_its_own_section_and_evidence(site):
    page = html(site, "actors/iraqi-forces/index.html")
    sections = [h["id"] for h in page.find_all("h2")]
    assert sections == [f"in-{DATED}", f"in-{FIRST}"]  # newest first: only the second one is dated
    for section in sections:
        heading = page.find(id=section)
        block = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            block.append(sibling)
        evidence = [a["href"] for node in block for a in node.select("a.evidence-link")]
        assert evidence and all(f"/articles/{section[3:]}/" in href for href in evidence), section
    assert page.find("h1").get_text().strip("#").strip() == "Iraqi forces and army"  # declared once, in docs/entities.yml


def test_article_list_and_timeline(site, seeds):
    entries = html(site, "articles/index.html").select(".index-list li")
    titles = [e.find("a").get_text() for e in entries]
    assert len(titles) == 4 and titles[0] == "Militants regroup in desert as Iraq plans border watch"
    marks = {e.find("a").get_text(): e.get_text(" ") for e in entries}
    assert "14 June 2017" in marks[titles[0]] and "awaiting review" not in marks[titles[0]]
    assert sum("awaiting review" in text for text in marks.values()) == 2
    copy_entry = next(e for e in entries if e.find("a")["href"].rstrip("/").endswith(COPY))
    assert "the same wire story as Iraq readies new strategy" in " ".join(copy_entry.get_text().split())

    timeline = html(site, "timeline/index.html")
    # The first seed's inferred range files under its span, by its earliest date.
    assert [h.get_text().strip("#").strip() for h in timeline.find_all("h2")] == ["October 2016 – July 2017", "June 2017", "Undated"]
    assert timeline.select_one("li .date--inferred").get_text() == "October 2016 – July 2017 (inferred)"
    assert timeline.select_one("li .date--exact").get_text() == "14 June 2017 (exact)"
    assert "2 articles print no date" in timeline.get_text(" ")


def test_an_article_awaiting_review_shows_its_text_and_what_is_left(site, seeds):
    stem = drafted(seeds)
    page = html(site, f"articles/{stem}/index.html")
    notice = page.select_one(".review-notice")
    assert notice is not None and "Awaiting review." in notice.get_text()
    assert "Delete the line 'status: draft'." in notice.get_text()
    pending = next(p for p in load_corpus(seeds).pending if p.article.seed_id == stem)
    assert len(page.select(".article-paragraph")) == len(pending.article.paragraphs)
    assert page.find(id="leads-for-the-editor") is not None
    # what the parser left out, by kind and line, for the editor to check before curating
    assert not pending.article.removed
    assert "Nothing: every line after the headline was read as the article." in page.get_text(" ")
    copy = next(p for p in load_corpus(seeds).pending if p.article.seed_id == COPY)
    assert copy.article.removed
    left_out = html(site, f"articles/{COPY}/index.html").find(id="what-the-parser-left-out").find_next("ul").get_text(" ")
    for removed in copy.article.removed:
        assert removed.kind.capitalize() in left_out and removed.where in left_out
    # nothing from an article awaiting review reaches the merged pages
    for merged in ("actors/index.html", "pillars/index.html", "threat/index.html"):
        assert f"articles/{stem}/" not in (site / merged).read_text(encoding="utf-8")


CHANGE_KINDS = ("Reworded", "Added", "Dropped")


def test_a_wire_copy_says_what_it_changed(site):
    copy = html(site, f"articles/{COPY}/index.html")
    changes = [  # the list of changes, not the list of what the parser left out
        li.get_text(" ", strip=True) for li in copy.select(".md-content li") if li.find("strong") and li.find("strong").get_text() in CHANGE_KINDS
    ]
    kinds = [text.split(" ", 1)[0] for text in changes]
    assert kinds == ["Reworded", "Dropped", "Added", "Dropped"]  # the fixture copy also ends before the last paragraph
    assert copy.select("del") and copy.select("ins")
    notes = html(site, f"articles/{FIRST}/source-notes/index.html")
    section = notes.find(id="other-copies-of-this-wire-story")
    assert section is not None
    later = section.find_next("ul").get_text(" ")
    assert "news.am" in later and "1 reworded, 1 added, 2 dropped paragraphs" in later


def test_publishing_refuses_articles_awaiting_review_and_keeps_the_site(seeds, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "site", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "BRIEFING_SEEDS": str(seeds)},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    refused = [line for line in result.stderr.splitlines() if "awaiting review; still to do:" in line]
    assert sorted(line.split(":")[0].rsplit("/", 1)[-1] for line in refused) == sorted([f"{COPY}.yml", f"{drafted(seeds)}.yml"])
    assert (site / "index.html").read_text() == "previous site"


def test_navigation_stays_the_same_size_and_lists_split_into_pages(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("synthetic")
    count = PER_PAGE["articles"] + 10
    make_corpus(count, seeds)
    site = tmp_path_factory.mktemp("synthetic-site")
    result = mkdocs_build(site, env={"BRIEFING_SEEDS": str(seeds)})
    assert result.returncode == 0, result.stderr

    first, second = html(site, "articles/index.html"), html(site, "articles/page-2/index.html")
    assert len(first.select(".index-list li")) == PER_PAGE["articles"] and len(second.select(".index-list li")) == 10
    assert [a.get_text() for a in second.select_one("nav.pager").select("a")] == ["Previous", "1"]
    assert [a.get_text() for a in first.select_one("nav.pager").select("a")] == ["2", "Next"]
    merged = corpus.build(list(load_corpus(seeds).entries))
    widest = max(merged.actors.values(), key=lambda a: a.articles)
    pages = -(-widest.articles // PER_PAGE["appearances"])
    assert pages > 1
    assert (site / f"actors/{widest.id}/page-{pages}/index.html").is_file()
    assert not (site / f"actors/{widest.id}/page-{pages + 1}").exists()

    # the navigation is the same on an article page whatever the corpus: no article is listed in it
    nav = html(site, "articles/index.html").select_one("nav.md-nav--primary")
    assert not nav.select('a[href*="/articles/0"]')
    assert len(nav.select("a")) < 20

    # search indexes no later page of a split list, nor the Search and Review pages
    fragments = [json.loads(gzip.decompress(p.read_bytes())[len(b"pagefind_dcd"):]) for p in (site / "pagefind" / "fragment").iterdir()]
    urls = {f["url"] for f in fragments}
    assert not [u for u in urls if "page-" in u]
    assert f"/actors/{widest.id}/" in urls and "/search/" not in urls and not [u for u in urls if u.startswith("/review/")]

    links = check_links(site)
    assert (links.broken, links.elsewhere) == ([], [])
    assert links.checked > 1000


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_new_page_kinds_are_accessible_and_fit_a_phone(site, seeds, scheme):
    paths = ["articles/", "timeline/", f"articles/{COPY}/", f"articles/{drafted(seeds)}/", "actors/iraqi-forces/", f"articles/{FIRST}/source-notes/"]
    problems = []
    with browser_on(site) as (browser, origin):
        for viewport in (PHONE, DESKTOP):
            with recorded_page(browser, origin, viewport=viewport, color_scheme=scheme, bypass_csp=True) as (page, recorder):
                for path in paths:
                    page.goto(origin + path, wait_until="networkidle")
                    if viewport == PHONE:
                        wide, window = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
                        if wide > window:
                            problems.append(f"{path}: {wide}px wide in a {window}px window")
                    else:
                        problems += [f"{path}: {v}" for v in axe_violations(page)]
                assert not recorder.failures and not recorder.console_errors and not recorder.foreign_requests()
    assert problems == []
