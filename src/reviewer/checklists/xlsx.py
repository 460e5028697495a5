"""Checklists as Excel workbooks, in the spirit of XLSForm, for unit chiefs who keep their templates in Excel.

Three sheets: *Frågor* (one row per question, its section in the first columns), *Alternativ* (the options of choice
questions and the age bands) and *Inställningar* (id, version, titles, area, the previous version and its key
mapping). The layout is documented in docs/checklist-excel.md. A workbook written here reads back to the identical
definition; a workbook with mistakes yields a `ChecklistFileError` whose every issue names the sheet, row and column.
Reading builds the file format's dict and validates it with the loader, so the rules are exactly those of JSON files.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from reviewer.checklists.loader import MAX_FILE_BYTES, ChecklistFileError, definition_from_dict, validate_dict
from reviewer.checklists.rules import Issue
from reviewer.checklists.schema import Area, ChecklistDefinition, Condition, LocalizedText, Question, QuestionType
from reviewer.domain.personnummer import redact
from reviewer.domain.text import Message

QUESTIONS, OPTIONS, SETTINGS = "Frågor", "Alternativ", "Inställningar"
_SHEET_NAMES = {
    QUESTIONS: ("frågor", "questions"),
    OPTIONS: ("alternativ", "options"),
    SETTINGS: ("inställningar", "settings"),
}
HELP_SHEET = "Hjälp"
AGE_BAND = "åldersgrupp"  # not a valid question key (å), so it can never clash with one

TYPE_NAMES: dict[QuestionType, str] = {
    QuestionType.YES_NO: "ja_nej",
    QuestionType.YES_NO_NA: "ja_nej_ej_aktuellt",
    QuestionType.SINGLE_CHOICE: "ett_val",
    QuestionType.MULTIPLE_CHOICE: "flera_val",
    QuestionType.INTEGER: "heltal",
    QuestionType.DECIMAL: "decimaltal",
    QuestionType.MONEY: "belopp",
    QuestionType.DAYS: "dagar",
    QuestionType.DATE: "datum",
    QuestionType.SCALE: "skala",
    QuestionType.TEXT: "fritext",
}
SUBJECT_NAMES = {"adult": "vuxen", "child": "barn"}
_YES, _NO = "ja", "nej"
_TRUE = {"ja", "yes", "true", "sant", "x", "1"}
_FALSE = {"nej", "no", "false", "falskt", "0"}


@dataclass(frozen=True)
class Column:
    """One column: the field it holds, its Swedish heading (written) and English heading (also read)."""

    name: str
    sv: str
    en: str
    width: int
    wrap: bool = False


QUESTION_COLUMNS = (
    Column("section", "avsnitt", "section", 14),
    Column("section_title", "avsnittets rubrik", "section title", 24, wrap=True),
    Column("key", "nyckel", "key", 24),
    Column("type", "typ", "type", 18),
    Column("text", "frågetext", "question text", 48, wrap=True),
    Column("help", "hjälptext", "help text", 60, wrap=True),
    Column("required", "obligatorisk", "required", 13),
    Column("show_if", "visas om", "show if", 26),
    Column("compare_by_sex", "jämförs per kön", "compare by sex", 15),
    Column("min", "min", "min", 8),
    Column("max", "max", "max", 8),
    Column("section_title_en", "avsnittets rubrik (engelska)", "section title (English)", 24, wrap=True),
    Column("text_en", "frågetext (engelska)", "question text (English)", 40, wrap=True),
    Column("help_en", "hjälptext (engelska)", "help text (English)", 50, wrap=True),
    Column("section_description", "avsnittets beskrivning", "section description", 40, wrap=True),
    Column("section_description_en", "avsnittets beskrivning (engelska)", "section description (English)", 40, True),
    Column("anchor_low", "skalans 1", "scale 1 means", 30, wrap=True),
    Column("anchor_high", "skalans 5", "scale 5 means", 30, wrap=True),
    Column("anchor_low_en", "skalans 1 (engelska)", "scale 1 means (English)", 30, wrap=True),
    Column("anchor_high_en", "skalans 5 (engelska)", "scale 5 means (English)", 30, wrap=True),
)
OPTION_COLUMNS = (
    Column("question", "fråga", "question", 24),
    Column("value", "värde", "value", 20),
    Column("label", "etikett", "label", 40, wrap=True),
    Column("label_en", "etikett (engelska)", "label (English)", 40, wrap=True),
)
SETTING_COLUMNS = (
    Column("setting", "inställning", "setting", 22),
    Column("value", "värde", "value", 50, wrap=True),
    Column("old_key", "gammal nyckel", "old key", 24),
    Column("explanation", "förklaring", "explanation", 70, wrap=True),
)
_REQUIRED_COLUMNS = {QUESTIONS: ("section", "key", "type", "text"), OPTIONS: ("question", "value", "label")}


@dataclass(frozen=True)
class Setting:
    name: str
    sv: str
    en: str
    explanation: str
    repeated: bool = False


SETTINGS_ROWS = (
    Setting("format_version", "formatversion", "format version", "Filformatets version; alltid 1."),
    Setting("slug", "id", "slug", "Checklistans fasta id: a–z, 0–9, _ och -, börjar med en bokstav."),
    Setting("version", "version", "version", "Heltal; en publicerad version ändras aldrig, en ändring blir en ny."),
    Setting("title", "titel", "title", "Checklistans namn."),
    Setting("title_en", "titel (engelska)", "title (English)", "Namnet på engelska (valfritt)."),
    Setting("description", "beskrivning", "description", "Visas ovanför formuläret (valfritt)."),
    Setting("description_en", "beskrivning (engelska)", "description (English)", "Beskrivningen på engelska."),
    Setting("area", "område", "area", "fardtjanst, barnomsorg, missbruk eller annat."),
    Setting("subject", "ärendet gäller", "subject", "vuxen (kvinna/man) eller barn (flicka/pojke)."),
    Setting("previous", "föregående version", "previous version", "Versionen denna bygger på (tomt om ingen).", False),
    Setting(
        "key_change",
        "nyckelbyte",
        "key change",
        "En rad per fråga som bytt nyckel eller delats: ny nyckel under värde, den gamla under gammal nyckel.",
        repeated=True,
    ),
    Setting(
        "retired",
        "borttagen fråga",
        "retired question",
        "En rad per fråga i föregående version som inte finns kvar: dess nyckel under värde.",
        repeated=True,
    ),
)
_REQUIRED_SETTINGS = ("slug", "version", "title", "area", "subject")

_HELP_LINES = (
    "Så här fungerar arbetsboken (mer i docs/checklist-excel.md):",
    "",
    "Frågor: en rad per fråga. 'avsnitt' är avsnittets nyckel; rubriken skrivs på avsnittets första rad. Ett tomt",
    "avsnitt betyder samma avsnitt som raden ovanför. Ett avsnitts frågor står i följd.",
    "Nycklar (avsnitt, nyckel, värde): små bokstäver a–z, siffror och _, börjar med en bokstav. Ändra inte nyckeln",
    "på en fråga som redan används; lägg i stället till ett nyckelbyte på bladet Inställningar.",
    "typ: " + ", ".join(TYPE_NAMES.values()) + ".",
    "obligatorisk och jämförs per kön: ja eller nej (tomt = nej).",
    "visas om: 'fraga = ja' eller 'fraga in (a, b)' – frågan visas bara när en tidigare fråga har ett av svaren.",
    "  Svaren på ja_nej-frågor heter ja, nej och ej_aktuellt; skalfrågor har 1–5; valfrågor sina värden.",
    "min och max: gränser för tal (heltal, decimaltal, belopp, dagar).",
    "skalans 1 och skalans 5: vad ändpunkterna betyder på en skalfråga; visas under skalan i formuläret.",
    "Alternativ: en rad per svarsalternativ för ett_val och flera_val; 'fråga' är frågans nyckel.",
    f"  Åldersgrupperna står under frågan '{AGE_BAND}'.",
    "Inställningar: checklistans id, version, titel, område och vem ärendena gäller.",
    "Kolumner vars rubrik börjar med # och bladet Hjälp läses inte; skriv gärna egna anteckningar där.",
)


# ----------------------------------------------------------------------------------------------------------------
# Writing


def write_checklist_xlsx(definition: ChecklistDefinition, path: Path | IO[bytes]) -> None:
    """Write the definition as a workbook a unit chief can edit: bold frozen headings, drop-down lists, wrapped text."""
    import openpyxl  # imported here: starting the program should not pay for it
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    questions = workbook.active
    questions.title = QUESTIONS
    _header(questions, QUESTION_COLUMNS, freeze="D2")
    row = 2
    for section in definition.sections:
        for index, question in enumerate(section.questions):
            first = index == 0
            values: dict[str, Any] = {
                "section": section.key,
                "key": question.key,
                "type": TYPE_NAMES[question.type],
                "text": question.text.sv,
                "text_en": question.text.en,
                "help": question.help.sv if question.help else None,
                "help_en": question.help.en if question.help else None,
                "required": _YES if question.required else _NO,
                "show_if": _condition_text(question.show_if) if question.show_if else None,
                "compare_by_sex": _YES if question.compare_by_sex else _NO,
                "min": _excel_number(question.min),
                "max": _excel_number(question.max),
            } | _anchor_cells(question)
            if first:
                values |= {
                    "section_title": section.title.sv,
                    "section_title_en": section.title.en,
                    "section_description": section.description.sv if section.description else None,
                    "section_description_en": section.description.en if section.description else None,
                }
            _write_row(questions, row, QUESTION_COLUMNS, values)
            row += 1
    last = max(row + 500, 1000)
    _validation_list(questions, QUESTION_COLUMNS, "type", list(TYPE_NAMES.values()), last)
    _validation_list(questions, QUESTION_COLUMNS, "required", [_YES, _NO], last)
    _validation_list(questions, QUESTION_COLUMNS, "compare_by_sex", [_YES, _NO], last)

    options = workbook.create_sheet(OPTIONS)
    _header(options, OPTION_COLUMNS, freeze="C2")
    row = 2
    option_groups = [(AGE_BAND, definition.age_bands)] + [
        (q.key, q.options) for q in definition.questions() if q.options is not None
    ]
    for owner, group in option_groups:
        for option in group:
            values = {"question": owner, "value": option.value, "label": option.label.sv, "label_en": option.label.en}
            _write_row(options, row, OPTION_COLUMNS, values)
            row += 1

    settings = workbook.create_sheet(SETTINGS)
    _header(settings, SETTING_COLUMNS, freeze="B2")
    row = 2
    for setting in SETTINGS_ROWS:
        for value, old_key in _setting_values(definition, setting.name):
            values = {"setting": setting.sv, "value": value, "old_key": old_key, "explanation": setting.explanation}
            _write_row(settings, row, SETTING_COLUMNS, values)
            row += 1
    _validation_list(settings, SETTING_COLUMNS, "value", [a.value for a in Area], 0, _setting_row(settings, "area"))
    _validation_list(
        settings, SETTING_COLUMNS, "value", list(SUBJECT_NAMES.values()), 0, _setting_row(settings, "subject")
    )

    help_sheet = workbook.create_sheet(HELP_SHEET)
    help_sheet.column_dimensions["A"].width = 120
    for number, line in enumerate(_HELP_LINES, start=1):
        _put(help_sheet.cell(number, 1), line)
    help_sheet.cell(1, 1).font = Font(bold=True)
    workbook.save(path)


def _setting_values(definition: ChecklistDefinition, name: str) -> list[tuple[Any, str | None]]:
    previous = definition.previous

    def text(value: LocalizedText | None, english: bool = False) -> list[tuple[Any, str | None]]:
        return [(value.en if english else value.sv, None)] if value is not None else [(None, None)]

    match name:
        case "format_version":
            return [(definition.format_version, None)]
        case "slug":
            return [(definition.slug, None)]
        case "version":
            return [(definition.version, None)]
        case "title" | "title_en":
            return text(definition.title, name.endswith("_en"))
        case "description" | "description_en":
            return text(definition.description, name.endswith("_en"))
        case "area":
            return [(definition.area.value, None)]
        case "subject":
            return [(SUBJECT_NAMES[definition.subject.value], None)]
        case "previous":
            return [(previous.version if previous else None, None)]
        case "key_change":
            return list(previous.key_map.items()) if previous else []
        case "retired":
            return [(key, None) for key in previous.retired] if previous else []
    raise AssertionError(name)


def _excel_number(value: float | None) -> float | str | None:
    """Excel keeps 15 significant digits and no negative zero; other numbers are written as text to survive exactly."""
    if value is None:
        return None
    negative_zero = value == 0 and math.copysign(1.0, value) < 0
    return value if float(f"{value:.15g}") == value and not negative_zero else repr(value)


def _condition_text(condition: Condition) -> str:
    if condition.in_ is not None:
        return f"{condition.question} in ({', '.join(str(v) for v in condition.in_)})"
    return f"{condition.question} = {condition.equals}"


def _header(sheet: Any, columns: Sequence[Column], freeze: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    for number, column in enumerate(columns, start=1):
        cell = sheet.cell(1, number)
        _put(cell, column.sv)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = column.width
    sheet.freeze_panes = freeze


def _write_row(sheet: Any, row: int, columns: Sequence[Column], values: dict[str, Any]) -> None:
    from openpyxl.styles import Alignment

    top, wrapped = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True)
    for number, column in enumerate(columns, start=1):
        cell = sheet.cell(row, number)
        _put(cell, values.get(column.name))
        cell.alignment = wrapped if column.wrap else top


def _put(cell: Any, value: Any) -> None:
    """Store a value; text always as text, so a help text starting with '=' never becomes a formula."""
    from openpyxl.utils.exceptions import IllegalCharacterError

    if value is None:
        return
    try:
        cell.value = value
    except IllegalCharacterError:
        raise ChecklistFileError(
            cell.parent.title,
            [
                Issue(
                    "",
                    Message(
                        f"cell {cell.coordinate} skulle innehålla ett styrtecken som Excel inte kan lagra",
                        f"cell {cell.coordinate} would hold a control character Excel cannot store",
                    ),
                )
            ],
        ) from None
    if isinstance(value, str):
        cell.data_type = "s"


def _validation_list(
    sheet: Any, columns: Sequence[Column], name: str, choices: list[str], last_row: int, row: int | None = None
) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = get_column_letter([c.name for c in columns].index(name) + 1)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ogiltigt värde",
        error="Välj ett av värdena i listan: " + ", ".join(choices),
    )
    validation.add(f"{letter}{row}" if row else f"{letter}2:{letter}{last_row}")
    sheet.add_data_validation(validation)


def _setting_row(sheet: Any, name: str) -> int:
    heading = next(s.sv for s in SETTINGS_ROWS if s.name == name)
    return next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value == heading)


# ----------------------------------------------------------------------------------------------------------------
# Reading


@dataclass(frozen=True)
class _Place:
    sheet: str
    row: int | None = None
    column: str | None = None  # the heading as written in the file

    def message(self) -> Message:
        sv, en = self.sheet, self.sheet
        if self.row is not None:
            sv, en = f"{sv}, rad {self.row}", f"{en}, row {self.row}"
        if self.column is not None:
            column = redact(self.column)
            sv, en = f"{sv}, kolumn '{column}'", f"{en}, column '{column}'"
        return Message(sv, en)


@dataclass
class _Reader:
    """Builds the file-format dict from the sheets and remembers which cell each JSON path came from."""

    places: dict[str, _Place] = field(default_factory=dict)
    issues: list[tuple[_Place, Issue]] = field(default_factory=list)

    def error(self, place: _Place, path: str, sv: str, en: str, key: str | None = None) -> None:
        self.issues.append((place, Issue(path, Message(sv, en), key, place.message())))

    def place_of(self, path: str) -> _Place | None:
        while True:
            if path in self.places:
                return self.places[path]
            shorter = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", path)
            if shorter == path:
                return None
            path = shorter


@dataclass
class _Sheet:
    name: str  # as found in the workbook
    headings: dict[str, str]  # field name → heading as written
    index: dict[str, int]  # field name → 0-based column
    rows: list[tuple[int, tuple[Any, ...]]]

    def cell(self, values: tuple[Any, ...], name: str) -> Any:
        index = self.index.get(name)
        if index is None or index >= len(values):
            return None
        value = values[index]
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def place(self, row: int, name: str | None = None) -> _Place:
        return _Place(self.name, row, self.headings.get(name, name) if name else None)


def read_checklist_xlsx(path: Path) -> ChecklistDefinition:
    """The definition in a workbook, or a `ChecklistFileError` listing every mistake by sheet, row and column."""
    source = str(path)
    sheets = _load_sheets(path, source)
    reader = _Reader()
    data = _settings(reader, sheets[SETTINGS])
    sections, question_types = _questions(reader, sheets[QUESTIONS])
    data["sections"] = sections
    data["age_bands"] = _options(reader, sheets[OPTIONS], sections)
    _resolve_conditions(sections, question_types)
    if not sections:
        _empty(reader, "sections", sheets[QUESTIONS].name, "inga frågor", "no questions")
    if not data["age_bands"]:
        _empty(
            reader,
            "age_bands",
            sheets[OPTIONS].name,
            f"inga åldersgrupper (fråga '{AGE_BAND}')",
            f"no age bands (question '{AGE_BAND}')",
        )
    # A cell already reported as unreadable is not reported again for what the schema makes of it.
    unreadable = {place for place, _ in reader.issues}
    for issue in validate_dict(data):
        place = reader.place_of(issue.path) or _Place(sheets[SETTINGS].name)
        if place not in unreadable:
            reader.issues.append((place, Issue(issue.path, issue.message, issue.key, place.message())))
    if reader.issues:
        order = {sheets[name].name: number for number, name in enumerate((SETTINGS, QUESTIONS, OPTIONS))}
        reader.issues.sort(key=lambda item: (order.get(item[0].sheet, 9), item[0].row or 0))
        raise ChecklistFileError(source, [issue for _, issue in reader.issues])
    return definition_from_dict(data, source)


def _empty(reader: _Reader, path: str, sheet: str, what_sv: str, what_en: str) -> None:
    place = _Place(sheet)
    reader.places[path] = place
    reader.error(place, path, f"bladet har {what_sv}", f"the sheet has {what_en}")


def _file_error(source: str, sv: str, en: str) -> ChecklistFileError:
    return ChecklistFileError(source, [Issue("", Message(sv, en))])


def _load_sheets(path: Path, source: str) -> dict[str, _Sheet]:
    import openpyxl

    not_excel = _file_error(
        source, "filen kan inte läsas som en Excel-arbetsbok (.xlsx)", "the file cannot be read as an Excel workbook"
    )
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _file_error(source, "filen är för stor för en checklista", "the file is too large for a checklist")
    except OSError as exc:
        raise _file_error(
            source, f"filen kan inte läsas ({exc.strerror})", f"the file cannot be read ({exc.strerror})"
        ) from None
    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it does not know; they do not matter for the values.
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception:
            raise not_excel from None
        try:
            found = {_normalise(sheet.title): sheet for sheet in workbook.worksheets}
            sheets: dict[str, _Sheet] = {}
            problems: list[Issue] = []
            for name, aliases in _SHEET_NAMES.items():
                sheet = next((found[a] for a in aliases if a in found), None)
                if sheet is None:
                    problems.append(
                        Issue(
                            "",
                            Message(
                                f"arbetsboken saknar bladet '{name}'; den behöver bladen {QUESTIONS}, {OPTIONS} och "
                                f"{SETTINGS}",
                                f"the workbook lacks the sheet '{name}'; it needs the sheets {QUESTIONS}, {OPTIONS} "
                                f"and {SETTINGS}",
                            ),
                        )
                    )
                    continue
                sheets[name] = _table(name, sheet.title, list(sheet.iter_rows(values_only=True)), problems)
        except Exception:
            raise not_excel from None
        finally:
            workbook.close()
    if problems:
        raise ChecklistFileError(source, problems)
    return sheets


def _table(name: str, title: str, records: list[tuple[Any, ...]], problems: list[Issue]) -> _Sheet:
    """The sheet's rows with their columns found by heading; heading mistakes are added to problems."""
    columns = {QUESTIONS: QUESTION_COLUMNS, OPTIONS: OPTION_COLUMNS, SETTINGS: SETTING_COLUMNS}[name]
    by_heading = {_normalise(alias): c.name for c in columns for alias in (c.sv, c.en)}
    headings: dict[str, str] = {}
    index: dict[str, int] = {}
    for number, heading in enumerate(records[0] if records else ()):
        text = _cell_text(heading)
        if not text or text.startswith("#"):
            continue
        field_name = by_heading.get(_normalise(text))
        place = _Place(title, 1, text).message()
        if field_name is None:
            known = ", ".join(c.sv for c in columns)
            problems.append(
                Issue(
                    "",
                    Message(f"okänd kolumn; kända kolumner: {known}", f"unknown column; known columns: {known}"),
                    where=place,
                )
            )
        elif field_name in index:
            problems.append(Issue("", Message("kolumnen finns två gånger", "the column appears twice"), where=place))
        else:
            headings[field_name], index[field_name] = text, number
    for required in _REQUIRED_COLUMNS.get(name, ()):
        if required not in index:
            column = next(c for c in columns if c.name == required)
            problems.append(
                Issue(
                    "",
                    Message(f"kolumnen '{column.sv}' saknas på rad 1", f"the column '{column.sv}' is missing in row 1"),
                    where=Message(title, title),
                )
            )
    rows = [
        (number, values)
        for number, values in enumerate(records[1:], start=2)
        if any(_cell_text(values[i]) for i in index.values() if i < len(values))
    ]
    return _Sheet(title, headings, index, rows)


