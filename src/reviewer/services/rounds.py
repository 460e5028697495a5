"""Review rounds (granskningsomgångar): creating them and listing them with their progress."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from reviewer.domain.text import Message, ReviewerError
from reviewer.storage.models import Case, ChecklistVersion, Review, ReviewStatus, Round, RoundKind


class RoundError(ReviewerError):
    pass


@dataclass(frozen=True)
class RoundSummary:
    uuid: str
    name: str
    area: str
    checklist_slug: str
    checklist_version: int
    period_label: str
    kind: RoundKind
    fictitious: bool
    archived: bool
    case_count: int
    completed_count: int


def create_round(
    session: Session,
    name: str,
    checklist: ChecklistVersion,
    period_label: str,
    kind: RoundKind = RoundKind.REAL,
    fictitious: bool = False,
) -> Round:
    name = name.strip()
    if not name:
        raise RoundError(Message("Omgången behöver ett namn", "The round needs a name"))
    if session.exec(select(Round.id).where(Round.name == name)).first() is not None:
        raise RoundError(
            Message(f"Det finns redan en omgång som heter '{name}'", f"There is already a round called '{name}'")
        )
    assert checklist.id is not None
    round_ = Round(
        name=name,
        area=checklist.area,
        checklist_version_id=checklist.id,
        period_label=period_label.strip(),
        kind=kind,
        fictitious=fictitious,
    )
    session.add(round_)
    session.commit()
    session.refresh(round_)
    return round_


def list_rounds(session: Session) -> list[RoundSummary]:
    case_counts = dict(session.exec(select(Case.round_id, func.count()).group_by(col(Case.round_id))).all())
    completed_counts = dict(
        session.exec(
            select(Case.round_id, func.count(func.distinct(Review.case_id)))
            .join(Review, col(Review.case_id) == col(Case.id))
            .where(Review.status == ReviewStatus.COMPLETE)
            .group_by(col(Case.round_id))
        ).all()
    )
    rows = session.exec(
        select(Round, ChecklistVersion)
        .join(ChecklistVersion, col(Round.checklist_version_id) == col(ChecklistVersion.id))
        .order_by(col(Round.created_at).desc(), col(Round.name))
    ).all()
    return [
        RoundSummary(
            uuid=r.uuid,
            name=r.name,
            area=r.area,
            checklist_slug=c.slug,
            checklist_version=c.version,
            period_label=r.period_label,
            kind=r.kind,
            fictitious=r.fictitious,
            archived=r.archived,
            case_count=case_counts.get(r.id or 0, 0),
            completed_count=completed_counts.get(r.id or 0, 0),
        )
        for r, c in rows
    ]
