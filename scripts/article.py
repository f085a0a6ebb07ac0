"""The parsed article: what a seed says, separated from what merely surrounds it on the page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

DatePrecision = Literal["exact", "month", "inferred"]
PRECISION_MEANING: dict[str, str] = {
    "exact": "the day, as printed with the article",
    "month": "the month only, as printed with the article",
    "inferred": "not printed; an editor inferred it from the text (the reason and evidence are in the source notes)",
}


@dataclass(frozen=True)
class PublicationDate:
    iso: str  # "2017-06-14", or "2017-06" when only the month is known; the earliest date of a range
    precision: DatePrecision
    as_written: str  # the words it was read from, for readers to check
    until: str | None = None  # an inferred range's latest date, in the same forms as ``iso``

    @property
    def label(self) -> str:
        text = _spoken(self.iso) + (f" – {_spoken(self.until)}" if self.until else "")
        return text + (" (inferred)" if self.precision == "inferred" else "")

    @property
    def month(self) -> str:
        """The heading it files under in a timeline: "June 2017", the year alone, or a range."""
        if self.until:
            return f"{_month(self.iso)} – {_month(self.until)}"
        return _month(self.iso)


def _spoken(iso: str) -> str:
    parts = [int(part) for part in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    day = datetime.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    return f"{day.day} {day:%B %Y}" if len(parts) > 2 else f"{day:%B %Y}"


def _month(iso: str) -> str:
    parts = [int(part) for part in iso.split("-")]
    return f"{datetime.date(parts[0], parts[1], 1):%B %Y}" if len(parts) > 1 else str(parts[0])


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str
    line: int  # line in the seed where the paragraph starts, for editors' messages
    lines: tuple[int, ...] = field(default=(), compare=False)  # every seed line it was read from

    @property
    def id(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True)
class Quotation:
    """A direct quotation in the body, with its speaker when the sentence names one."""

    paragraph: int
    text: str
    speaker: str | None
    speaker_description: str | None
    verb: str | None


@dataclass(frozen=True)
class LineMarks:
    """An editor's word on a seed's layout, where the parser's rules read it wrong: which line is the
    headline, which lines are page furniture and which are article text (seed line numbers, from 1)."""

    headline: int | None = None
    furniture: frozenset[int] = frozenset()
    body: frozenset[int] = frozenset()


class MarkError(ValueError):
    """A mark the seed cannot take (a line it does not have, a blank headline); the caller names its file."""


@dataclass(frozen=True)
class Removed:
    """Material found in the seed that is not article text. Described, never reproduced."""

    kind: str  # e.g. "repeated headline", "outlet name", "website navigation"
    description: str
    lines: int
    characters: int
    line_numbers: tuple[int, ...] = ()  # where in the seed, for readers to check

    @property
    def where(self) -> str:
        """ "line 4", "lines 2, 5 and 9", "lines 30–41": the seed lines it occupied."""
        numbers = sorted(set(self.line_numbers))
        if not numbers:
            return ""
        runs: list[list[int]] = []
        for n in numbers:
            if runs and n == runs[-1][-1] + 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        parts = [str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs]
        text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        return ("line " if len(numbers) == 1 else "lines ") + text


@dataclass(frozen=True)
class Article:
    seed_id: str  # the seed's file stem: stable, used in URLs
    path: Path
    sha256: str
    size: int
    title: str
    outlet: str | None
    wire_service: str | None
    dateline: str | None
    byline: str | None
    paragraphs: tuple[Paragraph, ...]
    quotations: tuple[Quotation, ...]
    removed: tuple[Removed, ...]
    reading_notes: tuple[str, ...] = ()  # how the bytes were read, when that was not plain UTF-8
    published: PublicationDate | None = None  # only when the seed prints a date
    credits: str | None = None  # a wire story's sign-off ("Reporting by …; Editing by …"), taken off the text

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)
