"""Curation YAML → verified :class:`Briefing`.

The YAML is read as a node tree (never constructed into Python objects by the YAML library), so
every value keeps its line number and no YAML tag can run code. Each field is then checked against
the dataclasses in :mod:`scripts.briefing`, and each evidence quote against the parsed article.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import re
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

import yaml

from . import evidence as quotes
from . import faithfulness
from .article import Article, LineMarks, MarkError
from .attribution import REPORTING, Overlap, Straddle, Voices, credit
from .briefing import (
    BOTTOM_LINE_WORDS,
    Actor,
    Attribution,
    Briefing,
    Curation,
    Draft,
    Evidence,
    InferredDate,
    Intake,
    Mention,
    Pending,
    Statement,
    Status,
)
from .errors import CurationError, CurationWarning
from .seeds import curation_path, is_reserved, read_file
from .strict_yaml import PLAIN_TAGS, compose, error_line, error_problem, tag_name
from .text import clean

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MIN_QUOTE_WORDS = 3
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _real_date(text: str) -> bool:
    year, month, day = ([int(p) for p in text.split("-")] + [1, 1])[:3]
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def read_with_seed(seed: Path, parse: Callable[[Path, LineMarks | None], Article] = read_file) -> tuple[Article, Curation | Draft | None]:
    """A seed and its curation, read together: the curation's ``intake`` marks how the seed is parsed
    (by ``parse``, which may hand back an article already parsed under the same marks)."""
    path = curation_path(seed)
    written = read(path) if path.exists() else None
    intake = written.intake if written is not None else None
    try:
        return parse(seed, line_marks(intake, path)), written
    except MarkError as err:
        raise CurationError(path, f"intake: {err}", intake.line if intake else None) from None


def load(path: Path, article: Article, curation: Curation | Draft | None = None) -> Briefing | Pending:
    """The article's verified briefing; a draft or a missing curation gives a :class:`Pending` article,
    still checked (a draft's quotes must be found too) so review starts from sound evidence.
    ``curation``: the file already read (to take its ``intake`` marks before the seed was parsed)."""
    if curation is None and not path.exists():
        return Pending(article=article, draft=None, curation_path=path.name)
    curation = curation or read(path)
    if isinstance(curation, Draft):
        check = _Verifier(article, path)
        check.drafting = True
        draft = check.walk_attributed(curation)
        return Pending(article=article, draft=draft, curation_path=path.name, warnings=tuple(check.warnings))
    return verify(curation, article, path)


def read(path: Path) -> Curation | Draft:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CurationError(path, "is missing; write the curation for this seed (see README, 'Curation schema')") from None
    except UnicodeDecodeError:
        raise CurationError(path, "is not UTF-8 text; save it as UTF-8") from None
    try:
        root = compose(text)
    except yaml.YAMLError as err:
        raise CurationError(path, f"is not valid YAML ({error_problem(err)}); check the indentation and quoting on this line", error_line(err)) from None
    if root is None:
        raise CurationError(path, "is empty; start from the example in README, 'Curation schema'")
    kind = Draft if _is_draft(root) else Curation
    return _Builder(path).build(kind, root, "draft" if kind is Draft else "curation")


def line_marks(intake: Intake | None, path: Path) -> LineMarks | None:
    """The parser's marks from a curation's ``intake``; a malformed range is an error on its line."""
    if intake is None:
        return None

    def lines(ranges: tuple[str, ...], field: str) -> frozenset[int]:
        found: set[int] = set()
        for text in ranges:
            m = LINE_RANGE.match(text)
            if not m or (m.group(2) and int(m.group(2)) < int(m.group(1))):
                raise CurationError(path, f"intake.{field}: '{text}' is not a line or a range of lines; write '12' or '12-15'", intake.line)
            found.update(range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1))
        return frozenset(found)

    headline = None
    if intake.headline is not None:
        if not intake.headline.isdigit():
            raise CurationError(path, f"intake.headline: '{intake.headline}' is not a line number; give the seed line the headline is on", intake.line)
        headline = int(intake.headline)
    return LineMarks(headline, lines(intake.furniture, "furniture"), lines(intake.body, "body"))


LINE_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$")


def _is_draft(root: yaml.Node) -> bool:
    if not isinstance(root, yaml.MappingNode):
        return False
    # Any 'status' makes it a draft, so 'status: reviewed' is told its one allowed value, not "unknown field".
    return any(getattr(k, "value", None) == "status" for k, _ in root.value)


class _Builder:
    """Builds a dataclass from a YAML node, field by field, reporting problems with their line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, node: yaml.Node, message: str) -> typing.NoReturn:
        raise CurationError(self.path, message, node.start_mark.line + 1)

    def build(self, kind: Any, node: yaml.Node, where: str) -> Any:
        if node.tag not in PLAIN_TAGS:
            self.fail(node, f"{where}: YAML tag '{tag_name(node)}' is not allowed; write plain text, lists and mappings")
        origin = get_origin(kind)
        if kind is str:
            return self.string(node, where)
        if origin is Literal:
            value = self.string(node, where)
            allowed = get_args(kind)
            if value not in allowed:
                self.fail(node, f"{where}: '{value}' is not one of: {', '.join(allowed)}")
            return value
        if origin is tuple:
            item = get_args(kind)[0]
            if isinstance(node, yaml.ScalarNode) and item is not str and _accepts_scalar(item):
                node = yaml.SequenceNode("tag:yaml.org,2002:seq", [node], node.start_mark, node.end_mark)
            if not isinstance(node, yaml.SequenceNode):
                self.fail(node, f"{where}: expected a list (lines starting with '- ')")
            return tuple(self.build(item, child, f"{where}[{i + 1}]") for i, child in enumerate(node.value))
        if origin in (typing.Union, types.UnionType):
            inner = next(a for a in get_args(kind) if a is not type(None))
            return self.build(inner, node, where)
        if isinstance(kind, type) and dataclasses.is_dataclass(kind):
            return self.record(kind, node, where)
        raise TypeError(f"unsupported schema type {kind!r}")  # a programming error, not an editor's

    def string(self, node: yaml.Node, where: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, f"{where}: expected text, found a {'list' if isinstance(node, yaml.SequenceNode) else 'mapping'}")
        value = clean(str(node.value))
        if not value:
            self.fail(node, f"{where}: is empty; write the text or remove the entry")
        return value

    def record(self, kind: type, node: yaml.Node, where: str) -> Any:
        if isinstance(node, yaml.ScalarNode) and kind is Evidence:
            return Evidence(quote=self.string(node, where), line=node.start_mark.line + 1)
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{where}: expected a mapping of fields ({', '.join(_editable(kind))})")
        hints = _hints(kind)
        editable = _editable(kind)
        values: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key == "candidates" and kind is Curation:
                fix = "delete the whole 'candidates:' block (the leads are not part of a finished curation)"
                self.fail(key_node, f"candidates: the draft's leads are still here; {fix}")
            if key not in editable:
                hint = difflib.get_close_matches(str(key), editable, n=1)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; allowed: {', '.join(editable)}"
                self.fail(key_node, f"{where}: unknown field '{key}'{suggestion}")
            if key in values:
                self.fail(key_node, f"{where}: field '{key}' is given twice; keep one")
            values[key] = self.build(hints[key], value_node, f"{where}.{key}")
        missing = [name for name in _required(kind) if name not in values]
        if missing:
            self.fail(node, f"{where}: missing field{'s' if len(missing) > 1 else ''} {', '.join(repr(m) for m in missing)}")
        names = {f.name for f in dataclasses.fields(kind)}
        if "line" in names:
            values["line"] = node.start_mark.line + 1
        if "field_lines" in names:
            values["field_lines"] = tuple((k.value, k.start_mark.line + 1) for k, _ in node.value)
        return kind(**values)


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    return get_type_hints(kind)  # evaluates the annotations' source text: worth doing once per class