def _settings(reader: _Reader, sheet: _Sheet) -> dict[str, Any]:
    by_name = {_normalise(alias): s for s in SETTINGS_ROWS for alias in (s.sv, s.en)}
    seen: dict[str, int] = {}
    data: dict[str, Any] = {"format_version": 1}
    texts: dict[str, str] = {}
    key_map: dict[str, str] = {}
    key_map_rows: list[int] = []
    retired: list[str] = []
    previous_given = False
    for row, values in sheet.rows:
        name_text = _cell_text(sheet.cell(values, "setting"))
        setting = by_name.get(_normalise(name_text))
        value = sheet.cell(values, "value")
        if setting is None:
            known = ", ".join(s.sv for s in SETTINGS_ROWS)
            reader.error(
                sheet.place(row, "setting"),
                "",
                f"okänd inställning {_shown(name_text)}; kända: {known}",
                f"unknown setting {_shown(name_text)}; known: {known}",
            )
            continue
        if not setting.repeated:
            if setting.name in seen:
                reader.error(
                    sheet.place(row, "setting"),
                    "",
                    f"inställningen '{setting.sv}' finns redan på rad {seen[setting.name]}",
                    f"the setting '{setting.sv}' already appears in row {seen[setting.name]}",
                )
                continue
            seen[setting.name] = row
        place = sheet.place(row, "value")
        match setting.name:
            case "format_version" | "version" | "previous":
                path = {"format_version": "format_version", "version": "version", "previous": "previous.version"}
                reader.places[path[setting.name]] = place
                if setting.name == "previous":
                    reader.places["previous"] = place
                    previous_given = value is not None
                number = _whole_number(reader, place, path[setting.name], value)
                if number is not None:
                    data[setting.name] = number
            case "slug" | "area":
                reader.places[setting.name] = place
                text = _cell_text(value)
                if text:
                    data[setting.name] = _plain(text) if setting.name == "area" else text
            case "subject":
                reader.places["subject"] = place
                text = _normalise(_cell_text(value))
                subject = {v: k for k, v in SUBJECT_NAMES.items()}.get(text, text if text in SUBJECT_NAMES else None)
                if subject is not None:
                    data["subject"] = subject
                elif text:
                    reader.error(
                        place,
                        "subject",
                        f"{_shown(text)} är varken vuxen eller barn",
                        f"{_shown(text)} is neither vuxen (adult) nor barn (child)",
                    )
            case "title" | "title_en" | "description" | "description_en":
                base = setting.name.removesuffix("_en")
                reader.places[f"{base}.en" if setting.name.endswith("_en") else base] = place
                if _cell_text(value):
                    texts[setting.name] = _cell_text(value)
            case "key_change":
                new_key, old_key = _cell_text(value), _cell_text(sheet.cell(values, "old_key"))
                reader.places[f"previous.key_map.{new_key}"] = place
                key_map_rows.append(row)
                if not new_key or not old_key:
                    reader.error(
                        sheet.place(row, "value" if not new_key else "old_key"),
                        "previous.key_map",
                        "ett nyckelbyte behöver den nya nyckeln under värde och den gamla under gammal nyckel",
                        "a key change needs the new key under värde (value) and the old one under gammal nyckel",
                    )
                elif new_key in key_map:
                    reader.error(
                        place,
                        f"previous.key_map.{new_key}",
                        f"'{new_key}' har redan ett nyckelbyte längre upp",
                        f"'{new_key}' already has a key change further up",
                        new_key,
                    )
                else:
                    key_map[new_key] = old_key
            case "retired":
                reader.places[f"previous.retired[{len(retired)}]"] = place
                if _cell_text(value):
                    retired.append(_cell_text(value))
    for name in _REQUIRED_SETTINGS:
        if name not in seen:
            setting = next(s for s in SETTINGS_ROWS if s.name == name)
            place = _Place(sheet.name, None, None)
            reader.places[name] = place
            reader.error(place, name, f"raden '{setting.sv}' saknas", f"the row '{setting.sv}' is missing")
    for name in ("title", "description"):
        if name in texts or f"{name}_en" in texts:
            data[name] = {"sv": texts.get(name, "")} | ({"en": texts[f"{name}_en"]} if f"{name}_en" in texts else {})
    if "previous" in data:
        data["previous"] = {"version": data["previous"], "key_map": key_map, "retired": retired}
        if key_map_rows:
            reader.places["previous.key_map"] = sheet.place(key_map_rows[0], "value")
    elif (key_map or retired) and not previous_given:
        reader.error(
            sheet.place(seen["previous"], "value") if "previous" in seen else _Place(sheet.name),
            "previous",
            "nyckelbyten och borttagna frågor kräver ett versionsnummer under 'föregående version'",
            "key changes and retired questions need a version number under 'föregående version'",
        )
    return data


