"""Database engine and sessions: SQLite (a file, WAL mode) by default, PostgreSQL by URL; migrations on start.

Reading and writing are told apart: ``read_session`` (and a plain ``Session(engine)``) never takes SQLite's write
lock, so pages, reports and start-up read their snapshot while another process writes; ``session_scope`` is a
write transaction that takes the lock at BEGIN (IMMEDIATE) and waits for it up to the busy timeout
($RASSEGNA_BUSY_TIMEOUT seconds, 30 by default). Each SQLite writer notes who it is in ``<database>-writer``
when it takes the lock, so a writer that waited in vain can say which command holds it (``DatabaseBusy``), and
writers are served in turn through ``<database>-queue`` (``WriterQueue``).
Whatever writes goes through ``writer`` (or ``session_scope``), a library's writes too (the scheduler's job store,
Alembic's environment): a transaction begun as a read that then writes is refused at once, without the busy
timeout, when another connection holds the lock or has committed since its read (``DatabaseBusy.at_once``).
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

try:
    import fcntl
except ImportError:  # Windows: no writer queue
    fcntl = None  # type: ignore[assignment]

from sqlalchemy import Engine, event, text
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

from rassegna.storage import sanitise as _sanitise  # noqa: F401 - strips NUL from every row written

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

MIGRATIONS = Path(__file__).with_name("migrations")
WRITE = "rassegna_write"  # execution option: this connection's transactions write (BEGIN IMMEDIATE on SQLite)
WAIT = "rassegna_wait"  # execution option: seconds a writer waits for SQLite's write lock
BUSY_TIMEOUT_ENV = "RASSEGNA_BUSY_TIMEOUT"


def default_busy_timeout() -> float:
    """Seconds a SQLite writer waits for the write lock: $RASSEGNA_BUSY_TIMEOUT, else 30."""
    try:
        value = float(os.environ.get(BUSY_TIMEOUT_ENV, "") or 30.0)
    except ValueError:
        return 30.0
    return value if value >= 0 else 30.0


BUSY_TIMEOUT = default_busy_timeout()  # seconds
MIGRATION_LOCK_KEY = 7_220_011  # the PostgreSQL advisory lock held while migrating (any constant of our own)


def normalise_url(url: str) -> str:
    """Use psycopg 3 for ``postgresql://`` URLs; leave every other URL as it is."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


class DatabaseUrlError(ValueError):
    """A database URL that cannot work, with what to write instead."""


SUPPORTED_SCHEMES = ("sqlite", "postgresql", "postgres")


def check_database_url(url: str) -> str:
    """``url`` when it names a usable SQLite file or a PostgreSQL server; DatabaseUrlError saying how to fix it."""
    example = "sqlite:///rassegna.db (a file here), sqlite:////abs/path/rassegna.db or postgresql://user@host/dbname"
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - SQLAlchemy raises ArgumentError or ValueError for non-URLs
        path = Path(url).expanduser()
        if path.is_dir():
            raise DatabaseUrlError(
                f"{url!r} is a folder, not a database URL: use sqlite:///{path / 'rassegna.db'}"
            ) from None
        raise DatabaseUrlError(
            f"{url!r} is not a database URL: for that file write sqlite:///{url}, or use {example}"
        ) from None
    shown = parsed.render_as_string(hide_password=True)
    scheme = parsed.get_backend_name()
    if scheme not in SUPPORTED_SCHEMES:
        raise DatabaseUrlError(f"unsupported database {scheme!r} in {shown!r}: rassegna works with {example}")
    if scheme == "sqlite" and parsed.database and parsed.database != ":memory:":
        path = Path(parsed.database).expanduser()
        if path.is_dir():
            raise DatabaseUrlError(
                f"{shown!r} points at the folder {path}, not a database file: use sqlite:///{path / 'rassegna.db'}"
            )
    return url


def connection_problem(exc: BaseException, url: str) -> str:
    """One line saying why the database at ``url`` could not be opened, and what to check."""
    safe = make_url(normalise_url(url)).render_as_string(hide_password=True)
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    if safe.startswith("postgresql"):
        parsed = make_url(safe)
        where = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
        if "refused" in detail.lower() or "no such file" in detail.lower():
            return (
                f"cannot connect to PostgreSQL at {where} (connection refused): is the server running? "
                f"Check --db / $RASSEGNA_DATABASE_URL ({safe})"
            )
        return f"cannot open the PostgreSQL database {safe}: {detail}"
    return f"cannot open the database {safe}: {detail} (check --db / $RASSEGNA_DATABASE_URL)"


