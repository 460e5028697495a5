"""For the exports' last guard (`reports.guard`): what must never appear in a file, and the checklist's own words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from reviewer.services.checklists import definition_of
from reviewer.storage.models import AuditEvent, Case, ChecklistVersion, Review


@dataclass(frozen=True)
class ForbiddenStrings:
    """What must never appear in an anonymised export: every case code, and every name – reviewers and the people
    in the audit log."""

    case_codes: frozenset[str]
    names: frozenset[str]


def forbidden_strings(session: Session) -> ForbiddenStrings:
    def distinct(column: Any) -> frozenset[str]:
        return frozenset(v.strip() for v in session.exec(select(column).distinct()) if v and v.strip())

    return ForbiddenStrings(distinct(Case.case_code), distinct(Review.reviewer) | distinct(AuditEvent.actor))


def checklist_texts(session: Session, slug: str) -> list[str]:
    """The texts of every version of a checklist that an export shows (titles, questions, options), in both
    languages: the export's ordinary vocabulary, which the guard needs to tell a word from a name."""
    texts: list[str] = []
    for row in session.exec(select(ChecklistVersion).where(ChecklistVersion.slug == slug)):
        definition = definition_of(row)
        texts += [definition.title.sv, definition.title.en or ""]
        for section in definition.sections:
            texts += [section.title.sv, section.title.en or ""]
            for question in section.questions:
                texts += [question.text.sv, question.text.en or ""]
                for option in question.options or []:
                    texts += [option.label.sv, option.label.en or ""]
    return [t for t in texts if t]
