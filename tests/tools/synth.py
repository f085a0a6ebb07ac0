"""Synthetic corpora for the benchmark: many seed + curation pairs made from the one real seed.

Each synthetic article is the real one with its people, places and organisations and a good share of its
ordinary words replaced. The same replacement runs over the text and over the curation, so every evidence
quote and every `mentioned_as` alias still occurs verbatim (replacement words are fresh, so no quote can
start occurring twice). Filler paragraphs, outlets, date lines, datelines and page chrome vary too, so no
two articles look like copies and nothing can be cached across them, except the few that are meant to be
copies: reprints of another synthetic article by a different outlet, with small edits.

    python -m tests.tools.synth 100 build/synth-seeds   # writes the corpus, then checks it builds
"""

from __future__ import annotations

import argparse
import copy
import datetime
import hashlib
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import yaml

from scripts import entities
from scripts.faithfulness import FUTURE_CUES, HEDGES, PLAN_CUES

ROOT = Path(__file__).resolve().parents[2]
REAL_SEED = ROOT / "seeds" / "000_b2ab8aba2c0e3d24.txt"
REAL_OUTLET = re.compile(r"^\S+\.\w+ - ")
CHROME_START = "top stories"
COPY_SHARE = 0.05
REPLACE_SHARE = 0.8  # of the tagged ordinary words, per article
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: 1,000 curations in seconds


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SHARED = entities.load()  # the real actors' names and kinds, declared once


# --- actors -----------------------------------------------------------------------------------
# Actors every article keeps under their real id and name, so their pages gather every article.
KEPT_ACTORS = frozenset({"islamic-state", "iraqi-security-agencies", "iraqi-forces", "baghdad-government", "sunni-arab-minority"})


@dataclass(frozen=True)
class Cast:
    """One synthetic actor. An id always comes with the same name and alias, whichever article draws it."""

    id: str
    name: str
    alias: str  # how the text mentions it: the curation's `mentioned_as`
    phrases: tuple[tuple[str, str], ...]  # (the real article's words, this actor's words)
    wire_code: str = ""  # for news agencies: the code a dateline prints, "(AP)"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


FIRST_NAMES = _words(
    "Hisham Karim Ahmed Saad Fadhil Laith Mustafa Omar Haider Yasir Rasha Huda Zainab Noor Sami Wathiq "
    "Jabbar Muna Basim Dalia Falah Ghassan Iman Kadhim"
)
FAMILY_NAMES = _words(
    "al-Hashimi al-Tamimi al-Jubouri al-Dulaimi al-Obeidi al-Ani al-Rubaie al-Saadi al-Khafaji al-Zubaidi al-Shammari "
    "al-Kubaisi al-Mashhadani al-Bayati"
)
MINISTRIES = _words("Interior Defence Justice Finance Oil Transport Planning")
UNITS = ("counterterrorism agency", "intelligence directorate", "border command", "security office", "investigations bureau")
MILITIA_PREFIXES = _words("Saraya Kataib Liwa Firqat Quwat Jund")
MILITIA_SUFFIXES = _words("al-Nasr al-Fajr al-Wafa al-Tahrir al-Furat al-Karama al-Qasim al-Rafidain")
COMPANY_ORIGINS = _words(
    "European British French German American Turkish Korean Japanese Canadian Swedish Italian Czech Dutch Spanish Finnish Austrian"
)
PARTNERS = (
    "the United States",
    "NATO",
    "the European Union",
    "Britain",
    "France",
    "Germany",
    "Australia",
    "Canada",
    "Italy",
    "Jordan",
)
# (total, from intelligence agencies, from the other agency): the real article has six = four + two.
OFFICIAL_COUNTS = (
    ("five", "three", "two"),
    ("six", "four", "two"),
    ("seven", "four", "three"),
    ("seven", "five", "two"),
    ("eight", "five", "three"),
    ("eight", "six", "two"),
    ("nine", "five", "four"),
    ("nine", "six", "three"),
    ("ten", "six", "four"),
    ("ten", "seven", "three"),
)
WIRES = (
    Cast(
        "associated-press",
        "The Associated Press (AP)",
        "The Associated Press",
        (("The Associated Press", "The Associated Press"),),
        "AP",
    ),
    # "Reuters said" alone would be a quote too short to verify; the credit keeps "Reuters said" for the parser.
    Cast("reuters", "Reuters", "Reuters", (("The Associated Press", "the news agency Reuters"),), "Reuters"),
    Cast(
        "agence-france-presse",
        "Agence France-Presse (AFP)",
        "Agence France-Presse",
        (("The Associated Press", "Agence France-Presse"),),
        "AFP",
    ),
)


