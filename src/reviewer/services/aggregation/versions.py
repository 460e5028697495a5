"""The rounds of a request and the checklist versions they use: which versions' questions count for which keys of
the newest version, following each version's `previous.key_map`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from reviewer.checklists.schema import ChecklistDefinition, Question
from reviewer.domain.text import Message
from reviewer.services.aggregation.model import AggregationError, RoundInfo
from reviewer.services.checklists import definition_of
from reviewer.services.rounds import require_real_rounds
from reviewer.storage.models import ChecklistVersion, Round


@dataclass(frozen=True)
class RoundRow:
    id: int
    info: RoundInfo
    baseline_round_id: int | None


def load_rounds(session: Session, round_uuids: Sequence[str]) -> list[RoundRow]:
    if not round_uuids:
        raise AggregationError(Message("Välj minst en omgång", "Choose at least one round"))
    require_real_rounds(session, round_uuids)
    rows = session.exec(
        select(Round, ChecklistVersion)
        .join(ChecklistVersion, col(Round.checklist_version_id) == col(ChecklistVersion.id))
        .where(col(Round.uuid).in_(list(round_uuids)))
    ).all()
    found = {r.uuid: (r, c) for r, c in rows}
    missing = [u for u in round_uuids if u not in found]
    if missing:
        raise AggregationError(Message("En vald omgång finns inte längre", "A chosen round no longer exists"))
    result = []
    for uuid in dict.fromkeys(round_uuids):
        round_, checklist = found[uuid]
        assert round_.id is not None
        info = RoundInfo(round_.uuid, round_.name, round_.period_label, checklist.slug, checklist.version)
        result.append(RoundRow(round_.id, info, round_.baseline_round_id))
    slugs = {r.info.checklist_slug for r in result}
    if len(slugs) > 1:
        raise AggregationError(
            Message(
                "Omgångarna använder olika checklistor (" + ", ".join(sorted(slugs)) + ") och kan inte slås ihop",
                "The rounds use different checklists (" + ", ".join(sorted(slugs)) + ") and cannot be combined",
            )
        )
    return result


class Versions:
    """The definitions of one checklist slug, parsed when first needed."""

    def __init__(self, session: Session, slug: str) -> None:
        self.slug = slug
        self._rows = {
            row.version: row for row in session.exec(select(ChecklistVersion).where(ChecklistVersion.slug == slug))
        }
        self._parsed: dict[int, ChecklistDefinition] = {}

    def get(self, version: int) -> ChecklistDefinition | None:
        if version not in self._parsed:
            row = self._rows.get(version)
            if row is None:
                return None
            self._parsed[version] = definition_of(row)
        return self._parsed[version]

    def lineage(self, newer: ChecklistDefinition, older_version: int) -> dict[str, str | None]:
        """For each key of `newer`, its key in `older_version` (following every step's `previous.key_map`), or None
        when the question is new since. Raises when the versions are not linked by `previous`."""
        mapping: dict[str, str | None] = {q.key: q.key for q in newer.questions()}
        current = newer
        while current.version != older_version:
            step = current.previous
            older = self.get(step.version) if step is not None and step.version >= older_version else None
            if step is None or older is None:
                raise AggregationError(
                    Message(
                        f"Version {newer.version} av checklistan {self.slug} är inte kopplad till version "
                        f"{older_version}, så frågorna kan inte jämföras",
                        f"Version {newer.version} of the checklist {self.slug} is not linked to version "
                        f"{older_version}, so the questions cannot be compared",
                    )
                )
            older_keys = {q.key for q in older.questions()}
            for new_key, key in mapping.items():
                if key is None:
                    continue
                if key in step.key_map:
                    mapping[new_key] = step.key_map[key]
                elif key in older_keys and key not in step.retired:
                    mapping[new_key] = key
                else:
                    mapping[new_key] = None
            current = older
        return mapping


def targets(
    versions: Versions,
    newest: ChecklistDefinition,
    version: int,
    by_key: Mapping[str, Question],
    warnings: list[Message],
) -> dict[str, list[str]]:
    """For the answers of one version: its key → the newest version's keys they count for (same question type)."""
    if version == newest.version:
        return {key: [key] for key in by_key}
    older = versions.get(version)
    assert older is not None
    result: dict[str, list[str]] = defaultdict(list)
    for new_key, old_key in versions.lineage(newest, version).items():
        if old_key is None:
            continue
        old_question = older.question(old_key)
        if old_question is None:
            continue
        if old_question.type is not by_key[new_key].type:
            warnings.append(
                Message(
                    f"Frågan '{new_key}' har en annan frågetyp i version {version}; de svaren räknas inte med",
                    f"The question '{new_key}' has another type in version {version}; those answers are left out",
                )
            )
            continue
        result[old_key].append(new_key)
    return result
