"""Scraped pages in many outlets' layouts: every fixture parses as its expectation file says."""

from __future__ import annotations

import json

import pytest

from scripts.parse import parse_file
from tests.tools.intake import FIXTURES, check, fixtures, summary


@pytest.mark.parametrize("path", fixtures(), ids=lambda p: p.stem)
def test_fixture_parses_as_expected(path):
    result = check(path)
    assert result.problems == []


def test_every_fixture_has_an_expectation():
    assert len(fixtures()) >= 20
    for path in fixtures():
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        assert {"title", "title_line", "paragraphs", "furniture_lines", "dateline", "byline", "wire_service", "published"} <= set(expected)


def test_removed_furniture_is_listed_by_kind_with_lines_never_reproduced():
    for path in fixtures():
        article = parse_file(path)
        lines = path.read_text(encoding="utf-8").split("\n")
        for removed in article.removed:
            assert removed.line_numbers, (path.stem, removed.kind)
            for n in removed.line_numbers:
                text = lines[n - 1].strip()
                if len(text) > 12:
                    assert text not in removed.description


def test_caption_agency_is_not_the_wire_service():
    article = parse_file(FIXTURES / "captions.txt")
    assert article.wire_service is None


def test_sign_off_is_metadata_off_the_text():
    article = parse_file(FIXTURES / "inline.txt")
    assert article.credits == "Reporting by Hadi Rami; Additional reporting by Lena Stavros; Editing by Tom Price"
    assert article.paragraphs[-1].text.endswith("in March.")
    assert "[n" not in article.paragraphs[0].text
    assert [r.kind for r in article.removed] == ["sign-off", "wire story codes"]


def test_summary_line_format():
    line = summary([check(path) for path in fixtures()])
    assert line.startswith(f"intake: {len(fixtures())} articles, titles ")
    assert ", furniture kept 0 of " in line
