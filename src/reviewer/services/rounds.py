"""Review rounds (granskningsomgångar): creating, renaming, archiving, and listing them with their progress.

Training rounds (kind training, made from a training pack) never mix with real ones: `list_rounds` lists one kind,
and every service that reads real data for a summary, an export, a report or an exchange file calls
`require_real_rounds` first, whatever the caller passes (docs/training-packs.md, "Isolation").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from reviewer.domain.personnummer import guard_text
from reviewer.domain.text import Message, ReviewerError
from reviewer.services import audit
from reviewer.services.lexicon import current_version_id
from reviewer.storage.models import Case, ChecklistStatus, ChecklistVersion, Review, ReviewStatus, Round, RoundKind

NAME_FIELD = Message("Omgångens namn", "Round name")
PERIOD_FIELD = Message("Period", "Period")


class RoundError(ReviewerError):
    pass


class TrainingRoundRefusedError(RoundError):
    """A training round was given where only real rounds may go (a summary, export, report or exchange file)."""

    def __init__(self) -> None:
        super().__init__(
            Message(
                "En utbildningsomgång kan inte användas här: övningsärenden blandas aldrig med riktiga granskningar "
                "i sammanställningar, exporter, rapporter eller utväxlingsfiler",
                "A training round cannot be used here: practice cases never mix with real reviews in summaries, "
                "exports, reports or exchange files",
            )
        )


def require_real_rounds(session: Session, round_uuids: Sequence[str]) -> None:
    """Refuses when any of the rounds is a training round; unknown uuids are left to the caller's own message."""
    if not round_uuids:
        return
    training = session.exec(
        select(Round.id).where(col(Round.uuid).in_(list(round_uuids)), Round.kind == RoundKind.TRAINING)
    ).first()
    if training is not None:
        raise TrainingRoundRefusedError()


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
    baseline_name: str | None = None
    checklist_title: str = ""

    @property
    def real(self) -> bool:
        """A round of real cases: neither a training round nor fictitious demo data."""
        return self.kind is RoundKind.REAL and not self.fictitious

    @property
    def checklist_name(self) -> str:
        """What the user calls the checklist: its title and version, never the internal slug."""
        return f"{self.checklist_title or self.checklist_slug} (v{self.checklist_version})"


