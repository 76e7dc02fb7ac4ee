"""Run history: every crawl and report run as a ``job_run`` row (start, end, outcome, counts, errors)."""

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
from sqlmodel import col, select

from rassegna.crawler.lifeline import pid_alive
from rassegna.domain import RUN_OUTCOMES
from rassegna.storage.db import is_locked_error, read_session, session_scope
from rassegna.storage.models import CrawlError, CrawlRun, JobRun, utcnow

# Outcomes a job run ends with (``running`` while it runs).
OUTCOMES = tuple(o for o in RUN_OUTCOMES if o != "running")


def start_run(engine: Engine, kind: str, name: str, trigger: str = "schedule", **counts: Any) -> int:
    """Record that a run started; returns its id."""
    with session_scope(engine) as session:
        run = JobRun(
            kind=kind, name=name, trigger=trigger, counts=dict(counts), pid=os.getpid(), host=socket.gethostname()
        )
        session.add(run)
        session.flush()
        assert run.id is not None
        return run.id


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
    with session_scope(engine) as session:
        run = session.get(JobRun, run_id)
        if run is None:
            raise KeyError(run_id)
        run.finished_at = utcnow()
        run.outcome = outcome
        if counts:
            run.counts = {**(run.counts or {}), **counts}
        if message is not None:
            run.message = message[:4000]
        if crawl_run_id is not None:
            run.crawl_run_id = crawl_run_id
        session.add(run)
        return run


def record_skipped(engine: Engine, kind: str, name: str, trigger: str, message: str) -> int:
    """Record a run that did not happen (e.g. another crawl held the lock)."""
    run_id = start_run(engine, kind, name, trigger)
    finish_run(engine, run_id, "skipped", message=message)
    return run_id


def recent_runs(engine: Engine, limit: int = 20, kind: str | None = None) -> list[JobRun]:
    """The latest runs, newest first."""
    with read_session(engine) as session:
        query = select(JobRun).order_by(col(JobRun.started_at).desc(), col(JobRun.id).desc()).limit(limit)
        if kind:
            query = query.where(JobRun.kind == kind)
        return list(session.exec(query))


def running_runs(engine: Engine) -> list[JobRun]:
    """Runs still marked running (live ones, or left behind by a process that died)."""
    with read_session(engine) as session:
        return list(session.exec(select(JobRun).where(JobRun.outcome == "running")))


def mark_interrupted(engine: Engine, run_id: int, message: str) -> None:
    """Close a run that its process left running (and its crawl run, if still marked running)."""
    with session_scope(engine) as session:
        run = session.get(JobRun, run_id)
        if run is None or run.outcome != "running":
            return
        run.outcome, run.finished_at, run.message = "interrupted", utcnow(), message
        session.add(run)
        if run.crawl_run_id is not None:
            crawl = session.get(CrawlRun, run.crawl_run_id)
            if crawl is not None and crawl.outcome == "running":
                crawl.outcome, crawl.finished_at = "cancelled", utcnow()
                session.add(crawl)


def close_stale_runs(engine: Engine) -> list[str]:
    """Close runs left ``running`` by a process of this host that no longer exists; what was closed.

    Called whenever runs are started or listed, not only when a scheduler starts: a crawl killed with -9
    or a scheduler that died leaves its run behind, and its pid and host tell that nobody is running it."""
    host = socket.gethostname()
    with read_session(engine) as session:
        jobs = list(session.exec(select(JobRun).where(JobRun.outcome == "running", JobRun.host == host)))
        crawls = list(session.exec(select(CrawlRun).where(CrawlRun.outcome == "running", CrawlRun.host == host)))
    dead_jobs = [r.id for r in jobs if r.pid is not None and not pid_alive(r.pid)]
    dead_crawls = [r.id for r in crawls if r.pid is not None and not pid_alive(r.pid)]
    if not dead_jobs and not dead_crawls:
        return []
    try:
        return _close_dead(engine, host, dead_jobs, dead_crawls)
    except OperationalError as exc:  # best effort: another process holds the write lock; next time, then
        if not is_locked_error(exc):
            raise
        return []


def _close_dead(engine: Engine, host: str, dead_jobs: list[int | None], dead_crawls: list[int | None]) -> list[str]:
    closed: list[str] = []
    with session_scope(engine, wait=5) as session:
        for run_id in dead_jobs:
            run = session.get(JobRun, run_id)
            if run is None or run.outcome != "running":
                continue
            run.outcome, run.finished_at = "interrupted", utcnow()
            run.message = f"its process (pid {run.pid} on {host}) ended without closing the run"
            session.add(run)
            closed.append(f"{run.kind} run {run.id}")
        for run_id in dead_crawls:
            crawl = session.get(CrawlRun, run_id)
            if crawl is None or crawl.outcome != "running":
                continue
            crawl.outcome, crawl.finished_at = "cancelled", utcnow()
            session.add(crawl)
            message = f"the crawl process (pid {crawl.pid} on {host}) ended without closing the run"
            session.add(CrawlError(crawl_run_id=crawl.id, kind="interrupted", message=message))
            closed.append(f"crawl run {crawl.id}")
    return closed


def find_crawl_run(engine: Engine, pid: int | None, since: datetime) -> CrawlRun | None:
    """The crawl run a crawl child recorded: by its pid, else the newest one started since ``since``."""
    with read_session(engine) as session:
        query = select(CrawlRun).where(CrawlRun.started_at >= since).order_by(col(CrawlRun.id).desc())
        runs = list(session.exec(query))
    for run in runs:
        if pid is not None and run.pid == pid:
            return run
    return runs[0] if runs and all(r.pid is None for r in runs) else None


def close_crawl_run(engine: Engine, crawl_run_id: int, outcome: str, force: bool = False) -> CrawlRun | None:
    """Mark a crawl run ``outcome`` when its child left it running (or, with ``force``, whatever it says)."""
    with session_scope(engine) as session:
        crawl = session.get(CrawlRun, crawl_run_id)
        if crawl is not None and (crawl.outcome == "running" or (force and crawl.outcome != outcome)):
            crawl.outcome, crawl.finished_at = outcome, crawl.finished_at or utcnow()
            session.add(crawl)
        return crawl


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
