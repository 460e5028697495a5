"""The lexicon of value-laden words in numbered versions, and the version a round counts with, so that the counts of
rounds made with different lists are never compared unknowingly (`services.lexicon`, docs/wording-lexicon.md).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 01:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FK = "fk_review_round_lexicon_version_id_lexicon_version"


def upgrade() -> None:
    op.create_table(
        "lexicon_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("entries_json", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lexicon_version")),
        sa.UniqueConstraint("version", name=op.f("uq_lexicon_version_version")),
    )
    # Plain ALTER TABLE, not batch mode: a batch copy of review_round would have to drop the table the cases' foreign
    # keys point at (see 0004). SQLite adds a column with a foreign key in place when its default is NULL – NULL here
    # for a round made before lexicons existed – but Alembic will not write that statement for SQLite, so it is SQL.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE review_round ADD COLUMN lexicon_version_id INTEGER "
            f"CONSTRAINT {_FK} REFERENCES lexicon_version (id)"
        )
    else:
        op.add_column("review_round", sa.Column("lexicon_version_id", sa.Integer(), nullable=True))
        op.create_foreign_key(_FK, "review_round", "lexicon_version", ["lexicon_version_id"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(_FK, "review_round", type_="foreignkey")
    op.drop_column("review_round", "lexicon_version_id")
    op.drop_table("lexicon_version")