def _clean_name(session: Session, name: str, except_id: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise RoundError(Message("Omgången behöver ett namn", "The round needs a name"))
    if len(name) > 200:
        raise RoundError(Message("Namnet är för långt (högst 200 tecken)", "The name is too long (200 characters)"))
    guard_text(name, NAME_FIELD)
    clash = session.exec(select(Round.id).where(Round.name == name)).first()
    if clash is not None and clash != except_id:
        raise RoundError(
            Message(f"Det finns redan en omgång som heter '{name}'", f"There is already a round called '{name}'")
        )
    return name


def get_round(session: Session, round_uuid: str) -> Round:
    round_ = session.exec(select(Round).where(Round.uuid == round_uuid)).first()
    if round_ is None:
        raise RoundError(Message("Omgången finns inte längre", "The round no longer exists"))
    return round_


def find_round_by_name(session: Session, name: str) -> Round:
    round_ = session.exec(select(Round).where(Round.name == name.strip())).first()
    if round_ is None:
        raise RoundError(Message(f"Det finns ingen omgång som heter '{name}'", f"There is no round called '{name}'"))
    return round_


def create_round(
    session: Session,
    name: str,
    checklist: ChecklistVersion,
    period_label: str,
    kind: RoundKind = RoundKind.REAL,
    fictitious: bool = False,
    baseline_uuid: str | None = None,
    actor: str = "",
    *,
    commit: bool = True,
) -> Round:
    """The new round; `commit=False` leaves the transaction open for a caller that adds more to it (its cases)."""
    name = _clean_name(session, name)
    period = " ".join(period_label.split())
    if len(period) > 40:
        raise RoundError(Message("Perioden är för lång (högst 40 tecken)", "The period is too long (40 characters)"))
    guard_text(period, PERIOD_FIELD)
    if checklist.status is not ChecklistStatus.PUBLISHED:
        raise RoundError(
            Message(
                "En omgång kan bara använda en publicerad checklista",
                "A round can only use a published checklist",
            )
        )
    baseline_id = None
    if baseline_uuid is not None:
        baseline = get_round(session, baseline_uuid)
        if baseline.kind is not kind:
            raise RoundError(
                Message(
                    "En utbildningsomgång och en riktig omgång kan inte jämföras med varandra",
                    "A training round and a real round cannot be compared with each other",
                )
            )
        if baseline.area != checklist.area:
            raise RoundError(
                Message(
                    "Jämförelseomgången måste gälla samma område",
                    "The baseline round must be of the same area",
                )
            )
        baseline_id = baseline.id
    assert checklist.id is not None
    round_ = Round(
        name=name,
        area=checklist.area,
        checklist_version_id=checklist.id,
        period_label=period,
        kind=kind,
        fictitious=fictitious,
        baseline_round_id=baseline_id,
        lexicon_version_id=current_version_id(session),  # pinned: a later edit of the lexicon leaves its counts alone
    )
    session.add(round_)
    audit.record(
        session, actor, "round", round_.uuid, "create", name=name, checklist=f"{checklist.slug}@{checklist.version}"
    )
    if not commit:
        session.flush()
        return round_
    session.commit()
    session.refresh(round_)
    return round_


def rename_round(session: Session, round_uuid: str, new_name: str, actor: str = "") -> None:
    round_ = get_round(session, round_uuid)
    old = round_.name
    round_.name = _clean_name(session, new_name, except_id=round_.id)
    session.add(round_)
    audit.record(session, actor, "round", round_.uuid, "rename", old=old, new=round_.name)
    session.commit()


def set_archived(session: Session, round_uuid: str, archived: bool, actor: str = "") -> None:
    round_ = get_round(session, round_uuid)
    round_.archived = archived
    session.add(round_)
    audit.record(session, actor, "round", round_.uuid, "archive" if archived else "unarchive")
    session.commit()


def list_rounds(
    session: Session, include_archived: bool = True, kind: RoundKind = RoundKind.REAL
) -> list[RoundSummary]:
    """The rounds of one kind: real ones unless training rounds are asked for, never both."""
    case_counts = dict(session.exec(select(Case.round_id, func.count()).group_by(col(Case.round_id))).all())
    completed_counts = dict(
        session.exec(
            select(Case.round_id, func.count(func.distinct(Review.case_id)))
            .join(Review, col(Review.case_id) == col(Case.id))
            .where(Review.status == ReviewStatus.COMPLETE)
            .group_by(col(Case.round_id))
        ).all()
    )
    query = (
        select(Round, ChecklistVersion)
        .join(ChecklistVersion, col(Round.checklist_version_id) == col(ChecklistVersion.id))
        .where(Round.kind == kind)
        .order_by(col(Round.created_at).desc(), col(Round.name))
    )
    if not include_archived:
        query = query.where(col(Round.archived).is_(False))
    rows = session.exec(query).all()
    names = {r.id: r.name for r, _ in rows}
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
            baseline_name=names.get(r.baseline_round_id) if r.baseline_round_id else None,
            checklist_title=c.title,
        )
        for r, c in rows
    ]


def rounds_reviewed_by(session: Session, reviewer: str) -> set[str]:
    """The rounds in which `reviewer` has a review of their own: what a caseworker exports to the unit chief."""
    if not reviewer:
        return set()
    query = (
        select(Round.uuid)
        .join(Case, col(Case.round_id) == col(Round.id))
        .join(Review, col(Review.case_id) == col(Case.id))
        .where(Review.reviewer == reviewer)
        .distinct()
    )
    return set(session.exec(query).all())
