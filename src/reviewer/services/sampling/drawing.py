"""Drawing a round's cases from the case system's list, in one transaction, and recording how on the round."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.sampling import Design, Draw, SamplingError, draw
from reviewer.domain.sex import Subject
from reviewer.domain.text import Message
from reviewer.services import audit
from reviewer.services.cases import CaseInput, check_case, round_definition
from reviewer.services.rounds import get_round, require_real_rounds
from reviewer.services.sampling.case_list import CaseList, read_case_list
from reviewer.services.sampling.record import SamplingRecord, record_of, record_to_json
from reviewer.storage.models import Case, Round


@dataclass(frozen=True)
class RoundList:
    """The case system's list read for an empty round: what a preview draws from, again and again, without reading
    the file each time the design changes."""

    round_name: str
    subject: Subject
    listed: CaseList
    decided_from: dt.date | None = None
    decided_to: dt.date | None = None


@dataclass(frozen=True)
class SampleSummary:
    round_name: str
    file_name: str
    listed: int  # rows of the list
    eligible: int  # rows within the period, if one was given
    result: Draw
    subject: Subject
    record: SamplingRecord


def read_round_list(
    session: Session,
    round_uuid: str,
    path: Path,
    decided_from: dt.date | None = None,
    decided_to: dt.date | None = None,
) -> RoundList:
    """The list at `path`, checked against the round's checklist; refused when the round cannot take a sample."""
    round_, definition = _empty_round(session, round_uuid)
    listed = read_case_list(path, definition, decided_from, decided_to)
    return RoundList(round_.name, definition.subject, listed, decided_from, decided_to)


def preview_sample(source: RoundList, design: Design) -> SampleSummary:
    """What drawing would give, written nowhere; the record names the cases by their codes (it is never stored)."""
    result = draw(source.listed.candidates, design)
    return _summary(source, result, {c.code: c.code for c in result.cases})


def sample_round(
    session: Session,
    round_uuid: str,
    path: Path,
    design: Design,
    actor: str = "",
    decided_from: dt.date | None = None,
    decided_to: dt.date | None = None,
    expected_sha256: str | None = None,
) -> SampleSummary:
    """The round's cases, drawn from the list at `path`; refused whole (nothing written) on any problem, including
    a list that is no longer the one previewed (`expected_sha256`)."""
    round_, definition = _empty_round(session, round_uuid)
    assert round_.id is not None
    listed = read_case_list(path, definition, decided_from, decided_to)
    source = RoundList(round_.name, definition.subject, listed, decided_from, decided_to)
    if expected_sha256 is not None and source.listed.sha256 != expected_sha256:
        raise SamplingError(
            Message(
                f"Listan {source.listed.file_name} har ändrats sedan förhandsvisningen. Inget urval har dragits; "
                "titta på förhandsvisningen igen.",
                f"The list {source.listed.file_name} has changed since the preview. No sample was drawn; look at the "
                "preview again.",
            )
        )
    result = draw(source.listed.candidates, design)
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
    summary = _summary(source, result, uuids)
    round_.sampling_json = record_to_json(summary.record)
    session.add(round_)
    audit.record(
        session,
        actor,
        "round",
        round_.uuid,
        "sample",
        cases=len(result.cases),
        seed=design.seed,
        list_sha256=source.listed.sha256,
    )
    session.commit()
    return summary


def _empty_round(session: Session, round_uuid: str) -> tuple[Round, ChecklistDefinition]:
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
    return round_, round_definition(session, round_)


def _summary(source: RoundList, result: Draw, case_keys: dict[str, str]) -> SampleSummary:
    listed = source.listed
    record = record_of(
        result,
        listed.file_name,
        listed.sha256,
        listed.rows,
        len(listed.candidates),
        case_keys,
        source.decided_from,
        source.decided_to,
    )
    return SampleSummary(
        source.round_name, listed.file_name, listed.rows, len(listed.candidates), result, source.subject, record
    )
