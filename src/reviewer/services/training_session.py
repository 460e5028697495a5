"""What the participant's page asks of the database: the training rounds of a pack, and a new round of a pack
picked from the list (built-in or imported)."""

from __future__ import annotations

from sqlmodel import Session, select

from reviewer.domain.text import Message
from reviewer.services.rounds import list_rounds
from reviewer.services.training import (
    TrainingError,
    builtin_training_packs,
    checklist_lookup,
    start_training_round,
    stored_pack,
)
from reviewer.storage.models import Round, RoundKind, TrainingPackRecord


def training_round_uuids(session: Session) -> dict[str, str]:
    """Every training round's uuid by its name."""
    return {r.name: r.uuid for r in list_rounds(session, kind=RoundKind.TRAINING)}


def start_pack_round(session: Session, slug: str, version: int, actor: str = "") -> Round:
    """A new training round of the pack, whether it ships with the program or was imported."""
    builtin = next((p for p in builtin_training_packs(session) if (p.slug, p.version) == (slug, version)), None)
    if builtin is not None:
        return start_training_round(session, builtin, builtin=True, actor=actor)
    record = session.exec(
        select(TrainingPackRecord).where(TrainingPackRecord.slug == slug, TrainingPackRecord.version == version)
    ).first()
    if record is None:
        raise TrainingError(
            Message(
                f"Paketet {slug} version {version} finns inte här",
                f"The pack {slug} version {version} is not here",
            )
        )
    pack = stored_pack(record, checklist_lookup(session, retired_too=True))
    return start_training_round(session, pack, builtin=False, actor=actor)
