"""`make bench`: generation, the full site build, a reader's costs and the preview's refresh and restart, on synthetic corpora of 100 and 1,000 articles.

A benchmark, not a test: it prints numbers and whether they meet the targets; run it on a quiet machine.
Each step runs as its own process, one after the other, so its wall time and peak memory are its own.

    python -m tests.tools.bench [--sizes 100,1000] [--keep]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from tests.tools.reader import ReaderCost
from tests.tools.reader import measure as measure_reader
from tests.tools.refresh import RefreshFailed, Waits
from tests.tools.refresh import measure as measure_refresh
from tests.tools.synth import make_corpus

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "build" / "bench"
TARGET_RATIO, TARGET_SCALING, TARGET_PEAK_MIB = 0.05, 1.2, 1024
TARGET_PAGE_KIB, TARGET_QUERY_KIB, TARGET_RESULTS_MS = 60, 150, 300  # a reader's first visit; one search, CPU 4x slower
TARGET_REFRESH_S = 3  # an editor's wait in `make serve` after saving one curation
PRIMARY_NAV = '<nav class="md-nav md-nav--primary"'
NAV_TAG = re.compile(r"<nav\b|</nav\s*>")
STDERR_TAIL = 30  # lines shown when a step fails


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class SiteSize:
    total_bytes: int
    files: int
    pages: int
    median_page: int
    max_page: int
    search_index: int
    median_nav: int
    home_weight: int  # gzipped bytes the home page loads


class StepFailed(Exception):
    pass


# --- running a step ---------------------------------------------------------------------------


def measure(name: str, command: list[str], log_dir: Path, env: dict[str, str] | None = None) -> Run:
    """Wall time and the child's own peak RSS (from wait4, so no other process counts)."""
    log_dir.mkdir(parents=True, exist_ok=True)
    stdout, stderr = log_dir / f"{name}.out", log_dir / f"{name}.err"
    # Output goes to files, not pipes: wait4 does not read pipes, and a full pipe would stall the child.
    with stdout.open("wb") as out, stderr.open("wb") as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4; tell Popen so it does not wait again
    if child.returncode != 0:
        tail = stderr.read_text(encoding="utf-8", errors="replace").splitlines()[-STDERR_TAIL:]
        raise StepFailed(f"{name} failed (exit {child.returncode}): {' '.join(command)}\n" + "\n".join(tail))
    return Run(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is KiB on Linux


def generate_step(seeds: Path, work: Path) -> Run:
    command = [sys.executable, "-m", "scripts", "generate", "--seeds", str(seeds), "--out", str(work / "pages")]
    return measure("generate", command, work)


def build_step(seeds: Path, work: Path) -> Run:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(work / "site")]
    # The hook builds the corpus named by BRIEFING_SEEDS with the project's real configuration.
    return measure("build", command, work, {"BRIEFING_SEEDS": str(seeds), "NO_MKDOCS_2_WARNING": "1"})


# --- measuring the built site -----------------------------------------------------------------


def primary_nav_bytes(page: str) -> int:
    """Length of the primary navigation element, nested <nav> elements included; 0 if the page has none."""
    start = page.find(PRIMARY_NAV)
    if start < 0:
        return 0
    depth = 0
    for tag in NAV_TAG.finditer(page, start):
        depth += -1 if tag.group(0).startswith("</") else 1
        if depth == 0:
            return tag.end() - start
    return len(page) - start


