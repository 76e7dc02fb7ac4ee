"""The bundled Alembic migrations build exactly the schema the models declare (no drift)."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import rassegna.storage.models  # noqa: F401 - registers the tables on SQLModel.metadata
import rassegna.web.models  # noqa: F401 - the review desk's own tables (users, sessions, audit)
from rassegna.storage.db import create_db_engine

# Full-text search (SQLite's FTS5 tables, PostgreSQL's expression index) is raw SQL in the migrations, not models.
_RAW_SQL_NAMES = ("clipping_fts", "ix_clipping_fts")


def _is_raw_sql(diff: tuple) -> bool:
    return diff[0] in ("remove_table", "remove_index") and str(getattr(diff[1], "name", "")).startswith(_RAW_SQL_NAMES)


def schema_drift(url: str) -> list:
    """What autogenerate would write after the migrations ran on a fresh database."""
    engine = create_db_engine(url, migrate=True)
    try:
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    finally:
        engine.dispose()
    return [diff for diff in diffs if not (isinstance(diff, tuple) and _is_raw_sql(diff))]


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_migrations_match_the_models(backend: str, request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")
    assert schema_drift(url) == []
