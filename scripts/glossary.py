"""Glossary: a YAML mapping of term (an abbreviation or a few words) → definition, appended to pages as abbr definitions."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import BriefingError
from .strict_yaml import PLAIN_TAGS, compose, error_line, error_problem, line, tag_name
from .text import clean

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.yml"
TERM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.&' -]{0,39}$")  # an abbreviation or a term of a few words


def load(path: Path = GLOSSARY) -> dict[str, str]:
    """Read with the curations' strict reader: every term and definition is text as written (``NO`` is the
    abbreviation "NO", never a boolean), and a term given twice is an error, not a silent overwrite."""
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BriefingError(path, "is not UTF-8 text; save it as UTF-8") from None
    try:
        root = compose(text)
    except yaml.YAMLError as err:
        raise BriefingError(path, f"is not valid YAML ({error_problem(err)}); write one 'TERM: definition' per line", error_line(err)) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise BriefingError(path, "must be a mapping of 'TERM: definition' lines", line(root))
    glossary: dict[str, str] = {}
    lines: dict[str, int] = {}
    for key, value in root.value:
        term = _text(path, key, "a term")
        if not TERM.match(term):
            raise BriefingError(
                path,
                f"term '{term}' must be an abbreviation or a term of a few words (at most 40 letters, digits, spaces, '.', '&', apostrophes or '-')",
                line(key),
            )
        if term in lines:
            raise BriefingError(path, f"term '{term}' is defined twice (first on line {lines[term]}); keep one definition", line(key))
        definition = clean(_text(path, value, f"term '{term}': the definition"))
        if not definition:
            raise BriefingError(path, f"term '{term}' needs a definition in words", line(value))
        glossary[term], lines[term] = definition, line(key)
    return glossary


def _text(path: Path, node: yaml.Node, what: str) -> str:
    """A plain scalar's text; a tag, a list or a mapping is an error on its line."""
    if node.tag not in PLAIN_TAGS:
        raise BriefingError(path, f"{what} has the YAML tag '{tag_name(node)}', which is not allowed; write plain text", line(node))
    if not isinstance(node, yaml.ScalarNode):
        found = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
        raise BriefingError(path, f"{what} is {found}; write plain text, in quotes if it holds ': '", line(node))
    return str(node.value)


def abbreviations(glossary: dict[str, str]) -> str:
    """Markdown abbreviation definitions. The abbr extension puts definitions in a title attribute
    through the element tree, which escapes them; they are never read as Markdown."""
    return "".join(f"\n*[{term}]: {definition}" for term, definition in sorted(glossary.items())) + ("\n" if glossary else "")
