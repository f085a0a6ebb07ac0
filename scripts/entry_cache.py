"""Checked articles kept by content, for the preview: an article whose seed, curation and shared entities
have the same bytes as at the last build (with the same code) is not parsed or checked again.

The key is a hash of everything :func:`scripts.loading.load_entry` reads: the seed's name and bytes, its
curation's bytes, the shared entities file's bytes, and the source of this package (a change of code
may change what a check finds). Entries are kept in memory while ``make serve`` runs and on disk under
``build/cache/`` so that a restarted preview starts warm. A curation that fails its checks is never kept:
its error is found again on the next build. Publishing (``make site``) reads every article afresh.

Two shortcuts keep a build after one edit from reading the whole corpus: a file whose size and times are
those of the last build is not read again to be hashed (as ``git status`` trusts its index), and a seed
whose bytes and ``intake`` marks are unchanged keeps its parsed :class:`~scripts.article.Article`, the
same object, when only its curation changed (so the comparison of wire copies, which depends on the
articles alone, is not redone; see :func:`scripts.wire.find_copies`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .article import Article, LineMarks
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


# What says a file was not written since it was last hashed: inode, size, modification and change times.
Signature = tuple[int, int, int, int]
RACY_NS = 2_000_000_000  # coarser than any file system's timestamps (FAT's are 2 s)


@dataclass
class EntryCache:
    directory: Path | None = DEFAULT_DIR  # None: memory only
    memory: dict[str, Entry] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    _digests: dict[Path, tuple[Signature, str]] = field(default_factory=dict)  # file -> its signature and hash when last read
    _articles: dict[Path, tuple[str, LineMarks | None, Article]] = field(default_factory=dict)  # seed -> its hash, marks, parse
    _files_used: set[Path] = field(default_factory=set)
    _key_by_id: dict[int, str] = field(default_factory=dict)  # an entry held here -> its key

    def key_of(self, entry: Entry) -> str | None:
        """The key an entry held here is kept under (entries are compared by content across restarts)."""
        found = self._key_by_id.get(id(entry))
        return found if found is not None and self.memory.get(found) is entry else None

    def file_digest(self, path: Path) -> str:
        """The hash of a file's bytes ("" if there is none), read again only if the file was written since."""
        try:
            st = path.stat()
        except FileNotFoundError:
            self._digests.pop(path, None)
            return ""
        signature = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        self._files_used.add(path)
        known = self._digests.get(path)
        if known is not None and known[0] == signature:
            return known[1]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        # A file written moments ago could be written again within the same tick of the file system's clock,
        # with the same size, and look unchanged ("racily clean", as git calls it): trusted only once older.
        if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > RACY_NS:
            self._digests[path] = (signature, digest)
        return digest

    def key(self, seed: Path, curation: Path, entities_digest: str) -> str:
        """The key of an entry: everything :func:`scripts.loading.load_entry` reads, and the code."""
        parts = (code_version(), str(seed.resolve()), self.file_digest(seed), self.file_digest(curation) or "(no curation)", entities_digest)
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def article(self, seed: Path, marks: LineMarks | None, parse: Callable[[Path, LineMarks | None], Article]) -> Article:
        """The seed parsed under ``marks``: the same object as at the last build if neither changed."""
        digest = self.file_digest(seed)
        kept = self._articles.get(seed)
        if kept is not None and kept[0] == digest and kept[1] == marks:
            return kept[2]
        article = parse(seed, marks)
        if self.file_digest(seed) == digest:  # not saved while it was parsed
            self._articles[seed] = (digest, marks, article)
        return article

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
                self._key_by_id[id(found)] = entry_key
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, entry_key: str, entry: Entry) -> None:
        self.memory[entry_key] = entry
        self._key_by_id[id(entry)] = entry_key
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
        self._key_by_id = {id(entry): entry_key for entry_key, entry in self.memory.items()}
        for stale_file in self._digests.keys() - self._files_used:
            del self._digests[stale_file]
        for stale_seed in self._articles.keys() - self._files_used:
            del self._articles[stale_seed]
        self._files_used = set()
        if self.directory is not None and self.directory.is_dir():
            for path in self.directory.iterdir():
                if path.suffix == ".pickle" and path.stem not in keys:
                    path.unlink(missing_ok=True)
