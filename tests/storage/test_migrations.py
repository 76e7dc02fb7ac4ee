"""The bundled Alembic migrations build exactly the schema the models declare (no drift)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import Session, SQLModel

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


def _filled(table: sa.Table, **values: object) -> dict[str, object]:
    """A row for ``table`` with every required column given a plain value of its type."""
    plain = {sa.Integer: 1, sa.Boolean: False, sa.Date: date(2023, 10, 17), sa.DateTime: datetime(2023, 10, 17)}
    row = dict(values)
    for column in table.columns:
        if column.name in row or column.nullable or column.primary_key or column.server_default is not None:
            continue
        row[column.name] = next((v for t, v in plain.items() if isinstance(column.type, t)), "x")
    return row


def test_upgrading_a_database_with_clippings_keeps_them_and_their_search(tmp_path) -> None:  # noqa: ANN001
    """Revision 0010 adds the NLP's to-check flags to stored clippings (false) without rebuilding the clipping table,
    which on SQLite would drop the triggers that keep the search index current."""
    from alembic import command

    from rassegna.storage.db import alembic_config
    from rassegna.storage.search import search_clippings

    engine = create_db_engine(f"sqlite:///{tmp_path / 'old.db'}", migrate=False)
    command.upgrade(alembic_config(engine), "0009_crawl_workers")
    tables = sa.MetaData()
    tables.reflect(engine, only=["outlet", "clipping"])
    with engine.begin() as connection:
        connection.execute(
            tables.tables["outlet"].insert(), _filled(tables.tables["outlet"], id=1, name="Torinoggi.it")
        )
        clipping = _filled(tables.tables["clipping"], id=1, outlet_id=1, dedupe_key="k", title="Vecchio titolo")
        connection.execute(tables.tables["clipping"].insert(), clipping)
    command.upgrade(alembic_config(engine), "head")
    with engine.begin() as connection:
        assert connection.execute(sa.text("SELECT city_to_check FROM clipping")).scalar_one() in (0, False)
        connection.execute(sa.text("UPDATE clipping SET title = 'Parola rarissima zibaldone' WHERE id = 1"))
    with Session(engine) as session:
        assert [hit.id for hit in search_clippings(session, "zibaldone")] == [1]  # the update trigger still runs
    engine.dispose()


def test_a_new_sqlite_database_is_migrated_in_one_transaction(tmp_path) -> None:  # noqa: ANN001
    """Every revision in one write transaction: two processes starting on a new database then queue for it whole.
    Committed revision by revision (Alembic's default on SQLite), the second process took the lock between two
    commits, applied the rest, and the first then re-applied one of them ("duplicate column name")."""
    from rassegna.storage.db import upgrade

    engine = create_db_engine(f"sqlite:///{tmp_path / 'new.db'}", migrate=False)
    commits: list[object] = []
    sa.event.listen(engine, "commit", commits.append)
    upgrade(engine)
    assert len(commits) == 1
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_heads()  # at head after that one commit