def _pool() -> dict[str, tuple[str, list[Cast]]]:
    """The real actor each role replaces, and about 200 synthetic actors to draw from (fixed for every corpus)."""
    rng = random.Random("synthetic actor pool")
    people = rng.sample([f"{f} {s}" for f in FIRST_NAMES for s in FAMILY_NAMES], 110)
    militias = rng.sample([f"{p} {s}" for p in MILITIA_PREFIXES for s in MILITIA_SUFFIXES], 30)
    return {
        "analyst": ("hisham-al-hashimi", [Cast(_slug(p), p, p, (("Hisham al-Hashimi", p),)) for p in people]),
        "agency": (
            "interior-ministry-counterterrorism",
            [
                Cast(
                    _slug(f"{m} ministry {u}"),
                    f"{m} Ministry {u}",
                    f"{m} Ministry's {u}",
                    (("Interior Ministry's counterterrorism agency", f"{m} Ministry's {u}"),),
                )
                for m in MINISTRIES
                for u in UNITS
            ],
        ),
        "militia": (
            "state-sanctioned-militias",
            [
                Cast(
                    _slug(m),
                    f"{m} (state-sanctioned militia)",
                    m,
                    (("state-sanctioned militias", f"state-sanctioned {m} brigades"),),
                )
                for m in militias
            ],
        ),
        "companies": (
            "western-companies",
            [
                Cast(
                    f"{_slug(o)}-companies",
                    f"{o} companies (unnamed)",
                    f"{o} companies",
                    (("Western companies", f"{o} companies"),),
                )
                for o in COMPANY_ORIGINS
            ],
        ),
        "partner": (
            "the-west",
            [Cast(_slug(p.removeprefix("the ")), p[0].upper() + p[1:], p, (("the West", p),)) for p in PARTNERS],
        ),
        "officials": (
            "six-officials",
            [
                Cast(
                    f"{total}-officials",
                    f"{total.capitalize()} Iraqi officials (unnamed)",
                    "officials",
                    (("Six", total.capitalize()), ("six", total), ("four", a), ("two", b), ("Two", b.capitalize())),
                )
                for total, a, b in OFFICIAL_COUNTS
            ],
        ),
        "wire": ("associated-press", list(WIRES)),
    }


POOL = _pool()

# --- places and ordinary words ----------------------------------------------------------------
CITIES = (
    "Mosul",
    "Tal Afar",
    "Hawija",
    "Ramadi",
    "Fallujah",
    "Tikrit",
    "Baiji",
    "Qaim",
    "Rawa",
    "Anah",
    "Sinjar",
    "Rutba",
    "Haditha",
    "Samarra",
)
NEIGHBOURS = ("Syria", "Jordan", "Iran", "Turkey", "Saudi Arabia", "Kuwait")
PROVINCES = _words("Nineveh Anbar Salahuddin Kirkuk Diyala Babil Basra Najaf Karbala Wasit Maysan Dohuk Erbil Sulaymaniyah")
RIVERS = ("the Tigris", "the Euphrates", "the Great Zab", "the Diyala")

