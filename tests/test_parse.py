from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scripts.errors import ParseError
from scripts.parse import parse_bytes, parse_file

from .conftest import CHROME_LINES, FIRST_SEED, FIXTURES


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
    assert kinds == ["repeated headline", "outlet name", "website navigation"]
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
    assert [r.kind for r in article.removed] == ["website navigation"]
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
    assert [r.kind for r in article.removed] == ["outlet name", "website navigation"]


GOOD_BODY = "The first paragraph of the article, long enough to read as one.\n\nA second paragraph follows it.\n"
REJECTED = [
    pytest.param(b"", "is empty; a seed needs a title line", id="empty"),
    pytest.param(b"  \n\t\n\r\n", "is empty; a seed needs a title line", id="whitespace-only"),
    pytest.param(bytes(range(256)) * 8, "looks like binary data (it contains NUL bytes)", id="binary"),
    pytest.param(b"Title\n\n" + bytes(range(1, 32)) * 40, "looks like binary data (many control characters)", id="control-characters"),
    pytest.param(b"Only a title\n\n", "has a title but nothing after it", id="title-no-body"),
    pytest.param(b"Top stories\nAn unrelated headline\nAnother one\n", "starts with website navigation", id="only-chrome"),
    pytest.param(b"A title\n\nTop stories\nAn unrelated headline\n", "has a title but only website navigation after it", id="title-and-chrome"),
    pytest.param(("word " * 400_000).encode(), "characters long, not a headline; put the article's title on a line of its own", id="2MB-on-one-line"),
    pytest.param(b"Title\n\nBody \x81\x8d\x8f here.\n", "is neither UTF-8 nor Windows-1252 text", id="undecodable"),
]


@pytest.mark.parametrize(("data", "message"), REJECTED)
def test_unreadable_seeds_raise_one_clear_error(data, message):
    with pytest.raises(ParseError) as caught:
        parse_bytes(data, Path("seeds/bad.txt"))
    text = str(caught.value)
    assert text.startswith("seeds/bad.txt")
    assert message in text
    assert "\n" not in text


def test_windows_1252_is_read_and_noted():
    data = "Iraq\u2019s plan\n\n\u201cWe are ready,\u201d an official said \u2014 in Baghdad.\n".encode("cp1252")
    article = parse_bytes(data, Path("seeds/cp1252.txt"))
    assert article.title == "Iraq\u2019s plan"
    assert article.paragraphs[0].text == "\u201cWe are ready,\u201d an official said \u2014 in Baghdad."
    assert article.reading_notes == ("The seed is not UTF-8; it was read as Windows-1252, the encoding its bytes fit.",)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(("\ufeffA title\n\n" + GOOD_BODY).encode(), id="byte-order-mark"),
        pytest.param(("A title\r\n\r\n" + GOOD_BODY.replace("\n", "\r\n")).encode(), id="windows-line-endings"),
        pytest.param(("A title\r\r" + GOOD_BODY.replace("\n", "\r")).encode(), id="old-mac-line-endings"),
        pytest.param(("A\ttitle\n\n" + GOOD_BODY.replace(" ", "\t", 3)).encode(), id="tabs"),
        pytest.param(("A\u00a0title\n\n" + GOOD_BODY.replace(" ", "\u00a0", 3)).encode(), id="non-breaking-spaces"),
    ],
)
def test_layout_variants_read_the_same(data):
    article = parse_bytes(data, Path("seeds/variant.txt"))
    assert article.title == "A title"
    assert [p.text for p in article.paragraphs] == [
        "The first paragraph of the article, long enough to read as one.",
        "A second paragraph follows it.",
    ]
    assert article.reading_notes == ()


def test_right_to_left_text_is_kept():
    data = "\u0647\u0634\u0627\u0645 \u0627\u0644\u0647\u0627\u0634\u0645\u064a\n\nHisham al-Hashimi (\u0647\u0634\u0627\u0645 \u0627\u0644\u0647\u0627\u0634\u0645\u064a) is an analyst.\n"
    article = parse_bytes(data.encode(), Path("seeds/rtl.txt"))
    assert article.title == "\u0647\u0634\u0627\u0645 \u0627\u0644\u0647\u0627\u0634\u0645\u064a"
    assert "(\u0647\u0634\u0627\u0645" in article.paragraphs[0].text


def test_five_thousand_short_paragraphs():
    data = ("Title\n\n" + "".join(f"Paragraph number {n}.\n\n" for n in range(1, 5001))).encode()
    article = parse_bytes(data, Path("seeds/long.txt"))
    assert len(article.paragraphs) == 5000
    assert article.paragraphs[-1].id == "p5000"
    assert article.paragraphs[-1].line == 2 * 5000 + 1


@pytest.mark.parametrize(
    ("name", "seed_id"),
    [
        ("000_b2ab8aba2c0e3d24.txt", "000_b2ab8aba2c0e3d24"),
        ("Mosul Report.txt", "mosul-report"),
        ("Été à Bagdad.txt", "ete-a-bagdad"),
        ("report.v2.final.txt", "report-v2-final"),
    ],
)
def test_file_names_become_safe_addresses(name, seed_id):
    article = parse_bytes(b"A title\n\nSome text here.\n", Path("seeds") / name)
    assert article.seed_id == seed_id


def test_a_name_with_no_usable_letters_gets_a_content_address():
    article = parse_bytes(b"A title\n\nSome text here.\n", Path("seeds/\u0628\u063a\u062f\u0627\u062f.txt"))
    assert article.seed_id == "article-" + article.sha256[:12]


