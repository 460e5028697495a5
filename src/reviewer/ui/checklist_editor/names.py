"""Display names for the codes of the checklist format, translated at call time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from reviewer.checklists.schema import CHOICE_TYPES, SCALE_MAX, SCALE_MIN, QuestionType


def question_type_names() -> list[tuple[str, str]]:
    """(code, name) of every question type, in the order a unit chief meets them most."""
    names = {
        QuestionType.YES_NO: QCoreApplication.translate("ChecklistNames", "Yes/no"),
        QuestionType.YES_NO_NA: QCoreApplication.translate("ChecklistNames", "Yes/no/not applicable"),
        QuestionType.SINGLE_CHOICE: QCoreApplication.translate("ChecklistNames", "One of several options"),
        QuestionType.MULTIPLE_CHOICE: QCoreApplication.translate("ChecklistNames", "Several options"),
        QuestionType.INTEGER: QCoreApplication.translate("ChecklistNames", "Whole number"),
        QuestionType.DECIMAL: QCoreApplication.translate("ChecklistNames", "Decimal number"),
        QuestionType.MONEY: QCoreApplication.translate("ChecklistNames", "Amount (SEK)"),
        QuestionType.DAYS: QCoreApplication.translate("ChecklistNames", "Number of days"),
        QuestionType.DATE: QCoreApplication.translate("ChecklistNames", "Date"),
        QuestionType.SCALE: QCoreApplication.translate("ChecklistNames", "Scale 1–5"),
        QuestionType.TEXT: QCoreApplication.translate("ChecklistNames", "Free text"),
    }
    return [(kind.value, name) for kind, name in names.items()]


def subject_names() -> list[tuple[str, str]]:
    return [
        ("adult", QCoreApplication.translate("ChecklistNames", "Adults (woman/man)")),
        ("child", QCoreApplication.translate("ChecklistNames", "Children (girl/boy)")),
    ]


def answer_values(question: dict[str, Any]) -> list[tuple[str | int, str]]:
    """The answers a `show_if` can test for a question in file form, with the labels a reviewer sees."""
    kind = question.get("type")
    yes = QCoreApplication.translate("AnswerEditors", "Yes")
    no = QCoreApplication.translate("AnswerEditors", "No")
    if kind == QuestionType.YES_NO:
        return [("ja", yes), ("nej", no)]
    if kind == QuestionType.YES_NO_NA:
        not_applicable = QCoreApplication.translate("AnswerEditors", "Not applicable")
        return [("ja", yes), ("nej", no), ("ej_aktuellt", not_applicable)]
    if kind == QuestionType.SCALE:
        return [(value, str(value)) for value in range(SCALE_MIN, SCALE_MAX + 1)]
    if kind in CHOICE_TYPES:
        options = question.get("options")
        return [
            (str(o.get("value", "")), _swedish(o.get("label")) or str(o.get("value", "")))
            for o in (options if isinstance(options, list) else [])
            if isinstance(o, dict) and o.get("value")
        ]
    return []


def question_text(question: dict[str, Any]) -> str:
    """The question as the reviewer reads it, for places where its key would be noise (the publish dialog)."""
    return _swedish(question.get("text")) or QCoreApplication.translate("ChecklistNames", "(no text)")


def question_title(question: dict[str, Any]) -> str:
    return f"{question_text(question)} ({question.get('key', '')})"


def _swedish(text: Any) -> str:
    return str(text.get("sv", "")).strip() if isinstance(text, dict) else ""
