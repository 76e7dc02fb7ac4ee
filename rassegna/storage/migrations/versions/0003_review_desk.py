"""review desk: web users, login attempts, audit log, session secret, full-text search over clippings

Revision ID: 0003_review_desk
Revises: 0001
Create Date: 2026-11-22 10:00:00

Full-text search: SQLite gets an FTS5 table ``clipping_fts`` (external content = ``clipping``) kept in sync by
triggers; PostgreSQL gets a GIN index on ``to_tsvector('italian', title || ' ' || text)``.
NB for later SQLite migrations: a batch ALTER of ``clipping`` re-creates the table and drops its triggers;
re-create them (``rassegna.storage.search.ensure_search_index`` does it, and the web app calls it on start).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003_review_desk"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS clipping_fts USING fts5(title, text, content='clipping', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS clipping_fts_ai AFTER INSERT ON clipping BEGIN "
    "INSERT INTO clipping_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS clipping_fts_ad AFTER DELETE ON clipping BEGIN "
    "INSERT INTO clipping_fts(clipping_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS clipping_fts_au AFTER UPDATE OF title, text ON clipping BEGIN "
    "INSERT INTO clipping_fts(clipping_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO clipping_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO clipping_fts(clipping_fts) VALUES ('rebuild')",
]
POSTGRES_FTS = [
    "CREATE INDEX IF NOT EXISTS ix_clipping_fts ON clipping USING GIN "
    "(to_tsvector('italian', coalesce(title, '') || ' ' || coalesce(text, '')))",
]


def upgrade() -> None:
    op.create_table(
        "web_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("session_epoch", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_login_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_web_user_username", "web_user", ["username"], unique=True)
    op.create_table(
        "web_login_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("ip", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_web_login_attempt_key", "web_login_attempt", ["username", "ip", "at"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("entity", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_audit_log_entity", "audit_log", ["entity", "entity_id"])
    op.create_table(
        "web_secret",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS if dialect == "postgresql" else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("clipping_fts_ai", "clipping_fts_ad", "clipping_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS clipping_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_clipping_fts")
    op.drop_table("web_secret")
    op.drop_index("ix_audit_log_entity", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index("ix_web_login_attempt_key", table_name="web_login_attempt")
    op.drop_table("web_login_attempt")
    op.drop_index("ix_web_user_username", table_name="web_user")
    op.drop_table("web_user")
