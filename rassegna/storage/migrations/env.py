"""Alembic environment: runs on the engine rassegna hands over (see storage.db.upgrade)."""

from alembic import context
from sqlmodel import SQLModel

import rassegna.storage.models  # noqa: F401 - registers the tables on SQLModel.metadata
from rassegna.storage.db import writer

config = context.config
target_metadata = SQLModel.metadata


# Tables other libraries manage in the same database (APScheduler's job store) are not ours to migrate.
FOREIGN_TABLES = {"apscheduler_jobs"}


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001 - Alembic's hook signature
    """Leave foreign tables out of autogenerate."""
    return not (type_ == "table" and name in FOREIGN_TABLES)


def run_migrations() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlmodel import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
    # A migration writes: on SQLite it takes the write lock at BEGIN (IMMEDIATE) whatever engine it was handed.
    # In a transaction begun deferred, its first write after a read (Alembic looks at alembic_version first)
    # would fail at once, without the busy timeout, if another process held the lock or had written meanwhile.
    with writer(engine).connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
            include_object=include_object,
            # one transaction for the whole upgrade, on SQLite too (Alembic otherwise commits after each revision
            # there): two processes starting on a new database would interleave their revisions between commits
            # and the second would apply one the first had already applied ("duplicate column name")
            transactional_ddl=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations()
