"""The exchange format, version 1: what a caseworker's file holds, as pydantic models.

These models are the single source of the format: the importer validates with them (extra fields are refused),
and the JSON Schema shipped in `schema/exchange-v1.schema.json` is generated from them
(`python -m reviewer.services.exchange.jsonschema`; a test keeps the file current). `docs/exchange-format.md` describes
every field and the rules around them.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Literal, NotRequired

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, SkipValidation, StringConstraints
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from reviewer.checklists.schema import Key, Slug
from reviewer.domain.sex import Sex, read_legacy
from reviewer.storage.models import ReviewStatus, RoundKind

# The largest integer the databases store (a signed 64-bit integer), and the largest checklist version a reference
# (slug@version) can name.
MAX_INTEGER = 2**63 - 1
MAX_VERSION = 999_999_999

FORMAT_NAME = "reviewer-exchange"
FORMAT_VERSION = 1

Uuid = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
# Files of earlier versions hold 'annat_okant' for annat and okänt together: read as okänt (docs/exchange-format.md).
CaseSex = Annotated[Sex, BeforeValidator(read_legacy)]
ChecklistRef = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,62}@[1-9][0-9]{0,8}$")]


def canonical_json(value: Any) -> str:
    """The one serialisation that is hashed: sorted keys, no spaces, UTF-8 characters as they are."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def checklist_ref(slug: str, version: int) -> str:
    return f"{slug}@{version}"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Counts(_Record):
    """How many records the content holds; the importer checks them, so a file cut short inside is noticed."""

    checklist_versions: int = Field(ge=0, le=MAX_INTEGER)
    rounds: int = Field(ge=0, le=MAX_INTEGER)
    cases: int = Field(ge=0, le=MAX_INTEGER)
    reviews: int = Field(ge=0, le=MAX_INTEGER)
    answers: int = Field(ge=0, le=MAX_INTEGER)


class Manifest(_Record):
    created_at: AwareDatetime = Field(description="When the file was written (UTC, ISO 8601).")
    app_version: str = Field(max_length=40, description="The version of the program that wrote the file.")
    exported_by: str = Field(
        max_length=64, description="The reviewer name (initials or pseudonym) of whoever exported; may be empty."
    )
    counts: Counts
    content_sha256: Sha256 = Field(
        description="SHA-256 (hex) of the canonical JSON of `content`: keys sorted, separators ',' and ':', "
        "non-ASCII characters written as they are, UTF-8."
    )


class ChecklistRecord(_Record):
    """A checklist version that the rounds or reviews in the file use, with its whole definition."""

    slug: Slug
    version: int = Field(ge=1, le=MAX_VERSION)
    uuid: Uuid
    status: Literal["published", "retired"]
    sha256: Sha256 = Field(description="SHA-256 of the definition's canonical JSON, as stored by the program.")
    definition: dict[str, Any] = Field(description="The checklist definition (checklist-v1.schema.json).")


class PackRef(_Record):
    """The training pack a training round was made from: its facit is what the participants' answers are read
    against."""

    slug: Slug
    version: int = Field(ge=1, le=MAX_VERSION)


class SamplingDesign(_Record):
    allocation: Literal["equal", "proportional"] = Field(
        description="equal: `size` women and `size` men (per unit with `by_unit`); proportional: `size` in all."
    )
    size: int = Field(ge=1, le=MAX_INTEGER)
    seed: int = Field(ge=-MAX_INTEGER, le=MAX_INTEGER, description="The seed of the permanent random numbers.")
    by_unit: bool
    double_share: float = Field(ge=0, le=1, description="The share of the sample reviewed twice.")
    reviewers: list[Annotated[str, StringConstraints(min_length=1, max_length=64)]] = Field(
        max_length=1000, description="The reviewers' initials the cases were shared out to, in order."
    )


class SamplingList(_Record):
    sha256: Sha256 = Field(description="SHA-256 of the list file the sample was drawn from.")
    rows: int = Field(ge=0, le=MAX_INTEGER)
    eligible: int = Field(ge=0, le=MAX_INTEGER, description="The rows decided within the period, if one was given.")
    name: str | None = Field(default=None, max_length=255, description="The list's file name.")


