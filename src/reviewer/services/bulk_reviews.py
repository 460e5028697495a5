"""Writing many reviewed cases at once: the demo data and the spreadsheet import come through here, and the
exchange import writes its answers with `insert_answers`.

Core inserts on the tables, in batches: the ORM's bulk path leaves out None values and splits a batch each time the
pattern of NULLs changes (age band, unit, notes, completed_at vary from row to row), which turned 300 000 answers
into tens of thousands of statements; the answers, most of the rows, go straight to the driver. The answers written
are counted into the answer counts (`answer_counts.add`) before returning. The caller owns the transaction.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Table, insert
from sqlmodel import Session

from reviewer.checklists.answers import EncodedAnswer, content_sha256
from reviewer.domain.sex import Sex
from reviewer.services import answer_counts
from reviewer.storage.models import Answer, Case, Review, ReviewStatus, new_uuid, utcnow

BATCH_SIZE = 1000
ANSWER_COLUMNS = ("uuid", "review_id", "question_key", "value_json", "value_code", "value_number", "note", "updated_at")
Answers = Mapping[str, tuple[EncodedAnswer, str | None]]


@dataclass(frozen=True)
class ReviewedCase:
    """A case with one reviewer's answers (each encoded, with an optional note)."""

    case_code: str
    sex: Sex
    age_band: str | None
    unit: str | None
    reviewer: str
    status: ReviewStatus
    answers: dict[str, tuple[EncodedAnswer, str | None]]


_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def random_uuids(count: int) -> list[str]:
    """`count` random (version 4) UUIDs as strings, as `uuid.uuid4()` makes them but five times faster: an import
    of 300 000 answers would otherwise spend seconds making their UUIDs."""
    digits = os.urandom(16 * count).hex()
    return [
        f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"
        for h in (digits[start : start + 32] for start in range(0, 32 * count, 32))
    ]


def driver_value(session: Session, column: Column[Any], value: object) -> object:
    """The value as the database driver takes it for the column, after the column type's own conversion."""
    dialect = session.connection().dialect
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    return process(value) if process is not None else value


def insert_driver_rows(session: Session, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert rows whose values are already what the driver takes (see `driver_value`), in one executemany.

    This skips SQLAlchemy's conversion of every value of every row, which for hundreds of thousands of answers
    costs more than SQLite's own work; only plain strings and numbers (and values passed through `driver_value`)
    may be given.
    """
    if not rows:
        return
    connection = session.connection()
    compiled = insert(table).inline().compile(dialect=connection.dialect, column_keys=list(columns))
    params: Sequence[Any]
    if compiled.positional:
        assert compiled.positiontup is not None
        order = [list(columns).index(name) for name in compiled.positiontup]
        params = rows if order == list(range(len(columns))) else [tuple(row[i] for i in order) for row in rows]
    else:
        params = [dict(zip(columns, row, strict=True)) for row in rows]
    connection.exec_driver_sql(str(compiled), params)


def insert_answers(session: Session, reviews: Sequence[tuple[int, Answers]], now: datetime) -> None:
    """The answers of reviews just written, straight to the driver: they are most of what a bulk write writes. Their
    UUIDs go in ascending order, so each lands at the end of the UUID index instead of at a random place in it: this
    halves the time SQLite takes to store them. They are as random as before."""
    answer_table: Table = Answer.__table__  # type: ignore[attr-defined]
    updated_at = driver_value(session, answer_table.c.updated_at, now)
    uuids = iter(sorted(random_uuids(sum(len(answers) for _, answers in reviews))))
    rows = [
        (next(uuids), review_id, key, encoded.value_json, encoded.value_code, encoded.value_number, note, updated_at)
        for review_id, answers in reviews
        for key, (encoded, note) in answers.items()
    ]
    insert_driver_rows(session, answer_table, ANSWER_COLUMNS, rows)


def insert_returning_ids(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert rows in batches; their new ids, in the rows' order. The exchange import writes through this."""
    ids: list[int] = []
    for start in range(0, len(rows), BATCH_SIZE):
        ids.extend(
            session.execute(
                insert(table).returning(table.c.id, sort_by_parameter_order=True), rows[start : start + BATCH_SIZE]
            ).scalars()
        )
    return ids


def insert_reviewed_cases(
    session: Session,
    round_id: int,
    checklist_version_id: int,
    reviewed: Sequence[ReviewedCase],
    written: Callable[[int], None] | None = None,
) -> None:
    """Insert the cases, one review each, and their answers, and count them; `written(n)` reports progress after
    each batch."""
    case_table: Table = Case.__table__  # type: ignore[attr-defined]
    review_table: Table = Review.__table__  # type: ignore[attr-defined]
    now = utcnow()
    inserted: list[int] = []
    for start in range(0, len(reviewed), BATCH_SIZE):
        batch = reviewed[start : start + BATCH_SIZE]
        case_rows: list[dict[str, Any]] = [
            {
                "uuid": new_uuid(),
                "round_id": round_id,
                "case_code": item.case_code,
                "sex": item.sex,
                "age_band": item.age_band,
                "unit": item.unit,
                "created_at": now,
            }
            for item in batch
        ]
        case_ids = session.execute(
            insert(case_table).returning(case_table.c.id, sort_by_parameter_order=True), case_rows
        ).scalars()
        review_rows: list[dict[str, Any]] = [
            {
                "uuid": new_uuid(),
                "case_id": case_id,
                "checklist_version_id": checklist_version_id,
                "reviewer": item.reviewer,
                "status": item.status,
                "revision": 1,
                "content_sha256": content_sha256(
                    {key: (enc.value_json, note) for key, (enc, note) in item.answers.items()}
                ),
                "created_at": now,
                "updated_at": now,
                "completed_at": now if item.status is ReviewStatus.COMPLETE else None,
            }
            for item, case_id in zip(batch, case_ids, strict=True)
        ]
        review_ids = list(
            session.execute(
                insert(review_table).returning(review_table.c.id, sort_by_parameter_order=True), review_rows
            ).scalars()
        )
        inserted += review_ids
        insert_answers(
            session, [(review_id, item.answers) for item, review_id in zip(batch, review_ids, strict=True)], now
        )
        if written is not None:
            written(start + len(batch))
    answer_counts.add(session, inserted)
