"""Counted measures: which questions a text aid fills, the rules that keep that unambiguous, and the numbers it
writes from a count of a pasted passage.

The passage itself never reaches this module: only its `TextCount`.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewer.checklists.issues import Issue
from reviewer.checklists.schema import (
    LEXICON_KINDS,
    MEASURE_TYPES,
    ChecklistDefinition,
    Measure,
    MeasureKind,
    Question,
)
from reviewer.domain.text import Message
from reviewer.domain.wording import TextCount

PER_100_DECIMALS = 2


def measured_value(measure: Measure, count: TextCount) -> int | float | None:
    """The answer a measure takes from a count; None for a rate of a passage without words."""
    if measure.kind is MeasureKind.WORDS:
        return count.words
    if measure.kind is MeasureKind.SENTENCES:
        return count.sentences
    hits = len(count.hits) if measure.group is None else count.hits_by_group[measure.group]
    if measure.kind is MeasureKind.LEXICON_HITS:
        return hits
    return None if count.words == 0 else round(100 * hits / count.words, PER_100_DECIMALS)


def filled_questions(definition: ChecklistDefinition, aid: Question) -> list[Question]:
    """The measured questions the text aid on `aid` fills, in the checklist's order."""
    if aid.text_aid is None:
        return []
    keys = set(aid.text_aid.fills)
    return [q for q in definition.questions() if q.key in keys and q.measure is not None]


def fill_answers(definition: ChecklistDefinition, aid: Question, count: TextCount) -> dict[str, int | float | None]:
    """Question key → the number to save, for every question the aid fills."""
    return {q.key: measured_value(q.measure, count) for q in filled_questions(definition, aid) if q.measure is not None}


def check_measures(questions: Iterable[tuple[str, Question]]) -> list[Issue]:
    """The rules over measures and text aids, given every readable question with its JSON path."""
    located = list(questions)
    by_key = {question.key: question for _path, question in located}
    issues: list[Issue] = []
    fillers: dict[str, list[str]] = {}
    for path, question in located:
        if question.measure is not None:
            issues += _check_measure(question, question.measure, path)
        if question.text_aid is None:
            continue
        for index, key in enumerate(question.text_aid.fills):
            target = by_key.get(key)
            where = f"{path}.text_aid.fills[{index}]"
            if target is None or target.measure is None:
                issues.append(
                    Issue(
                        where,
                        Message(
                            f"textstödet fyller '{key}', som inte är någon fråga med ett räknat mått (measure)",
                            f"the text aid fills '{key}', which is not a question with a counted measure",
                        ),
                        question.key,
                    )
                )
            elif question.key in fillers.get(key, []):
                issues.append(
                    Issue(
                        where,
                        Message(f"'{key}' står två gånger", f"'{key}' is listed twice"),
                        question.key,
                    )
                )
            else:
                fillers.setdefault(key, []).append(question.key)
    for path, question in located:
        if question.measure is None:
            continue
        aids = fillers.get(question.key, [])
        if len(aids) != 1:
            issues.append(
                Issue(
                    f"{path}.measure",
                    Message(
                        "inget textstöd (text_aid) fyller det räknade måttet"
                        if not aids
                        else "det räknade måttet fylls av flera textstöd: " + ", ".join(aids),
                        "no text aid (text_aid) fills the counted measure"
                        if not aids
                        else "the counted measure is filled by more than one text aid: " + ", ".join(aids),
                    ),
                    question.key,
                )
            )
    return issues


def _check_measure(question: Question, measure: Measure, path: str) -> list[Issue]:
    issues = []
    allowed = MEASURE_TYPES[measure.kind]
    if question.type not in allowed:
        names = " eller ".join(sorted(t.value for t in allowed))
        names_en = " or ".join(sorted(t.value for t in allowed))
        issues.append(
            Issue(
                f"{path}.measure",
                Message(
                    f"ett räknat mått av slaget '{measure.kind.value}' kräver frågetypen {names}, "
                    f"inte '{question.type.value}'",
                    f"a counted measure of kind '{measure.kind.value}' needs question type {names_en}, "
                    f"not '{question.type.value}'",
                ),
                question.key,
            )
        )
    if measure.group is not None and measure.kind not in LEXICON_KINDS:
        issues.append(
            Issue(
                f"{path}.measure.group",
                Message(
                    "en ordgrupp gäller bara träffar i ordlistan (lexicon_hits, lexicon_hits_per_100)",
                    "a word group applies only to lexicon hits (lexicon_hits, lexicon_hits_per_100)",
                ),
                question.key,
            )
        )
    return issues
