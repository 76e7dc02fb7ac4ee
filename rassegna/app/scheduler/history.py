"""Run history: every crawl and report run as a ``job_run`` row (start, end, outcome, counts, errors).

The policy lives here (when a run is stale, how a CLI crawl is recorded); the SQL in ``rassegna.storage.runs``."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from rassegna.app.scheduler.lock import CRAWL_LOCK, EXIT_BUSY, current_holder
from rassegna.crawler.lifeline import pid_alive
from rassegna.domain import RUN_OUTCOMES
from rassegna.storage import runs as store
from rassegna.storage.db import is_locked_error
from rassegna.storage.models import CrawlRun, JobRun, utcnow

# Outcomes a job run ends with (``running`` while it runs).
OUTCOMES = tuple(o for o in RUN_OUTCOMES if o != "running")
REPORT_LOCK_PREFIX = "report:"  # + the scheduled report's job id: one writer of a report at a time
# A run of another machine (whose process cannot be looked up from here) is stale when the lock its process
# holds while running has been free for this long since the run started.
STALE_AFTER = timedelta(minutes=5)
BEST_EFFORT_WAIT = 5.0  # seconds a reading command waits for SQLite's write lock to record its run


def start_run(engine: Engine, kind: str, name: str, trigger: str = "schedule", **counts: Any) -> int:
    """Record that a run started in this process; returns its id."""
    return store.insert_job_run(engine, kind, name, trigger, counts, pid=os.getpid(), host=socket.gethostname())


def finish_run(
    engine: Engine,
    run_id: int,
    outcome: str,
    *,
    counts: dict[str, Any] | None = None,
    message: str | None = None,
    crawl_run_id: int | None = None,
) -> JobRun:
    """Record how a run ended (counts are merged into those recorded at the start)."""
    return store.end_job_run(engine, run_id, outcome, counts=counts, message=message, crawl_run_id=crawl_run_id)


def try_start_run(engine: Engine, kind: str, name: str, trigger: str = "manual", **counts: Any) -> int | None:
    """``start_run`` for a command that only reads (a report): None instead of waiting long for a busy database."""
    try:
        return store.insert_job_run(
            engine, kind, name, trigger, counts, pid=os.getpid(), host=socket.gethostname(), wait=BEST_EFFORT_WAIT
        )
    except OperationalError as exc:
        if not is_locked_error(exc):
            raise
        return None


def try_finish_run(engine: Engine, run_id: int | None, outcome: str, **details: Any) -> None:
    """``finish_run`` for a run ``try_start_run`` recorded (or not); a busy database leaves it to the stale check."""
    if run_id is None:
        return
    try:
        store.end_job_run(engine, run_id, outcome, wait=BEST_EFFORT_WAIT, **details)
    except OperationalError as exc:
        if not is_locked_error(exc):
            raise


def record_skipped(engine: Engine, kind: str, name: str, trigger: str, message: str) -> int:
    """Record a run that did not happen (e.g. another crawl held the lock)."""
    run_id = start_run(engine, kind, name, trigger)
    finish_run(engine, run_id, "skipped", message=message)
    return run_id


def recent_runs(engine: Engine, limit: int = 20, kind: str | None = None) -> list[JobRun]:
    """The latest runs, newest first."""
    return store.latest_job_runs(engine, limit, kind)


def running_runs(engine: Engine) -> list[JobRun]:
    """Runs still marked running (live ones, or left behind by a process that died)."""
    return store.running_job_runs(engine)


def mark_interrupted(engine: Engine, run_id: int, message: str) -> None:
    """Close a run that its process left running (and its crawl run, if still marked running)."""
    store.interrupt_runs(engine, {run_id: message}, {})


def lock_of(run: JobRun) -> str | None:
    """The lock a live process of ``run`` holds: the crawl lock, or a scheduled report's (None: none known)."""
    if run.kind == "crawl":
        return CRAWL_LOCK
    if run.kind == "report" and run.name.startswith(REPORT_LOCK_PREFIX):
        return REPORT_LOCK_PREFIX + run.name
    return None


def _why_stale(
    pid: int | None, host: str | None, started: datetime, lock: str | None, free: set[str], min_age: timedelta
) -> str | None:
    """Why a run marked running is not running (None: it may be)."""
    here = socket.gethostname()
    if host == here and pid is not None:  # this machine: the process tells
        return None if pid_alive(pid) else f"its process (pid {pid} on {host}) ended without closing the run"
    if lock is not None and lock in free and started <= utcnow() - min_age:
        where = f"pid {pid} on {host}" if pid is not None and host else "a process elsewhere"
        return f"its process ({where}) no longer holds the {lock!r} lock: it ended without closing the run"
    return None


