"""Every article together: what all articles say about each actor, pillar and threat move, in date order.

Curations are written one article at a time; readers want one page per actor across all of them. The
merge keeps each article's statements apart (an :class:`Appearance` per article) so every statement
stays linked to its own source. Built once per build, in time linear in articles and their items.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import Any, Generic, TypeVar

from .briefing import Actor, Briefing, Pending, Pillar, Place, ThreatMove
from .errors import BriefingError
from .wire import WireCopy, find_copies

Item = TypeVar("Item", bound=Actor | Pillar | ThreatMove | Place)
Entry = Briefing | Pending  # an article, curated or not


@dataclass(frozen=True)
class Appearance(Generic[Item]):
    """One article's account of an actor, pillar or threat move."""

    briefing: Briefing
    item: Item


@dataclass(frozen=True)
class Story(Generic[Item]):
    """The appearances of one story: several outlets' copies of one wire story are one story, shown once.
    The lead is the newest copy, shown in full; the other copies are shown by what they add or change."""

    lead: Appearance[Item]
    copies: tuple[Appearance[Item], ...] = ()

    @property
    def appearances(self) -> tuple[Appearance[Item], ...]:
        return (self.lead, *self.copies)


@dataclass(frozen=True)
class Merged(Generic[Item]):
    """An actor, pillar or threat move across articles; appearances newest article first."""

    id: str
    appearances: tuple[Appearance[Item], ...]

    @property
    def latest(self) -> Item:
        return self.appearances[0].item

    @property
    def name(self) -> str:
        return self.latest.name

    @property
    def other_names(self) -> tuple[str, ...]:
        """Names an article gave it besides the current one, then the other names declared for it (ISIS, Daesh)."""
        given: Iterable[str] = (a.item.name for a in self.appearances)
        declared: Iterable[str] = (n for a in self.appearances for n in getattr(a.item, "other_names", ()))
        return tuple(n for n in dict.fromkeys((*given, *declared)) if n != self.name)

    @property
    def articles(self) -> int:
        return len(self.appearances)

    def stories(self, story_of: dict[str, str]) -> tuple[Story[Item], ...]:
        """The appearances grouped by story (``story_of``: an article's seed id → its story's), newest first."""
        groups: dict[str, list[Appearance[Item]]] = {}
        for appearance in self.appearances:
            seed_id = appearance.briefing.article.seed_id
            groups.setdefault(story_of.get(seed_id, seed_id), []).append(appearance)
        return tuple(Story(group[0], tuple(group[1:])) for group in groups.values())

    def collect(self, path: str) -> list[str]:
        """Every distinct value of a field (``answers``, ``status.value``) across articles, newest first."""
        get = attrgetter(path)
        found: dict[str, None] = {}
        for appearance in self.appearances:
            value = get(appearance.item)
            found.update(dict.fromkeys(value if isinstance(value, tuple) else (value,)))
        return list(found)


@dataclass(frozen=True)
class Corpus:
    entries: tuple[Entry, ...]  # newest first; undated articles last
    actors: dict[str, Merged[Actor]]  # by id, in name order
    pillars: dict[str, Merged[Pillar]]  # by id, in curation order (newest article first)
    moves: dict[str, Merged[ThreatMove]]  # likewise
    copies: dict[str, WireCopy]  # by the copy's seed id
    copied_as: dict[str, tuple[WireCopy, ...]]  # by the original's seed id
    spellings: tuple[tuple[str, ...], ...] = ()  # words search treats as one (docs/entities.yml)
    places: dict[str, Merged[Place]] = field(default_factory=dict)  # by id, in name order

    def kinds(self) -> tuple[tuple[str, dict[str, Merged[Any]]], ...]:
        """Each kind of item with its items, by the name links and the preview's digest know it by."""
        return (("actor", self.actors), ("pillar", self.pillars), ("move", self.moves), ("place", self.places))

    @cached_property
    def story_of(self) -> dict[str, str]:
        """Each copy's seed id → its wire story's (the original's seed id); articles not copied are their own."""
        return {copy: wire.original for copy, wire in self.copies.items()}

    @cached_property
    def _copies_by_story(self) -> dict[str, tuple[Entry, ...]]:
        stories: dict[str, list[Entry]] = {}
        for entry in self.entries:
            stories.setdefault(self.story_of.get(entry.article.seed_id, entry.article.seed_id), []).append(entry)
        return {story: tuple(entries) for story, entries in stories.items() if len(entries) > 1}

    def also_published(self, entry: Entry) -> tuple[Entry, ...]:
        """The other copies of ``entry``'s story, in the corpus's order (newest first)."""
        story = self.story_of.get(entry.article.seed_id, entry.article.seed_id)
        return tuple(e for e in self._copies_by_story.get(story, ()) if e is not entry)

    @cached_property  # asked for on many pages; a frozen dataclass still has a __dict__ to keep it in
    def briefings(self) -> tuple[Briefing, ...]:
        return tuple(e for e in self.entries if isinstance(e, Briefing))

    @cached_property
    def pending(self) -> tuple[Pending, ...]:
        return tuple(e for e in self.entries if isinstance(e, Pending))

    @cached_property
    def reviewable(self) -> tuple[Entry, ...]:
        """Articles an editor has something to look at in: awaiting review, or with curation warnings."""
        return tuple(e for e in self.entries if isinstance(e, Pending) or e.warnings)

    @property
    def latest(self) -> Briefing | None:
        return next(iter(self.briefings), None)

    def chronological(self) -> tuple[Entry, ...]:
        """Dated stories, oldest first, each by its first dated copy (the timeline names the others with it);
        a timeline has no place for undated ones."""
        seen: set[str] = set()
        first: list[Entry] = []
        for entry in sorted((e for e in self.entries if e.date), key=_oldest_first):
            story = self.story_of.get(entry.article.seed_id, entry.article.seed_id)
            if story not in seen:
                seen.add(story)
                first.append(entry)
        return tuple(first)

    def undated(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if not e.date)

    def pillar_statuses(self) -> list[str]:
        return sorted({status for p in self.pillars.values() for status in p.collect("status.value")})

    def answered_moves(self) -> set[str]:
        """Ids of the moves at least one article names a response to."""
        return {m for p in self.pillars.values() for a in p.appearances for m in a.item.answers}

    def pillars_for_move(self, move_id: str) -> list[Merged[Pillar]]:
        return [p for p in self.pillars.values() if any(move_id in a.item.answers for a in p.appearances)]


