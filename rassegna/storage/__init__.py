"""Storage: SQLModel tables on SQLite (default) or PostgreSQL, with migrations applied on start."""

# Whichever storage module a process uses, no NUL character reaches the database (a listener, on import).
from rassegna.storage import sanitise as _sanitise  # noqa: F401
