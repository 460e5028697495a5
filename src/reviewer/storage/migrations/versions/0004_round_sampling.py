"""A round remembers how its sample was drawn (seed, method, strata, double-review assignments), so the sample can be
explained to the nämnd and drawn again (`services.sampling`, docs/planning.md).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 22:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE, not batch mode: a batch copy of review_round would have to drop the table the cases' foreign
# keys point at. SQLite adds a column in place, and drops one in place from 3.35 on (Python 3.11 ships later ones).


def upgrade() -> None:
    op.add_column("review_round", sa.Column("sampling_json", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("review_round", "sampling_json")