def build(entries: list[Entry]) -> Corpus:
    ordered = sorted(entries, key=_newest_first)
    briefings = [e for e in ordered if isinstance(e, Briefing)]
    # The first of several copies is the one the others are compared with: the earliest printed date,
    # else the first added (seed files are numbered in the order editors add them).
    copies = find_copies([e.article for e in sorted(entries, key=_oldest_first)])
    copied_as: dict[str, list[WireCopy]] = {}
    for copy in copies:
        copied_as.setdefault(copy.original, []).append(copy)
    actors = _merge(briefings, lambda b: b.curation.actors)
    _check_kinds(actors)
    return Corpus(
        entries=tuple(ordered),
        actors=actors,
        # Pillars and moves keep the order the curations give them (a pillar's horizon, the article's
        # order of moves), newest article first; actors are looked up by name.
        pillars=_merge(briefings, lambda b: b.curation.pillars, by_name=False),
        moves=_merge(briefings, lambda b: b.curation.threat.moves, by_name=False),
        copies={c.copy: c for c in copies},
        copied_as={k: tuple(v) for k, v in copied_as.items()},
        places=_merge(briefings, lambda b: b.curation.places),
    )


def _merge(briefings: list[Briefing], items_of, by_name: bool = True) -> dict:  # noqa: ANN001 - a small local accessor
    by_id: dict[str, list[Appearance]] = {}
    for b in briefings:
        for item in items_of(b):
            by_id.setdefault(item.id, []).append(Appearance(b, item))
    merged = [Merged(i, tuple(a)) for i, a in by_id.items()]  # first seen first
    if by_name:
        merged.sort(key=lambda m: (m.name.casefold(), m.id))
    return {m.id: m for m in merged}


def _check_kinds(actors: dict[str, Merged[Actor]]) -> None:
    """One actor is one kind of actor: two curations that give the same id different kinds disagree."""
    for merged in actors.values():
        first = merged.appearances[0]
        for other in merged.appearances[1:]:
            if other.item.kind != first.item.kind:
                here = first.briefing.article.path.with_name(first.briefing.curation_path)
                raise BriefingError(
                    here,
                    f"actor '{merged.id}' is a '{first.item.kind}' here but a '{other.item.kind}' in {other.briefing.curation_path} "
                    f"(line {other.item.line_of('kind')}); give it the same kind in both, or another id if it is another actor",
                    first.item.line_of("kind"),
                )


def _oldest_first(entry: Entry) -> tuple[bool, str, str]:
    return (entry.date is None, entry.date.iso if entry.date else "", entry.article.seed_id)


def _newest_first(entry: Entry) -> tuple[bool, str, str]:
    return (entry.date is None, _invert(entry.date.iso) if entry.date else "", entry.article.seed_id)


def _invert(iso: str) -> str:
    """A key that sorts later dates first: each digit d becomes 9 - d ("2017-06" < "2016-12")."""
    return "".join(str(9 - int(c)) if c.isdigit() else "~" for c in iso)
