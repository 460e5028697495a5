"""The Frågor and Alternativ sheets: sections, questions, conditions, options and age bands."""

from __future__ import annotations

import re
from typing import Any

from reviewer.checklists.schema import QuestionType
from reviewer.checklists.xlsx.cells import Reader, Sheet, cell_text, normalised, quoted, read_number, read_yes_no
from reviewer.checklists.xlsx.layout import AGE_BAND, QUESTIONS, TYPE_NAMES


def read_questions(reader: Reader, sheet: Sheet) -> tuple[list[dict[str, Any]], dict[str, QuestionType | None]]:
    sections: list[dict[str, Any]] = []
    first_rows: dict[str, int] = {}
    types: dict[str, QuestionType | None] = {}
    type_by_name = {normalised(n): t for t, n in TYPE_NAMES.items()} | {t.value: t for t in QuestionType}
    current: str | None = None
    for row, values in sheet.rows:
        section_key = cell_text(sheet.cell(values, "section")) or current
        s_index = len(sections) - 1
        if section_key is None:
            reader.error(
                sheet.place(row, "section"),
                "",
                "avsnitt saknas; skriv avsnittets nyckel på dess första rad",
                "the section is missing; write the section's key in its first row",
            )
            continue
        if section_key != current:
            if section_key in first_rows:
                reader.error(
                    sheet.place(row, "section"),
                    "",
                    f"avsnittet '{section_key}' började redan på rad {first_rows[section_key]}; "
                    "ett avsnitts frågor ska stå i följd",
                    f"the section '{section_key}' already began in row {first_rows[section_key]}; "
                    "a section's questions must be consecutive",
                )
                continue
            current = section_key
            first_rows[section_key] = row
            s_index = len(sections)
            sections.append({"key": section_key, "questions": []})
            s_path = f"sections[{s_index}]"
            reader.places[s_path] = sheet.place(row)
            reader.places[f"{s_path}.key"] = sheet.place(row, "section")
            reader.places[f"{s_path}.questions"] = sheet.place(row, "section")
            for name, target in (("section_title", "title"), ("section_description", "description")):
                reader.places[f"{s_path}.{target}"] = sheet.place(row, name)
                reader.places[f"{s_path}.{target}.en"] = sheet.place(row, f"{name}_en")
        section = sections[s_index]
        s_path = f"sections[{s_index}]"
        _section_text(reader, sheet, row, values, section, first_rows[section_key])
        q_path = f"{s_path}.questions[{len(section['questions'])}]"
        question = _question(reader, sheet, row, values, q_path, type_by_name)
        if isinstance(question.get("key"), str):
            types.setdefault(question["key"], _known_type(question.get("type")))
        section["questions"].append(question)
    return sections, types


def _known_type(value: Any) -> QuestionType | None:
    return QuestionType(value) if value in {t.value for t in QuestionType} else None


def _section_text(
    reader: Reader,
    sheet: Sheet,
    row: int,
    values: tuple[Any, ...],
    section: dict[str, Any],
    first_row: int,
) -> None:
    """A section's title and description come from its first row; later rows may only repeat them."""
    for name, target in (("section_title", "title"), ("section_description", "description")):
        for language, column in (("sv", name), ("en", f"{name}_en")):
            text = cell_text(sheet.cell(values, column))
            if row == first_row:
                if text:
                    section.setdefault(target, {})[language] = text
            elif text and text != section.get(target, {}).get(language):
                reader.error(
                    sheet.place(row, column),
                    "",
                    f"avsnittet '{section['key']}' har en annan text här på sin första rad ({first_row}); "
                    "skriv den bara där",
                    f"the section '{section['key']}' has another text here in its first row ({first_row}); "
                    "write it there only",
                )
        if row == first_row and (target == "title" or target in section):
            section.setdefault(target, {}).setdefault("sv", "")


