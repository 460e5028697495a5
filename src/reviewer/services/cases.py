"""Cases in a round: a pseudonymous case code and the facts every statistic splits by (sex, age band, unit)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from sqlalchemy import case as sql_case
from sqlalchemy import delete, func
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.personnummer import guard_text
from reviewer.domain.sex import Sex, categories_for
from reviewer.domain.text import Message, ReviewerError
from reviewer.services import answer_counts, audit
from reviewer.services.checklists import definition_of
from reviewer.services.memory import collector_paused
from reviewer.services.rounds import get_round
from reviewer.storage.models import Answer, Case, ChecklistVersion, Review, ReviewStatus, Round, TrainingCaseText

CASE_CODE_FIELD = Message("Ärendekod", "Case code")
UNIT_FIELD = Message("Enhet", "Unit")
MAX_CODE, MAX_UNIT = 64, 100


class CaseError(ReviewerError):
    pass


class CaseStatus(StrEnum):
    """Where a case stands, from its reviews: not started, in progress, or done."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"


@dataclass(frozen=True)
class CaseInput:
    case_code: str
    sex: Sex
    age_band: str | None = None
    unit: str | None = None


class CaseRow(NamedTuple):
    uuid: str
    case_code: str
    sex: Sex
    age_band: str | None
    unit: str | None
    status: CaseStatus


def round_definition(session: Session, round_: Round) -> ChecklistDefinition:
    checklist = session.get(ChecklistVersion, round_.checklist_version_id)
    assert checklist is not None
    return definition_of(checklist)


def check_case(definition: ChecklistDefinition, data: CaseInput) -> CaseInput:
    """The case's fields cleaned and checked against the round's checklist; raises on the first problem."""
    code = data.case_code.strip()
    if not code:
        raise CaseError(Message("Ärendekoden saknas", "The case code is missing"))
    if len(code) > MAX_CODE:
        raise CaseError(
            Message(f"Ärendekoden är för lång (högst {MAX_CODE} tecken)", f"The case code is too long ({MAX_CODE} max)")
        )
    guard_text(code, CASE_CODE_FIELD)
    allowed_sex = categories_for(definition.subject)
    if data.sex not in allowed_sex:
        names = ", ".join(s.value for s in allowed_sex)
        raise CaseError(
            Message(
                f"Kön '{data.sex.value}' passar inte checklistan; välj {names}",
                f"Sex '{data.sex.value}' does not fit the checklist; choose {names}",
            )
        )
    bands = [b.value for b in definition.age_bands]
    if data.age_band is not None and data.age_band not in bands:
        raise CaseError(
            Message(
                f"Åldersgruppen '{data.age_band}' finns inte i checklistan ({', '.join(bands)})",
                f"The age band '{data.age_band}' is not in the checklist ({', '.join(bands)})",
            )
        )
    unit = " ".join((data.unit or "").split()) or None
    if unit is not None:
        if len(unit) > MAX_UNIT:
            raise CaseError(Message("Enhetens namn är för långt", "The unit name is too long"))
        guard_text(unit, UNIT_FIELD)
    return CaseInput(code, data.sex, data.age_band, unit)


def _refuse_duplicate_code(session: Session, round_id: int, code: str, except_id: int | None = None) -> None:
    clash = session.exec(select(Case.id).where(Case.round_id == round_id, Case.case_code == code)).first()
    if clash is not None and clash != except_id:
        raise CaseError(
            Message(
                f"Ärendekoden '{code}' finns redan i omgången",
                f"The case code '{code}' is already in the round",
            )
        )


def add_case(session: Session, round_uuid: str, data: CaseInput, actor: str = "") -> Case:
    round_ = get_round(session, round_uuid)
    checked = check_case(round_definition(session, round_), data)
    assert round_.id is not None
    _refuse_duplicate_code(session, round_.id, checked.case_code)
    case = Case(
        round_id=round_.id, case_code=checked.case_code, sex=checked.sex, age_band=checked.age_band, unit=checked.unit
    )
    session.add(case)
    audit.record(session, actor, "case", case.uuid, "create", round=round_.uuid)
    session.commit()
    session.refresh(case)
    return case


