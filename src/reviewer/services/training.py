"""Training packs in the database: listing the built-in and imported ones, importing a pack file, and making a
training round from a pack (its cases, each with its case text).

A pack is stored as it was read (its canonical JSON), so a round's facit never changes under it, not even when a
later program version ships a changed built-in pack. Training rounds are rounds of kind training: `services.rounds`
keeps them out of every real list, summary, export, report and exchange file (docs/training-packs.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.text import Message, ReviewerError
from reviewer.services import audit
from reviewer.services.checklists import definition_of
from reviewer.services.rounds import create_round
from reviewer.storage.models import (
    Case,
    ChecklistStatus,
    ChecklistVersion,
    Round,
    RoundKind,
    TrainingCaseText,
    TrainingPackRecord,
    TrainingRound,
)
from reviewer.training.loader import ChecklistLookup, builtin_packs, load_pack_file, parse_pack
from reviewer.training.schema import TrainingPack

TRAINING_PERIOD = "Utbildning"
MAX_ROUND_NAME = 200


class TrainingError(ReviewerError):
    pass


@dataclass(frozen=True)
class PackSummary:
    slug: str
    version: int
    title: Message
    area: str
    checklist: str
    case_count: int
    feedback: str
    builtin: bool
    round_names: tuple[str, ...]


@dataclass(frozen=True)
class ImportedPack:
    pack: TrainingPack
    round_name: str
    already_imported: bool


def checklist_lookup(session: Session, retired_too: bool = False) -> ChecklistLookup:
    """Looks up a published checklist version in the database (or a retired one, for a pack stored before it was
    retired), parsing each once."""
    parsed: dict[tuple[str, int], ChecklistDefinition | None] = {}
    statuses = (ChecklistStatus.PUBLISHED, ChecklistStatus.RETIRED) if retired_too else (ChecklistStatus.PUBLISHED,)

    def lookup(slug: str, version: int) -> ChecklistDefinition | None:
        if (slug, version) not in parsed:
            row = _published(session, slug, version, statuses)
            parsed[(slug, version)] = definition_of(row) if row is not None else None
        return parsed[(slug, version)]

    return lookup


def _published(
    session: Session, slug: str, version: int, statuses: tuple[ChecklistStatus, ...] = (ChecklistStatus.PUBLISHED,)
) -> ChecklistVersion | None:
    return session.exec(
        select(ChecklistVersion).where(
            ChecklistVersion.slug == slug,
            ChecklistVersion.version == version,
            col(ChecklistVersion.status).in_(statuses),
        )
    ).first()


def builtin_training_packs(session: Session) -> list[TrainingPack]:
    """The packs shipped with the program, read against the checklists here (a retired one still reads)."""
    return builtin_packs(checklist_lookup(session, retired_too=True))


def stored_pack(record: TrainingPackRecord, lookup: ChecklistLookup) -> TrainingPack:
    return parse_pack(record.definition_json, f"{record.slug}@{record.version}", lookup, "json")


def list_packs(session: Session) -> list[PackSummary]:
    """The built-in packs, then the imported ones, each with the training rounds made from it."""
    rounds: dict[int, list[str]] = {}
    for pack_id, name in session.exec(
        select(TrainingRound.pack_id, Round.name)
        .join(Round, col(Round.id) == col(TrainingRound.round_id))
        .order_by(col(Round.name))
    ):
        if pack_id is not None:
            rounds.setdefault(pack_id, []).append(name)
    records = {(r.slug, r.version): r for r in session.exec(select(TrainingPackRecord))}
    builtins = builtin_training_packs(session)
    builtin_refs = {(p.slug, p.version) for p in builtins}
    lookup = checklist_lookup(session, retired_too=True)
    imported = [
        stored_pack(r, lookup) for key, r in sorted(records.items()) if key not in builtin_refs and not r.builtin
    ]

    def summary(pack: TrainingPack, builtin: bool) -> PackSummary:
        record = records.get((pack.slug, pack.version))
        names = tuple(rounds.get(record.id, [])) if record is not None and record.id is not None else ()
        return PackSummary(
            pack.slug,
            pack.version,
            Message(pack.title.text("sv"), pack.title.text("en")),
            pack.area.value,
            f"{pack.checklist.slug}@{pack.checklist.version}",
            len(pack.cases),
            pack.feedback.value,
            builtin,
            names,
        )

    return [summary(p, True) for p in builtins] + [summary(p, False) for p in imported]


def import_pack(session: Session, path: Path, actor: str = "") -> ImportedPack:
    """Validates the pack file, stores it and makes its training round; the same pack again changes nothing."""
    pack = load_pack_file(Path(path), checklist_lookup(session))
    if any((p.slug, p.version) == (pack.slug, pack.version) for p in builtin_training_packs(session)):
        raise TrainingError(
            Message(
                f"Paketet {pack.slug} version {pack.version} är ett inbyggt paket och kan inte importeras",
                f"The pack {pack.slug} version {pack.version} is a built-in pack and cannot be imported",
            )
        )
    existing = _record(session, pack)
    if existing is not None:
        names = [
            name
            for (name,) in session.execute(
                select(Round.name)
                .join(TrainingRound, col(TrainingRound.round_id) == col(Round.id))
                .where(TrainingRound.pack_id == existing.id)
                .order_by(col(Round.name))
            )
        ]
        return ImportedPack(pack, names[0] if names else "", already_imported=True)
    record = _store(session, pack, builtin=False, actor=actor)
    round_ = _make_round(session, pack, record, actor)
    session.commit()
    return ImportedPack(pack, round_.name, already_imported=False)


def start_training_round(session: Session, pack: TrainingPack, builtin: bool, actor: str = "") -> Round:
    """A new training round of the pack's cases (a built-in pack is stored first, as it is now)."""
    record = _record(session, pack) or _store(session, pack, builtin=builtin, actor=actor)
    round_ = _make_round(session, pack, record, actor)
    session.commit()
    session.refresh(round_)
    return round_


