"""source health: tracked sources, one row of counts per source-day, alerts

Revision ID: 0008_source_health
Revises: 0003_review_desk
Create Date: 2026-11-29 06:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008_source_health"
down_revision: str | None = "0004_open_world"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "health_source",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("outlet", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("consecutive_failures", sa.Integer(), nullable=False),
        sa.Column("last_fault", sa.String(length=50), nullable=True),
        sa.Column("failing_since", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_run_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("moved_to", sa.Text(), nullable=True),
        sa.Column("moved_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.UniqueConstraint("kind", "url", name="uq_health_source_kind_url"),
    )
    op.create_index("ix_health_source_outlet", "health_source", ["outlet"])
    counters = [
        "runs",
        "failed_runs",
        "requests",
        "ok_responses",
        "pages",
        "links",
        "articles",
        "relevant",
        "empty",
        "text_chars",
        "robots",
    ]
    op.create_table(
        "source_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("health_source.id"), nullable=False),
        *[sa.Column(name, sa.Integer(), nullable=False) for name in counters],
        sa.Column("median_ms", sa.Integer(), nullable=True),
        sa.Column("faults", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("day", "source_id"),  # day first: the rules read a range of days
    )
    op.create_table(
        "source_alert",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("health_source.id"), nullable=False),
        sa.Column("rule", sa.String(length=20), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("since", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("opened_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("closed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("mailed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    )
    op.create_index("ix_source_alert_source_id", "source_alert", ["source_id"])


def downgrade() -> None:
    op.drop_index("ix_source_alert_source_id", table_name="source_alert")
    op.drop_table("source_alert")
    op.drop_table("source_day")
    op.drop_index("ix_health_source_outlet", table_name="health_source")
    op.drop_table("health_source")
