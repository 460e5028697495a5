"""Database health and backups, for the caseworker's laptop and the municipality's IT."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import text

from reviewer.domain.text import Message, ReviewerError
from reviewer.services import answer_counts
from reviewer.storage.backups import (
    DAILY,
    DEFAULT_KEEP,
    MANUAL,
    daily_backup_due,
    list_backups,
    prune_backups,
    write_backup,
)
from reviewer.storage.database import HEAD_REVISION, Database, schema_state, sqlite_path
from reviewer.storage.restore import restore_backup

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DatabaseReport:
    url: str
    backend: str
    schema_revision: str | None
    head_revision: str
    integrity: str
    counts: dict[str, int]
    answer_counts_wrong: int
    backups: int = 0
    newest_backup: datetime | None = None

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


def check_database(db: Database, backup_dir: Path | None = None) -> DatabaseReport:
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
    backups = list_backups(backup_dir) if backup_dir is not None and db.file is not None else []
    return DatabaseReport(
        url=db.engine.url.render_as_string(hide_password=True),
        backend=db.engine.dialect.name,
        schema_revision=state.current,
        head_revision=HEAD_REVISION,
        integrity=integrity,
        counts=counts,
        answer_counts_wrong=wrong,
        backups=len(backups),
        newest_backup=backups[0].created if backups else None,
    )


def recount_answers(db: Database) -> int:
    """Rebuild the answer counts from the answers in one transaction; returns how many counts were wrong."""
    with db.session() as session:
        wrong = len(answer_counts.mismatches(session))
        answer_counts.rebuild(session)
        session.commit()
    return wrong


def _not_postgresql(action_sv: str, action_en: str) -> ReviewerError:
    return ReviewerError(
        Message(
            f"{action_sv} görs här bara för SQLite-databaser. En PostgreSQL-databas säkerhetskopieras och "
            "återställs av IT med pg_dump och pg_restore.",
            f"{action_en} here are for SQLite databases only. IT backs up and restores a PostgreSQL database "
            "with pg_dump and pg_restore.",
        )
    )


def backup_now(db: Database, backup_dir: Path) -> Path:
    if db.file is None:
        raise _not_postgresql("Säkerhetskopiering", "Backups")
    return write_backup(db.file, backup_dir, MANUAL)


def daily_backup(db: Database, backup_dir: Path, keep: int = DEFAULT_KEEP) -> Message | None:
    """The first start of a day backs the database up; a failure is a warning, never a reason not to start."""
    if db.file is None or db.created or not daily_backup_due(backup_dir):
        return None
    try:
        write_backup(db.file, backup_dir, DAILY)
        prune_backups(backup_dir, DAILY, keep)
    except ReviewerError as error:
        log.warning("daily backup failed: %s", type(error).__name__)
        return Message(
            "Dagens säkerhetskopia kunde inte göras: " + error.text("sv"),
            "Today's backup could not be made: " + error.text("en"),
        )
    except Exception:
        log.exception("daily backup failed")
        return Message(
            "Dagens säkerhetskopia kunde inte göras; detaljerna finns i loggfilen.",
            "Today's backup could not be made; the details are in the log file.",
        )
    return None


def restore_database(database_url: str, backup_dir: Path, backup: Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """Restore `backup` over the database at `database_url` (closed by the caller); returns where the database
    it replaced was kept."""
    file = sqlite_path(sa.make_url(database_url))
    if file is None:
        raise _not_postgresql("Återställning", "Restores")
    return restore_backup(backup, file, backup_dir, keep)
