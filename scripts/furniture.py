"""Line rules for page furniture: the parts of a saved news page that are not the article.

Each rule looks at one line (or one paragraph) on its own and says which family of furniture it is,
or nothing. The rules prefer precision to recall: a line is furniture only when its whole form says
so (a short label from a known list, a credit form, a counter), never because it mentions a word such
as "AP" or a date. :mod:`scripts.parse` decides what to do with what these rules find.
"""

from __future__ import annotations

import re

# Families, as named in the source notes.
LOADER = "loader text"
NAVIGATION = "navigation"
SOCIAL = "sharing and icon text"
HEADLINE = "repeated headline"
CAPTION = "photo caption"
COUNTER = "gallery counters and reading time"
ADVERTISING = "advertising labels"
BYLINE_DATE = "byline or date"

LOADER_LINES = frozenset(
    {
        "no script",
        "noscript",
        "please wait",
        "please wait...",
        "please wait…",
        "loading",
        "loading...",
        "loading…",
        "skip to main content",
        "skip to content",
        "skip to navigation",
        "javascript is disabled in your browser",
        "javascript is disabled in your browser.",
        "please enable javascript",
        "please enable javascript to view this page",
        "toggle navigation",
        "menu",
        "search",
        "close",
    }
)
SECTION_NAMES = frozenset(
    {
        "home",
        "news",
        "world",
        "world news",
        "middle east",
        "region",
        "regional",
        "international",
        "politics",
        "business",
        "economy",
        "opinion",
        "analysis",
        "features",
        "feature",
        "sports",
        "sport",
        "video",
        "videos",
        "photos",
        "gallery",
        "local",
        "latest",
        "breaking news",
        "top news",
        "arab world",
        "asia",
        "europe",
        "africa",
        "americas",
    }
)
LANGUAGES = frozenset(
    {
        *("english", "arabic", "french", "kurdish", "turkish", "persian", "farsi", "german", "spanish"),
        *("русский", "العربية", "کوردی", "français", "türkçe"),
    }
)
SHARE_WORDS = frozenset(
    {
        "share",
        "tweet",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "email",
        "e-mail",
        "print",
        "pinterest",
        "linkedin",
        "reddit",
        "copy link",
        "comments",
        "comment",
        "save",
        "mail",
    }
)
AUTHOR_CREDITS = frozenset(
    {
        *("local editor", "staff writer", "staff reporter", "web desk", "news desk", "online desk", "editorial staff"),
        *("editor", "desk", "agencies", "staff"),
    }
)
# Icon-font ligature names that scraped pages glue to the label beside them ("folder_openMiddle East").
ICON_NAMES = (
    "folder_open",
    "access_time",
    "calendar_today",
    "remove_red_eye",
    "mode_comment",
    "local_offer",
    "visibility",
    "schedule",
    "bookmark_border",
    "bookmark",
    "thumb_up",
    "person",
    "comment",
    "label",
    "event",
    "share",
    "print",
    "email",
    "star_border",
    "star",
)
ICON_GLUED = re.compile(rf"^(?:{'|'.join(ICON_NAMES)})(?=[A-Z0-9])(?P<rest>.{{1,60}})$")
_END = r"[.!?\"”’]"

