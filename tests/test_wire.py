"""Copies of one wire story: which articles are copies, which is the original, and what each copy changed."""

from __future__ import annotations

import dataclasses
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.article import Article
from scripts.parse import parse_bytes, parse_file
from scripts.wire import (
    ParagraphChange,
    WireCopy,
    WordChange,
    article_shingles,
    candidate_pairs,
    compare,
    find_copies,
    text_shingles,
    word_changes,
)

from .conftest import FIXTURES, ROOT

WIRE = FIXTURES / "wire"
ORIGINAL, COPY, UNRELATED = (WIRE / name for name in ("panarmenian.txt", "newsam.txt", "unrelated.txt"))

# news.am rewrote the third paragraph, cut the fifth and added a paragraph before the last.
REWORDED_P3 = (
    WordChange("dropped", "Already,"),
    WordChange("same", "The militants are"),
    WordChange("added", "already"),
    WordChange("same", "laying the groundwork for a strategy of hiding in remote areas,"),
    WordChange("dropped", "carrying out"),
    WordChange("added", "staging"),
    WordChange("same", "attacks in Iraq and abroad and resorting to organized crime to"),
    WordChange("dropped", "bankroll"),
    WordChange("added", "fund"),
    WordChange("same", "operations, intelligence and counterterrorism officials said."),
)
NEWSAM_CHANGES = (
    ParagraphChange("reworded", 3, 3, REWORDED_P3),
    ParagraphChange("dropped", 5, None),
    ParagraphChange("added", None, 7),
)


@pytest.fixture(scope="module")
def original() -> Article:
    return parse_file(ORIGINAL)


@pytest.fixture(scope="module")
def copy() -> Article:
    return parse_file(COPY)


@pytest.fixture(scope="module")
def unrelated() -> Article:
    return parse_file(UNRELATED)


def article(name: str, paragraphs: list[str], outlet: str = "example.com") -> Article:
    title = f"Fixture {name}"
    text = "\n\n".join([title, title, f"{outlet} - {paragraphs[0]}", *paragraphs[1:]])
    return parse_bytes(text.encode(), Path(f"{name}.txt"))


def outlet_only_copy(source: Path, name: str) -> Article:
    """The same story printed by another outlet: only the name in front differs."""
    data = source.read_bytes().replace(b"PanARMENIAN.Net - ", b"Asbarez.com - ")
    return parse_bytes(data, Path(f"{name}.txt"))


def test_copy_changes_are_exact(original, copy, unrelated):
    [found] = find_copies([original, copy, unrelated])
    assert (found.original, found.copy, found.unchanged, found.changes) == ("panarmenian", "newsam", 6, NEWSAM_CHANGES)
    assert 0.5 < found.similarity < 1  # one paragraph in eight cut, one added, one reworded
    assert found.similarity < found.containment <= 1  # the shown figure is the one the rule used


def test_typographic_quotes_and_outlet_prefix_are_not_changes(original, copy):
    assert original.outlet != copy.outlet
    [found] = find_copies([original, copy])
    changed = {c.original for c in found.changes}
    assert 1 not in changed and 6 not in changed  # “curly” against "straight" quotes, another outlet name


def test_unrelated_article_sharing_a_phrase_is_not_grouped(original, copy, unrelated):
    shingles = [article_shingles(a) for a in (original, copy, unrelated)]
    assert candidate_pairs(shingles)[0, 2] == 1  # one five-word phrase in common makes it a candidate only
    assert all("unrelated" not in (c.original, c.copy) for c in find_copies([original, unrelated, copy]))
    assert find_copies([original, unrelated]) == []


def test_input_order_decides_the_original(original, copy):
    [found] = find_copies([copy, original])
    assert (found.original, found.copy) == ("newsam", "panarmenian")
    kinds = [(c.kind, c.original, c.copy) for c in found.changes]
    assert kinds == [("reworded", 3, 3), ("added", None, 5), ("dropped", 7, None)]


def test_the_same_articles_again_give_the_kept_answer_and_any_other_article_a_new_one(original, copy, unrelated, monkeypatch):
    found = find_copies([original, copy, unrelated])
    searched = []
    monkeypatch.setattr("scripts.wire.candidate_pairs", lambda shingles: searched.append(len(shingles)) or {})
    assert find_copies([original, copy, unrelated]) == found and searched == []  # the same objects: not searched again
    equal_but_new = dataclasses.replace(copy)
    assert find_copies([original, equal_but_new, unrelated]) == [] and searched == [3]  # a new object: searched again


def test_three_copies_form_one_group_compared_with_the_first(original, copy, unrelated):
    third = outlet_only_copy(ORIGINAL, "asbarez")
    found = find_copies([unrelated, original, copy, third])
    assert [(c.original, c.copy) for c in found] == [("panarmenian", "newsam"), ("panarmenian", "asbarez")]


def test_outlet_only_copy_has_no_changes(original):
    third = outlet_only_copy(ORIGINAL, "asbarez")
    assert third.outlet == "Asbarez.com"
    assert find_copies([original, third]) == [WireCopy("panarmenian", "asbarez", 1.0, 8, (), 1.0)]


