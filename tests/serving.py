"""Helpers for tests and measures that run a server (`mkdocs serve`) and wait on what it writes."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

POLL = 0.05  # seconds between looks: a poll for a condition, never a wait in place of one


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(predicate: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Whether ``predicate`` came true within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(POLL)
    return False


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Python then installs its own Ctrl-C handler


# The end of each preview build: the hook's line, once every page is written.
BUILT = re.compile(r"Preview: build \d+:|Aborted")


class Serve:
    """A running `mkdocs serve --strict` (with ``--dirty``, as `make serve`) in ``project``, whose log and
    output folder can be read: mkdocs serve builds into a new temporary folder, here under ``tmp``."""

    def __init__(self, project: Path, tmp: Path, dirty: bool = True, env: dict[str, str] | None = None, port: int | None = None) -> None:
        self.port = port or free_port()
        self.tmp = tmp
        tmp.mkdir(parents=True, exist_ok=True)
        self.log = tmp / "serve.log"
        command = [sys.executable, "-m", "mkdocs", "serve", "--strict", *(["--dirty"] if dirty else []), "--dev-addr", f"127.0.0.1:{self.port}"]
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp), **(env or {})}
        with self.log.open("w") as out:
            # Ctrl-C reaches it even when this runs in the background, where a shell ignores it for its children.
            self.process = subprocess.Popen(
                command, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=environment, preexec_fn=_interruptible
            )

    def text(self) -> str:
        return self.log.read_text()

    def builds(self) -> int:
        return len(BUILT.findall(self.text()))

    @property
    def site(self) -> Path:
        return next(self.tmp.glob("mkdocs_*"))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)

    def interrupt(self) -> None:
        """Stop as an editor does, with Ctrl-C: MkDocs shuts down cleanly and runs the hooks' on_shutdown."""
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=60)