def _sqlite_pragmas(busy_timeout: float):  # noqa: ANN202
    def pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API objects
        cursor = dbapi_connection.cursor()
        # WAL lets the crawler, the CLI and the web app read while one of them writes;
        # busy_timeout makes a writer wait for the lock instead of failing with "database is locked".
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return pragmas


def _sqlite_begin(busy_timeout: float, writers: WriterNote | None, queue: WriterQueue | None):  # noqa: ANN202
    def begin(conn) -> None:  # noqa: ANN001 - a SQLAlchemy Connection
        options = conn.get_execution_options()
        if not options.get(WRITE):
            # A reader: deferred BEGIN, a WAL snapshot; it never waits for a writer nor blocks one.
            conn.exec_driver_sql("BEGIN")
            return
        # A writer takes the lock at BEGIN: two writers queue on busy_timeout, and a transaction never fails
        # half-way when it reads first and another process has written since (SQLITE_BUSY_SNAPSHOT).
        wait = float(options.get(WAIT, busy_timeout))
        conn.info[WAIT_BEGAN] = time.monotonic()
        try:
            if queue is not None:
                wait = queue.take(conn.info, wait)  # what is left of the wait once this writer's turn has come
            _begin_immediate(conn, wait, busy_timeout)
        except BaseException:
            if queue is not None:
                queue.give_back(conn.info)
            raise
        finally:
            conn.info.pop(WAIT_BEGAN, None)
        if writers is not None:
            writers.note()  # holding the lock: nobody else can note meanwhile

    return begin


def _begin_immediate(conn, wait: float, busy_timeout: float) -> None:  # noqa: ANN001 - a SQLAlchemy Connection
    """BEGIN IMMEDIATE, waiting up to ``wait`` seconds for SQLite's write lock."""
    if wait == busy_timeout:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        return
    conn.exec_driver_sql(f"PRAGMA busy_timeout={int(wait * 1000)}")
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        conn.exec_driver_sql(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")


def _give_back(queue: WriterQueue):  # noqa: ANN202
    def give_back(conn) -> None:  # noqa: ANN001 - a SQLAlchemy Connection
        queue.give_back(conn.info)

    return give_back


@lru_cache(maxsize=1)
def this_command() -> str:
    """This process's command line, as a user would recognise it (``rassegna import big.csv``)."""
    argv = list(sys.argv)
    if argv and argv[0] == "-c":  # python -c "...main()" ARGS: the CLI started from a script or a test
        argv = ["rassegna", *argv[1:]]
    elif argv:
        name = Path(argv[0]).name
        argv[0] = "rassegna" if name in ("rassegna", "__main__.py") else name
    return shlex.join(argv)[:300]


class WriterNote:
    """``<database>-writer``: the process that last took SQLite's write lock (pid, when, command).

    Written right after BEGIN IMMEDIATE, while the lock is held, so it names the current holder whenever
    the lock is held; read by a writer that waited for the lock in vain. Best effort: never fails a write."""

    SIZE = 400  # bytes of the fixed-size record (overwritten in place, never truncated)

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + "-writer")
        self._fd: int | None = None
        self._pid = -1

    def note(self) -> None:
        """Record this process as the holder (one pwrite of a fixed-size record)."""
        try:
            if self._fd is None or self._pid != os.getpid():  # a forked child opens its own
                self._fd, self._pid = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o644), os.getpid()
            record = f"{os.getpid()} {time.time():.0f} {this_command()}".encode()[: self.SIZE - 1]
            os.pwrite(self._fd, record.ljust(self.SIZE - 1) + b"\n", 0)
        except OSError:
            pass

    def holder(self) -> str | None:
        """Who holds (or last held) the write lock: ``pid 123 (rassegna import big.csv) since 09:01:02``."""
        try:
            pid, stamp, command = self.path.read_text(encoding="utf-8", errors="replace").strip().split(" ", 2)
            if int(pid) == os.getpid():
                return None  # this very process: nothing useful to say
            since = time.strftime("%H:%M:%S", time.localtime(float(stamp)))
        except (OSError, ValueError):
            return None
        return f"pid {pid} ({command}) since {since}"