def _questions(reader: _Reader, sheet: _Sheet) -> tuple[list[dict[str, Any]], dict[str, QuestionType | None]]:
    sections: list[dict[str, Any]] = []
    first_rows: dict[str, int] = {}
    types: dict[str, QuestionType | None] = {}
    type_by_name = {_normalise(n): t for t, n in TYPE_NAMES.items()} | {t.value: t for t in QuestionType}
    current: str | None = None
    for row, values in sheet.rows:
        section_key = _cell_text(sheet.cell(values, "section")) or current
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
    reader: _Reader,
    sheet: _Sheet,
    row: int,
    values: tuple[Any, ...],
    section: dict[str, Any],
    first_row: int,
) -> None:
    """A section's title and description come from its first row; later rows may only repeat them."""
    for name, target in (("section_title", "title"), ("section_description", "description")):
        for language, column in (("sv", name), ("en", f"{name}_en")):
            text = _cell_text(sheet.cell(values, column))
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


def _anchor_cells(question: Question) -> dict[str, str | None]:
    anchors = question.anchors
    if anchors is None:
        return {}
    return {
        "anchor_low": anchors.low.sv,
        "anchor_high": anchors.high.sv,
        "anchor_low_en": anchors.low.en,
        "anchor_high_en": anchors.high.en,
    }


