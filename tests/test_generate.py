from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from scripts.errors import BriefingError
from scripts.generate import generate, write_pages
from scripts.loading import load_corpus
from scripts.publish import refuse_pending

from .conftest import FIRST_SEED, FIXTURES, ROOT, SEEDS

EXPECTED_PAGES = {
    "index.md",
    "threat/index.md",
    "timeline/index.md",
    "articles/index.md",
    "actors/index.md",
    "pillars/index.md",
    "articles/000_b2ab8aba2c0e3d24/index.md",
    "articles/000_b2ab8aba2c0e3d24/source-notes.md",
    "actors/hisham-al-hashimi/index.md",
    "pillars/border-surveillance/index.md",
}


def test_cli_writes_the_pages_the_hook_builds(tmp_path, monkeypatch):
    result = subprocess.run([sys.executable, "-m", "scripts", "generate", "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    on_disk = {str(p.relative_to(tmp_path)): p.read_text() for p in tmp_path.rglob("*") if p.is_file() and p.name != "nav.json"}
    assert set(on_disk) >= EXPECTED_PAGES

    monkeypatch.chdir(ROOT)
    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    from_hook = {f.src_uri: f.content_string for f in files if f.generated_by}
    assert from_hook == on_disk
    assert config.nav[0] == {"Home": "index.md"}
    assert config.nav[-1] == "about.md"  # hand-written pages follow the generated navigation


def test_generation_is_deterministic_and_writes_only_changes(tmp_path):
    first, second = generate(SEEDS), generate(SEEDS)
    assert first == second
    assert len(write_pages(first, tmp_path)) == len(first.pages) + len(first.files)
    assert write_pages(second, tmp_path) == []


def test_every_seed_in_a_directory_is_built(tmp_path, seeds):
    two = tmp_path / "two"
    shutil.copytree(seeds, two)
    shutil.copy(FIXTURES / "seeds" / "dateline_ap.txt", two)
    shutil.copy(FIXTURES / "curation" / "dateline_ap.yml", two)
    site = generate(two)
    for article in ("000_b2ab8aba2c0e3d24", "dateline_ap"):
        assert {f"articles/{article}/index.md", f"articles/{article}/source-notes.md"} <= set(site.pages)
    assert {"actors/ahmed-jassim/index.md", "actors/hisham-al-hashimi/index.md"} <= set(site.pages)
    # Readers reach both articles from the Articles page, which the navigation leads to ...
    listing = site.pages["articles/index.md"]
    assert "2 articles, newest first" in listing
    assert "](000_b2ab8aba2c0e3d24/index.md)" in listing and "](dateline_ap/index.md)" in listing
    sections = {title: target for entry in site.nav for title, target in entry.items()}
    assert sections["Articles"] == ["articles/index.md", {"Timeline": "timeline/index.md"}]
    # ... and the navigation names no article, so it is the same for one seed as for two.
    assert site.nav == generate(seeds).nav


def test_cli_reports_a_bad_curation_in_one_line(tmp_path):
    shutil.copy(FIXTURES / "seeds" / "dateline_ap.txt", tmp_path)
    (tmp_path / "dateline_ap.yml").write_text((FIXTURES / "curation" / "dateline_ap.yml").read_text().replace("key_points:", "keypoints:"))
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "generate", "--seeds", str(tmp_path), "--out", str(tmp_path / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    line = (tmp_path / "dateline_ap.yml").read_text().split("\n").index("keypoints:") + 1
    assert f"dateline_ap.yml:{line}: curation: unknown field 'keypoints'; did you mean 'key_points'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_uncurated_article_previews_but_is_not_published(tmp_path):
    shutil.copy(FIXTURES / "seeds" / "dateline_ap.txt", tmp_path)
    shutil.copy(FIRST_SEED, tmp_path)
    shutil.copy(FIRST_SEED.with_suffix(".yml"), tmp_path)
    page = generate(tmp_path).pages["articles/dateline_ap/index.md"]
    assert "**Awaiting review.**" in page and "Write dateline&#95;ap.yml" in page
    with pytest.raises(BriefingError) as caught:
        refuse_pending(load_corpus(tmp_path))
    lines = str(caught.value).splitlines()
    assert lines[0].endswith("holds articles awaiting review, so nothing is published:")
    assert lines[1:] == [f"{tmp_path / 'dateline_ap.yml'}: awaiting review; still to do: write dateline_ap.yml (make new writes a draft to start from)"]


def seeds_dir(tmp_path: Path, files: dict[str, bytes]) -> Path:
    directory = tmp_path / "seeds"
    directory.mkdir()
    for name, data in files.items():
        (directory / name).write_bytes(data)
    return directory


ARTICLE = (FIXTURES / "seeds" / "dateline_ap.txt").read_bytes()
CURATION = (FIXTURES / "curation" / "dateline_ap.yml").read_bytes()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        pytest.param({"a.txt": ARTICLE, "a.yml": CURATION, "b.txt": ARTICLE, "b.yml": CURATION}, "b.txt: has exactly the same bytes as a.txt", id="same-text-twice"),
        pytest.param(
            {"Mosul Report.txt": ARTICLE, "Mosul Report.yml": CURATION, "mosul-report.txt": ARTICLE + b"\n", "mosul-report.yml": CURATION},
            "would be published at the same address as Mosul Report.txt (articles/mosul-report/)",
            id="same-address",
        ),
        pytest.param({"a.txt": ARTICLE, "a.yml": CURATION, "notes.docx": b"x"}, "notes.docx: is not a seed (.txt or .html) or a curation file (.yml)", id="stray-file"),
        pytest.param({"a.txt": ARTICLE, "a.yml": CURATION, "b.yml": CURATION}, "b.yml: is a curation file without its seed b.txt", id="orphan-curation"),
        pytest.param({}, "holds no seed articles", id="no-seeds"),
        pytest.param({"page-2.txt": ARTICLE, "page-2.yml": CURATION}, "page-2.txt: would be published at articles/page-2/, an address the article index uses", id="reserved-address"),
        pytest.param(
            {"a.txt": ARTICLE, "a.yml": CURATION.replace(b"id: ahmed-jassim", b"id: page-3")},
            f"a.yml:{CURATION.splitlines().index(b'  - id: ahmed-jassim') + 1}: actor id 'page-3' is the address of a page of the actor list; choose another id",
            id="reserved-id",
        ),
    ],
)
def test_seed_directory_problems_are_named(tmp_path, files, message):
    with pytest.raises(BriefingError, match=re.escape(message)):
        generate(seeds_dir(tmp_path, files))


@pytest.mark.parametrize("name", ["Mosul Report", "Été à Bagdad", "report.v2.final", "UPPER"])
def test_unusual_file_names_build(tmp_path, name):
    site = generate(seeds_dir(tmp_path, {f"{name}.txt": ARTICLE, f"{name}.yml": CURATION, ".DS_Store": b"\0"}))
    (article_page,) = [p for p in site.pages if p.startswith("articles/") and p.endswith("/index.md") and p != "articles/index.md"]
    assert re.fullmatch(r"articles/[a-z0-9_-]+/index\.md", article_page)


def test_five_thousand_paragraphs_build(tmp_path):
    body = "".join(f"Paragraph number {n} of a very long report.\n\n" for n in range(1, 5001))
    article = ARTICLE.decode().replace("Related stories", body + "Related stories").encode()
    site = generate(seeds_dir(tmp_path, {"long.txt": article, "long.yml": CURATION}))
    assert "{: #p5003 .article-paragraph }" in site.pages["articles/long/index.md"]


def test_parse_command_prints_the_article_as_json(capsys):
    import json

    from scripts.__main__ import main

    assert main(["parse", str(FIRST_SEED)]) == 0
    article = json.loads(capsys.readouterr().out)
    assert set(article) == {"title", "outlet", "wire_service", "dateline", "byline", "published", "paragraphs", "removed"}
    assert article["title"] == "Iraq readies new strategy for fight against post-Mosul IS"
    assert article["outlet"] == "PanARMENIAN.Net"
    assert article["wire_service"] == "The Associated Press"
    assert article["published"] is None
    assert len(article["paragraphs"]) == 9
    assert article["paragraphs"][0].startswith("With the Islamic State group's")
    assert [r["kind"] for r in article["removed"]] == ["repeated headline", "outlet name", "website navigation"]
    assert [r["lines"] for r in article["removed"]] == [[3], [5], list(range(23, 30))]  # where in the seed


def test_parse_command_gives_a_dated_article_its_date(capsys):
    import json

    from scripts.__main__ import main

    assert main(["parse", str(FIXTURES / "corpus" / "dated_ap.txt")]) == 0
    published = json.loads(capsys.readouterr().out)["published"]
    assert set(published) == {"iso", "precision", "as_written"}
    assert published["precision"] in {"exact", "month"}


def test_parse_command_refuses_a_bad_file_with_the_builds_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = subprocess.run([sys.executable, "-m", "scripts", "parse", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ") and "bad.txt" in lines[0] and "binary data" in lines[0]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(bad, seeds / "bad.txt")
    build = subprocess.run([sys.executable, "-m", "scripts", "generate", "--seeds", str(seeds), "--out", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True)
    assert build.returncode == 1
    assert build.stderr.splitlines()[-1].split(": ", 2)[-1] == lines[0].split(": ", 2)[-1]  # the same message as the build


def test_parse_command_refuses_a_missing_file(tmp_path):
    result = subprocess.run([sys.executable, "-m", "scripts", "parse", str(tmp_path / "nowhere.txt")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "nowhere.txt: is not a file" in result.stderr
