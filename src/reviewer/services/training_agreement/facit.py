"""The facit of a session: the pack the files name, built in or imported into this database, found by slug and
version."""

from __future__ import annotations

from sqlmodel import Session, select

from reviewer.domain.text import Message
from reviewer.services.training import builtin_training_packs, checklist_lookup, stored_pack
from reviewer.services.training_agreement.model import TrainingAgreementError
from reviewer.storage.models import TrainingPackRecord
from reviewer.training.schema import TrainingPack


def find_pack(session: Session, slug: str, version: int) -> TrainingPack:
    """The pack, as stored here when it was imported or used (so its facit is the one the participants had), else
    the built-in one; refuses a pack this program does not know."""
    record = session.exec(
        select(TrainingPackRecord).where(TrainingPackRecord.slug == slug, TrainingPackRecord.version == version)
    ).first()
    if record is not None:
        return stored_pack(record, checklist_lookup(session, retired_too=True))
    for pack in builtin_training_packs(session):
        if (pack.slug, pack.version) == (slug, version):
            return pack
    raise TrainingAgreementError(
        Message(
            f"Utbildningspaketet {slug} version {version} finns inte här, så det finns inget facit att jämföra "
            "svaren med. Importera paketet först (Utbildning, Importera paket… eller reviewer training import-pack).",
            f"The training pack {slug} version {version} is not here, so there is no facit to compare the answers "
            "with. Import the pack first (Training, Import pack… or reviewer training import-pack).",
        )
    )
