"""Checks that a statement says what its quotes say: type against voice, hedges kept, plans and forecasts cued."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup

from scripts import curation, faithfulness
from scripts.attribution import REPORTING
from scripts.briefing import Evidence, Statement
from scripts.errors import CurationError
from scripts.loading import load_entry
from scripts.parse import parse_file

from .conftest import FIRST_SEED, FIXTURES, edited, line_of, mkdocs_build, project_copy

SEED = FIXTURES / "faithfulness" / "checkpoint.txt"
GOOD = FIXTURES / "faithfulness" / "checkpoint.yml"
NAMES = {REPORTING: "The wire's own reporting", "officials": "The officials"}


@pytest.fixture(scope="module")
def article():
    return parse_file(SEED)


def statement(text: str, kind: str, *sources: str) -> Statement:
    return Statement(text, kind, tuple(Evidence("q", source=s) for s in sources or (REPORTING,)))  # type: ignore[arg-type]


def messages(s: Statement, *passages: str) -> list[tuple[bool, str]]:
    return [(f.error, f.message) for f in faithfulness.check(s, list(passages), NAMES)]


def test_the_good_fixture_and_the_first_seed_raise_no_warning(article):
    assert curation.load(GOOD, article).warnings == ()
    assert load_entry(FIRST_SEED).warnings == ()


def test_a_reported_fact_resting_on_attributed_words_is_an_error(article, tmp_path):
    path = edited(tmp_path, GOOD, "  text: Border guards will likely add night patrols near Rutba, the province's governor says.\n  type: forecast", "  text: Border guards will likely add night patrols near Rutba, the province's governor says.\n  type: reported fact")
    with pytest.raises(CurationError) as caught:
        curation.load(path, article)
    assert caught.value.line == line_of(path, "type: reported fact") - 1
    assert "typed 'reported fact' but its quote is the words of The provincial governor, not the article's own" in str(caught.value)
    assert "type it 'attributed claim'" in str(caught.value)


def test_a_dropped_hedge_is_a_warning_with_file_and_line(article, tmp_path):
    path = edited(tmp_path, GOOD, "text: The patrols are designed to stop smugglers who seemingly use the road after dark.", "text: The patrols are designed to stop the smugglers who use the road after dark.")
    (warning,) = curation.load(path, article).warnings
    assert warning.line == line_of(path, "stop the smugglers who use the road")
    assert str(warning).endswith('the quote hedges ("seemingly") but the statement says it flatly; keep the hedge in the statement\'s words')
    assert f"{GOOD.name}:{warning.line}: plan \"The patrols are designed" in str(warning)


@pytest.mark.parametrize(
    ("kind", "sources", "passage", "text", "expected"),
    [
        pytest.param("plan", (), "A checkpoint on the road was closed last year", "The road's checkpoint closed.", "typed 'plan' but no quote speaks of a plan", id="plan-without-plan"),
        pytest.param("plan", (), "the army plans to build watchtowers", "The army plans watchtowers.", None, id="plan-with-plan"),
        pytest.param("forecast", ("officials",), "The immediate priority for Iraqi officials is to limit the number of militants", "Officials will limit escapes.", "typed 'forecast' but no quote looks ahead", id="priority-typed-forecast"),
        pytest.param("forecast", (), "the military will likely be able to mop up", "The military will likely mop up.", None, id="forecast-with-future"),
        pytest.param("forecast", (), "the military will likely be able to mop up", "The military will mop up.", 'the quote hedges ("likely")', id="likely-dropped"),
        pytest.param("reported fact", (), "a cohesive, if eroding, stretch of territory", "A cohesive stretch of territory.", 'the quote hedges ("if")', id="if-eroding-dropped"),
        pytest.param("reported fact", (), "a cohesive, if eroding, stretch of territory", "A cohesive, if eroding, stretch.", None, id="if-eroding-kept"),
        pytest.param("attributed claim", ("officials",), "the militants are laying the groundwork for a strategy", "The militants are turning to crime.", 'the quote hedges ("laying the groundwork")', id="groundwork-dropped"),
        pytest.param("attributed claim", (), "The new strategy is designed to counter", "The strategy counters it, officials say.", "typed 'attributed claim' but its quotes are The wire's own reporting", id="claim-on-own-reporting"),
        pytest.param("reported fact", ("officials",), "the officials said", "Officials spoke.", "typed 'reported fact' but its quote is the words of The officials", id="fact-on-attributed-words"),
    ],
)
def test_each_check(kind, sources, passage, text, expected):
    found = messages(statement(text, kind, *sources), passage)
    if expected is None:
        assert found == []
    else:
        assert [m for _, m in found if expected in m], found
        assert all(error == (kind == "reported fact" and bool(sources)) for error, m in found if expected in m)


@pytest.mark.site
def test_warnings_are_listed_by_the_build_and_on_the_review_page_without_failing_it(tmp_path):
    curation_text = GOOD.read_text().replace("who seemingly use the road after dark.\n    type: plan", "who use the road after dark.\n    type: plan")
    project = project_copy(tmp_path / "project", {"checkpoint.txt": SEED.read_bytes(), "checkpoint.yml": curation_text.encode()})
    result = mkdocs_build(tmp_path / "site", cwd=project, env={"BRIEFING_PUBLISH": "1"})
    assert result.returncode == 0, result.stderr
    line = next(n for n, text in enumerate(curation_text.splitlines(), start=1) if "smugglers who use the road after dark" in text)
    assert f"WARNING -  seeds/checkpoint.yml:{line}: plan " in result.stderr
    review = BeautifulSoup((tmp_path / "site" / "review" / "index.html").read_text(), "html.parser")
    items = [li.get_text() for li in review.select("article li")]
    assert any(item.startswith(f"Line {line}: plan") and 'the quote hedges ("seemingly")' in item for item in items), items


def test_a_bottom_line_over_forty_words_is_refused(article, tmp_path):
    clause = "    type: forecast\n    evidence: [Border guards will likely add night patrols]\n"
    long = "bottom_line:\n" + "".join(f"  - text: Border guards will likely add patrols near Rutba, clause {n}.\n{clause}" for n in range(5))
    path = edited(tmp_path, GOOD, "key_points:\n", long + "key_points:\n")
    with pytest.raises(CurationError) as caught:
        curation.load(path, article)
    assert caught.value.line == line_of(path, "clause 0.")
    assert "bottom_line: 50 words; a reader should have the gist in 40 words or fewer" in str(caught.value)
    path.write_text(path.read_text().replace(" near Rutba, clause", " clause"), encoding="utf-8")
    assert len(curation.load(path, article).curation.bottom_line) == 5  # 40 words: accepted


def test_the_review_page_is_split_like_every_list_that_grows(article):
    from scripts import corpus
    from scripts.briefing import Pending
    from scripts.render import PER_PAGE, render_site

    pending = [
        Pending(dataclasses.replace(article, seed_id=f"a{n:03d}", path=article.path.with_name(f"a{n:03d}.txt")), None, f"a{n:03d}.yml")
        for n in range(45)
    ]
    pages = render_site(corpus.build(pending)).pages
    split = sorted(p for p in pages if p.startswith("review/"))
    assert split == ["review/index.md", "review/page-2.md", "review/page-3.md"]
    assert [pages[p].count("awaiting review</span>") for p in split] == [PER_PAGE["review"], PER_PAGE["review"], 5]
