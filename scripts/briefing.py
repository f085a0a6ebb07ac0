"""The curated briefing: editor-written statements, each backed by verbatim evidence from one article.

Field names here are the field names of the curation YAML (see README, "Curation schema"). Fields
marked ``internal`` are filled by the loader and validator, never written by editors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .article import Article

ActorKind = Literal[
    "state body",
    "security force",
    "armed group",
    "militia",
    "official sources",
    "analyst",
    "foreign partner",
    "company",
    "population group",
    "news outlet",
]
StatementType = Literal["reported fact", "attributed claim", "plan", "forecast", "condition", "opinion"]

STATEMENT_TYPES: dict[str, str] = {
    "reported fact": "Stated by the article in its own voice, as something that is the case.",
    "attributed claim": "Something a named or unnamed source says is the case; the article reports it as their account.",
    "plan": "An intention, preparation or negotiation; not reported as carried out.",
    "forecast": "An expectation about what will happen, by the article or by a source.",
    "condition": "Something said to be required for success; not a step being taken.",
    "opinion": "A judgement or view held by a source, not a checkable fact.",
}

PillarStatus = Literal["planned", "priority", "under way", "under negotiation", "condition"]

STATUS_MEANING: dict[str, str] = {
    "planned": "described as a plan or preparation; not reported as carried out yet",
    "priority": "named as a priority; the article does not say how far it has got",
    "under way": "reported as already happening",
    "under negotiation": "reported as being negotiated; no deal is reported",
    "condition": "named as a condition for success, not as a step being taken",
}


def internal(default=0):  # noqa: ANN001, ANN201 - tiny helper for dataclass fields
    return field(default=default, metadata={"internal": True}, compare=False)


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote from the article. ``paragraph``/``start``/``end`` locate it once verified."""

    quote: str
    line: int = internal()
    paragraph: int = internal()
    start: int = internal()
    end: int = internal()


@dataclass(frozen=True)
class Statement:
    text: str
    type: StatementType
    evidence: tuple[Evidence, ...]
    according_to: tuple[str, ...] = ()  # Actor ids of the sources; empty: the article's own reporting
    line: int = internal()


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    who: Statement
    role: Statement
    mentioned_as: tuple[str, ...]
    line: int = internal()


@dataclass(frozen=True)
class ThreatMove:
    id: str
    name: str
    expected: Statement
    line: int = internal()


@dataclass(frozen=True)
class Threat:
    summary: Statement
    moves: tuple[ThreatMove, ...]


@dataclass(frozen=True)
class Status:
    value: PillarStatus
    evidence: tuple[Evidence, ...]
    line: int = internal()


@dataclass(frozen=True)
class Pillar:
    id: str
    name: str
    what: Statement
    answers: tuple[str, ...]  # ThreatMove ids
    why: Statement
    carried_out_by: tuple[str, ...]  # Actor ids
    status: Status
    line: int = internal()


RelationKind = Literal["cooperates with", "fights", "helps", "interviewed", "negotiates with", "supports", "opposes"]


@dataclass(frozen=True)
class Relation:
    """How one actor relates to another, as the article gives it: ``source kind target``."""

    source: str  # Actor id
    kind: RelationKind
    target: str  # Actor id
    claim: Statement
    line: int = internal()


@dataclass(frozen=True)
class SourceNotes:
    sources: tuple[Statement, ...]
    not_stated: tuple[str, ...]


@dataclass(frozen=True)
class Curation:
    summary: Statement
    key_points: tuple[Statement, ...]
    actors: tuple[Actor, ...]
    pillars: tuple[Pillar, ...]
    threat: Threat
    source_notes: SourceNotes
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True)
class Mention:
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Briefing:
    """One article and its verified curation: everything the pages are made from."""

    article: Article
    curation: Curation
    curation_path: str
    mentions: dict[str, tuple[Mention, ...]]  # by actor id

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.curation.actors if a.id == actor_id)

    def pillar(self, pillar_id: str) -> Pillar:
        return next(p for p in self.curation.pillars if p.id == pillar_id)

    def responses(self, move_id: str) -> tuple[Pillar, ...]:
        return tuple(p for p in self.curation.pillars if move_id in p.answers)

    def pillars_of(self, actor_id: str) -> tuple[Pillar, ...]:
        return tuple(p for p in self.curation.pillars if actor_id in p.carried_out_by)