def get_case(session: Session, case_uuid: str) -> Case:
    case = session.exec(select(Case).where(Case.uuid == case_uuid)).first()
    if case is None:
        raise CaseError(Message("Ärendet finns inte längre", "The case no longer exists"))
    return case


def update_case(session: Session, case_uuid: str, data: CaseInput, actor: str = "") -> None:
    case = get_case(session, case_uuid)
    round_ = session.get(Round, case.round_id)
    assert round_ is not None
    checked = check_case(round_definition(session, round_), data)
    _refuse_duplicate_code(session, case.round_id, checked.case_code, except_id=case.id)
    changes = {
        field: [str(getattr(case, field)), str(getattr(checked, field))]
        for field in ("case_code", "sex", "age_band", "unit")
        if getattr(case, field) != getattr(checked, field)
    }
    if not changes:
        return
    review_ids = session.exec(select(Review.id).where(Review.case_id == case.id)).all()
    with answer_counts.recounted(session, [i for i in review_ids if i is not None]):
        case.case_code, case.sex, case.age_band = checked.case_code, checked.sex, checked.age_band
        case.unit = checked.unit
        session.add(case)
    audit.record(session, actor, "case", case.uuid, "update", changes=changes)
    session.commit()


def delete_case(session: Session, case_uuid: str, actor: str = "") -> None:
    """Removes the case with its reviews and answers; the audit event keeps what was removed and by whom."""
    case = get_case(session, case_uuid)
    review_ids = session.exec(select(Review.id).where(Review.case_id == case.id)).all()
    answers = 0
    if review_ids:
        answers = session.exec(select(func.count()).where(col(Answer.review_id).in_(review_ids))).one()
        with answer_counts.recounted(session, [i for i in review_ids if i is not None]):
            session.execute(delete(Answer).where(col(Answer.review_id).in_(review_ids)))
            session.execute(delete(Review).where(col(Review.id).in_(review_ids)))
    round_ = session.get(Round, case.round_id)
    audit.record(
        session,
        actor,
        "case",
        case.uuid,
        "delete",
        case_code=case.case_code,
        round=round_.uuid if round_ is not None else None,
        reviews=len(review_ids),
        answers=answers,
    )
    session.execute(delete(TrainingCaseText).where(col(TrainingCaseText.case_id) == case.id))
    session.delete(case)
    session.commit()


_STATUS_RANK = sql_case(
    (col(Review.status) == ReviewStatus.COMPLETE.value, 2),
    (col(Review.status) == ReviewStatus.IN_PROGRESS.value, 1),
    else_=0,
)
_RANKED = (CaseStatus.NOT_STARTED, CaseStatus.IN_PROGRESS, CaseStatus.COMPLETE)


def list_cases(session: Session, round_uuid: str) -> list[CaseRow]:
    """All cases of a round as light rows, in one query, so a round of 100 000 cases opens quickly."""
    round_ = get_round(session, round_uuid)
    with collector_paused():
        return _case_rows(session, round_.id)


def _case_rows(session: Session, round_id: int | None) -> list[CaseRow]:
    rows = session.execute(
        sql_select(
            col(Case.uuid),
            col(Case.case_code),
            col(Case.sex),
            col(Case.age_band),
            col(Case.unit),
            func.max(_STATUS_RANK),
        )
        .select_from(Case)
        .outerjoin(Review, col(Review.case_id) == col(Case.id))
        .where(col(Case.round_id) == round_id)
        .group_by(col(Case.id))
        .order_by(col(Case.case_code))
    ).all()
    return [CaseRow(u, code, sex, band, unit, _RANKED[rank or 0]) for u, code, sex, band, unit, rank in rows]


def units_in_round(session: Session, round_uuid: str) -> list[str]:
    round_ = get_round(session, round_uuid)
    units = session.exec(
        select(Case.unit).where(Case.round_id == round_.id, col(Case.unit).is_not(None)).distinct()
    ).all()
    return sorted(u for u in units if u)
