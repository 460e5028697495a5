import copy
import json
import re
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from reviewer.checklists.loader import ChecklistFileError, builtin_checklists, dump_checklist, parse_checklist
from reviewer.checklists.xlsx import (
    OPTION_COLUMNS,
    OPTIONS,
    QUESTION_COLUMNS,
    QUESTIONS,
    SETTINGS,
    SETTINGS_ROWS,
    TYPE_NAMES,
    read_checklist_xlsx,
    write_checklist_xlsx,
)
from tests.checklists.strategies import definitions
from tests.checklists.test_loader import MINIMAL

HELP = 'Leta under rubriken "Barn".\nJa om frågan är ställd – även om svaret är nej.\n\nÅÄÖ åäö'


def minimal(**changes):
    data = copy.deepcopy(MINIMAL)
    data.update(changes)
    data["sections"][0]["questions"][0]["help"] = {"sv": HELP, "en": "Look under the heading\n'Children'."}
    return parse_checklist(json.dumps(data, ensure_ascii=False), "t.json")


@pytest.fixture
def workbook_path(tmp_path):
    path = tmp_path / "mall.xlsx"
    write_checklist_xlsx(minimal(), path)
    return path


def column_of(sheet, heading):
    return next(cell.column for cell in sheet[1] if cell.value == heading)


def edit(path, sheet_name, row, heading, value):
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[sheet_name]
    sheet.cell(row, column_of(sheet, heading)).value = value
    workbook.save(path)


def setting_row(path, name):
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[SETTINGS]
    return next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value == name)


def issues_of(path):
    with pytest.raises(ChecklistFileError) as info:
        read_checklist_xlsx(path)
    return info.value


def test_minimal_workbook_reads_back_identically_with_multiline_help_and_swedish_letters(workbook_path):
    back = read_checklist_xlsx(workbook_path)
    assert back.canonical_json() == minimal().canonical_json()
    assert back.question("fragat_om_barn").help.sv == HELP
    sheet = openpyxl.load_workbook(workbook_path)[QUESTIONS]
    assert sheet.cell(2, column_of(sheet, "hjälptext")).value == HELP


@pytest.mark.parametrize("definition", builtin_checklists(), ids=lambda d: d.slug)
def test_builtin_checklists_read_back_identically(tmp_path, definition):
    path = tmp_path / f"{definition.slug}.xlsx"
    write_checklist_xlsx(definition, path)
    assert read_checklist_xlsx(path).canonical_json() == definition.canonical_json()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=definitions())
def test_generated_definitions_round_trip_through_json_and_xlsx(tmp_path, raw):
    definition = parse_checklist(json.dumps(raw, ensure_ascii=False), "generated.json")
    from_json = parse_checklist(dump_checklist(definition, "json"), "again.json")
    path = tmp_path / "generated.xlsx"
    write_checklist_xlsx(from_json, path)
    back = read_checklist_xlsx(path)
    assert back.canonical_json() == definition.canonical_json()
    assert back.sha256() == definition.sha256()


def test_workbook_is_laid_out_for_a_person_in_excel(workbook_path):
    workbook = openpyxl.load_workbook(workbook_path)
    assert workbook.sheetnames[:3] == [QUESTIONS, OPTIONS, SETTINGS]
    questions = workbook[QUESTIONS]
    assert all(cell.font.bold for cell in questions[1])
    assert questions.freeze_panes == "D2"
    help_column = questions.cell(1, column_of(questions, "hjälptext")).column_letter
    assert questions.column_dimensions[help_column].width >= 40
    assert questions[f"{help_column}2"].alignment.wrap_text
    lists = {dv.formula1: str(dv.sqref) for dv in questions.data_validations.dataValidation}
    assert '"' + ",".join(TYPE_NAMES.values()) + '"' in lists
    assert '"ja,nej"' in lists
    assert questions.cell(2, column_of(questions, "typ")).value == "ja_nej"
    assert questions.cell(3, column_of(questions, "visas om")).value == "fragat_om_barn = ja"
    options = workbook[OPTIONS]
    assert [options.cell(r, 1).value for r in range(2, 5)] == ["åldersgrupp", "insats", "insats"]
    settings_sheet = workbook[SETTINGS]
    assert settings_sheet.freeze_panes == "B2"
    assert {settings_sheet.cell(r, 1).value for r in range(2, settings_sheet.max_row + 1)} >= {
        "id",
        "version",
        "titel",
        "område",
        "ärendet gäller",
        "föregående version",
    }


