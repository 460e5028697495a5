"""A round remembers how its sample was drawn (seed, method, strata, double-review assignments), so the sample can be
explained to the nämnd and drawn again (`services.sampling`, docs/planning.md).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 22:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("review_round") as batch:
        batch.add_column(sa.Column("sampling_json", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("review_round") as batch:
        batch.drop_column("sampling_json")
