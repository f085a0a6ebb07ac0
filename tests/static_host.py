"""One static host for the tests and the measures: a built site served on 127.0.0.1 as a static host
(GitHub Pages, a plain web server) serves it. Missing addresses get the site's own 404 page with status
404; a folder without its final slash is redirected to it; with ``compress``, text goes out gzip-encoded
to clients that accept it, as hosts send it, for measures of what a reader downloads."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class StaticHost(http.server.SimpleHTTPRequestHandler):
    compress = False

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        elif path.is_dir():
            return super().send_head()  # the redirect to the folder's address with its slash
        if not path.is_file():
            return self._send(Path(self.directory) / "404.html", 404)
        if self.compress and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self._send(path, 200)
        return super().send_head()

    def _send(self, path: Path, status: int) -> io.BytesIO | None:
        if not path.is_file():  # a site without a 404 page: the server's own
            self.send_error(status)
            return None
        body = path.read_bytes()
        gzipped = self.compress and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        # LinkChecker throttles every host to ~10 requests/s unless the server opts in with this header.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


def serve(directory: Path, *, compress: bool = False, port: int = 0, handler: type[StaticHost] = StaticHost) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on 127.0.0.1 (a free port unless one is given); the server and its base URL."""
    host = type("Host", (handler,), {"compress": compress})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(host, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"
