"""Score the parser over the intake fixtures: scraped pages, each with the result an editor expects.

Every fixture ``tests/fixtures/intake/<name>.txt`` has ``<name>.expected.json``: the headline and its
line, the dateline, byline, wire service and publication date (or null), the number of paragraphs and
the lines that are page furniture. Prints one line per fixture that falls short, then a last line:

    intake: N articles, titles T/N, furniture kept K of F lines, dateline D/d, byline B/b, date P/p, wire W/w

where K counts furniture lines that ended up in a paragraph (0 is best), and each of D/d … W/w counts
the articles where the expected or the parsed value is set, and of those, the ones where they agree.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.parse import parse_file  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "intake"
FIELDS = ("dateline", "byline", "published", "wire_service")


@dataclass
class Result:
    name: str
    title_ok: bool
    furniture: int  # lines the fixture marks as furniture
    furniture_kept: list[int]  # of those, the lines found in a paragraph
    body_lost: list[int]  # article lines found in no paragraph
    paragraphs: tuple[int, int]  # expected, parsed
    fields: dict[str, tuple[object, object]] = field(default_factory=dict)  # expected, parsed
    first_ok: bool = True

    @property
    def problems(self) -> list[str]:
        found = []
        if not self.title_ok:
            found.append("wrong headline")
        if self.furniture_kept:
            found.append(f"furniture kept on lines {self.furniture_kept}")
        if self.body_lost:
            found.append(f"article text lost on lines {self.body_lost}")
        if self.paragraphs[0] != self.paragraphs[1]:
            found.append(f"{self.paragraphs[1]} paragraphs, expected {self.paragraphs[0]}")
        found += [f"{name} {got!r}, expected {want!r}" for name, (want, got) in self.fields.items() if want != got]
        if not self.first_ok:
            found.append("first paragraph does not start as expected")
        return found


def fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("*.txt"))


def check(path: Path) -> Result:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    article = parse_file(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    in_paragraphs = {n for p in article.paragraphs for n in p.lines}
    furniture = set(expected["furniture_lines"])
    body = {n for n, line in enumerate(lines, start=1) if line.strip()} - furniture - {expected["title_line"]}
    published = {"iso": article.published.iso, "precision": article.published.precision} if article.published else None
    parsed = {"dateline": article.dateline, "byline": article.byline, "published": published, "wire_service": article.wire_service}
    first = expected.get("first_paragraph_starts")
    return Result(
        name=path.stem,
        title_ok=article.title == expected["title"],
        furniture=len(furniture),
        furniture_kept=sorted(furniture & in_paragraphs),
        body_lost=sorted(body - in_paragraphs),
        paragraphs=(expected["paragraphs"], len(article.paragraphs)),
        fields={name: (expected[name], parsed[name]) for name in FIELDS},
        first_ok=first is None or (bool(article.paragraphs) and article.paragraphs[0].text.startswith(first)),
    )


def summary(results: list[Result]) -> str:
    def score(name: str) -> str:
        relevant = [r.fields[name] for r in results if r.fields[name][0] is not None or r.fields[name][1] is not None]
        return f"{sum(1 for want, got in relevant if want == got)}/{len(relevant)}"

    n = len(results)
    return (
        f"intake: {n} articles, titles {sum(r.title_ok for r in results)}/{n}, "
        f"furniture kept {sum(len(r.furniture_kept) for r in results)} of {sum(r.furniture for r in results)} lines, "
        f"dateline {score('dateline')}, byline {score('byline')}, date {score('published')}, wire {score('wire_service')}"
    )


def main() -> int:
    results = [check(path) for path in fixtures()]
    for r in results:
        if r.problems:
            print(f"{r.name}: " + "; ".join(r.problems))
    print(summary(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