class WriterQueue:
    """``<database>-queue``: SQLite writers of this program take turns in a kernel file lock before SQLite's own.

    SQLite's busy handler polls, sleeping up to 100 ms between tries, so a process that commits and begins again at
    once can take the lock every time before a sleeping writer wakes: under continuous writing one writer starves
    (measured: 447 transactions against 3 in ten seconds). A blocked ``flock`` is woken as soon as the lock is
    freed, and the writer that just let go must queue again behind it. Where ``fcntl`` is missing (Windows) there
    is no queue and SQLite's busy handler alone decides."""

    FD = "rassegna_queue_fd"  # connection info: the descriptor holding this connection's turn
    # Every queue descriptor open in this process. A turn is a lock on the open file, not on the process: a child
    # forked meanwhile (the PDF helper) would hold it until it exits, so the child closes its copies at once.
    open_fds: set[int] = set()

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + "-queue")

    def take(self, info: dict, wait: float) -> float:
        """Wait for this connection's turn, up to ``wait`` s; return what is left of the wait (0 when it ran out)."""
        self.give_back(info)  # a turn a connection lost without commit or rollback is never kept twice
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError:
            return wait  # no queue file (a read-only folder): SQLite's busy handler alone
        WriterQueue.open_fds.add(fd)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            started = time.monotonic()
            if not _flock_within(fd, wait):
                return 0.0  # BEGIN IMMEDIATE then fails at once unless the holder has just let go
            info[self.FD] = fd
            return max(0.0, wait - (time.monotonic() - started))
        except OSError:
            _close(fd)
            return wait
        info[self.FD] = fd
        return wait

    def give_back(self, info: dict) -> None:
        """End this connection's turn (closing the descriptor frees the lock)."""
        fd = info.pop(self.FD, None)
        if fd is not None:
            _close(fd)


def _close(fd: int) -> None:
    WriterQueue.open_fds.discard(fd)
    with suppress(OSError):
        os.close(fd)


def _close_inherited_queue_fds() -> None:
    for fd in list(WriterQueue.open_fds):
        _close(fd)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited_queue_fds)


def _flock_within(fd: int, wait: float) -> bool:
    """Take ``flock(fd)`` blocking for at most ``wait`` s; a turn that comes too late is given back by its thread."""
    came, guard = threading.Event(), threading.Lock()
    abandoned = False

    def block() -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            pass  # never came: the waiter's timeout decides
        else:
            with guard:
                if not abandoned:
                    came.set()
                    return
        _close(fd)

    threading.Thread(target=block, name="rassegna-writer-queue", daemon=True).start()
    if came.wait(wait):
        return True
    with guard:
        if came.is_set():
            return True
        abandoned = True
    return False


class DatabaseBusy(OperationalError):
    """SQLite's write lock could not be had; says who holds it, when known, and whether this command waited.

    A writer that waited its whole busy timeout says so. One that failed at once (``at_once``) met SQLite's
    read-to-write upgrade: a transaction begun deferred that read, then wrote while another connection held the
    lock or had committed since; SQLite then returns "database is locked" without calling the busy handler.
    Writers here take the lock at BEGIN (``writer``) so that it cannot happen to them; the message says it
    plainly if it happens to some other code. An OperationalError still (what callers that go on without
    writing catch, retrying later if at all), with a message for people."""

    def __init__(
        self,
        context: ExceptionContext,
        database: str,
        wait: float,
        holder: str | None,
        elapsed: float | None = None,
    ) -> None:
        super().__init__(context.statement, context.parameters, context.original_exception)
        self.holder, self.wait, self.elapsed = holder, wait, elapsed
        # the busy handler sleeps until the whole wait has passed: a failure well before it did not wait
        self.at_once = elapsed is not None and elapsed < wait / 2
        who = holder or "another process"
        if self.at_once:
            self.message = (
                f"the database {database} is busy: {who} was writing, and a transaction of this command that had "
                f"begun as a read could not become a write; it failed at once (after {elapsed:.1f} s, without "
                f"waiting its {wait:g} s); try again when the other process has finished"
            )
        else:
            self.message = (
                f"the database {database} is busy: held for writing by {who} longer than "
                f"this command waits ({wait:g} s); try again when it has finished"
            )

    def __str__(self) -> str:
        return self.message


STARTED = "rassegna_started"  # connection info: when its latest statement started (time.monotonic)
WAIT_BEGAN = "rassegna_wait_began"  # connection info: when a writer began waiting for its turn and the lock


def _note_start(conn, _cursor, _statement, _parameters, _context, _executemany) -> None:  # noqa: ANN001
    conn.info[STARTED] = time.monotonic()


def _busy_errors(database: Path, busy_timeout: float, writers: WriterNote):  # noqa: ANN202
    def handle(context: ExceptionContext) -> BaseException | None:
        original = context.original_exception
        if isinstance(original, DatabaseBusy) or not is_locked_error(original):
            return None
        # the wait this transaction was given (a best-effort writer waits less than the engine's busy timeout)
        connection, started = context.connection, None
        options = connection.get_execution_options() if connection is not None else {}
        wait = float(options.get(WAIT, busy_timeout))
        if connection is not None and context.statement is not None:  # a statement failed: how long it ran
            with suppress(Exception):  # noqa: BLE001 - the message only; never mask the error itself
                started = connection.info.get(WAIT_BEGAN) or connection.info.get(STARTED)
        elapsed = time.monotonic() - started if started is not None else None
        return DatabaseBusy(context, str(database), wait, writers.holder(), elapsed)

    return handle


