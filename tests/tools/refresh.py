"""What an editor waits for: `make serve` (mkdocs serve --strict --dirty) on a corpus, one curation saved,
and the time until the preview has rebuilt and reloads the browser with the edit on the article page and
on one actor page. Used by ``make bench`` on its 1,000-article corpus.
"""

from __future__ import annotations

import time
from collections.abc import Callable
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


def measure(seeds: Path, work: Path) -> float:
    """Seconds from saving the first curation in ``seeds`` to the end of the preview's rebuild; the seed is restored after."""
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
        return seconds
    finally:
        server.stop()
        curation.write_text(original, encoding="utf-8")
