"""The release register: every anonymised export and anonymised report that left the unit, with its selection and
published figures, so that a later release of an overlapping selection is checked against it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "release_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("checklist_slug", sa.String(length=64), nullable=False),
        sa.Column("checklist_version", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=True),
        sa.Column("min_cell", sa.Integer(), nullable=False),
        sa.Column("n_hidden", sa.Integer(), nullable=False),
        sa.Column("n_hidden_for_earlier", sa.Integer(), nullable=False),
        sa.Column("rounds_json", sa.Text(), nullable=False),
        sa.Column("figures_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_record")),
    )
    with op.batch_alter_table("release_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_release_record_checklist_slug"), ["checklist_slug"], unique=False)
        batch_op.create_index(batch_op.f("ix_release_record_uuid"), ["uuid"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("release_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_release_record_uuid"))
        batch_op.drop_index(batch_op.f("ix_release_record_checklist_slug"))
    op.drop_table("release_record")
