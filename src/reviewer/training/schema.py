"""The training pack format, version 1 (`docs/training-packs.md`).

One pydantic model is the format: the loader validates with it, the JSON Schema in the repo is generated from it
(`python -m reviewer.training.jsonschema`), and its canonical dump is what is stored and hashed. What needs the
checklist (facit answers that fit their questions, sexes and age bands of the checklist) is in `loader.py`.
"""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from reviewer.checklists.schema import Area, Key, LocalizedText, NonBlank, Slug
from reviewer.domain.sex import Sex, read_legacy

FORMAT_VERSION = 1

CaseCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
# The same values the review form stores: an option code, a scale step or number, a list of option codes, a text.
FacitValue = str | int | float | list[str] | None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FeedbackMode(StrEnum):
    """When a participant sees the facit: after each case, or once all cases are answered."""

    AFTER_EACH_CASE = "after_each_case"
    AT_END = "at_end"


class ChecklistRef(_Strict):
    slug: Slug
    version: int = Field(ge=1)


class FacitEntry(_Strict):
    """The reference answer to one question and why; no answer (null) means the question is rightly left empty."""

    answer: FacitValue = None
    rationale: LocalizedText


class TrainingCase(_Strict):
    code: CaseCode
    # packs written before annat and okänt were told apart hold 'annat_okant': read as okänt
    sex: Annotated[Sex, BeforeValidator(read_legacy)]
    age_band: NonBlank
    title: LocalizedText | None = None
    text: NonBlank
    facit: dict[Key, FacitEntry] = Field(min_length=1)


class TrainingPack(_Strict):
    format_version: Literal[1]
    slug: Slug
    version: int = Field(ge=1)
    title: LocalizedText
    area: Area
    description: LocalizedText | None = None
    author: NonBlank
    checklist: ChecklistRef
    feedback: FeedbackMode = FeedbackMode.AFTER_EACH_CASE
    cases: list[TrainingCase] = Field(min_length=1)

    def case(self, code: str) -> TrainingCase | None:
        return next((c for c in self.cases if c.code == code), None)

    def canonical_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)

    def canonical_json(self) -> str:
        """The serialisation that is stored and hashed; key order and spacing are fixed."""
        return json.dumps(self.canonical_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def sha256(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()
