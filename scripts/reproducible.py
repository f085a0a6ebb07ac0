"""Byte-identical builds: MkDocs stamps the build date (sitemap, gzip headers) from SOURCE_DATE_EPOCH."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def pin_build_date(root: Path) -> None:
    """Use the last commit's time as the build date unless the caller has set one."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    try:
        stamp = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return  # not a git checkout (e.g. an exported tarball): MkDocs falls back to the current time
    if stamp.isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = stamp
