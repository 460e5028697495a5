"""Drawing a round's cases from the case system's list, in one transaction, and recording how on the round."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from reviewer.domain.sampling import SAMPLING_METHOD, Design, Draw, SamplingError, draw
from reviewer.domain.sex import Subject
from reviewer.domain.text import Message
from reviewer.services import audit
from reviewer.services.cases import CaseInput, check_case, round_definition
from reviewer.services.rounds import get_round, require_real_rounds
from reviewer.services.sampling.case_list import read_case_list
from reviewer.storage.models import Case, utcnow


@dataclass(frozen=True)
class SampleSummary:
    round_name: str
    file_name: str
    listed: int  # rows of the list
    eligible: int  # rows within the period, if one was given
    result: Draw
    subject: Subject


def sample_round(
    session: Session,
    round_uuid: str,
    path: Path,
    design: Design,
    actor: str = "",
    decided_from: dt.date | None = None,
    decided_to: dt.date | None = None,
) -> SampleSummary:
    """The round's cases, drawn from the list at `path`; refused whole (nothing written) on any problem."""
    require_real_rounds(session, [round_uuid])
    round_ = get_round(session, round_uuid)
    assert round_.id is not None
    existing = session.exec(select(func.count()).select_from(Case).where(Case.round_id == round_.id)).one()
    if existing:
        raise SamplingError(
            Message(
                f"Omgången {round_.name} har redan {existing} ärenden; ett urval dras till en tom omgång",
                f"The round {round_.name} already has {existing} cases; a sample is drawn into an empty round",
            )
        )
    definition = round_definition(session, round_)
    listed = read_case_list(path, definition, decided_from, decided_to)
    result = draw(listed.candidates, design)
    uuids: dict[str, str] = {}
    try:
        for candidate in result.cases:
            checked = check_case(
                definition, CaseInput(candidate.code, candidate.sex, candidate.age_band, candidate.unit)
            )
            case = Case(
                round_id=round_.id,
                case_code=checked.case_code,
                sex=checked.sex,
                age_band=checked.age_band,
                unit=checked.unit,
            )
            session.add(case)
            uuids[candidate.code] = case.uuid
    except Exception:
        session.rollback()
        raise
    record = sampling_record(
        result, listed.sha256, len(listed.candidates), listed.rows, uuids, decided_from, decided_to
    )
    round_.sampling_json = json.dumps(record, ensure_ascii=False, sort_keys=True)
    session.add(round_)
    audit.record(
        session,
        actor,
        "round",
        round_.uuid,
        "sample",
        cases=len(result.cases),
        seed=design.seed,
        list_sha256=listed.sha256,
    )
    session.commit()
    return SampleSummary(round_.name, listed.file_name, listed.rows, len(listed.candidates), result, definition.subject)


def sampling_record(
    result: Draw,
    list_sha256: str,
    eligible: int,
    rows: int,
    uuids: dict[str, str],
    decided_from: dt.date | None,
    decided_to: dt.date | None,
) -> dict[str, Any]:
    """What the round keeps: enough to explain the sample and draw it again from the same list, nothing of the
    cases that were not drawn (case uuids, never codes, for the assignments)."""
    design = asdict(result.design)
    design["allocation"] = result.design.allocation.value
    design["reviewers"] = list(result.design.reviewers)
    return {
        "format_version": 1,
        "method": SAMPLING_METHOD,
        "design": design,
        "list": {"sha256": list_sha256, "rows": rows, "eligible": eligible},
        "period": {
            "decided_from": decided_from.isoformat() if decided_from else None,
            "decided_to": decided_to.isoformat() if decided_to else None,
        },
        "strata": [
            {"unit": s.unit, "group": s.group.value, "available": s.available, "drawn": s.drawn} for s in result.strata
        ],
        "assignments": {uuids[code]: list(reviewers) for code, reviewers in result.assignments.items()},
        "drawn_at": utcnow().isoformat(),
    }
