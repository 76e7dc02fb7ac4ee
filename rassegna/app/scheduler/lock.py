"""A named lock in the ``job_lock`` table: one holder at a time across processes, with an expiring lease."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from rassegna.storage.db import writer
from rassegna.storage.models import JobLock, utcnow

LOCKS = JobLock.__table__


def new_holder() -> str:
    """A holder name unique to this process and call: ``host:pid:random``."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class DbLock:
    """A lease on the lock row ``name``; acquire it atomically (INSERT, or UPDATE where expired), renew, release."""

    def __init__(
        self,
        engine: Engine,
        name: str,
        holder: str | None = None,
        lease: float = 300.0,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.engine, self.name, self.lease, self.clock = engine, name, lease, clock
        self.holder = holder or new_holder()

    def acquire(self) -> bool:
        """Take the lock if it is free, expired or already ours; False when someone else holds it."""
        now = self.clock()
        values = {"holder": self.holder, "acquired_at": now, "expires_at": now + timedelta(seconds=self.lease)}
        try:
            with writer(self.engine).begin() as conn:
                conn.execute(insert(LOCKS).values(name=self.name, **values))
            return True
        except IntegrityError:
            pass  # the row exists: take it over only if it has expired (or is ours)
        with writer(self.engine).begin() as conn:
            result = conn.execute(
                update(LOCKS)
                .where(LOCKS.c.name == self.name)
                .where(or_(LOCKS.c.expires_at < now, LOCKS.c.holder == self.holder))
                .values(**values)
            )
            return result.rowcount == 1

    def renew(self) -> bool:
        """Extend the lease; False when the lock is no longer ours (it expired and was taken)."""
        now = self.clock()
        with writer(self.engine).begin() as conn:
            result = conn.execute(
                update(LOCKS)
                .where(LOCKS.c.name == self.name, LOCKS.c.holder == self.holder)
                .values(expires_at=now + timedelta(seconds=self.lease))
            )
            return result.rowcount == 1

    def release(self) -> None:
        """Give the lock back (a no-op when it is not ours)."""
        with writer(self.engine).begin() as conn:
            conn.execute(delete(LOCKS).where(LOCKS.c.name == self.name, LOCKS.c.holder == self.holder))

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
    """Who holds ``name`` now (None when nobody does or the lease has expired)."""
    now = now or utcnow()
    with engine.connect() as conn:
        row = conn.execute(select(LOCKS.c.holder, LOCKS.c.expires_at).where(LOCKS.c.name == name)).first()
    if row is None or row.expires_at < now:
        return None
    return row.holder
