"""A wire copy's draft, started from the finished curation of the story it copies.

Outlets reprint an agency story with small edits, so most of a copy's curation is already written: the
statements of the original whose quotes occur in the copy hold for the copy too. The draft is the
original curation's own text, every quote checked against the copy:

- a quote found once in the copy stays as it is (nothing is re-typed, so nothing can drift);
- a quote the copy changed is replaced by the copy's passage that takes its place, with a ``CHANGED``
  comment giving the original words, for the editor to check the statement still says what it says;
- a quote the copy does not carry is taken out, with a ``NOT IN THIS COPY`` comment; a statement (or
  voice) left with no quote is taken out whole, the same way;
- the paragraphs only the copy has are listed at the end, for the editor to curate.

The original's ``intake`` marks are dropped (they number the original's lines, not the copy's). Editing
is done on the curation's text, line by line, with the YAML node tree only telling where each quote
lies, so the editor's comments, order and wording carry over as they were written.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import evidence as quotes
from .article import Article, Paragraph
from .errors import CurationError
from .strict_yaml import compose
from .wire import COPY_CONTAINMENT, article_shingles, normalised_words, paragraph_changes

# Share of a quote's words the copy's passage must keep to stand in for it; below it the quote is gone.
STANDS_IN = 0.6
QUOTE_LISTS = ("evidence", "says")  # the keys whose items are verbatim quotes
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Original:
    article: Article
    curation_path: Path
    containment: float  # share of the shorter text's 5-word runs found in the other


def find_original(copy: Article, curated: Iterable[tuple[Article, Path]]) -> Original | None:
    """The curated article ``copy`` reprints, by the rule that recognises wire copies; the closest if several."""
    mine = article_shingles(copy)
    best: Original | None = None
    for article, path in curated:
        theirs = article_shingles(article)
        if not mine or not theirs:
            continue
        containment = len(mine & theirs) / min(len(mine), len(theirs))
        if containment >= COPY_CONTAINMENT and (best is None or containment > best.containment):
            best = Original(article, path, containment)
    return best


@dataclass(frozen=True)
class _Quote:
    node: yaml.ScalarNode
    passage: str | None  # the copy's words for it; None when the copy does not carry it
    changed: bool


@dataclass
class CarriedOver:
    text: str  # the draft's YAML, without its header
    kept: int = 0
    changed: int = 0
    missing: int = 0
    checks: int = 0  # editor-written texts to check: they name the original's outlet or its paragraph numbers
    added: tuple[Paragraph, ...] = ()


def carry_over(copy: Article, original: Original) -> CarriedOver:
    source = original.curation_path.read_text(encoding="utf-8")
    root = compose(source)
    if not isinstance(root, yaml.MappingNode):  # the original's curation was checked when it was built
        raise CurationError(original.curation_path, "is not a curation (a mapping of fields); check the original's file")
    edits = _Edits(source.splitlines())
    result = CarriedOver("")
    if first_key := root.value[0][0].start_mark.line:
        edits.lines_out(0, first_key - 1)  # the original's own opening comments describe the original
    for key, value in root.value:
        if key.value in ("intake", "status"):  # line numbers of the original's seed; the original's status
            edits.replace(key, value, [])
    for quoted in _quote_lists(root):
        _carry_quotes(copy, quoted, edits, result)
    _flag_descriptions(root, copy, original.article, edits, result)
    result.text = "\n".join(edits.applied()) + "\n"
    _, changes = paragraph_changes(original.article.paragraphs, copy.paragraphs)
    result.added = tuple(copy.paragraph(c.copy) for c in changes if c.kind == "added" and c.copy)
    return result


def _carry_quotes(copy: Article, quoted: _QuoteList, edits: _Edits, result: CarriedOver) -> None:
    found = [_relocate(copy, node) for node in quoted.items]
    if found and not any(q.passage for q in found):
        result.missing += len(found)
        gone = "; ".join(f'"{_one_line(q.node.value)}"' for q in found)
        first, last = quoted.entry
        if quoted.own:
            edits.comment_out(first, last, f"NOT IN THIS COPY: none of this entry's quotes is in the copy ({gone}); curate it again or leave it out")
        else:  # a part of an entry (an actor's role): kept in place, for the editor to rewrite from the copy
            indent = edits.indent(quoted.key)
            why = f"{indent}# NOT IN THIS COPY: {gone}; rewrite this statement from the copy and quote it"
            edits.replace(quoted.key, quoted.items[-1], [why, f"{indent}{quoted.key.value}: []"])
        return
    for q in found:
        indent = edits.indent(q.node)
        if q.passage is None:
            result.missing += 1
            edits.replace(q.node, q.node, [f'{indent}# NOT IN THIS COPY: "{_one_line(q.node.value)}"; check the statement without it'])
        elif q.changed:
            result.changed += 1
            item = edits.lines[q.node.start_mark.line][: q.node.start_mark.column] + _scalar(q.passage)
            edits.replace(q.node, q.node, [f'{indent}# CHANGED in this copy; the original read: "{_one_line(q.node.value)}"', item])
        else:
            result.kept += 1


def _flag_descriptions(root: yaml.Node, copy: Article, original: Article, edits: _Edits, result: CarriedOver) -> None:
    """A CHECK comment above each editor's text that names the original's outlet or its ¶ numbers."""
    outlet = original.outlet if original.outlet != copy.outlet else None
    for node in _written(root):
        at = node.start_mark.line
        reasons = [
            why
            for why, found in (
                (f"it names {outlet}, the original's outlet", bool(outlet) and outlet in node.value),
                ("its ¶ numbers are the original's", bool(PARAGRAPH_NUMBER.search(node.value))),
            )
            if found
        ]
        if reasons and not edits.touched(at):
            result.checks += 1
            edits.replace(node, node, [f"{edits.indent(node)}# CHECK: {' and '.join(reasons)}", edits.lines[at]], whole_lines=False)


class _Edits:
    """Line edits to the original curation's text, applied at the end; an entry taken out whole drops the
    edits of its own quotes, which lie inside it."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.by_first: dict[int, tuple[int, list[str]]] = {}  # first line → (last line, replacement)

    def indent(self, node: yaml.Node) -> str:
        line = self.lines[node.start_mark.line]
        return line[: len(line) - len(line.lstrip())]

    def touched(self, line: int) -> bool:
        return any(first <= line <= last for first, (last, _) in self.by_first.items())

    def lines_out(self, first: int, last: int) -> None:
        self.by_first[first] = (last, [])

    def replace(self, first: yaml.Node, last: yaml.Node, new: list[str], whole_lines: bool = True) -> None:
        start = first.start_mark.line
        end = self.last_line(last) if whole_lines else start
        for inside in [at for at, (until, _) in self.by_first.items() if start <= at <= end and until <= end]:
            del self.by_first[inside]
        self.by_first[start] = (end, new)

    def comment_out(self, first: yaml.Node, last: yaml.Node, why: str) -> None:
        indent = " " * max(first.start_mark.column - 2, 0)  # the column of the entry's "- "
        kept = self.lines[first.start_mark.line : self.last_line(last) + 1]
        self.replace(first, last, [f"{indent}# {why}", *(f"{indent}# | {line[len(indent):]}" for line in kept)])

    def last_line(self, node: yaml.Node) -> int:
        """The last line of a node's own text. A block node's end mark is where the next token starts: on
        the next entry's line, before its first character, after any blank lines."""
        end = node.end_mark.line
        if end >= len(self.lines) or node.end_mark.column <= len(self.lines[end]) - len(self.lines[end].lstrip()):
            end -= 1
        while end > node.start_mark.line and not self.lines[end].strip():
            end -= 1
        return end

    def applied(self) -> list[str]:
        out: list[str] = []
        skip_until = -1
        for number, line in enumerate(self.lines):
            if number <= skip_until:
                continue
            if number in self.by_first:
                skip_until, new = self.by_first[number]
                out.extend(new)
            else:
                out.append(line)
        while out and not out[-1].strip():
            out.pop()
        return out