# The real article's ordinary words by part of speech, each with replacements of the same part of
# speech, so the varied text still reads as sentences. Words that name actors ("officials",
# "militants", "security agencies") or carry the wire credit ("said") are deliberately absent.
WORDS: dict[str, tuple[str, str]] = {
    "noun": (
        (
            "strategy fight downfall focus level cooperation move role organization groundwork crime priority number term "
            "condition anonymity planning city country territory stretch equipment surveillance support desert center work "
            "intelligence border analyst terror"
        ),
        (
            "approach plan campaign effort push drive shift posture doctrine policy course method agenda program mission framework "
            "initiative scheme blueprint outlook stance response tactic measure process project struggle contest battle conflict "
            "showdown collapse decline defeat retreat emphasis attention weight degree scale coordination partnership alliance "
            "collaboration liaison engagement dialogue exchange network structure movement outfit faction hub base stronghold "
            "heartland province district region zone frontier boundary perimeter corridor crossing frontline foundation basis "
            "footing spadework logistics smuggling extortion racketeering trafficking concern objective goal aim target task "
            "horizon period phase stage segment expanse tract swath belt strip wilderness steppe plain valley gear hardware "
            "technology apparatus machinery oversight reconnaissance backing sympathy loyalty allegiance"
        ),
    ),
    "plural": (
        "offensives airstrikes areas attacks operations grievances interviews preparations days weeks pockets drones units plans",
        (
            "approaches campaigns efforts raids strikes sweeps patrols incursions assaults missions sorties bombardments barrages "
            "zones districts regions provinces enclaves villages towns valleys corridors ambushes bombings kidnappings "
            "assassinations shootings complaints demands disputes resentments tensions concerns meetings talks briefings "
            "consultations conversations arrangements measures steps months years hours nights seasons cells sleepers networks "
            "squads teams detachments battalions cameras sensors radars balloons aircraft satellites towers fences trenches berms "
            "checkpoints"
        ),
    ),
    "adjective": (
        (
            "different surgical higher new classic dispersed underground remote organized immediate longtime cohesive eroding "
            "neighboring northern small major urban long last expected tough"
        ),
        (
            "broader sharper tougher quieter distinct separate precise targeted narrow limited modest greater stronger deeper wider "
            "fresh revised updated overhauled traditional familiar conventional scattered fragmented decentralized covert "
            "clandestine hidden secret isolated rugged distant mountainous rural sprawling formal pressing urgent early persistent "
            "enduring chronic lingering durable resilient unified compact weakening crumbling shrinking fading adjacent bordering "
            "southern eastern central regional provincial tiny minor principal vast endless porous anticipated projected harsh grim"
        ),
    ),
    "ing": (
        "shifting holding laying hiding carrying resorting negotiating patrolling nearing fighting preparing",
        (
            "moving turning pivoting switching retaining keeping seizing building setting concealing sheltering staging launching "
            "waging mounting relying counting arranging discussing bargaining consulting guarding policing watching securing "
            "approaching facing confronting battling combating pursuing hunting"
        ),
    ),
    "past": (
        "designed fueled described predicted reduced secured stretched",
        (
            "intended crafted shaped built devised tailored planned drafted aimed fostered stoked driven outlined detailed "
            "explained recounted forecast warned shrunk trimmed narrowed sealed guarded stabilized protected extended spread reached"
        ),
    ),
    "base": (
        "counter limit escape retake buy monitor deploy discuss bankroll succeed help start go",
        (
            "check curb contain reduce stem cap flee leave evade slip recapture reclaim regain purchase acquire procure obtain watch "
            "track observe scan station send dispatch post debate review finance fund sustain prevail win endure triumph assist aid "
            "begin launch commence"
        ),
    ),
    "verb-s": (
        "addresses loses falls",
        "tackles resolves confronts answers eases handles drops collapses crumbles gives prepares yields surrenders concedes",
    ),
    "adverb": (
        "seemingly fully relatively quickly likely mainly",
        (
            "apparently evidently reportedly ostensibly completely entirely totally wholly comparatively reasonably fairly "
            "somewhat rapidly swiftly promptly soon probably possibly presumably largely mostly predominantly chiefly primarily"
        ),
    ),
}

