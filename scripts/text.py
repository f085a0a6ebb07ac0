"""Characters that are never text: C0/C1 controls (bar tab and line breaks), DEL, non-characters."""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPACE = re.compile(r"\s+")


# Whitespace that is not already single spaces between words; with CONTROL, text that needs cleaning.
# Most text is tidy, and one search is cheaper than the substitutions it lets callers skip.
UNTIDY_SPACE = re.compile(r"^\s|\s$|[^\S ]|  ")
UNTIDY = re.compile(CONTROL.pattern + "|" + UNTIDY_SPACE.pattern)


def clean(text: str) -> str:
    """Text as shown: control characters dropped, runs of whitespace folded to one space."""
    if not UNTIDY.search(text):
        return text
    return _SPACE.sub(" ", CONTROL.sub("", text)).strip()
