"""The briefing as open data: JSON (with a JSON Schema), CSV tables and W3C Web Annotations.

Character offsets count Unicode code points. ``start``/``end`` are offsets into the paragraph's text;
annotation ``TextPositionSelector`` offsets are into the article text, which is the paragraphs joined
by a blank line ("\\n\\n") and is included in briefing.json so anyone can re-anchor the evidence.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from .attribution import REPORTING
from .briefing import Briefing, Evidence, Statement
from .coverage import uses

SCHEMA = Path(__file__).parent / "schema" / "briefing.schema.json"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Our one term in the annotations: whose words the quoted passage is (its creator), as that actor's page.
OUR_TERMS = {"according_to": {"@id": "http://purl.org/dc/terms/creator", "@type": "@id"}}
CONTEXT_WORDS = 32  # characters of prefix/suffix in TextQuoteSelectors


def article_text(b: Briefing) -> str:
    return "\n\n".join(p.text for p in b.article.paragraphs)


def _paragraph_offsets(b: Briefing) -> dict[int, int]:
    offsets, at = {}, 0
    for p in b.article.paragraphs:
        offsets[p.number] = at
        at += len(p.text) + 2
    return offsets


def according_to(b: Briefing, e: Evidence) -> str | None:
    """The source of a quote's words: the attributed source, else the reporter the curation names."""
    return e.source or b.curation.attribution.reporting


def _evidence(b: Briefing, e: Evidence) -> dict:
    return {
        "quote": b.article.paragraph(e.paragraph).text[e.start : e.end],
        "paragraph": e.paragraph,
        "start": e.start,
        "end": e.end,
        "according_to": according_to(b, e),
        "own_reporting": e.source == REPORTING,
    }


def statements(b: Briefing) -> list[dict]:
    rows = []
    for n, use in enumerate(uses(b), start=1):
        claim = use.claim
        # A pillar's status is shown with the statements, as a value with its evidence and no source of its own.
        kind, text, sources = (claim.type, claim.text, list(claim.according_to)) if isinstance(claim, Statement) else ("status", claim.value, [])
        rows.append(
            {
                "id": f"{b.article.seed_id}-s{n}",
                "article": b.article.seed_id,
                "label": use.label,
                "section": use.section,
                "subject": use.owner or None,
                "type": kind,
                "text": text,
                "according_to": sources,
                "evidence": [_evidence(b, e) for e in claim.evidence],
            }
        )
    return rows


def briefing_json(briefings: list[Briefing]) -> dict:
    return {
        "$schema": "briefing.schema.json",
        "articles": [
            {
                "id": b.article.seed_id,
                "title": b.article.title,
                "outlet": b.article.outlet,
                "wire_service": b.article.wire_service,
                "byline": b.article.byline,
                "dateline": b.article.dateline,
                "publication_date": {"date": b.date.iso, "until": b.date.until, "precision": b.date.precision, "as_written": b.date.as_written}
                if b.date
                else None,
                "sha256": b.article.sha256,
                "paragraphs": [{"number": p.number, "text": p.text} for p in b.article.paragraphs],
                "text": article_text(b),
                "attribution": {
                    "reporting": b.curation.attribution.reporting,
                    "voices": [
                        {"according_to": v.source, **{k: e[k] for k in ("paragraph", "start", "end", "quote")}}
                        for v in b.curation.attribution.voices
                        for e in (_evidence(b, said) for said in v.says)
                    ],
                },
            }
            for b in briefings
        ],
        "actors": [
            {"id": a.id, "article": b.article.seed_id, "name": a.name, "kind": a.kind, "who": a.who.text, "role": a.role.text}
            for b in briefings
            for a in b.curation.actors
        ],
        "pillars": [
            {
                "id": p.id,
                "article": b.article.seed_id,
                "name": p.name,
                "status": p.status.value,
                "what": p.what.text,
                "answers": list(p.answers),
                "carried_out_by": list(p.carried_out_by),
            }
            for b in briefings
            for p in b.curation.pillars
        ],
        "threat_moves": [
            {"id": m.id, "article": b.article.seed_id, "name": m.name, "expected": m.expected.text}
            for b in briefings
            for m in b.curation.threat.moves
        ],
        "places": [
            {
                "id": p.id,
                "article": b.article.seed_id,
                "name": p.name,
                "kind": p.kind,
                "latitude": p.location.latitude if p.location else None,
                "longitude": p.location.longitude if p.location else None,
                "coordinates_source": p.location.source if p.location else None,
                "about": p.about.text,
                "mentions": [{"paragraph": m.paragraph, "start": m.start, "end": m.end} for m in b.place_mentions.get(p.id, ())],
            }
            for b in briefings
            for p in b.curation.places
        ],
        "statements": [row for b in briefings for row in statements(b)],
    }


