"""What a restarted preview finds of the last one: its pages, and what it knew of them.

``mkdocs serve`` builds into a new temporary folder every time it starts, so a restart would build every
page again (minutes at 1,000 articles). The preview instead links that folder to one kept under
``build/preview/`` (one per seeds folder), and when it stops cleanly it saves there what
:mod:`scripts.refresh` knows of the pages written (their Markdown's digests) and what
:mod:`scripts.page_memo` rendered (by the content keys of their articles). A restart loads both: only
pages whose inputs changed while it was stopped are rendered and written again.

The saved state is removed as soon as it is loaded, so a preview that is killed, or crashes, leaves no
state behind, and the next start builds every page. Code, engine and theme versions are part of what
every page is compared with (:func:`scripts.refresh.frame_digest`), so an upgrade rebuilds everything.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
from pathlib import Path

from .entry_cache import code_version
from .page_memo import PageMemo
from .refresh import Refresh

ROOT = Path(__file__).resolve().parent.parent / "build" / "preview"


class PreviewStore:
    def __init__(self, seeds: Path, root: Path = ROOT) -> None:
        self.folder = root / hashlib.sha256(str(seeds.resolve()).encode()).hexdigest()[:16]
        self.linked: Path | None = None  # the temporary folder mkdocs serve serves, once linked here

    @property
    def _state(self) -> Path:
        return self.folder / "state.pickle"

    def attach(self, site_dir: Path, refresh: Refresh, pages: PageMemo) -> bool:
        """Link the preview's folder here and take up the last preview's state; whether there was one."""
        if self.linked is not None or not site_dir.is_dir() or site_dir.is_symlink() or any(site_dir.iterdir()):
            return False  # already linked, or not the empty folder mkdocs serve starts with
        kept = self.folder / "site"
        kept.mkdir(parents=True, exist_ok=True)
        site_dir.rmdir()
        site_dir.symlink_to(kept, target_is_directory=True)
        self.linked = site_dir
        try:
            saved = pickle.loads(self._state.read_bytes())  # written by save() below, under the project's build/
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            saved = None
        self._state.unlink(missing_ok=True)  # valid only until this preview writes its first page
        if not isinstance(saved, dict) or saved.get("code") != code_version():
            shutil.rmtree(kept)  # unknown pages: start from an empty folder
            kept.mkdir()
            return False
        refresh.restore(saved["refresh"])
        pages.made = saved["pages"]
        return True

    def save(self, refresh: Refresh, pages: PageMemo) -> None:
        """At a clean stop: keep what the next start needs, then give mkdocs serve back its own folder."""
        if self.linked is None:
            return
        if refresh.builds and refresh.frame:  # the last build succeeded: its state matches the pages
            state = {"code": code_version(), "refresh": refresh.state(), "pages": pages.made}
            temporary = self._state.with_suffix(".partial")
            temporary.write_bytes(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(self._state)
        self.linked.unlink()
        self.linked.mkdir()  # mkdocs serve removes its temporary folder on the way out
        self.linked = None