SEPARATED = re.compile(r"^[^.!?]{1,40}(?:\s*(?:>|»|›|/|\||::)\s*[^.!?]{1,40}){1,6}$")
LANGUAGE_SWITCH = re.compile(r"^[•·*\-–]\s*(?P<lang>\S+)$")
KICKER = re.compile(r"^[A-Z0-9][A-Z0-9 &'’:,-]{1,40}$")
GLUED_WORDS = re.compile(r"[a-z][A-Z]")
SUBSCRIPTION = re.compile(
    r"^(?:subscribe\b|sign up (?:for|to) (?:our|the|a) (?:free )?(?:newsletter|daily|weekly)|sign up$|sign in(?: to\b|$)|log in(?: to\b|$)"
    r"|register(?: now| for free|$)|already a subscriber|become a (?:member|subscriber)"
    r"|get (?:unlimited|full|digital) access|support (?:our|independent) journalism|join our newsletter|newsletter$"
    r"|start your (?:free )?trial)",
    re.IGNORECASE,
)
PRICE = re.compile(r"^[^.!?]{0,40}[$€£]\s?\d+(?:[.,]\d{2})?\s*(?:/|per|a)\s*(?:month|week|year|mo)\b[^.!?]{0,40}$", re.IGNORECASE)
SPEECH = re.compile(r"\b(?:said|says|told|urged|added|warned|according)\b")
STANDARDS = re.compile(r"^Our Standards:|^(?:Copyright|©|\(c\))\s*(?:©\s*)?\d{4}\b.{0,80}$|^All rights reserved\.?$", re.IGNORECASE)
FOLLOW = re.compile(r"^(?:follow|join|like|find) us on\b.{0,40}$|^(?:share|tweet|post) (?:this|on|to|via)\b.{0,40}$", re.IGNORECASE)
FAVOURITES = re.compile(r"^(?:add to favou?rites|add to bookmarks|bookmark|print this (?:article|page)|email this (?:article|page))$", re.IGNORECASE)

COUNTER_LINE = re.compile(r"^(?:\d{1,3}\s+of\s+\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|(?:left)?right?\s*\d{1,3}/\d{1,3}\s*(?:left)?(?:right)?)$", re.IGNORECASE)
READING_TIME = re.compile(r"^\d{1,3}\s*(?:-\s*)?(?:min|mins|minute|minutes)\.?\s+read$", re.IGNORECASE)
ADVERTISING_LINES = frozenset({"advertisement", "ad", "sponsored", "sponsored content", "scroll to continue", "scroll to continue with content"})
RELATIVE_DATE = re.compile(
    r"^(?:(?:updated|posted|published)\s+)?(?:\d{1,3}|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$", re.IGNORECASE
)

_AGENCY = r"(?:AP|AFP|Reuters|EPA|Getty Images|Anadolu Agency|Anadolu|Xinhua|dpa|UPI|SANA|IRNA|Shutterstock|AAP|NurPhoto)"
# Photo credits: each is a form only a caption takes.
CAPTION_FORMS = (
    re.compile(rf"\((?:{_AGENCY}\s+)?Photos?/[^()]{{1,80}}\)\s*\.?$"),  # (AP Photo/Name) (AP Photo/Name, File)
    re.compile(r"^FILE\s*[-–—]\s*(?:In this|This|A|An|The)\b.{0,200}\bfile (?:photo|image|picture)\b"),
    re.compile(r"^FILE PHOTO\b"),
    re.compile(r"\b(?:Picture|Photo|Photograph|Image|Credit)s?:\s*[^.]{1,80}\.?$"),  # Picture: AP Photo/Name
    re.compile(rf"\[(?:Photos? (?:courtesy|by|credit)[^\]]{{0,80}}|File(?: photo)?[^\]]{{0,40}}|{_AGENCY}(?:/[^\]]{{0,40}})?)\]\s*$"),
    re.compile(rf"(?:^|[\s.,])[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}\s?/\s?{_AGENCY}\s*\.?$"),  # Name/Reuters, Name / AFP
    re.compile(r"(?:^|[.!?]\s+)(?:Representational|Representative|Illustrative) (?:image|photo|picture)\b"),
    re.compile(r"\((?:File|File photo|Archive photo)\)\s*\.?$"),
    re.compile(rf"[.!?]\s+{_AGENCY}\s*$"),  # "… the city. AFP"
    re.compile(r"\bvia Getty(?:\s+Im\w*)?\s*$|\bGetty\s+Ima?\w{0,3}\s*$"),  # cut mid-word: "via Getty Ima"
    re.compile(r"^(?:Photo Illustration|Photo illustration|Photograph|Photo|Illustration|Image) by\s+[A-Z]"),
)
IMAGE_PATH = re.compile(r"^\S*[\w-]+\.(?:jpe?g|png|gif|webp|avif)(?:\?\S*)?$", re.IGNORECASE)
WIRE_STORY_CODE = re.compile(r"\s*\[n[A-Z0-9]{7,12}\]")
SIGN_OFF = re.compile(
    r"\s*\((?P<credits>(?:Reporting|Additional reporting|Writing|Written|Editing|Compiled) by\b[^()]{1,300})\)\s*$", re.IGNORECASE
)


