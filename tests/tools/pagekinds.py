"""One representative page per page kind, for screenshots and audits."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import subprocess
import sys
import threading
from pathlib import Path

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
    "articles": "articles/",
    "timeline": "timeline/",
    "source-notes": "articles/000_b2ab8aba2c0e3d24/source-notes/",
    "about": "about/",
    "search": "search/?q=drones",  # the Search page with a query: the index loaded, results shown
    "not-found": "404.html",  # the page a static host serves for missing paths
}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def build(site: Path, site_url: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)], cwd=ROOT, env=env, check=True)


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: gzip for text when the client accepts it, the site's 404 page for missing paths."""

    def send_head(self):  # noqa: ANN201 - matches the base class
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return self._send(Path(self.directory) / "404.html", 404)
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self._send(path, 200)
        return super().send_head()

    def _send(self, path: Path, status: int):  # noqa: ANN202
        body = path.read_bytes()
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args: object) -> None:
        pass


def serve(site: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(StaticHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
