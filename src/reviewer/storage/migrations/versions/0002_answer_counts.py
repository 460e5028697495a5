"""Answer counts: what aggregation reads instead of grouping every answer, filled from the answers already stored.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 17:10:00

The filling query is written out here, not imported, so that this migration keeps doing what it did when the
program's code moves on; `tests/storage/test_answer_counts_migration.py` checks that it agrees with
`reviewer.services.answer_counts`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FILL = """
INSERT INTO answer_count
    (round_id, status, sex, unit, age_band, reviewer, question_key, kind, value, number, n)
SELECT round_id, status, sex, unit, age_band, reviewer, question_key, kind, value, number, count(*)
FROM (
    SELECT c.round_id AS round_id, r.status AS status, c.sex AS sex,
        coalesce(c.unit, '') AS unit, coalesce(c.age_band, '') AS age_band, r.reviewer AS reviewer,
        a.question_key AS question_key,
        CASE WHEN a.value_code IS NOT NULL THEN 'c'
             WHEN a.value_number IS NOT NULL THEN 'n'
             WHEN substr(a.value_json, 1, 1) = '[' THEN 'l'
             ELSE 't' END AS kind,
        CASE WHEN a.value_code IS NOT NULL THEN a.value_code
             WHEN a.value_number IS NOT NULL THEN ''
             WHEN substr(a.value_json, 1, 1) = '[' THEN a.value_json
             ELSE '' END AS value,
        CASE WHEN a.value_code IS NULL AND a.value_number IS NOT NULL THEN a.value_number ELSE 0 END AS number
    FROM answer a
    JOIN review r ON r.id = a.review_id
    JOIN review_case c ON c.id = r.case_id
    WHERE a.value_json <> 'null'
) AS counted
GROUP BY round_id, status, sex, unit, age_band, reviewer, question_key, kind, value, number
"""


def upgrade() -> None:
    op.create_table(
        "answer_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("sex", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("age_band", sa.String(length=32), nullable=False),
        sa.Column("reviewer", sa.String(length=64), nullable=False),
        sa.Column("question_key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("number", sa.Float(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["review_round.id"], name=op.f("fk_answer_count_round_id_review_round")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer_count")),
        sa.UniqueConstraint(
            "round_id",
            "status",
            "sex",
            "unit",
            "age_band",
            "reviewer",
            "question_key",
            "kind",
            "value",
            "number",
            name="uq_answer_count_key",
        ),
    )
    op.execute(_FILL)


def downgrade() -> None:
    op.drop_table("answer_count")