def _anchors(reader: _Reader, sheet: _Sheet, row: int, values: tuple[Any, ...], path: str) -> dict[str, Any] | None:
    """The scale's ends from their four cells; a half-filled pair is left for the validator to name."""
    anchors: dict[str, Any] = {}
    for end in ("low", "high"):
        sv, en = _cell_text(sheet.cell(values, f"anchor_{end}")), _cell_text(sheet.cell(values, f"anchor_{end}_en"))
        reader.places[f"{path}.anchors.{end}"] = sheet.place(row, f"anchor_{end}")
        reader.places[f"{path}.anchors.{end}.en"] = sheet.place(row, f"anchor_{end}_en")
        if sv or en:
            anchors[end] = {"sv": sv} | ({"en": en} if en else {})
    reader.places[f"{path}.anchors"] = sheet.place(row, "anchor_low")
    return anchors or None


def _question(
    reader: _Reader,
    sheet: _Sheet,
    row: int,
    values: tuple[Any, ...],
    path: str,
    type_by_name: dict[str, QuestionType],
) -> dict[str, Any]:
    key = _cell_text(sheet.cell(values, "key")) or None
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
    type_text = _cell_text(sheet.cell(values, "type"))
    if type_text:
        kind = type_by_name.get(_normalise(type_text))
        if kind is None:
            allowed = ", ".join(TYPE_NAMES.values())
            reader.error(
                sheet.place(row, "type"),
                f"{path}.type",
                f"okänd typ {_shown(type_text)}; tillåtna typer: {allowed}",
                f"unknown type {_shown(type_text)}; allowed types: {allowed}",
                key,
            )
        question["type"] = kind.value if kind else type_text
    for name in ("text", "help"):
        sv, en = _cell_text(sheet.cell(values, name)), _cell_text(sheet.cell(values, f"{name}_en"))
        if sv or en or name == "text":
            question[name] = {"sv": sv} | ({"en": en} if en else {})
    for name in ("required", "compare_by_sex"):
        question[name] = _yes_no(reader, sheet.place(row, name), f"{path}.{name}", sheet.cell(values, name), key)
    condition = _cell_text(sheet.cell(values, "show_if"))
    if condition:
        parsed = _parse_condition(condition)
        if parsed is None:
            reader.error(
                sheet.place(row, "show_if"),
                f"{path}.show_if",
                f"villkoret {_shown(condition)} kan inte läsas; skriv till exempel 'fraga = ja' eller "
                "'fraga in (a, b)'",
                f"the condition {_shown(condition)} cannot be read; write e.g. 'fraga = ja' or 'fraga in (a, b)'",
                key,
            )
        else:
            question["show_if"] = parsed
    for name in ("min", "max"):
        number = _number(reader, sheet.place(row, name), f"{path}.{name}", sheet.cell(values, name), key)
        if number is not None:
            question[name] = number
    anchors = _anchors(reader, sheet, row, values, path)
    if anchors is not None:
        question["anchors"] = anchors
    return question


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