def _record(session: Session, pack: TrainingPack) -> TrainingPackRecord | None:
    """The stored pack of the same slug and version; refuses one whose content differs."""
    record = session.exec(
        select(TrainingPackRecord).where(
            TrainingPackRecord.slug == pack.slug, TrainingPackRecord.version == pack.version
        )
    ).first()
    if record is not None and record.sha256 != pack.sha256():
        raise TrainingError(
            Message(
                f"Ett annat paket {pack.slug} version {pack.version} finns redan; ge det nya paketet ett högre "
                "versionsnummer",
                f"Another pack {pack.slug} version {pack.version} is already here; give the new pack a higher "
                "version number",
            )
        )
    return record


def _store(session: Session, pack: TrainingPack, builtin: bool, actor: str) -> TrainingPackRecord:
    checklist = _published(session, pack.checklist.slug, pack.checklist.version)
    if checklist is None or checklist.id is None:
        ref = f"{pack.checklist.slug}@{pack.checklist.version}"
        raise TrainingError(
            Message(
                f"Checklistan {ref} är inte publicerad här, så paketet kan inte användas",
                f"The checklist {ref} is not published here, so the pack cannot be used",
            )
        )
    record = TrainingPackRecord(
        slug=pack.slug,
        version=pack.version,
        title=pack.title.text("sv")[:200],
        area=pack.area.value,
        checklist_version_id=checklist.id,
        builtin=builtin,
        definition_json=pack.canonical_json(),
        sha256=pack.sha256(),
    )
    session.add(record)
    audit.record(
        session,
        actor,
        "training_pack",
        record.uuid,
        "store" if builtin else "import",
        slug=pack.slug,
        version=pack.version,
        title=record.title,
    )
    session.flush()
    return record


def _round_name(session: Session, pack: TrainingPack) -> str:
    base = f"Utbildning: {pack.title.text('sv')} (v{pack.version})"[: MAX_ROUND_NAME - 6]
    taken = set(session.exec(select(Round.name).where(col(Round.name).startswith(base))).all())
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base} ({number})"
    return name


def _make_round(session: Session, pack: TrainingPack, record: TrainingPackRecord, actor: str) -> Round:
    checklist = session.get(ChecklistVersion, record.checklist_version_id)
    assert checklist is not None
    round_ = create_round(
        session,
        _round_name(session, pack),
        checklist,
        TRAINING_PERIOD,
        RoundKind.TRAINING,
        True,
        actor=actor,
        commit=False,
    )
    assert round_.id is not None
    session.add(TrainingRound(round_id=round_.id, pack_id=record.id))
    for training_case in pack.cases:
        case = Case(
            round_id=round_.id, case_code=training_case.code, sex=training_case.sex, age_band=training_case.age_band
        )
        session.add(case)
        session.flush()
        assert case.id is not None
        session.add(TrainingCaseText(case_id=case.id, text=training_case.text))
        audit.record(session, actor, "case", case.uuid, "create", round=round_.uuid)
    session.flush()
    return round_


def pack_of_round(session: Session, round_uuid: str) -> TrainingPack | None:
    """The pack a training round was made from, as stored; None for a real round or one made by hand."""
    record = session.exec(
        select(TrainingPackRecord)
        .join(TrainingRound, col(TrainingRound.pack_id) == col(TrainingPackRecord.id))
        .join(Round, col(Round.id) == col(TrainingRound.round_id))
        .where(Round.uuid == round_uuid)
    ).first()
    return stored_pack(record, checklist_lookup(session, retired_too=True)) if record is not None else None


def case_text(session: Session, case_uuid: str) -> str | None:
    """The text a participant reads for a training case; None for a real case, which never holds one."""
    return session.exec(
        select(TrainingCaseText.text)
        .join(Case, col(Case.id) == col(TrainingCaseText.case_id))
        .where(Case.uuid == case_uuid)
    ).first()
