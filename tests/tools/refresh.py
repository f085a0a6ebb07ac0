"""What an editor waits for: `make serve` (mkdocs serve --strict --dirty) on a corpus, one curation saved,
and the time until the preview has rebuilt and reloads the browser with the edit on the article page and
on one actor page; then the preview stopped with Ctrl-C and started again, and the time until it serves.
Used by ``make bench`` on its 1,000-article corpus.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.serving import Serve, wait_for

ROOT = Path(__file__).resolve().parents[2]
# A real edit: a word of the summary (on the article page) and of an actor's "who" (on that actor's page).
EDITS = (
    ("When the article was written", "At the time the article was written"),
    ("the article does not name them one by one.", "the article does not name each of them."),
)


class RefreshFailed(Exception):
    pass


def _wait(predicate: Callable[[], bool], timeout: float, log: Path) -> None:
    if not wait_for(predicate, timeout):
        raise RefreshFailed("the preview did not finish in time:\n" + "\n".join(log.read_text().splitlines()[-20:]))


@dataclass(frozen=True)
class Waits:
    refresh: float  # seconds from saving a curation to the rebuilt pages
    restart: float  # seconds from starting a stopped preview again to its serving


def measure(seeds: Path, work: Path) -> Waits:
    """The preview's refresh after saving the first curation in ``seeds`` (restored after), and its restart."""
    curation = min(seeds.glob("*.yml"))
    original = curation.read_text(encoding="utf-8")
    edited = original
    for old, new in EDITS:
        if old not in edited:
            raise RefreshFailed(f"{curation.name}: the benchmark's edit expects {old!r}")
        edited = edited.replace(old, new, 1)
    server = Serve(ROOT, work / "serve", env={"BRIEFING_SEEDS": str(seeds)})
    try:
        _wait(lambda: "Serving on" in server.text(), 3600, server.log)
        before = server.builds()
        started = time.monotonic()
        curation.write_text(edited, encoding="utf-8")
        _wait(lambda: server.builds() > before, 600, server.log)
        seconds = time.monotonic() - started
        if "Aborted" in server.text() or "ERROR" in server.text():
            raise RefreshFailed("the edited curation did not build:\n" + "\n".join(server.text().splitlines()[-20:]))
        article = server.site / "articles" / curation.stem / "index.html"
        actor_pages = (server.site / "actors").glob("*/**/index.html")
        if EDITS[0][1] not in article.read_text(encoding="utf-8") or not any(EDITS[1][1] in p.read_text(encoding="utf-8") for p in actor_pages):
            raise RefreshFailed("the rebuilt preview does not show the edit on the article page and an actor page")
        server.interrupt()  # Ctrl-C, as an editor stops it
        started = time.monotonic()
        server = Serve(ROOT, work / "restart", env={"BRIEFING_SEEDS": str(seeds)}, port=server.port)
        _wait(lambda: "Serving on" in server.text(), 3600, server.log)
        restart = time.monotonic() - started
        if "restarted on the last preview's pages" not in server.text():
            raise RefreshFailed("the restarted preview did not take up the last one's pages:\n" + "\n".join(server.text().splitlines()[-20:]))
        return Waits(seconds, restart)
    finally:
        server.stop()
        curation.write_text(original, encoding="utf-8")
