"""Initial schema: checklist versions, rounds, cases, reviews, answers, audit events, import records.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 11:52:33.837141
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_uuid", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("detail_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_entity_uuid"), ["entity_uuid"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_uuid"), ["uuid"], unique=True)

    op.create_table(
        "checklist_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("definition_json", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_version")),
        sa.UniqueConstraint("slug", "version", name=op.f("uq_checklist_version_slug_version")),
    )
    with op.batch_alter_table("checklist_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_version_slug"), ["slug"], unique=False)
        batch_op.create_index(batch_op.f("ix_checklist_version_uuid"), ["uuid"], unique=True)

    op.create_table(
        "import_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("format_version", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_record")),
    )
    with op.batch_alter_table("import_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_record_file_sha256"), ["file_sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_import_record_uuid"), ["uuid"], unique=True)

    op.create_table(
        "review_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("area", sa.String(length=32), nullable=False),
        sa.Column("checklist_version_id", sa.Integer(), nullable=False),
        sa.Column("period_label", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("fictitious", sa.Boolean(), nullable=False),
        sa.Column("baseline_round_id", sa.Integer(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["baseline_round_id"], ["review_round.id"], name=op.f("fk_review_round_baseline_round_id_review_round")
        ),
        sa.ForeignKeyConstraint(
            ["checklist_version_id"],
            ["checklist_version.id"],
            name=op.f("fk_review_round_checklist_version_id_checklist_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_round")),
        sa.UniqueConstraint("name", name=op.f("uq_review_round_name")),
    )
    with op.batch_alter_table("review_round", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_round_checklist_version_id"), ["checklist_version_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_review_round_uuid"), ["uuid"], unique=True)

    op.create_table(
        "review_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("case_code", sa.String(length=64), nullable=False),
        sa.Column("sex", sa.String(length=16), nullable=False),
        sa.Column("age_band", sa.String(length=32), nullable=True),
        sa.Column("unit", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["review_round.id"], name=op.f("fk_review_case_round_id_review_round")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_case")),
        sa.UniqueConstraint("round_id", "case_code", name=op.f("uq_review_case_round_id_case_code")),
    )
    with op.batch_alter_table("review_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_case_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_case_uuid"), ["uuid"], unique=True)

    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("checklist_version_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["review_case.id"], name=op.f("fk_review_case_id_review_case")),
        sa.ForeignKeyConstraint(
            ["checklist_version_id"],
            ["checklist_version.id"],
            name=op.f("fk_review_checklist_version_id_checklist_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review")),
        sa.UniqueConstraint("case_id", "reviewer", name=op.f("uq_review_case_id_reviewer")),
    )
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_uuid"), ["uuid"], unique=True)

    op.create_table(
        "answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("question_key", sa.String(length=64), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        sa.Column("value_code", sa.String(length=64), nullable=True),
        sa.Column("value_number", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"], name=op.f("fk_answer_review_id_review")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer")),
        sa.UniqueConstraint("review_id", "question_key", name=op.f("uq_answer_review_id_question_key")),
    )
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_answer_review_id"), ["review_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_answer_uuid"), ["uuid"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_answer_uuid"))
        batch_op.drop_index(batch_op.f("ix_answer_review_id"))

    op.drop_table("answer")
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_uuid"))
        batch_op.drop_index(batch_op.f("ix_review_case_id"))

    op.drop_table("review")
    with op.batch_alter_table("review_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_case_uuid"))
        batch_op.drop_index(batch_op.f("ix_review_case_round_id"))

    op.drop_table("review_case")
    with op.batch_alter_table("review_round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_round_uuid"))
        batch_op.drop_index(batch_op.f("ix_review_round_checklist_version_id"))

    op.drop_table("review_round")
    with op.batch_alter_table("import_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_record_uuid"))
        batch_op.drop_index(batch_op.f("ix_import_record_file_sha256"))

    op.drop_table("import_record")
    with op.batch_alter_table("checklist_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_version_uuid"))
        batch_op.drop_index(batch_op.f("ix_checklist_version_slug"))

    op.drop_table("checklist_version")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_uuid"))
        batch_op.drop_index(batch_op.f("ix_audit_event_entity_uuid"))

    op.drop_table("audit_event")
