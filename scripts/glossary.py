"""Glossary: a YAML mapping of term (an abbreviation or a few words) → definition, appended to pages as abbr definitions."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import BriefingError
from .text import clean

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.yml"
TERM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.&' -]{0,39}$")  # an abbreviation or a term of a few words


def load(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise BriefingError(path, "is not valid YAML; write one 'TERM: definition' per line", mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise BriefingError(path, "must be a mapping of 'TERM: definition' lines")
    glossary = {}
    for term, definition in data.items():
        term = str(term)
        if not TERM.match(term):
            raise BriefingError(path, f"term '{term}' must be an abbreviation or a term of a few words (at most 40 letters, digits, spaces, '.', '&', apostrophes or '-')")
        if not isinstance(definition, str) or not clean(definition):
            raise BriefingError(path, f"term '{term}' needs a definition in words")
        glossary[term] = clean(definition)
    return glossary


def abbreviations(glossary: dict[str, str]) -> str:
    """Markdown abbreviation definitions. The abbr extension puts definitions in a title attribute
    through the element tree, which escapes them; they are never read as Markdown."""
    return "".join(f"\n*[{term}]: {definition}" for term, definition in sorted(glossary.items())) + ("\n" if glossary else "")