# --- what surrounds the text --------------------------------------------------------------------
OUTLET_NAMES = _words(
    "Mideast Gulf Levant Tigris Euphrates Rafidain Orient Crescent Babylon Sumer Kurdistan Nineveh Arabia Caspian Anatolia "
    "Desert Oasis Falcon Cedar Basra"
)
OUTLET_KINDS = _words("News Post Times Wire Daily Report Monitor Today Herald Insider Observer Voice")
OUTLET_DOMAINS = (".com", ".net", ".org", ".info", ".Net", ".co.uk")
OUTLET_SEPARATORS = (" - ", " – ", " — ")
MONTHS = _words("January February March April May June July August September October November December")
FIRST_DAY, LAST_DAY = datetime.date(2016, 1, 1), datetime.date(2018, 12, 31)
DATELINE_PLACES = ("BAGHDAD", "ERBIL", "BASRA", "KIRKUK", "BAGHDAD, Iraq", "ERBIL, Iraq")

REAL_TITLE_SHARE = 0.3  # the rest use one of these headlines
TITLES = (
    "Iraq plans {adj} {noun} against IS after {city}",
    "After {city}, Iraq turns to a {adj} {noun} against IS",
    "Iraqi agencies prepare for a {adj} {noun2} once {city} falls",
    "Iraq weighs {adj} {noun} as IS nears defeat in {city}",
    "Beyond {city}: Iraq's {adj} {noun} against an underground IS",
)
FILLER = (
    "Residents of {city} described {adj} {plural} and {adj2} {plural2} in the months since the {noun} began.",
    "A {adj} {noun} near {city} was reported on {weekday}, according to a local {job}, who asked that his name not be used.",
    "Aid groups working around {city} say {count} families have returned to their homes, while others remain in camps outside the {noun}.",
    "Lawmakers from {province} province called in parliament for a {adj} {noun} and more money for reconstruction.",
    "Prices of food and fuel in {city} rose by {percent} percent over the past {period}, traders in the central market said.",
    "Electricity and water services in parts of {province} are still {adj}, and schools in {small} districts have yet to reopen.",
    "{person}, a {job} in {city}, said the {noun} would take {small} years to repair.",
    "Engineers have begun clearing {plural} from roads leading into {city}, a task expected to last until {month} {year}.",
    "{Small} bridges over {river} were damaged in the fighting, and only one has been reopened to traffic.",
    "Humanitarian agencies estimate that {thousands} people are still displaced from {city} and the villages around it.",
)
JOBS = (
    "teacher",
    "shopkeeper",
    "engineer",
    "doctor",
    "tribal elder",
    "council member",
    "journalist",
    "pharmacist",
    "farmer",
    "taxi driver",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SMALL_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")
RELATED_LABELS = ("Related stories", "Read more", "More stories", "Latest news")


@dataclass
class Story:
    """One synthetic article before it is written out."""

    title: str
    date: str
    outlet: str
    separator: str
    dateline: str
    paragraphs: list[str]
    filler: list[bool]  # per paragraph: added text that no evidence quote points into
    chrome: str
    curation: dict
    wire: Cast
    protected: frozenset[str] = field(default_factory=frozenset)  # words a copy's edits leave alone


# --- the real seed --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Real:
    title: str
    paragraphs: tuple[str, ...]
    chrome: str
    curation: dict
    words: frozenset[str]  # every word of the text and curation, lowercased: replacements avoid them


def read_real() -> Real:
    text = REAL_SEED.read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    title = blocks[0].strip()
    chrome_at = next(i for i, b in enumerate(blocks) if b.strip().lower().startswith(CHROME_START))
    paragraphs = [b.strip() for b in blocks[2:chrome_at]]
    paragraphs[0] = REAL_OUTLET.sub("", paragraphs[0])
    curation_text = REAL_SEED.with_suffix(".yml").read_text(encoding="utf-8")
    curation = yaml.safe_load(curation_text)
    check_actors(curation)
    words = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", text + curation_text))
    return Real(title, tuple(paragraphs), "\n\n".join(blocks[chrome_at:]), curation, words)


def check_actors(curation: dict) -> None:
    """Every real actor is either kept or has a pool to be renamed from; an actor added later must be given one."""
    ids = {actor["id"] for actor in curation["actors"]}
    known = KEPT_ACTORS | {original for original, _ in POOL.values()}
    if ids != known:
        raise ValueError(f"the real curation's actors changed; sort these into KEPT_ACTORS or POOL: {sorted(ids ^ known)}")


# --- replacing words consistently in text and curation --------------------------------------------


class Substitution:
    """Replaces whole words and phrases, longest first, in one pass: the same function for text and quotes."""

    def __init__(self, mapping: dict[str, str]) -> None:
        full = dict(mapping)
        for word, new in mapping.items():
            if word.islower() and " " not in word:  # a sentence may start with the word
                full.setdefault(word.capitalize(), new[0].upper() + new[1:])
        self.mapping = {k: v for k, v in full.items() if k != v}
        keys = sorted(self.mapping, key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)") if keys else None

    def __call__(self, text: str) -> str:
        return self.pattern.sub(lambda m: self.mapping[m.group(0)], text) if self.pattern else text


ID_KEYS = frozenset({"id", "according_to", "carried_out_by", "source", "target", "answers", "reporting"})
# Schema vocabulary, and the names of pillars, moves and kept actors: the same in every article, as
# they merge across articles. Renamed actors get their names from the pool.
KEEP_KEYS = frozenset({"type", "kind", "value", "name"})


def transform(node: object, sub: Substitution, ids: dict[str, str], key: str | None = None) -> object:
    if isinstance(node, dict):
        return {k: transform(v, sub, ids, k) for k, v in node.items()}
    if isinstance(node, list):
        return [transform(v, sub, ids, key) for v in node]
    if isinstance(node, str):
        if key in ID_KEYS:
            return ids.get(node, node)
        return node if key in KEEP_KEYS else sub(node)
    return node


# Words the curation checks read (hedges, plan and forecast cues) stay as they are: "preparing" swapped
# for "facing" would turn the real curation's faithful plan into one the checks question, in every
# synthetic article, which is not the corpus an editor keeps.
CUE_WORDS = frozenset(
    word for phrase in (*HEDGES, *(w for kept in HEDGES.values() for w in kept), *PLAN_CUES, *FUTURE_CUES) for word in phrase.split()
)


def word_map(rng: random.Random, real: Real, share: float) -> dict[str, str]:
    """A share of the tagged words, each to a replacement of its part of speech never used twice."""
    used = set(real.words)
    mapping = {}
    for originals, replacements in WORDS.values():
        fresh = [w for w in dict.fromkeys(replacements.split()) if w not in used and w not in CUE_WORDS]
        for word in originals.split():
            if rng.random() < share and fresh and word not in CUE_WORDS:
                new = fresh.pop(rng.randrange(len(fresh)))
                used.add(new)
                mapping[word] = new
    return mapping


# --- making articles ------------------------------------------------------------------------------


def draw_cast(rng: random.Random) -> dict[str, Cast]:
    return {role: rng.choice(entries) for role, (_, entries) in POOL.items()}


def make_original(rng: random.Random, real: Real) -> Story:
    cast = draw_cast(rng)
    city, neighbour = rng.choice(CITIES), rng.choice(NEIGHBOURS)
    mapping = word_map(rng, real, REPLACE_SHARE)
    for member in cast.values():
        mapping.update(member.phrases)
    mapping.update({"Mosul": city, "Syria": neighbour})
    sub = Substitution(mapping)
    paragraphs = [sub(p) for p in real.paragraphs]
    filler = [False] * len(paragraphs)
    for _ in range(rng.randint(1, 3)):
        add_filler(rng, paragraphs, filler, city)
    wire = cast["wire"]
    return Story(
        title=make_title(rng, sub, real, city),
        date=make_date(rng),
        outlet=make_outlet(rng),
        separator=rng.choice(OUTLET_SEPARATORS),
        dateline=make_dateline(rng, wire),
        paragraphs=paragraphs,
        filler=filler,
        chrome=make_chrome(rng, real),
        curation=make_curation(real, sub, cast),
        wire=wire,
        protected=frozenset(w.lower() for c in cast.values() for w in re.findall(r"\w+", c.alias)),
    )


def make_copy(rng: random.Random, original: Story, real: Real) -> Story:
    """A reprint by another outlet: one filler paragraph dropped, one added, a few words changed."""
    paragraphs, filler = list(original.paragraphs), list(original.filler)
    drop = rng.choice([i for i, f in enumerate(filler) if f])
    del paragraphs[drop], filler[drop]
    add_filler(rng, paragraphs, filler, rng.choice(CITIES))
    sub = Substitution(copy_edits(rng, paragraphs, original.protected, real))
    outlet = make_outlet(rng)
    while outlet == original.outlet:
        outlet = make_outlet(rng)
    return replace(
        original,
        date=copy_date(rng, original.date),
        outlet=outlet,
        separator=rng.choice(OUTLET_SEPARATORS),
        dateline=make_dateline(rng, original.wire),
        paragraphs=[sub(p) for p in paragraphs],
        filler=filler,
        chrome=make_chrome(rng, real),
        curation=transform(original.curation, sub, {}),
    )


def copy_edits(
    rng: random.Random, paragraphs: list[str], protected: frozenset[str], real: Real, count: int = 3
) -> dict[str, str]:
    present = {w.lower() for p in paragraphs for w in re.findall(r"[A-Za-z]+", p)}
    candidates = sorted({w for p in paragraphs for w in re.findall(r"(?<![\w-])[a-z]{5,}(?![\w-])", p)} - protected - {"said"})
    pool = [w for w in dict.fromkeys(" ".join(r for _, r in WORDS.values()).split()) if w not in present and w not in real.words]
    chosen = rng.sample(candidates, count)
    return dict(zip(chosen, rng.sample(pool, count), strict=True))


def add_filler(rng: random.Random, paragraphs: list[str], filler: list[bool], city: str) -> None:
    # Never before the first paragraph: the outlet prefix and the lead stay where parsers look for them.
    at = rng.randint(1, len(paragraphs))
    templates = rng.sample(FILLER, rng.randint(2, 3))
    paragraphs.insert(at, " ".join(fill(rng, t, city) for t in templates))
    filler.insert(at, True)


def fill(rng: random.Random, template: str, city: str) -> str:
    nouns, plurals, adjectives = (WORDS[k][1].split() for k in ("noun", "plural", "adjective"))
    small = rng.choice(SMALL_NUMBERS)
    return template.format(
        city=rng.choice((city, *CITIES)),
        noun=rng.choice(nouns),
        plural=rng.choice(plurals),
        plural2=rng.choice(plurals),
        adj=rng.choice(adjectives),
        adj2=rng.choice(adjectives),
        weekday=rng.choice(WEEKDAYS),
        job=rng.choice(JOBS),
        count=rng.randrange(40, 4000),
        province=rng.choice(PROVINCES),
        percent=rng.randrange(5, 60),
        period=rng.choice(("month", "two months", "year", "winter", "summer")),
        small=small,
        Small=small.capitalize(),
        person=rng.choice(POOL["analyst"][1]).name,
        month=rng.choice(MONTHS),
        year=rng.randrange(2016, 2020),
        river=rng.choice(RIVERS),
        thousands=f"{rng.randrange(10, 400) * 1000:,}",
    )


def make_title(rng: random.Random, sub: Substitution, real: Real, city: str) -> str:
    if rng.random() < REAL_TITLE_SHARE:
        return sub(real.title)
    nouns, adjectives = WORDS["noun"][1].split(), WORDS["adjective"][1].split()
    return rng.choice(TITLES).format(noun=rng.choice(nouns), noun2=rng.choice(nouns), adj=rng.choice(adjectives), city=city)


def make_date(rng: random.Random) -> str:
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    return format_date(day, exact=rng.random() < 0.7)


def format_date(day: datetime.date, exact: bool) -> str:
    month = MONTHS[day.month - 1]
    return f"{month} {day.day}, {day.year}" if exact else f"{month} {day.year}"


def copy_date(rng: random.Random, date: str) -> str:
    """The original's date, or for an exact date sometimes the next day (reprints run a day late)."""
    m = re.fullmatch(r"(\w+) (\d+), (\d+)", date)
    if not m or rng.random() < 0.5:
        return date
    day = datetime.date(int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2)))
    return format_date(min(day + datetime.timedelta(days=1), LAST_DAY), exact=True)


