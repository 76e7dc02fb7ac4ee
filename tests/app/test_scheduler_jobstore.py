"""The scheduler's job table (APScheduler's) is written with SQLite's write lock taken at BEGIN, read without it.

APScheduler writes in deferred transactions: creating its table (a look, then CREATE TABLE) or dropping a job it
cannot restore (a read, then DELETE) turned a read into a write, which SQLite refuses at once when another
connection holds the lock or has committed since: a scheduler starting on a new database next to a second one
(which polled the start-up lock) exited 75 in CI, its 60 s busy timeout notwithstanding."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import column, insert, table

from rassegna.app.scheduler.service import JOBSTORE_TABLE, build_scheduler
from rassegna.storage.db import writer
from tests.app.scheduler_helpers import make_runtime, write_config
from tests.sqlite_lock import Interloper

MODES = {"holds the lock": False, "has committed": True}
JOBS = table(JOBSTORE_TABLE, column("id"), column("next_run_time"), column("job_state"))


@pytest.mark.parametrize("mode", MODES)
def test_a_scheduler_creating_its_job_table_cannot_be_overtaken(tmp_path: Path, sqlite_url: str, mode: str) -> None:
    runtime = make_runtime(write_config(tmp_path), sqlite_url)
    scheduler = build_scheduler(runtime)
    try:
        with Interloper(runtime.engine, f'PRAGMA main.table_info("{JOBSTORE_TABLE}")', commit=MODES[mode]) as other:
            scheduler.start(paused=True)  # creates the job table: before, DatabaseBusy at once
            assert other.outcome == "locked out", "the job table was created in a transaction begun as a read"
        assert scheduler.get_jobs() == []
    finally:
        if scheduler.running:
            scheduler.shutdown(wait=False)


@pytest.mark.parametrize("mode", MODES)
def test_a_scheduler_dropping_a_job_it_cannot_restore_waits_for_the_lock(
    tmp_path: Path, sqlite_url: str, mode: str
) -> None:
    runtime = make_runtime(write_config(tmp_path), sqlite_url)
    scheduler = build_scheduler(runtime)
    scheduler.start(paused=True)
    try:
        with writer(runtime.engine).begin() as connection:
            connection.execute(insert(JOBS).values(id="broken", next_run_time=None, job_state=b"not a pickle"))
        after = f"SELECT {JOBSTORE_TABLE}.id"
        with Interloper(runtime.engine, after, commit=MODES[mode], release_after=0.5) as other:
            started = time.monotonic()
            assert scheduler.get_jobs() == []  # the broken job is dropped: before, DatabaseBusy at once
            assert other.outcome == "wrote"  # the listing read without the lock; the drop waited for it
            assert time.monotonic() - started < 20
        with runtime.engine.connect() as connection:
            assert connection.execute(JOBS.select()).all() == []
    finally:
        scheduler.shutdown(wait=False)


def test_the_schedulers_reads_go_on_while_another_process_writes(tmp_path: Path, sqlite_url: str) -> None:
    runtime = make_runtime(write_config(tmp_path, crawl="0 6 * * *"), sqlite_url)
    scheduler = build_scheduler(runtime)
    scheduler.start(paused=True)
    try:
        scheduler.add_job("builtins:print", "interval", hours=1, id="job")
        with Interloper(runtime.engine, "SELECT", commit=False) as other:  # holds the lock to the end
            assert [job.id for job in scheduler.get_jobs()] == ["job"]
            assert scheduler.get_job("job") is not None
            assert other.outcome == "wrote"
    finally:
        scheduler.shutdown(wait=False)
