"""Write transactions hold SQLite's write lock from their start (BEGIN IMMEDIATE), so none can fail at once.

SQLite calls the busy handler (the busy timeout) only for a transaction that has not read yet. One that began
deferred and read, then writes while another connection holds the lock, or after another connection committed,
gets "database is locked" at once: SQLite will not make a reader wait for a lock it might deadlock on. A scheduler
exited 75 so in CI, within 40 s although its busy timeout was 60 s. The Interloper takes the lock between the read
and the write; a transaction that held the lock from BEGIN keeps it out and goes on."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, func, insert, select

from rassegna.storage.db import DatabaseBusy, alembic_config, create_db_engine, read_session, session_scope, writer
from rassegna.storage.models import JobRun
from tests.sqlite_lock import Interloper

RUNS = JobRun.__table__  # type: ignore[attr-defined]
MODES = {"holds the lock": False, "has committed": True}


def _read_then_write_in_session_scope(engine: Engine) -> None:
    with session_scope(engine) as session:
        session.exec(select(func.count()).select_from(JobRun)).one()
        session.add(JobRun(kind="report", name="after a read"))


def _read_then_write_through_writer(engine: Engine) -> None:
    with writer(engine).begin() as connection:
        connection.execute(select(func.count()).select_from(RUNS)).scalar_one()
        connection.execute(insert(RUNS).values(kind="report", name="after a read", trigger="manual", counts={}))


def _migrate_through_a_plain_engine(engine: Engine) -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), "head")  # Alembic looks at alembic_version, then creates the tables


# name → (migrate the database first?, what runs, the interloper acts after the first statement starting with)
WRITES: dict[str, tuple[bool, Callable[[Engine], None], str]] = {
    "session_scope": (True, _read_then_write_in_session_scope, "SELECT count(*)"),
    "writer(engine).begin()": (True, _read_then_write_through_writer, "SELECT count(*)"),
    "a migration handed the plain engine": (False, _migrate_through_a_plain_engine, "PRAGMA main.table_info"),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", WRITES)
def test_a_write_transaction_that_reads_first_cannot_be_overtaken(sqlite_url: str, path: str, mode: str) -> None:
    migrated, write, after = WRITES[path]
    engine = create_db_engine(sqlite_url, migrate=migrated, busy_timeout=30)
    with Interloper(engine, after, commit=MODES[mode]) as other:
        started = time.monotonic()
        write(engine)  # before BEGIN IMMEDIATE on every write path: DatabaseBusy here, at once
        assert other.outcome == "locked out", "the write transaction did not hold the lock from its start"
        assert time.monotonic() - started < 20
        assert other.rows() == 0  # it tried without waiting, was refused, and wrote nothing meanwhile
    engine.dispose()


def test_a_read_session_takes_no_lock(sqlite_url: str) -> None:
    """Readers stay deferred: another process writes (and commits) while a read session is open."""
    engine = create_db_engine(sqlite_url, busy_timeout=30)
    with Interloper(engine, "SELECT", commit=True) as other, read_session(engine) as session:
        assert session.exec(select(func.count()).select_from(JobRun)).one() == (0,)
        assert other.outcome == "wrote" and other.rows() == 1
        seen = session.connection().exec_driver_sql("SELECT count(*) FROM interloper").scalar_one()
        assert seen == 0  # the read session's snapshot, taken before the other write
    engine.dispose()


@pytest.mark.parametrize("mode", MODES)
def test_a_busy_error_at_once_says_it_did_not_wait(sqlite_url: str, mode: str) -> None:
    """Code that writes in a transaction begun as a read (not through ``writer``) can still meet the upgrade: the
    error says it failed at once, not that the other process held the lock longer than the busy timeout."""
    engine = create_db_engine(sqlite_url, busy_timeout=30)
    started = time.monotonic()
    with (
        Interloper(engine, "SELECT count(*)", commit=MODES[mode]) as other,
        pytest.raises(DatabaseBusy) as busy,
        engine.begin() as connection,  # a deferred transaction: a reader's
    ):
        connection.execute(select(func.count()).select_from(RUNS)).scalar_one()
        assert other.outcome == "wrote"
        connection.execute(insert(RUNS).values(kind="report", name="after a read", trigger="manual", counts={}))
    assert time.monotonic() - started < 10  # at once, the 30 s busy timeout notwithstanding
    error = busy.value
    assert error.at_once and error.wait == 30
    assert " is busy: " in str(error) and "failed at once" in str(error) and "without waiting its 30 s" in str(error)
    assert "longer than this command waits" not in str(error)
    engine.dispose()


def test_a_writer_that_gave_up_waiting_for_its_turn_leaves_none_behind(sqlite_url: str) -> None:
    """Writers queue for their turn (``<database>-queue``) before SQLite's lock; one that waited in vain says the
    other held the lock longer than it waits, and its turn, come too late, is given back: writing goes on."""
    holder, waiter = create_db_engine(sqlite_url, busy_timeout=30), create_db_engine(sqlite_url, busy_timeout=0.5)
    with session_scope(holder) as session:
        session.add(JobRun(kind="report", name="holding"))
        session.flush()
        started = time.monotonic()
        with pytest.raises(DatabaseBusy) as busy, session_scope(waiter) as other:
            other.add(JobRun(kind="report", name="too late"))
            other.flush()
        assert 0.4 < time.monotonic() - started < 5
        assert not busy.value.at_once and "longer than this command waits (0.5 s)" in str(busy.value)
    started = time.monotonic()
    for engine in (waiter, holder, waiter):
        with session_scope(engine) as session:
            session.add(JobRun(kind="report", name="after"))
    assert time.monotonic() - started < 2
    with read_session(holder) as session:
        assert session.exec(select(func.count()).select_from(JobRun)).one() == (4,)
    holder.dispose()
    waiter.dispose()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_a_child_forked_during_a_write_leaves_the_turn_with_its_parent(sqlite_url: str) -> None:
    """A turn is a lock on the queue file's open description, which a forked child (the PDF helper) shares: the
    child closes its copies, so the next writer does not wait for the child to exit."""
    engine, other = create_db_engine(sqlite_url, busy_timeout=30), create_db_engine(sqlite_url, busy_timeout=3)
    with session_scope(engine) as session:
        session.add(JobRun(kind="report", name="forking"))
        session.flush()
        child = os.fork()
        if child == 0:  # pragma: no cover - the child only waits
            time.sleep(10)
            os._exit(0)
    try:
        started = time.monotonic()
        with session_scope(other) as session:
            session.add(JobRun(kind="report", name="next"))
        assert time.monotonic() - started < 1.5
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    engine.dispose()
    other.dispose()
