"""Training: stored training packs, the mark on a training round of the pack it was made from, and the case texts
of training cases (real cases never hold text).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "training_pack",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("area", sa.String(length=32), nullable=False),
        sa.Column("checklist_version_id", sa.Integer(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("definition_json", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["checklist_version_id"],
            ["checklist_version.id"],
            name=op.f("fk_training_pack_checklist_version_id_checklist_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_pack")),
        sa.UniqueConstraint("slug", "version", name=op.f("uq_training_pack_slug_version")),
    )
    with op.batch_alter_table("training_pack", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_pack_uuid"), ["uuid"], unique=True)

    op.create_table(
        "training_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("pack_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["pack_id"], ["training_pack.id"], name=op.f("fk_training_round_pack_id_training_pack")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"], ["review_round.id"], name=op.f("fk_training_round_round_id_review_round")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_round")),
        sa.UniqueConstraint("round_id", name=op.f("uq_training_round_round_id")),
    )
    with op.batch_alter_table("training_round", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_round_pack_id"), ["pack_id"], unique=False)

    op.create_table(
        "training_case_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["review_case.id"], name=op.f("fk_training_case_text_case_id_review_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_case_text")),
        sa.UniqueConstraint("case_id", name=op.f("uq_training_case_text_case_id")),
    )


def downgrade() -> None:
    op.drop_table("training_case_text")
    with op.batch_alter_table("training_round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_round_pack_id"))
    op.drop_table("training_round")
    with op.batch_alter_table("training_pack", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_pack_uuid"))
    op.drop_table("training_pack")
