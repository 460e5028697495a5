"""A training round a facilitator makes by hand remembers what its pack will say: its title, description and when
participants see the facit (`services.training_authoring`, docs/training-packs.md "Making a pack in the program").
A round made from a pack leaves them empty: the pack says it.

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-05 01:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("training_round", sa.Column("title", sa.String(length=200), nullable=True))
    op.add_column("training_round", sa.Column("description", sa.Text(), nullable=True))
    op.add_column("training_round", sa.Column("feedback", sa.String(length=16), nullable=True))


def downgrade() -> None:
    op.drop_column("training_round", "feedback")
    op.drop_column("training_round", "description")
    op.drop_column("training_round", "title")