@functools.cache
def _editable(kind: type) -> list[str]:
    return [f.name for f in dataclasses.fields(kind) if not f.metadata.get("internal")]


@functools.cache
def _required(kind: type) -> list[str]:
    return [f.name for f in dataclasses.fields(kind) if not f.metadata.get("internal") and f.default is dataclasses.MISSING]


def _accepts_scalar(kind: Any) -> bool:
    return kind is Evidence


# --- verification against the article ---------------------------------------------------------


def verify(curation: Curation, article: Article, path: Path) -> Briefing:
    check = _Verifier(article, path)
    checked = check.walk_attributed(curation)
    actors = {a.id: a for a in checked.actors}
    moves = {m.id: m for m in checked.threat.moves}
    check.unique_ids("actor", checked.actors)
    check.unique_ids("pillar", checked.pillars)
    check.unique_ids("threat move", checked.threat.moves)
    check.unique_ids("place", checked.places)
    for pillar in checked.pillars:
        check.references(pillar.line_of("carried_out_by"), f"pillar '{pillar.id}' carried_out_by", pillar.carried_out_by, actors, "actor")
        check.references(pillar.line_of("answers"), f"pillar '{pillar.id}' answers", pillar.answers, moves, "threat move")
    for relation in checked.relations:
        check.references(relation.line, "relation", (relation.source, relation.target), actors, "actor")
    for voice in checked.attribution.voices:
        check.references(voice.line, "attribution.voices source", (voice.source,), actors, "actor")
    if checked.attribution.reporting:
        check.references(_line(checked.attribution), "attribution.reporting", (checked.attribution.reporting,), actors, "actor")
    for statement in _statements(checked):
        check.references(statement.line, "according_to", statement.according_to, actors, "actor")
    check.faithful(checked, actors)
    if checked.published:
        check.inferred_date(checked.published)
    check.bottom_line(checked.bottom_line)
    mentions = {actor.id: check.mentions(f"actor '{actor.id}'", actor.mentioned_as, actor.line_of("mentioned_as")) for actor in checked.actors}
    places = {place.id: check.mentions(f"place '{place.id}'", place.mentioned_as, place.line_of("mentioned_as"), joined=False) for place in checked.places}
    return Briefing(article=article, curation=checked, curation_path=path.name, mentions=mentions, place_mentions=places, warnings=tuple(check.warnings))


