"""Shared entities, declared once (``docs/entities.yml``): each actor's name, kind and other names, and
each pillar's and threat move's name, by id.

An actor, pillar or threat move is one thing across all the articles that mention it, so what it *is*
lives here, once; a curation names the id and gives only what its article says about it (who, role,
mentioned_as; what, why, status; expected), each with that article's evidence. A curation may still
declare a name and kind for an id not listed here (a new actor, while its article is curated); two
curations that declare it differently, or a curation that contradicts this file, are an error naming
both places.

Read as a YAML node tree with the curations' own strict reader: every value is text, a repeated id is an
error, and each problem names the file and line.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .briefing import Actor, ActorKind, Curation, Draft, FieldLines, Location, Place, internal
from .curation import ID_PATTERN, _Builder
from .errors import BriefingError, CurationError, display_path
from .map_svg import map_countries
from .strict_yaml import compose, error_line

ENTITIES = Path(__file__).resolve().parent.parent / "docs" / "entities.yml"


@dataclass(frozen=True)
class SharedActor(FieldLines):
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()  # other names (ISIS, Daesh) that `make new` recognises in a new article
    line: int = internal()
    field_lines: tuple[tuple[str, int], ...] = internal(())


@dataclass(frozen=True)
class SharedName:
    """A pillar or a threat move: the name every article's statements about it are gathered under."""

    name: str
    line: int = internal()


@dataclass(frozen=True)
class Entities:
    path: Path = ENTITIES
    actors: dict[str, SharedActor] = field(default_factory=dict)
    pillars: dict[str, SharedName] = field(default_factory=dict)
    moves: dict[str, SharedName] = field(default_factory=dict)
    places: dict[str, Location] = field(default_factory=dict)  # the gazetteer: every place's coordinates and their source
    # Words a search treats as one (organized, organised): house styles and spellings readers type.
    spellings: tuple[tuple[str, ...], ...] = ()

    def where(self, line: int) -> str:
        return f"{display_path(self.path)}:{line}"


SECTIONS: dict[str, tuple[str, type]] = {
    "actors": ("actor", SharedActor),
    "pillars": ("pillar", SharedName),
    "threat_moves": ("threat move", SharedName),
    "places": ("place", Location),
}
DECIMAL = re.compile(r"^-?\d{1,3}(?:\.\d+)?$")


def load(path: Path = ENTITIES) -> Entities:
    if not path.exists():
        return Entities(path)
    try:
        root = compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise BriefingError(path, "is not valid YAML; check the indentation and quoting on this line", error_line(err)) from None
    if root is None:
        return Entities(path)
    if not isinstance(root, yaml.MappingNode):
        raise BriefingError(path, f"must have the sections {', '.join(SECTIONS)}, each mapping ids to entries", root.start_mark.line + 1)
    found: dict[str, dict[str, Any]] = {}
    builder = _Builder(path)
    spellings: tuple[tuple[str, ...], ...] = ()
    for key, section in root.value:
        name = str(key.value)
        if name == "spellings":
            spellings = builder.build(tuple[tuple[str, ...], ...], section, "spellings")
            continue
        if name not in SECTIONS:
            raise BriefingError(path, f"unknown section '{name}'; the sections are {', '.join((*SECTIONS, 'spellings'))}", key.start_mark.line + 1)
        what, kind = SECTIONS[name]
        if not isinstance(section, yaml.MappingNode):
            example = "'islamic-state: {name: …, kind: armed group}'"
            raise BriefingError(path, f"{name}: map each {what} id to its entry, e.g. {example}", section.start_mark.line + 1)
        entries = found.setdefault(name, {})
        for id_node, entry in section.value:
            line = id_node.start_mark.line + 1
            entity = str(id_node.value) if isinstance(id_node, yaml.ScalarNode) else ""
            if not ID_PATTERN.match(entity):
                raise BriefingError(path, f"{name}: '{entity}' is not an id (lowercase letters, digits and single hyphens)", line)
            if entity in entries:
                raise BriefingError(path, f"{what} '{entity}' is listed twice (first on line {entries[entity].line}); keep one entry", line)
            entries[entity] = builder.build(kind, entry, f"{name}.{entity}")
            if kind is Location:
                _check_location(entity, entries[entity], path)
    return Entities(path, found.get("actors", {}), found.get("pillars", {}), found.get("threat_moves", {}), found.get("places", {}), spellings)


