"""Finding an editor's quote in the article: verbatim, tolerant only of whitespace and quote-mark style."""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from dataclasses import dataclass

from .article import Article, Paragraph
from .text import UNTIDY_SPACE

# Straight and typographic quote marks are the same mark to an editor copying text.
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "″": '"', "‘": "'", "’": "'", "‚": "'", "′": "'"})
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘']?[A-Z0-9])")


@dataclass(frozen=True)
class Match:
    paragraph: Paragraph
    start: int  # offsets into paragraph.text
    end: int

    @property
    def passage(self) -> str:
        return self.paragraph.text[self.start : self.end]


@functools.lru_cache(maxsize=65536)  # each paragraph is searched once per quote
def normalise(text: str) -> tuple[str, list[int] | None]:
    """Normalised text and, for each of its characters, the offset of the character it came from;
    ``None`` when every character stays where it was (the common case: parsed text is tidy already)."""
    marks = text.translate(_QUOTE_MARKS)  # one character for one: offsets are unchanged
    if not UNTIDY_SPACE.search(marks):
        return marks, None
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(marks):
        if ch.isspace():
            if not out or out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        origin.append(i)
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


def find(article: Article, quote: str) -> list[Match]:
    """Every paragraph the quote occurs in (first occurrence in each)."""
    needle, _ = normalise(quote)
    if not needle:
        return []
    matches = []
    for paragraph in article.paragraphs:
        hay, origin = normalise(paragraph.text)
        at = hay.find(needle)
        if at >= 0:
            end = at + len(needle)
            matches.append(Match(paragraph, origin[at], origin[end - 1] + 1) if origin else Match(paragraph, at, end))
    return matches


def across_paragraphs(article: Article, quote: str) -> int | None:
    """The number of the paragraph a quote starts in when it runs on into the next one, else None."""
    needle, _ = normalise(quote)
    for first, second in itertools.pairwise(article.paragraphs):
        joined = normalise(first.text)[0] + " " + normalise(second.text)[0]
        at = joined.find(needle)
        if 0 <= at < len(normalise(first.text)[0]) < at + len(needle):
            return first.number
    return None


# Titles and abbreviations whose full stop does not end a sentence ("said Col. Ahmed Jassim").
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Adm|Gov|Sen|Rep|Rev|St|Jr|Sr|No|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)"
    r"|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph, as offsets into its text."""

    paragraph: Paragraph
    index: int  # 1-based within the paragraph
    start: int
    end: int

    @property
    def number(self) -> int:
        """The number of its paragraph."""
        return self.paragraph.number

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]


def sentences(paragraph: Paragraph) -> list[Sentence]:
    """The paragraph's sentences in order, found once; a break after a title or abbreviation ("Col.") is none."""
    text = paragraph.text
    bounds: list[list[int]] = []  # [start, end] of each sentence
    start = piece_start = piece_end = 0
    for gap in [*_SENTENCE_END.finditer(text), None]:
        end = gap.start() if gap else len(text)
        if end > start:
            # An abbreviation's full stop ends a piece, and holds no whitespace: the last piece alone shows it.
            if bounds and _ABBREVIATION.search(text[piece_start:piece_end]):
                bounds[-1][1] = end
            else:
                bounds.append([start, end])
            piece_start, piece_end = start, end
        start = gap.end() if gap else len(text)
    return [Sentence(paragraph, index, *_trimmed(text, s, e)) for index, (s, e) in enumerate(bounds, start=1)]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``-``end`` without whitespace at either edge (a paragraph's own first or last characters)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def closest_passage(article: Article, quote: str) -> tuple[Paragraph, str] | None:
    """The article sentence most like the quote, to show an editor what they probably meant."""
    needle, _ = normalise(quote)
    best: tuple[float, Paragraph, str] | None = None
    for paragraph in article.paragraphs:
        for sentence in sentences(paragraph):
            hay, _ = normalise(sentence.text)
            matcher = difflib.SequenceMatcher(None, needle.lower(), hay.lower(), autojunk=False)
            if matcher.real_quick_ratio() < (best[0] if best else 0):
                continue
            score = matcher.ratio()
            if best is None or score > best[0]:
                best = (score, paragraph, sentence.text)
    return (best[1], best[2]) if best else None
