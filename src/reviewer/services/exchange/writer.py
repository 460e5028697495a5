"""Writing an import plan in one transaction: all of it, or (on any error) nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Table, delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from reviewer.domain.text import Message
from reviewer.services import answer_counts, audit
from reviewer.services.bulk_reviews import BATCH_SIZE, Answers, insert_answers, insert_returning_ids
from reviewer.services.exchange.errors import ExchangeError, UnresolvedConflictError
from reviewer.services.exchange.format import FORMAT_VERSION, ReviewRecord
from reviewer.services.exchange.plan import (
    MAX_REVIEWER,
    Conflict,
    ImportPlan,
    _as_mapping,
    _CaseInfo,
    _ChecklistInfo,
    _numbered,
    _ReviewInfo,
    _RoundInfo,
)
from reviewer.services.exchange.summary import ImportSummary, Resolution
from reviewer.services.memory import collector_paused
from reviewer.storage.models import (
    Answer,
    Case,
    ChecklistStatus,
    ChecklistVersion,
    ImportRecord,
    Review,
    Round,
    new_uuid,
    utcnow,
)

IMPORT_KIND = "exchange"

Progress = Callable[[int, int], None]


def apply_import(
    session: Session,
    plan: ImportPlan,
    resolutions: Mapping[str, Resolution] | Resolution,
    actor: str,
    progress: Progress | None = None,
) -> ImportSummary:
    """Write the plan in one transaction: all of it, or (on any error) nothing.

    `resolutions` is one Resolution for every conflict, or one per `Conflict.key`; a conflict without one stops the
    import before anything is written. `progress(done, total)` counts reviews written.
    """
    chosen = _as_mapping(plan, resolutions)
    missing = [c for c in plan.conflicts if c.key not in chosen]
    if missing:
        raise UnresolvedConflictError(
            Message(
                f"{len(missing)} granskningar skiljer sig mellan filen och databasen. Välj för var och en om den "
                "befintliga ska behållas, den inkommande tas eller båda behållas. Ingenting har importerats.",
                f"{len(missing)} reviews differ between the file and the database. Choose for each whether to keep "
                "the existing one, take the incoming one or keep both. Nothing was imported.",
            ),
            missing,
        )
    try:
        with collector_paused():
            _Writer(session, plan, chosen, actor, progress).write()
        session.commit()
    except IntegrityError:
        session.rollback()
        raise _changed_meanwhile() from None
    except BaseException:
        session.rollback()
        raise
    return plan.summary(chosen)


def _changed_meanwhile() -> ExchangeError:
    return ExchangeError(
        Message(
            "Databasen ändrades medan importen förbereddes (någon sparade samtidigt). Ingenting har importerats; "
            "försök igen.",
            "The database changed while the import was being prepared (someone saved at the same time). Nothing was "
            "imported; try again.",
        )
    )


_ROUND: Table = Round.__table__  # type: ignore[attr-defined]
_CASE: Table = Case.__table__  # type: ignore[attr-defined]
_REVIEW: Table = Review.__table__  # type: ignore[attr-defined]
_ANSWER: Table = Answer.__table__  # type: ignore[attr-defined]


def _sampling_json(info: _RoundInfo) -> str | None:
    return None if info.sampling is None else json.dumps(info.sampling, ensure_ascii=False, sort_keys=True)


class _Writer:
    def __init__(
        self,
        session: Session,
        plan: ImportPlan,
        chosen: Mapping[str, Resolution],
        actor: str,
        progress: Progress | None,
    ) -> None:
        self.session = session
        self.plan = plan
        self.chosen = chosen
        self.actor = actor
        self.progress = progress or (lambda _done, _total: None)
        self.now = utcnow()
        self.checklist_ids: dict[_ChecklistInfo, int] = {}
        self.round_ids: dict[_RoundInfo, int] = {}
        self.case_ids: dict[_CaseInfo, int] = {}
        self.copies: dict[str, tuple[str, str]] = {}  # conflict key → (uuid, reviewer) of a "keep both" copy

    def _checklist_id(self, info: _ChecklistInfo) -> int:
        return info.db_id if info.db_id is not None else self.checklist_ids[info]

    def _round_id(self, info: _RoundInfo) -> int:
        return info.db_id if info.db_id is not None else self.round_ids[info]

    def _case_id(self, info: _CaseInfo) -> int:
        return info.db_id if info.db_id is not None else self.case_ids[info]

    def write(self) -> None:
        self._checklists()
        self._rounds()
        self._cases()
        taken, copies, replaced = self._resolve()
        self._reviews(copies, replaced)
        self._take(taken)
        self._records()
        self.session.flush()

    def _checklists(self) -> None:
        for info in self.plan._checklists:
            definition = info.definition
            assert definition is not None
            row = ChecklistVersion(
                uuid=info.uuid,
                slug=definition.slug,
                version=definition.version,
                area=definition.area.value,
                title=definition.title.sv,
                status=ChecklistStatus(info.status),
                definition_json=definition.canonical_json(),
                sha256=info.sha256,
                published_at=self.now,
            )
            self.session.add(row)
            self.session.flush()
            assert row.id is not None
            self.checklist_ids[info] = row.id

    def _rounds(self) -> None:
        rounds = self.plan._rounds
        rows: list[dict[str, Any]] = []
        for info in rounds:
            record = info.record
            assert record is not None
            rows.append(
                {
                    "uuid": info.uuid,
                    "name": info.name,
                    "area": info.area,
                    "checklist_version_id": self._checklist_id(info.checklist),
                    "period_label": info.period_label,
                    "kind": info.kind,
                    "fictitious": info.fictitious,
                    "baseline_round_id": None,
                    "archived": record.archived,
                    "created_at": record.created_at,
                    "sampling_json": _sampling_json(info),
                }
            )
        self.round_ids.update(zip(rounds, insert_returning_ids(self.session, _ROUND, rows), strict=True))
        for info in self.plan._filled_sampling:
            self.session.execute(
                update(_ROUND)
                .where(_ROUND.c.id == self._round_id(info), _ROUND.c.sampling_json.is_(None))
                .values(sampling_json=_sampling_json(info))
            )
        for info in [*rounds, *self.plan._filled_baselines]:
            if info.baseline is not None:
                self.session.execute(
                    update(_ROUND)
                    .where(_ROUND.c.id == self._round_id(info), _ROUND.c.baseline_round_id.is_(None))
                    .values(baseline_round_id=self._round_id(info.baseline))
                )

    def _cases(self) -> None:
        cases = self.plan._cases
        rows = [
            {
                "uuid": info.uuid,
                "round_id": self._round_id(info.round),
                "case_code": info.case_code,
                "sex": info.sex,
                "age_band": info.age_band,
                "unit": info.unit,
                "created_at": info.created_at or self.now,
            }
            for info in cases
        ]
        self.case_ids.update(zip(cases, insert_returning_ids(self.session, _CASE, rows), strict=True))

    def _resolve(
        self,
    ) -> tuple[list[Conflict], list[tuple[Conflict, str, str]], dict[_ReviewInfo, Conflict]]:
        """Conflicts in file order: TAKE of a database review (done after the inserts), TAKE of a review an earlier
        file brings (it is inserted with the later content), BOTH (a copy under "NAME (2)")."""
        taken: list[Conflict] = []
        copies: list[tuple[Conflict, str, str]] = []
        replaced: dict[_ReviewInfo, Conflict] = {}
        names: dict[_CaseInfo, set[str]] = {}
        for conflict in self.plan.conflicts:
            resolution = self.chosen[conflict.key]
            target = conflict._target
            if resolution is Resolution.TAKE:
                if target.db_id is not None:
                    taken.append(conflict)
                else:
                    replaced[target] = conflict
            elif resolution is Resolution.BOTH:
                case_names = names.setdefault(target.case, {r.reviewer for r in target.case.reviews})
                name = _numbered(conflict.reviewer, case_names, MAX_REVIEWER)
                case_names.add(name)
                copies.append((conflict, name, new_uuid()))
                self.copies[conflict.key] = (copies[-1][2], name)
        return taken, copies, replaced

    def _review_row(
        self, uuid: str, case: _CaseInfo, reviewer: str, record: ReviewRecord, prepared_sha256: str
    ) -> dict[str, Any]:
        return {
            "uuid": uuid,
            "case_id": self._case_id(case),
            "checklist_version_id": self._checklist_id(case.round.checklist),
            "reviewer": reviewer,
            "status": record.status,
            "revision": record.revision,
            "content_sha256": prepared_sha256,
            "created_at": record.created_at,
            "updated_at": record.updated_at,
            "completed_at": record.completed_at,
        }

    def _reviews(self, copies: list[tuple[Conflict, str, str]], replaced: dict[_ReviewInfo, Conflict]) -> None:
        rows: list[tuple[dict[str, Any], Answers]] = []
        for file_plan in self.plan.files:
            for info in file_plan.new_reviews:
                source = replaced.get(info)
                record = source._record if source is not None else info.record
                answers = source._prepared.answers if source is not None else info.answers
                sha256 = source._prepared.content_sha256 if source is not None else info.content_sha256
                assert record is not None and answers is not None
                rows.append((self._review_row(info.uuid, info.case, info.reviewer, record, sha256), answers))
        for conflict, name, uuid in copies:
            prepared = conflict._prepared
            row = self._review_row(uuid, conflict._target.case, name, conflict._record, prepared.content_sha256)
            rows.append((row, prepared.answers))
        total = len(rows)
        self.progress(0, total)
        inserted: list[int] = []
        for start in range(0, total, BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            ids = insert_returning_ids(self.session, _REVIEW, [row for row, _ in batch])
            written = [(review_id, answers) for review_id, (_, answers) in zip(ids, batch, strict=True)]
            insert_answers(self.session, written, self.now)
            inserted += ids
            self.progress(start + len(batch), total)
        answer_counts.add(self.session, inserted)

    def _take(self, taken: list[Conflict]) -> None:
        """Replace a database review's answers and status; the revision moves past both sides', so a form still open
        on the old revision cannot overwrite the taken answers."""
        targets = [conflict._target.db_id for conflict in taken if conflict._target.db_id is not None]
        with answer_counts.recounted(self.session, targets):
            revisions: dict[_ReviewInfo, int] = {}
            for conflict in taken:
                target, record, prepared = conflict._target, conflict._record, conflict._prepared
                assert target.db_id is not None
                expected = revisions.get(target, target.revision)
                revision = max(expected, record.revision) + 1
                result = self.session.execute(
                    update(_REVIEW)
                    .where(_REVIEW.c.id == target.db_id, _REVIEW.c.revision == expected)
                    .values(
                        status=record.status,
                        revision=revision,
                        content_sha256=prepared.content_sha256,
                        updated_at=self.now,
                        completed_at=record.completed_at,
                    )
                )
                if result.rowcount != 1:  # type: ignore[attr-defined]
                    raise _changed_meanwhile()
                revisions[target] = revision
                self.session.execute(delete(_ANSWER).where(_ANSWER.c.review_id == target.db_id))
                insert_answers(self.session, [(target.db_id, prepared.answers)], self.now)

    def _records(self) -> None:
        """An import record per file, and audit events for what the user would want to trace: merged and renamed
        rounds, and every conflict with its resolution (never the answers themselves)."""
        for file_plan in self.plan.files:
            if file_plan.skipped:
                continue
            exchange_file = file_plan.file
            summary = file_plan.summary(self.chosen)
            record = ImportRecord(
                file_name=exchange_file.name,
                file_sha256=exchange_file.file_sha256,
                format_version=FORMAT_VERSION,
                summary_json=json.dumps(
                    {
                        "kind": IMPORT_KIND,
                        "exported_by": exchange_file.manifest.exported_by,
                        "exported_at": exchange_file.manifest.created_at.isoformat(),
                        "encrypted": exchange_file.encrypted,
                        "new": summary.reviews.new,
                        "unchanged": summary.reviews.unchanged,
                        "conflicts": {
                            "kept": summary.reviews.kept,
                            "taken": summary.reviews.taken,
                            "both": summary.reviews.both,
                        },
                        "new_cases": summary.new_cases,
                        "new_rounds": list(summary.new_rounds),
                        "merged_rounds": [list(pair) for pair in summary.merged_rounds],
                        "renamed_rounds": [list(pair) for pair in summary.renamed_rounds],
                        "new_checklist_versions": list(summary.new_checklist_versions),
                        "sampling_taken": list(summary.sampling_taken),
                        "sampling_kept": list(summary.sampling_kept),
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                ),
            )
            self.session.add(record)
            audit.record(
                self.session,
                self.actor,
                "import",
                record.uuid,
                "exchange_import",
                file=exchange_file.name,
                sha256=exchange_file.file_sha256,
                new=summary.reviews.new,
                unchanged=summary.reviews.unchanged,
                conflicts=summary.reviews.conflicts,
            )
            for name in file_plan.new_rounds:
                created = next(r for r in self.plan._rounds if r.name == name)
                audit.record(
                    self.session, self.actor, "round", created.uuid, "exchange_create", file=exchange_file.name
                )
            for incoming_name, incoming_uuid, into in file_plan.merged_rounds:
                audit.record(
                    self.session,
                    self.actor,
                    "round",
                    into.uuid,
                    "exchange_merge",
                    file=exchange_file.name,
                    incoming_uuid=incoming_uuid,
                    incoming_name=incoming_name,
                )
            for incoming_name, new_name in file_plan.renamed_rounds:
                renamed = next(r for r in self.plan._rounds if r.name == new_name)
                audit.record(
                    self.session,
                    self.actor,
                    "round",
                    renamed.uuid,
                    "exchange_rename",
                    file=exchange_file.name,
                    old=incoming_name,
                    new=new_name,
                )
            for conflict in file_plan.conflicts:
                copy_uuid, copy_reviewer = self.copies.get(conflict.key, (None, None))
                audit.record(
                    self.session,
                    self.actor,
                    "review",
                    conflict._target.uuid,
                    "exchange_conflict",
                    case=conflict._target.case.uuid,
                    file=exchange_file.name,
                    resolution=self.chosen[conflict.key].value,
                    incoming_uuid=conflict._record.uuid,
                    incoming_revision=conflict.incoming.revision,
                    incoming_updated_at=conflict.incoming.updated_at.isoformat(),
                    differing_answers=conflict.differing_answers,
                    copy_uuid=copy_uuid,
                    copy_reviewer=copy_reviewer,
                )
