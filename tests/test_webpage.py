"""Saved web pages as seeds: the article read out of the page, its metadata from the page's own tags,
and everything after (drafts, evidence checks, paragraph anchors, the build) as for a text seed."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import draft
from scripts.__main__ import main
from scripts.briefing import Pending
from scripts.errors import BriefingError, CurationError, ParseError
from scripts.generate import generate
from scripts.loading import load_corpus
from scripts.seeds import read_file, seed_files
from scripts.webpage import parse_html

from .conftest import ROOT, mkdocs_build, project_copy

PAGES = Path(__file__).resolve().parent / "fixtures" / "webpage"
DAM = PAGES / "dam_patrols.html"  # JSON-LD NewsArticle, OpenGraph and <meta>; by a named reporter
WIRE = PAGES / "wire_checkpoints.html"  # JSON-LD in an @graph, written by a wire service, AP dateline
MARKET = PAGES / "meta_only_market.html"  # no JSON-LD: OpenGraph and <meta> only, an old blog layout
NO_ARTICLE = PAGES / "no_article.html"  # a sign-in page


def text_of(path: Path) -> str:
    return "\n".join(p.text for p in read_file(path).paragraphs)


@pytest.mark.parametrize(
    ("page", "title", "byline", "published", "outlet", "wire", "count"),
    [
        (DAM, "River guards to patrol Haditha dam at night", "Layla Darwish", "2019-03-12", "Euphrates Ledger", None, 5),
        (WIRE, "Checkpoints reopen on the Mosul-Dohuk road", None, "2018-11-03", "The Tigris Herald", "The Associated Press", 6),
        (MARKET, "Basra traders count the cost of the port strike", "Omar Khalil", "2020-07-21", "Gulf Coast Daily", None, 4),
    ],
    ids=["json-ld", "wire-graph", "meta-only"],
)
def test_page_metadata_and_paragraphs(page, title, byline, published, outlet, wire, count):
    article = read_file(page)
    assert article.title == title
    assert article.byline == byline
    assert article.outlet == outlet
    assert article.wire_service == wire
    assert article.published is not None
    assert (article.published.iso, article.published.precision) == (published, "exact")
    assert [p.number for p in article.paragraphs] == list(range(1, count + 1))
    assert [p.id for p in article.paragraphs][:2] == ["p1", "p2"]
    assert article.sha256 == hashlib.sha256(page.read_bytes()).hexdigest()
    assert article.size == len(page.read_bytes())
    assert title not in [p.text for p in article.paragraphs]  # the headline is metadata, not ¶1


def test_json_ld_date_is_kept_as_written():
    assert read_file(DAM).published.as_written == "2019-03-12T08:30:00+03:00"


def test_wire_dateline_is_metadata_not_text():
    article = read_file(WIRE)
    assert article.dateline == "MOSUL, Iraq"
    assert article.paragraphs[0].text.startswith("Army engineers finished clearing")
    assert article.quotations and article.quotations[0].speaker == "Major Faris Nouri"


@pytest.mark.parametrize(
    ("page", "chrome"),
    [
        (
            DAM,
            [
                "Politics desk",
                "Subscribe for unlimited reading",
                "Fishing boats moored below the spillway",
                "Photo: Ledger archive",
                "Related coverage",
                "Checkpoints return to the western highway",
                "About time somebody watched that lake",
                "Nobody asked the fishing families",
                "Reader from Hit",
                "All rights reserved",
                "Privacy policy",
            ],
        ),
        (
            WIRE,
            [
                "Get the morning newsletter",
                "World news",
                "Trucks queue at a rebuilt checkpoint",
                "AP Photo",
                "Share on social media",
                "Most read this week",
                "Heavy rain floods the old market",
                "Join the discussion",
                "my cousin drives that road",
                "Terms of use",
            ],
        ),
        (MARKET, ["Business section", "Cranes idle at the northern quay", "You might also like", "Leave a reply", "all rights reserved"]),
    ],
    ids=["json-ld", "wire-graph", "meta-only"],
)
def test_navigation_captions_asides_and_comments_are_left_out(page, chrome):
    text = text_of(page)
    for words in chrome:
        assert words.lower() not in text.lower()
    assert any(r.kind == "web page around the article" and r.characters > 100 for r in read_file(page).removed)


def test_inline_links_and_line_breaks_read_as_plain_text():
    paragraphs = [p.text for p in read_file(WIRE).paragraphs]
    assert "the road between Mosul and Dohuk on Saturday" in paragraphs[0]
    assert "would be delivered. Local traders said" in paragraphs[-1]


def test_paragraph_lines_point_into_the_saved_page():
    lines = DAM.read_text(encoding="utf-8").splitlines()
    for paragraph in read_file(DAM).paragraphs:
        assert paragraph.text[:30] in lines[paragraph.line - 1]


def test_a_page_without_article_text_is_refused_naming_the_file():
    with pytest.raises(ParseError) as caught:
        read_file(NO_ARTICLE)
    message = str(caught.value)
    assert "no_article.html" in message and "\n" not in message
    assert "no article text" in message


def test_the_parse_command_refuses_it_with_one_line():
    result = subprocess.run([sys.executable, "-m", "scripts", "parse", str(NO_ARTICLE)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ") and "no_article.html" in result.stderr


def test_the_parse_command_prints_a_page(capsys):
    assert main(["parse", str(DAM)]) == 0
    article = json.loads(capsys.readouterr().out)
    assert article["title"] == "River guards to patrol Haditha dam at night"
    assert article["outlet"] == "Euphrates Ledger"
    assert article["byline"] == "Layla Darwish"
    assert article["published"] == {"iso": "2019-03-12", "precision": "exact", "as_written": "2019-03-12T08:30:00+03:00"}
    assert len(article["paragraphs"]) == 5


@pytest.mark.parametrize("data", [b"", b"   \n", b"\x00\x01\x02<html>"], ids=["empty", "blank", "binary"])
def test_empty_or_binary_page_is_refused(data):
    with pytest.raises(ParseError, match=r"x\.html: "):
        parse_html(data, Path("seeds/x.html"))


# --- as a seed ------------------------------------------------------------------------------------


@pytest.fixture
def page_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(DAM, seeds / "dam.html")
    shutil.copy(PAGES / "dam_patrols.yml", seeds / "dam.yml")
    return seeds


def test_a_curation_quoting_the_page_builds(page_seeds):
    assert seed_files(page_seeds) == [page_seeds / "dam.html"]
    built = load_corpus(page_seeds)
    assert not built.pending and [b.warnings for b in built.briefings] == [()]
    site = generate(page_seeds)
    page = site.pages["articles/dam/index.md"]
    assert "River guards to patrol Haditha dam at night" in page
    assert "{: #p5 .article-paragraph }" in page
    assert "[¶2](#p2)" in page or "](#p2)" in page
    notes = site.pages["articles/dam/source-notes.md"]
    assert hashlib.sha256(DAM.read_bytes()).hexdigest() in notes
    assert "Euphrates Ledger" in notes and "Layla Darwish" in notes
    assert "| How it was read | The seed is a saved web page." in notes
    assert "**Web page around the article:**" in notes and "Fishing boats" not in notes  # described, never reproduced
    assert "actors/salim-jabbar/index.md" in site.pages


@pytest.mark.site
def test_a_page_seed_publishes_with_a_strict_mkdocs_build(tmp_path):
    project = project_copy(tmp_path / "project", {"dam.html": DAM.read_bytes(), "dam.yml": (PAGES / "dam_patrols.yml").read_bytes()})
    result = mkdocs_build(tmp_path / "site", cwd=project, env={"BRIEFING_PUBLISH": "1"})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    page = (tmp_path / "site" / "articles" / "dam" / "index.html").read_text(encoding="utf-8")
    assert all(f'id="p{n}"' in page for n in range(1, 6))
    assert "Fishing boats moored" not in page and "About time somebody" not in page
    assert (project / "seeds" / "dam.html").read_bytes() == DAM.read_bytes()  # the build never edits a seed


def test_a_quote_not_in_the_page_is_an_error_with_its_line(page_seeds):
    curation = page_seeds / "dam.yml"
    curation.write_text(curation.read_text(encoding="utf-8").replace("about eighty men", "about ninety men"), encoding="utf-8")
    with pytest.raises(CurationError, match=r"dam\.yml:\d+: .*quote not found in dam\.html"):
        load_corpus(page_seeds)


def test_a_caption_is_not_quotable(page_seeds):
    curation = page_seeds / "dam.yml"
    text = curation.read_text(encoding="utf-8").replace(
        "The unit will have twelve motorboats and about eighty men drawn from the local police", "Fishing boats moored below the spillway at dusk"
    )
    curation.write_text(text, encoding="utf-8")
    with pytest.raises(CurationError, match="quote not found"):
        load_corpus(page_seeds)


def test_text_and_page_seeds_with_one_name_are_refused(page_seeds):
    (page_seeds / "dam.txt").write_bytes(b"A title\n\nSome text of the article.\n")
    with pytest.raises(BriefingError, match=r"dam\.txt: has the same name as dam\.html"):
        seed_files(page_seeds)


def test_make_new_stores_the_page_byte_for_byte(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    assert main(["new", str(DAM), "--seeds", str(seeds)]) == 0
    digest = hashlib.sha256(DAM.read_bytes()).hexdigest()
    seed = seeds / f"000_{digest[:16]}.html"
    assert seed.read_bytes() == DAM.read_bytes()
    assert (seeds / f"000_{digest[:16]}.yml").is_file()
    assert f"added {seed.name}" in capsys.readouterr().out.replace(str(seeds) + "/", "")
    built = load_corpus(seeds)
    assert [p.article.path.name for p in built.pending] == [seed.name]
    assert isinstance(built.pending[0], Pending)
    site = generate(seeds)  # a draft builds, shown as awaiting review, with the page's SHA-256
    pages = "".join(text for name, text in site.pages.items() if name.startswith(f"articles/000_{digest[:16]}/"))
    assert digest in pages and "River guards to patrol Haditha dam at night" in pages


def test_make_new_draft_evidence_is_found_in_the_page(tmp_path):
    seed, draft_path = draft.add_seed(WIRE, tmp_path / "seeds")
    assert seed.suffix == ".html" and draft_path.suffix == ".yml"
    text = draft_path.read_text(encoding="utf-8")
    assert "status: draft" in text and "Faris Nouri" in text
    assert "Trucks queue" not in text and "cousin" not in text


def test_make_new_refuses_a_page_without_article_and_writes_nothing(tmp_path):
    seeds = tmp_path / "seeds"
    with pytest.raises(ParseError, match=re.escape("no_article.html")):
        draft.add_seed(NO_ARTICLE, seeds)
    assert not seeds.exists()


def test_the_same_page_twice_is_refused(tmp_path):
    seeds = tmp_path / "seeds"
    draft.add_seed(DAM, seeds)
    copy = tmp_path / "copy.html"
    copy.write_bytes(DAM.read_bytes())
    with pytest.raises(BriefingError, match="has exactly the same bytes as"):
        draft.add_seed(copy, seeds)


def test_a_page_that_does_not_declare_its_encoding_reads_the_same(tmp_path):
    page = DAM.read_text(encoding="utf-8").replace('<meta charset="utf-8">\n', "")
    page = page.replace("River guards to patrol Haditha dam at night", "River guards’ night patrols at Haditha — Anbar")
    page = page.replace("Layla Darwish", "Layla Darwīsh")
    article = parse_html(page.encode("utf-8"), tmp_path / "undeclared.html")
    assert article.title == "River guards’ night patrols at Haditha — Anbar"
    assert article.byline == "Layla Darwīsh"
    assert article.paragraphs[0].text.startswith("Provincial officials in Anbar")  # the headline is not ¶1


def test_a_windows_1252_page_reads_as_declared(tmp_path):
    page = DAM.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("The unit will have twelve", "The unit’s boats – twelve –")
    article = parse_html(page.encode("cp1252"), tmp_path / "cp1252.html")
    assert article.paragraphs[1].text.startswith("The unit’s boats – twelve –")


def test_json_ld_entities_and_several_authors(tmp_path):
    page = DAM.read_text(encoding="utf-8").replace(
        '"headline": "River guards to patrol Haditha dam at night"', '"headline": "Guards &amp; boats: Haditha dam patrols"'
    )
    page = page.replace('"author": {"@type": "Person", "name": "Layla Darwish"}', '"author": [{"@type": "Person", "name": "Layla Darwish"}, {"@type": "Person", "name": "Sami Aziz"}]')
    article = parse_html(page.encode("utf-8"), tmp_path / "two.html")
    assert article.title == "Guards & boats: Haditha dam patrols"
    assert article.byline == "Layla Darwish and Sami Aziz"


def test_a_page_saved_as_htm_becomes_an_html_seed(tmp_path):
    source = tmp_path / "saved.htm"
    source.write_bytes(MARKET.read_bytes())
    seed, _ = draft.add_seed(source, tmp_path / "seeds")
    assert seed.suffix == ".html" and seed.read_bytes() == MARKET.read_bytes()
    assert seed_files(tmp_path / "seeds") == [seed]
