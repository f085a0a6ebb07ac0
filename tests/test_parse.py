from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scripts.errors import ParseError
from scripts.parse import parse_bytes, parse_file

from .conftest import FIRST_SEED, FIXTURES

CHROME_LINES = [
    "Authorities said a total of 192 Azerbaijani troops",
    "Azerbaijani government will increase",
    "unreasonably broad interpretation",
    "The earthquake caused a temporary blackout",
    "Partner news",
    "Top stories",
]


@pytest.fixture(scope="module")
def seed():
    return parse_file(FIRST_SEED)


def test_first_seed_metadata(seed):
    assert seed.title == "Iraq readies new strategy for fight against post-Mosul IS"
    assert seed.outlet == "PanARMENIAN.Net"
    assert seed.wire_service == "The Associated Press"
    assert seed.sha256 == "b4b5310c4f98329e8fe7812f9329d94518b55ad0f0ceae331c31a16c0660f2c8"
    assert seed.sha256 == hashlib.sha256(FIRST_SEED.read_bytes()).hexdigest()


def test_first_seed_paragraphs_are_the_article_only(seed):
    assert [p.id for p in seed.paragraphs] == [f"p{n}" for n in range(1, 10)]
    assert seed.paragraphs[0].text.startswith("With the Islamic State group's")  # outlet prefix removed
    assert seed.paragraphs[-1].text.endswith("patrolling the border, the officials said.")
    assert seed.paragraphs[0].line == 5
    body = " ".join(p.text for p in seed.paragraphs)
    assert seed.title not in body  # the repeated title line is not a paragraph
    for chrome in CHROME_LINES:
        assert chrome not in body
    assert "---" not in body


def test_removed_material_is_described_not_repeated(seed):
    kinds = [r.kind for r in seed.removed]
    assert kinds == ["repeated title", "outlet prefix", "page chrome"]
    chrome = seed.removed[-1]
    assert "2 section headings" in chrome.description
    assert "4 unrelated headlines" in chrome.description
    assert "1 separator line" in chrome.description
    assert chrome.lines == 7
    for removed in seed.removed:
        for text in CHROME_LINES:
            assert text not in removed.description


def test_quotation_with_speaker(seed):
    assert len(seed.quotations) == 1  # "caliphate" is a scare quote, not a quotation
    quote = seed.quotations[0]
    assert quote.paragraph == 6
    assert quote.text.startswith("Tough days await")
    assert quote.speaker == "Hisham al-Hashimi"
    assert quote.speaker_description == "an Iraqi security analyst"
    assert quote.verb == "predicted"


def test_dateline_layout():
    article = parse_file(FIXTURES / "seeds" / "dateline_ap.txt")
    assert article.dateline == "BAGHDAD"
    assert article.wire_service == "The Associated Press"
    assert article.outlet is None
    assert article.paragraphs[0].text.startswith("Iraqi commanders are moving troops")
    assert len(article.paragraphs) == 3
    assert [r.kind for r in article.removed] == ["page chrome"]
    assert "Flooding" not in " ".join(p.text for p in article.paragraphs)
    (quote,) = article.quotations
    assert quote.text == "We will not let them cross again"
    assert quote.speaker == "Col. Ahmed Jassim"
    assert quote.speaker_description == "a border guard commander"


def test_byline_layout():
    article = parse_file(FIXTURES / "seeds" / "byline.txt")
    assert article.byline == "Jane Doe and Omar Ali"
    assert article.wire_service == "Reuters"
    assert len(article.paragraphs) == 2
    assert article.removed == ()
    (quote,) = article.quotations
    assert quote.speaker is None  # "a ministry spokesman" is not a name


def test_hard_wrapped_text_without_chrome():
    article = parse_file(FIXTURES / "seeds" / "no_chrome.txt")
    assert article.title == "Iraq weighs new approach to insurgency"
    assert len(article.paragraphs) == 2
    assert "rather than armoured columns." in article.paragraphs[0].text
    assert article.removed == ()
    assert article.wire_service is None


def test_windows_line_endings():
    path = FIXTURES / "seeds" / "crlf.txt"
    assert b"\r\n" in path.read_bytes()
    article = parse_file(path)
    assert article.title == "Two paragraphs with Windows line endings"
    assert article.outlet == "Outlet.com"
    assert [p.text for p in article.paragraphs] == [
        "The first paragraph ends here, officials said.",
        "The second paragraph ends here, with “curly quotes” inside.",
    ]
    assert all("\r" not in p.text for p in article.paragraphs)
    assert [r.kind for r in article.removed] == ["outlet prefix", "page chrome"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"Only a title\n\n", "no article text"),
        (b"Title\n\nBody \xff\xfe here.\n", "is not UTF-8"),
    ],
)
def test_unreadable_seeds_raise_one_clear_error(data, message):
    with pytest.raises(ParseError) as caught:
        parse_bytes(data, Path("seeds/bad.txt"))
    text = str(caught.value)
    assert text.startswith("seeds/bad.txt")
    assert message in text
    assert "\n" not in text