def make_outlet(rng: random.Random) -> str:
    name, kind, domain = rng.choice(OUTLET_NAMES), rng.choice(OUTLET_KINDS), rng.choice(OUTLET_DOMAINS)
    style = rng.random()
    if style < 0.6:
        return f"{name}{kind}{domain}"
    if style < 0.8:
        return f"{name}-{kind}{domain}".lower()
    return f"{name}{kind}{domain}".lower()


def make_dateline(rng: random.Random, wire: Cast) -> str:
    return f"{rng.choice(DATELINE_PLACES)} ({wire.wire_code}) — " if rng.random() < 0.25 else ""


def make_chrome(rng: random.Random, real: Real) -> str:
    """The real page's trailing chrome in some articles, other sites' "related" blocks or none in the rest."""
    choice = rng.random()
    if choice < 0.4:
        return real.chrome
    if choice < 0.7:
        teasers = [fill(rng, rng.choice(FILLER), rng.choice(CITIES)) for _ in range(rng.randint(3, 5))]
        return "\n".join([rng.choice(RELATED_LABELS), *teasers])
    return ""


def make_curation(real: Real, sub: Substitution, cast: dict[str, Cast]) -> dict:
    ids = {POOL[role][0]: member.id for role, member in cast.items()}
    data = transform(copy.deepcopy(real.curation), sub, ids)
    by_id = {member.id: member for member in cast.values()}
    real_id = {member: real for real, member in ids.items()}
    for actor in data["actors"]:
        if (member := by_id.get(actor["id"])) is not None:
            actor["mentioned_as"] = [member.alias]
            if member.id not in SHARED.actors:  # a renamed actor is declared nowhere else: its article declares it
                actor["name"], actor["kind"] = member.name, SHARED.actors[real_id[member.id]].kind
    # Replaced words can be longer ("Mosul" → "Deir ez-Zor"): keep the bottom line within its 40 words.
    while sum(len(c["text"].split()) for c in data.get("bottom_line", ())) > 40:
        data["bottom_line"].pop()
    notes = data["source_notes"]
    # The synthetic article prints its date; the real curation's note that it does not would be false.
    notes["not_stated"] = [n for n in notes["not_stated"] if not n.startswith("The date of publication")]
    data.pop("published", None)  # likewise its inferred date: a printed one leaves nothing to infer
    return data