def test_text_starting_with_an_equals_sign_stays_text(tmp_path):
    data = copy.deepcopy(MINIMAL)
    data["sections"][0]["questions"][1]["text"] = "=SUMMA(A1:A3) är ingen formel här"
    definition = parse_checklist(json.dumps(data, ensure_ascii=False), "t.json")
    path = tmp_path / "f.xlsx"
    write_checklist_xlsx(definition, path)
    assert read_checklist_xlsx(path).question("antal_barn").text.sv == "=SUMMA(A1:A3) är ingen formel här"


def test_what_excel_does_to_typed_values_is_understood(workbook_path):
    edit(workbook_path, SETTINGS, setting_row(workbook_path, "version"), "värde", 2.0)
    edit(workbook_path, SETTINGS, setting_row(workbook_path, "område"), "värde", "Färdtjänst")
    edit(workbook_path, SETTINGS, setting_row(workbook_path, "ärendet gäller"), "värde", "Barn")
    edit(workbook_path, QUESTIONS, 2, "obligatorisk", True)
    edit(workbook_path, QUESTIONS, 2, "jämförs per kön", " JA ")
    edit(workbook_path, QUESTIONS, 3, "min", "0")
    edit(workbook_path, QUESTIONS, 3, "max", "12,5")
    edit(workbook_path, QUESTIONS, 3, "typ", "Decimaltal")
    edit(workbook_path, QUESTIONS, 3, "visas om", "Fragat_om_barn = Ja")
    back = read_checklist_xlsx(workbook_path)
    assert (back.version, back.area.value, back.subject.value) == (2, "fardtjanst", "child")
    first, second = back.questions()[:2]
    assert first.required and first.compare_by_sex
    assert (second.type.value, second.min, second.max) == ("decimal", 0.0, 12.5)
    assert second.show_if.equals == "ja"


def test_a_row_without_section_belongs_to_the_section_above_and_blank_rows_are_skipped(workbook_path):
    workbook = openpyxl.load_workbook(workbook_path)
    sheet = workbook[QUESTIONS]
    sheet.cell(3, column_of(sheet, "avsnitt")).value = None
    sheet.insert_rows(3)
    sheet.cell(1, 20).value = "# mina anteckningar"
    sheet.cell(2, 20).value = "ignoreras"
    workbook.save(workbook_path)
    assert read_checklist_xlsx(workbook_path).canonical_json() == minimal().canonical_json()


def test_scale_conditions_are_numbers_and_choice_conditions_are_text(tmp_path):
    data = copy.deepcopy(MINIMAL)
    questions = data["sections"][0]["questions"]
    questions[2]["options"][0]["value"] = "3"
    questions += [
        {"key": "skala", "type": "scale", "text": "Skala"},
        {"key": "om_skala", "type": "text", "text": "T", "show_if": {"question": "skala", "in": [4, 5]}},
        {"key": "om_val", "type": "text", "text": "T", "show_if": {"question": "insats", "equals": "3"}},
        {"key": "om_ett", "type": "text", "text": "T", "show_if": {"question": "skala", "in": [1]}},
    ]
    definition = parse_checklist(json.dumps(data, ensure_ascii=False), "t.json")
    path = tmp_path / "s.xlsx"
    write_checklist_xlsx(definition, path)
    back = read_checklist_xlsx(path)
    assert back.canonical_json() == definition.canonical_json()
    assert back.question("om_skala").show_if.in_ == [4, 5]
    assert back.question("om_val").show_if.equals == "3"


def test_previous_version_key_changes_and_retired_questions_read_back(tmp_path):
    data = copy.deepcopy(MINIMAL)
    data["version"] = 3
    data["previous"] = {
        "version": 2,
        "key_map": {"antal_barn": "barn", "insats": "barn"},
        "retired": ["gammal_fraga", "annan_gammal"],
    }
    definition = parse_checklist(json.dumps(data, ensure_ascii=False), "t.json")
    path = tmp_path / "p.xlsx"
    write_checklist_xlsx(definition, path)
    assert read_checklist_xlsx(path).canonical_json() == definition.canonical_json()
    sheet = openpyxl.load_workbook(path)[SETTINGS]
    rows = [[cell.value for cell in row][:3] for row in sheet.iter_rows(min_row=2)]
    assert ["nyckelbyte", "antal_barn", "barn"] in rows
    assert ["borttagen fråga", "annan_gammal", None] in rows


def location_and_text(error, language="sv"):
    return [issue.text(language) for issue in error.issues]


