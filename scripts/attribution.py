"""Who says which words: the curation's `attribution` as spans of the article, and the source of a quote.

An article speaks in several voices: its own reporting (the wire service's, or the outlet's), and the
sources it attributes words to ("…, the officials said"; a quotation). The editor records those spans
once per article; every evidence quote then takes its source from the span it lies in, so a statement's
credit follows from its quotes and the same words can never be credited to two sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from .briefing import Attribution, Evidence

REPORTING = ""  # the source of words in no voice: the article's own reporting


@dataclass(frozen=True)
class Span:
    paragraph: int
    start: int
    end: int
    source: str  # Actor id
    line: int  # where the editor wrote it


class Overlap(Exception):
    """Two voices claim the same words."""

    def __init__(self, first: Span, second: Span) -> None:
        super().__init__(f"{first} overlaps {second}")
        self.first = first
        self.second = second


class Straddle(Exception):
    """A quote that runs across words of two sources."""

    def __init__(self, sources: tuple[str, ...]) -> None:
        super().__init__(", ".join(sources))
        self.sources = sources


class Voices:
    """The located spans of an attribution, by paragraph, to look up the source of any stretch of text."""

    def __init__(self, attribution: Attribution | None, texts: dict[int, str] | None = None) -> None:
        """``texts``: each paragraph's text by number, so that quote marks and commas at the edge of a
        voice (``"Tough days…," predicted…``) do not count as the reporting's words."""
        self.reporting = attribution.reporting if attribution else None
        self.texts = texts or {}
        spans = [
            Span(e.paragraph, e.start, e.end, voice.source, e.line or voice.line)
            for voice in (attribution.voices if attribution else ())
            for e in voice.says
        ]
        self.by_paragraph: dict[int, list[Span]] = {}
        for span in sorted(spans, key=lambda s: (s.paragraph, s.start)):
            here = self.by_paragraph.setdefault(span.paragraph, [])
            if here and here[-1].end > span.start:
                raise Overlap(here[-1], span)
            here.append(span)

    def source_of(self, paragraph: int, start: int, end: int) -> str:
        """The one source of the text ``start:end`` of a paragraph; :class:`Straddle` if it has two."""
        sources: list[str] = []
        text_before = self.texts.get(paragraph, "")
        covered = start
        for span in self.by_paragraph.get(paragraph, ()):
            if span.end <= start or span.start >= end:
                continue
            if _words(text_before[covered : span.start]):
                sources.append(REPORTING)  # the words before this span are the reporting's own
            sources.append(span.source)
            covered = max(covered, span.end)
        if covered < end and (not sources or _words(text_before[covered:end])):
            sources.append(REPORTING)
        distinct = tuple(dict.fromkeys(sources))
        if len(distinct) > 1:
            raise Straddle(distinct)
        return distinct[0] if distinct else REPORTING

    def spans_in(self, paragraph: int) -> list[Span]:
        return self.by_paragraph.get(paragraph, [])


def _words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def credit(evidence: tuple[Evidence, ...]) -> tuple[str, ...]:
    """A statement's sources, in the order its quotes give them: the attributed ones only (the article's
    own reporting is the credit of a statement with none)."""
    return tuple(dict.fromkeys(e.source for e in evidence if e.source != REPORTING))


@dataclass(frozen=True)
class Share:
    """The paragraphs whose words are (wholly or in part) one source's."""

    source: str  # Actor id; REPORTING for the article's own reporting
    paragraphs: tuple[tuple[int, bool], ...]  # (number, whole paragraph?)


def shares(paragraphs: dict[int, str], voices: Voices, order: tuple[str, ...]) -> list[Share]:
    """Per source, in ``order`` (the article's own reporting first), the paragraphs it speaks in.
    ``paragraphs`` maps each paragraph number to its text."""
    found: dict[str, list[tuple[int, bool]]] = {}
    for number, text in paragraphs.items():
        spans = voices.spans_in(number)
        cursor, rest = 0, []
        for span in spans:
            rest.append(text[cursor : span.start])
            cursor = span.end
        rest.append(text[cursor:])
        reporting = any(ch.isalnum() for piece in rest for ch in piece)
        sources = list(dict.fromkeys(span.source for span in spans))
        if reporting:
            sources.insert(0, REPORTING)
        for source in sources:
            found.setdefault(source, []).append((number, len(sources) == 1))
    ranked = {source: i for i, source in enumerate((REPORTING, *order))}
    return [Share(s, tuple(p)) for s, p in sorted(found.items(), key=lambda kv: ranked.get(kv[0], len(ranked)))]
