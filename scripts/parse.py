"""Raw seed text → :class:`Article`.

Seeds are news pages saved as text. Around the article they carry things that are not the article:
a repeated title line, an outlet prefix ("Outlet.Net - "), a dateline ("BAGHDAD (AP) —"), a byline,
and trailing page chrome (lists of unrelated headlines, "partner" blocks, separators). The parser
keeps the article and records, for the source notes, what kind of material it removed and how much.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from pathlib import Path

from .article import Article, Paragraph, PublicationDate, Quotation, Removed
from .errors import ParseError
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
    r"^(?P<place>[A-Z][A-Z .'’-]*[A-Z](?:,\s+[A-Z][A-Za-z. ]+)?)\s+"
    r"\((?P<wire>AP|Reuters|AFP|dpa|UPI)\)\s*[—–-]+\s*"
)
# A domain-like outlet name opening the first paragraph: "PanARMENIAN.Net - ".
OUTLET_PREFIX = re.compile(r"^(?P<outlet>[A-Za-z0-9][\w&'’-]*(?:\.[A-Za-z]{2,})+)\s+[-–—:]\s+")
BYLINE = re.compile(r"^By\s+(?P<names>[A-Z][^\n]{1,100})$")

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
    r"^(?:(?:Published|Posted|Updated)(?:\s+on)?:?\s+)?(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?:{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')}\s+(?P<year2>\d{{4}})"
    r"|(?P<year3>\d{4})-(?P<month3>\d{2})-(?P<day3>\d{2})"
    rf"|{_MONTH.replace('month', 'month4')}\s+(?P<year4>\d{{4}}))"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?$"
)
MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
MAX_TITLE = 300  # characters; a longer first line is body text, not a headline
WINDOWS_1252_NOTE = "The seed is not UTF-8; it was read as Windows-1252, the encoding its bytes fit."


def parse_file(path: Path) -> Article:
    data = path.read_bytes()
    return parse_bytes(data, path)


def parse_bytes(data: bytes, path: Path) -> Article:
    text, notes = decode(data, path)
    return parse_text(text, path, hashlib.sha256(data).hexdigest(), len(data), notes)


def decode(data: bytes, path: Path) -> tuple[str, tuple[str, ...]]:
    """Seed bytes → text. UTF-8 (with or without BOM); failing that, Windows-1252, said in the notes."""
    if b"\x00" in data:
        raise ParseError(path, "looks like binary data (it contains NUL bytes), not a text article; save the article as plain UTF-8 text")
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


def seed_id(path: Path) -> str:
    """The seed's id in URLs: its file name made ASCII, lowercase and hyphenated ("Mosul Report.v2" → "mosul-report-v2")."""
    ascii_name = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9_]+", "-", ascii_name.lower()).strip("-_")


def parse_text(text: str, path: Path, sha256: str = "", size: int = 0, notes: tuple[str, ...] = ()) -> Article:
    lines = _normalise_lines(text)
    numbered = list(enumerate(lines, start=1))

    title_at = next((i for i, (_, line) in enumerate(numbered) if line), None)
    if title_at is None:
        raise ParseError(path, "is empty; a seed needs a title line followed by the article's paragraphs")
    title_line, title = numbered[title_at]
    if len(title) > MAX_TITLE:
        raise ParseError(
            path, f"the first line is {len(title):,} characters long, not a headline; put the article's title on a line of its own", title_line
        )
    if _is_chrome_marker(title):
        raise ParseError(path, "starts with website navigation, not a headline; the seed seems to hold only page chrome", title_line)
    body = numbered[title_at + 1 :]

    removed: list[Removed] = []
    body, chrome = _split_chrome(body)
    body, inline = _drop_inline_chrome(body)
    blocks = _blocks(body)

    if blocks and _same(_join(blocks[0]), title):
        removed.append(Removed("repeated headline", "the headline, printed a second time above the text", 1, len(title)))
        blocks = blocks[1:]

    byline = published = None
    for _ in range(2):  # a date line and a byline, in either order
        if not blocks or len(blocks[0]) != 1:
            break
        line = blocks[0][0][1]
        if byline is None and (m := BYLINE.match(line)):
            byline = m.group("names").strip()
        elif published is None and (date := publication_date(line)):
            published = date
        else:
            break
        blocks = blocks[1:]

    paragraphs_raw = [(block[0][0], _join(block)) for block in blocks]
    paragraphs_raw = [(line, text) for line, text in paragraphs_raw if text]
    if not paragraphs_raw:
        what = "only website navigation" if chrome else "nothing"
        raise ParseError(path, f"has a title but {what} after it; add the article's paragraphs below the title", title_line)

    outlet = dateline = wire = None
    first_line, first = paragraphs_raw[0]
    if m := OUTLET_PREFIX.match(first):
        outlet = m.group("outlet")
        removed.append(Removed("outlet name", f"the outlet's name printed before the first sentence (“{outlet}”)", 0, len(m.group(0))))
        first = first[m.end() :]
    if m := DATELINE.match(first):
        dateline = m.group("place")
        wire = WIRE_SERVICES[m.group("wire").lower()]
        first = first[m.end() :]
    paragraphs_raw[0] = (first_line, first)
    paragraphs_raw = [(line, text) for line, text in paragraphs_raw if text]
    if not paragraphs_raw:
        raise ParseError(path, "has no article text after its outlet prefix or dateline; add the article's paragraphs")

    if wire is None:
        for _, text in paragraphs_raw[:2]:
            if m := WIRE_CREDIT.search(text):
                wire = WIRE_SERVICES[(m.group("a") or m.group("b")).lower()]
                break

    if inline:
        removed.append(inline)
    if chrome:
        removed.append(chrome)
    paragraphs = tuple(Paragraph(n, text, line) for n, (line, text) in enumerate(paragraphs_raw, start=1))
    return Article(
        seed_id=seed_id(path) or f"article-{sha256[:12]}",
        path=path,
        sha256=sha256,
        size=size,
        title=title,
        outlet=outlet,
        wire_service=wire,
        dateline=dateline,
        byline=byline,
        paragraphs=paragraphs,
        quotations=tuple(q for p in paragraphs for q in find_quotations(p)),
        removed=tuple(removed),
        reading_notes=notes,
        published=published,
    )


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
            return body[:i], _describe_chrome([line for _, line in body[i:] if line])
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


def _describe_chrome(lines: list[str]) -> Removed:
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
    return result


def _ends_paragraph(line: str) -> bool:
    # Hard-wrapped text breaks lines mid-sentence at ~80 columns; one-paragraph-per-line text does not.
    return len(line) > 100 and line[-1] in ".!?\"”’)"


def _join(block: list[tuple[int, str]]) -> str:
    return " ".join(line for _, line in block).strip()


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()