def _question(
    reader: Reader,
    sheet: Sheet,
    row: int,
    values: tuple[Any, ...],
    path: str,
    type_by_name: dict[str, QuestionType],
) -> dict[str, Any]:
    key = cell_text(sheet.cell(values, "key")) or None
    question: dict[str, Any] = {}
    reader.places[path] = sheet.place(row)
    for name, target in (
        ("key", "key"),
        ("type", "type"),
        ("text", "text"),
        ("text_en", "text.en"),
        ("help", "help"),
        ("help_en", "help.en"),
        ("required", "required"),
        ("show_if", "show_if"),
        ("compare_by_sex", "compare_by_sex"),
        ("min", "min"),
        ("max", "max"),
    ):
        reader.places[f"{path}.{target}"] = sheet.place(row, name)
    reader.places[f"{path}.options"] = sheet.place(row, "type")
    if key:
        question["key"] = key
    type_text = cell_text(sheet.cell(values, "type"))
    if type_text:
        kind = type_by_name.get(normalised(type_text))
        if kind is None:
            allowed = ", ".join(TYPE_NAMES.values())
            reader.error(
                sheet.place(row, "type"),
                f"{path}.type",
                f"okänd typ {quoted(type_text)}; tillåtna typer: {allowed}",
                f"unknown type {quoted(type_text)}; allowed types: {allowed}",
                key,
            )
        question["type"] = kind.value if kind else type_text
    for name in ("text", "help"):
        sv, en = cell_text(sheet.cell(values, name)), cell_text(sheet.cell(values, f"{name}_en"))
        if sv or en or name == "text":
            question[name] = {"sv": sv} | ({"en": en} if en else {})
    for name in ("required", "compare_by_sex"):
        question[name] = read_yes_no(reader, sheet.place(row, name), f"{path}.{name}", sheet.cell(values, name), key)
    condition = cell_text(sheet.cell(values, "show_if"))
    if condition:
        parsed = _parse_condition(condition)
        if parsed is None:
            reader.error(
                sheet.place(row, "show_if"),
                f"{path}.show_if",
                f"villkoret {quoted(condition)} kan inte läsas; "
                "skriv till exempel 'fraga = ja' eller 'fraga in (a, b)'",
                f"the condition {quoted(condition)} cannot be read; write e.g. 'fraga = ja' or 'fraga in (a, b)'",
                key,
            )
        else:
            question["show_if"] = parsed
    for name in ("min", "max"):
        number = read_number(reader, sheet.place(row, name), f"{path}.{name}", sheet.cell(values, name), key)
        if number is not None:
            question[name] = number
    anchors = _anchors(reader, sheet, row, values, path)
    if anchors is not None:
        question["anchors"] = anchors
    return question | _measure(reader, sheet, row, values, path)


def _measure(reader: Reader, sheet: Sheet, row: int, values: tuple[Any, ...], path: str) -> dict[str, Any]:
    """The counted measure and the text aid; unknown kinds and groups are left for the validator to name."""
    for name, target in (("measure", "measure"), ("measure_group", "measure.group"), ("text_aid", "text_aid")):
        reader.places[f"{path}.{target}"] = sheet.place(row, name)
    reader.places[f"{path}.measure.kind"] = sheet.place(row, "measure")
    reader.places[f"{path}.text_aid.fills"] = sheet.place(row, "text_aid")
    found: dict[str, Any] = {}
    kind, group = cell_text(sheet.cell(values, "measure")), cell_text(sheet.cell(values, "measure_group"))
    if kind or group:
        found["measure"] = {"kind": kind} | ({"group": group} if group else {})
    fills = cell_text(sheet.cell(values, "text_aid"))
    if fills:
        found["text_aid"] = {"fills": [key for key in re.split(r"[,;\s]+", fills) if key]}
    return found


