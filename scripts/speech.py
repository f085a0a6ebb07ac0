"""Who says which words: a first pass of an article's attribution, found by rules, for `make new` to propose.

A news article mixes its own reporting with words it credits to sources: a sentence ending "…, the
officials said", a direct quotation followed by "predicted Hisham al-Hashimi". A curation records this
once per article (its ``attribution``). The rules here find the common forms, so an editor starts from
a proposal to confirm rather than from a blank list:

* a sentence with a said-clause is the speaker's as a whole: "…, X said." / "…, said X." / "X said …" /
  "Longer term, they said, …" / "…, X told The Associated Press." / "…, according to X.";
* a sentence opened by a direct quotation (“Quoted words,” predicted X, an analyst.), or ending with one
  (X said: “Quoted words.”), gives the speaker only the words inside the quotation marks: the
  attribution clause around them is the article's own reporting;
* "they", "he", "she" and "it" stand for the most recent named speaker before them in the article (one
  of the same number when there is one: "they" skips a named analyst back to "the officials");
* the article's own wire service or outlet ("…, The Associated Press said.") is not a voice: its words
  are the reporting itself.

Proposals never overlap. They are offsets into the article, not checked quotes: whether a span is
usable as curation evidence (long enough, found exactly once) is for the caller to test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .article import Article, Paragraph, Quotation
from .evidence import sentences
from .parse import WIRE_SERVICES
from .text import clean

QUOTATION_CUE = "quotation"
VERBS = r"said|says|say|told|added|stated|predicted|warned|noted|claimed|explained|stressed"
MAX_SPEAKER_WORDS = 8  # "intelligence and counterterrorism officials"; longer runs are clauses, not names
MAX_UNIT = 3000  # characters: longer "sentences" are lists or unpunctuated text, not read for a speaker

_MASK = "\x00"  # stands in for a quotation's words, so a said-clause is never read inside them
_NOT_NP = r",;:!?\"“”()\[\]—–" + _MASK
# A source as the article writes it: words up to the verb, never across a comma, dash or quotation.
_NP = rf"[^\s{_NOT_NP}][^{_NOT_NP}]*?"
# A proper name: "Hisham al-Hashimi", "Gen. Yahya Rasool", "Omar bin Laden".
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|el-\w+|bin|ibn|abu|de|da|van|von|der))*"
# What follows a name between commas: "an Iraqi security analyst", "the spokesman of the command".
_APPOSITIVE = r"(?:a|an|the|his|her|its|their)\s[^,;:!?\"“”()" + _MASK + r"]+"
# A clause starts a sentence, or follows a comma, dash, colon, bracket or quotation.
_START = rf"(?:^|(?<=[,;:—–(\"”{_MASK}]))\s*"

# "…, X said." / "X said …" / "Longer term, they said, …" / "Hisham al-Hashimi, an analyst, said …"
SPEAKER_VERB = re.compile(
    rf"{_START}(?:(?P<name>{_NAME}),\s+{_APPOSITIVE},|(?P<speaker>{_NP}))\s+(?P<verb>{VERBS})\b(?!\s+to\s+(?:be|have)\b)"
)
# "…, said Yahya Rasool, the spokesman of the command." (only at the end of the sentence)
VERB_SPEAKER = re.compile(rf"{_START}(?P<verb>{VERBS})\s+(?P<speaker>{_NP})(?:,\s+[^;:{_MASK}]*?)?\s*[.!?]?[\"”’']?\s*$")
# "…, according to Saad Maan." / "According to the officials, …"
ACCORDING_TO = re.compile(rf"\b(?P<verb>[Aa]ccording\s+to)\s+(?P<speaker>{_NP})(?=\s*(?:[,;:!?—–()\"”{_MASK}]|\.?[\"”’']?\s*$))")
SAID_CLAUSES = (SPEAKER_VERB, VERB_SPEAKER, ACCORDING_TO)
# After a quotation's closing mark: ", predicted Hisham al-Hashimi" / ", they said".
SPEAKER_AFTER = re.compile(
    rf"^[\W{_MASK}]*?(?:(?P<verb>{VERBS})\s+(?P<speaker>{_NP})(?=\s*(?:[,;:!?{_MASK}]|\.|$))|(?P<speaker2>{_NP})\s+(?P<verb2>{VERBS})\b)"
)
# Before a quotation that closes its sentence: "Yahya Rasool said: “" / "The officials said, “".
SPEAKER_BEFORE = re.compile(
    rf"^\W*?(?:(?P<name>{_NAME}),\s+{_APPOSITIVE},|(?P<speaker>{_NP}))\s+(?P<verb>{VERBS})\b[^\"“{_MASK}]{{0,60}}?[:,]\s*[\"“]\s*$"
)
_CLOSING = re.compile(r"[,.!?;:…]*(?=[\"”’'])")  # punctuation inside the closing mark belongs to the quotation


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PRONOUNS = {"they": "plural", "he": "singular", "she": "singular", "it": "singular"}
# Words that make a run a clause ("which the minister", "it is hard to"), not a source.
_CLAUSE_WORDS = _words(
    """that which what who whom whose when where why how if whether because is are was were be been being
    do does did will would could can may might should must not never i we you there this these those"""
)
_LEADING = frozenset({"and", "but"})
# "they also said", "the ministry has said": the source is the words before these.
_TRAILING = frozenset(
    {"also", "has", "have", "had", "long", "later", "previously", "earlier", "repeatedly", "publicly", "then", "often", "again"}
)
# "said Yusuf Amin on Tuesday", "said the ministry in a statement": when, or how, not who.
_CIRCUMSTANCE = re.compile(
    r"\s+(?:(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|evening)"
    r"|in\s+(?:a|an)\s+\w+)$"
)
_DANGLING = frozenset({"and", "or", "of", "the", "a", "an", "to", "in", "on", "at", "for", "with", "by", "from"})
_PLURAL_WORDS = frozenset({"police", "people"})


@dataclass(frozen=True)
class ProposedVoice:
    """Words of one paragraph that the article credits to a source, as the rules read it."""

    speaker: str  # the words naming the source as the article writes them: "the officials", "Hisham al-Hashimi"
    paragraph: int
    start: int  # offsets into article.paragraph(paragraph).text
    end: int
    cue: str  # what credits the words: the verb ("said", "told"), "according to", or "quotation"


@dataclass(frozen=True)
class _Quoted:
    quotation: Quotation
    start: int  # the quoted words, with punctuation inside the closing mark
    end: int
    outer_start: int  # the quotation marks included
    outer_end: int


@dataclass(frozen=True)
class _Unit:
    """A sentence, or the run of sentences a quotation spans: what one rule attributes at a time."""

    start: int
    end: int
    quoted: tuple[_Quoted, ...]


def propose(article: Article) -> list[ProposedVoice]:
    """The article's attributed words, in article order, each proposal with the speaker and the cue."""
    resolver = _Speakers(_reporters(article))
    by_paragraph: dict[int, list[Quotation]] = {}
    for quotation in article.quotations:
        by_paragraph.setdefault(quotation.paragraph, []).append(quotation)
    proposals: list[ProposedVoice] = []
    for paragraph in article.paragraphs:
        for unit in _units(paragraph, by_paragraph.get(paragraph.number, [])):
            proposals.extend(_attribute(paragraph, unit, resolver))
    return _without_overlaps(proposals)


