"""A participant's training answers as an exchange file: the same format as a real exchange file, its one round of
kind training carrying the pack (slug and version) it was made from, so that the facilitator can read the answers
against the pack's facit (`services.training_agreement`, docs/training-packs.md "Facilitator").

The real export refuses training rounds and the real import refuses a file holding one; this is the only way a
training round leaves the program, and the facilitator's analysis the only place such a file is read.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from reviewer.domain.text import Message
from reviewer.services.exchange.export import ExportSummary, rounds_content, write_exchange_file
from reviewer.services.memory import collector_paused
from reviewer.services.rounds import get_round
from reviewer.services.training import TrainingError, pack_of_round
from reviewer.storage.models import RoundKind


def export_training_answers(
    session: Session, round_uuid: str, path: Path, exported_by: str = "", passphrase: str | None = None
) -> ExportSummary:
    """Write the training round's cases and reviews to one exchange file; reads only."""
    round_ = get_round(session, round_uuid)
    if round_.kind is not RoundKind.TRAINING:
        raise TrainingError(
            Message(
                f"Omgången {round_.name} är ingen utbildningsomgång; riktiga omgångar exporteras med "
                "Exportera granskningar (reviewer exchange export)",
                f"The round {round_.name} is not a training round; real rounds are exported with Export reviews "
                "(reviewer exchange export)",
            )
        )
    pack = pack_of_round(session, round_.uuid)
    if pack is None:
        raise TrainingError(
            Message(
                f"Utbildningsomgången {round_.name} är inte gjord från ett utbildningspaket, så det finns inget facit "
                "att jämföra svaren med",
                f"The training round {round_.name} was not made from a training pack, so there is no facit to "
                "compare the answers with",
            )
        )
    with collector_paused():
        content = rounds_content(session, [round_], {round_.uuid: (pack.slug, pack.version)})
    session.rollback()
    return write_exchange_file(Path(path), content, passphrase, exported_by)
