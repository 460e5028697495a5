"""Checklist versions in the database: adding, finding, and keeping published versions immutable."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func
from sqlmodel import Session, col, select

from reviewer.checklists.loader import builtin_checklists, parse_checklist
from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.text import Message, ReviewerError
from reviewer.storage.models import ChecklistStatus, ChecklistVersion, Round, utcnow


class ChecklistConflictError(ReviewerError):
    pass


class ChecklistNotFoundError(ReviewerError):
    pass


class ImportOutcome(StrEnum):
    CREATED = "created"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class ChecklistSummary:
    slug: str
    version: int
    area: str
    title: str
    status: ChecklistStatus
    builtin: bool
    question_count: int
    round_count: int


def _row_for(session: Session, slug: str, version: int) -> ChecklistVersion | None:
    return session.exec(
        select(ChecklistVersion).where(ChecklistVersion.slug == slug, ChecklistVersion.version == version)
    ).first()


def add_definition(
    session: Session,
    definition: ChecklistDefinition,
    status: ChecklistStatus = ChecklistStatus.PUBLISHED,
    builtin: bool = False,
) -> ImportOutcome:
    """Store a version; the same content twice is a no-op, different content under a taken version is refused."""
    existing = _row_for(session, definition.slug, definition.version)
    digest = definition.sha256()
    if existing is not None:
        if existing.sha256 == digest:
            return ImportOutcome.UNCHANGED
        raise ChecklistConflictError(
            Message(
                f"Checklistan {definition.slug} version {definition.version} finns redan med annat innehåll. "
                "Ge den nya versionen ett högre versionsnummer.",
                f"Checklist {definition.slug} version {definition.version} already exists with different content. "
                "Give the new version a higher version number.",
            )
        )
    session.add(
        ChecklistVersion(
            slug=definition.slug,
            version=definition.version,
            area=definition.area.value,
            title=definition.title.sv,
            status=status,
            builtin=builtin,
            definition_json=definition.canonical_json(),
            sha256=digest,
            published_at=utcnow() if status is ChecklistStatus.PUBLISHED else None,
        )
    )
    session.commit()
    return ImportOutcome.CREATED


def ensure_builtins(session: Session) -> int:
    """Add shipped checklist versions the database lacks; returns how many were added."""
    added = 0
    for definition in builtin_checklists():
        if _row_for(session, definition.slug, definition.version) is None:
            add_definition(session, definition, ChecklistStatus.PUBLISHED, builtin=True)
            added += 1
    return added


def list_checklists(session: Session) -> list[ChecklistSummary]:
    rounds_per_version = dict(
        session.exec(select(Round.checklist_version_id, func.count()).group_by(col(Round.checklist_version_id))).all()
    )
    rows = session.exec(select(ChecklistVersion).order_by(col(ChecklistVersion.slug), col(ChecklistVersion.version)))
    return [
        ChecklistSummary(
            slug=row.slug,
            version=row.version,
            area=row.area,
            title=row.title,
            status=row.status,
            builtin=row.builtin,
            question_count=len(definition_of(row).questions()),
            round_count=rounds_per_version.get(row.id or 0, 0),
        )
        for row in rows
    ]


def definition_of(row: ChecklistVersion) -> ChecklistDefinition:
    return parse_checklist(row.definition_json, f"{row.slug}@{row.version}", "json")


def parse_reference(reference: str) -> tuple[str, int | None]:
    """`slug` or `slug@version`."""
    slug, _, version = reference.partition("@")
    if version and not version.isdigit():
        raise ChecklistNotFoundError(
            Message(f"Ogiltigt versionsnummer i '{reference}'", f"Invalid version number in '{reference}'")
        )
    return slug, int(version) if version else None


def get_version(session: Session, slug: str, version: int | None = None) -> ChecklistVersion:
    """A given version, or the newest published one (the newest of any status if none is published)."""
    query = select(ChecklistVersion).where(ChecklistVersion.slug == slug)
    if version is not None:
        query = query.where(ChecklistVersion.version == version)
    rows = list(session.exec(query.order_by(col(ChecklistVersion.version).desc())))
    published = [r for r in rows if r.status is ChecklistStatus.PUBLISHED]
    if not rows:
        name = slug if version is None else f"{slug}@{version}"
        raise ChecklistNotFoundError(Message(f"Det finns ingen checklista '{name}'", f"There is no checklist '{name}'"))
    return (published or rows)[0]


def save_draft(session: Session, definition: ChecklistDefinition) -> None:
    """Create or replace a draft; a published or retired version is never changed."""
    existing = _row_for(session, definition.slug, definition.version)
    if existing is None:
        add_definition(session, definition, ChecklistStatus.DRAFT)
        return
    if existing.status is not ChecklistStatus.DRAFT:
        raise ChecklistConflictError(
            Message(
                f"{definition.slug} version {definition.version} är publicerad och kan inte ändras; "
                "skapa en ny version i stället.",
                f"{definition.slug} version {definition.version} is published and cannot be changed; "
                "create a new version instead.",
            )
        )
    existing.definition_json = definition.canonical_json()
    existing.sha256 = definition.sha256()
    existing.title = definition.title.sv
    existing.area = definition.area.value
    session.add(existing)
    session.commit()


def publish(session: Session, slug: str, version: int) -> None:
    row = get_version(session, slug, version)
    if row.status is not ChecklistStatus.DRAFT:
        raise ChecklistConflictError(
            Message(
                f"{slug} version {version} är inte ett utkast och kan inte publiceras igen",
                f"{slug} version {version} is not a draft and cannot be published again",
            )
        )
    row.status = ChecklistStatus.PUBLISHED
    row.published_at = utcnow()
    session.add(row)
    session.commit()
