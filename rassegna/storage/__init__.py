"""Storage: SQLModel tables on SQLite (default) or PostgreSQL, with migrations applied on start."""

from rassegna.storage.db import create_db_engine, engine_for, session_scope

__all__ = ["create_db_engine", "engine_for", "session_scope"]
