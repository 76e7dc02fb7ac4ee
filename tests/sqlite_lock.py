"""A second connection to a SQLite file that writes in the middle of another connection's transaction.

It shows whether a transaction held SQLite's write lock from its start. Deterministic: the interloper acts from the
other engine's ``after_cursor_execute`` and never waits for the lock (timeout 0); a timer lets go of the lock
after a while only when asked to (``release_after``)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

__all__ = ["Interloper"]


class Interloper:
    """Once ``engine`` has run a statement starting with ``after`` inside a transaction, another connection tries to
    take the write lock without waiting and writes a row; it then keeps the lock (``commit=False``) or commits at
    once (``commit=True``) or after ``release_after`` seconds. ``outcome``: "wrote", or "locked out" when the
    transaction already held the lock.

    A transaction that began deferred and read, then writes after the interloper wrote, meets SQLite's read-to-write
    upgrade: "database is locked" at once, the busy timeout notwithstanding (SQLITE_BUSY while the lock is held,
    SQLITE_BUSY_SNAPSHOT once the other write is committed). Use as a context manager."""

    def __init__(self, engine: Engine, after: str, *, commit: bool, release_after: float | None = None) -> None:
        database = engine.url.database
        assert engine.dialect.name == "sqlite" and database, "an Interloper needs a SQLite file"
        self.engine, self.after, self.commit = engine, after, commit
        self.outcome: str | None = None
        self._release: threading.Timer | None = None
        self.release_after = release_after
        self.conn = sqlite3.connect(Path(database), timeout=0, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")  # as rassegna's connections: readers and one writer at once
        self.conn.execute("CREATE TABLE IF NOT EXISTS interloper (n INTEGER)")

    def __enter__(self) -> Interloper:
        event.listen(self.engine, "after_cursor_execute", self._after)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.engine, "after_cursor_execute", self._after)
        if self._release is not None:
            self._release.join()
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")  # the interloper's row stays, as another process's would
        self.conn.close()

    def rows(self) -> int:
        """Rows in the interloper's table, as its own connection sees them."""
        return self.conn.execute("SELECT count(*) FROM interloper").fetchone()[0]

    def _after(self, conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if self.outcome is not None or not statement.lstrip().startswith(self.after) or not conn.in_transaction():
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # "database is locked": the transaction under way holds the lock
            assert "locked" in str(exc), exc
            self.outcome = "locked out"
            return
        self.conn.execute("INSERT INTO interloper VALUES (1)")
        if self.commit:
            self.conn.execute("COMMIT")
        elif self.release_after is not None:
            self._release = threading.Timer(self.release_after, self.conn.execute, ("COMMIT",))
            self._release.start()
        self.outcome = "wrote"