def _anchors(reader: Reader, sheet: Sheet, row: int, values: tuple[Any, ...], path: str) -> dict[str, Any] | None:
    """The scale's ends from their four cells; a half-filled pair is left for the validator to name."""
    anchors: dict[str, Any] = {}
    for end in ("low", "high"):
        sv, en = cell_text(sheet.cell(values, f"anchor_{end}")), cell_text(sheet.cell(values, f"anchor_{end}_en"))
        reader.places[f"{path}.anchors.{end}"] = sheet.place(row, f"anchor_{end}")
        reader.places[f"{path}.anchors.{end}.en"] = sheet.place(row, f"anchor_{end}_en")
        if sv or en:
            anchors[end] = {"sv": sv} | ({"en": en} if en else {})
    reader.places[f"{path}.anchors"] = sheet.place(row, "anchor_low")
    return anchors or None


_CONDITION = re.compile(r"^\s*([^\s=(),]+)\s*(?:=\s*([^\s=(),]+)|\s(?:in|i)\s*\(([^()]*)\))\s*$", re.IGNORECASE)


def _parse_condition(text: str) -> dict[str, Any] | None:
    """`fraga = ja` → {question, equals}; `fraga in (a, b)` → {question, in}; values stay text until resolved."""
    match = _CONDITION.match(text.lower())  # keys and answers are lowercase; Excel likes to capitalise "Ja"
    if match is None:
        return None
    question, equals, listed = match.groups()
    if equals is not None:
        return {"question": question, "equals": equals}
    values = [v.strip() for v in listed.split(",")]
    if not all(values):
        return None
    return {"question": question, "in": values}


def resolve_conditions(sections: list[dict[str, Any]], types: dict[str, QuestionType | None]) -> None:
    """Digits name a scale step (a number) only when the question depended on is a scale question."""
    for section in sections:
        for question in section["questions"]:
            condition = question.get("show_if")
            if condition is None or types.get(condition["question"]) is not QuestionType.SCALE:
                continue
            for test in ("equals", "in"):
                if test in condition:
                    values = condition[test] if test == "in" else [condition[test]]
                    numbers: list[Any] = [int(v) if v.isdigit() else v for v in values]
                    condition[test] = numbers if test == "in" else numbers[0]


def read_options(reader: Reader, sheet: Sheet, sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    questions: dict[str, tuple[str, dict[str, Any]]] = {}
    for s_index, section in enumerate(sections):
        for q_index, question in enumerate(section["questions"]):
            if isinstance(question.get("key"), str):
                questions.setdefault(question["key"], (f"sections[{s_index}].questions[{q_index}]", question))
    age_bands: list[dict[str, Any]] = []
    for row, values in sheet.rows:
        owner = cell_text(sheet.cell(values, "question"))
        if normalised(owner) == AGE_BAND:
            group, path = age_bands, "age_bands"
        elif owner in questions:
            path = f"{questions[owner][0]}.options"
            group = questions[owner][1].setdefault("options", [])
        else:
            reader.error(
                sheet.place(row, "question"),
                "",
                f"frågan {quoted(owner)} finns inte på bladet {QUESTIONS}"
                if owner
                else f"fråga saknas; skriv frågans nyckel eller '{AGE_BAND}'",
                f"the question {quoted(owner)} is not on the sheet {QUESTIONS}"
                if owner
                else f"the question is missing; write the question's key or '{AGE_BAND}'",
            )
            continue
        if not group:
            reader.places[path] = sheet.place(row, "question")
        o_path = f"{path}[{len(group)}]"
        reader.places[o_path] = sheet.place(row)
        reader.places[f"{o_path}.value"] = sheet.place(row, "value")
        reader.places[f"{o_path}.label"] = sheet.place(row, "label")
        reader.places[f"{o_path}.label.en"] = sheet.place(row, "label_en")
        label_en = cell_text(sheet.cell(values, "label_en"))
        option: dict[str, Any] = {"label": {"sv": cell_text(sheet.cell(values, "label"))}}
        if label_en:
            option["label"]["en"] = label_en
        value = cell_text(sheet.cell(values, "value"))
        if value:
            option["value"] = value
        group.append(option)
    return age_bands