# --- checking and writing -------------------------------------------------------------------------


def problems(story: Story) -> list[str]:
    """Quotes that do not occur exactly once, aliases that do not occur: what the site build would refuse."""
    found = []
    for quote in evidence_quotes(story.curation):
        count = sum(p.count(quote) for p in story.paragraphs)
        if count != 1:
            found.append(f"quote occurs {count} times: {quote!r}")
    for actor in story.curation["actors"]:
        for alias in actor["mentioned_as"]:
            pattern = re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)")
            if not any(pattern.search(p) for p in story.paragraphs):
                found.append(f"alias not in text: {alias!r}")
    return found


def evidence_quotes(node: object, key: str | None = None) -> list[str]:
    if isinstance(node, dict):
        return [q for k, v in node.items() for q in evidence_quotes(v, k)]
    if isinstance(node, list):
        return (
            [v for v in node if isinstance(v, str)] if key in ("evidence", "says") else [q for v in node for q in evidence_quotes(v, key)]
        )
    return []


def seed_text(story: Story) -> str:
    lead = f"{story.outlet}{story.separator}{story.dateline}{story.paragraphs[0]}"
    parts = [story.title, story.title, story.date, lead, *story.paragraphs[1:]]
    text = "\n\n".join(parts)
    # The real page's chrome ends without a newline; a text without chrome ends like a saved file.
    return text + ("\n\n" + story.chrome if story.chrome else "\n")


