"""APScheduler's job table on rassegna's engine, written the way rassegna writes: SQLite's write lock at BEGIN.

APScheduler's ``SQLAlchemyJobStore`` runs every statement in ``engine.begin()``, a deferred transaction on
SQLite. One that reads and then writes (creating its table: a look, then CREATE TABLE; dropping jobs it cannot
restore) has to upgrade its read to a write, and SQLite refuses that at once, without calling the busy handler,
when another connection holds the write lock or has committed since the read ("database is locked" after no wait,
whatever the busy timeout). So a scheduler starting on a new database, while a second scheduler polled the
start-up lock, could exit 75 at once. Here every transaction of the job store writes through ``writer`` (BEGIN
IMMEDIATE: it queues for the lock on the busy timeout), except the three that only read, which stay deferred so
that the scheduler's passes never wait for (nor hold up) another process's writes.
"""

from __future__ import annotations

from typing import Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.util import utc_timestamp_to_datetime
from sqlalchemy import Engine, and_, null, select

from rassegna.storage.db import writer


class JobStore(SQLAlchemyJobStore):
    """``SQLAlchemyJobStore`` whose writes take SQLite's write lock at BEGIN; its reads take no lock.

    ``self.engine`` (what the library's own methods use) is the writer, so a method not overridden here writes
    safely; ``lookup_job``, ``get_next_run_time`` and the job listing read through the plain engine."""

    def __init__(self, engine: Engine, tablename: str) -> None:
        super().__init__(engine=writer(engine), tablename=tablename)
        self.read_engine = engine

    def lookup_job(self, job_id: str) -> Any:
        selectable = select(self.jobs_t.c.job_state).where(self.jobs_t.c.id == job_id)
        with self.read_engine.connect() as connection:
            job_state = connection.execute(selectable).scalar()
        return self._reconstitute_job(job_state) if job_state else None

    def get_next_run_time(self) -> Any:
        selectable = (
            select(self.jobs_t.c.next_run_time)
            .where(self.jobs_t.c.next_run_time != null())
            .order_by(self.jobs_t.c.next_run_time)
            .limit(1)
        )
        with self.read_engine.connect() as connection:
            next_run_time = connection.execute(selectable).scalar()
        return utc_timestamp_to_datetime(next_run_time)

    def _get_jobs(self, *conditions: Any) -> list[Any]:
        """The stored jobs, read without the lock; any that cannot be restored is dropped in a write of its own."""
        selectable = select(self.jobs_t.c.id, self.jobs_t.c.job_state).order_by(self.jobs_t.c.next_run_time)
        if conditions:
            selectable = selectable.where(and_(*conditions))
        with self.read_engine.connect() as connection:
            rows = connection.execute(selectable).all()
        jobs, failed = [], set()
        for row in rows:
            try:
                jobs.append(self._reconstitute_job(row.job_state))
            except Exception:  # noqa: BLE001 - as APScheduler: a job that cannot be unpickled is dropped
                self._logger.exception('Unable to restore job "%s" -- removing it', row.id)
                failed.add(row.id)
        if failed:
            with self.engine.begin() as connection:
                connection.execute(self.jobs_t.delete().where(self.jobs_t.c.id.in_(failed)))
        return jobs
