"""Planning an import: comparing exchange files with the database and with each other, reading only.

Matching, in this order (`docs/exchange-format.md` has the reasons):
- checklist versions by slug@version; the same version with other content refuses the file;
- rounds by UUID; else the round that already holds the file's cases; else a round with the same name, checklist
  version, period and kind, which the incoming round is merged into (two caseworkers who each created
  "Färdtjänst 2024" end up in one round); a name taken by a round that differs is imported as "NAME (2)";
- cases by UUID, else by case code within the round; the same case with another sex, age band or unit refuses the
  file, naming the case code;
- reviews by UUID, else by case and reviewer. Same answers, notes and status: unchanged. Otherwise a conflict, which
  needs a Resolution; nothing is ever overwritten silently.

A file imported before (an import record with the same hash of its plain content) is reported as unchanged and not
looked at again; so is the same file twice in one batch. Later files in a batch see what earlier ones bring, so a
review in two files is inserted once, and conflicts are settled in file order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select as sql_select
from sqlmodel import Session, col

from reviewer.checklists.answers import content_sha256
from reviewer.domain.sex import Sex
from reviewer.domain.text import Message
from reviewer.services.bulk_reviews import Answers
from reviewer.services.exchange.errors import ExchangeConflictError
from reviewer.services.exchange.format import ReviewRecord, RoundRecord, checklist_ref
from reviewer.services.exchange.plan import (
    MAX_ROUND_NAME,
    Conflict,
    FilePlan,
    ImportPlan,
    ReviewSide,
    _CaseInfo,
    _ChecklistInfo,
    _numbered,
    _ReviewInfo,
    _RoundInfo,
)
from reviewer.services.exchange.reader import ExchangeFile
from reviewer.services.exchange.sampling_plan import SamplingPlanner
from reviewer.services.memory import collector_paused
from reviewer.storage.models import (
    Answer,
    Case,
    ChecklistVersion,
    ImportRecord,
    Review,
    ReviewStatus,
    Round,
    RoundKind,
    new_uuid,
)

IN_CHUNK = 500  # values per SQL IN list
EMPTY_SHA256 = content_sha256({})


def plan_import(session: Session, files: Sequence[ExchangeFile]) -> ImportPlan:
    """Compare the files, in order, with the database and with each other; reads only.

    Raises ExchangeConflictError, naming the file, when a file contradicts the database in a way no resolution can
    settle (a checklist version with other content, a case with other facts).
    """
    try:
        with collector_paused():
            planner = _Planner(session)
            for index, exchange_file in enumerate(files):
                planner.add(index, exchange_file)
            return planner.finish()
    finally:
        session.rollback()


def _chunks(values: Sequence[str], size: int = IN_CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class _Planner:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.checklists: dict[str, _ChecklistInfo] = {}
        self.checklist_uuids: set[str] = set()
        by_id: dict[int, _ChecklistInfo] = {}
        for row_id, row_uuid, slug, version, sha256, area in session.execute(
            sql_select(
                col(ChecklistVersion.id),
                col(ChecklistVersion.uuid),
                col(ChecklistVersion.slug),
                col(ChecklistVersion.version),
                col(ChecklistVersion.sha256),
                col(ChecklistVersion.area),
            )
        ):
            info = _ChecklistInfo(checklist_ref(slug, version), sha256, area, db_id=row_id)
            self.checklists[info.ref] = by_id[row_id] = info
            self.checklist_uuids.add(row_uuid)
        self.rounds_by_uuid: dict[str, _RoundInfo] = {}
        self.rounds_by_id: dict[int, _RoundInfo] = {}
        self.rounds_by_name: dict[str, _RoundInfo] = {}
        for row in session.execute(
            sql_select(
                col(Round.id),
                col(Round.uuid),
                col(Round.name),
                col(Round.checklist_version_id),
                col(Round.period_label),
                col(Round.kind),
                col(Round.fictitious),
                col(Round.baseline_round_id),
            )
        ):
            round_ = _RoundInfo(
                row.uuid,
                row.name,
                by_id[row.checklist_version_id],
                row.period_label,
                row.kind,
                row.fictitious,
                db_id=row.id,
                baseline_id=row.baseline_round_id,
            )
            self.rounds_by_uuid[round_.uuid] = self.rounds_by_id[row.id] = self.rounds_by_name[round_.name] = round_
        self.imported: dict[str, datetime] = {}
        for sha256, imported_at in session.execute(
            sql_select(col(ImportRecord.file_sha256), col(ImportRecord.imported_at)).order_by(
                col(ImportRecord.imported_at).desc()
            )
        ):
            self.imported[sha256] = imported_at
        self.cases_by_uuid: dict[str, _CaseInfo] = {}
        self.reviews_by_uuid: dict[str, _ReviewInfo] = {}
        self.in_batch: dict[str, str] = {}  # file hash → name
        self.plans: list[FilePlan] = []
        self.new_checklists: list[_ChecklistInfo] = []
        self.new_rounds: list[_RoundInfo] = []
        self.new_cases: list[_CaseInfo] = []
        self.filled: list[_RoundInfo] = []
        self.sampling = SamplingPlanner(session)
        self.pending: list[tuple[int, FilePlan, ReviewRecord, _ReviewInfo, Literal["uuid", "case_and_reviewer"]]] = []

    # -- helpers

    def _refuse(self, plan: FilePlan, sv: str, en: str) -> ExchangeConflictError:
        name = plan.file.name
        return ExchangeConflictError(
            Message(
                f"Filen {name} kan inte importeras: {sv} Ingenting har importerats.",
                f"The file {name} cannot be imported: {en} Nothing was imported.",
            )
        )

    def _db_owner(self, column: Any, owner: Any, uuids: list[str]) -> dict[str, int]:
        """uuid → the id of the row that owns it (a case's round, a review's case), for uuids in the database."""
        found: dict[str, int] = {}
        for chunk in _chunks(uuids):
            found.update(self.session.execute(sql_select(column, owner).where(column.in_(chunk))).all())
        return found

    def _load(self, round_: _RoundInfo) -> None:
        """The database's cases and reviews of a round the file touches."""
        if round_.loaded or round_.db_id is None:
            return
        round_.loaded = True
        cases: dict[int, _CaseInfo] = {}
        for row in self.session.execute(
            sql_select(
                col(Case.id), col(Case.uuid), col(Case.case_code), col(Case.sex), col(Case.age_band), col(Case.unit)
            ).where(col(Case.round_id) == round_.db_id)
        ):
            case = _CaseInfo(row.uuid, round_, row.case_code, row.sex, row.age_band, row.unit, db_id=row.id)
            cases[row.id] = round_.cases_by_code[case.case_code] = self.cases_by_uuid[case.uuid] = case
        for row in self.session.execute(
            sql_select(
                col(Review.id),
                col(Review.uuid),
                col(Review.case_id),
                col(Review.reviewer),
                col(Review.status),
                col(Review.revision),
                col(Review.content_sha256),
                col(Review.updated_at),
            )
            .join(Case, col(Case.id) == col(Review.case_id))
            .where(col(Case.round_id) == round_.db_id)
        ):
            case = cases[row.case_id]
            review = _ReviewInfo(
                row.uuid,
                case,
                row.reviewer,
                row.status,
                row.revision,
                row.content_sha256 or EMPTY_SHA256,
                row.updated_at,
                db_id=row.id,
            )
            case.reviews.append(review)
            self.reviews_by_uuid[review.uuid] = review

    # -- one file

    def add(self, index: int, exchange_file: ExchangeFile) -> None:
        plan = FilePlan(exchange_file)
        self.plans.append(plan)
        sha256 = exchange_file.file_sha256
        if sha256 in self.imported or sha256 in self.in_batch:
            plan.already_imported_at = self.imported.get(sha256)
            plan.duplicate_of = self.in_batch.get(sha256) if plan.already_imported_at is None else None
            for prepared in exchange_file.prepared.values():
                plan.unchanged[prepared.reviewer] = plan.unchanged.get(prepared.reviewer, 0) + 1
            return
        self.in_batch[sha256] = exchange_file.name
        self._checklists(plan)
        known_cases = self._db_owner(
            col(Case.uuid),
            col(Case.round_id),
            [c.uuid for c in exchange_file.content.cases if c.uuid not in self.cases_by_uuid],
        )
        rounds = self._rounds(plan, known_cases)
        cases = self._cases(plan, rounds, known_cases)
        self.sampling.add(plan, rounds, cases)
        self._reviews(index, plan, cases)

    def _checklists(self, plan: FilePlan) -> None:
        for record in plan.file.content.checklist_versions:
            ref = checklist_ref(record.slug, record.version)
            known = self.checklists.get(ref)
            if known is not None:
                if known.sha256 != record.sha256:
                    raise self._refuse(
                        plan,
                        f"checklistan {record.slug} version {record.version} finns redan här med annat innehåll. "
                        "Samma version måste ha samma innehåll på alla datorer; den som ändrat den behöver ge den ett "
                        "nytt versionsnummer.",
                        f"the checklist {record.slug} version {record.version} already exists here with different "
                        "content. A version must have the same content on every computer; whoever changed it needs "
                        "to give it a new version number.",
                    )
                continue
            definition = plan.file.definitions[ref]
            uuid = record.uuid if record.uuid not in self.checklist_uuids else new_uuid()
            self.checklist_uuids.add(uuid)
            info = _ChecklistInfo(
                ref, record.sha256, definition.area.value, definition=definition, status=record.status, uuid=uuid
            )
            self.checklists[ref] = info
            self.new_checklists.append(info)
            plan.new_checklist_versions.append(ref)

    def _holder(self, plan: FilePlan, record: RoundRecord, known_cases: dict[str, int]) -> _RoundInfo | None:
        """The one round here that already holds some of the incoming round's cases (it was merged before)."""
        holders: dict[int, _RoundInfo] = {}
        for case in plan.file.content.cases:
            if case.round_uuid != record.uuid:
                continue
            known = self.cases_by_uuid.get(case.uuid)
            holder = known.round if known is not None else self.rounds_by_id.get(known_cases.get(case.uuid, -1))
            if holder is not None:
                holders[id(holder)] = holder
        if len(holders) > 1:
            raise self._refuse(
                plan,
                f"ärendena i omgången '{record.name}' finns här i flera olika omgångar.",
                f"the cases of the round '{record.name}' are in several different rounds here.",
            )
        return next(iter(holders.values()), None)

    def _rounds(self, plan: FilePlan, known_cases: dict[str, int]) -> dict[str, _RoundInfo]:
        mapping: dict[str, _RoundInfo] = {}
        for record in plan.file.content.rounds:
            if record.kind is RoundKind.TRAINING:
                raise self._refuse(
                    plan,
                    f"den innehåller svaren från utbildningsomgången '{record.name}'. Övningssvar blandas aldrig med "
                    "riktiga granskningar; utbildaren läser filen under Utbildning (Sammanställning för utbildare) "
                    "eller med reviewer training agreement.",
                    f"it holds the answers of the training round '{record.name}'. Practice answers never mix with real "
                    "reviews; the facilitator reads the file under Training (facilitator summary) or with reviewer "
                    "training agreement.",
                )
            checklist = self.checklists[record.checklist]
            round_ = self.rounds_by_uuid.get(record.uuid) or self._holder(plan, record, known_cases)
            if round_ is not None and round_.checklist is not checklist:
                raise self._refuse(
                    plan,
                    f"omgången '{record.name}' använder checklistan {round_.checklist.ref} här men "
                    f"{record.checklist} i filen.",
                    f"the round '{record.name}' uses the checklist {round_.checklist.ref} here but "
                    f"{record.checklist} in the file.",
                )
            if round_ is not None and round_.kind != record.kind:
                raise self._refuse(
                    plan,
                    f"omgången '{record.name}' är en utbildningsomgång på ena stället men inte på det andra; "
                    "övningsärenden blandas aldrig med riktiga.",
                    f"the round '{record.name}' is a training round in one place but not in the other; practice "
                    "cases never mix with real ones.",
                )
            if round_ is None:
                round_ = self._new_or_merged(plan, record, checklist)
            self.rounds_by_uuid.setdefault(record.uuid, round_)
            if round_.baseline_id is None and round_.baseline_uuid is None and record.baseline_round_uuid:
                round_.baseline_uuid = record.baseline_round_uuid
                if round_.db_id is not None:
                    self.filled.append(round_)
            self._load(round_)
            mapping[record.uuid] = round_
        return mapping

    def _new_or_merged(self, plan: FilePlan, record: RoundRecord, checklist: _ChecklistInfo) -> _RoundInfo:
        same = self.rounds_by_name.get(record.name)
        if (
            same is not None
            and same.checklist is checklist
            and (same.period_label, same.kind, same.fictitious) == (record.period_label, record.kind, record.fictitious)
        ):
            plan.merged_rounds.append((record.name, record.uuid, same))
            return same
        name = record.name if same is None else _numbered(record.name, self.rounds_by_name, MAX_ROUND_NAME)
        round_ = _RoundInfo(
            record.uuid,
            name,
            checklist,
            record.period_label,
            record.kind,
            record.fictitious,
            record=record,
            loaded=True,
        )
        self.rounds_by_name[name] = round_
        self.new_rounds.append(round_)
        plan.new_rounds.append(name)
        if same is not None:
            plan.renamed_rounds.append((record.name, name))
        return round_

    def _cases(
        self, plan: FilePlan, rounds: dict[str, _RoundInfo], known_cases: dict[str, int]
    ) -> dict[str, _CaseInfo]:
        mapping: dict[str, _CaseInfo] = {}
        for record in plan.file.content.cases:
            round_ = rounds[record.round_uuid]
            facts = plan.file.case_facts[record.uuid]
            case = self.cases_by_uuid.get(record.uuid)
            if (case is not None and case.round is not round_) or (case is None and record.uuid in known_cases):
                raise self._refuse(
                    plan,
                    f"ärendet {facts.case_code} hör till en annan omgång här än i filen.",
                    f"the case {facts.case_code} belongs to another round here than in the file.",
                )
            if case is None:
                case = round_.cases_by_code.get(facts.case_code)
            if case is None:
                case = _CaseInfo(
                    record.uuid,
                    round_,
                    facts.case_code,
                    facts.sex,
                    facts.age_band,
                    facts.unit,
                    created_at=record.created_at,
                )
                round_.cases_by_code[case.case_code] = case
                self.new_cases.append(case)
                plan.new_cases += 1
            else:
                self._same_facts(plan, case, facts.case_code, facts.sex, facts.age_band, facts.unit)
            self.cases_by_uuid.setdefault(record.uuid, case)
            mapping[record.uuid] = case
        return mapping

    def _same_facts(
        self, plan: FilePlan, case: _CaseInfo, code: str, sex: Sex, age_band: str | None, unit: str | None
    ) -> None:
        differ = [
            words
            for words, ours, theirs in (
                (("en annan ärendekod", "another case code"), case.case_code, code),
                (("ett annat kön", "another sex"), case.sex, sex),
                (("en annan åldersgrupp", "another age band"), case.age_band, age_band),
                (("en annan enhet", "another unit"), case.unit, unit),
            )
            if ours != theirs
        ]
        if differ:
            raise self._refuse(
                plan,
                f"ärendet {case.case_code} i omgången '{case.round.name}' har "
                f"{' och '.join(sv for sv, _ in differ)} här än i filen. Rätta ärendet på den dator där det är fel "
                "och exportera igen.",
                f"the case {case.case_code} in the round '{case.round.name}' has "
                f"{' and '.join(en for _, en in differ)} here than in the file. Correct the case on the computer "
                "where it is wrong and export again.",
            )

    def _reviews(self, index: int, plan: FilePlan, cases: dict[str, _CaseInfo]) -> None:
        content = plan.file.content
        known_reviews = self._db_owner(
            col(Review.uuid),
            col(Review.case_id),
            [r.uuid for r in content.reviews if r.uuid not in self.reviews_by_uuid],
        )
        for record in content.reviews:
            case = cases[record.case_uuid]
            prepared = plan.file.prepared[record.uuid]
            target = self.reviews_by_uuid.get(record.uuid)
            matched_by: Literal["uuid", "case_and_reviewer"] = "uuid"
            if (target is not None and target.case is not case) or (target is None and record.uuid in known_reviews):
                raise self._refuse(
                    plan,
                    f"granskningen av ärendet {case.case_code} hör till ett annat ärende här än i filen.",
                    f"the review of the case {case.case_code} belongs to another case here than in the file.",
                )
            if target is None:
                matched_by = "case_and_reviewer"
                target = next((r for r in case.reviews if r.reviewer == prepared.reviewer), None)
            if target is None:
                new = _ReviewInfo(
                    record.uuid,
                    case,
                    prepared.reviewer,
                    record.status,
                    record.revision,
                    prepared.content_sha256,
                    record.updated_at,
                    record=record,
                    answers=prepared.answers,
                    file_name=plan.file.name,
                )
                case.reviews.append(new)
                self.reviews_by_uuid[new.uuid] = new
                plan.new_reviews.append(new)
                continue
            self.reviews_by_uuid.setdefault(record.uuid, target)
            version = (prepared.content_sha256, record.status)
            if version == target.version or version in target.seen or self._kept_copy(target, version):
                plan.unchanged[prepared.reviewer] = plan.unchanged.get(prepared.reviewer, 0) + 1
                continue
            target.seen.add(version)
            self.pending.append((index, plan, record, target, matched_by))

    @staticmethod
    def _kept_copy(target: _ReviewInfo, version: tuple[str, ReviewStatus]) -> bool:
        """Whether an earlier "keep both" already stored this version as "NAME (n)" on the case."""
        numbered = re.compile(re.escape(target.reviewer) + r" \(\d+\)")
        return any(numbered.fullmatch(r.reviewer) and r.version == version for r in target.case.reviews)

    # -- the whole batch

    def _stored_answers(self, review_ids: list[int]) -> dict[int, dict[str, tuple[str, str | None]]]:
        found: dict[int, dict[str, tuple[str, str | None]]] = {}
        for start in range(0, len(review_ids), IN_CHUNK):
            for review_id, key, value_json, note in self.session.execute(
                sql_select(
                    col(Answer.review_id), col(Answer.question_key), col(Answer.value_json), col(Answer.note)
                ).where(col(Answer.review_id).in_(review_ids[start : start + IN_CHUNK]))
            ):
                found.setdefault(review_id, {})[key] = (value_json, note)
        return found

    def finish(self) -> ImportPlan:
        stored = self._stored_answers(sorted({t.db_id for *_, t, _ in self.pending if t.db_id is not None}))
        conflicts: list[Conflict] = []
        for index, plan, record, target, matched_by in self.pending:
            prepared = plan.file.prepared[record.uuid]
            theirs = _as_stored(prepared.answers)
            ours = stored.get(target.db_id, {}) if target.db_id is not None else _as_stored(target.answers or {})
            conflict = Conflict(
                key=f"{index + 1}:{record.uuid}",
                file_name=plan.file.name,
                round_name=target.case.round.name,
                case_code=target.case.case_code,
                reviewer=prepared.reviewer,
                existing=ReviewSide(
                    target.reviewer, target.status, target.revision, target.updated_at, len(ours), target.file_name
                ),
                incoming=ReviewSide(
                    prepared.reviewer, record.status, record.revision, record.updated_at, len(theirs), plan.file.name
                ),
                differing_answers=sum(1 for key in ours.keys() | theirs.keys() if ours.get(key) != theirs.get(key)),
                matched_by=matched_by,
                _target=target,
                _record=record,
                _prepared=prepared,
            )
            plan.conflicts.append(conflict)
            conflicts.append(conflict)
        for round_ in [*self.new_rounds, *self.filled]:
            baseline = self.rounds_by_uuid.get(round_.baseline_uuid or "")
            if baseline is not None and baseline is not round_ and baseline.area == round_.area:
                round_.baseline = baseline
        return ImportPlan(
            files=self.plans,
            conflicts=conflicts,
            _checklists=self.new_checklists,
            _rounds=self.new_rounds,
            _filled_baselines=[r for r in self.filled if r.baseline is not None],
            _cases=self.new_cases,
            _filled_sampling=self.sampling.filled,
        )


def _as_stored(answers: Answers) -> dict[str, tuple[str, str | None]]:
    return {key: (encoded.value_json, note) for key, (encoded, note) in answers.items()}
