"""Database health and backups, for the caseworker's laptop and the municipality's IT."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from reviewer.domain.text import Message, ReviewerError
from reviewer.services import answer_counts
from reviewer.storage.database import HEAD_REVISION, Database, backup_sqlite, schema_state


@dataclass(frozen=True)
class DatabaseReport:
    url: str
    backend: str
    schema_revision: str | None
    head_revision: str
    integrity: str
    counts: dict[str, int]
    answer_counts_wrong: int

    @property
    def healthy(self) -> bool:
        return self.integrity == "ok" and self.schema_revision == self.head_revision and not self.answer_counts_wrong


_COUNTED = (
    "checklist_version",
    "review_round",
    "review_case",
    "review",
    "answer",
    "answer_count",
    "audit_event",
    "import_record",
)


def check_database(db: Database) -> DatabaseReport:
    """Integrity, schema revision, rows per table, and whether the answer counts aggregation reads equal the
    answers (they are kept in step by the services; a difference means something wrote past them)."""
    state = schema_state(db.engine)
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            rows = conn.execute(text("PRAGMA integrity_check")).fetchall()
            problems = [str(r[0]) for r in rows if r[0] != "ok"]
            fk = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            problems += [f"foreign key: {r[0]} row {r[1]}" for r in fk]
            integrity = "ok" if not problems else "; ".join(problems[:5])
        else:
            conn.execute(text("SELECT 1"))
            integrity = "ok"
        counts = {t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in _COUNTED}  # noqa: S608
    with db.session() as session:
        wrong = len(answer_counts.mismatches(session))
    return DatabaseReport(
        url=db.engine.url.render_as_string(hide_password=True),
        backend=db.engine.dialect.name,
        schema_revision=state.current,
        head_revision=HEAD_REVISION,
        integrity=integrity,
        counts=counts,
        answer_counts_wrong=wrong,
    )


def recount_answers(db: Database) -> int:
    """Rebuild the answer counts from the answers in one transaction; returns how many counts were wrong."""
    with db.session() as session:
        wrong = len(answer_counts.mismatches(session))
        answer_counts.rebuild(session)
        session.commit()
    return wrong


def backup_now(db: Database, backup_dir: Path) -> Path:
    if db.file is None:
        raise ReviewerError(
            Message(
                "Säkerhetskopiering görs här bara för SQLite-databaser; en PostgreSQL-databas säkerhetskopieras "
                "med pg_dump av IT.",
                "Backups here are for SQLite databases only; back up a PostgreSQL database with pg_dump.",
            )
        )
    return backup_sqlite(db.file, backup_dir, "manual")
