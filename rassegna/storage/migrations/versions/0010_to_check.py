"""NLP answers to check: a city no explicit frame set, a speaker no attribution pattern read

Revision ID: 0010_to_check
Revises: 0009_crawl_workers
Create Date: 2026-11-30 07:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_to_check"
down_revision: str | None = "0009_crawl_workers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # clippings stored before this revision were never flagged: false, as for imported and reviewed ones. A plain ADD
    # COLUMN, not a batch rebuild: rebuilding the clipping table on SQLite would drop the search index's triggers.
    op.add_column("clipping", sa.Column("city_to_check", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column(
        "clipping_quote", sa.Column("speaker_to_check", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    with op.batch_alter_table("clipping_quote", schema=None) as batch_op:
        batch_op.drop_column("speaker_to_check")
    with op.batch_alter_table("clipping", schema=None) as batch_op:
        batch_op.drop_column("city_to_check")
