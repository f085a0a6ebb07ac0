"""Editor effort for a wire copy: how many curation lines an editor still writes after ``make new``.

Adds ``tests/fixtures/effort/copy.txt`` (another outlet's reprint of the first seed's wire story, with
a paragraph cut, one added, one split, a sentence reworded and its own house style) to a copy of the
seeds the way an editor does, with ``python -m scripts new``. Its draft is then compared with
``tests/fixtures/effort/copy.yml``, the curation an editor finished from that draft, which must build
with the seeds. Lines of the finished curation that the draft does not have are the ones the editor
wrote or changed; lines the editor only deleted (the draft's notes, what the copy does not carry) are
counted apart. Last line:

    effort: wire copy L lines to write or change
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "effort"
COPY, FINISHED = FIXTURES / "copy.txt", FIXTURES / "copy.yml"


@dataclass(frozen=True)
class Effort:
    draft_lines: int
    finished_lines: int
    written: int  # lines of the finished curation not in the draft: written or changed by the editor
    deleted: int  # lines of the draft the editor removed


def measure(seeds: Path, workdir: Path) -> Effort:
    """Add the copy to a copy of ``seeds`` with ``make new``'s command; compare its draft with the finished one."""
    corpus = workdir / "seeds"
    shutil.copytree(seeds, corpus)
    run = subprocess.run([sys.executable, "-m", "scripts", "new", str(COPY), "--seeds", str(corpus)], cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"make new failed: {run.stderr.strip()}")
    (draft_path,) = (p for p in corpus.glob("*.yml") if p.name not in {q.name for q in seeds.glob("*.yml")})
    draft = draft_path.read_text(encoding="utf-8").splitlines()
    finished = FINISHED.read_text(encoding="utf-8").splitlines()
    written = deleted = 0
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, draft, finished, autojunk=False).get_opcodes():
        if op in ("replace", "insert"):
            written += b1 - b0
        if op in ("replace", "delete"):
            deleted += a1 - a0
    shutil.copy(FINISHED, draft_path)  # the finished curation must build with the seeds
    built = subprocess.run(
        [sys.executable, "-m", "scripts", "generate", "--seeds", str(corpus), "--out", str(workdir / "pages")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if built.returncode != 0:
        raise SystemExit(f"the finished curation does not build: {built.stderr.strip()}")
    return Effort(len(draft), len(finished), written, deleted)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        effort = measure(ROOT / "seeds", Path(tmp))
    print(
        f"effort: draft {effort.draft_lines} lines, finished curation {effort.finished_lines} lines; "
        f"the editor deleted {effort.deleted} lines (notes, what the copy does not carry)"
    )
    print(f"effort: wire copy {effort.written} lines to write or change")
    return 0


if __name__ == "__main__":
    sys.exit(main())