class _Assets(HTMLParser):
    """Local stylesheets, scripts and images a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.urls.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"])


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))  # a static host's usual level


def home_weight(site: Path) -> int:
    """Gzipped bytes of the home page and its local CSS, JS and images (search data is fetched only on
    the Search page, when a reader searches: see ``reader.py``)."""
    home = site / "index.html"
    parser = _Assets()
    parser.feed(home.read_text(encoding="utf-8"))
    files = {home}
    for url in parser.urls:
        if "://" in url or url.startswith(("//", "data:")):
            continue  # other hosts: not this site's weight
        files.add((site / url.split("#")[0].split("?")[0]).resolve())
    return sum(gzipped(f) for f in files if f.is_file())


def measure_site(site: Path) -> SiteSize:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    sizes = [p.stat().st_size for p in pages]
    navs = [primary_nav_bytes(p.read_text(encoding="utf-8")) for p in pages]
    index = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return SiteSize(
        total_bytes=sum(p.stat().st_size for p in files),
        files=len(files),
        pages=len(pages),
        median_page=int(statistics.median(sizes)) if sizes else 0,
        max_page=max(sizes, default=0),
        search_index=sum(p.stat().st_size for p in index),
        median_nav=int(statistics.median(navs)) if navs else 0,
        home_weight=home_weight(site),
    )


# --- one corpus, and the report ---------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    articles: int
    generate: Run
    build: Run
    site: SiteSize
    reader: ReaderCost
    waits: Waits  # the preview's, after an edit and on a restart


def bench(n: int, keep: bool) -> Result:
    work = BENCH / str(n)
    shutil.rmtree(work, ignore_errors=True)  # fresh every run: nothing left over from the last one is measured
    seeds = work / "seeds"
    make_corpus(n, seeds)
    generated = generate_step(seeds, work)
    built = build_step(seeds, work)
    site = measure_site(work / "site")
    reader = measure_reader(work / "site")
    try:
        waits = measure_refresh(seeds, work)
    except RefreshFailed as err:
        raise StepFailed(f"refresh ({n} articles): {err}") from None
    if not keep:
        for big in ("site", "pages"):
            shutil.rmtree(work / big, ignore_errors=True)
    return Result(n, generated, built, site, reader, waits)


COLUMNS = (
    ("articles", lambda r: f"{r.articles:,}"),
    ("generate s", lambda r: f"{r.generate.seconds:.1f}"),
    ("gen MiB", lambda r: f"{r.generate.peak_mib:.0f}"),
    ("build s", lambda r: f"{r.build.seconds:.1f}"),
    ("build MiB", lambda r: f"{r.build.peak_mib:.0f}"),
    ("site MiB", lambda r: f"{r.site.total_bytes / 2**20:.1f}"),
    ("files", lambda r: f"{r.site.files:,}"),
    ("pages", lambda r: f"{r.site.pages:,}"),
    ("median page KiB", lambda r: f"{r.site.median_page / 1024:.1f}"),
    ("max page KiB", lambda r: f"{r.site.max_page / 1024:.1f}"),
    ("search index KiB", lambda r: f"{r.site.search_index / 1024:.0f}"),
    ("nav KiB/page", lambda r: f"{r.site.median_nav / 1024:.1f}"),
    ("home gz KiB", lambda r: f"{r.site.home_weight / 1024:.0f}"),
    ("heaviest page KiB", lambda r: f"{r.reader.page_bytes / 1024:.1f} ({r.reader.heaviest_kind})"),
    ("query KiB", lambda r: f"{r.reader.query_bytes / 1024:.1f}"),
    ("results ms", lambda r: f"{r.reader.results_ms:.0f}"),
    ("refresh s", lambda r: f"{r.waits.refresh:.1f}"),
    ("restart s", lambda r: f"{r.waits.restart:.1f}"),
)


def table(results: list[Result]) -> str:
    rows = [[name for name, _ in COLUMNS]] + [[cell(r) for _, cell in COLUMNS] for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = ["| " + " | ".join(v.rjust(w) for v, w in zip(row, widths, strict=True)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|")
    return "\n".join(lines)


def summary(results: list[Result]) -> list[str]:
    small, large = min(results, key=lambda r: r.articles), max(results, key=lambda r: r.articles)
    ratio = large.generate.seconds / large.build.seconds
    # Linear scaling gives 1.0: the large build takes (large/small) times the small one.
    scaling = large.build.seconds / (large.articles / small.articles * small.build.seconds)
    peak = max(large.generate.peak_mib, large.build.peak_mib)
    page_kib = max(r.reader.page_bytes for r in results) / 1024  # every page kind, at every size
    query_kib, results_ms = large.reader.query_bytes / 1024, large.reader.results_ms
    return [  # the "bench:" line last, as scripts reading the output expect
        _verdict("generate/build", ratio, TARGET_RATIO, ".2f"),
        _verdict("scaling", scaling, TARGET_SCALING, ".2f") if large is not small else "scaling: not measured (one corpus size)",
        _verdict("peak MiB", peak, TARGET_PEAK_MIB, ".0f"),
        _verdict("heaviest page KiB", page_kib, TARGET_PAGE_KIB, ".1f"),
        _verdict("query KiB", query_kib, TARGET_QUERY_KIB, ".1f"),
        _verdict("results ms", results_ms, TARGET_RESULTS_MS, ".0f"),
        _verdict("refresh s", large.waits.refresh, TARGET_REFRESH_S, ".1f"),
        (
            f"bench: {large.articles} articles, generate {large.generate.seconds:.1f} s, build {large.build.seconds:.1f} s, "
            f"generate/build {ratio:.2f}, scaling {scaling:.2f}, peak {peak:.0f} MiB, "
            f"page {page_kib:.1f} KiB, query {query_kib:.1f} KiB, results {results_ms:.0f} ms, "
            f"refresh {large.waits.refresh:.1f} s, restart {large.waits.restart:.1f} s"
        ),
    ]


def _verdict(name: str, value: float, target: float, fmt: str) -> str:
    return f"{name} {value:{fmt}} <= {target:{fmt}}: {'met' if value <= target else 'NOT met'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.tools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated (default: 100,1000)")
    parser.add_argument(
        "--keep", action="store_true", help=f"keep the generated pages and sites under {BENCH.relative_to(ROOT)}/"
    )
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    results = []
    try:
        for n in sizes:
            print(f"measuring {n:,} articles …", file=sys.stderr, flush=True)  # not "bench:": that prefix is the result line
            results.append(bench(n, args.keep))
    except StepFailed as err:
        print(err, file=sys.stderr)
        return 1
    print(table(results))
    print("\n".join(summary(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
