"""The audit trail as people read it: the history of one case in the program, and every event of a period for the
export a unit chief or the data-protection officer asks for (docs/audit-trail.md).

Events store uuids and codes; here they get the names a reader knows – the round, the case code, whose review – and
their words from `audit_text`. A case that was deleted keeps its code through its own delete event.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from reviewer.domain.text import Language, Message, ReviewerError
from reviewer.services.audit_text import Vocabulary, describe
from reviewer.services.checklists import definition_of
from reviewer.storage.models import AuditEvent, Case, ChecklistVersion, Review, Round

INTERNAL = Message("Intern handling – innehåller personuppgifter", "Internal document – contains personal data")
TITLE = Message("Händelselogg", "Audit trail")
COLUMNS = (
    Message("Tid", "Time"),
    Message("Vem", "Who"),
    Message("Omgång", "Round"),
    Message("Ärende", "Case"),
    Message("Granskare", "Reviewer"),
    Message("Händelse", "Event"),
    Message("Vad", "What"),
    Message("Från", "From"),
    Message("Till", "To"),
)
_CHUNK = 2000
_IN_LIMIT = 500  # uuids per IN (…) list, well inside every database's limit on bound parameters


class AuditError(ReviewerError):
    pass


class AuditRow(NamedTuple):
    at: datetime  # UTC; shown in local time
    actor: str
    round_name: str
    case_code: str
    reviewer: str
    action: str
    subject: str
    old: str
    new: str


@dataclass(frozen=True)
class Period:
    """Whole local days, both ends included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise AuditError(
                Message(
                    f"Perioden börjar ({self.start.isoformat()}) efter att den slutar ({self.end.isoformat()})",
                    f"The period starts ({self.start.isoformat()}) after it ends ({self.end.isoformat()})",
                )
            )

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """From the first day's local midnight up to (not including) the midnight after the last day."""
        first = datetime.combine(self.start, time()).astimezone().astimezone(UTC)
        after = datetime.combine(self.end + timedelta(days=1), time()).astimezone().astimezone(UTC)
        return first, after

    def text(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


def parse_date(text: str, which: Message) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise AuditError(
            Message(
                f"{which.sv}: '{text}' är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-01-31",
                f"{which.en}: '{text}' is not a date; write YYYY-MM-DD, e.g. 2026-01-31",
            )
        ) from None


def local_time(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


_EVENT_COLUMNS = (
    col(AuditEvent.at),
    col(AuditEvent.actor),
    col(AuditEvent.entity),
    col(AuditEvent.entity_uuid),
    col(AuditEvent.action),
    col(AuditEvent.detail_json),
)
_Event = tuple[datetime, str, str, str, str, dict[str, Any]]  # the detail parsed


def period_rows(
    session: Session, period: Period, language: Language, progress: Callable[[int, int], None] | None = None
) -> list[AuditRow]:
    """Every event of the period, oldest first; `progress(done, total)` after each chunk (it may raise to stop)."""
    first, after = period.utc_bounds()
    events: Sequence[Any] = session.execute(
        sql_select(*_EVENT_COLUMNS)
        .where(col(AuditEvent.at) >= first, col(AuditEvent.at) < after)
        .order_by(col(AuditEvent.at), col(AuditEvent.id))
    ).all()
    return _rows(session, events, language, progress)


def case_rows(session: Session, case_uuid: str, language: Language) -> list[AuditRow]:
    """The case's history, oldest first: the case itself, every review of it, and what happened to its round."""
    case = session.exec(select(Case).where(Case.uuid == case_uuid)).first()
    if case is None:
        raise AuditError(Message("Ärendet finns inte längre", "The case no longer exists"))
    round_ = session.get(Round, case.round_id)
    review_uuids = session.exec(select(Review.uuid).where(Review.case_id == case.id)).all()
    targets = [case.uuid, *review_uuids, *([round_.uuid] if round_ is not None else [])]
    events = session.execute(
        sql_select(*_EVENT_COLUMNS)
        .where(col(AuditEvent.entity_uuid).in_(targets))
        .order_by(col(AuditEvent.at), col(AuditEvent.id))
    ).all()
    return _rows(session, events, language, None)


def _rows(
    session: Session,
    events: Sequence[Any],
    language: Language,
    progress: Callable[[int, int], None] | None,
) -> list[AuditRow]:
    context = _Context(session)
    rows: list[AuditRow] = []
    total = len(events)
    for start in range(0, total, _CHUNK):
        chunk: list[_Event] = [(*event[:5], json.loads(event[5])) for event in events[start : start + _CHUNK]]
        context.prepare(chunk)
        for event in chunk:
            rows.extend(context.rows(event, language))
        if progress is not None:
            progress(min(start + _CHUNK, total), total)
    return rows


class _Context:
    """Names for the uuids events carry, looked up a chunk at a time."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._rounds = {
            uuid: (name, version_id)
            for uuid, name, version_id in session.execute(
                sql_select(col(Round.uuid), col(Round.name), col(Round.checklist_version_id))
            ).all()
        }
        self._round_uuid_by_id = dict(session.execute(sql_select(col(Round.id), col(Round.uuid))).all())
        self._cases: dict[str, tuple[str, str]] = {}  # case uuid → (case code, round uuid)
        self._reviews: dict[str, tuple[str, str]] = {}  # review uuid → (case uuid, reviewer)
        self._words: dict[int, Vocabulary | None] = {}

    def prepare(self, events: Iterable[_Event]) -> None:
        review_uuids, case_uuids = set(), set()
        details: list[tuple[str, str, dict[str, Any]]] = []
        for _at, _actor, entity, uuid, _action, detail in events:
            if entity == "review" and uuid not in self._reviews:
                review_uuids.add(uuid)
            elif entity == "case":
                case_uuids.add(uuid)
            details.append((entity, uuid, detail))
        for chunk in _chunks(sorted(review_uuids)):
            for review_uuid, reviewer, case_uuid in self._session.execute(
                sql_select(col(Review.uuid), col(Review.reviewer), col(Case.uuid))
                .join(Case, col(Case.id) == col(Review.case_id))
                .where(col(Review.uuid).in_(chunk))
            ).all():
                self._reviews[review_uuid] = (case_uuid, reviewer)
        for entity, uuid, detail in details:
            if entity == "review":
                case_uuids.add(str(detail.get("case") or self._reviews.get(uuid, ("", ""))[0]))
        missing = sorted(case_uuids - self._cases.keys() - {""})
        for chunk in _chunks(missing):
            for case_uuid, code, round_id in self._session.execute(
                sql_select(col(Case.uuid), col(Case.case_code), col(Case.round_id)).where(col(Case.uuid).in_(chunk))
            ).all():
                self._cases[case_uuid] = (code, self._round_uuid_by_id.get(round_id, ""))
        gone = sorted(set(missing) - self._cases.keys())
        for chunk in _chunks(gone):
            for uuid, detail_json in self._session.execute(
                sql_select(col(AuditEvent.entity_uuid), col(AuditEvent.detail_json)).where(
                    col(AuditEvent.entity) == "case",
                    col(AuditEvent.action) == "delete",
                    col(AuditEvent.entity_uuid).in_(chunk),
                )
            ).all():
                detail = json.loads(detail_json)
                self._cases[uuid] = (str(detail.get("case_code", "")), str(detail.get("round") or ""))

    def rows(self, event: _Event, language: Language) -> list[AuditRow]:
        at, actor, entity, uuid, action, detail = event
        case_uuid, reviewer, round_uuid = "", "", ""
        if entity == "review":
            case_uuid, reviewer = self._reviews.get(uuid, (str(detail.get("case", "")), ""))
            case_uuid = case_uuid or str(detail.get("case", ""))
        elif entity == "case":
            case_uuid = uuid
        elif entity == "round":
            round_uuid = uuid
        case_code = ""
        if case_uuid:
            case_code, round_uuid = self._cases.get(case_uuid, ("", ""))
        if entity == "case" and action in ("create", "delete") and not round_uuid:
            round_uuid = str(detail.get("round") or "")
        round_name, version_id = self._rounds.get(round_uuid, ("", None))
        words = self._vocabulary(version_id)
        return [
            AuditRow(
                at,
                actor,
                round_name,
                case_code,
                reviewer,
                change.action.text(language),
                change.subject.text(language),
                change.old.text(language),
                change.new.text(language),
            )
            for change in describe(entity, action, detail, words)
        ]

    def _vocabulary(self, version_id: int | None) -> Vocabulary | None:
        if version_id is None:
            return None
        if version_id not in self._words:
            row = self._session.get(ChecklistVersion, version_id)
            self._words[version_id] = Vocabulary(definition_of(row)) if row is not None else None
        return self._words[version_id]


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _IN_LIMIT):
        yield items[start : start + _IN_LIMIT]