@pytest.mark.parametrize(
    ("sheet", "row", "heading", "value", "expected"),
    [
        (QUESTIONS, 2, "typ", "ja/nej", "Frågor, rad 2, kolumn 'typ' (fråga 'fragat_om_barn'): okänd typ 'ja/nej'"),
        (QUESTIONS, 3, "frågetext", None, "Frågor, rad 3, kolumn 'frågetext' (fråga 'antal_barn'): svensk text saknas"),
        (
            QUESTIONS,
            3,
            "nyckel",
            "fragat_om_barn",
            "Frågor, rad 3, kolumn 'nyckel' (fråga 'fragat_om_barn'): frågenyckeln",
        ),
        (
            QUESTIONS,
            3,
            "nyckel",
            "Antal barn",
            "Frågor, rad 3, kolumn 'nyckel' (fråga 'Antal barn'): 'Antal barn' är inte",
        ),
        (
            QUESTIONS,
            2,
            "obligatorisk",
            "kanske",
            "Frågor, rad 2, kolumn 'obligatorisk' (fråga 'fragat_om_barn'): 'kanske'",
        ),
        (
            QUESTIONS,
            3,
            "visas om",
            "fragat_om_barn är ja",
            "Frågor, rad 3, kolumn 'visas om' (fråga 'antal_barn'): villkoret",
        ),
        (
            QUESTIONS,
            3,
            "visas om",
            "insats = ja",
            "Frågor, rad 3, kolumn 'visas om' (fråga 'antal_barn'): show_if hänvisar",
        ),
        (QUESTIONS, 3, "visas om", "fragat_om_barn = kanske", "Frågor, rad 3, kolumn 'visas om' (fråga 'antal_barn')"),
        (QUESTIONS, 3, "max", "många", "Frågor, rad 3, kolumn 'max' (fråga 'antal_barn'): 'många' är inget tal"),
        (QUESTIONS, 2, "min", 3, "Frågor, rad 2, kolumn 'min' (fråga 'fragat_om_barn'): min och max gäller bara"),
        (QUESTIONS, 2, "avsnittets rubrik", None, "Frågor, rad 2, kolumn 'avsnittets rubrik': svensk text saknas"),
        (
            QUESTIONS,
            3,
            "avsnittets rubrik",
            "Annan rubrik",
            "Frågor, rad 3, kolumn 'avsnittets rubrik': avsnittet 's1'",
        ),
        (OPTIONS, 4, "värde", "oppenvard", "Alternativ, rad 4, kolumn 'värde' (fråga 'insats'): svarsalternativet"),
        (OPTIONS, 4, "fråga", "finns_inte", "Alternativ, rad 4, kolumn 'fråga': frågan 'finns_inte' finns inte"),
        (OPTIONS, 4, "fråga", "antal_barn", "Alternativ, rad 4, kolumn 'fråga' (fråga 'antal_barn'): frågetypen"),
        (OPTIONS, 2, "etikett", None, "Alternativ, rad 2, kolumn 'etikett': svensk text saknas"),
        (SETTINGS, "version", "värde", "två", "Inställningar, rad 4, kolumn 'värde': 'två' är inget heltal"),
        (SETTINGS, "id", "värde", "Min Mall", "Inställningar, rad 3, kolumn 'värde': 'Min Mall' är inte"),
        (SETTINGS, "område", "värde", "skola", "Inställningar, rad 9, kolumn 'värde': ogiltigt värde 'skola'"),
        (SETTINGS, "ärendet gäller", "värde", "alla", "Inställningar, rad 10, kolumn 'värde': 'alla' är varken"),
        (SETTINGS, "titel", "inställning", "rubrik", "Inställningar, rad 5, kolumn 'inställning': okänd inställning"),
        (SETTINGS, "titel", "värde", None, "Inställningar, rad 5, kolumn 'värde': fältet saknas"),
    ],
)
def test_each_mistake_names_sheet_row_and_column(workbook_path, sheet, row, heading, value, expected):
    if isinstance(row, str):
        row = setting_row(workbook_path, row)
    edit(workbook_path, sheet, row, heading, value)
    error = issues_of(workbook_path)
    texts = location_and_text(error)
    assert any(text.startswith(expected) for text in texts), texts
    assert str(workbook_path) in error.text("sv")


def test_choice_question_without_options_points_at_its_type(workbook_path):
    workbook = openpyxl.load_workbook(workbook_path)
    workbook[OPTIONS].delete_rows(3, 2)
    workbook.save(workbook_path)
    texts = location_and_text(issues_of(workbook_path))
    assert texts == ["Frågor, rad 4, kolumn 'typ' (fråga 'insats'): en flervalsfråga behöver minst två svarsalternativ"]


def test_every_mistake_is_reported_at_once_in_sheet_order_and_in_english(workbook_path):
    edit(workbook_path, QUESTIONS, 3, "typ", "tal")
    edit(workbook_path, OPTIONS, 4, "värde", "Institution!")
    edit(workbook_path, SETTINGS, setting_row(workbook_path, "version"), "värde", 1.5)
    error = issues_of(workbook_path)
    english = location_and_text(error, "en")
    assert [text.split(":")[0] for text in english] == [
        "Inställningar, row 4, column 'värde'",
        "Frågor, row 3, column 'typ' (question 'antal_barn')",
        "Alternativ, row 4, column 'värde' (question 'insats')",
    ]
    assert "unknown type 'tal'" in english[1]
    assert "(3 errors)" in error.text("en")