def writer(engine: Engine, wait: float | None = None) -> Engine:
    """``engine`` for write transactions (SQLite: the write lock at BEGIN, waiting up to ``wait`` seconds)."""
    options: dict[str, object] = {WRITE: True}
    if wait is not None:
        options[WAIT] = wait
    return engine.execution_options(**options)


def is_locked_error(exc: BaseException) -> bool:
    """True for SQLite's "database is locked"/"busy" (another process held the write lock too long)."""
    if isinstance(exc, DatabaseBusy):
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text


def create_db_engine(url: str, *, migrate: bool = True, busy_timeout: float | None = None) -> Engine:
    """An engine for ``url`` with the schema brought up to date (writers wait ``busy_timeout`` s for SQLite's lock,
    by default $RASSEGNA_BUSY_TIMEOUT or 30; one that waited in vain raises DatabaseBusy)."""
    url = normalise_url(url)
    busy_timeout = default_busy_timeout() if busy_timeout is None else busy_timeout
    if url.startswith("sqlite"):
        database = make_url(url).database
        writers, queue = None, None
        if database and database != ":memory:":
            path = Path(database).expanduser()
            path.parent.mkdir(parents=True, exist_ok=True)
            writers = WriterNote(path)
            queue = WriterQueue(path) if fcntl is not None else None
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy_timeout})
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout))
        # pysqlite's own transaction handling would BEGIN behind our back; take it over to choose the BEGIN.
        event.listen(engine, "connect", lambda dbapi_conn, _rec: setattr(dbapi_conn, "isolation_level", None))
        event.listen(engine, "begin", _sqlite_begin(busy_timeout, writers, queue))
        if queue is not None:  # the turn ends with the transaction
            event.listen(engine, "commit", _give_back(queue))
            event.listen(engine, "rollback", _give_back(queue))
        if writers is not None:
            event.listen(engine, "before_cursor_execute", _note_start)
            event.listen(engine, "handle_error", _busy_errors(path, busy_timeout, writers))
    else:
        engine = create_engine(url, pool_pre_ping=True)
    if migrate and not at_head(engine):
        upgrade(engine)
    return engine


@lru_cache(maxsize=1)
def _head_revisions() -> frozenset[str]:
    """The bundled migrations' heads, read from their files (Alembic itself takes ~0.3 s to import)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for file in (MIGRATIONS / "versions").glob("*.py"):
        source = file.read_text(encoding="utf-8")
        revision = re.search(r"^revision\b[^=]*=\s*[\"']([^\"']+)", source, re.M)
        down = re.search(r"^down_revision\b[^=]*=(.*)$", source, re.M)
        if revision:
            revisions.add(revision.group(1))
        if down:
            parents.update(re.findall(r"[\"']([^\"']+)[\"']", down.group(1)))
    return frozenset(revisions - parents)


def at_head(engine: Engine) -> bool:
    """True when the database is already at the bundled migrations' head (most starts: nothing to migrate)."""
    try:
        with engine.connect() as connection:
            current = {row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))}
    except Exception:  # noqa: BLE001 - no version table yet, or unreadable: let Alembic decide and say why
        return False
    return bool(current) and current == _head_revisions()


def alembic_config(engine: Engine) -> AlembicConfig:
    """An Alembic configuration pointing at the bundled migrations and ``engine``."""
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    """Apply every pending migration (idempotent; safe to call on each start).

    The revision is read first without the write lock: a database already at head is left alone, so starting
    a command never waits for (or fails behind) another process that is writing."""
    if at_head(engine):
        return
    from alembic import command

    config = alembic_config(engine)  # the migration environment writes through ``writer(engine)``
    if engine.dialect.name != "postgresql":
        command.upgrade(config, "head")  # SQLite: the migration's BEGIN IMMEDIATE serialises processes
        return
    # PostgreSQL: two processes starting on a new database would both create the schema; one at a time,
    # the second then finds it at head.
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        try:
            command.upgrade(config, "head")
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
            connection.commit()


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One migrated engine per database URL per process."""
    return create_db_engine(url)


@contextmanager
def session_scope(engine: Engine, *, wait: float | None = None) -> Iterator[Session]:
    """A write transaction that commits on success and rolls back on error (SQLite: the write lock at BEGIN)."""
    with Session(writer(engine, wait), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A read-only session: never takes SQLite's write lock, never commits (closing it drops any change).

    Objects read stay usable after the block (closing detaches them without expiring what was loaded)."""
    with Session(engine, expire_on_commit=False) as session:
        yield session
