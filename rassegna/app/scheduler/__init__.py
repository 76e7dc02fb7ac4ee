"""The scheduler behind ``rassegna schedule``: database lock, run history, crawl and report jobs, APScheduler.

Its names are imported on first use: a crawl or a command that only needs the lock or the history does not
pay for APScheduler."""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "DbLock": "lock",
    "current_holder": "lock",
    "Runtime": "jobs",
    "run_crawl": "jobs",
    "run_report": "jobs",
    "SchedulerService": "service",
    "desired_jobs": "service",
    "sync_jobs": "service",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
