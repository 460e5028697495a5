"""The participants' training exchange files, read and checked without touching the database.

Every file must be a training exchange file (`reviewer training export-answers`): one round of kind training that
names its pack. All files must be for the same pack version and checklist version, and no file may be given twice.
Each reviewer of a file's completed reviews is one participant. Participants are numbered P1, P2, … in the order of
(the SHA-256 of the file's content, the reviewer name): the same files give the same numbers whatever their names or
the order they are given in, and a number says nothing about who is who.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reviewer.checklists.schema import ChecklistDefinition, Question, QuestionType
from reviewer.domain.text import Message
from reviewer.services.exchange import ExchangeFile, read_exchange
from reviewer.services.exchange.format import PackRef
from reviewer.services.training_agreement.model import Participant, TrainingAgreementError
from reviewer.storage.models import ReviewStatus, RoundKind


@dataclass(frozen=True)
class SessionFiles:
    """What the files hold in common, and their participants."""

    pack: PackRef
    checklist_ref: str
    definition: ChecklistDefinition
    participants: list[Participant]


def comparable(question: Question, value: Any) -> Hashable:
    """An answer as it is counted and compared: a set of chosen options as a sorted tuple (an empty set is no
    answer), a number as a float, anything else as it is."""
    if value is None:
        return None
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return tuple(sorted(str(v) for v in value)) if value else None
    if isinstance(value, int | float) and not isinstance(value, bool) and question.type is not QuestionType.SCALE:
        return float(value)
    return value  # type: ignore[no-any-return]


def _refuse(name: str, sv: str, en: str) -> TrainingAgreementError:
    return TrainingAgreementError(Message(f"Filen {name} {sv}", f"The file {name} {en}"))


def _training_round(file: ExchangeFile) -> tuple[PackRef, str]:
    rounds = file.content.rounds
    if len(rounds) != 1 or rounds[0].kind is not RoundKind.TRAINING or rounds[0].training_pack is None:
        raise _refuse(
            file.name,
            "är ingen utbildningsfil. Deltagarna exporterar sina svar med Exportera mina svar under Utbildning "
            "(reviewer training export-answers).",
            "is not a training exchange file. Participants export their answers with Export my answers under "
            "Training (reviewer training export-answers).",
        )
    return rounds[0].training_pack, rounds[0].checklist


def read_session(
    paths: Sequence[Path], passphrase: str | None = None, progress: Callable[[int, int], None] | None = None
) -> SessionFiles:
    """Read every file; refuses (naming the file) one that is not a training file, is for another pack or checklist
    version than the first, or is the same file as another."""
    if not paths:
        raise TrainingAgreementError(Message("Inga deltagarfiler angavs", "No participant files were given"))
    files: list[ExchangeFile] = []
    first: tuple[ExchangeFile, PackRef, str] | None = None
    seen: dict[str, str] = {}
    for index, path in enumerate(paths):
        file = read_exchange(Path(path), passphrase)
        pack, checklist = _training_round(file)
        if first is None:
            first = (file, pack, checklist)
        elif (pack, checklist) != first[1:]:
            raise _refuse(
                file.name,
                f"gäller paketet {pack.slug} version {pack.version} (checklistan {checklist}), men {first[0].name} "
                f"gäller {first[1].slug} version {first[1].version} (checklistan {first[2]}). En sammanställning "
                "gäller ett paket i taget.",
                f"is for the pack {pack.slug} version {pack.version} (checklist {checklist}), but {first[0].name} is "
                f"for {first[1].slug} version {first[1].version} (checklist {first[2]}). A summary is for one pack "
                "at a time.",
            )
        if file.file_sha256 in seen:
            raise _refuse(
                file.name,
                f"är samma fil som {seen[file.file_sha256]}; varje deltagares svar får bara räknas en gång.",
                f"is the same file as {seen[file.file_sha256]}; each participant's answers may count only once.",
            )
        seen[file.file_sha256] = file.name
        files.append(file)
        if progress is not None:
            progress(index + 1, len(paths))
    assert first is not None
    definition = first[0].definitions[first[2]]
    return SessionFiles(first[1], first[2], definition, _participants(files, definition))


def _participants(files: list[ExchangeFile], definition: ChecklistDefinition) -> list[Participant]:
    found: list[tuple[str, str, Participant]] = []
    for file in files:
        code_of = {case.uuid: case.case_code for case in file.content.cases}
        by_reviewer: dict[str, Participant] = {}
        for review in file.content.reviews:
            participant = by_reviewer.setdefault(review.reviewer, Participant("", review.reviewer, {}, {}, 0))
            if review.status is not ReviewStatus.COMPLETE:
                by_reviewer[review.reviewer] = replace(participant, incomplete=participant.incomplete + 1)
                continue
            code = code_of[review.case_uuid]
            participant.raw[code] = {key: answer["value"] for key, answer in review.answers.items()}
            participant.answers[code] = {
                key: comparable(question, value)
                for key, value in participant.raw[code].items()
                if (question := definition.question(key)) is not None
            }
        found += [(file.file_sha256, reviewer, participant) for reviewer, participant in by_reviewer.items()]
    found.sort(key=lambda f: (f[0], f[1]))
    return [replace(participant, label=f"P{number}") for number, (_, _, participant) in enumerate(found, start=1)]
