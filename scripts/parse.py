"""Raw seed text → :class:`Article`.

Seeds are news pages saved as text. Around the article they carry page furniture: loader and
accessibility text, navigation, sharing buttons and icon labels, the headline printed again, photo
captions, counters, bylines and dates, a dateline, an outlet prefix, a wire story's sign-off and codes,
and trailing lists of other stories. The line rules live in :mod:`scripts.furniture`; this module picks
the headline (the line the furniture surrounds), reads the metadata, keeps the article's paragraphs and
records, for the source notes, each kind of material it removed with its line numbers and size.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from pathlib import Path

from . import furniture
from .article import Article, LineMarks, MarkError, Paragraph, PublicationDate, Quotation, Removed
from .errors import ParseError
from .furniture import ADVERTISING, BYLINE_DATE, CAPTION, COUNTER, HEADLINE, LOADER, NAVIGATION, SOCIAL
from .seeds import seed_id
from .text import CONTROL

# Section labels that news sites print after an article. A line consisting only of one of these,
# once the body has started, marks the beginning of page chrome that runs to the end of the file.
CHROME_LABELS = frozenset(
    {
        "top stories",
        "partner news",
        "related",
        "related news",
        "related articles",
        "related stories",
        "read more",
        "read also",
        "more stories",
        "more from this section",
        "most read",
        "most popular",
        "recommended",
        "recommended for you",
        "you may also like",
        "latest news",
        "trending",
        "more in this section",
        "more on this story",
        "more in this category",
        "related content",
        "related topics",
        "related posts",
        "see also",
        "also read",
        "more news",
        "other news",
        "editor's picks",
        "editor’s picks",
    }
)
# Labels sites print inside the article text; only the line itself is removed.
INLINE_CHROME_LABELS = frozenset({"advertisement", "ad", "share this article", "share", "follow us", "scroll to continue"})
SEPARATOR = re.compile(r"^[-_*=~]{3,}$")

WIRE_SERVICES = {
    "ap": "The Associated Press",
    "associated press": "The Associated Press",
    "reuters": "Reuters",
    "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "dpa": "Deutsche Presse-Agentur",
    "upi": "United Press International",
}
_WIRE_NAMES = r"Associated Press|Reuters|Agence France-Presse|AFP"
# "…, The Associated Press said." / "according to Reuters" / "Reuters reported" in the lead.
WIRE_CREDIT = re.compile(
    rf"(?:\b(?:[Tt]he\s+)?(?P<a>{_WIRE_NAMES})\s+(?:said|says|reported|reports)\b"
    rf"|\baccording\s+to\s+(?:[Tt]he\s+)?(?P<b>{_WIRE_NAMES})\b)"
)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*)*[A-Z](?:,\s+[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)??)"
    r"(?:,\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"(?:\s*\((?P<wire>AP|Reuters|AFP|dpa|UPI)\))?"
    r"\s*(?:[—–]\s*|-{1,2}\s+|//\s*)"
)
# "Baghdad: …": a known city in title case, followed by a colon, opening the first paragraph.
CITY_DATELINE = re.compile(
    r"^(?P<place>Baghdad|Mosul|Erbil|Irbil|Basra|Kirkuk|Najaf|Karbala|Fallujah|Ramadi|Tikrit|Samarra|Sulaimaniyah|Duhok|Baqubah"
    r"|Damascus|Raqqa|Aleppo|Beirut|Amman|Tehran|Ankara|Istanbul|Cairo|Riyadh|Doha|Dubai|Abu Dhabi|Kuwait City|Jerusalem"
    r"|Washington|London|Paris|Geneva|Moscow|New York):\s+(?=[A-Z\"“‘'])"
)
# A domain-like outlet name opening the first paragraph: "PanARMENIAN.Net - ".
OUTLET_PREFIX = re.compile(r"^(?P<outlet>[A-Za-z0-9][\w&'’-]*(?:\.[A-Za-z]{2,})+)\s+[-–—:]\s+")
BYLINE = re.compile(r"^By\s+(?P<names>[A-Z][^\n]{1,100})$")
BYLINE_WITH_DATE = re.compile(r"^[Bb][Yy]:?\s+(?P<names>[A-Z][^|]{1,100}?)(?:\s*\|?\s*(?:Published|Posted|Updated)(?:\s+on)?:?\s+(?P<date>.+))?$")
# "Reuters| Last Updated: Sunday, August 27, 2017 - 15:55"
AGENCY_UPDATED = re.compile(r"^(?P<names>[A-Z][\w .&'’-]{1,40}?)\s*\|\s*(?:Last\s+)?(?:Updated|Published|Posted)(?:\s+on)?:?\s*(?P<date>.+)$")

_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|al-\w+|el-\w+|bin|ibn|abu|de|da|van|von|der)"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_TOKEN})*"
_SPEECH_VERB = r"said|says|predicted|added|warned|explained|noted|stressed|told\s+[A-Z][\w ]+?"
QUOTED = re.compile(r"\"(?P<a>[^\"]+)\"|“(?P<b>[^”]+)”")
SPEAKER_AFTER = re.compile(
    rf"^\s*,?\s*(?:(?P<verb>{_SPEECH_VERB})\s+(?P<speaker>{_NAME})|(?P<speaker2>{_NAME})\s+(?P<verb2>{_SPEECH_VERB}))"
    r"(?:,\s+(?P<desc>[^.]+))?"
)
MIN_QUOTATION_WORDS = 4

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A line that is only a publication date, as news pages print it under the headline; a time may follow.
DATE_LINE = re.compile(
    r"^(?:(?:Published|Posted|Updated|Last Updated)(?:\s+on)?:?\s+)?(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?:{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')},?\s+(?P<year2>\d{{4}})"
    r"|(?P<year3>\d{4})-(?P<month3>\d{2})-(?P<day3>\d{2})"
    rf"|{_MONTH.replace('month', 'month4')}\s+(?P<year4>\d{{4}}))"
    r"(?:,?\s+(?:[-–—|]\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?(?:\s+(?:[A-Z]{2,4}|[A-Z]{3}[+-]\d{1,2}))?$"
)
MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
MAX_TITLE = 300  # characters; a longer first line is body text, not a headline
WINDOWS_1252_NOTE = "The seed is not UTF-8; it was read as Windows-1252, the encoding its bytes fit."


def parse_file(path: Path, marks: LineMarks | None = None) -> Article:
    data = path.read_bytes()
    return parse_bytes(data, path, marks)


def parse_bytes(data: bytes, path: Path, marks: LineMarks | None = None) -> Article:
    text, notes = decode(data, path)
    return parse_text(text, path, hashlib.sha256(data).hexdigest(), len(data), notes, marks)


def decode(data: bytes, path: Path) -> tuple[str, tuple[str, ...]]:
    """Seed bytes → text. UTF-8 (with or without BOM); failing that, Windows-1252, said in the notes."""
    if b"\x00" in data:
        raise ParseError(path, "looks like binary data (it contains NUL bytes), not a text article; save the article as plain UTF-8 text")
    notes: tuple[str, ...]  # what the reader should know about how the bytes were read
    try:
        text, notes = data.decode("utf-8"), ()
    except UnicodeDecodeError as err:
        try:
            text, notes = data.decode("cp1252"), (WINDOWS_1252_NOTE,)
        except UnicodeDecodeError:
            line = data[: err.start].count(b"\n") + 1
            raise ParseError(path, "is neither UTF-8 nor Windows-1252 text; save the article as UTF-8", line) from None
    if len(CONTROL.findall(text)) > max(8, len(text) // 100):
        raise ParseError(path, "looks like binary data (many control characters), not a text article; save the article as plain UTF-8 text")
    return text, notes


def parse_text(
    text: str, path: Path, sha256: str = "", size: int = 0, notes: tuple[str, ...] = (), marks: LineMarks | None = None
) -> Article:
    lines = _normalise_lines(text)
    numbered = list(enumerate(lines, start=1))
    marks = _checked(marks or LineMarks(), numbered)
    # Lines the editor marked as furniture are furniture, whatever the rules say; the trailing-chrome cut
    # never reaches past a line the editor marked as article text.
    edited = [(n, "") if n in marks.furniture else (n, line) for n, line in numbered]
    filled = [(n, line) for n, line in edited if line]
    if not filled:
        raise ParseError(path, "is empty; a seed needs a title line followed by the article's paragraphs")
    if marks.headline is None and _is_chrome_marker(filled[0][1]):
        raise ParseError(path, "starts with website navigation, not a headline; the seed seems to hold only page chrome", filled[0][0])
    title_at = next(i for i, (n, _) in enumerate(filled) if n == marks.headline) if marks.headline else _find_title(filled)
    if title_at is None:
        raise ParseError(path, "starts with website navigation, not a headline; the seed seems to hold only page chrome", filled[0][0])
    title_line, title = filled[title_at]
    if len(title) > MAX_TITLE:
        raise ParseError(
            path, f"the first line is {len(title):,} characters long, not a headline; put the article's title on a line of its own", title_line
        )
    body = [(n, line) for n, line in edited if n > title_line]

    found: dict[str | None, list[tuple[int, str]]] = {}  # None: a line above the headline the editor marked as text
    meta: dict[str, object] = {}
    if marks.furniture:
        found[EDITOR] = [(n, numbered[n - 1][1]) for n in sorted(marks.furniture) if numbered[n - 1][1]]
    for n, line in filled[:title_at]:  # what the page prints above the headline
        kind = None if n in marks.body else _line_kind(line, title) or HEADER
        if not (kind == BYLINE_DATE and _read_metadata(line, meta)):
            found.setdefault(kind, []).append((n, line))

    last_body = max(marks.body, default=0)
    guarded, rest = [x for x in body if x[0] <= last_body], [x for x in body if x[0] > last_body]
    rest, chrome = _split_chrome(rest)
    body = guarded + rest
    kept: list[tuple[int, str]] = []
    codes: list[tuple[int, int]] = []
    for n, line in body:
        if furniture.WIRE_STORY_CODE.search(line):
            codes += [(n, len(m.group(0).strip())) for m in furniture.WIRE_STORY_CODE.finditer(line)]
            line = furniture.WIRE_STORY_CODE.sub("", line).strip()
        kind = _line_kind(line, title) if line and n not in marks.body else None
        if kind == BYLINE_DATE and _read_metadata(line, meta):
            kept.append((n, ""))
            continue
        if kind is None:
            kept.append((n, line))
        else:
            found.setdefault(kind, []).append((n, line))
            kept.append((n, ""))  # a removed line still separates what stands around it
    blocks = _blocks(kept)

    # A paragraph of hard-wrapped lines may still be a caption as a whole.
    for block in list(blocks):
        if len(block) > 1 and furniture.is_caption(_join(block)) and not any(n in marks.body for n, _ in block):
            blocks.remove(block)
            found.setdefault(CAPTION, []).extend(block)

    paragraphs_raw = [(block, _join(block)) for block in blocks]
    paragraphs_raw = [(block, text) for block, text in paragraphs_raw if text]
    if not paragraphs_raw:
        what = "only website navigation" if chrome else "nothing"
        raise ParseError(path, f"has a title but {what} after it; add the article's paragraphs below the title", title_line)

    removed: list[Removed] = [_describe(kind, found[kind], title) for kind in KIND_ORDER if kind in found and kind != ADVERTISING]
    outlet = dateline = wire = None
    first_block, first = paragraphs_raw[0]
    if m := OUTLET_PREFIX.match(first):
        outlet = m.group("outlet")
        removed.append(
            Removed(
                "outlet name", f"the outlet's name printed before the first sentence (“{outlet}”)", 0, len(m.group(0)), (first_block[0][0],)
            )
        )
        first = first[m.end() :]
    if (m := DATELINE.match(first)) and _is_place(m.group("place")):
        dateline = m.group("place")
        if m.group("wire"):
            wire = WIRE_SERVICES[m.group("wire").lower()]
        first = first[m.end() :]
    elif m := CITY_DATELINE.match(first):
        dateline = m.group("place")
        first = first[m.end() :]
    paragraphs_raw[0] = (first_block, first)

    credits = None
    last_block, last = paragraphs_raw[-1]
    if m := furniture.SIGN_OFF.search(last):
        credits = m.group("credits").strip()
        paragraphs_raw[-1] = (last_block, last[: m.start()].rstrip())
        what = "the wire service's reporting and editing credits after the last sentence"
        removed.append(Removed("sign-off", what, 0, len(m.group(0).strip()), (last_block[-1][0],)))
    if codes:
        removed.append(
            Removed(
                "wire story codes",
                f"{_count(len(codes), 'wire story code')} (the agency's internal story numbers)",
                0,
                sum(c for _, c in codes),
                tuple(n for n, _ in codes),
            )
        )
    paragraphs_raw = [(block, text) for block, text in paragraphs_raw if text]
    if not paragraphs_raw:
        raise ParseError(path, "has no article text after its outlet prefix or dateline; add the article's paragraphs")

    byline = meta.get("byline")
    if wire is None and isinstance(byline, str) and byline.lower() in WIRE_SERVICES:
        wire = WIRE_SERVICES[byline.lower()]
    if wire is None:
        for _, text in paragraphs_raw[:2]:
            if m := WIRE_CREDIT.search(text):
                wire = WIRE_SERVICES[(m.group("a") or m.group("b")).lower()]
                break

    if ADVERTISING in found:
        removed.append(_describe(ADVERTISING, found[ADVERTISING], title))
    if chrome:
        removed.append(chrome)
    paragraphs = tuple(
        Paragraph(n, text, block[0][0], tuple(line for line, _ in block)) for n, (block, text) in enumerate(paragraphs_raw, start=1)
    )
    return Article(
        seed_id=seed_id(path) or f"article-{sha256[:12]}",
        path=path,
        sha256=sha256,
        size=size,
        title=title,
        outlet=outlet,
        wire_service=wire,
        dateline=dateline,
        byline=byline if isinstance(byline, str) else None,
        paragraphs=paragraphs,
        quotations=tuple(q for p in paragraphs for q in find_quotations(p)),
        removed=tuple(removed),
        reading_notes=notes,
        published=meta.get("published"),  # type: ignore[arg-type]
        credits=credits,
    )


def _checked(marks: LineMarks, numbered: list[tuple[int, str]]) -> LineMarks:
    last = max((n for n, line in numbered if line), default=0)  # the seed's last line with text
    for n in sorted({*marks.furniture, *marks.body, *([marks.headline] if marks.headline else [])}):
        if not 1 <= n <= last:
            raise MarkError(f"line {n} is outside the seed, which has {last} lines")
    if marks.headline and not numbered[marks.headline - 1][1]:
        raise MarkError(f"headline: line {marks.headline} of the seed is blank; give the line the headline is on")
    both = marks.furniture & (marks.body | {marks.headline})
    if both:
        raise MarkError(f"line {min(both)} is marked both as furniture and as article text; mark it once")
    return marks


HEADER = "page header"
EDITOR = "marked by the editor"
KIND_ORDER = (EDITOR, HEADER, LOADER, NAVIGATION, HEADLINE, SOCIAL, CAPTION, COUNTER, BYLINE_DATE, ADVERTISING)
_DESCRIPTIONS = {
    EDITOR: ("line the editor marked as not part of the article", "lines the editor marked as not part of the article"),
    HEADER: ("line of the page above the headline", "lines of the page above the headline"),
    LOADER: ("loading or accessibility notice", "loading or accessibility notices"),
    NAVIGATION: (
        "line of site navigation (section names, breadcrumbs, language switches, tags, subscription offers)",
        "lines of site navigation (section names, breadcrumbs, language switches, tags, subscription offers)",
    ),
    SOCIAL: ("sharing button or icon label", "sharing buttons or icon labels"),
    CAPTION: ("photo caption or image file name", "photo captions or image file names"),
    COUNTER: ("gallery counter or reading-time label", "gallery counters or reading-time labels"),
    BYLINE_DATE: ("further byline, author credit or date line", "further byline, author credit or date lines"),
    ADVERTISING: ("advertising or sharing label", "advertising or sharing labels"),
}


def _describe(kind: str, lines: list[tuple[int, str]], title: str) -> Removed:
    numbers = tuple(n for n, _ in lines)
    characters = sum(len(line) for _, line in lines)
    if kind == HEADLINE:
        text = (
            "the headline, printed a second time above the text"
            if len(lines) == 1
            else f"the headline, printed {len(lines)} more times (above the text, as image text or beside a gallery counter)"
        )
        return Removed(kind, text, len(lines), characters, numbers)
    if kind == ADVERTISING:
        return Removed(kind, f"{_count(len(lines), *_DESCRIPTIONS[kind])} inside the text", len(lines), characters, numbers)
    return Removed(kind, _count(len(lines), *_DESCRIPTIONS[kind]), len(lines), characters, numbers)


def _line_kind(line: str, title: str | None) -> str | None:
    """The furniture family a line on its own belongs to, or None for article text (and for a byline or date)."""
    if line.lower().rstrip(":") in INLINE_CHROME_LABELS or furniture.is_advertising(line):
        return ADVERTISING
    if furniture.is_loader(line):
        return LOADER
    if title is not None and furniture.repeats_headline(line, title):
        return HEADLINE
    if furniture.is_social(line):
        return SOCIAL
    if furniture.is_counter(line):
        return COUNTER
    if furniture.is_navigation(line):
        return NAVIGATION
    if furniture.is_caption(line):
        return CAPTION
    if furniture.is_author_credit(line) or furniture.is_relative_date(line) or _byline(line) or publication_date(line):
        return BYLINE_DATE
    return None


def _byline(line: str) -> tuple[str, PublicationDate | None] | None:
    """ "By Jane Roe", "by Reuters", "By ASSOCIATED PRESS Published: February 22, 2017", "Reuters| Last Updated: …"."""
    m = BYLINE_WITH_DATE.match(line) or AGENCY_UPDATED.match(line)
    if not m:
        return None
    names = m.group("names").strip().rstrip(",|")
    words = names.replace(",", " ").split()
    if not words or len(words) > 12 or not all(w[0].isupper() or w in NAME_JOINERS for w in words):
        return None
    date = None
    if m.group("date"):
        date = publication_date(m.group("date"))
        if date is None:
            return None
    return names, date


NAME_JOINERS = frozenset({"and", "in", "for", "of", "al", "el", "bin", "ibn", "de", "da", "van", "von", "with", "&"})


def _read_metadata(line: str, meta: dict[str, object]) -> bool:
    """Take a byline or date line as metadata; True when the line was used (the first of its kind)."""
    if (by := _byline(line)) is not None:
        if "byline" in meta:
            return False
        names, date = by
        meta["byline"] = names
        if date is not None and "published" not in meta:
            meta["published"] = date
        return True
    if (date := publication_date(line)) is not None and "published" not in meta:
        meta["published"] = date
        return True
    return False


def _find_title(filled: list[tuple[int, str]]) -> int | None:
    """The headline: a line the furniture surrounds, never furniture itself. Repeated, first, or followed by metadata."""
    best: tuple[float, int] | None = None
    for i, (_, line) in enumerate(filled[:60]):
        if len(line) > MAX_TITLE:
            return i if best is None else best[1]
        if _line_kind(line, None) is not None or _starts_body(line):
            if best is not None and _starts_body(line):
                break
            continue
        if best is not None and len(line) > 150 and line[-1] in ".!?\"”":
            break  # the body has begun
        score = 1.0 if best is None else 0.0
        if any(furniture.repeats_headline(other, line) for _, other in filled[i + 1 : i + 60]):
            score += 2
        after = next((other for _, other in filled[i + 1 : i + 8] if not furniture.repeats_headline(other, line)), "")
        if _byline(after) or publication_date(after) or _starts_body(after) or furniture.is_author_credit(after):
            score += 1.5
        if line.endswith("."):
            score -= 1
        if best is None or score > best[0]:
            best = (score, i)
    return None if best is None else best[1]


def _starts_body(line: str) -> bool:
    return bool((m := DATELINE.match(line)) and _is_place(m.group("place")) and len(line) > m.end() + 20)


NOT_PLACES = frozenset({"ISIS", "ISIL", "NATO", "OPEC", "UNICEF", "UNHCR", "UPDATE", "BREAKING", "EXCLUSIVE", "NOTE", "WARNING", "ANALYSIS"})


def _is_place(place: str) -> bool:
    city = place.split(",")[0].strip()
    return len(city.replace(" ", "")) >= 4 and city not in NOT_PLACES


def publication_date(line: str) -> PublicationDate | None:
    """The date a line consists of, if it is a real calendar date; day precision when it gives the day."""
    m = DATE_LINE.match(line.strip())
    if not m:
        return None
    g = {k: v for k, v in m.groupdict().items() if v}
    year = int(g.get("year") or g.get("year2") or g.get("year3") or g["year4"])
    month_text = g.get("month") or g.get("month2") or g.get("month3") or g["month4"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text[:3].lower()]
    day_text = g.get("day") or g.get("day2") or g.get("day3")
    try:
        datetime.date(year, month, int(day_text) if day_text else 1)
    except ValueError:
        return None  # "February 30, 2017" is not a date; the line stays article text
    if day_text:
        return PublicationDate(f"{year:04d}-{month:02d}-{int(day_text):02d}", "exact", line.strip())
    return PublicationDate(f"{year:04d}-{month:02d}", "month", line.strip())


def find_quotations(paragraph: Paragraph) -> list[Quotation]:
    found = []
    for m in QUOTED.finditer(paragraph.text):
        quoted = (m.group("a") or m.group("b")).strip()
        if len(quoted.split()) < MIN_QUOTATION_WORDS:
            continue  # scare quotes around a word or two ("caliphate") are not quotations
        speaker = verb = description = None
        if s := SPEAKER_AFTER.match(paragraph.text[m.end() :]):
            speaker = s.group("speaker") or s.group("speaker2")
            verb = " ".join((s.group("verb") or s.group("verb2")).split())
            description = s.group("desc").strip() if s.group("desc") else None
        found.append(Quotation(paragraph.number, quoted.rstrip(",").strip(), speaker, description, verb))
    return found


def _normalise_lines(text: str) -> list[str]:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return [_WS.sub(" ", line).strip() for line in text.split("\n")]


def _split_chrome(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], Removed | None]:
    """Cut the body at the first chrome marker line; everything after it is the website, not the article."""
    for i, (_, line) in enumerate(body):
        if _is_chrome_marker(line):
            return body[:i], _describe_chrome([(n, line) for n, line in body[i:] if line])
    return body, None


def _drop_inline_chrome(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], Removed | None]:
    kept = [(n, line) for n, line in body if line.lower().rstrip(":") not in INLINE_CHROME_LABELS]
    dropped = [line for _, line in body if line.lower().rstrip(":") in INLINE_CHROME_LABELS]
    if not dropped:
        return body, None
    return kept, Removed(
        "advertising labels", f"{_count(len(dropped), 'advertising or sharing label')} inside the text", len(dropped), sum(map(len, dropped))
    )


def _is_chrome_marker(line: str) -> bool:
    return line.lower().rstrip(":") in CHROME_LABELS or bool(SEPARATOR.match(line))


def _describe_chrome(numbered: list[tuple[int, str]]) -> Removed:
    lines = [line for _, line in numbered]
    headings = sum(1 for line in lines if line.lower().rstrip(":") in CHROME_LABELS)
    separators = sum(1 for line in lines if SEPARATOR.match(line))
    items = len(lines) - headings - separators
    parts = [_count(headings, "section heading"), _count(items, "unrelated headline or teaser", "unrelated headlines or teasers")]
    if separators:
        parts.append(_count(separators, "separator line"))
    return Removed(
        "website navigation",
        "links to other stories and site sections printed after the article: " + ", ".join(parts),
        len(lines),
        sum(len(line) for line in lines),
        tuple(n for n, _ in numbered),
    )


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def _blocks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Blank-line separated blocks. A block of long, sentence-final lines is one paragraph per line."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in lines:
        if line:
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    result = []
    for block in (b for b in blocks if b):
        current: list[tuple[int, str]] = []
        for number, line in block:
            current.append((number, line))
            if _ends_paragraph(line):
                result.append(current)
                current = []
        if current:
            result.append(current)
    return [piece for block in result for piece in _one_per_line(block)]


def _one_per_line(block: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Paragraphs separated by single newlines: most lines end a sentence, so each line is a paragraph."""
    if len(block) < 2:
        return [block]
    open_ends = sum(1 for _, line in block[:-1] if line[-1] not in ".!?\"”’)")
    if open_ends * 2 >= len(block) - 1:
        return [block]  # hard-wrapped text: lines break mid-sentence
    pieces: list[list[tuple[int, str]]] = [[]]
    for number, line in block:
        pieces[-1].append((number, line))
        if line[-1] in ".!?\"”’)":
            pieces.append([])
    return [p for p in pieces if p]


def _ends_paragraph(line: str) -> bool:
    # Hard-wrapped text breaks lines mid-sentence at ~80 columns; one-paragraph-per-line text does not.
    return len(line) > 100 and line[-1] in ".!?\"”’)"


def _join(block: list[tuple[int, str]]) -> str:
    return " ".join(line for _, line in block).strip()


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()
