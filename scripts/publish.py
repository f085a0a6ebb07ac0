"""`make site`: a strict MkDocs build into a fresh directory, swapped in only when it succeeded.

MkDocs empties its output directory before it builds; building beside `site/` and renaming keeps
the last good site in place whenever a build fails, for whatever reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def build_site(project: Path, site_dir: Path) -> int:
    site_dir = site_dir if site_dir.is_absolute() else project / site_dir
    staging = site_dir.with_name(site_dir.name + ".next")
    previous = site_dir.with_name(site_dir.name + ".previous")
    shutil.rmtree(staging, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_PUBLISH": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)], cwd=project, env=env)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed; {site_dir.name}/ was left as it was", file=sys.stderr)
        return result.returncode
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return 0
