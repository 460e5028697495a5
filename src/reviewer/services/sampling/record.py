"""The sampling record a round keeps (`review_round.sampling_json`), as a typed value: what the CLI prints after a
draw, the GUI's "Om urvalet", the case list's reviewer column and the exchange file all read it from here."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlmodel import Session

from reviewer.domain.sampling import SAMPLING_METHOD, Allocation, Design, Draw, Stratum
from reviewer.domain.sex import SexGroup
from reviewer.services.rounds import get_round
from reviewer.storage.models import utcnow

RECORD_VERSION = 1


@dataclass(frozen=True)
class SamplingRecord:
    method: str
    design: Design
    list_name: str | None  # the list's file name (redacted); None in records written before it was kept
    list_sha256: str
    list_rows: int
    eligible: int
    decided_from: dt.date | None
    decided_to: dt.date | None
    strata: tuple[Stratum, ...]
    assignments: dict[str, tuple[str, ...]]  # case uuid → its reviewers (two for a double-reviewed case)
    drawn_at: dt.datetime

    @property
    def drawn(self) -> int:
        return sum(s.drawn for s in self.strata)

    @property
    def double_reviewed(self) -> int:
        return sum(1 for reviewers in self.assignments.values() if len(reviewers) > 1)


def record_of(
    result: Draw,
    list_name: str,
    list_sha256: str,
    rows: int,
    eligible: int,
    case_keys: dict[str, str],
    decided_from: dt.date | None = None,
    decided_to: dt.date | None = None,
    drawn_at: dt.datetime | None = None,
) -> SamplingRecord:
    """The record of a draw; `case_keys` maps a drawn case code to what the record names it by (its uuid once stored,
    the code itself in a preview, which is never stored)."""
    return SamplingRecord(
        method=SAMPLING_METHOD,
        design=result.design,
        list_name=list_name,
        list_sha256=list_sha256,
        list_rows=rows,
        eligible=eligible,
        decided_from=decided_from,
        decided_to=decided_to,
        strata=result.strata,
        assignments={case_keys[code]: reviewers for code, reviewers in result.assignments.items()},
        drawn_at=drawn_at or utcnow(),
    )


def record_to_dict(record: SamplingRecord) -> dict[str, Any]:
    """What the round keeps: enough to explain the sample and draw it again from the same list, nothing of the cases
    that were not drawn (case uuids, never codes, for the assignments)."""
    design = asdict(record.design)
    design["allocation"] = record.design.allocation.value
    design["reviewers"] = list(record.design.reviewers)
    listed: dict[str, Any] = {"sha256": record.list_sha256, "rows": record.list_rows, "eligible": record.eligible}
    if record.list_name is not None:
        listed["name"] = record.list_name
    return {
        "format_version": RECORD_VERSION,
        "method": record.method,
        "design": design,
        "list": listed,
        "period": {
            "decided_from": record.decided_from.isoformat() if record.decided_from else None,
            "decided_to": record.decided_to.isoformat() if record.decided_to else None,
        },
        "strata": [
            {"unit": s.unit, "group": s.group.value, "available": s.available, "drawn": s.drawn} for s in record.strata
        ],
        "assignments": {uuid: list(reviewers) for uuid, reviewers in record.assignments.items()},
        "drawn_at": record.drawn_at.isoformat(),
    }


def record_to_json(record: SamplingRecord) -> str:
    return json.dumps(record_to_dict(record), ensure_ascii=False, sort_keys=True)


def record_from_dict(data: dict[str, Any]) -> SamplingRecord:
    """The record as stored or as an exchange file carries it (already checked against the file format there)."""
    design = data["design"]
    period = data.get("period") or {}
    listed = data["list"]
    return SamplingRecord(
        method=data["method"],
        design=Design(
            allocation=Allocation(design["allocation"]),
            size=int(design["size"]),
            seed=int(design["seed"]),
            by_unit=bool(design["by_unit"]),
            double_share=float(design["double_share"]),
            reviewers=tuple(design["reviewers"]),
        ),
        list_name=listed.get("name"),
        list_sha256=listed["sha256"],
        list_rows=int(listed["rows"]),
        eligible=int(listed["eligible"]),
        decided_from=_date(period.get("decided_from")),
        decided_to=_date(period.get("decided_to")),
        strata=tuple(
            Stratum(s["unit"], SexGroup(s["group"]), int(s["available"]), int(s["drawn"])) for s in data["strata"]
        ),
        assignments={uuid: tuple(reviewers) for uuid, reviewers in data["assignments"].items()},
        drawn_at=dt.datetime.fromisoformat(data["drawn_at"]),
    )


def record_from_json(text: str | None) -> SamplingRecord | None:
    return None if text is None else record_from_dict(json.loads(text))


def sampling_of(session: Session, round_uuid: str) -> SamplingRecord | None:
    """How the round's cases were drawn; None when they were entered or imported otherwise."""
    return record_from_json(get_round(session, round_uuid).sampling_json)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