class SamplingPeriod(_Record):
    decided_from: date | None
    decided_to: date | None


class SamplingStratum(_Record):
    unit: str | None = Field(max_length=100, description="The unit, or null when the sample was not drawn by unit.")
    group: Literal["female", "male", "other"]
    available: int = Field(ge=0, le=MAX_INTEGER)
    drawn: int = Field(ge=0, le=MAX_INTEGER)


class RoundSampling(_Record):
    """How a round's cases were drawn from the case system's list (docs/planning.md): the round's `sampling_json`."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    format_version: Literal[1]
    method: str = Field(max_length=100, description="The drawing method, e.g. sha256-permanent-random-numbers-v1.")
    design: SamplingDesign
    list_: SamplingList = Field(alias="list")
    period: SamplingPeriod
    strata: list[SamplingStratum] = Field(max_length=100_000)
    assignments: dict[Uuid, list[Annotated[str, StringConstraints(min_length=1, max_length=64)]]] = Field(
        description="Case UUID (a case of this round in the file) → the reviewers it was assigned to; two for a "
        "double-reviewed case."
    )
    drawn_at: AwareDatetime


class RoundRecord(_Record):
    uuid: Uuid
    name: str = Field(min_length=1, max_length=200)
    area: str = Field(max_length=32, description="The area of the round's checklist.")
    checklist: ChecklistRef = Field(description="The checklist version the round uses, as slug@version.")
    period_label: str = Field(max_length=40)
    kind: RoundKind
    fictitious: bool
    baseline_round_uuid: Uuid | None = Field(
        description="The round this one is compared with (before/after); only its UUID, its content is in the "
        "file only if it was exported too."
    )
    archived: bool
    created_at: AwareDatetime
    sampling: RoundSampling | None = Field(
        default=None,
        description="How the round's cases were drawn, when they were (optional: written only for such a round, "
        "absent from files made before it existed).",
    )
    training_pack: PackRef | None = Field(
        default=None,
        description="Only in a training exchange file (kind training): the pack the round was made from. Left out "
        "for real rounds.",
    )


class CaseRecord(_Record):
    uuid: Uuid
    round_uuid: Uuid
    case_code: str = Field(min_length=1, max_length=64, description="The pseudonymous case code.")
    sex: CaseSex
    age_band: str | None = Field(max_length=32)
    unit: str | None = Field(max_length=100)
    created_at: AwareDatetime


class AnswerRecord(TypedDict):
    """One answer: the value as the JSON value itself (a string, number, list of option values, or null when only a
    note was given) and an optional note."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]

    value: Any
    note: NotRequired[str]


class ReviewRecord(_Record):
    uuid: Uuid
    case_uuid: Uuid
    checklist: ChecklistRef = Field(description="The checklist version the review was made with (the round's).")
    reviewer: str = Field(min_length=1, max_length=64)
    status: ReviewStatus
    revision: int = Field(ge=1, le=MAX_INTEGER)
    content_sha256: Sha256 = Field(
        description="SHA-256 over the answers and notes: the canonical JSON of {key: [JSON text of the value, "
        "note or null]}, where the JSON text is the value serialised with ', ' and ': ' separators."
    )
    created_at: AwareDatetime
    updated_at: AwareDatetime
    completed_at: AwareDatetime | None
    # Checked by the reader as it encodes each answer (the same rules: `value` required, `note` a string, nothing
    # else); letting pydantic copy a third of a million small dicts first would double the time to read a file.
    answers: SkipValidation[dict[Key, AnswerRecord]] = Field(description="Question key → answer.")


class ExchangeContent(_Record):
    checklist_versions: list[ChecklistRecord]
    rounds: list[RoundRecord]
    cases: list[CaseRecord]
    reviews: list[ReviewRecord]


class ExchangeDocument(_Record):
    """An exchange file's plain form: one JSON document (UTF-8), written gzip-compressed."""

    format: Literal["reviewer-exchange"]
    format_version: Literal[1]
    manifest: Manifest
    content: ExchangeContent
