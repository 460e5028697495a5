"""Importing exchange files: compare with the database (`plan_import`), then write in one transaction
(`apply_import`), so the user can be asked about conflicts in between.

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

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Table, delete, update
from sqlalchemy import select as sql_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from reviewer.checklists.answers import content_sha256
from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.sex import Sex
from reviewer.domain.text import Language, Message, language_from_environment
from reviewer.services import answer_counts, audit
from reviewer.services.bulk_reviews import (
    BATCH_SIZE,
    Answers,
    insert_answers,
    insert_returning_ids,
)
from reviewer.services.exchange.errors import ExchangeConflictError, ExchangeError, UnresolvedConflictError
from reviewer.services.exchange.format import FORMAT_VERSION, ReviewRecord, RoundRecord, checklist_ref
from reviewer.services.exchange.reader import ExchangeFile, PreparedReview
from reviewer.services.exchange.summary import FileSummary, ImportSummary, Resolution, ReviewCounts
from reviewer.services.memory import collector_paused
from reviewer.storage.models import (
    Answer,
    Case,
    ChecklistStatus,
    ChecklistVersion,
    ImportRecord,
    Review,
    ReviewStatus,
    Round,
    RoundKind,
    new_uuid,
    utcnow,
)

IMPORT_KIND = "exchange"
IN_CHUNK = 500  # values per SQL IN list
MAX_ROUND_NAME, MAX_REVIEWER = 200, 64

Progress = Callable[[int, int], None]
EMPTY_SHA256 = content_sha256({})


# ----------------------------------------------------------------------------------------------------------------
# What the planner knows: rows of the database and rows the batch will add, side by side


@dataclass(eq=False)
class _ChecklistInfo:
    ref: str
    sha256: str
    area: str
    db_id: int | None = None
    definition: ChecklistDefinition | None = None  # for a version the batch adds
    status: str = ""
    uuid: str = ""


@dataclass(eq=False)
class _RoundInfo:
    uuid: str
    name: str
    checklist: _ChecklistInfo
    period_label: str
    kind: RoundKind
    fictitious: bool
    db_id: int | None = None
    baseline_id: int | None = None
    record: RoundRecord | None = None  # for a round the batch adds
    baseline_uuid: str | None = None  # the incoming baseline, for a new round or one without a baseline
    baseline: _RoundInfo | None = None  # that baseline, found
    loaded: bool = False
    cases_by_code: dict[str, _CaseInfo] = field(default_factory=dict)

    @property
    def area(self) -> str:
        return self.checklist.area


@dataclass(eq=False)
class _CaseInfo:
    uuid: str
    round: _RoundInfo
    case_code: str
    sex: Sex
    age_band: str | None
    unit: str | None
    db_id: int | None = None
    created_at: datetime | None = None
    reviews: list[_ReviewInfo] = field(default_factory=list)


@dataclass(eq=False)
class _ReviewInfo:
    uuid: str
    case: _CaseInfo
    reviewer: str
    status: ReviewStatus
    revision: int
    content_sha256: str
    updated_at: datetime
    db_id: int | None = None
    record: ReviewRecord | None = None  # for a review the batch adds
    answers: Answers | None = None  # for a review the batch adds
    file_name: str | None = None  # the file that brings it
    seen: set[tuple[str, ReviewStatus]] = field(default_factory=set)  # versions met earlier in the batch

    @property
    def version(self) -> tuple[str, ReviewStatus]:
        return (self.content_sha256, self.status)


# ----------------------------------------------------------------------------------------------------------------
# The plan


@dataclass(frozen=True)
class ReviewSide:
    """One side of a conflict, as the user is shown it."""

    reviewer: str
    status: ReviewStatus
    revision: int
    updated_at: datetime
    answers: int
    source: str | None  # None: the database; else the name of the file (earlier in the batch) that brings it


@dataclass(frozen=True, eq=False)
class Conflict:
    """A review that differs between the database (or an earlier file of the batch) and a file."""

    key: str  # what `apply_import`'s resolutions are keyed by
    file_name: str
    round_name: str
    case_code: str
    reviewer: str
    existing: ReviewSide
    incoming: ReviewSide
    differing_answers: int  # questions whose answer or note differ, counting ones answered on one side only
    matched_by: Literal["uuid", "case_and_reviewer"]
    _target: _ReviewInfo = field(repr=False)
    _record: ReviewRecord = field(repr=False)
    _prepared: PreparedReview = field(repr=False)

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        if lang == "en":
            return (
                f"{self.file_name}: round '{self.round_name}', case {self.case_code}, reviewer {self.reviewer}: "
                f"{self.differing_answers} answers differ (here: {_STATUS_EN[self.existing.status]}, revision "
                f"{self.existing.revision}, {self.existing.updated_at:%Y-%m-%d %H:%M}; in the file: "
                f"{_STATUS_EN[self.incoming.status]}, revision {self.incoming.revision}, "
                f"{self.incoming.updated_at:%Y-%m-%d %H:%M})"
            )
        return (
            f"{self.file_name}: omgång '{self.round_name}', ärende {self.case_code}, granskare {self.reviewer}: "
            f"{self.differing_answers} svar skiljer (här: {_STATUS_SV[self.existing.status]}, revision "
            f"{self.existing.revision}, {self.existing.updated_at:%Y-%m-%d %H:%M}; i filen: "
            f"{_STATUS_SV[self.incoming.status]}, revision {self.incoming.revision}, "
            f"{self.incoming.updated_at:%Y-%m-%d %H:%M})"
        )


_STATUS_SV = {
    ReviewStatus.NOT_STARTED: "ej påbörjad",
    ReviewStatus.IN_PROGRESS: "påbörjad",
    ReviewStatus.COMPLETE: "klar",
}
_STATUS_EN = {
    ReviewStatus.NOT_STARTED: "not started",
    ReviewStatus.IN_PROGRESS: "in progress",
    ReviewStatus.COMPLETE: "complete",
}


@dataclass(eq=False)
class FilePlan:
    """What one file brings, compared with the database and the files before it in the batch."""

    file: ExchangeFile
    already_imported_at: datetime | None = None
    duplicate_of: str | None = None
    new_reviews: list[_ReviewInfo] = field(default_factory=list, repr=False)
    unchanged: dict[str, int] = field(default_factory=dict)  # per reviewer
    conflicts: list[Conflict] = field(default_factory=list)
    new_cases: int = 0
    new_rounds: list[str] = field(default_factory=list)
    merged_rounds: list[tuple[str, str, _RoundInfo]] = field(default_factory=list, repr=False)
    renamed_rounds: list[tuple[str, str]] = field(default_factory=list)
    new_checklist_versions: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> bool:
        return self.already_imported_at is not None or self.duplicate_of is not None

    def summary(self, resolutions: Mapping[str, Resolution]) -> FileSummary:
        per_reviewer: dict[str, dict[str, int]] = {}

        def bump(reviewer: str, what: str, by: int = 1) -> None:
            counts = per_reviewer.setdefault(reviewer, {})
            counts[what] = counts.get(what, 0) + by

        for review in self.new_reviews:
            bump(review.reviewer, "new")
        for reviewer, count in self.unchanged.items():
            bump(reviewer, "unchanged", count)
        words = {Resolution.KEEP: "kept", Resolution.TAKE: "taken", Resolution.BOTH: "both"}
        for conflict in self.conflicts:
            chosen = resolutions.get(conflict.key)
            bump(conflict.reviewer, words[chosen] if chosen is not None else "unresolved")
        reviewers = {name: ReviewCounts(**counts) for name, counts in sorted(per_reviewer.items())}
        total = ReviewCounts()
        for counts in reviewers.values():
            total = total + counts
        return FileSummary(
            file_name=self.file.name,
            exported_by=self.file.manifest.exported_by,
            already_imported_at=self.already_imported_at,
            duplicate_of=self.duplicate_of,
            reviews=total,
            per_reviewer=reviewers,
            new_cases=self.new_cases,
            new_rounds=tuple(self.new_rounds),
            merged_rounds=tuple((incoming, into.name) for incoming, _, into in self.merged_rounds),
            renamed_rounds=tuple(self.renamed_rounds),
            new_checklist_versions=tuple(self.new_checklist_versions),
        )


@dataclass(eq=False)
class ImportPlan:
    """What importing the files would do; `conflicts` need a Resolution each before `apply_import`."""

    files: list[FilePlan]
    conflicts: list[Conflict]
    _checklists: list[_ChecklistInfo] = field(repr=False)
    _rounds: list[_RoundInfo] = field(repr=False)
    _filled_baselines: list[_RoundInfo] = field(repr=False)
    _cases: list[_CaseInfo] = field(repr=False)

    def summary(self, resolutions: Mapping[str, Resolution] | Resolution | None = None) -> ImportSummary:
        """The summary the import would give with these resolutions (conflicts without one count as unresolved)."""
        chosen = _as_mapping(self, resolutions) if resolutions is not None else {}
        return ImportSummary(tuple(f.summary(chosen) for f in self.files))


def _as_mapping(plan: ImportPlan, resolutions: Mapping[str, Resolution] | Resolution) -> dict[str, Resolution]:
    if isinstance(resolutions, Resolution):
        return {conflict.key: resolutions for conflict in plan.conflicts}
    return {key: Resolution(value) for key, value in resolutions.items()}


# ----------------------------------------------------------------------------------------------------------------
# Planning


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


def _numbered(base: str, taken: set[str] | dict[str, Any], limit: int) -> str:
    """ "base (2)", "base (3)", … : the first one not taken, cut to fit `limit` characters."""
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = base[: limit - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1


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
        )


def _as_stored(answers: Answers) -> dict[str, tuple[str, str | None]]:
    return {key: (encoded.value_json, note) for key, (encoded, note) in answers.items()}


# ----------------------------------------------------------------------------------------------------------------
# Writing


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
                }
            )
        self.round_ids.update(zip(rounds, insert_returning_ids(self.session, _ROUND, rows), strict=True))
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
