"""A wire copy's draft starts from the original's curation: quotes re-located, changes and gaps marked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import carryover, curation, draft
from scripts.briefing import Pending
from scripts.loading import load_corpus
from scripts.seeds import read_file
from tests.tools import effort

from .conftest import FIRST_SEED, FIXTURES

COPY = FIXTURES / "effort" / "copy.txt"  # the first seed's story as another outlet reprinted it
INDEPENDENT = FIXTURES / "draft" / "border_outposts.txt"


@pytest.fixture
def copy_draft(seeds: Path) -> str:
    _, written = draft.add_seed(COPY, seeds)
    return written.read_text(encoding="utf-8")


def test_the_original_of_a_copy_is_found_among_curated_articles(seeds):
    original = carryover.find_original(read_file(COPY), draft.curated_articles(seeds))
    assert original is not None and original.curation_path.name == curation.curation_path(FIRST_SEED).name
    assert original.containment >= 0.5
    assert carryover.find_original(read_file(INDEPENDENT), draft.curated_articles(seeds)) is None


def test_quotes_the_copy_keeps_are_carried_over_as_written(copy_draft):
    original = curation.curation_path(FIRST_SEED).read_text(encoding="utf-8")
    kept = "- The new strategy is designed to counter an expected move by the Islamic State group away from holding territory"
    assert kept in original and kept in copy_draft
    assert "status: draft" in copy_draft and "intake:" not in copy_draft
    assert "# Curation for 000_" not in copy_draft  # the original's own opening notes describe the original


def test_a_reworded_quote_is_replaced_by_the_copys_words_with_the_original_beside_it(copy_draft):
    lines = copy_draft.splitlines()
    at = next(i for i, line in enumerate(lines) if "- The militants are already laying the groundwork" in line and "officials said." in line)
    assert lines[at - 1].strip().startswith('# CHANGED in this copy; the original read: "Already, the militants are laying the groundwork')
    assert "staging attacks in Iraq and abroad and resorting to organised crime to fund operations" in lines[at]


def test_quotes_the_copy_cut_are_taken_out_and_named(copy_draft):
    lines = copy_draft.splitlines()
    role = next(i for i, line in enumerate(lines) if "They described the planning in interviews with The Associated Press." in line)
    assert lines[role + 2].strip().startswith('# NOT IN THIS COPY: "described the planning in interviews with The Associated Press"')
    assert lines[role + 3].strip() == "evidence: []"
    # A key point or a source note with none of its quotes left is taken out whole, kept as a comment.
    assert "# NOT IN THIS COPY: none of this entry's quotes is in the copy (\"They spoke on condition of anonymity" in copy_draft
    assert "    # | - text: The officials are not named" in copy_draft


def test_only_the_copys_added_paragraph_is_listed_for_curating(copy_draft):
    listed = copy_draft.split("# Paragraphs only this copy has", 1)[1]
    assert "¶7: Tigris Daily carries this report" in listed
    assert "¶9" not in listed and "¶10" not in listed  # the original's last paragraph, split in two: not new text


def test_texts_that_describe_the_original_are_flagged(copy_draft):
    lines = copy_draft.splitlines()
    named = next(i for i, line in enumerate(lines) if "PanARMENIAN.Net credits the report" in line)
    assert lines[named - 1].strip() == "- text: >-" and "# CHECK: it names PanARMENIAN.Net" in lines[named - 2]


def test_the_draft_is_previewed_as_awaiting_review_with_what_is_left(seeds, copy_draft):
    corpus = load_corpus(seeds)
    (pending,) = [e for e in corpus.entries if isinstance(e, Pending)]
    todo = pending.still_to_do()
    assert "give evidence to 6 statements (evidence: [])" in todo and todo[-1] == "delete the line 'status: draft'"


def test_an_editor_finishes_the_copy_in_a_few_lines(tmp_path):
    measured = effort.measure(FIRST_SEED.parent, tmp_path)  # also builds the finished curation with the seeds
    assert measured.written <= 30, measured
    assert measured.finished_lines > 500  # the curation an editor would otherwise write from the leads


def test_an_independent_report_gets_leads_not_a_carried_over_curation(seeds):
    _, written = draft.add_seed(INDEPENDENT, seeds)
    text = written.read_text(encoding="utf-8")
    assert "candidates:" in text and "CHANGED" not in text and "summary:" not in text


def test_a_passage_stands_in_only_for_a_quote_it_keeps_most_of():
    copy = read_file(COPY)
    assert carryover._standing_in(copy, "Already, the militants are laying the groundwork for a strategy of hiding in remote areas") == (
        "The militants are already laying the groundwork for a strategy of hiding in remote areas"
    )
    assert carryover._standing_in(copy, "Six officials described the planning in interviews with reporters in Baghdad last week") is None


@pytest.fixture(scope="module")
def story_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The first seed with its finished reprint: two copies of one wire story, both curated."""
    from scripts.generate import generate

    directory = tmp_path_factory.mktemp("story") / "seeds"
    directory.mkdir()
    shutil.copy(FIRST_SEED, directory)
    shutil.copy(curation.curation_path(FIRST_SEED), directory)
    seed, _ = draft.add_seed(COPY, directory)
    shutil.copy(effort.FINISHED, curation.curation_path(seed))
    return generate(directory).pages


def test_copies_of_one_story_are_one_section_on_an_actor_page(story_site):
    page = story_site["actors/islamic-state/index.md"]
    assert "Named in 2 copies of one wire story, shown once." in page
    assert page.count("Who {") == 1 and page.count("Also published by") == 1
    same = [line for line in page.splitlines() if line.startswith('<p class="also-in"')]
    assert same and all("The same in [Iraq turns to intelligence and airstrikes for the fight after Mosul]" in line for line in same)
    assert 'id="in-001_' in page  # the copy's own anchor, which its article page links to


def test_a_copy_that_says_it_differently_is_shown_in_its_own_words(story_site):
    page = story_site["actors/associated-press/index.md"]
    assert "says it differently:" in page
    assert "It interviewed the six officials" in page and "Tigris Daily credits the article's reporting to it." in page


def test_the_timeline_lists_a_story_once_and_names_its_other_copies(story_site):
    timeline = story_site["timeline/index.md"]
    assert timeline.count("**[Iraq readies new strategy for fight against post-Mosul IS]") == 1
    assert "**[Iraq turns to intelligence" not in timeline
    assert "the same wire story as [Iraq turns to intelligence and airstrikes for the fight after Mosul]" in timeline


def test_the_wire_comparison_shows_splits_and_house_style_apart(story_site):
    notes = next(text for path, text in story_site.items() if path.startswith("articles/001_") and path.endswith("source-notes.md"))
    assert "- **Split** ¶9 of the other copy is [¶9](" in notes and "word for word" in notes
    assert "House style only" in notes and "“neighbouring” for “neighboring”" in notes
    assert "**Reworded** [¶6]" not in notes  # a paragraph only restyled is no rewording