def _plain(line: str) -> str:
    return line.casefold().strip().rstrip(":").strip()


def is_loader(line: str) -> bool:
    return _plain(line).rstrip(".…").strip() in {entry.rstrip(".…") for entry in LOADER_LINES}


def is_section_label(line: str) -> bool:
    """A section name on its own line ("World", "Iraq News")."""
    plain = _plain(line)
    if plain in SECTION_NAMES:
        return True
    words = line.split()
    return 1 < len(words) <= 3 and plain.endswith(" news") and all(w[0].isupper() for w in words)


def is_navigation(line: str) -> bool:
    if is_section_label(line):
        return True
    if (m := LANGUAGE_SWITCH.match(line)) and m.group("lang").casefold() in LANGUAGES:
        return True
    if line.casefold() in LANGUAGES:
        return True
    if SEPARATED.match(line) and _breadcrumb(line):
        return True
    if KICKER.match(line) and not line.endswith(":") and len(line.split()) <= 3 and any(c.isalpha() for c in line) and line == line.upper():
        return True
    if _tag_run(line):
        return True
    if SUBSCRIPTION.match(line) and len(line.split()) <= 12 and not SPEECH.search(line):
        return True
    return bool(PRICE.match(line) or STANDARDS.match(line))


def _breadcrumb(line: str) -> bool:
    parts = [p.strip() for p in re.split(r"\s*(?:>|»|›|\||::|\s/\s)\s*", line) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= 4 and p[0].isupper() for p in parts)


def _tag_run(line: str) -> bool:
    """Tags printed with no space between them: "IraqMosulIslamic StateSyria"."""
    if len(line) > 120 or re.search(_END + "$", line) or "," in line:
        return False
    glued = GLUED_WORDS.findall(line)
    if len(glued) < 2:
        return False
    words = line.split()
    return all(w[0].isupper() or w in {"of", "and", "the", "al", "el"} for w in words)


def is_social(line: str) -> bool:
    plain = _plain(line)
    if FOLLOW.match(line) or FAVOURITES.match(line):
        return True
    if plain and all(part in SHARE_WORDS for part in re.split(r"\s*[|•·,]\s*|\s+", plain) if part):
        return len(plain) <= 80
    return bool(ICON_GLUED.match(line))


def is_caption(text: str) -> bool:
    if IMAGE_PATH.match(text):
        return True
    if len(text) > 600:
        return False
    return any(form.search(text) for form in CAPTION_FORMS)


def is_counter(line: str) -> bool:
    return bool(COUNTER_LINE.match(line) or READING_TIME.match(line))


def is_advertising(line: str) -> bool:
    return _plain(line) in ADVERTISING_LINES


def is_author_credit(line: str) -> bool:
    return _plain(line) in AUTHOR_CREDITS


def is_relative_date(line: str) -> bool:
    return bool(RELATIVE_DATE.match(line.strip()))


def repeats_headline(text: str, title: str) -> bool:
    """The headline again: alone, as image alt text, or with a counter or metadata glued to it."""
    t, x = title.casefold().strip(), text.casefold().strip()
    if x == t:
        return True
    if len(title.split()) < 4 or t not in x:
        return False
    rest = x.replace(t, " ", 1).strip()
    return len(rest) <= 40 and not re.search(r"[a-z]{4,}\s+[a-z]{4,}\s+[a-z]{4,}", rest)


def icon_remainder(line: str) -> str | None:
    m = ICON_GLUED.match(line)
    return m.group("rest") if m else None
