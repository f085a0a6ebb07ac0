"""Does a statement say what its quotes say? Checks of type, attribution and hedges, word by word.

These are rules a fact-checker applies first, written down so the build applies them to every
statement: a "reported fact" cannot rest on words the article attributes to someone; a hedge in the
quote ("likely", "if eroding") must survive in the statement; a plan or forecast must rest on words
that plan or look ahead. The first is an error (the credit is wrong); the others are warnings, since
words can hedge in ways a list does not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attribution import REPORTING
from .briefing import Statement

# Each hedge an article uses, and the words that keep it in a statement. A statement that carries
# none of them states flatly what its quote hedges.
HEDGES: dict[str, tuple[str, ...]] = {
    "seemingly": ("seemingly", "seems", "seem", "apparently", "appears"),
    "likely": ("likely", "probably", "expects", "expected", "expect"),
    "could": ("could", "may", "might", "possibly", "perhaps"),
    "expected": ("expected", "expects", "expect", "expectation", "likely", "anticipated"),
    "would": ("would", "could", "planned", "plans", "plan", "intended", "meant to", "designed to", "proposed"),
    "if": ("if", "unless", "only", "condition", "conditions", "depends", "provided"),
    "may": ("may", "might", "could", "possibly"),
    "might": ("might", "may", "could", "possibly"),
    "laying the groundwork": ("groundwork", "preparing", "prepare", "preparations", "preparation"),
}
# Words that make a quote a plan: an intention, preparation, priority or negotiation.
PLAN_CUES = (
    "plan", "plans", "planned", "planning", "prepare", "prepares", "preparing", "preparations", "priority", "priorities",
    "strategy", "negotiating", "negotiate", "negotiations", "designed to", "intends", "intend", "intended", "aims", "aim",
    "seeks", "seeking", "wants", "proposed", "deploy", "groundwork", "shifting", "to buy", "will", "would", "is to", "are to",
)
# Words that make a quote look ahead: a forecast needs one of these.
FUTURE_CUES = (
    "will", "would", "could", "may", "might", "likely", "expected", "expect", "expects", "predicted", "predicts",
    "forecast", "await", "awaits", "going to", "set to", "soon", "after it loses", "if", "until", "still take",
)


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


_HEDGE_IN_QUOTE = {hedge: _pattern((hedge,)) for hedge in HEDGES}
_HEDGE_KEPT = {hedge: _pattern(kept) for hedge, kept in HEDGES.items()}
_PLAN = _pattern(PLAN_CUES)
_FUTURE = _pattern(FUTURE_CUES)


@dataclass(frozen=True)
class Finding:
    message: str  # "problem; fix", without the location
    error: bool


def check(statement: Statement, passages: list[str], source_name: dict[str, str]) -> list[Finding]:
    """Findings for one verified statement; ``passages`` are its quotes as they stand in the article,
    ``source_name`` names each source id (``""``: the article's own reporting) for messages."""
    found: list[Finding] = []
    voices = [e.source for e in statement.evidence]
    attributed = [s for s in voices if s != REPORTING]
    if statement.type == "reported fact" and attributed:
        who = ", ".join(dict.fromkeys(source_name[s] for s in attributed))
        found.append(
            Finding(
                f"typed 'reported fact' but its quote is the words of {who}, not the article's own; "
                "type it 'attributed claim' (or another type) and say who says it",
                True,
            )
        )
    if statement.type == "attributed claim" and not attributed:
        found.append(
            Finding(f"typed 'attributed claim' but its quotes are {source_name[REPORTING]}; type it 'reported fact', or quote the source's own words", False)
        )
    quoted = " … ".join(passages)
    for hedge, in_quote in _HEDGE_IN_QUOTE.items():
        if in_quote.search(quoted) and not _HEDGE_KEPT[hedge].search(statement.text):
            found.append(Finding(f"the quote hedges (\"{hedge}\") but the statement says it flatly; keep the hedge in the statement's words", False))
    if statement.type == "plan" and not (_PLAN.search(quoted) or _FUTURE.search(quoted)):
        found.append(Finding("typed 'plan' but no quote speaks of a plan, preparation, priority or negotiation; quote those words or change the type", False))
    if statement.type == "forecast" and not _FUTURE.search(quoted):
        found.append(Finding("typed 'forecast' but no quote looks ahead (will, would, could, likely, expected…); quote those words or change the type", False))
    return found
