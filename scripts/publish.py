"""`make site`: a strict build (MkDocs, or Zensical with `ENGINE=zensical`) into a fresh directory,
swapped in only when it succeeded.

MkDocs empties its output directory before it builds; building beside `site/` and renaming keeps
the last good site in place whenever a build fails, for whatever reason. Publishing is strict: a
corpus with articles awaiting review is refused (:func:`refuse_pending`, applied by the build when
`BRIEFING_PUBLISH` is set).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .corpus import Corpus
from .errors import BriefingError, display_path
from .seeds import curation_path
from .zensical_build import build_with_zensical

ENGINES = ("mkdocs", "zensical")  # the first is the default


def build_site(project: Path, site_dir: Path, engine: str = ENGINES[0]) -> int:
    site_dir = site_dir if site_dir.is_absolute() else project / site_dir
    staging = site_dir.with_name(site_dir.name + ".next")
    previous = site_dir.with_name(site_dir.name + ".previous")
    shutil.rmtree(staging, ignore_errors=True)
    status = _build_with_zensical(project, staging) if engine == "zensical" else _build_with_mkdocs(project, staging)
    if status != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed; {site_dir.name}/ was left as it was", file=sys.stderr)
        return status
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return 0


def _build_with_mkdocs(project: Path, staging: Path) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_PUBLISH": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)], cwd=project, env=env).returncode


def _build_with_zensical(project: Path, staging: Path) -> int:
    try:
        build_with_zensical(project, staging, publish=True)
    except (RuntimeError, BriefingError) as err:  # BriefingError: the search index, run in this process
        print(err, file=sys.stderr)
        return 1
    return 0


def refuse_pending(built: Corpus) -> None:
    """Publishing shows reviewed articles only: list every article still awaiting review, and what is left."""
    if built.pending:
        lines = [f"{display_path(curation_path(p.article.path))}: awaiting review; still to do: {'; '.join(p.still_to_do())}" for p in built.pending]
        raise BriefingError(Path(built.pending[0].article.path.parent), "holds articles awaiting review, so nothing is published:\n" + "\n".join(lines))