def curation_text(story: Story, seed_name: str) -> str:
    header = f"# Synthetic curation for {seed_name}, made by tests/tools/synth.py from the real seed's curation.\n\n"
    return header + yaml.dump(story.curation, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=110)


def make_story(make: Callable[[], Story], attempts: int = 20) -> Story:
    """A story the curation verifies against; a rare unlucky draw (a quote made ambiguous) is drawn again."""
    for _ in range(attempts):
        story = make()
        if not problems(story):
            return story
    raise AssertionError(f"no valid synthetic article in {attempts} draws: {problems(story)}")


def copy_plan(n: int, rng: random.Random, share: float) -> dict[int, int]:
    """Which articles are reprints, and of which earlier original."""
    copies = sorted(rng.sample(range(1, n), min(n - 1, round(n * share)))) if n > 1 else []
    plan: dict[int, int] = {}
    for j in copies:
        plan[j] = rng.choice([i for i in range(j) if i not in plan])
    return plan


def make_corpus(n: int, out: Path, seed: int = 0, copy_share: float = COPY_SHARE) -> None:
    """Write n synthetic seed + curation pairs into `out` (which must be empty or absent)."""
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty; a corpus is written into a fresh directory")
    real = read_real()
    plan = copy_plan(n, random.Random(f"{seed}:copies"), copy_share)
    width = max(3, len(str(n - 1)))
    stories: list[Story] = []
    titles: set[str] = set()
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        if i in plan:
            story = make_story(partial(make_copy, rng, stories[plan[i]], real))
        else:
            story = make_story(partial(make_original, rng, real))
            while story.title in titles:  # distinct stories get distinct headlines
                story = make_story(partial(make_original, rng, real))
        titles.add(story.title)
        stories.append(story)
        write(out, i, width, story)


def write(out: Path, number: int, width: int, story: Story) -> None:
    data = seed_text(story).encode("utf-8")
    stem = f"{number:0{width}d}_{hashlib.sha256(data).hexdigest()[:16]}"
    (out / f"{stem}.txt").write_bytes(data)
    (out / f"{stem}.yml").write_text(curation_text(story, f"{stem}.txt"), encoding="utf-8")


def check_builds(seeds: Path) -> subprocess.CompletedProcess:
    """`python -m scripts generate` on the corpus: it prints one line naming file and line for a curation that fails."""
    with tempfile.TemporaryDirectory() as tmp:
        return subprocess.run(
            [sys.executable, "-m", "scripts", "generate", "--seeds", str(seeds), "--out", tmp],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.tools.synth", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    make_corpus(args.n, args.out, args.seed)
    result = check_builds(args.out)
    print((result.stdout + result.stderr).strip())
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
