"""The curated briefing: editor-written statements, each backed by verbatim evidence from one article.

Field names here are the field names of the curation YAML (see README, "Curation schema"). Fields
marked ``internal`` are filled by the loader and validator, never written by editors.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from typing import Literal

from .article import Article, PublicationDate
from .errors import CurationWarning

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
PlaceKind = Literal["city", "town", "province", "region", "border", "country"]
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


class FieldLines:
    """For a record that keeps each field's own line (``field_lines``): the line to name in a message."""

    line: int
    field_lines: tuple[tuple[str, int], ...]

    def line_of(self, name: str) -> int:
        return dict(self.field_lines).get(name, self.line)


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote from the article. ``paragraph``/``start``/``end`` locate it once verified."""

    quote: str
    line: int = internal()
    paragraph: int = internal()
    start: int = internal()
    end: int = internal()
    # Whose words these are, from the curation's `attribution`: an actor id, or "" for the reporting's own.
    source: str = internal("")


@dataclass(frozen=True)
class Statement:
    text: str
    type: StatementType
    evidence: tuple[Evidence, ...]
    # Actor ids of the sources; empty: the article's own reporting. Once verified against a curation's
    # `attribution`, this is the credit its quotes carry (an editor writes it only in a draft without one).
    according_to: tuple[str, ...] = ()
    line: int = internal()

    @property
    def mixed_sources(self) -> bool:
        """True when the quotes are the words of more than one source (each quote then shows its own)."""
        return len({e.source for e in self.evidence}) > 1


@dataclass(frozen=True)
class Actor(FieldLines):
    id: str
    who: Statement
    role: Statement
    mentioned_as: tuple[str, ...]
    # Declared once, in docs/entities.yml (scripts.entities); given here only for an actor not listed there.
    name: str = ""
    kind: ActorKind | None = None
    other_names: tuple[str, ...] = internal(())  # the aliases docs/entities.yml declares (ISIS, Daesh)
    line: int = internal()
    field_lines: tuple[tuple[str, int], ...] = internal(())  # each field's own line, for messages


@dataclass(frozen=True)
class Location(FieldLines):
    """A place's entry in the gazetteer (``places`` in docs/entities.yml): its name, kind and coordinates,
    and where the coordinates come from. Coordinates are decimal degrees as written (checked on load)."""

    name: str
    kind: PlaceKind
    lat: str
    lon: str
    source: str  # where the coordinates come from: "GeoNames 99072", "Natural Earth 1:50m (scripts/data/region.json)"
    aliases: tuple[str, ...] = ()  # other names readers search by ("Syrian border")
    between: tuple[str, ...] = ()  # a border: the two countries of the map it runs between ("iraq", "syria")
    line: int = internal()
    field_lines: tuple[tuple[str, int], ...] = internal(())

    @property
    def latitude(self) -> float:
        return float(self.lat)

    @property
    def longitude(self) -> float:
        return float(self.lon)


@dataclass(frozen=True)
class Place(FieldLines):
    """A place the article names: what it says about it, and the words it names it by. Its name, kind and
    coordinates are the gazetteer's (docs/entities.yml, ``places``), filled in by the loader."""

    id: str
    about: Statement
    mentioned_as: tuple[str, ...]
    location: Location | None = field(default=None, metadata={"internal": True}, compare=False)
    line: int = internal()
    field_lines: tuple[tuple[str, int], ...] = internal(())

    @property
    def name(self) -> str:
        return self.location.name if self.location else self.id

    @property
    def kind(self) -> str:
        return self.location.kind if self.location else ""

    @property
    def other_names(self) -> tuple[str, ...]:
        return self.location.aliases if self.location else ()


@dataclass(frozen=True)
class ThreatMove:
    id: str
    expected: Statement
    name: str = ""  # declared once, in docs/entities.yml, unless the move is listed nowhere else yet
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
class Pillar(FieldLines):
    id: str
    what: Statement
    answers: tuple[str, ...]  # ThreatMove ids
    why: Statement
    carried_out_by: tuple[str, ...]  # Actor ids
    status: Status
    name: str = ""  # declared once, in docs/entities.yml, unless the pillar is listed nowhere else yet
    line: int = internal()
    field_lines: tuple[tuple[str, int], ...] = internal(())


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
class Voice:
    """Words of the article that it attributes to one source ("…, the officials said"; a quotation)."""

    source: str  # Actor id
    says: tuple[Evidence, ...]
    line: int = internal()


@dataclass(frozen=True)
class Attribution:
    """Who says which words of the article, recorded once per article.

    Words in no voice are the article's own reporting: the wire service's when it credits one, else the
    outlet's. ``reporting`` names that reporter as an actor, so open data can give every quote a source.
    """

    reporting: str | None = None  # Actor id of the outlet or wire service
    voices: tuple[Voice, ...] = ()


@dataclass(frozen=True)
class Intake:
    """The editor's word on the seed's layout, where the parser's rules read it wrong: the line of the
    headline, and line ranges ("12" or "12-15") that are page furniture, or that are article text."""

    headline: str | None = None
    furniture: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    line: int = internal()


@dataclass(frozen=True)
class InferredDate:
    """A publication date the article does not print, inferred by an editor from what the text says."""

    date: str  # "2017-06-14", "2017-06" or "2017": the date, or the earliest it can be
    reason: str
    evidence: tuple[Evidence, ...]
    until: str | None = None  # for a range ("before Mosul was retaken"): the latest it can be
    line: int = internal()


