"""Writing many reviewed cases at once: the demo data and the spreadsheet import both come through here.

Core inserts on the tables, in batches: the ORM's bulk path leaves out None values and splits a batch each time the
pattern of NULLs changes (age band, unit, notes, completed_at vary from row to row), which turned 300 000 answers
into tens of thousands of statements. The caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, insert
from sqlmodel import Session

from reviewer.checklists.answers import EncodedAnswer, content_sha256
from reviewer.domain.sex import Sex
from reviewer.storage.models import Answer, Case, Review, ReviewStatus, new_uuid, utcnow

BATCH_SIZE = 1000


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


def insert_reviewed_cases(
    session: Session,
    round_id: int,
    checklist_version_id: int,
    reviewed: Sequence[ReviewedCase],
    written: Callable[[int], None] | None = None,
) -> None:
    """Insert the cases, one review each, and their answers; `written(n)` reports progress after each batch."""
    case_table: Table = Case.__table__  # type: ignore[attr-defined]
    review_table: Table = Review.__table__  # type: ignore[attr-defined]
    answer_table: Table = Answer.__table__  # type: ignore[attr-defined]
    now = utcnow()
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
        review_ids = session.execute(
            insert(review_table).returning(review_table.c.id, sort_by_parameter_order=True), review_rows
        ).scalars()
        answer_rows = [
            {
                "uuid": new_uuid(),
                "review_id": review_id,
                "question_key": key,
                "value_json": enc.value_json,
                "value_code": enc.value_code,
                "value_number": enc.value_number,
                "note": note,
                "updated_at": now,
            }
            for item, review_id in zip(batch, review_ids, strict=True)
            for key, (enc, note) in item.answers.items()
        ]
        if answer_rows:
            session.execute(insert(answer_table), answer_rows)
        if written is not None:
            written(start + len(batch))
