"""Characters that are never text: C0/C1 controls (bar tab and line breaks), DEL, non-characters."""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPACE = re.compile(r"\s+")


_UNTIDY = re.compile(CONTROL.pattern + r"|^\s|\s$|[^\S ]|  ")


def clean(text: str) -> str:
    """Text as shown: control characters dropped, runs of whitespace folded to one space."""
    if not _UNTIDY.search(text):
        return text  # the usual case, checked in one pass
    return _SPACE.sub(" ", CONTROL.sub("", text)).strip()
