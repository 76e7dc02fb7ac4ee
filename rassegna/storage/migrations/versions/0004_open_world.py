"""open world: feeds and sitemaps found for outlets known only by their domain, and when they were looked for

Revision ID: 0004_open_world
Revises: 0003_review_desk
Create Date: 2026-11-29 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004_open_world"
down_revision: str | None = "0003_review_desk"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (no batch re-creation), so SQLite keeps every table and trigger as it is.
    op.add_column("outlet", sa.Column("sources_checked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.create_table(
        "found_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("found_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["outlet_id"], ["outlet.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("outlet_id", "url"),
    )
    op.create_index("ix_found_source_outlet_id", "found_source", ["outlet_id"])


def downgrade() -> None:
    op.drop_index("ix_found_source_outlet_id", table_name="found_source")
    op.drop_table("found_source")
    with op.batch_alter_table("outlet") as batch:
        batch.drop_column("sources_checked_at")
