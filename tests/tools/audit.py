"""`make audit`: Lighthouse (mobile) on every page kind, served with gzip as a static host would.

A benchmark, not a test: it prints scores and weights; nothing here fails on a number.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.tools.pagekinds import PAGE_KINDS, ROOT, build, serve

LIGHTHOUSE = ROOT / "tests" / "node" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def audit(url: str, out: Path) -> dict:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        check=True,
        timeout=300,
    )
    return json.loads(out.read_text())


def main() -> int:
    site = ROOT / "build" / "audit-site"
    server = serve(site)
    url = f"http://127.0.0.1:{server.server_port}/"
    build(site, url)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind, path in PAGE_KINDS.items():
            report = audit(url + path, Path(tmp) / f"{kind}.json")
            scores = [round(report["categories"][c]["score"] * 100) for c in CATEGORIES]
            weight = report["audits"]["total-byte-weight"]["numericValue"] / 1024
            requests = len(report["audits"]["network-requests"]["details"]["items"])
            scored = [a for a in report["audits"].values() if a.get("score") is not None and a.get("scoreDisplayMode") in ("binary", "numeric")]
            failed = [a["id"] for a in scored if a["score"] < 1]
            rows.append((kind, *scores, weight, requests, failed))
    server.shutdown()
    print(f"{'page':<14}{'perf':>6}{'a11y':>6}{'best':>6}{'seo':>6}{'KiB':>8}{'reqs':>6}  audits below 100")
    for kind, p, a, b, s, weight, requests, failed in rows:
        print(f"{kind:<14}{p:>6}{a:>6}{b:>6}{s:>6}{weight:>8.1f}{requests:>6}  {', '.join(failed) or '-'}")
    mins = [min(r[i] for r in rows) for i in range(1, 5)]
    print(f"audit: min performance {mins[0]}, accessibility {mins[1]}, best-practices {mins[2]}, seo {mins[3]} over {len(rows)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
