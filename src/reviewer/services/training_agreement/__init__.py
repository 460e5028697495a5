"""The facilitator's analysis of a training session: the participants' training exchange files, read without
storing them, against the pack's facit – per question how alike the participants answered (Fleiss' kappa) and per
participant how alike the facit (Cohen's kappa). docs/training-packs.md, "Facilitator"; the JSON form is in
docs/agreement-format.md."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from sqlmodel import Session

from reviewer.services.training_agreement.analysis import analyse
from reviewer.services.training_agreement.facit import find_pack
from reviewer.services.training_agreement.files import SessionFiles, read_session
from reviewer.services.training_agreement.model import (
    AnswerCount,
    CaseAnswers,
    ParticipantResult,
    QuestionResult,
    TrainingAgreement,
    TrainingAgreementError,
)


def training_agreement(
    session: Session,
    paths: Sequence[Path],
    passphrase: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> TrainingAgreement:
    """Read the files (nothing is stored) and measure them against the pack they name; reads the database only to
    find the pack."""
    files = read_session(paths, passphrase)
    pack = find_pack(session, files.pack.slug, files.pack.version)
    session.rollback()
    return analyse(files, pack, progress)


__all__ = [
    "AnswerCount",
    "CaseAnswers",
    "ParticipantResult",
    "QuestionResult",
    "SessionFiles",
    "TrainingAgreement",
    "TrainingAgreementError",
    "analyse",
    "find_pack",
    "read_session",
    "training_agreement",
]
