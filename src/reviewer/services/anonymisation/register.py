"""The release register: every anonymised export and anonymised report that left the unit, kept in the database with
its selection and the figures it published, so that a new release is checked against the earlier ones of
overlapping selections (`domain.releases`). Aggregates only: rounds by uuid, name and period, a digest of the state
of their counted reviews, the unit filter, k, and per table the published counts and what a reader knows of the
hidden ones – no case, no case code, no reviewer.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from reviewer.domain.releases import Figure, Population, Release, ReleasedTable, overlapping
from reviewer.domain.sex import LEGACY_OTHER_UNKNOWN, Sex
from reviewer.services.anonymisation.model import AnonymisedResult
from reviewer.storage.models import Case, ReleaseRecord, Review, ReviewStatus, Round

KINDS = ("csv", "xlsx", "json", "pdf")

_CASE: sa.Table = Case.__table__  # type: ignore[attr-defined]
_REVIEW: sa.Table = Review.__table__  # type: ignore[attr-defined]
_ROUND: sa.Table = Round.__table__  # type: ignore[attr-defined]


def round_states(session: Session, round_uuids: Sequence[str]) -> dict[str, str]:
    """A digest per round of what its export counts: each completed review (the first per case) with its revision
    and its case's sex and unit. Equal digests: the same figures; different: the round changed in between."""
    first = _REVIEW.alias("first")
    query = (
        sa.select(_ROUND.c.uuid, _CASE.c.uuid, _CASE.c.sex, _CASE.c.unit, _REVIEW.c.uuid, _REVIEW.c.revision)
        .select_from(_REVIEW.join(_CASE, _CASE.c.id == _REVIEW.c.case_id).join(_ROUND, _ROUND.c.id == _CASE.c.round_id))
        .where(
            _ROUND.c.uuid.in_(list(round_uuids)),
            _REVIEW.c.status == ReviewStatus.COMPLETE.value,
            ~sa.exists().where(
                first.c.case_id == _REVIEW.c.case_id,
                first.c.status == ReviewStatus.COMPLETE.value,
                first.c.id < _REVIEW.c.id,
            ),
        )
    )
    lines: dict[str, list[str]] = {uuid: [] for uuid in round_uuids}
    for round_uuid, case_uuid, sex, *fields in session.execute(query):
        # okänt as the one value earlier versions stored for annat and okänt, which migration 0006 made okänt: a
        # digest recorded before they were told apart stays the same, and a case that becomes annat changes it
        shown = LEGACY_OTHER_UNKNOWN if sex == Sex.OKANT else sex
        lines[round_uuid].append("\t".join(str(f) for f in (case_uuid, shown, *fields)))
    return {uuid: hashlib.sha256("\n".join(sorted(found)).encode()).hexdigest() for uuid, found in lines.items()}


def current_population(session: Session, earlier: Sequence[Release], round_uuids: Sequence[str]) -> Population:
    """The units (None: no unit) that hold cases with a completed review, per round of the releases."""
    rounds = set(round_uuids).union(*(r.rounds for r in earlier))
    query = (
        sa.select(_ROUND.c.uuid, _CASE.c.unit)
        .distinct()
        .select_from(_REVIEW.join(_CASE, _CASE.c.id == _REVIEW.c.case_id).join(_ROUND, _ROUND.c.id == _CASE.c.round_id))
        .where(_ROUND.c.uuid.in_(list(rounds)), _REVIEW.c.status == ReviewStatus.COMPLETE.value)
    )
    units: dict[str, set[str | None]] = defaultdict(set)
    for round_uuid, unit in session.execute(query):
        units[round_uuid].add(unit)
    return Population({uuid: frozenset(found) for uuid, found in units.items()})


def earlier_releases(session: Session, slug: str, round_uuids: Sequence[str]) -> list[Release]:
    """The recorded releases of the checklist that share a round with the selection, directly or through each
    other, oldest first."""
    records = session.exec(
        select(ReleaseRecord).where(ReleaseRecord.checklist_slug == slug).order_by(col(ReleaseRecord.id))
    ).all()
    return overlapping([_from_record(r) for r in records], round_uuids)


def record_release(session: Session, result: AnonymisedResult, kind: str) -> None:
    """Keep a release that has been written (call it after the file is): later ones are checked against it.
    `kind`: one of KINDS."""
    release = result.release
    if kind not in KINDS:
        raise ValueError(f"not a kind of release: {kind}")
    if release is None:
        raise ValueError("only a result built by build_anonymised can be recorded")
    method = result.method
    rounds = [
        {"uuid": r.uuid, "state": release.rounds[r.uuid], "name": r.name, "period": r.period_label}
        for r in session.exec(select(Round).where(col(Round.uuid).in_(list(release.rounds))).order_by(col(Round.id)))
    ]
    session.add(
        ReleaseRecord(
            kind=kind,
            checklist_slug=method.checklist_slug,
            checklist_version=method.checklist_version,
            unit=release.unit,
            min_cell=method.rules.min_cell,
            n_hidden=method.n_hidden,
            n_hidden_for_earlier=method.n_hidden_for_earlier,
            rounds_json=json.dumps(rounds, ensure_ascii=False),
            figures_json=json.dumps(_figures_json(release), ensure_ascii=False, separators=(",", ":")),
        )
    )
    session.commit()


@dataclass(frozen=True)
class ReleaseSummary:
    """One line of `reviewer export history`."""

    created_at: datetime
    kind: str
    checklist_slug: str
    checklist_version: int
    rounds: list[str]
    unit: str | None
    min_cell: int
    n_hidden: int
    n_hidden_for_earlier: int


def list_releases(session: Session) -> list[ReleaseSummary]:
    """Every recorded release, oldest first."""
    found = []
    for record in session.exec(select(ReleaseRecord).order_by(col(ReleaseRecord.id))):
        rounds = json.loads(record.rounds_json)
        found.append(
            ReleaseSummary(
                created_at=record.created_at,
                kind=record.kind,
                checklist_slug=record.checklist_slug,
                checklist_version=record.checklist_version,
                rounds=[f"{r['name']} ({r['period']})" for r in rounds],
                unit=record.unit,
                min_cell=record.min_cell,
                n_hidden=record.n_hidden,
                n_hidden_for_earlier=record.n_hidden_for_earlier,
            )
        )
    return found


def _figures_json(release: Release) -> dict[str, Any]:
    return {
        key: {
            "rows": list(table.rows),
            "adds_up": table.columns_add_up,
            "figures": [[row, column, f.value, f.low, f.high] for (row, column), f in table.figures.items()],
        }
        for key, table in release.tables.items()
    }


def _from_record(record: ReleaseRecord) -> Release:
    tables = {
        key: ReleasedTable(
            tuple(table["rows"]),
            bool(table["adds_up"]),
            {(row, column): Figure(value, low, high) for row, column, value, low, high in table["figures"]},
        )
        for key, table in json.loads(record.figures_json).items()
    }
    rounds = {r["uuid"]: r["state"] for r in json.loads(record.rounds_json)}
    return Release(rounds, record.unit, tables)
