"""The editor has the last word on a seed's layout: a curation's `intake` sets the headline and marks
lines as page furniture or as article text; a mark the seed cannot take is one line naming the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.article import LineMarks, MarkError
from scripts.errors import CurationError
from scripts.loading import load_corpus
from scripts.parse import parse_text

from .conftest import FIXTURES

SEED = FIXTURES / "faithfulness" / "checkpoint.txt"
CURATION = FIXTURES / "faithfulness" / "checkpoint.yml"
# The rules take the first line for the headline and the caption-like line for a caption.
MISREAD = (
    "Regional news\n\n"
    "Night patrols begin on the desert road\n\n"
    "Guards began night patrols on Tuesday, the governor said.\n\n"
    "A guard checks a truck at the post on the first night. (AP Photo/Staff)\n\n"
    "Comments are closed.\n"
)


def test_marks_set_the_headline_and_which_lines_are_text():
    plain = parse_text(MISREAD, Path("x.txt"))
    assert [p.text for p in plain.paragraphs][-1] == "Comments are closed."
    assert not any("A guard checks" in p.text for p in plain.paragraphs)  # read as a photo caption
    marked = parse_text(MISREAD, Path("x.txt"), marks=LineMarks(headline=3, furniture=frozenset({9}), body=frozenset({7})))
    assert marked.title == "Night patrols begin on the desert road"
    assert [p.text for p in marked.paragraphs] == [
        "Guards began night patrols on Tuesday, the governor said.",
        "A guard checks a truck at the post on the first night. (AP Photo/Staff)",
    ]
    by_kind = {r.kind: r.line_numbers for r in marked.removed}
    assert by_kind["marked by the editor"] == (9,)
    assert 1 in by_kind["page header"]  # the line above the headline the editor named


@pytest.mark.parametrize(
    ("marks", "message"),
    [
        (LineMarks(furniture=frozenset({40})), "line 40 is outside the seed, which has 9 lines"),
        (LineMarks(headline=2), "headline: line 2 of the seed is blank"),
        (LineMarks(furniture=frozenset({5}), body=frozenset({5})), "line 5 is marked both as furniture and as article text"),
    ],
)
def test_a_mark_the_seed_cannot_take_is_refused(marks, message):
    with pytest.raises(MarkError, match=message):
        parse_text(MISREAD, Path("x.txt"), marks=marks)


def seeds_with(tmp_path: Path, intake: str) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / "checkpoint.txt")
    (seeds / "checkpoint.yml").write_text(CURATION.read_text(encoding="utf-8") + intake, encoding="utf-8")
    return seeds


def test_a_curation_marks_its_seed_and_the_source_notes_say_so(tmp_path):
    seeds = seeds_with(tmp_path, "intake:\n  furniture: ['9']\n")
    (entry,) = load_corpus(seeds).entries
    assert [p.number for p in entry.article.paragraphs] == [1, 2, 3]  # the closing line is no longer text
    (editor,) = [r for r in entry.article.removed if r.kind == "marked by the editor"]
    assert editor.line_numbers == (9,) and editor.where == "line 9"


@pytest.mark.parametrize(
    ("intake", "message"),
    [
        ("intake:\n  furniture: ['9-40']\n", "intake: line 10 is outside the seed, which has 9 lines"),
        ("intake:\n  body: ['7 to 9']\n", "intake.body: '7 to 9' is not a line or a range of lines; write '12' or '12-15'"),
        ("intake:\n  headline: first\n", "intake.headline: 'first' is not a line number"),
    ],
)
def test_a_bad_intake_is_one_line_naming_the_curation_and_its_line(tmp_path, intake, message):
    seeds = seeds_with(tmp_path, intake)
    with pytest.raises(CurationError) as caught:
        load_corpus(seeds)
    line = next(n for n, text in enumerate((seeds / "checkpoint.yml").read_text().splitlines(), start=1) if text.startswith("intake:")) + 1
    assert message in str(caught.value) and caught.value.path.name == "checkpoint.yml"
    assert caught.value.line == line and "\n" not in str(caught.value)


def test_a_saved_page_takes_no_line_marks(tmp_path):
    curation = FIXTURES / "webpage" / "dam_patrols.yml"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "webpage" / "dam_patrols.html", seeds / "dam_patrols.html")
    (seeds / "dam_patrols.yml").write_text(curation.read_text(encoding="utf-8") + "intake:\n  furniture: ['3']\n", encoding="utf-8")
    with pytest.raises(CurationError, match="a saved web page has no lines to mark; delete 'intake'"):
        load_corpus(seeds)