def _cell(value: object) -> object:
    # A text cell starting with = + - @ would be run as a formula by spreadsheet programs.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


def statements_csv(data: dict) -> str:
    header = ["statement_id", "article", "label", "type", "text", "according_to", "quote", "quote_according_to", "own_reporting", "paragraph", "start", "end"]
    rows = [
        [
            s["id"], s["article"], s["label"], s["type"], s["text"], " ".join(s["according_to"]),
            e["quote"], e["according_to"] or "", "yes" if e["own_reporting"] else "no", e["paragraph"], e["start"], e["end"],
        ]
        for s in data["statements"]
        for e in s["evidence"]
    ]
    return _csv(header, rows)


def actors_csv(data: dict) -> str:
    return _csv(["id", "article", "name", "kind", "who", "role"], [[a[k] for k in ("id", "article", "name", "kind", "who", "role")] for a in data["actors"]])


def places_csv(data: dict) -> str:
    header = ["id", "article", "name", "kind", "latitude", "longitude", "coordinates_source", "about"]
    return _csv(header, [[p[k] for k in header] for p in data["places"]])


def pillars_csv(data: dict) -> str:
    header = ["id", "article", "name", "status", "what", "answers", "carried_out_by"]
    rows = [[p["id"], p["article"], p["name"], p["status"], p["what"], " ".join(p["answers"]), " ".join(p["carried_out_by"])] for p in data["pillars"]]
    return _csv(header, rows)


def annotation_collection(briefings: list[Briefing], site_url: str, article_url, actor_url) -> dict:  # noqa: ANN001 - url builders from the renderer
    items = []
    for b in briefings:
        text, offsets = article_text(b), _paragraph_offsets(b)
        for row, use in zip(statements(b), uses(b), strict=True):
            for k, e in enumerate(use.claim.evidence, start=1):
                start = offsets[e.paragraph] + e.start
                end = offsets[e.paragraph] + e.end
                source = according_to(b, e)
                items.append(
                    {
                        "id": f"{site_url}data/annotations.jsonld#{row['id']}-e{k}",
                        "type": "Annotation",
                        **({"according_to": site_url + actor_url(source)} if source else {}),
                        "motivation": "describing",
                        "body": {"type": "TextualBody", "value": row["text"], "format": "text/plain", "purpose": "describing"},
                        "target": {
                            "source": site_url + article_url(b),
                            "selector": [
                                {
                                    "type": "TextQuoteSelector",
                                    "exact": text[start:end],
                                    "prefix": text[max(0, start - CONTEXT_WORDS) : start],
                                    "suffix": text[end : end + CONTEXT_WORDS],
                                },
                                {"type": "TextPositionSelector", "start": start, "end": end},
                            ],
                        },
                    }
                )
    return {"@context": [ANNO_CONTEXT, OUR_TERMS], "type": "AnnotationCollection", "total": len(items), "first": {"type": "AnnotationPage", "items": items}}


TABLES = ("articles", "actors", "pillars", "threat_moves", "places", "statements")  # briefing.json's lists, in order
CSV_FILES = {"data/statements.csv": statements_csv, "data/actors.csv": actors_csv, "data/pillars.csv": pillars_csv, "data/places.csv": places_csv}