def test_inline_advertising_labels_are_dropped_without_losing_text():
    data = b"A title\n\nFirst paragraph of the story.\n\nAdvertisement\n\nSecond paragraph of the story.\n"
    article = parse_bytes(data, Path("seeds/ad.txt"))
    assert [p.text for p in article.paragraphs] == ["First paragraph of the story.", "Second paragraph of the story."]
    assert [(r.kind, r.description) for r in article.removed] == [("advertising labels", "1 advertising or sharing label inside the text")]


@pytest.mark.parametrize(
    ("line", "iso", "precision"),
    [
        ("June 14, 2017", "2017-06-14", "exact"),
        ("14 June 2017", "2017-06-14", "exact"),
        ("2017-06-14", "2017-06-14", "exact"),
        ("Published: Wednesday, June 14, 2017 10:32 AM GMT", "2017-06-14", "exact"),
        ("Sept. 3, 2016", "2016-09-03", "exact"),
        ("June 2017", "2017-06", "month"),
    ],
)
def test_a_printed_date_under_the_headline_is_read_with_its_precision(line, iso, precision):
    article = parse_bytes(f"Headline\n\n{line}\n\nBy Jane Roe\n\nFirst paragraph of the story.\n".encode(), Path("dated.txt"))
    assert (article.published.iso, article.published.precision, article.published.as_written) == (iso, precision, line)
    assert article.byline == "Jane Roe"
    assert [p.text for p in article.paragraphs] == ["First paragraph of the story."]


@pytest.mark.parametrize("line", ["February 30, 2017", "Iraq 2017", "In June 2017 the army moved."])
def test_a_line_that_is_not_only_a_date_stays_text(line):
    article = parse_bytes(f"Headline\n\n{line}\n\nFirst paragraph.\n".encode(), Path("undated.txt"))
    assert article.published is None
    assert article.paragraphs[0].text == line


def test_first_seed_parses_exactly_as_pinned(seed):
    import json

    pinned = json.loads((FIXTURES / "seeds" / "000_b2ab8aba2c0e3d24.parsed.json").read_text(encoding="utf-8"))
    assert seed.title == pinned["title"]
    assert (seed.outlet, seed.wire_service, seed.dateline, seed.byline, seed.published) == (
        pinned["outlet"], pinned["wire_service"], pinned["dateline"], pinned["byline"], pinned["published"]
    )
    assert [[p.number, p.line, p.text] for p in seed.paragraphs] == pinned["paragraphs"]
    assert [[r.kind, r.description, r.lines, r.characters] for r in seed.removed] == pinned["removed"]


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, the army hopes to hand most cities to the police.",
        "By Monday, officials had left the city.",
        "An AP reporter saw the convoy leave on June 14, 2017, before dawn.",
        "ISIS - the group the army fought for three years - has lost its last town.",
        "Register of voters was updated last week, officials said.",
        "Home, for many families, is still a tent.",
        "Reuters reported that the talks would resume.",
        "The photo, taken by a resident, was shared widely.",
        "Register now, officials urged the voters.",
        "Only $1 million was spent on the project.",
        "Share prices in Baghdad rose on the news.",
        "Loading trucks with grain took three days.",
        "Two days ago, the army announced the plan.",
        "Sunday, June 4, 2017, was a quiet day.",
        "Reuters could not independently verify the claim.",
    ],
)
def test_body_sentences_that_look_like_furniture_stay(line):
    data = f"Headline of the story\n\n{line}\n\nSecond paragraph of the story.\n".encode()
    article = parse_bytes(data, Path("seeds/precision.txt"))
    assert [p.text for p in article.paragraphs] == [line, "Second paragraph of the story."]
    assert article.dateline is None
    assert article.removed == ()


def test_paragraphs_separated_by_single_newlines():
    data = b"Headline\nFirst paragraph ends here.\nSecond paragraph ends here.\n\n\n\nThird one.\n"
    article = parse_bytes(data, Path("seeds/single.txt"))
    assert [p.text for p in article.paragraphs] == ["First paragraph ends here.", "Second paragraph ends here.", "Third one."]
    assert [p.line for p in article.paragraphs] == [2, 3, 7]


def test_removed_lines_are_named():
    data = b"Headline\n\nLoading...\n\nFirst paragraph.\n\n1 of 6\n\nSecond paragraph.\n"
    article = parse_bytes(data, Path("seeds/lines.txt"))
    assert [(r.kind, r.line_numbers, r.where) for r in article.removed] == [
        ("loader text", (3,), "line 3"),
        ("gallery counters and reading time", (7,), "line 7"),
    ]


def test_the_headline_is_the_line_the_furniture_surrounds():
    data = (
        b"Skip to main content\nHome > World > Middle East\nWORLD\n"
        b"A convoy of aid trucks reaches Tal Afar\nA convoy of aid trucks reaches Tal Afar\nBy Rana Said\n\n"
        b"Twenty trucks carrying flour and medicine reached Tal Afar on Monday, aid workers said.\n"
    )
    article = parse_bytes(data, Path("seeds/furniture.txt"))
    assert article.title == "A convoy of aid trucks reaches Tal Afar"
    assert article.byline == "Rana Said"
    assert [p.text for p in article.paragraphs] == ["Twenty trucks carrying flour and medicine reached Tal Afar on Monday, aid workers said."]
    assert [(r.kind, r.line_numbers) for r in article.removed] == [
        ("loader text", (1,)),
        ("navigation", (2, 3)),
        ("repeated headline", (5,)),
    ]


def test_an_all_caps_headline_is_still_the_headline():
    article = parse_bytes(b"IRAQ OPENS BORDER CROSSING WITH SYRIA\n\nThe crossing opened on Monday.\n", Path("seeds/caps.txt"))
    assert article.title == "IRAQ OPENS BORDER CROSSING WITH SYRIA"
