"""The parsed article: what a seed says, separated from what merely surrounds it on the page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str
    line: int  # line in the seed where the paragraph starts, for editors' messages

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
class Removed:
    """Material found in the seed that is not article text. Described, never reproduced."""

    kind: str  # e.g. "repeated headline", "outlet name", "website navigation"
    description: str
    lines: int
    characters: int


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

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)