# --- sentences and quotations ---------------------------------------------------------------------


def _units(paragraph: Paragraph, quotations: list[Quotation]) -> list[_Unit]:
    """The paragraph's sentences, those a quotation runs across joined into one unit."""
    spans = [(s.start, s.end) for s in sentences(paragraph)]
    quoted = _locate(paragraph.text, quotations)
    joined = [False] * len(spans)  # joined[i]: sentence i and sentence i + 1 are one unit
    for q in quoted:
        inside = [i for i, (s, e) in enumerate(spans) if s < q.outer_end and q.outer_start < e]
        for i in inside[:-1]:
            joined[i] = True
    units: list[_Unit] = []
    first = 0
    for i, (_, end) in enumerate(spans):
        if joined[i]:
            continue
        start = spans[first][0]
        units.append(_Unit(start, end, tuple(q for q in quoted if start <= q.start < end)))
        first = i + 1
    return units


def _locate(text: str, quotations: list[Quotation]) -> list[_Quoted]:
    found: list[_Quoted] = []
    cursor = 0
    for quotation in quotations:
        start = text.find(quotation.text, cursor)
        while start >= 0 and _opening_mark(text, start) is None:
            start = text.find(quotation.text, start + 1)  # the same words unquoted earlier in the paragraph
        if start < 0:
            continue
        outer_start = _opening_mark(text, start) or 0
        end = start + len(quotation.text)
        if closing := _CLOSING.match(text, end):
            end = closing.end()
        outer_end = end + 1 if end < len(text) and text[end] in '"”' else end
        found.append(_Quoted(quotation, start, end, outer_start, outer_end))
        cursor = outer_end
    return found


def _opening_mark(text: str, start: int) -> int | None:
    """Where the quotation mark opening the words at ``start`` is, if one does."""
    at = start
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at - 1 if at > 0 and text[at - 1] in '"“' else None


# --- the rules ------------------------------------------------------------------------------------


