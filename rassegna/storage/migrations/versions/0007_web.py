"""process of a run: pid and host on crawl_run and job_run, so a run whose process is gone is closed when found

Revision ID: 0007_web
Revises: 0003_review_desk
Create Date: 2026-11-29 06:00:00

Plain ADD COLUMNs (no table rebuild), so SQLite's full-text triggers on ``clipping`` are untouched.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_web"
down_revision: str | None = "0008_source_health"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("crawl_run", sa.Column("host", sa.String(length=255), nullable=True))
    op.add_column("job_run", sa.Column("pid", sa.Integer(), nullable=True))
    op.add_column("job_run", sa.Column("host", sa.String(length=255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("job_run") as batch:
        batch.drop_column("host")
        batch.drop_column("pid")
    with op.batch_alter_table("crawl_run") as batch:
        batch.drop_column("host")