Span = tuple[yaml.Node, yaml.Node]  # the first and last node of an entry, to take it out whole


@dataclass(frozen=True)
class _QuoteList:
    entry: Span  # what is taken out when none of the quotes is in the copy and the list is the entry's own
    key: yaml.Node  # the `evidence:` (or `says:`) key
    items: list[yaml.ScalarNode]
    own: bool  # whether the entry is this statement itself (a key point), not an actor holding it


def _quote_lists(node: yaml.Node, entry: Span | None = None) -> Iterable[_QuoteList]:
    """Each quote list in file order. A list item (a key point, an actor, a voice) is an entry; so is a
    top-level field (the summary)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            here = entry or (key, value)
            if key.value in QUOTE_LISTS and isinstance(value, yaml.SequenceNode):
                items = [n for n in value.value if isinstance(n, yaml.ScalarNode)]
                yield _QuoteList(here, key, items, own=entry is not None and node is here[0])
            elif key.value != "intake":
                yield from _quote_lists(value, here)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _quote_lists(item, (item, item))


PARAGRAPH_NUMBER = re.compile(r"¶\s?\d")


def _written(node: yaml.Node) -> Iterable[yaml.ScalarNode]:
    """The editor's own texts (statements, notes), not the quotes: what may describe the original only."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value not in (*QUOTE_LISTS, "intake"):
                yield from _written(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _written(item)
    elif isinstance(node, yaml.ScalarNode) and len(str(node.value).split()) > 3:
        yield node


def _relocate(copy: Article, node: yaml.ScalarNode) -> _Quote:
    quote = str(node.value)
    found = quotes.find(copy, quote)
    if len(found) == 1:
        return _Quote(node, quote, changed=False)
    if found:
        return _Quote(node, None, changed=False)  # found twice: the copy repeats it; the editor picks one
    passage = _standing_in(copy, quote)
    return _Quote(node, passage, changed=passage is not None)


def _standing_in(copy: Article, quote: str) -> str | None:
    """The copy's passage that takes the quote's place: the run of a paragraph from the first to the last
    of the quote's words it keeps, when it keeps enough of them and occurs once."""
    wanted = normalised_words(quote)
    best: tuple[float, str] | None = None
    for paragraph in copy.paragraphs:
        words = list(_WORD.finditer(paragraph.text))
        keys = [" ".join(normalised_words(w.group())) for w in words]
        blocks = [b for b in difflib.SequenceMatcher(None, wanted, keys, autojunk=False).get_matching_blocks() if b.size]
        if not blocks:
            continue
        kept = sum(b.size for b in blocks) / len(wanted)
        first, last = blocks[0].b, blocks[-1].b + blocks[-1].size - 1
        spread = (last - first + 1) / len(wanted)
        if kept >= STANDS_IN and spread <= 1 / STANDS_IN and (best is None or kept > best[0]):
            passage = paragraph.text[words[first].start() : words[last].end()]
            if not quote.rstrip().endswith((".", "?", "!")):
                passage = passage.rstrip(",;:.")  # the copy's sentence end, where the quote stopped short of it
            best = (kept, passage)
    if best and len(quotes.find(copy, best[1])) == 1:
        return best[1]
    return None


def _scalar(text: str) -> str:
    return yaml.safe_dump(text, width=10_000, allow_unicode=True, default_style=None).removesuffix("\n...\n").strip()


def _one_line(text: str) -> str:
    return " ".join(str(text).split()).replace('"', "'")
