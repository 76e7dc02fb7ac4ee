"""The crawl lock's rules (pid and lease, hand-over, keeping the lease) and stale runs closed whenever found."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rassegna.app.scheduler import history
from rassegna.app.scheduler.lock import CRAWL_LOCK, DbLock, Holder, LeaseKeeper, current_holder, kept
from rassegna.app.scheduler.service import SchedulerService
from rassegna.storage import locks as lock_store
from rassegna.storage.db import create_db_engine, session_scope
from rassegna.storage.models import CrawlRun, JobRun, utcnow
from tests.app.scheduler_helpers import make_runtime, wait_for, write_config

HERE = socket.gethostname()


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_a_lock_whose_holder_died_here_is_free_at_once(db_url: str) -> None:
    engine = create_db_engine(db_url)
    dead = DbLock(engine, CRAWL_LOCK, holder=f"{HERE}:{dead_pid()}:x", lease=3600)
    assert dead.acquire()
    assert current_holder(engine, CRAWL_LOCK) is None  # its lease runs for an hour, but its process is gone
    mine = DbLock(engine, CRAWL_LOCK)
    assert mine.acquire()
    assert current_holder(engine, CRAWL_LOCK) == mine.holder
    assert not dead.renew()


def test_a_holder_elsewhere_keeps_the_lock_until_its_lease_ends(db_url: str) -> None:
    engine = create_db_engine(db_url)
    now = [datetime(2024, 1, 1, 6, tzinfo=UTC)]
    # Its pid is dead here, but it runs on another machine: only the lease can tell.
    remote = DbLock(engine, CRAWL_LOCK, holder=f"not-{HERE}:{dead_pid()}:x", lease=60, clock=lambda: now[0])
    mine = DbLock(engine, CRAWL_LOCK, lease=60, clock=lambda: now[0])
    assert remote.acquire()
    assert not mine.acquire()
    now[0] += timedelta(seconds=61)
    assert mine.acquire()


def test_the_scheduler_hands_the_crawl_lock_to_its_child_only(db_url: str) -> None:
    engine = create_db_engine(db_url)
    scheduler = DbLock(engine, CRAWL_LOCK)
    assert scheduler.acquire()
    stranger = DbLock(engine, CRAWL_LOCK, takeover_from="someone:1:else")
    assert not stranger.acquire()
    child = DbLock(engine, CRAWL_LOCK, takeover_from=scheduler.holder)
    assert child.acquire()
    assert current_holder(engine, CRAWL_LOCK) == child.holder
    assert not scheduler.renew()  # handed on: the scheduler stops renewing
    scheduler.release()  # a no-op: not its lock any more
    assert current_holder(engine, CRAWL_LOCK) == child.holder
    late = DbLock(engine, CRAWL_LOCK, takeover_from=scheduler.holder)
    assert not late.acquire()  # the hand-over works once, while the scheduler still holds it


def test_holder_names_parse() -> None:
    assert Holder.parse("box:123:abc") == Holder("box", 123)
    assert Holder.parse("weird") == Holder("weird", None)
    assert Holder.parse("box:123:abc").describe() == "pid 123 on box"


def test_the_lease_keeper_renews_and_says_when_the_lock_was_lost(sqlite_url: str) -> None:
    engine = create_db_engine(sqlite_url)
    lock = DbLock(engine, CRAWL_LOCK, lease=1.5)
    assert lock.acquire()
    lost = threading.Event()
    with kept(lock, on_lost=lost.set) as keeper:
        time.sleep(2.5)  # beyond the lease: held only because it was renewed
        assert current_holder(engine, CRAWL_LOCK) == lock.holder
        other = DbLock(engine, CRAWL_LOCK, lease=60, clock=lambda: utcnow() + timedelta(seconds=10))
        assert other.acquire()  # as if the keeper had been starved beyond the lease
        assert lost.wait(5) and keeper.lost
    assert current_holder(engine, CRAWL_LOCK) == other.holder  # release at the end left the new holder alone


def test_the_lease_keeper_survives_a_busy_database(sqlite_url: str) -> None:
    engine = create_db_engine(sqlite_url)
    lock = DbLock(engine, CRAWL_LOCK, lease=30)
    assert lock.acquire()
    busy = create_db_engine(sqlite_url, busy_timeout=0.2)
    keeper = LeaseKeeper(DbLock(busy, CRAWL_LOCK, holder=lock.holder, lease=30), every=0.1).start()
    with session_scope(engine) as session:  # another writer holds the write lock for a while
        session.add(JobRun(kind="report", name="x"))
        session.flush()
        time.sleep(1.0)
    time.sleep(0.5)
    keeper.stop()
    assert not keeper.lost


def _running_rows(engine, *, host: str | None, pid: int | None, age: timedelta) -> tuple[int, int]:  # noqa: ANN001
    started = utcnow() - age
    with session_scope(engine) as session:
        crawl = CrawlRun(pid=pid, host=host, started_at=started)
        session.add(crawl)
        session.flush()
        job = JobRun(kind="crawl", name="crawl", pid=pid, host=host, started_at=started, crawl_run_id=crawl.id)
        session.add(job)
        session.flush()
        assert crawl.id is not None and job.id is not None
        return job.id, crawl.id


def _outcomes(engine, job_id: int, crawl_id: int) -> tuple[str, str]:  # noqa: ANN001
    with session_scope(engine) as session:
        return session.get(JobRun, job_id).outcome, session.get(CrawlRun, crawl_id).outcome


def test_runs_of_a_dead_process_here_are_closed_whenever_found(db_url: str) -> None:
    engine = create_db_engine(db_url)
    job, crawl = _running_rows(engine, host=HERE, pid=dead_pid(), age=timedelta(seconds=1))
    live = _running_rows(engine, host=HERE, pid=os.getpid(), age=timedelta(hours=1))
    assert sorted(history.close_stale_runs(engine)) == [f"crawl job run {job}", f"crawl run {crawl}"]
    assert _outcomes(engine, job, crawl) == ("interrupted", "cancelled")
    assert _outcomes(engine, *live) == ("running", "running")  # its process lives: however old, it runs
    assert history.close_stale_runs(engine) == []


@pytest.mark.parametrize("held", [False, True], ids=["lock-free", "lock-held"])
def test_runs_elsewhere_are_stale_when_their_lock_has_been_free_for_a_lease(db_url: str, held: bool) -> None:
    engine = create_db_engine(db_url)
    old = _running_rows(engine, host="elsewhere", pid=4242, age=history.STALE_AFTER + timedelta(seconds=5))
    young = _running_rows(engine, host="elsewhere", pid=4243, age=timedelta(seconds=5))
    if held:
        assert lock_store.insert_lock(engine, CRAWL_LOCK, "elsewhere:4242:x", utcnow(), utcnow() + timedelta(60))
    closed = history.close_stale_runs(engine)
    if held:
        assert closed == [] and _outcomes(engine, *old) == ("running", "running")
    else:
        assert _outcomes(engine, *old) == ("interrupted", "cancelled") and len(closed) == 2
        _, reason = history.stale_runs(engine, min_age=timedelta(0))
        assert "no longer holds the 'crawl' lock" in reason[young[1]]
    assert _outcomes(engine, *young) == ("running", "running")  # it may not have taken its lock yet


def test_the_scheduler_closes_stale_runs_on_its_ticks(tmp_path: Path, sqlite_url: str) -> None:
    runtime = make_runtime(write_config(tmp_path, crawl=None), sqlite_url, echo_child=False)
    service = SchedulerService(runtime, stale_check_every=0.2)
    worker = threading.Thread(target=service.run_forever, kwargs={"install_signals": False})
    worker.start()
    try:
        wait_for(lambda: service.scheduler.running)
        time.sleep(0.5)  # started: what it found at start-up is behind it
        job, crawl = _running_rows(runtime.engine, host=HERE, pid=dead_pid(), age=timedelta(0))
        wait_for(lambda: _outcomes(runtime.engine, job, crawl) == ("interrupted", "cancelled"), timeout=10)
    finally:
        runtime.stop_event.set()
        worker.join(30)
    assert not worker.is_alive()
