"""Annat and okänt apart: the one stored value 'annat_okant' becomes 'okant' in cases and answer counts, and the
release register's published annat/okänt column is kept as the merged column it was ('other_unknown').

Nobody can tell afterwards whether an old 'annat_okant' was annat or okänt, so every one becomes okänt (as far as
the database knows, the file did not say which); a case that was annat is corrected in the case dialog. The
downgrade merges both values back into 'annat_okant' and adds up their answer counts; it drops the register's
separate annat and okänt figures, which 0005 cannot read, so a downgraded register is less strict for the releases
made since.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 01:30:00
"""

import json
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COUNT_COLUMNS = "round_id, status, unit, age_band, reviewer, question_key, kind, value, number"
# The register's columns 0005 does not know: annat and okänt apart, and the totals without one of them.
_NEW_COLUMNS = {"other", "unknown", "total_without_other", "total_without_unknown"}

Figures = list[list[Any]]


def upgrade() -> None:
    op.execute("UPDATE review_case SET sex = 'okant' WHERE sex = 'annat_okant'")
    op.execute("UPDATE answer_count SET sex = 'okant' WHERE sex = 'annat_okant'")
    _rewrite_register(lambda figures: [[r, "other_unknown" if c == "other" else c, *f] for r, c, *f in figures])


def downgrade() -> None:
    op.execute("UPDATE review_case SET sex = 'annat_okant' WHERE sex IN ('annat', 'okant')")
    # annat's and okänt's rows of the same key become one row with their counts added up
    op.execute(
        f"INSERT INTO answer_count (sex, {_COUNT_COLUMNS}, n) "  # noqa: S608 - fixed column names
        f"SELECT 'annat_okant', {_COUNT_COLUMNS}, SUM(n) FROM answer_count WHERE sex IN ('annat', 'okant') "
        f"GROUP BY {_COUNT_COLUMNS}"
    )
    op.execute("DELETE FROM answer_count WHERE sex IN ('annat', 'okant')")
    _rewrite_register(
        lambda figures: [
            [r, "other" if c == "other_unknown" else c, *f] for r, c, *f in figures if c not in _NEW_COLUMNS
        ]
    )


def _rewrite_register(change: Callable[[Figures], Figures]) -> None:
    conn = op.get_bind()
    record = sa.table("release_record", sa.column("id", sa.Integer), sa.column("figures_json", sa.Text))
    for key, text in conn.execute(sa.select(record.c.id, record.c.figures_json)).all():
        tables = json.loads(text)
        for table in tables.values():
            table["figures"] = change(table["figures"])
        rewritten = json.dumps(tables, ensure_ascii=False, separators=(",", ":"))
        conn.execute(sa.update(record).where(record.c.id == key).values(figures_json=rewritten))
