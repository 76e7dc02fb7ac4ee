"""The SQL of named locks (table ``job_lock``): one row per held lock, its holder and when its lease ends.

Who may take a lock is decided by the caller (``rassegna.app.scheduler.lock``); every statement here is one
atomic step, so two processes racing for a lock never both win."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, Table, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from rassegna.storage.db import writer
from rassegna.storage.models import JobLock

LOCKS: Table = JobLock.__table__  # type: ignore[attr-defined]  # SQLModel sets it on table models


@dataclass(frozen=True, slots=True)
class LockRow:
    """A lock as stored: who holds it, since when, until when."""

    name: str
    holder: str
    acquired_at: datetime
    expires_at: datetime


def insert_lock(
    engine: Engine, name: str, holder: str, now: datetime, expires: datetime, *, wait: float | None = None
) -> bool:
    """Create the lock row for ``holder``; False when a row already exists (someone holds or held it).

    ``wait``: seconds to wait for SQLite's write lock (default: the engine's busy timeout), as below."""
    try:
        with writer(engine, wait).begin() as conn:
            conn.execute(insert(LOCKS).values(name=name, holder=holder, acquired_at=now, expires_at=expires))
        return True
    except IntegrityError:
        return False


def take_lock(
    engine: Engine,
    name: str,
    holder: str,
    now: datetime,
    expires: datetime,
    *,
    from_holder: str | None = None,
    wait: float | None = None,
) -> bool:
    """Give the existing row to ``holder`` if its lease has ended, it is already ``holder``'s, or (compare and
    swap) it is still ``from_holder``'s; True when it did."""
    allowed = [LOCKS.c.expires_at < now, LOCKS.c.holder == holder]
    if from_holder is not None:
        allowed.append(LOCKS.c.holder == from_holder)
    with writer(engine, wait).begin() as conn:
        result = conn.execute(
            update(LOCKS)
            .where(LOCKS.c.name == name, or_(*allowed))
            .values(holder=holder, acquired_at=now, expires_at=expires)
        )
        return result.rowcount == 1


def extend_lock(engine: Engine, name: str, holder: str, expires: datetime, *, wait: float | None = None) -> bool:
    """Move the end of ``holder``'s lease to ``expires``; False when the lock is no longer ``holder``'s."""
    with writer(engine, wait).begin() as conn:
        result = conn.execute(
            update(LOCKS).where(LOCKS.c.name == name, LOCKS.c.holder == holder).values(expires_at=expires)
        )
        return result.rowcount == 1


def delete_lock(engine: Engine, name: str, holder: str, *, wait: float | None = None) -> None:
    """Drop the lock row if ``holder`` has it (a no-op otherwise)."""
    with writer(engine, wait).begin() as conn:
        conn.execute(delete(LOCKS).where(LOCKS.c.name == name, LOCKS.c.holder == holder))


def lock_row(engine: Engine, name: str) -> LockRow | None:
    """The stored row of lock ``name`` (expired or not), read without the write lock."""
    with engine.connect() as conn:
        row = conn.execute(
            select(LOCKS.c.name, LOCKS.c.holder, LOCKS.c.acquired_at, LOCKS.c.expires_at).where(LOCKS.c.name == name)
        ).first()
    return LockRow(row.name, row.holder, row.acquired_at, row.expires_at) if row is not None else None


def lock_rows(engine: Engine) -> list[LockRow]:
    """Every stored lock row, by name."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(LOCKS.c.name, LOCKS.c.holder, LOCKS.c.acquired_at, LOCKS.c.expires_at).order_by(LOCKS.c.name)
        ).all()
    return [LockRow(r.name, r.holder, r.acquired_at, r.expires_at) for r in rows]
