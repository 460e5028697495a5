"""Annat and okänt apart: the one stored value 'annat_okant' becomes 'okant' in cases and answer counts.

Nobody can tell afterwards whether an old 'annat_okant' was annat or okänt, so every one becomes okänt (as far as
the database knows, the file did not say which); a case that was annat is corrected in the case dialog. The release
register needs nothing: the anonymised releases publish annat and okänt in one column, as before. The downgrade
merges both values back into 'annat_okant' and adds up their answer counts.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 01:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COUNT_COLUMNS = "round_id, status, unit, age_band, reviewer, question_key, kind, value, number"


def upgrade() -> None:
    op.execute("UPDATE review_case SET sex = 'okant' WHERE sex = 'annat_okant'")
    op.execute("UPDATE answer_count SET sex = 'okant' WHERE sex = 'annat_okant'")


def downgrade() -> None:
    op.execute("UPDATE review_case SET sex = 'annat_okant' WHERE sex IN ('annat', 'okant')")
    # annat's and okänt's rows of the same key become one row with their counts added up
    op.execute(
        f"INSERT INTO answer_count (sex, {_COUNT_COLUMNS}, n) "  # noqa: S608 - fixed column names
        f"SELECT 'annat_okant', {_COUNT_COLUMNS}, SUM(n) FROM answer_count WHERE sex IN ('annat', 'okant') "
        f"GROUP BY {_COUNT_COLUMNS}"
    )
    op.execute("DELETE FROM answer_count WHERE sex IN ('annat', 'okant')")
