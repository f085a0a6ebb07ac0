"""Copies of one wire story among the articles, and what each copy changed.

Outlets reprint agency stories with small edits: their own name in front, a paragraph cut or added,
a few words changed. Two articles count as copies when most of the shorter one's word 5-grams
("shingles") also occur in the other: unrelated stories share a stock phrase or two, not half their
5-word runs, yet one changed word only spoils the five shingles around it. Containment of the
*shorter* article, not Jaccard, is the test, so a copy cut to half its length is still recognised.

Nothing here compares all pairs of articles: an inverted index from shingle to articles proposes only the
pairs that share something, and shingles found in very many articles (site boilerplate) propose nothing.
The cost of that limit: a story reprinted by more outlets than it allows would go unrecognised.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Literal

from .article import Article, Paragraph

ChangeKind = Literal["reworded", "added", "dropped", "restyled", "split", "merged"]
SHINGLE = 5  # words per shingle
COPY_CONTAINMENT = 0.5  # share of the shorter article's shingles found in the other
REWORDED = 0.6  # word-level likeness above which a changed paragraph is the same paragraph, reworded
COMMON_FLOOR, COMMON_SHARE = 50, 0.05  # a shingle in more articles than this is boilerplate, not story

# Case, punctuation and quote style are how outlets differ in house style, not in what they report.
_PUNCTUATION = re.compile(r"[^\w\s]|_")


# Spellings that differ between house styles, not in what they say: "organized" and "organised",
# "center" and "centre", "defense" and "defence", "fueled" and "fuelled". Each rule maps both spellings
# to one key; a rule may over-match an unrelated pair only if both words map to the same key, which
# for these endings means the same stem.
_HOUSE_STYLE = (
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"([^aeiou])re$"), r"\1er"),
    (re.compile(r"([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"ogue$"), "og"),
)


@dataclass(frozen=True)
class WordChange:
    # "restyled": the same words in another house style (organised for organized): not a change of content
    op: Literal["same", "added", "dropped", "restyled"]
    text: str
    was: str = ""  # restyled: the other copy's spelling


@dataclass(frozen=True)
class ParagraphChange:
    # "restyled": only house style differs; "split": one paragraph of the original is several here
    # (``parts``: their numbers), "merged": several of the original (``parts``) are one here.
    kind: ChangeKind
    original: int | None
    copy: int | None
    words: tuple[WordChange, ...] = ()
    parts: tuple[int, ...] = ()

    @property
    def content(self) -> bool:
        """Whether the copy says something else here, beyond layout and house style."""
        return self.kind in ("added", "dropped") or any(w.op in ("added", "dropped") for w in self.words)


@dataclass(frozen=True)
class WireCopy:
    original: str
    copy: str
    similarity: float  # Jaccard of the two articles' shingles: how much of all their text is shared
    unchanged: int
    changes: tuple[ParagraphChange, ...]
    # The measure the copy was recognised by: the share of the shorter text's shingles found in the other.
    containment: float = 0.0

    def tally(self) -> str:
        """The changed paragraphs by kind, in a line: "1 reworded, 2 dropped paragraphs"."""
        names = {"restyled": "in house style only"}
        counts = Counter(c.kind for c in self.changes)
        kinds: tuple[ChangeKind, ...] = ("reworded", "added", "dropped", "split", "merged", "restyled")
        parts = [f"{counts[k]} {names.get(k, k)}" for k in kinds if counts[k]]
        return f"{', '.join(parts)} paragraphs" if parts else "no changed paragraphs"


def find_copies(articles: Sequence[Article]) -> list[WireCopy]:
    """Each article that copies an earlier one in the input, compared with the first article of its group.

    The answer for the same articles (the same objects, in the same order) is kept: in the preview, an
    edit to a curation keeps every article as it was (see scripts/entry_cache.py), and the search for
    candidate pairs would otherwise run over the whole corpus on every build."""
    last = _LAST_COPIES.get("articles")
    if last is not None and len(last) == len(articles) and all(a is b for a, b in zip(last, articles, strict=True)):
        return list(_LAST_COPIES["copies"])
    copies = _find_copies(articles)
    _LAST_COPIES.update(articles=tuple(articles), copies=tuple(copies))
    return copies


_LAST_COPIES: dict[str, tuple] = {}  # the last call's articles and answer


def forget_articles() -> None:
    """Let go of what is kept by article between preview builds (a published build is done with them)."""
    article_shingles.cache_clear()
    _LAST_COPIES.clear()


def _find_copies(articles: Sequence[Article]) -> list[WireCopy]:
    shingles = [article_shingles(a) for a in articles]
    parent = list(range(len(articles)))
    for (i, j), shared in candidate_pairs(shingles).items():
        if shared >= COPY_CONTAINMENT * min(len(shingles[i]), len(shingles[j])):
            _union(parent, i, j)
    return [compare(articles[_root(parent, j)], articles[j]) for j in range(len(articles)) if _root(parent, j) != j]


def candidate_pairs(shingles: Sequence[frozenset[int]]) -> dict[tuple[int, int], int]:
    """Pairs (i < j) of articles sharing at least one shingle, with how many they share.

    Work is proportional to the shingles, not to the pairs of articles: a shingle shared by k articles
    costs k² only while k stays under the boilerplate limit, and a shingle in one article costs no Python
    loop at all, which is what keeps a large corpus of distinct stories fast.
    """
    limit = max(COMMON_FLOOR, int(COMMON_SHARE * len(shingles)))
    repeated = _repeated(shingles)
    counts = Counter(chain.from_iterable(article & repeated for article in shingles))
    indexed = {shingle for shingle, count in counts.items() if count <= limit}
    index: dict[int, list[int]] = defaultdict(list)
    for i, article in enumerate(shingles):
        for shingle in article & indexed:
            index[shingle].append(i)  # indices go in ascending order, so every pair below has i < j
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for posting in index.values():
        for at, i in enumerate(posting):
            for j in posting[at + 1 :]:
                shared[i, j] += 1
    return dict(shared)


def _repeated(shingles: Sequence[frozenset[int]]) -> set[int]:
    # Set operations run in C; only shingles in two or more articles ever reach a Python loop.
    seen: set[int] = set()
    repeated: set[int] = set()
    for article in shingles:
        repeated |= seen & article
        seen |= article
    return repeated


# Kept across the preview's builds (an unchanged article is the same object, see scripts/entry_cache.py);
# a published build releases them (scripts/memory.py).
@functools.lru_cache(maxsize=4096)
def article_shingles(article: Article) -> frozenset[int]:
    # Across paragraph breaks: a copy that merges or splits paragraphs still shares its shingles.
    return text_shingles(" ".join(p.text for p in article.paragraphs))


def text_shingles(text: str) -> frozenset[int]:
    words = normalised_words(text)
    return frozenset(map(hash, zip(*(words[k:] for k in range(SHINGLE)), strict=False)))  # the last shingle ends with the text


def normalised_words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", text.casefold()).split()


def house_key(word: str) -> str:
    """A word as compared across house styles: case, punctuation and British or American spelling aside."""
    key = _PUNCTUATION.sub("", word.casefold())
    for pattern, replacement in _HOUSE_STYLE:
        key = pattern.sub(replacement, key)
    return key


def _paragraph_key(text: str) -> str:
    return " ".join(house_key(w) for w in text.split() if house_key(w))


@functools.lru_cache(maxsize=4096)
def compare(original: Article, copy: Article) -> WireCopy:
    a, b = article_shingles(original), article_shingles(copy)
    similarity = len(a & b) / len(a | b) if a | b else 1.0
    containment = len(a & b) / min(len(a), len(b)) if a and b else 1.0
    unchanged, changes = paragraph_changes(original.paragraphs, copy.paragraphs)
    return WireCopy(original.seed_id, copy.seed_id, round(similarity, 3), unchanged, tuple(changes), round(containment, 3))


def paragraph_changes(original: Sequence[Paragraph], copy: Sequence[Paragraph]) -> tuple[int, list[ParagraphChange]]:
    """How many paragraphs survived intact, and every paragraph that did not, in reading order."""
    keys_a = [_paragraph_key(p.text) for p in original]
    keys_b = [_paragraph_key(p.text) for p in copy]
    unchanged = 0
    changes: list[ParagraphChange] = []
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if op != "equal":
            changes += _pair_block(original[a0:a1], copy[b0:b1])
            continue
        for p, q in zip(original[a0:a1], copy[b0:b1], strict=True):  # an equal block: as long on both sides
            words = word_changes(p.text, q.text)
            if any(w.op == "restyled" for w in words):
                changes.append(ParagraphChange("restyled", p.number, q.number, words))
            else:
                unchanged += 1
    return unchanged, changes


def _pair_block(dropped: Sequence[Paragraph], added: Sequence[Paragraph]) -> list[ParagraphChange]:
    """A changed block in reading order: a paragraph cut in two (or two joined) is a split (a merge); of
    the rest, unpaired paragraphs are dropped or added, paired ones reworded."""
    joined = _joins(dropped, added) or _joins(added, dropped)
    if joined:
        (i0, i1), (j0, j1), one_side = joined
        if one_side is added:  # one added paragraph is several dropped ones: a merge
            i0, i1, j0, j1 = j0, j1, i0, i1
        whole = ParagraphChange(
            "split" if j1 - j0 > 1 else "merged",
            dropped[i0].number,
            added[j0].number,
            word_changes(" ".join(p.text for p in dropped[i0:i1]), " ".join(q.text for q in added[j0:j1])),
            tuple(q.number for q in added[j0:j1]) if j1 - j0 > 1 else tuple(p.number for p in dropped[i0:i1]),
        )
        return [*_pair_block(dropped[:i0], added[:j0]), whole, *_pair_block(dropped[i1:], added[j1:])]
    changes: list[ParagraphChange] = []
    next_a = next_b = 0
    for i, j in [*_rewordings(dropped, added), (len(dropped), len(added))]:
        changes += [ParagraphChange("dropped", p.number, None) for p in dropped[next_a:i]]
        changes += [ParagraphChange("added", None, q.number) for q in added[next_b:j]]
        if i < len(dropped):
            p, q = dropped[i], added[j]
            changes.append(ParagraphChange("reworded", p.number, q.number, word_changes(p.text, q.text)))
        next_a, next_b = i + 1, j + 1
    return changes


def _joins(ones: Sequence[Paragraph], runs: Sequence[Paragraph]) -> tuple[tuple[int, int], tuple[int, int], Sequence[Paragraph]] | None:
    """The first paragraph of ``ones`` whose words are those of a run of two or more of ``runs``, in order:
    ((its index, index + 1), (run start, run end), ones)."""
    keys = [_paragraph_key(q.text) for q in runs]
    for i, p in enumerate(ones):
        whole = _paragraph_key(p.text)
        for j0 in range(len(runs)):
            for j1 in range(j0 + 2, len(runs) + 1):
                run = " ".join(keys[j0:j1])
                if run == whole:
                    return (i, i + 1), (j0, j1), ones
                if len(run) >= len(whole):
                    break
    return None


def _rewordings(dropped: Sequence[Paragraph], added: Sequence[Paragraph]) -> list[tuple[int, int]]:
    # Pairs keep the order of both texts: an edit rewords paragraphs in place, it does not shuffle them.
    pairs: list[tuple[int, int]] = []
    next_b = 0
    for i, p in enumerate(dropped):
        scored = [(_likeness(p.text, added[j].text), -j) for j in range(next_b, len(added))]
        best, minus_j = max(scored, default=(0.0, 0))  # ties go to the earliest paragraph
        if best >= REWORDED:
            pairs.append((i, -minus_j))
            next_b = 1 - minus_j  # later paragraphs pair only with later paragraphs
    return pairs


def _likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normalised_words(a), normalised_words(b), autojunk=False).ratio()


def word_changes(original: str, copy: str) -> tuple[WordChange, ...]:
    """Word runs of the copy against the original; words differing only in case or punctuation count as the same."""
    a, b = original.split(), copy.split()
    runs: list[WordChange] = []
    matcher = difflib.SequenceMatcher(None, [house_key(w) for w in a], [house_key(w) for w in b], autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            # The copy's spelling, what its readers saw; words spelt in another house style are marked apart.
            for same, words in itertools.groupby(range(b1 - b0), key=lambda k: _key(a[a0 + k]) == _key(b[b0 + k])):
                at = list(words)
                text = " ".join(b[b0 + k] for k in at)
                runs.append(WordChange("same", text) if same else WordChange("restyled", text, " ".join(a[a0 + k] for k in at)))
            continue
        if a1 > a0:
            runs.append(WordChange("dropped", " ".join(a[a0:a1])))
        if b1 > b0:
            runs.append(WordChange("added", " ".join(b[b0:b1])))
    return tuple(runs)


def _key(word: str) -> str:
    return _PUNCTUATION.sub("", word.casefold())


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]  # path halving keeps later look-ups short
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    # The smaller index stays the root, so a group's root is its earliest article: the original.
    ri, rj = _root(parent, i), _root(parent, j)
    parent[max(ri, rj)] = min(ri, rj)