def _check_location(place_id: str, location: Location, path: Path) -> None:
    for field_name, limit in (("lat", 90), ("lon", 180)):
        value = getattr(location, field_name)
        if not DECIMAL.match(value) or abs(float(value)) > limit:
            example = "36.335" if field_name == "lat" else "43.119"
            raise BriefingError(
                path, f"places.{place_id}.{field_name}: '{value}' is not decimal degrees within ±{limit}; write it like {example}", location.line_of(field_name)
            )
    if location.between and (location.kind != "border" or len(location.between) != 2):
        raise BriefingError(path, f"places.{place_id}.between: only a border runs between places; give a border its two countries", location.line_of("between"))
    unknown = [c for c in location.between if c not in map_countries()]
    if unknown:
        known = ", ".join(sorted(map_countries()))
        raise BriefingError(path, f"places.{place_id}.between: '{unknown[0]}' is not a country of the map; use one of {known}", location.line_of("between"))


def resolve(curation: Curation | Draft, entities: Entities, path: Path) -> Curation | Draft:
    """The curation with every shared name and kind filled in from ``entities``; an error for a value that
    contradicts it, or for an id declared nowhere."""
    actors = tuple(_actor(actor, entities, path) for actor in curation.actors)
    pillars = tuple(_named(p, entities.pillars.get(p.id), "pillar", entities, path) for p in curation.pillars)
    places = tuple(_located(p, entities, path) for p in curation.places)
    changes: dict[str, Any] = {"actors": actors, "pillars": pillars, "places": places}
    if curation.threat is not None:
        moves = tuple(_named(m, entities.moves.get(m.id), "threat move", entities, path) for m in curation.threat.moves)
        changes["threat"] = dataclasses.replace(curation.threat, moves=moves)
    return dataclasses.replace(curation, **changes)


def _actor(actor: Actor, entities: Entities, path: Path) -> Actor:
    shared = entities.actors.get(actor.id)
    if shared is None:
        if not actor.name or not actor.kind:
            raise CurationError(
                path,
                f"actor '{actor.id}' is declared nowhere; add it to {display_path(entities.path)} under actors "
                f"(name, kind) or give its name and kind here",
                actor.line,
            )
        return actor
    for name in ("name", "kind"):
        given, declared = getattr(actor, name), getattr(shared, name)
        if given and given != declared:
            raise CurationError(
                path,
                f"actor '{actor.id}': {name} '{given}' contradicts {entities.where(shared.line_of(name))} ('{declared}'); "
                f"an actor's {name} is declared once there: delete this line",
                actor.line_of(name),
            )
    return dataclasses.replace(actor, name=shared.name, kind=shared.kind, other_names=shared.aliases)


def _located(place: Place, entities: Entities, path: Path) -> Place:
    location = entities.places.get(place.id)
    if location is None:
        fix = f"add it to {display_path(entities.path)} under places, with name, kind, lat, lon and where the coordinates come from (source)"
        raise CurationError(path, f"place '{place.id}' has no coordinates; {fix}", place.line)
    return dataclasses.replace(place, location=location)


def _named(item: Any, shared: SharedName | None, what: str, entities: Entities, path: Path) -> Any:
    if shared is None:
        if not item.name:
            section = "threat_moves" if what == "threat move" else "pillars"
            fix = f"add it to {display_path(entities.path)} under {section} or give its name here"
            raise CurationError(path, f"{what} '{item.id}' is declared nowhere; {fix}", item.line)
        return item
    if item.name and item.name != shared.name:
        raise CurationError(
            path,
            f"{what} '{item.id}': name '{item.name}' contradicts {entities.where(shared.line)} ('{shared.name}'); "
            f"a {what}'s name is declared once there: delete this line",
            item.line_of("name") if hasattr(item, "line_of") else item.line,
        )
    return dataclasses.replace(item, name=shared.name)
