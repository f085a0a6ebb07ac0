"""Who says which words: the rules that propose an article's attribution for a new draft."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from scripts.article import Article
from scripts.parse import parse_file, parse_text
from scripts.speech import QUOTATION_CUE, ProposedVoice, propose

from .conftest import FIRST_SEED

# Invented articles: short, and each sentence written to exercise one rule.
DAM = """Dam repairs move ahead in the valley

KIRKUK (AP) — Engineers finished the first stage of the dam repairs this week, The Associated Press said.

The new pumps will be installed before the spring floods, water ministry officials said.

Farmers downstream are worried about the cost of the work, they said. Longer term, they said, the canals will need new gates.

"The river will be tamed before the harvest begins," predicted Leila Haddad, a hydrologist at the university.

Money for the second stage has not been approved yet, according to Omar Farouk.

The work crews rest on Fridays and start again at dawn.
"""

MORE = """Bridge reopens to trucks

Valley.News - The old bridge reopened to heavy trucks on Monday, Valley.News said.

The repaired deck can carry twice the old load, they said.

Samir Aziz, the engineer in charge of the site, said the steel beams came from a plant in Basra.

The toll will be dropped after the first month, said Nadia Karim, the provincial transport director.

Nadia Karim said: "We want farmers to reach the markets without paying twice."

What the drivers said about the detour was not printed. The drivers were told to be patient.

Traffic will be counted every hour, the transport officials told reporters. The counts go online weekly, she said.
"""


def article(text: str) -> Article:
    return parse_text(text, Path("invented.txt"))


def spans(found: Article) -> list[tuple[int, str, str, str]]:
    """Each proposal as (paragraph, speaker, cue, the words it points at)."""
    return [(v.paragraph, v.speaker, v.cue, found.paragraph(v.paragraph).text[v.start : v.end]) for v in propose(found)]


def by_paragraph(found: Article) -> dict[int, list[ProposedVoice]]:
    result: dict[int, list[ProposedVoice]] = {}
    for voice in propose(found):
        result.setdefault(voice.paragraph, []).append(voice)
    return result


@pytest.fixture(scope="module")
def dam() -> Article:
    return article(DAM)


@pytest.fixture(scope="module")
def more() -> Article:
    return article(MORE)


def test_a_said_clause_at_the_end_gives_the_whole_sentence(dam):
    assert (
        2,
        "water ministry officials",
        "said",
        "The new pumps will be installed before the spring floods, water ministry officials said.",
    ) in spans(dam)


def test_they_said_goes_to_the_previous_speaker(dam):
    third = [(speaker, words) for number, speaker, _, words in spans(dam) if number == 3]
    assert third == [
        ("water ministry officials", "Farmers downstream are worried about the cost of the work, they said."),
        ("water ministry officials", "Longer term, they said, the canals will need new gates."),
    ]


def test_according_to_gives_the_whole_sentence(dam):
    assert (
        5,
        "Omar Farouk",
        "according to",
        "Money for the second stage has not been approved yet, according to Omar Farouk.",
    ) in spans(dam)


def test_a_quotation_gives_only_the_quoted_words(dam):
    (quoted,) = [entry for entry in spans(dam) if entry[0] == 4]
    # The closing comma is inside the marks; "predicted Leila Haddad, a hydrologist …" is the reporting.
    assert quoted == (4, "Leila Haddad", QUOTATION_CUE, "The river will be tamed before the harvest begins,")


def test_the_wire_service_crediting_itself_is_not_a_voice(dam):
    assert dam.wire_service == "The Associated Press"
    assert 1 not in by_paragraph(dam)
    assert 6 not in by_paragraph(dam)  # no said-clause at all


def test_the_outlet_crediting_itself_is_not_a_voice_and_a_pronoun_with_nobody_before_it_stays(more):
    assert more.outlet == "Valley.News"
    found = by_paragraph(more)
    assert 1 not in found
    assert [v.speaker for v in found[2]] == ["they"]  # nothing to resolve it to: the editor decides


def test_a_name_with_a_description_before_or_after_the_verb(more):
    found = spans(more)
    assert (3, "Samir Aziz", "said", more.paragraph(3).text) in found
    assert (4, "Nadia Karim", "said", more.paragraph(4).text) in found


def test_a_quotation_introduced_by_its_speaker_gives_only_the_quoted_words(more):
    assert (5, "Nadia Karim", QUOTATION_CUE, "We want farmers to reach the markets without paying twice.") in spans(more)


def test_clauses_and_passives_are_not_speakers(more):
    assert 6 not in by_paragraph(more)  # "What the drivers said …", "were told to be patient"


def test_told_and_a_pronoun_matching_in_number(more):
    found = [(speaker, cue) for number, speaker, cue, _ in spans(more) if number == 7]
    # "she" is singular: the most recent singular speaker, not the transport officials just named.
    assert found == [("the transport officials", "told"), ("Nadia Karim", "said")]


@pytest.mark.parametrize("text", [DAM, MORE, FIRST_SEED.read_text(encoding="utf-8")], ids=["dam", "bridge", "first seed"])
def test_offsets_point_at_the_words_and_never_overlap(text):
    found = article(text)
    proposals = propose(found)
    assert proposals
    for voice in proposals:
        paragraph = found.paragraph(voice.paragraph).text
        words = paragraph[voice.start : voice.end]
        assert words == words.strip() and len(words.split()) >= 3
        if voice.cue == QUOTATION_CUE:
            assert paragraph[: voice.start].rstrip()[-1] in '"“'  # the quoted words, not their marks
    order = [(v.paragraph, v.start) for v in proposals]
    assert order == sorted(order)
    for before, after in itertools.pairwise(proposals):
        assert before.paragraph < after.paragraph or before.end <= after.start


def test_the_first_seed():
    seed = parse_file(FIRST_SEED)  # read only
    found = by_paragraph(seed)
    assert sorted(found) == [3, 4, 6, 8, 9]  # nothing in ¶1 (the AP's credit), ¶2, ¶5, ¶7

    def whole(number: int) -> list[str]:
        return [seed.paragraph(number).text[v.start : v.end] for v in found[number]]

    assert whole(3) == [seed.paragraph(3).text]
    assert whole(4) == [
        "The immediate priority for Iraqi officials is to limit the number of militants who escape Mosul to go into hiding, they said.",
        seed.paragraph(4).text.split("they said. ", 1)[1],
    ]
    assert whole(6) == [
        "Tough days await our intelligence and security agencies when they start fighting a different Islamic State,"
    ]
    assert [v.speaker for v in found[6]] == ["Hisham al-Hashimi"]
    assert whole(8) == [seed.paragraph(8).text]
    assert len(whole(9)) == 2 and " ".join(whole(9)) == seed.paragraph(9).text
    for number in (3, 4, 8, 9):
        assert all(v.speaker.endswith("officials") for v in found[number]), number
    assert [v.speaker for v in found[9]] == ["the officials", "the officials"]
