"""The one way to read a training pack, built-in or imported; reading is validating.

A pack is checked against the checklist it answers, which the caller looks up (the built-in ones, or the published
versions in the database): every facit answer must fit its question (type, options, limits), every question the
facit's own answers show must have a facit and no hidden one an answer, each case's sex and age band must be the
checklist's, and no text may hold a personnummer. All problems are reported at once, each naming the file, the case
and the question, so nothing partial is ever stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from reviewer.checklists.answers import AnswerError, AnswerValue, check_answer
from reviewer.checklists.loader import (
    ChecklistFileError,
    FileFormat,
    detect_format,
    issue_from_pydantic,
    parse_document,
    personnummer_issues,
    read_text,
)
from reviewer.checklists.rules import Issue, is_visible
from reviewer.checklists.schema import ChecklistDefinition, Question
from reviewer.domain.personnummer import redact
from reviewer.domain.sex import categories_for
from reviewer.domain.text import Language, Message, ReviewerError, language_from_environment
from reviewer.training.schema import TrainingCase, TrainingPack

ChecklistLookup = Callable[[str, int], ChecklistDefinition | None]
PACKS_FOLDER = "packs"


class TrainingPackError(ReviewerError):
    def __init__(self, source: str, issues: list[Issue]) -> None:
        self.source = source
        self.issues = issues
        n = len(issues)
        super().__init__(
            Message(
                f"Utbildningspaketet i {source} är inte giltigt ({n} fel)",
                f"The training pack in {source} is not valid ({n} error{'' if n == 1 else 's'})",
            )
        )

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        return "\n".join([self.message.text(lang), *(f"  {self.source}: {i.text(lang)}" for i in self.issues)])


def lookup_in(definitions: Iterable[ChecklistDefinition]) -> ChecklistLookup:
    """A lookup over the given checklist definitions, by slug and version."""
    by_ref = {(d.slug, d.version): d for d in definitions}
    return lambda slug, version: by_ref.get((slug, version))


def parse_pack(
    text: str, source: str, checklists: ChecklistLookup, file_format: FileFormat | None = None
) -> TrainingPack:
    try:
        data = parse_document(text, source, file_format or detect_format(source, text))
    except ChecklistFileError as exc:
        raise TrainingPackError(source, exc.issues) from None
    return pack_from_dict(data, source, checklists)


def load_pack_file(path: Path, checklists: ChecklistLookup) -> TrainingPack:
    try:
        text = read_text(path, Message("filen är för stor för ett utbildningspaket", "the file is too large"))
    except ChecklistFileError as exc:
        raise TrainingPackError(str(path), exc.issues) from None
    return parse_pack(text, str(path), checklists)


def pack_from_dict(data: Any, source: str, checklists: ChecklistLookup) -> TrainingPack:
    """The pack in a parsed file, or a `TrainingPackError` naming `source` and every problem."""
    pack, issues = _validate(data, checklists)
    if issues or pack is None:
        raise TrainingPackError(source, issues)
    return pack


def validate_pack_dict(data: Any, checklists: ChecklistLookup) -> list[Issue]:
    """Every problem of a pack in file form, empty when it is valid; never raises on bad content."""
    return _validate(data, checklists)[1]


def dump_pack(pack: TrainingPack, file_format: FileFormat) -> str:
    data = pack.canonical_dict()
    if file_format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def builtin_pack_files() -> list[tuple[str, str]]:
    """(source name, text) of the packs shipped inside the package, in a fixed order."""
    folder = resources.files("reviewer.training") / PACKS_FOLDER
    if not folder.is_dir():
        return []
    return [
        (f"builtin/{entry.name}", entry.read_text(encoding="utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml")
    ]


def builtin_packs(checklists: ChecklistLookup) -> list[TrainingPack]:
    """The built-in packs, each validated against the checklist it answers."""
    return [parse_pack(text, source, checklists) for source, text in builtin_pack_files()]


def _validate(data: Any, checklists: ChecklistLookup) -> tuple[TrainingPack | None, list[Issue]]:
    if not isinstance(data, dict):
        return None, [Issue("", Message("filen ska innehålla ett objekt på toppnivå", "the file must hold an object"))]
    personal = [_in_case(issue, data) for issue in personnummer_issues(data)]
    try:
        pack = TrainingPack.model_validate(data)
    except ValidationError as exc:
        return None, [_in_case(issue_from_pydantic(err, data), data) for err in exc.errors()] + personal
    definition = checklists(pack.checklist.slug, pack.checklist.version)
    if definition is None:
        ref = f"{pack.checklist.slug} version {pack.checklist.version}"
        missing = Message(
            f"checklistan {ref} finns inte här (den måste vara publicerad innan paketet kan läsas)",
            f"the checklist {ref} is not here (it must be published before the pack can be read)",
        )
        return None, [Issue("checklist", missing), *personal]
    issues = []
    if definition.area is not pack.area:
        issues.append(
            Issue(
                "area",
                Message(
                    f"paketet gäller området {pack.area.value} men checklistan {definition.area.value}",
                    f"the pack is of the area {pack.area.value} but the checklist of {definition.area.value}",
                ),
            )
        )
    seen: set[str] = set()
    for index, case in enumerate(pack.cases):
        if case.code in seen:
            issues.append(_case_issue(index, case, Message("ärendekoden finns redan i paketet", "duplicate case code")))
        seen.add(case.code)
        issues += _check_case(index, case, definition)
    return (pack if not issues and not personal else None), issues + personal


def _case_label(index: int, code: object) -> Message:
    shown = redact(code) if isinstance(code, str) else "?"
    return Message(f"fall {index + 1} ({shown})", f"case {index + 1} ({shown})")


def _case_issue(index: int, case: TrainingCase, message: Message, key: str | None = None) -> Issue:
    return Issue(f"cases[{index}]" + (f".facit.{key}" if key else ""), message, key, _case_label(index, case.code))


def _in_case(issue: Issue, data: dict[str, Any]) -> Issue:
    """The issue told by case and question when it lies inside a case, since a facilitator knows cases, not paths."""
    if not issue.path.startswith("cases["):
        return issue
    index_text, _, rest = issue.path[len("cases[") :].partition("]")
    index = int(index_text)
    cases = data.get("cases")
    raw = cases[index] if isinstance(cases, list) and index < len(cases) else None
    label = _case_label(index, raw.get("code") if isinstance(raw, dict) else None)
    parts = rest.split(".")
    key = parts[2] if rest.startswith(".facit.") else None
    detail = ".".join(parts[3:]) if key else rest.lstrip(".")
    suffix = f", {detail}" if detail else ""
    return Issue(issue.path, issue.message, key, Message(label.sv + suffix, label.en + suffix))


def _check_case(index: int, case: TrainingCase, definition: ChecklistDefinition) -> list[Issue]:
    issues: list[Issue] = []
    allowed_sexes = categories_for(definition.subject)
    if case.sex not in allowed_sexes:
        words = ", ".join(s.value for s in allowed_sexes)
        issues.append(
            _case_issue(
                index,
                case,
                Message(
                    f"könet {case.sex.value!r} passar inte checklistan; tillåtet: {words}",
                    f"the sex {case.sex.value!r} does not fit the checklist; allowed: {words}",
                ),
            )
        )
    bands = [band.value for band in definition.age_bands]
    if case.age_band not in bands:
        issues.append(
            _case_issue(
                index,
                case,
                Message(
                    f"åldersgruppen {case.age_band!r} finns inte i checklistan; tillåtet: {', '.join(bands)}",
                    f"the age band {case.age_band!r} is not in the checklist; allowed: {', '.join(bands)}",
                ),
            )
        )
    answers: dict[str, AnswerValue] = {}
    refused: set[str] = set()
    for key, entry in case.facit.items():
        question = definition.question(key)
        if question is None:
            issues.append(
                _case_issue(
                    index, case, Message("frågan finns inte i checklistan", "no such question in the checklist"), key
                )
            )
            continue
        try:
            answers[key] = check_answer(question, entry.answer)
        except AnswerError as exc:
            message = Message(
                exc.message.sv.removeprefix(f"Fråga '{key}': "), exc.message.en.removeprefix(f"Question '{key}': ")
            )
            issues.append(_case_issue(index, case, message, key))
            refused.add(key)
    for question in definition.questions():
        if _depends_on(question, refused, definition):
            continue  # whether it shows is unknown while an answer it depends on is refused
        shown = is_visible(question, answers, definition)
        if shown and question.key not in case.facit:
            issues.append(
                _case_issue(
                    index,
                    case,
                    Message("facit saknas för frågan", "the facit has no answer to this question"),
                    question.key,
                )
            )
        elif shown and question.required and question.key in answers and answers[question.key] is None:
            issues.append(
                _case_issue(
                    index,
                    case,
                    Message(
                        "frågan är obligatorisk, så facit måste ge ett svar",
                        "the question is required, so the facit must answer it",
                    ),
                    question.key,
                )
            )
        elif not shown and answers.get(question.key) is not None:
            issues.append(
                _case_issue(
                    index,
                    case,
                    Message(
                        "frågan visas inte med facits övriga svar (show_if), så den ska inte ha något svar",
                        "the question is hidden by the facit's other answers (show_if), so it must have no answer",
                    ),
                    question.key,
                )
            )
    return issues


def _depends_on(question: Question, keys: set[str], definition: ChecklistDefinition) -> bool:
    """Whether the question's show_if chain passes through one of the keys."""
    seen: set[str] = set()
    condition = question.show_if
    while condition is not None and condition.question not in seen:
        if condition.question in keys:
            return True
        seen.add(condition.question)
        target = definition.question(condition.question)
        condition = target.show_if if target is not None else None
    return False