def stale_runs(engine: Engine, min_age: timedelta = STALE_AFTER) -> tuple[dict[int, str], dict[int, str]]:
    """The job runs and crawl runs marked running that nobody runs, each with the reason (id → reason).

    On this machine a run is stale when its process is gone; elsewhere, when the lock its process would hold
    (the crawl lock, a scheduled report's lock) has been free for ``min_age`` since it started."""
    jobs, crawls = store.running_job_runs(engine), store.running_crawl_runs(engine)
    wanted = {CRAWL_LOCK} if crawls else set()
    wanted |= {name for name in map(lock_of, jobs) if name}
    free = {name for name in wanted if current_holder(engine, name) is None}
    stale_jobs = {
        run.id: why
        for run in jobs
        if run.id is not None and (why := _why_stale(run.pid, run.host, run.started_at, lock_of(run), free, min_age))
    }
    stale_crawls = {
        run.id: why
        for run in crawls
        if run.id is not None and (why := _why_stale(run.pid, run.host, run.started_at, CRAWL_LOCK, free, min_age))
    }
    return stale_jobs, stale_crawls


def close_stale_runs(engine: Engine, min_age: timedelta = STALE_AFTER) -> list[str]:
    """Close runs left ``running`` by processes that are gone; what was closed (``crawl run 3``, ...).

    Called whenever runs are started or listed and on every scheduler tick, not only when a scheduler
    starts: a crawl killed with -9 or a scheduler that died leaves its run behind. Best effort: when another
    process holds the write lock, the runs are closed next time."""
    stale_jobs, stale_crawls = stale_runs(engine, min_age)
    if not stale_jobs and not stale_crawls:
        return []
    try:
        return store.interrupt_runs(engine, stale_jobs, stale_crawls, wait=5)
    except OperationalError as exc:
        if not is_locked_error(exc):
            raise
        return []


def find_crawl_run(engine: Engine, pid: int | None, since: datetime) -> CrawlRun | None:
    """The crawl run a crawl child recorded: by its pid, else the newest one started since ``since``."""
    runs = store.crawl_runs_since(engine, since)
    for run in runs:
        if pid is not None and run.pid == pid:
            return run
    return runs[0] if runs and all(r.pid is None for r in runs) else None


def close_crawl_run(engine: Engine, crawl_run_id: int, outcome: str, force: bool = False) -> CrawlRun | None:
    """Mark a crawl run ``outcome`` when its child left it running (or, with ``force``, whatever it says)."""
    return store.end_crawl_run(engine, crawl_run_id, outcome, force=force)


@dataclass
class CrawlRecord:
    """What the body of ``recorded_crawl`` tells the history: the crawl command's exit code."""

    exit_code: int = 1


@contextmanager
def recorded_crawl(engine: Engine, trigger: str = "manual") -> Iterator[CrawlRecord]:
    """Record a crawl run in this process (``rassegna crawl``) in the history, as the scheduler records its own."""
    run_id = start_run(engine, "crawl", "crawl", trigger)
    since = utcnow() - timedelta(seconds=1)
    record = CrawlRecord()
    outcome, message = None, None
    try:
        yield record
    except BaseException as exc:
        outcome = "cancelled" if isinstance(exc, KeyboardInterrupt) else "failed"
        message = f"{type(exc).__name__}: {exc}"
        raise
    finally:
        counts: dict[str, Any] = {"exit_code": record.exit_code}
        crawl = find_crawl_run(engine, os.getpid(), since)
        if crawl is not None:
            counts.update(pages=crawl.pages, matched=crawl.matched, new_clippings=crawl.new_clippings)
            counts["errors"] = crawl.errors
        if outcome is None and record.exit_code == EXIT_BUSY and crawl is None:
            outcome, message = "skipped", "another crawl was running"
        if outcome is None:
            if crawl is not None and crawl.outcome in OUTCOMES:
                outcome = crawl.outcome
            else:
                outcome = "ok" if record.exit_code == 0 else "failed"
            if record.exit_code != 0 and crawl is None:
                message = f"exit code {record.exit_code}"
        finish_run(engine, run_id, outcome, counts=counts, message=message, crawl_run_id=crawl.id if crawl else None)


def run_as_dict(run: JobRun) -> dict[str, Any]:
    """A run for ``rassegna runs --json``."""
    return {
        "id": run.id,
        "kind": run.kind,
        "name": run.name,
        "trigger": run.trigger,
        "started_at": run.started_at.isoformat() if run.started_at else None,
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
        "outcome": run.outcome,
        "counts": run.counts or {},
        "message": run.message,
        "crawl_run_id": run.crawl_run_id,
    }
