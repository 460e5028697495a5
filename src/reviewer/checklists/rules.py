"""Rules of a checklist definition that span several fields; each broken rule becomes one issue naming its key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reviewer.checklists.schema import (
    CHOICE_TYPES,
    NUMBER_TYPES,
    ChecklistDefinition,
    Question,
    QuestionType,
    implicit_options,
)
from reviewer.domain.text import Language, Message, language_from_environment


@dataclass(frozen=True)
class Issue:
    """One problem in a checklist file: where (JSON path, and the question key when there is one) and what."""

    path: str
    message: Message
    key: str | None = None

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        where = self.path or "/"
        if self.key:
            where = f"{where} ({'question' if lang == 'en' else 'fråga'} '{self.key}')"
        return f"{where}: {self.message.text(lang)}"


def check_rules(definition: ChecklistDefinition) -> list[Issue]:
    issues: list[Issue] = []
    issues += _unique_option_values("age_bands", [o.value for o in definition.age_bands])
    seen_sections: set[str] = set()
    seen_questions: dict[str, Question] = {}
    for s_index, section in enumerate(definition.sections):
        s_path = f"sections[{s_index}]"
        if section.key in seen_sections:
            issues.append(
                Issue(
                    f"{s_path}.key",
                    Message(
                        f"avsnittsnyckeln '{section.key}' används mer än en gång",
                        f"section key '{section.key}' is used more than once",
                    ),
                )
            )
        seen_sections.add(section.key)
        for q_index, question in enumerate(section.questions):
            q_path = f"{s_path}.questions[{q_index}]"
            issues += _check_question(question, q_path, seen_questions)
            if question.key in seen_questions:
                issues.append(
                    Issue(
                        f"{q_path}.key",
                        Message(
                            f"frågenyckeln '{question.key}' används mer än en gång",
                            f"question key '{question.key}' is used more than once",
                        ),
                        question.key,
                    )
                )
            else:
                seen_questions[question.key] = question
    issues += _check_previous(definition, seen_questions)
    return issues


def _unique_option_values(path: str, values: list[str]) -> list[Issue]:
    issues = []
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            issues.append(
                Issue(
                    f"{path}[{index}].value",
                    Message(
                        f"svarsalternativet '{value}' finns mer än en gång",
                        f"option value '{value}' appears more than once",
                    ),
                )
            )
        seen.add(value)
    return issues


def _check_question(question: Question, path: str, earlier: dict[str, Question]) -> list[Issue]:
    key = question.key
    issues: list[Issue] = []
    if question.type in CHOICE_TYPES:
        if not question.options or len(question.options) < 2:
            issues.append(
                Issue(
                    f"{path}.options",
                    Message(
                        "en flervalsfråga behöver minst två svarsalternativ",
                        "a choice question needs at least two options",
                    ),
                    key,
                )
            )
        else:
            issues += [
                Issue(i.path and f"{path}.{i.path}", i.message, key)
                for i in _unique_option_values("options", [o.value for o in question.options])
            ]
    elif question.options is not None:
        issues.append(
            Issue(
                f"{path}.options",
                Message(
                    f"frågetypen '{question.type.value}' har inga egna svarsalternativ",
                    f"question type '{question.type.value}' takes no options",
                ),
                key,
            )
        )
    if (question.min is not None or question.max is not None) and question.type not in NUMBER_TYPES:
        issues.append(
            Issue(
                path,
                Message(
                    "min och max gäller bara frågor med tal",
                    "min and max apply only to number questions",
                ),
                key,
            )
        )
    if question.min is not None and question.max is not None and question.min > question.max:
        issues.append(Issue(path, Message("min är större än max", "min is greater than max"), key))
    if question.show_if is not None:
        issues += _check_condition(question, path, earlier)
    return issues


def _check_condition(question: Question, path: str, earlier: dict[str, Question]) -> list[Issue]:
    assert question.show_if is not None
    target_key = question.show_if.question
    cond_path = f"{path}.show_if.question"
    target = earlier.get(target_key)
    if target is None:
        return [
            Issue(
                cond_path,
                Message(
                    f"show_if hänvisar till '{target_key}', som inte finns före denna fråga",
                    f"show_if refers to '{target_key}', which is not a question before this one",
                ),
                question.key,
            )
        ]
    allowed = implicit_options(target)
    if not allowed:
        return [
            Issue(
                cond_path,
                Message(
                    f"show_if kan inte bygga på '{target_key}' av typen '{target.type.value}'; "
                    "använd en ja/nej-, flervals- eller skalfråga",
                    f"show_if cannot depend on '{target_key}' of type '{target.type.value}'; "
                    "use a yes/no, choice or scale question",
                ),
                question.key,
            )
        ]
    bad = [v for v in question.show_if.accepted() if v not in allowed]
    if bad:
        return [
            Issue(
                f"{path}.show_if",
                Message(
                    f"show_if använder värdet {bad[0]!r}, som '{target_key}' inte kan ha "
                    f"(möjliga: {', '.join(map(str, allowed))})",
                    f"show_if uses the value {bad[0]!r}, which '{target_key}' cannot have "
                    f"(possible: {', '.join(map(str, allowed))})",
                ),
                question.key,
            )
        ]
    return []


def _check_previous(definition: ChecklistDefinition, questions: dict[str, Question]) -> list[Issue]:
    previous = definition.previous
    if previous is None:
        return []
    issues: list[Issue] = []
    if previous.version >= definition.version:
        issues.append(
            Issue(
                "previous.version",
                Message(
                    "den föregående versionen måste ha ett lägre versionsnummer",
                    "the previous version must have a lower version number",
                ),
            )
        )
    for new_key in previous.key_map:
        if new_key not in questions:
            issues.append(
                Issue(
                    f"previous.key_map.{new_key}",
                    Message(
                        f"nyckelmappningen nämner '{new_key}', som inte är en fråga i denna version",
                        f"the key mapping names '{new_key}', which is not a question in this version",
                    ),
                    new_key,
                )
            )
    old_targets = list(previous.key_map.values())
    for old_key in set(old_targets):
        if old_targets.count(old_key) > 1:
            issues.append(
                Issue(
                    "previous.key_map",
                    Message(
                        f"den gamla nyckeln '{old_key}' mappas från flera frågor",
                        f"the old key '{old_key}' is mapped from several questions",
                    ),
                    old_key,
                )
            )
    for old_key in previous.retired:
        if old_key in old_targets:
            issues.append(
                Issue(
                    "previous.retired",
                    Message(
                        f"'{old_key}' är både pensionerad och mappad",
                        f"'{old_key}' is both retired and mapped",
                    ),
                    old_key,
                )
            )
    return issues


def is_visible(question: Question, answers: Mapping[str, object], definition: ChecklistDefinition) -> bool:
    """Whether a question is shown given the answers so far; a hidden question hides its dependants too."""
    condition = question.show_if
    if condition is None:
        return True
    target = definition.question(condition.question)
    if target is None or not is_visible(target, answers, definition):
        return False
    answer = answers.get(condition.question)
    accepted = condition.accepted()
    if target.type is QuestionType.MULTIPLE_CHOICE and isinstance(answer, list):
        return any(a in accepted for a in answer)
    return answer in accepted
