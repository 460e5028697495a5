"""The facit of a pack a facilitator makes in the program: read off their one review of each case, where the note on
each answer is its rationale (docs/training-packs.md, "Making a pack in the program"). Pure: no database, no Qt."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from reviewer.checklists.answers import AnswerValue
from reviewer.checklists.rules import is_visible
from reviewer.checklists.schema import ChecklistDefinition, Question

CASE_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")  # the pack format's case code (training.schema)


def facit_of_review(
    definition: ChecklistDefinition, answers: dict[str, AnswerValue], notes: dict[str, str]
) -> tuple[dict[str, dict[str, Any]], list[Question]]:
    """The facit entries of every question the answers show, and the shown questions that have no rationale yet.

    A question the answers hide is left out, as the loader wants; an empty optional answer with a note is a facit
    of "rightly left empty"."""
    facit: dict[str, dict[str, Any]] = {}
    missing: list[Question] = []
    for question in definition.questions():
        if not is_visible(question, answers, definition):
            continue
        rationale = (notes.get(question.key) or "").strip()
        if not rationale:
            missing.append(question)
            continue
        entry: dict[str, Any] = {"rationale": rationale}
        if answers.get(question.key) is not None:
            entry["answer"] = answers[question.key]
        facit[question.key] = entry
    return facit, missing


def slug_from(text: str) -> str:
    """A pack slug made from a title: lower case, å ä ö as a a o, other runs of signs as one hyphen."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    slug = re.sub(r"^[^a-z]+", "", slug)[:63].rstrip("-")
    return slug or "paket"
