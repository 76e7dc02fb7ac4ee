"""The SQL of the run history: ``job_run`` (every crawl and report run) and the ``crawl_run`` rows they point at.

When a run counts as stale is decided by ``rassegna.app.scheduler.history``; this module only reads and writes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from rassegna.storage.db import read_session, session_scope
from rassegna.storage.models import CrawlError, CrawlRun, JobRun, utcnow

RUNNING = "running"
MESSAGE_LIMIT = 4000  # characters of a run's message kept


def insert_job_run(
    engine: Engine,
    kind: str,
    name: str,
    trigger: str,
    counts: Mapping[str, Any],
    *,
    pid: int,
    host: str,
    wait: float | None = None,
) -> int:
    """A new ``running`` job run; its id (``wait``: seconds to wait for SQLite's write lock, as below)."""
    with session_scope(engine, wait=wait) as session:
        run = JobRun(kind=kind, name=name, trigger=trigger, counts=dict(counts), pid=pid, host=host)
        session.add(run)
        session.flush()
        assert run.id is not None
        return run.id


def end_job_run(
    engine: Engine,
    run_id: int,
    outcome: str,
    *,
    counts: Mapping[str, Any] | None = None,
    message: str | None = None,
    crawl_run_id: int | None = None,
    wait: float | None = None,
) -> JobRun:
    """Record how job run ``run_id`` ended (``counts`` merged into the stored ones); KeyError when unknown."""
    with session_scope(engine, wait=wait) as session:
        run = session.get(JobRun, run_id)
        if run is None:
            raise KeyError(run_id)
        run.finished_at = utcnow()
        run.outcome = outcome
        if counts:
            run.counts = {**(run.counts or {}), **counts}
        if message is not None:
            run.message = message[:MESSAGE_LIMIT]
        if crawl_run_id is not None:
            run.crawl_run_id = crawl_run_id
        session.add(run)
        return run


def latest_job_runs(engine: Engine, limit: int = 20, kind: str | None = None) -> list[JobRun]:
    """The latest job runs, newest first (only ``kind`` when given)."""
    with read_session(engine) as session:
        query = select(JobRun).order_by(col(JobRun.started_at).desc(), col(JobRun.id).desc()).limit(limit)
        if kind:
            query = query.where(JobRun.kind == kind)
        return list(session.exec(query))


def running_job_runs(engine: Engine) -> list[JobRun]:
    """Job runs still marked running."""
    with read_session(engine) as session:
        return list(session.exec(select(JobRun).where(JobRun.outcome == RUNNING).order_by(col(JobRun.id))))


def running_crawl_runs(engine: Engine) -> list[CrawlRun]:
    """Crawl runs still marked running."""
    with read_session(engine) as session:
        return list(session.exec(select(CrawlRun).where(CrawlRun.outcome == RUNNING).order_by(col(CrawlRun.id))))


def crawl_runs_since(engine: Engine, since: datetime) -> list[CrawlRun]:
    """Crawl runs started at or after ``since``, newest first."""
    with read_session(engine) as session:
        query = select(CrawlRun).where(CrawlRun.started_at >= since).order_by(col(CrawlRun.id).desc())
        return list(session.exec(query))


def end_crawl_run(engine: Engine, crawl_run_id: int, outcome: str, *, force: bool = False) -> CrawlRun | None:
    """Mark crawl run ``crawl_run_id`` ``outcome`` if it is still running (with ``force``: whatever it says)."""
    with session_scope(engine) as session:
        crawl = session.get(CrawlRun, crawl_run_id)
        if crawl is not None and (crawl.outcome == RUNNING or (force and crawl.outcome != outcome)):
            crawl.outcome, crawl.finished_at = outcome, crawl.finished_at or utcnow()
            session.add(crawl)
        return crawl


def interrupt_runs(
    engine: Engine,
    job_runs: Mapping[int, str],
    crawl_runs: Mapping[int, str],
    *,
    wait: float | None = None,
) -> list[str]:
    """In one transaction, close the job runs (``interrupted``) and crawl runs (``cancelled``, with an error
    row) given as id → reason, those still running and the crawl runs of closed job runs; what was closed."""
    closed: list[str] = []
    crawls = dict(crawl_runs)
    with session_scope(engine, wait=wait) as session:
        for run_id, reason in job_runs.items():
            run = session.get(JobRun, run_id)
            if run is None or run.outcome != RUNNING:
                continue
            run.outcome, run.finished_at, run.message = "interrupted", utcnow(), reason[:MESSAGE_LIMIT]
            session.add(run)
            closed.append(f"{run.kind} job run {run.id}")
            if run.crawl_run_id is not None:
                crawls.setdefault(run.crawl_run_id, reason)
        for run_id, reason in crawls.items():
            crawl = session.get(CrawlRun, run_id)
            if crawl is None or crawl.outcome != RUNNING:
                continue
            assert crawl.id is not None
            crawl.outcome, crawl.finished_at = "cancelled", utcnow()
            session.add(crawl)
            session.add(CrawlError(crawl_run_id=crawl.id, kind="interrupted", message=reason[:MESSAGE_LIMIT]))
            closed.append(f"crawl run {crawl.id}")
    return closed
