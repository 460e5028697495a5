"""Audit events: who changed what. Written inside the caller's transaction, so the change and its record commit
together or not at all. How they read is `audit_trail.py`; what is kept and why is docs/audit-trail.md."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from sqlmodel import Session, col, select

from reviewer.checklists.answers import AnswerValue
from reviewer.storage.models import AuditEvent, utcnow

# Autosave stores every keystroke; one event per question and editing spell is what a reader can follow.
ANSWER_SPELL = timedelta(minutes=10)


def record(session: Session, actor: str, entity: str, entity_uuid: str, action: str, **detail: Any) -> None:
    session.add(
        AuditEvent(
            actor=actor,
            entity=entity,
            entity_uuid=entity_uuid,
            action=action,
            detail_json=_dumps(detail),
        )
    )


def _dumps(detail: dict[str, Any]) -> str:
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)


def record_answer(
    session: Session,
    actor: str,
    review_uuid: str,
    case_uuid: str,
    question_key: str,
    free_text: bool,
    before: tuple[AnswerValue, str | None],
    after: tuple[AnswerValue, str | None],
) -> None:
    """An answer or its note changed. Free text and notes are recorded only as given, changed or removed, so the
    log never keeps a text the reviewer has since deleted; other answers are kept as old → new value.

    Saves of the same question by the same person within `ANSWER_SPELL`, with nothing else happening to the review
    in between, extend one event (the first old value, the latest new one); one that ends where it began is removed.
    """
    last = session.exec(
        select(AuditEvent).where(AuditEvent.entity_uuid == review_uuid).order_by(col(AuditEvent.id).desc()).limit(1)
    ).first()
    detail: dict[str, Any] | None = None
    if last is not None and last.action == "answer" and last.actor == actor and utcnow() - last.at <= ANSWER_SPELL:
        detail = json.loads(last.detail_json)
        if detail.get("question") != question_key:
            detail = None
    value = _pair(detail.get("value") if detail else None, before[0] != after[0], before[0], after[0], free_text)
    note = _pair(detail.get("note") if detail else None, before[1] != after[1], before[1], after[1], True)
    changes = {name: pair for name, pair in (("value", value), ("note", note)) if pair is not None}
    if detail is None:
        if changes:
            record(session, actor, "review", review_uuid, "answer", case=case_uuid, question=question_key, **changes)
        return
    assert last is not None
    if not changes:
        session.delete(last)
        return
    last.detail_json = _dumps({"case": case_uuid, "question": question_key, **changes})
    last.at = utcnow()
    session.add(last)


def _pair(
    earlier: list[Any] | None, changed: bool, before: AnswerValue, after: AnswerValue, free_text: bool
) -> list[Any] | None:
    """[old, new] of one field since the spell began, or None when it did not change or is back where it began
    (a free text that was there before and after counts as changed: the log cannot compare texts it never kept)."""
    if earlier is None and not changed:
        return None
    start = earlier[0] if earlier is not None else _shown(before, free_text)
    end = _shown(after, free_text)
    if start == end and not (free_text and end is True):
        return None
    return [start, end]


def _shown(value: AnswerValue, free_text: bool) -> AnswerValue | bool:
    """What the log keeps of an answer: the value itself, or for free text only whether there is one."""
    return value is not None if free_text else value