def test_groups_are_transitive(original):
    # The first half and the second half share nothing, but each is a copy of the whole story.
    texts = [p.text for p in original.paragraphs]
    first, whole, second = article("first", texts[:4]), article("whole", texts), article("second", texts[4:])
    found = find_copies([first, whole, second])
    assert [(c.original, c.copy) for c in found] == [("first", "whole"), ("first", "second")]
    assert found[0].changes == tuple(ParagraphChange("added", None, n) for n in range(5, 9))
    assert found[1].similarity == 0.0
    assert found[1].changes == (
        *(ParagraphChange("dropped", n, None) for n in range(1, 5)),
        *(ParagraphChange("added", None, n) for n in range(1, 5)),
    )


def test_word_changes_ignore_case_punctuation_and_quote_style():
    assert word_changes('He said "no," firmly.', "he said “No” firmly") == (WordChange("same", "he said “No” firmly"),)
    assert word_changes("a b c", "a x c") == (
        WordChange("same", "a"),
        WordChange("dropped", "b"),
        WordChange("added", "x"),
        WordChange("same", "c"),
    )


def distinct_texts(n: int, link: bool) -> list[str]:
    """Distinct random stories ending in the same site boilerplate; with `link`, each ends the way the next begins."""
    rng = random.Random(n)
    vocabulary = [f"w{k}" for k in range(5000)]
    boilerplate = "Follow us on social media for the latest news and updates from the region."
    texts = []
    for i in range(n):
        # Numbered sentences around the random words keep the edges of stories from pairing them by chance.
        story = f"Story {i} begins. {' '.join(rng.choices(vocabulary, k=200))} End of story {i}."
        if link:
            story = f"{chain_link(i - 1) if i else ''} {story} {chain_link(i)}"
        texts.append(f"{story} {boilerplate}")
    return texts


def chain_link(i: int) -> str:
    return f"chain link {i} joins the next story"


@pytest.mark.parametrize("n", [60, 200, 600])
def test_candidate_pairs_stay_linear_on_distinct_texts(n):
    # Every article carries the boilerplate: counting it would make all n(n-1)/2 pairs candidates.
    assert candidate_pairs([text_shingles(t) for t in distinct_texts(n, link=False)]) == {}
    linked = candidate_pairs([text_shingles(t) for t in distinct_texts(n, link=True)])
    assert set(linked) == {(i, i + 1) for i in range(n - 1)}


def test_distinct_articles_produce_nothing():
    articles = [article(f"a{i}", [text]) for i, text in enumerate(distinct_texts(60, link=True))]
    assert find_copies(articles) == []


def test_candidate_pairs_do_not_depend_on_input_order(original, copy, unrelated):
    shingles = [article_shingles(a) for a in (original, copy, unrelated)]
    forwards = candidate_pairs(shingles)
    backwards = candidate_pairs(shingles[::-1])
    assert {(2 - j, 2 - i): n for (i, j), n in backwards.items()} == forwards


def test_results_do_not_depend_on_hash_seed_or_set_order():
    # str hashes, and so set and dict order, change with PYTHONHASHSEED; the answer must not.
    script = "import sys; from pathlib import Path; from scripts.parse import parse_file; from scripts.wire import find_copies; "
    script += "print(repr(find_copies([parse_file(Path(p)) for p in sys.argv[1:]])))"
    paths = [str(p.relative_to(ROOT)) for p in (ORIGINAL, UNRELATED, COPY)]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, *paths],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and "newsam" in outputs.pop()


EFFORT_COPY = FIXTURES / "effort" / "copy.txt"  # the full story, reprinted with a split and another house style


def test_a_paragraph_cut_in_two_is_a_split_and_two_joined_are_a_merge():
    seed, reprint = parse_file(ROOT / "seeds" / "000_b2ab8aba2c0e3d24.txt"), parse_file(EFFORT_COPY)
    split = [c for c in compare(seed, reprint).changes if c.kind == "split"]
    assert split == [ParagraphChange("split", 9, 9, split[0].words, (9, 10))] and not split[0].content
    merged = [c for c in compare(reprint, seed).changes if c.kind == "merged"]
    assert [(c.original, c.copy, c.parts) for c in merged] == [(9, 9, (9, 10))]
    assert all(c.kind != "added" or c.copy == 7 for c in compare(seed, reprint).changes)  # only the new paragraph is added


def test_house_style_is_shown_apart_from_changes_of_content():
    seed, reprint = parse_file(ROOT / "seeds" / "000_b2ab8aba2c0e3d24.txt"), parse_file(EFFORT_COPY)
    changes = {c.original: c for c in compare(seed, reprint).changes}
    assert changes[7].kind == "restyled" and not changes[7].content
    assert [w for w in changes[7].words if w.op == "restyled"] == [WordChange("restyled", "neighbouring", "neighboring")]
    reworded = changes[3]
    assert reworded.content and WordChange("restyled", "organised", "organized") in reworded.words
    assert word_changes("the defense center", "the defence centre") == (
        WordChange("same", "the"),
        WordChange("restyled", "defence centre", "defense center"),
    )