def _resolve_conditions(sections: list[dict[str, Any]], types: dict[str, QuestionType | None]) -> None:
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


def _options(reader: _Reader, sheet: _Sheet, sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    questions: dict[str, tuple[str, dict[str, Any]]] = {}
    for s_index, section in enumerate(sections):
        for q_index, question in enumerate(section["questions"]):
            if isinstance(question.get("key"), str):
                questions.setdefault(question["key"], (f"sections[{s_index}].questions[{q_index}]", question))
    age_bands: list[dict[str, Any]] = []
    for row, values in sheet.rows:
        owner = _cell_text(sheet.cell(values, "question"))
        if _normalise(owner) == AGE_BAND:
            group, path = age_bands, "age_bands"
        elif owner in questions:
            path = f"{questions[owner][0]}.options"
            group = questions[owner][1].setdefault("options", [])
        else:
            reader.error(
                sheet.place(row, "question"),
                "",
                f"frågan {_shown(owner)} finns inte på bladet {QUESTIONS}"
                if owner
                else f"fråga saknas; skriv frågans nyckel eller '{AGE_BAND}'",
                f"the question {_shown(owner)} is not on the sheet {QUESTIONS}"
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
        label_en = _cell_text(sheet.cell(values, "label_en"))
        option: dict[str, Any] = {"label": {"sv": _cell_text(sheet.cell(values, "label"))}}
        if label_en:
            option["label"]["en"] = label_en
        value = _cell_text(sheet.cell(values, "value"))
        if value:
            option["value"] = value
        group.append(option)
    return age_bands


# ----------------------------------------------------------------------------------------------------------------
# Cells


def _normalise(text: str) -> str:
    return " ".join(text.casefold().split())


def _plain(text: str) -> str:
    """'Färdtjänst' → 'fardtjanst': the area codes are Swedish words without diacritics."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def _cell_text(value: Any) -> str:
    """A cell as the user sees it: numbers without a trailing '.0', dates in ISO form, text stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _YES if value else _NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _shown(text: str, limit: int = 40) -> str:
    """A cell quoted in a message: shortened, and never with a personnummer in it."""
    text = redact(text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _yes_no(reader: _Reader, place: _Place, path: str, value: Any, key: str | None) -> bool:
    text = _normalise(_cell_text(value))
    if text in _TRUE:
        return True
    if text in _FALSE or not text:
        return False
    reader.error(place, path, f"{_shown(text)} är varken ja eller nej", f"{_shown(text)} is neither ja nor nej", key)
    return False


def _number(reader: _Reader, place: _Place, path: str, value: Any, key: str | None) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = _cell_text(value).replace("\u2212", "-").replace(",", ".").replace(" ", "").replace("\u00a0", "")
        try:
            number = float(text)
        except ValueError:
            number = math.nan
    if math.isfinite(number):
        return number
    shown = _shown(_cell_text(value))
    reader.error(place, path, f"{shown} är inget tal", f"{shown} is not a number", key)
    return None


def _whole_number(reader: _Reader, place: _Place, path: str, value: Any) -> int | None:
    """Excel stores every number as a decimal: a version typed as 2 may come back as 2.0."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _cell_text(value)
    if re.fullmatch(r"\d+", text):
        return int(text)
    reader.error(place, path, f"{_shown(text)} är inget heltal", f"{_shown(text)} is not a whole number")
    return None
