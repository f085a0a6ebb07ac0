"""Which curated statements rest on which sentences of the article."""

from __future__ import annotations

from dataclasses import dataclass

from .briefing import Briefing, Evidence, Statement, Status
from .evidence import Sentence, sentences


@dataclass(frozen=True)
class Use:
    """One curated statement, named for readers, and where it is shown (``section``/``owner``)."""

    label: str
    section: str  # "article", "actor", "pillar", "threat", "place", "source-notes", "relations"
    owner: str  # actor, pillar, threat move or place id; empty for whole-article sections
    claim: Statement | Status

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return self.claim.evidence


@dataclass(frozen=True)
class SentenceUses:
    """One sentence of the article and the curated statements resting on it (none: unused)."""

    sentence: Sentence
    uses: tuple[Use, ...]


def uses(b: Briefing) -> list[Use]:
    c = b.curation
    found = [Use(f"Bottom line, clause {n}", "article", "", s) for n, s in enumerate(c.bottom_line, start=1)]
    found.append(Use("Summary", "article", "", c.summary))
    found += [Use(f"Key point {n}", "article", "", s) for n, s in enumerate(c.key_points, start=1)]
    for a in c.actors:
        found += [Use(f"{a.name}: who", "actor", a.id, a.who), Use(f"{a.name}: role", "actor", a.id, a.role)]
    for p in c.pillars:
        found += [Use(f"{p.name}: {part}", "pillar", p.id, s) for part, s in (("what", p.what), ("why", p.why))]
        found.append(Use(f"{p.name}: status", "pillar", p.id, p.status))
    found.append(Use("The threat", "threat", "", c.threat.summary))
    found += [Use(f"Threat: {m.name}", "threat", m.id, m.expected) for m in c.threat.moves]
    found += [Use(f"{p.name}: what the article says", "place", p.id, p.about) for p in c.places]
    found += [Use(f"Sourcing {n}", "source-notes", "", s) for n, s in enumerate(c.source_notes.sources, start=1)]
    found += [Use(f"Relation: {b.actor(r.source).name} {r.kind} {b.actor(r.target).name}", "relations", "", r.claim) for r in c.relations]
    return found


def sentence_map(b: Briefing) -> list[SentenceUses]:
    all_uses = uses(b)
    # Each paragraph's quoted spans, with the use quoting them: a sentence looks only at its own paragraph's.
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for number, use in enumerate(all_uses):
        for e in use.evidence:
            spans.setdefault(e.paragraph, []).append((e.start, e.end, number))
    result = []
    for paragraph in b.article.paragraphs:
        quoted = spans.get(paragraph.number, [])
        for sentence in sentences(paragraph):
            start, end = sentence.start, sentence.end
            users = tuple(all_uses[n] for n in sorted({n for s, e, n in quoted if s < end and e > start}))
            result.append(SentenceUses(sentence, users))
    return result
