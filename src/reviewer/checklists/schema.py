"""The checklist definition format, version 1.

One pydantic model is the single source of the format: the loader validates with it, the JSON Schema shipped in the
repo is generated from it (`python -m reviewer.checklists.jsonschema`), and the canonical form that is hashed and
stored is its dump. Rules that span several fields (unique keys, `show_if` targets, option values) live in
`reviewer.checklists.rules`, so that all problems of a file can be reported at once.
"""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from reviewer.domain.sex import Subject
from reviewer.domain.wording.lexicon import WordGroup

FORMAT_VERSION = 1

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,62}$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,62}$")]
OptionValue = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]{0,62}$")]
NonBlank = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class LocalizedText(_Strict):
    """Swedish is required; English is optional per string. A bare string is shorthand for Swedish only."""

    sv: NonBlank
    en: NonBlank | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"sv": data}
        return data

    def text(self, language: str = "sv") -> str:
        return self.en if language == "en" and self.en else self.sv


class QuestionType(StrEnum):
    YES_NO = "yes_no"
    YES_NO_NA = "yes_no_na"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    INTEGER = "integer"
    DECIMAL = "decimal"
    MONEY = "money"
    DAYS = "days"
    DATE = "date"
    SCALE = "scale"
    TEXT = "text"


CHOICE_TYPES = frozenset({QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE})
NUMBER_TYPES = frozenset({QuestionType.INTEGER, QuestionType.DECIMAL, QuestionType.MONEY, QuestionType.DAYS})
SCALE_MIN, SCALE_MAX = 1, 5
# Each primary question is tested at alpha without adjustment, so each adds up to alpha to the chance of a finding
# by chance alone; three keep that chance at most 15 % and the rest of the round under the false discovery rate.
MAX_PRIMARY_QUESTIONS = 3


class Area(StrEnum):
    FARDTJANST = "fardtjanst"
    BARNOMSORG = "barnomsorg"
    MISSBRUK = "missbruk"
    OTHER = "annat"


class Option(_Strict):
    value: OptionValue
    label: LocalizedText


class Condition(_Strict):
    """Show a question only when an earlier question has one of the given answers.

    `equals` and `in` are exclusive. For a yes/no question the values are the option values "ja", "nej",
    "ej_aktuellt"; for a multiple-choice question the condition holds when any chosen option matches.
    """

    question: Key
    equals: str | int | None = None
    in_: list[str | int] | None = Field(default=None, alias="in", min_length=1)

    @model_validator(mode="after")
    def _exactly_one_test(self) -> Condition:
        if (self.equals is None) == (self.in_ is None):
            raise ValueError("show_if needs exactly one of 'equals' or 'in'")
        return self

    def accepted(self) -> tuple[str | int, ...]:
        if self.in_ is not None:
            return tuple(self.in_)
        assert self.equals is not None
        return (self.equals,)


class ScaleAnchors(_Strict):
    """What the ends of a 1–5 scale mean, shown under the scale so that two reviewers read 1 and 5 alike."""

    low: LocalizedText
    high: LocalizedText


class MeasureKind(StrEnum):
    """What the text aid counts in a pasted passage (see `reviewer.checklists.measures`)."""

    WORDS = "words"
    SENTENCES = "sentences"
    LEXICON_HITS = "lexicon_hits"
    LEXICON_HITS_PER_100 = "lexicon_hits_per_100"


LEXICON_KINDS = frozenset({MeasureKind.LEXICON_HITS, MeasureKind.LEXICON_HITS_PER_100})
# The question types a measure may sit on, per kind: a count is whole, a rate per 100 words is not.
MEASURE_TYPES = {
    MeasureKind.WORDS: frozenset({QuestionType.INTEGER, QuestionType.DECIMAL}),
    MeasureKind.SENTENCES: frozenset({QuestionType.INTEGER, QuestionType.DECIMAL}),
    MeasureKind.LEXICON_HITS: frozenset({QuestionType.INTEGER, QuestionType.DECIMAL}),
    MeasureKind.LEXICON_HITS_PER_100: frozenset({QuestionType.DECIMAL}),
}