def _line(attribution: Attribution) -> int:
    return min((v.line for v in attribution.voices), default=0)


class _Verifier:
    def __init__(self, article: Article, path: Path) -> None:
        self.article = article
        self.path = path
        self.voices = Voices(None)  # until the curation's attribution is located
        self.attributed = False  # whether credit follows from an attribution (else it is written by hand)
        self.warnings: list[CurationWarning] = []
        self.drafting = False  # a draft's statement may still lack evidence (a wire copy's, carried over)

    def walk_attributed(self, curation: Curation | Draft) -> Any:
        """:meth:`walk`, with the attribution located first so every quote gets its source from it."""
        if curation.attribution is not None:
            located = self.walk(curation.attribution, "attribution")
            try:
                self.voices = Voices(located, {p.number: p.text for p in self.article.paragraphs})
            except Overlap as clash:
                self.fail(
                    clash.second.line,
                    f"attribution: these words are already attributed to '{clash.first.source}' (line {clash.first.line}); "
                    "the same words cannot have two sources: shorten one of the two spans",
                )
            self.attributed = True
            curation = dataclasses.replace(curation, attribution=located)
        return self.walk(curation)

    def fail(self, line: int, message: str) -> typing.NoReturn:
        raise CurationError(self.path, message, line or None)

    def walk(self, value: Any, owner: str = "", line: int = 0, statement: str = "") -> Any:
        """A copy of the curation with every Evidence located in the article."""
        if isinstance(value, Evidence):
            return self.locate(value, owner, line, statement)
        if isinstance(value, tuple):
            return tuple(self.walk(v, f"{owner}[{i + 1}]", line, statement) for i, v in enumerate(value))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            own_line = getattr(value, "line", 0) or line
            label = _label(value) or owner
            text = getattr(value, "text", None) or getattr(value, "value", None) or statement
            changes = {
                f.name: self.walk(getattr(value, f.name), f"{label}.{f.name}" if label else f.name, own_line, text)
                for f in dataclasses.fields(value)
                if not f.metadata.get("internal")
            }
            if isinstance(value, (Statement, Status)) and not value.evidence:
                if self.drafting:
                    return value  # a draft may leave a statement without quotes: listed as still to do
                self.fail(own_line, f"{label or 'statement'}: has no evidence; add at least one verbatim quote from the article")
            if isinstance(value, Statement) and self.attributed:
                changes["evidence"] = self.sourced(changes["evidence"], label or owner, own_line)
                changes["according_to"] = self.credited(value, changes["evidence"], label or owner, own_line)
            return dataclasses.replace(value, **changes)
        return value

    def locate(self, item: Evidence, owner: str, line: int, statement: str) -> Evidence:
        where = line or item.line
        owner = f'{owner} ("{_shorten(statement)}")' if statement else owner
        if len(item.quote.split()) < MIN_QUOTE_WORDS:
            self.fail(item.line or where, f'{owner}: quote "{item.quote}" is too short to pin down a passage; quote at least {MIN_QUOTE_WORDS} words')
        found = quotes.find(self.article, item.quote)
        if not found and (across := quotes.across_paragraphs(self.article, item.quote)):
            self.fail(
                item.line or where,
                f'{owner}: quote "{_shorten(item.quote)}" runs from ¶{across} into ¶{across + 1}; '
                "a quote must lie within one paragraph: split it into two quotes",
            )
        if not found:
            closest = quotes.closest_passage(self.article, item.quote)
            hint = f' Closest passage (¶{closest[0].number}): "{closest[1]}"' if closest else ""
            self.fail(
                item.line or where,
                f'{owner}: quote not found in {self.article.path.name}: "{item.quote}". Copy the words exactly from the article.{hint}',
            )
        if len(found) > 1:
            places = ", ".join(f"¶{m.paragraph.number}" for m in found)
            self.fail(item.line or where, f'{owner}: quote "{item.quote}" occurs in {places}; quote more words so it points at one passage')
        match = found[0]
        return dataclasses.replace(item, paragraph=match.paragraph.number, start=match.start, end=match.end)

    def sourced(self, evidence: tuple[Evidence, ...], owner: str, line: int) -> tuple[Evidence, ...]:
        """A statement's quotes, each with the source of its words; a quote may not change source midway."""
        found = []
        for e in evidence:
            try:
                source = self.voices.source_of(e.paragraph, e.start, e.end)
            except Straddle as both:
                names = " and ".join(f"'{s}'" if s else "the article's own reporting" for s in both.sources)
                self.fail(e.line or line, f'{owner}: quote "{_shorten(e.quote)}" runs across the words of {names}; split it where the source changes')
            found.append(dataclasses.replace(e, source=source))
        return tuple(found)

    def credited(self, statement: Statement, evidence: tuple[Evidence, ...], owner: str, line: int) -> tuple[str, ...]:
        """The statement's credit, from its quotes; a hand-written ``according_to`` must agree with it."""
        derived = credit(evidence)
        if statement.according_to and set(statement.according_to) != set(derived):
            said = ", ".join(derived) or "the article's own reporting"
            self.fail(
                line,
                f"{owner or 'statement'} (\"{_shorten(statement.text)}\"): according_to says {', '.join(statement.according_to)}, but its quotes are "
                f"the words of {said} (see attribution); delete according_to, since the credit follows from the quotes, or correct attribution",
            )
        return derived

    def faithful(self, checked: Curation, actors: dict[str, Actor]) -> None:
        """Type, attribution and hedge checks on every statement: errors stop the build, warnings are listed."""
        names = {a: actor.name for a, actor in actors.items()}
        reporter = checked.attribution.reporting
        own = names.get(reporter or "") or self.article.wire_service or self.article.outlet or "the article"
        names[REPORTING] = f"{own}'s own reporting"
        for statement in _statements(checked):
            passages = [self.article.paragraph(e.paragraph).text[e.start : e.end] for e in statement.evidence]
            for finding in faithfulness.check(statement, passages, names):
                message = f'{statement.type} "{_shorten(statement.text)}": {finding.message}'
                if finding.error:
                    self.fail(statement.line, message)
                self.warnings.append(CurationWarning(self.path, message, statement.line))

    def unique_ids(self, what: str, items: tuple[Any, ...]) -> None:
        seen: dict[str, int] = {}
        for item in items:
            if not ID_PATTERN.match(item.id):
                self.fail(item.line, f"{what} id '{item.id}' must be lowercase letters, digits and single hyphens, e.g. 'border-patrols'")
            if is_reserved(item.id):
                self.fail(item.line, f"{what} id '{item.id}' is the address of a page of the {what} list; choose another id")
            if item.id in seen:
                self.fail(item.line, f"{what} id '{item.id}' is used twice (first on line {seen[item.id]}); give each {what} its own id")
            seen[item.id] = item.line

    def references(self, line: int, where: str, ids: tuple[str, ...], known: dict[str, Any], what: str) -> None:
        for ref in ids:
            if ref not in known:
                hint = difflib.get_close_matches(ref, list(known), n=1)
                suggestion = f"did you mean '{hint[0]}'?" if hint else f"known {what} ids: {', '.join(known)}"
                self.fail(line, f"{where}: unknown {what} id '{ref}'; {suggestion}")

    def bottom_line(self, clauses: tuple[Statement, ...]) -> None:
        words = sum(len(c.text.split()) for c in clauses)
        if words > BOTTOM_LINE_WORDS:
            self.fail(
                clauses[0].line,
                f"bottom_line: {words} words; a reader should have the gist in {BOTTOM_LINE_WORDS} words or fewer: shorten its clauses",
            )

    def inferred_date(self, inferred: InferredDate) -> None:
        if self.article.published:
            self.fail(inferred.line, f"published: the article prints its date ({self.article.published.as_written}); delete 'published'")
        if not DATE.match(inferred.date) or not _real_date(inferred.date):
            self.fail(inferred.line, f"published.date: '{inferred.date}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
        if inferred.until is not None:
            if not DATE.match(inferred.until) or not _real_date(inferred.until):
                self.fail(inferred.line, f"published.until: '{inferred.until}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
            if inferred.until <= inferred.date:
                self.fail(inferred.line, f"published.until: '{inferred.until}' is not after date '{inferred.date}'; a range runs from date to until")

    def mentions(self, owner: str, mentioned_as: tuple[str, ...], line: int, joined: bool = True) -> tuple[Mention, ...]:
        """Every place the article writes one of the names, whole words only: the verbatim evidence of each
        mention. Names that overlap ("the border", "border with Syria") are one mention, spanning both.
        ``joined=False``: a name joined to another word by a hyphen is not a mention ("post-Mosul IS" names
        a time, not the city)."""
        edge = r"\w" if joined else r"[\w-]"
        found: list[Mention] = []
        for alias in mentioned_as:
            pattern = re.compile(rf"(?<!{edge})" + re.escape(alias) + rf"(?!{edge})")
            hits = [Mention(p.number, m.start(), m.end()) for p in self.article.paragraphs for m in pattern.finditer(p.text)]
            if not hits:
                self.fail(line, f"{owner} mentioned_as: '{alias}' does not occur in the article as a word of its own; use the words the article uses")
            found.extend(hits)
        merged: list[Mention] = []
        for m in sorted(found, key=lambda m: (m.paragraph, m.start, -m.end)):
            last = merged[-1] if merged else None
            if last is not None and last.paragraph == m.paragraph and m.start < last.end:
                merged[-1] = Mention(last.paragraph, last.start, max(last.end, m.end))
            else:
                merged.append(m)
        return tuple(merged)


def _statements(value: Any) -> list[Statement]:
    if isinstance(value, Statement):
        return [value]
    if isinstance(value, tuple):
        return [s for v in value for s in _statements(v)]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in _statements(getattr(value, f.name))]
    return []


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _label(value: Any) -> str:
    ident = getattr(value, "id", None)
    return f"{type(value).__name__.lower()} '{ident}'" if ident else ""
