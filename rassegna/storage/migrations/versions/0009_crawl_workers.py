"""distributed crawl: one row per worker of a run (pages, items, last seen) for `rassegna runs` and the desk

Revision ID: 0009_crawl_workers
Revises: 0007_web
Create Date: 2026-11-29 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0009_crawl_workers"
down_revision: str | None = "0007_web"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "crawl_worker",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("crawl_run_id", sa.Integer(), sa.ForeignKey("crawl_run.id"), nullable=False),
        sa.Column("worker", sa.String(length=300), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("new_clippings", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("last_seen", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.UniqueConstraint("crawl_run_id", "worker"),
    )
    op.create_index("ix_crawl_worker_crawl_run_id", "crawl_worker", ["crawl_run_id"])


def downgrade() -> None:
    op.drop_index("ix_crawl_worker_crawl_run_id", table_name="crawl_worker")
    op.drop_table("crawl_worker")
