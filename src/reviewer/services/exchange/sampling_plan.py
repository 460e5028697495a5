"""What an import does with the sampling records of the rounds in a file (docs/exchange-format.md, "Sampling").

A round here without one takes the file's (the unit chief drew the sample and sent the round out; the caseworker's
copy gets it). A round here with the same record keeps it. A round here with a *different* record keeps its own,
and the import summary says so: the record explains how this round's cases were chosen here, which a file cannot
change after the fact, while the file's reviews are still worth importing – so the file is not refused for it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select as sql_select
from sqlmodel import Session, col

from reviewer.services.exchange.format import RoundRecord
from reviewer.services.exchange.plan import FilePlan, _CaseInfo, _RoundInfo
from reviewer.services.sampling.record import record_from_dict, record_to_dict
from reviewer.storage.models import Round


def normalised(data: dict[str, Any]) -> dict[str, Any]:
    """The record in the one form it is stored and compared in."""
    return record_to_dict(record_from_dict(data))


class SamplingPlanner:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.filled: list[_RoundInfo] = []  # rounds here that take a file's record

    def _here(self, round_: _RoundInfo) -> dict[str, Any] | None:
        if round_.db_id is not None and not round_.sampling_loaded:
            round_.sampling_loaded = True
            stored = self.session.execute(
                sql_select(col(Round.sampling_json)).where(col(Round.id) == round_.db_id)
            ).scalar_one()
            round_.sampling = normalised(json.loads(stored)) if stored is not None else None
        return round_.sampling

    def add(self, plan: FilePlan, rounds: dict[str, _RoundInfo], cases: dict[str, _CaseInfo]) -> None:
        for record in plan.file.content.rounds:
            if record.sampling is not None:
                self._round(plan, record, rounds[record.uuid], cases)

    def _round(self, plan: FilePlan, record: RoundRecord, round_: _RoundInfo, cases: dict[str, _CaseInfo]) -> None:
        assert record.sampling is not None
        incoming = normalised(record.sampling.model_dump(mode="json", by_alias=True))
        # the file's case uuids → the cases they are here (a case matched by its code keeps the uuid it has here)
        incoming["assignments"] = {cases[uuid].uuid: names for uuid, names in incoming["assignments"].items()}
        here = self._here(round_)
        if here is None:
            round_.sampling = incoming
            if round_.db_id is not None:
                self.filled.append(round_)
                plan.sampling_taken.append(round_.name)
        elif here != incoming:
            plan.sampling_kept.append(round_.name)
