"""What importing exchange files would do: the plan `plan_import` makes and `apply_import` writes, with the
conflicts the user settles in between."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.sex import Sex
from reviewer.domain.text import Language, language_from_environment
from reviewer.services.bulk_reviews import Answers
from reviewer.services.exchange.format import ReviewRecord, RoundRecord
from reviewer.services.exchange.reader import ExchangeFile, PreparedReview
from reviewer.services.exchange.summary import FileSummary, ImportSummary, Resolution, ReviewCounts
from reviewer.storage.models import ReviewStatus, RoundKind

MAX_ROUND_NAME, MAX_REVIEWER = 200, 64


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
    sampling: dict[str, Any] | None = None  # the sampling record, as stored (services.sampling.record)
    sampling_loaded: bool = False  # for a round here: whether `sampling` has been read from the database

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
    sampling_taken: list[str] = field(default_factory=list)  # rounds here that got the file's sampling record
    sampling_kept: list[str] = field(default_factory=list)  # rounds here whose own, different record was kept

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
            sampling_taken=tuple(self.sampling_taken),
            sampling_kept=tuple(self.sampling_kept),
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
    _filled_sampling: list[_RoundInfo] = field(default_factory=list, repr=False)

    def summary(self, resolutions: Mapping[str, Resolution] | Resolution | None = None) -> ImportSummary:
        """The summary the import would give with these resolutions (conflicts without one count as unresolved)."""
        chosen = _as_mapping(self, resolutions) if resolutions is not None else {}
        return ImportSummary(tuple(f.summary(chosen) for f in self.files))


def _as_mapping(plan: ImportPlan, resolutions: Mapping[str, Resolution] | Resolution) -> dict[str, Resolution]:
    if isinstance(resolutions, Resolution):
        return {conflict.key: resolutions for conflict in plan.conflicts}
    return {key: Resolution(value) for key, value in resolutions.items()}


def _numbered(base: str, taken: set[str] | dict[str, Any], limit: int) -> str:
    """ "base (2)", "base (3)", … : the first one not taken, cut to fit `limit` characters."""
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = base[: limit - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1