@dataclass(frozen=True)
class Curation:
    summary: Statement
    key_points: tuple[Statement, ...]
    actors: tuple[Actor, ...]
    pillars: tuple[Pillar, ...]
    threat: Threat
    source_notes: SourceNotes
    attribution: Attribution
    # The gist in plain prose, clause by clause, each clause a statement with its own evidence: what the
    # strategy is, why, the immediate priority, the conditions. At most BOTTOM_LINE_WORDS words in all.
    bottom_line: tuple[Statement, ...] = ()
    relations: tuple[Relation, ...] = ()
    places: tuple[Place, ...] = ()
    published: InferredDate | None = None
    intake: Intake | None = None


BOTTOM_LINE_WORDS = 40


@dataclass(frozen=True)
class Candidate:
    """Something `make new` found in a new article for an editor to consider: a lead, not a statement."""

    evidence: tuple[Evidence, ...]
    name: str | None = None  # actors: the name as the article writes it
    known: str | None = None  # the id of an actor (pillar, move) already declared for another article
    speaker: str | None = None  # quotations: the speaker the sentence names
    # places: a lead for the gazetteer when the place is not in it yet ("lat 36.335, lon 43.119; GeoNames 99072")
    coordinates: str | None = None
    line: int = internal()


@dataclass(frozen=True)
class Candidates:
    actors: tuple[Candidate, ...] = ()
    quotations: tuple[Candidate, ...] = ()
    numbers: tuple[Candidate, ...] = ()
    strategy: tuple[Candidate, ...] = ()
    pillars: tuple[Candidate, ...] = ()  # sentences naming a pillar already declared (`known`: its id)
    moves: tuple[Candidate, ...] = ()  # likewise, threat moves
    places: tuple[Candidate, ...] = ()  # place names: known (`known`: its id) or with a coordinates lead


@dataclass(frozen=True)
class Draft:
    """A curation still being written. Previews show the article with an "awaiting review" notice;
    publishing refuses it. Every field of :class:`Curation` may be filled in while drafting."""

    status: Literal["draft"]
    candidates: Candidates = Candidates()
    summary: Statement | None = None
    key_points: tuple[Statement, ...] = ()
    actors: tuple[Actor, ...] = ()
    pillars: tuple[Pillar, ...] = ()
    threat: Threat | None = None
    source_notes: SourceNotes | None = None
    attribution: Attribution | None = None
    bottom_line: tuple[Statement, ...] = ()
    relations: tuple[Relation, ...] = ()
    places: tuple[Place, ...] = ()
    published: InferredDate | None = None
    intake: Intake | None = None

    def still_to_do(self) -> list[str]:
        """What an editor must still do before the article can be published, in file order."""
        missing = [f.name for f in fields(Curation) if f.default is MISSING and not getattr(self, f.name)]
        todo = [f"write {', '.join(missing)}"] if missing else []
        count = sum(len(getattr(self.candidates, f.name)) for f in fields(Candidates))
        if count:
            todo.append(f"review {count} candidate{'s' if count != 1 else ''} and delete 'candidates'")
        if unquoted := _without_evidence(self):
            todo.append(f"give evidence to {unquoted} statement{'s' if unquoted != 1 else ''} (evidence: [])")
        todo.append("delete the line 'status: draft'")
        return todo


def _without_evidence(value: object) -> int:
    """How many statements (and statuses) under ``value`` have no quote yet."""
    if isinstance(value, (Statement, Status)):
        return int(not value.evidence)
    if isinstance(value, tuple):
        return sum(_without_evidence(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return sum(_without_evidence(getattr(value, f.name)) for f in fields(value) if not f.metadata.get("internal"))
    return 0


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
    place_mentions: dict[str, tuple[Mention, ...]] = field(default_factory=dict)  # by place id
    warnings: tuple[CurationWarning, ...] = ()  # wording an editor should look at; never stops a build

    @property
    def date(self) -> PublicationDate | None:
        """The printed date, else the editor's inference from the text, else none."""
        if self.article.published or not self.curation.published:
            return self.article.published
        inferred = self.curation.published
        return PublicationDate(inferred.date, "inferred", inferred.reason, inferred.until)

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.curation.actors if a.id == actor_id)

    def pillar(self, pillar_id: str) -> Pillar:
        return next(p for p in self.curation.pillars if p.id == pillar_id)

    def responses(self, move_id: str) -> tuple[Pillar, ...]:
        return tuple(p for p in self.curation.pillars if move_id in p.answers)

    def place(self, place_id: str) -> Place:
        return next(p for p in self.curation.places if p.id == place_id)

    def pillars_of(self, actor_id: str) -> tuple[Pillar, ...]:
        return tuple(p for p in self.curation.pillars if actor_id in p.carried_out_by)


@dataclass(frozen=True)
class Pending:
    """An article not yet curated for publication: its curation is a draft, or not written yet."""

    article: Article
    draft: Draft | None  # None: no curation file yet
    curation_path: str
    warnings: tuple[CurationWarning, ...] = ()

    @property
    def date(self) -> PublicationDate | None:
        return self.article.published

    def still_to_do(self) -> list[str]:
        if self.draft is None:
            return [f"write {self.curation_path} (make new writes a draft to start from)"]
        return self.draft.still_to_do()