def test_a_section_split_in_two_places_is_refused(workbook_path):
    workbook = openpyxl.load_workbook(workbook_path)
    sheet = workbook[QUESTIONS]
    sheet.cell(3, column_of(sheet, "avsnitt")).value = "s2"
    sheet.cell(3, column_of(sheet, "avsnittets rubrik")).value = "Avsnitt två"
    workbook.save(workbook_path)
    texts = location_and_text(issues_of(workbook_path))
    assert any(t.startswith("Frågor, rad 4, kolumn 'avsnitt': avsnittet 's1' började redan på rad 2") for t in texts), (
        texts
    )


def test_missing_rows_columns_and_sheets_are_named(workbook_path, tmp_path):
    workbook = openpyxl.load_workbook(workbook_path)
    workbook[SETTINGS].delete_rows(setting_row(workbook_path, "titel"))
    workbook.save(workbook_path)
    assert "Inställningar: raden 'titel' saknas" in location_and_text(issues_of(workbook_path))

    workbook = openpyxl.load_workbook(workbook_path)
    sheet = workbook[QUESTIONS]
    sheet.cell(1, column_of(sheet, "typ")).value = "frågetyp"
    workbook.save(workbook_path)
    texts = location_and_text(issues_of(workbook_path))
    assert texts[0].startswith("Frågor, rad 1, kolumn 'frågetyp': okänd kolumn"), texts
    assert "Frågor: kolumnen 'typ' saknas på rad 1" in texts

    del workbook[OPTIONS]
    workbook.save(workbook_path)
    assert "saknar bladet 'Alternativ'" in issues_of(workbook_path).text("sv")

    not_excel = tmp_path / "fel.xlsx"
    not_excel.write_text("hej", encoding="utf-8")
    assert "kan inte läsas som en Excel-arbetsbok" in issues_of(not_excel).text("sv")


def test_key_changes_need_a_previous_version(workbook_path):
    workbook = openpyxl.load_workbook(workbook_path)
    sheet = workbook[SETTINGS]
    sheet.append(["nyckelbyte", "antal_barn", "barn"])
    workbook.save(workbook_path)
    row = setting_row(workbook_path, "föregående version")
    texts = location_and_text(issues_of(workbook_path))
    assert texts == [
        f"Inställningar, rad {row}, kolumn 'värde': nyckelbyten och borttagna frågor kräver ett versionsnummer "
        "under 'föregående version'"
    ]


def test_english_sheet_and_column_names_are_read_too(workbook_path):
    workbook = openpyxl.load_workbook(workbook_path)
    workbook[QUESTIONS].title = "Questions"
    sheet = workbook["Questions"]
    sheet.cell(1, column_of(sheet, "frågetext")).value = "Question text"
    workbook.save(workbook_path)
    assert read_checklist_xlsx(workbook_path).canonical_json() == minimal().canonical_json()


def test_a_personnummer_in_a_cell_is_refused_and_not_repeated(workbook_path):
    edit(workbook_path, QUESTIONS, 2, "hjälptext", "Se akten för 19121212-1212.")
    edit(workbook_path, QUESTIONS, 3, "typ", "19121212-1212")
    report = issues_of(workbook_path).text("sv")
    assert "Frågor, rad 2, kolumn 'hjälptext' (fråga 'fragat_om_barn'): texten innehåller" in report
    assert "personnummer" in report
    assert not re.search(r"\d{6}-?\d{4}", report)


def test_every_column_setting_and_type_is_documented():
    text = (Path(__file__).parents[2] / "docs/checklist-excel.md").read_text("utf-8")
    for column in (*QUESTION_COLUMNS, *OPTION_COLUMNS):
        assert f"| `{column.sv}` | {column.en} |" in text, column
    for setting in SETTINGS_ROWS:
        assert f"| `{setting.sv}` | {setting.en} |" in text, setting
    for kind, name in TYPE_NAMES.items():
        assert f"| `{name}` | `{kind.value}` |" in text, name


def test_numbers_excel_cannot_hold_exactly_survive_as_text(tmp_path):
    data = copy.deepcopy(MINIMAL)
    data["sections"][0]["questions"][1] |= {"min": -0.0, "max": 0.1 + 0.2}
    definition = parse_checklist(json.dumps(data), "t.json")
    path = tmp_path / "n.xlsx"
    write_checklist_xlsx(definition, path)
    assert read_checklist_xlsx(path).canonical_json() == definition.canonical_json()
