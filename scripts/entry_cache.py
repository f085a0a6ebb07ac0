"""Checked articles kept by content, for the preview: an article whose seed, curation and shared entities
have the same bytes as at the last build (with the same code) is not parsed or checked again.

The key is a hash of everything :func:`scripts.loading.load_entry` reads: the seed's name and bytes, its
curation's bytes, the shared entities file's bytes, and the source of this package (a change of code
may change what a check finds). Entries are kept in memory while ``make serve`` runs and on disk under
``build/cache/`` so that a restarted preview starts warm. A curation that fails its checks is never kept:
its error is found again on the next build. Publishing (``make site``) reads every article afresh.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .briefing import Briefing, Pending

Entry = Briefing | Pending
PACKAGE = Path(__file__).resolve().parent
DEFAULT_DIR = PACKAGE.parent / "build" / "cache" / "entries"


@cache
def code_version() -> str:
    """A hash of this package's source and the Python version: a cached entry is only as good as the code that checked it."""
    digest = hashlib.sha256(sys.version.encode())
    for source in sorted(PACKAGE.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


def key(seed: Path, curation: Path, entities_bytes: bytes) -> str:
    digest = hashlib.sha256(code_version().encode())
    digest.update(str(seed.resolve()).encode() + b"\0" + seed.read_bytes() + b"\0")
    digest.update(curation.read_bytes() if curation.is_file() else b"(no curation)")
    digest.update(b"\0" + entities_bytes)
    return digest.hexdigest()


@dataclass
class EntryCache:
    directory: Path | None = DEFAULT_DIR  # None: memory only
    memory: dict[str, Entry] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0

    def get(self, entry_key: str) -> Entry | None:
        found = self.memory.get(entry_key)
        if found is None and self.directory is not None:
            path = self.directory / f"{entry_key}.pickle"
            try:
                found = pickle.loads(path.read_bytes())  # written by this cache only, under the project's build/
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
                found = None  # missing, partly written or from other code: checked afresh
            if found is not None:
                self.memory[entry_key] = found
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, entry_key: str, entry: Entry) -> None:
        self.memory[entry_key] = entry
        if self.directory is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary = self.directory / f".{entry_key}.{os.getpid()}"
            temporary.write_bytes(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(self.directory / f"{entry_key}.pickle")  # whole or not at all
        except OSError:
            pass  # a cache that cannot be written only costs time

    def keep_only(self, keys: set[str]) -> None:
        """Forget entries no longer in the corpus: the cache holds one version of each article."""
        for stale in self.memory.keys() - keys:
            del self.memory[stale]
        if self.directory is not None and self.directory.is_dir():
            for path in self.directory.iterdir():
                if path.suffix == ".pickle" and path.stem not in keys:
                    path.unlink(missing_ok=True)
