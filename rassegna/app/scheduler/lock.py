"""A named lock in the ``job_lock`` table: one holder at a time across processes and machines.

A holder is ``host:pid:random``. The lock is held while its lease runs (the holder renews it, see
``LeaseKeeper``) and, on the holder's own machine, only while the holder's process lives: a crawl killed with -9
frees the lock at once instead of after its lease. The SQL lives in ``rassegna.storage.locks``."""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from rassegna.crawler.lifeline import pid_alive
from rassegna.storage import locks as store
from rassegna.storage.db import is_locked_error
from rassegna.storage.models import utcnow

log = logging.getLogger(__name__)

CRAWL_LOCK = "crawl"  # one crawl at a time on a database, whoever starts it (scheduler, CLI, coordinator)
HANDOVER_ENV = "RASSEGNA_LOCK_HANDOVER"  # a crawl child takes the crawl lock over from this holder (its parent)
EXIT_BUSY = 75  # sysexits' EX_TEMPFAIL: another process holds what the command needs; try again later


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a lock: machine and process."""

    host: str
    pid: int | None

    @classmethod
    def parse(cls, holder: str) -> Holder:
        """``host:pid:random`` (or any other text: an unknown process on an unknown machine)."""
        host, _, rest = holder.partition(":")
        pid = rest.partition(":")[0]
        return cls(host, int(pid) if pid.isdigit() else None)

    def gone(self) -> bool:
        """True when this holder is a process of this machine that no longer exists."""
        return self.host == socket.gethostname() and self.pid is not None and not pid_alive(self.pid)

    def describe(self) -> str:
        """``pid 123 on host`` for messages."""
        return f"pid {self.pid} on {self.host}" if self.pid is not None else self.host or "another process"


def new_holder() -> str:
    """A holder name unique to this process and call: ``host:pid:random``."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class DbLock:
    """A lease on the lock row ``name``; acquire it atomically, renew, release.

    ``takeover_from``: a holder whose lock this one may take over while that holder still has it (a scheduler
    hands the crawl lock to its crawl child, which then holds it for as long as it runs). ``wait``: seconds each
    step waits for SQLite's write lock (default: the engine's busy timeout)."""

    def __init__(
        self,
        engine: Engine,
        name: str,
        holder: str | None = None,
        lease: float = 300.0,
        clock: Callable[[], datetime] = utcnow,
        takeover_from: str | None = None,
        wait: float | None = None,
    ) -> None:
        self.engine, self.name, self.lease, self.clock = engine, name, lease, clock
        self.holder = holder or new_holder()
        self.takeover_from = takeover_from
        self.wait = wait  # seconds to wait for SQLite's write lock (default: the engine's busy timeout)

    def acquire(self) -> bool:
        """Take the lock if it is free, expired, ours, handed to us, or its holder's process is gone; False when
        someone else holds it."""
        now = self.clock()
        expires = now + timedelta(seconds=self.lease)
        engine, name, holder, wait = self.engine, self.name, self.holder, self.wait
        if store.insert_lock(engine, name, holder, now, expires, wait=wait):
            return True
        if store.take_lock(engine, name, holder, now, expires, from_holder=self.takeover_from, wait=wait):
            return True
        row = store.lock_row(engine, name)
        if row is None:  # released in between: try once more from scratch
            return store.insert_lock(engine, name, holder, now, expires, wait=wait)
        if Holder.parse(row.holder).gone():  # compare and swap: only if that dead holder still has it
            return store.take_lock(engine, name, holder, now, expires, from_holder=row.holder, wait=wait)
        return False

    def renew(self) -> bool:
        """Extend the lease; False when the lock is no longer ours (it expired and was taken, or was handed on)."""
        expires = self.clock() + timedelta(seconds=self.lease)
        return store.extend_lock(self.engine, self.name, self.holder, expires, wait=self.wait)

    def release(self) -> None:
        """Give the lock back (a no-op when it is not ours)."""
        store.delete_lock(self.engine, self.name, self.holder, wait=self.wait)

    def __enter__(self) -> DbLock:
        if not self.acquire():
            raise LockBusy(self.name, current_holder(self.engine, self.name))
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class LockBusy(RuntimeError):
    """The lock is held by someone else."""

    def __init__(self, name: str, holder: str | None) -> None:
        super().__init__(f"lock {name!r} is held by {holder or 'someone else'}")
        self.name, self.holder = name, holder


def current_holder(engine: Engine, name: str, now: datetime | None = None) -> str | None:
    """Who holds ``name`` now (None when nobody does: no row, lease ended, or holder's process gone)."""
    row = store.lock_row(engine, name)
    if row is None or row.expires_at < (now or utcnow()) or Holder.parse(row.holder).gone():
        return None
    return row.holder


def describe_holder(engine: Engine, name: str) -> str:
    """Who holds ``name``, for messages (``pid 123 on host, since 06:00:01 UTC``), or ``another process``."""
    holder = current_holder(engine, name)
    if holder is None:
        return "another process"
    row = store.lock_row(engine, name)
    since = f", since {row.acquired_at:%Y-%m-%d %H:%M:%S} UTC" if row is not None else ""
    return Holder.parse(holder).describe() + since


class LeaseKeeper:
    """Renews a held lock every third of its lease from a daemon thread; calls ``on_lost`` once if it is lost.

    A renewal that meets a busy database is retried at the next beat: the lease is three beats long."""

    def __init__(self, lock: DbLock, on_lost: Callable[[], None] | None = None, every: float | None = None) -> None:
        self.lock, self.on_lost = lock, on_lost
        self.every = every if every is not None else max(0.5, lock.lease / 3)
        self.lost = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"lease-{lock.name}", daemon=True)

    def start(self) -> LeaseKeeper:
        """Begin renewing."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop renewing (the lock stays held until released)."""
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            try:
                if self.lock.renew():
                    continue
            except OperationalError as exc:
                if is_locked_error(exc):
                    continue  # the database is busy: next beat
                log.exception("lease of lock %r not renewed", self.lock.name)
                continue
            self.lost = True
            log.warning("lock %r was lost: its lease ended and another process took it", self.lock.name)
            if self.on_lost is not None:
                self.on_lost()
            return


@contextmanager
def kept(lock: DbLock, on_lost: Callable[[], None] | None = None) -> Iterator[LeaseKeeper]:
    """Keep an acquired ``lock`` renewed for the block, then release it."""
    keeper = LeaseKeeper(lock, on_lost).start()
    try:
        yield keeper
    finally:
        keeper.stop()
        try:
            lock.release()
        except OperationalError as exc:  # a busy database: the lock is free anyway once this process ends
            if not is_locked_error(exc):
                raise
            log.warning("lock %r not released (database busy): it frees itself when this process ends", lock.name)
