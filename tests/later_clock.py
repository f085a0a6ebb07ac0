"""Run a Python module as if it were started a day and an hour later than it is.

    python -m tests.later_clock mkdocs build ...

A build that takes its date or time from the clock (a sitemap's dates, a gzip header's time) then
writes different bytes from one started now, without the test having to wait for the clock to move.
Python's clocks are moved: time.time, time.time_ns and datetime's now, utcnow and today.
"""

from __future__ import annotations

import datetime
import runpy
import sys
import time

SHIFT = datetime.timedelta(days=1, hours=1)  # a day for dates, an hour more for times of day

_time, _time_ns = time.time, time.time_ns
time.time = lambda: _time() + SHIFT.total_seconds()
time.time_ns = lambda: _time_ns() + int(SHIFT.total_seconds()) * 1_000_000_000


class _Later(datetime.datetime):
    @classmethod
    def now(cls, tz: datetime.tzinfo | None = None) -> datetime.datetime:
        return datetime.datetime.fromtimestamp(time.time(), tz)

    @classmethod
    def utcnow(cls) -> datetime.datetime:
        return datetime.datetime.fromtimestamp(time.time(), datetime.UTC).replace(tzinfo=None)

    @classmethod
    def today(cls) -> datetime.datetime:
        return cls.now()


# Installed before the module runs, so `from datetime import datetime` in it finds the later clock.
datetime.datetime = _Later  # type: ignore[misc]


def main() -> None:
    module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