class Measure(_Strict):
    """A number question answered by counting a passage instead of by judgement; `group` narrows lexicon hits to
    one word group of the round's lexicon."""

    kind: MeasureKind
    group: WordGroup | None = None


class TextAid(_Strict):
    """The question whose row offers the text aid, and the measured questions its counts fill."""

    fills: list[Key] = Field(min_length=1)


class Question(_Strict):
    key: Key
    type: QuestionType
    text: LocalizedText
    help: LocalizedText | None = None
    options: list[Option] | None = None
    required: bool = False
    show_if: Condition | None = None
    compare_by_sex: bool = False
    # Decided before the round: a primary question is tested on its own, not adjusted for the round's other questions.
    primary: bool = False
    # For single and multiple choice: the option whose share is compared, fixed in advance instead of the most
    # different one (before/after always compares a fixed option).
    compare_option: OptionValue | None = None
    min: float | None = None
    max: float | None = None
    # For scale questions only: the meaning of 1 and 5.
    anchors: ScaleAnchors | None = None
    # For integer and decimal questions: the answer is counted from a pasted passage by a text aid.
    measure: Measure | None = None
    # A button on this question opens the text aid, which fills the measured questions listed.
    text_aid: TextAid | None = None


class Section(_Strict):
    key: Key
    title: LocalizedText
    description: LocalizedText | None = None
    questions: list[Question] = Field(min_length=1)


class PreviousVersion(_Strict):
    """How this version's question keys relate to the version before it, so rounds stay comparable.

    Keys not named in `key_map` and present in both versions map to themselves; `retired` lists keys of the
    previous version that have no successor.
    """

    version: int = Field(ge=1)
    key_map: dict[Key, Key] = Field(default_factory=dict)
    retired: list[Key] = Field(default_factory=list)


DEFAULT_SUBJECT_LABEL = LocalizedText(sv="den som ärendet gäller", en="the person the case is about")


class ChecklistDefinition(_Strict):
    format_version: Literal[1]
    slug: Slug
    version: int = Field(ge=1)
    area: Area
    title: LocalizedText
    description: LocalizedText | None = None
    subject: Subject
    # Whose sex the case records ("sökande", "barnet"): every table, chart and report names it beside Kvinnor/Män.
    subject_label: LocalizedText | None = None
    age_bands: list[Option] = Field(min_length=1)
    previous: PreviousVersion | None = None
    sections: list[Section] = Field(min_length=1)

    @cached_property
    def _by_key(self) -> dict[str, Question]:
        return {q.key: q for s in self.sections for q in s.questions}

    def questions(self) -> list[Question]:
        return list(self._by_key.values())

    def question(self, key: str) -> Question | None:
        return self._by_key.get(key)

    def sex_of(self) -> LocalizedText:
        """The person whose sex is recorded; a checklist that does not name one says 'the person the case is about'."""
        return self.subject_label or DEFAULT_SUBJECT_LABEL

    def canonical_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=False)

    def canonical_json(self) -> str:
        """The one serialisation that is stored, hashed and exported; key order and spacing are fixed."""
        return json.dumps(self.canonical_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def sha256(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()


def implicit_options(question: Question) -> list[str | int]:
    """The answer values a question accepts when it has a fixed set of them."""
    if question.type is QuestionType.YES_NO:
        return ["ja", "nej"]
    if question.type is QuestionType.YES_NO_NA:
        return ["ja", "nej", "ej_aktuellt"]
    if question.type is QuestionType.SCALE:
        return list(range(SCALE_MIN, SCALE_MAX + 1))
    if question.type in CHOICE_TYPES and question.options:
        return [o.value for o in question.options]
    return []