def _attribute(paragraph: Paragraph, unit: _Unit, resolver: _Speakers) -> list[ProposedVoice]:
    text = paragraph.text
    if unit.end - unit.start > MAX_UNIT:
        return []
    if unit.quoted:
        first = unit.quoted[0]
        before = text[unit.start : first.start]
        opens = not re.search(r"\w", before)
        intro = None if opens else SPEAKER_BEFORE.match(before)
        if opens or intro:
            # The quoted words are the speaker's; the clause naming the speaker stays the reporting.
            speaker = _speaker(intro.group("name") or intro.group("speaker")) if intro else _quotation_speaker(text, unit)
            resolved = resolver.resolve(speaker) if speaker else None
            if resolved is None:
                return []
            return [ProposedVoice(resolved, paragraph.number, q.start, q.end, QUOTATION_CUE) for q in unit.quoted]
    masked = _masked(text, unit)
    for speaker, verb in _said_clauses(masked):
        resolved = resolver.resolve(speaker)
        if resolved is not None:
            return [ProposedVoice(resolved, paragraph.number, unit.start, unit.end, verb)]
    return []


def _masked(text: str, unit: _Unit) -> str:
    """The unit's text with every quotation's words replaced (offsets kept), relative to the unit."""
    chars = list(text[unit.start : unit.end])
    for q in unit.quoted:
        for i in range(q.outer_start, q.outer_end):
            if unit.start <= i < unit.end:
                chars[i - unit.start] = _MASK
    return "".join(chars)


def _said_clauses(masked: str) -> list[tuple[str, str]]:
    """Every plausible (speaker, cue) of the unit, earliest in the sentence first."""
    found: list[tuple[int, str, str]] = []
    for pattern in SAID_CLAUSES:
        for match in pattern.finditer(masked):
            speaker = _speaker(match.groupdict().get("name") or match.group("speaker"))
            if speaker:
                found.append((match.start(), speaker, " ".join(match.group("verb").lower().split())))
    return [(speaker, verb) for _, speaker, verb in sorted(found, key=lambda f: f[0])]


def _quotation_speaker(text: str, unit: _Unit) -> str | None:
    """The speaker the parser found after one of the unit's quotations, else a said-clause after it."""
    for q in unit.quoted:
        if q.quotation.speaker:
            return _speaker(q.quotation.speaker)
    masked = _masked(text, unit)
    after = masked[unit.quoted[0].outer_end - unit.start :]
    if match := SPEAKER_AFTER.match(after):
        return _speaker(match.group("speaker") or match.group("speaker2"))
    return None


def _speaker(words: str | None) -> str | None:
    """The source named by a run of words, trimmed; None when the run reads as a clause."""
    tokens = _CIRCUMSTANCE.sub("", clean(words or "")).split()
    while tokens and tokens[0].lower() in _LEADING:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower() in _TRAILING:
        tokens = tokens[:-1]
    if not tokens or len(tokens) > MAX_SPEAKER_WORDS or tokens[-1].lower() in _DANGLING:
        return None
    if len(tokens[-1]) > 3 and tokens[-1].count(".") == 1 and tokens[-1].endswith("."):
        tokens[-1] = tokens[-1][:-1]  # "Ahmed Jassim." closing the sentence; "U.S." and "Jr." keep theirs
    if len(tokens) == 1 and tokens[0].lower() in PRONOUNS:
        return tokens[0]
    lowered = {t.lower().strip(".'’") for t in tokens}
    if lowered & _CLAUSE_WORDS or lowered & PRONOUNS.keys():
        return None
    return " ".join(tokens)


def _key(name: str) -> str:
    return re.sub(r"^the\s+", "", clean(name).casefold())


def _reporters(article: Article) -> frozenset[str]:
    """The names the article's own reporting goes by: its wire service (and its abbreviations), its outlet."""
    names = {n for n in (article.wire_service, article.outlet) if n}
    names |= {short for short, full in WIRE_SERVICES.items() if full == article.wire_service}
    return frozenset(_key(n) for n in names)


def _plural(speaker: str) -> bool:
    words = speaker.split()
    last = words[-1]
    if last[:1].isupper() and len(words) > 1:
        return False  # a name: "Hisham al-Hashimi", "the Interior Ministry"; a lone word may open a sentence
    word = last.lower()
    return word in _PLURAL_WORDS or (word.endswith("s") and not word.endswith("ss"))


class _Speakers:
    """Turns a said-clause's speaker into the proposal's: the wire left out, pronouns resolved."""

    def __init__(self, reporters: frozenset[str]) -> None:
        self.reporters = reporters
        self.latest: dict[str, str] = {}  # "plural", "singular", "any" → the most recent named speaker

    def resolve(self, speaker: str) -> str | None:
        if _key(speaker) in self.reporters:
            return None  # the article's own reporting, not a voice
        number = PRONOUNS.get(speaker.lower())
        if number:
            return self.latest.get(number) or self.latest.get("any") or speaker
        self.latest["plural" if _plural(speaker) else "singular"] = speaker
        self.latest["any"] = speaker
        return speaker


def _without_overlaps(proposals: list[ProposedVoice]) -> list[ProposedVoice]:
    kept: list[ProposedVoice] = []
    for proposal in sorted(proposals, key=lambda p: (p.paragraph, p.start)):
        if kept and kept[-1].paragraph == proposal.paragraph and kept[-1].end > proposal.start:
            continue
        kept.append(proposal)
    return kept
