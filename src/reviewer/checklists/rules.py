"""Rules of a checklist definition that span several fields; each broken rule becomes one issue naming its key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reviewer.checklists.issues import Issue as Issue
from reviewer.checklists.measures import check_measures
from reviewer.checklists.schema import (
    CHOICE_TYPES,
    MAX_PRIMARY_QUESTIONS,
    NUMBER_TYPES,
    ChecklistDefinition,
    PreviousVersion,
    Question,
    QuestionType,
    implicit_options,
)
from reviewer.domain.text import Message


@dataclass(frozen=True)
class SectionPart:
    """A section as far as it could be read: questions that failed the schema appear by their raw key only.

    This lets the rules run on a draft that is still invalid (the editor validates on every keystroke), with the
    original indices so that every issue's path still points at the right place.
    """

    index: int
    key: str | None
    questions: list[tuple[int, Question | str]]


def check_rules(definition: ChecklistDefinition) -> list[Issue]:
    sections = [
        SectionPart(index, section.key, list(enumerate(section.questions)))
        for index, section in enumerate(definition.sections)
    ]
    return check_parts(definition.version, [o.value for o in definition.age_bands], sections, definition.previous)


def check_parts(
    version: int | None,
    age_band_values: list[str | None],
    sections: list[SectionPart],
    previous: PreviousVersion | None,
) -> list[Issue]:
    """The rules over whatever parts of a definition are readable; None and raw keys stand for unreadable parts."""
    issues: list[Issue] = []
    issues += _unique_option_values("age_bands", age_band_values)
    seen_sections: set[str] = set()
    seen_questions: dict[str, Question | None] = {}
    readable: list[tuple[str, Question]] = []
    for section in sections:
        s_path = f"sections[{section.index}]"
        if section.key is not None and section.key in seen_sections:
            issues.append(
                Issue(
                    f"{s_path}.key",
                    Message(
                        f"avsnittsnyckeln '{section.key}' används mer än en gång",
                        f"section key '{section.key}' is used more than once",
                    ),
                )
            )
        if section.key is not None:
            seen_sections.add(section.key)
        for q_index, question in section.questions:
            q_path = f"{s_path}.questions[{q_index}]"
            key = question if isinstance(question, str) else question.key
            if not isinstance(question, str):
                issues += _check_question(question, q_path, seen_questions)
                readable.append((q_path, question))
            if key in seen_questions:
                issues.append(
                    Issue(
                        f"{q_path}.key",
                        Message(
                            f"frågenyckeln '{key}' används mer än en gång",
                            f"question key '{key}' is used more than once",
                        ),
                        key,
                    )
                )
            else:
                seen_questions[key] = None if isinstance(question, str) else question
    primary = [key for key, q in seen_questions.items() if q is not None and q.primary]
    if len(primary) > MAX_PRIMARY_QUESTIONS:
        issues.append(
            Issue(
                "sections",
                Message(
                    f"högst {MAX_PRIMARY_QUESTIONS} frågor kan vara huvudfrågor (primary); nu är {len(primary)} det: "
                    + ", ".join(primary),
                    f"at most {MAX_PRIMARY_QUESTIONS} questions can be primary; {len(primary)} are: "
                    + ", ".join(primary),
                ),
            )
        )
    issues += check_measures(readable)
    issues += _check_previous(version, previous, seen_questions)
    return issues


def _unique_option_values(path: str, values: list[str | None]) -> list[Issue]:
    issues = []
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value is None:
            continue
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


def _check_question(question: Question, path: str, earlier: dict[str, Question | None]) -> list[Issue]:
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
                f"{path}.min" if question.min is not None else f"{path}.max",
                Message(
                    "min och max gäller bara frågor med tal",
                    "min and max apply only to number questions",
                ),
                key,
            )
        )
    if question.anchors is not None and question.type is not QuestionType.SCALE:
        issues.append(
            Issue(
                f"{path}.anchors",
                Message(
                    "skalans ändpunkter (anchors) gäller bara skalfrågor",
                    "scale anchors apply only to scale questions",
                ),
                key,
            )
        )
    if question.min is not None and question.max is not None and question.min > question.max:
        issues.append(Issue(f"{path}.min", Message("min är större än max", "min is greater than max"), key))
    if question.primary and not question.compare_by_sex:
        issues.append(
            Issue(
                f"{path}.primary",
                Message(
                    "en huvudfråga (primary) måste jämföras mellan könen (compare_by_sex)",
                    "a primary question must be compared by sex (compare_by_sex)",
                ),
                key,
            )
        )
    if question.compare_option is not None:
        values = [o.value for o in question.options or []] if question.type in CHOICE_TYPES else []
        if question.compare_option not in values:
            issues.append(
                Issue(
                    f"{path}.compare_option",
                    Message(
                        f"compare_option '{question.compare_option}' är inte ett av frågans svarsalternativ"
                        if question.type in CHOICE_TYPES
                        else "compare_option gäller bara envals- och flervalsfrågor",
                        f"compare_option '{question.compare_option}' is not one of the question's options"
                        if question.type in CHOICE_TYPES
                        else "compare_option applies only to single and multiple choice questions",
                    ),
                    key,
                )
            )
    if question.show_if is not None:
        issues += _check_condition(question, path, earlier)
    return issues


def _check_condition(question: Question, path: str, earlier: dict[str, Question | None]) -> list[Issue]:
    assert question.show_if is not None
    target_key = question.show_if.question
    cond_path = f"{path}.show_if.question"
    if target_key in earlier and earlier[target_key] is None:
        return []  # the target exists but is itself unreadable; its own issues say why
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


def _check_previous(
    version: int | None, previous: PreviousVersion | None, questions: Mapping[str, object]
) -> list[Issue]:
    if previous is None:
        return []
    issues: list[Issue] = []
    if version is not None and previous.version >= version:
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
    # Several new keys may name the same old key: a question split in two keeps both halves comparable.
    old_targets = set(previous.key_map.values())
    for index, old_key in enumerate(previous.retired):
        if old_key in old_targets:
            issues.append(
                Issue(
                    f"previous.retired[{index}]",
                    Message(
                        f"'{old_key}' är både borttagen och mappad",
                        f"'{old_key}' is both retired and mapped",
                    ),
                    old_key,
                )
            )
    return issues


def check_mapping(definition: ChecklistDefinition, previous_definition: ChecklistDefinition) -> list[Issue]:
    """Whether `definition.previous` accounts for every question of the version it names.

    Needs both versions, so it runs when a version is published or imported beside the one it follows, not in the
    file check. Every old key must still exist, be mapped from a new key (renamed or split), or be retired.
    """
    previous = definition.previous
    if previous is None:
        return []
    new_keys = {q.key for q in definition.questions()}
    old_keys = {q.key for q in previous_definition.questions()}
    issues: list[Issue] = []
    for new_key, old_key in previous.key_map.items():
        if old_key not in old_keys:
            issues.append(
                Issue(
                    f"previous.key_map.{new_key}",
                    Message(
                        f"'{new_key}' mappas från '{old_key}', som inte är en fråga i version {previous.version}",
                        f"'{new_key}' is mapped from '{old_key}', which is not a question in version "
                        f"{previous.version}",
                    ),
                    new_key,
                )
            )
        elif new_key in old_keys and new_key != old_key:
            issues.append(
                Issue(
                    f"previous.key_map.{new_key}",
                    Message(
                        f"'{new_key}' finns redan i version {previous.version} och kan inte också mappas från "
                        f"'{old_key}'",
                        f"'{new_key}' already exists in version {previous.version} and cannot also be mapped from "
                        f"'{old_key}'",
                    ),
                    new_key,
                )
            )
    for index, old_key in enumerate(previous.retired):
        if old_key not in old_keys:
            message = Message(
                f"'{old_key}' är markerad som borttagen men är ingen fråga i version {previous.version}",
                f"'{old_key}' is marked retired but is not a question in version {previous.version}",
            )
        elif old_key in new_keys:
            message = Message(
                f"'{old_key}' är markerad som borttagen men finns kvar som fråga",
                f"'{old_key}' is marked retired but is still a question",
            )
        else:
            continue
        issues.append(Issue(f"previous.retired[{index}]", message, old_key))
    unresolved = unresolved_keys(definition, previous_definition)
    if unresolved:
        names = ", ".join(unresolved)
        issues.append(
            Issue(
                "previous",
                Message(
                    f"frågorna {names} från version {previous.version} saknas; mappa dem till en ny fråga "
                    "eller markera dem som borttagna",
                    f"the questions {names} of version {previous.version} are missing; map them to a new "
                    "question or mark them retired",
                ),
            )
        )
    return issues


def unresolved_keys(definition: ChecklistDefinition, previous_definition: ChecklistDefinition) -> list[str]:
    """Old keys, in their order, that are neither kept, mapped nor retired."""
    previous = definition.previous
    accounted = {q.key for q in definition.questions()}
    if previous is not None:
        accounted |= set(previous.key_map.values()) | set(previous.retired)
    return [q.key for q in previous_definition.questions() if q.key not in accounted]


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
