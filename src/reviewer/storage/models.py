"""The tables. Alembic migrations in `reviewer.storage.migrations` create them; this module never does.

Rows that travel between machines (checklist versions, rounds, cases, reviews, answers, audit events) carry a UUID
so that merging exchange files is idempotent. Timestamps are timezone-aware UTC.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from reviewer.domain.sex import Sex

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC and always gives back an aware datetime, also on SQLite, which keeps no zone."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use an aware UTC datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _uuid_field() -> str:
    return Field(default_factory=new_uuid, max_length=36, unique=True, index=True)  # type: ignore[no-any-return]


def _created_field() -> datetime:
    return Field(default_factory=utcnow, sa_type=UTCDateTime)  # type: ignore[no-any-return]


def _enum_type(enum: type[StrEnum]) -> sa.Enum:
    """Stored as the enum's value in a plain string column, read back as the enum member."""
    return sa.Enum(enum, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class ChecklistStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


class RoundKind(StrEnum):
    REAL = "real"
    TRAINING = "training"


class ReviewStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"


class ChecklistVersion(SQLModel, table=True):
    __tablename__ = "checklist_version"
    __table_args__ = (sa.UniqueConstraint("slug", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = _uuid_field()
    slug: str = Field(max_length=64, index=True)
    version: int
    area: str = Field(max_length=32)
    title: str = Field(max_length=200)
    status: ChecklistStatus = Field(sa_type=_enum_type(ChecklistStatus), default=ChecklistStatus.DRAFT)
    builtin: bool = False
    definition_json: str = Field(sa_type=sa.Text)
    sha256: str = Field(max_length=64)
    created_at: datetime = _created_field()
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Round(SQLModel, table=True):
    __tablename__ = "review_round"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = _uuid_field()
    name: str = Field(max_length=200, unique=True)
    area: str = Field(max_length=32)
    checklist_version_id: int = Field(foreign_key="checklist_version.id", index=True)
    period_label: str = Field(max_length=40)
    kind: RoundKind = Field(sa_type=_enum_type(RoundKind), default=RoundKind.REAL)
    fictitious: bool = False
    baseline_round_id: int | None = Field(default=None, foreign_key="review_round.id")
    archived: bool = False
    created_at: datetime = _created_field()
    # How the cases were drawn from the case system's list (services.sampling); None when they were entered by hand.
    sampling_json: str | None = Field(default=None, sa_type=sa.Text)
    # The lexicon the round's texts are counted with (services.lexicon); None for a round made before lexicons, which
    # counts with the built-in version 1.
    lexicon_version_id: int | None = Field(default=None, foreign_key="lexicon_version.id")


class LexiconVersion(SQLModel, table=True):
    """One version of the lexicon of value-laden words, never changed once stored: `entries_json` is the canonical
    JSON of reviewer.domain.wording, `sha256` its checksum."""

    __tablename__ = "lexicon_version"

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(unique=True)
    entries_json: str = Field(sa_type=sa.Text)
    sha256: str = Field(max_length=64)
    builtin: bool = False
    note: str = Field(default="", max_length=500)
    created_by: str = Field(default="", max_length=64)
    created_at: datetime = _created_field()


class Case(SQLModel, table=True):
    __tablename__ = "review_case"
    __table_args__ = (sa.UniqueConstraint("round_id", "case_code"),)

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = _uuid_field()
    round_id: int = Field(foreign_key="review_round.id", index=True)
    case_code: str = Field(max_length=64)
    sex: Sex = Field(sa_type=_enum_type(Sex))
    age_band: str | None = Field(default=None, max_length=32)
    unit: str | None = Field(default=None, max_length=100)
    created_at: datetime = _created_field()


class Review(SQLModel, table=True):
    __tablename__ = "review"
    __table_args__ = (sa.UniqueConstraint("case_id", "reviewer"),)

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = _uuid_field()
    case_id: int = Field(foreign_key="review_case.id", index=True)
    checklist_version_id: int = Field(foreign_key="checklist_version.id")
    reviewer: str = Field(max_length=64)
    status: ReviewStatus = Field(sa_type=_enum_type(ReviewStatus), default=ReviewStatus.NOT_STARTED)
    revision: int = 1
    content_sha256: str | None = Field(default=None, max_length=64)
    created_at: datetime = _created_field()
    updated_at: datetime = _created_field()
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Answer(SQLModel, table=True):
    """One answer. `value_json` is the truth; `value_code` and `value_number` mirror it for fast aggregation."""

    __tablename__ = "answer"
    __table_args__ = (sa.UniqueConstraint("review_id", "question_key"),)

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = _uuid_field()
    review_id: int = Field(foreign_key="review.id", index=True)
    question_key: str = Field(max_length=64)
    value_json: str = Field(sa_type=sa.Text)
    value_code: str | None = Field(default=None, max_length=64)
    value_number: float | None = None
    note: str | None = Field(default=None, sa_type=sa.Text)
    updated_at: datetime = _created_field()


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = _uuid_field()
    at: datetime = _created_field()
    actor: str = Field(max_length=64)
    entity: str = Field(max_length=32)
    entity_uuid: str = Field(max_length=36, index=True)
    action: str = Field(max_length=32)
    detail_json: str = Field(default="{}", sa_type=sa.Text)


class ImportRecord(SQLModel, table=True):
    __tablename__ = "import_record"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = _uuid_field()
    file_name: str = Field(max_length=260)
    file_sha256: str = Field(max_length=64, index=True)
    format_version: int
    imported_at: datetime = _created_field()
    summary_json: str = Field(default="{}", sa_type=sa.Text)


class TrainingPackRecord(SQLModel, table=True):
    """A training pack as it was when stored (imported, or built-in when a training round was made from it), so a
    round's facit never changes under it. `definition_json` is the pack's canonical JSON (reviewer.training)."""

    __tablename__ = "training_pack"
    __table_args__ = (sa.UniqueConstraint("slug", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = _uuid_field()
    slug: str = Field(max_length=64)
    version: int
    title: str = Field(max_length=200)
    area: str = Field(max_length=32)
    checklist_version_id: int = Field(foreign_key="checklist_version.id")
    builtin: bool = False
    definition_json: str = Field(sa_type=sa.Text)
    sha256: str = Field(max_length=64)
    imported_at: datetime = _created_field()


class TrainingRound(SQLModel, table=True):
    """Marks a round of kind training with the pack it was made from (none for one a facilitator builds by hand)."""

    __tablename__ = "training_round"

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="review_round.id", unique=True)
    pack_id: int | None = Field(default=None, foreign_key="training_pack.id", index=True)


class TrainingCaseText(SQLModel, table=True):
    """The case text a participant reads; only cases of training rounds have one, real cases never hold text."""

    __tablename__ = "training_case_text"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="review_case.id", unique=True)
    text: str = Field(sa_type=sa.Text)


class ReleaseRecord(SQLModel, table=True):
    """One anonymised export or anonymised report that left the unit: what selection it covered and which figures it
    published, so that a later release of an overlapping selection is checked against it. Aggregates only: no case,
    no code, no name (`rounds_json` holds each round's uuid, name, period and a digest of the state its figures
    describe; `figures_json` the published counts and what a reader knows of the hidden ones)."""

    __tablename__ = "release_record"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = _uuid_field()
    created_at: datetime = _created_field()
    kind: str = Field(max_length=8)
    checklist_slug: str = Field(max_length=64, index=True)
    checklist_version: int
    unit: str | None = Field(default=None, max_length=100)
    min_cell: int
    n_hidden: int
    n_hidden_for_earlier: int
    rounds_json: str = Field(sa_type=sa.Text)
    figures_json: str = Field(sa_type=sa.Text)


COUNT_KEY_COLUMNS = (
    "round_id",
    "status",
    "sex",
    "unit",
    "age_band",
    "reviewer",
    "question_key",
    "kind",
    "value",
    "number",
)


class AnswerCount(SQLModel, table=True):
    """How many answers of a kind and value there are per round, review status, the case's sex, unit and age band,
    reviewer and question. Aggregation reads these few hundred thousand rows instead of grouping millions of
    answers; `reviewer.services.answer_counts` keeps them current in the same transaction as every write to answers,
    reviews and cases. No column is NULL ('' stands for a missing unit or age band) so that one row per key holds.

    kind: 'c' an option code (in `value`), 'n' a number (in `number`), 'l' a multiple choice's JSON list (in
    `value`), 't' any other answer (text or date: counted, not aggregated)."""

    __tablename__ = "answer_count"
    __table_args__ = (sa.UniqueConstraint(*COUNT_KEY_COLUMNS, name="uq_answer_count_key"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="review_round.id")
    status: str = Field(max_length=16)
    sex: str = Field(max_length=16)
    unit: str = Field(max_length=100)
    age_band: str = Field(max_length=32)
    reviewer: str = Field(max_length=64)
    question_key: str = Field(max_length=64)
    kind: str = Field(max_length=1)
    value: str = Field(sa_type=sa.Text)
    number: float
    n: int