def _dump(value: object) -> str:
    # Compact: the files grow with the corpus, and indenting makes the encoder fall back to pure Python.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Parts:
    """One article's share of every open-data file, already written out as UTF-8: the files are these, joined."""

    tables: dict[str, bytes]  # briefing.json list -> its items for this article, comma-separated
    rows: dict[str, bytes]  # CSV file -> its rows for this article
    annotations: bytes
    annotation_count: int


def parts(b: Briefing, site_url: str, article_url, actor_url) -> Parts:  # noqa: ANN001 - url builders from the renderer
    data = briefing_json([b])
    items = annotation_collection([b], site_url, article_url, actor_url)["first"]["items"]
    return Parts(
        {table: ",".join(_dump(item) for item in data[table]).encode() for table in TABLES},
        {name: write_csv(data).split("\n", 1)[1].encode() for name, write_csv in CSV_FILES.items()},
        ",".join(_dump(item) for item in items).encode(),
        len(items),
    )


def data_files(briefings: list[Briefing], site_url: str, article_url, actor_url) -> dict[str, str]:  # noqa: ANN001
    """The open-data files, written from the whole corpus at once (publishing): this holds less in memory
    at the peak than every article's share written out beside the files (:func:`joined_data_files`)."""
    data = briefing_json(briefings)
    files = {"data/briefing.json": _dump(data) + "\n", "data/briefing.schema.json": SCHEMA.read_text(encoding="utf-8")}
    files |= {name: write_csv(data) for name, write_csv in CSV_FILES.items()}
    files["data/annotations.jsonld"] = _dump(annotation_collection(briefings, site_url, article_url, actor_url)) + "\n"
    return files


def joined_data_files(briefings: list[Briefing], site_url: str, article_url, actor_url, kept: PartsCache) -> dict[str, bytes]:  # noqa: ANN001
    """The same files as :func:`data_files`, byte for byte, joined from each article's share (the preview):
    an unchanged article's share is not worked out again, and joining bytes is a copy, not an encoding."""
    shares = [kept.get(b, site_url, article_url, actor_url) for b in briefings]
    kept.forget_all_but(briefings)

    def listed(items: list[bytes]) -> list[bytes]:
        """The items of a JSON list, commas between: pieces of a file, joined once (each join copies it all)."""
        pieces: list[bytes] = []
        for item in items:
            if item:
                pieces += [b",", item] if pieces else [item]
        return pieces

    document = [b'{"$schema":"briefing.schema.json"']
    for table in TABLES:
        document += [b",", _dump(table).encode(), b":[", *listed([share.tables[table] for share in shares]), b"]"]
    empty: dict[str, list] = {table: [] for table in TABLES}
    files = {"data/briefing.json": b"".join([*document, b"}\n"])}
    files["data/briefing.schema.json"] = SCHEMA.read_bytes()
    for name, write_csv in CSV_FILES.items():
        files[name] = b"".join([write_csv(empty).encode(), *(share.rows[name] for share in shares)])
    collection = {"@context": [ANNO_CONTEXT, OUR_TERMS], "type": "AnnotationCollection", "total": sum(s.annotation_count for s in shares)}
    head = _dump(collection)[:-1].encode() + b',"first":{"type":"AnnotationPage","items":['
    files["data/annotations.jsonld"] = b"".join([head, *listed([share.annotations for share in shares]), b"]}}\n"])
    return files


class PartsCache:
    """Each article's share of the open data, by the article's identity (an unchanged article is the same
    object from one preview build to the next)."""

    def __init__(self) -> None:
        self._kept: dict[int, tuple[Briefing, str, Parts]] = {}

    def get(self, b: Briefing, site_url: str, article_url, actor_url) -> Parts:  # noqa: ANN001
        found = self._kept.get(id(b))
        if found is None or found[0] is not b or found[1] != site_url:
            found = self._kept[id(b)] = (b, site_url, parts(b, site_url, article_url, actor_url))
        return found[2]

    def forget_all_but(self, briefings: list[Briefing]) -> None:
        alive = {id(b) for b in briefings}
        for stale in self._kept.keys() - alive:
            del self._kept[stale]
