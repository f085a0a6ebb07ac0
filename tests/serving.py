"""Helpers for tests and measures that run a server (`mkdocs serve`) and wait on what it writes."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

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
