"""One representative page per page kind, for screenshots and audits."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
from pathlib import Path

from tests import static_host

ROOT = Path(__file__).resolve().parents[2]

PAGE_KINDS = {
    "home": "",
    "article": "articles/000_b2ab8aba2c0e3d24/",
    "actors": "actors/",
    "actor": "actors/hisham-al-hashimi/",
    "pillars": "pillars/",
    "pillar": "pillars/border-surveillance/",
    "threat": "threat/",
    "threat-move": "threat/escape-from-mosul/",
    "places": "places/",
    "place": "places/mosul/",
    "articles": "articles/",
    "timeline": "timeline/",
    "source-notes": "articles/000_b2ab8aba2c0e3d24/source-notes/",
    "about": "about/",
    "search": "search/?q=drones",  # the Search page with a query: the index loaded, results shown
    "not-found": "404.html",  # the page a static host serves for missing paths
}


def build(site: Path, site_url: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)], cwd=ROOT, env=env, check=True)


def serve(site: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """The site as a host sends it, gzip included: audits and screenshots see what readers download."""
    return static_host.serve(site, compress=True, port=port)[0]
