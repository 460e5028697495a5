"""The XLSX export read back with openpyxl: sheets, layout, charts, formats – and the same figures as the service,
the JSON and the CSV."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from reviewer.reports import xlsx_export
from reviewer.reports.csv_export import render_csv
from reviewer.reports.guard import ExportRefusedError
from reviewer.reports.json_export import render_json
from reviewer.reports.xlsx_export import PROGRAM, column_of, render_xlsx, write_xlsx
from reviewer.services.anonymisation import COLUMNS
from tests.reports.export_data import CODE_PREFIX, assert_no_secrets, build, tempting_app


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    yield from tempting_app(tmp_path_factory)


@pytest.fixture(scope="module")
def result_and_guard(exported):
    app, round_uuid = exported
    return build(app, round_uuid)


@pytest.fixture(scope="module")
def workbook(result_and_guard):
    result, _ = result_and_guard
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(result)))


def block(sheet, key):
    """The first row of a question's block (the key is beside its text)."""
    return next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row=row, column=2).value == key)


def test_sheets(workbook):
    assert workbook.sheetnames == ["Metod", "Ärendet", "Tid och kostnad", "Ordlista"]
    assert workbook.properties.creator == PROGRAM


def test_sex_is_the_breakdown_of_every_section_sheet(workbook):
    sheet = workbook["Ärendet"]
    top = block(sheet, "fragat")
    assert [sheet.cell(row=top + 1, column=c).value for c in range(1, 12)] == [
        "Svar",
        "Kvinnor",
        None,
        "Män",
        None,
        "Annat",
        None,
        "Okänt",
        None,
        "Kvinnor och män",  # two annat, one okänt: both left out, the total is women and men's
        None,
    ]
    assert [sheet.cell(row=top + 2, column=c).value for c in range(2, 12)] == ["Antal", "%"] * 5
    assert sheet.freeze_panes == "B3"
    assert sheet.column_dimensions["A"].width == 50


def test_charts_beside_the_compared_questions(workbook, result_and_guard):
    result, _ = result_and_guard
    for section in result.sections:
        sheet = workbook[section.title.sv]
        compared = [q for q in section.questions if q.comparison is not None]
        assert len(sheet._charts) == len(compared) > 0


def test_formats(workbook):
    sheet = workbook["Ärendet"]
    top = block(sheet, "fragat")
    count, share = sheet.cell(row=top + 3, column=2), sheet.cell(row=top + 3, column=3)
    assert (count.value, count.number_format) == (21, "#,##0")
    assert share.value == pytest.approx(0.42) and share.number_format == "0.0%"
    money = workbook["Tid och kostnad"]
    row = block(money, "kostnad") + 3 + 5  # n, mean, median, q1, q3, then the sum
    assert money.cell(row=row, column=1).value == "Summa"
    assert (
        money.cell(row=row, column=2).value == 125_000 and money.cell(row=row, column=2).number_format == '#,##0 "kr"'
    )


def test_hidden_marks(workbook):
    sheet = workbook["Ärendet"]
    top = block(sheet, "beslut")
    beviljat = top + 3
    assert sheet.cell(row=beviljat, column=column_of("other")).value == "x"
    assert sheet.cell(row=beviljat, column=column_of("total")).value == 50  # women and men: 20 + 30
    assert sheet.cell(row=beviljat, column=column_of("female")).value == 20
    dagar = workbook["Tid och kostnad"]
    median = block(dagar, "dagar") + 3 + 2
    assert dagar.cell(row=median, column=1).value == "Median"
    assert dagar.cell(row=median, column=column_of("other")).value == "x"
    assert dagar.cell(row=median, column=column_of("total")).value == "–"


def test_method_and_glossary(workbook, result_and_guard):
    result, _ = result_and_guard
    method = {row[0]: row[1] for row in workbook["Metod"].iter_rows(min_row=3, values_only=True) if row[0]}
    assert method["Checklista"] == "Testmall (testmall, version 1)"
    assert method["Omgångar"] == "Granskning 2026 (2026)"
    assert method["Antal granskade ärenden: kvinnor"] == 50
    assert method["Antal granskade ärenden: annat"] == "färre än 5"
    assert method["Antal granskade ärenden: okänt"] == "färre än 5"
    assert method["Antal granskade ärenden: kvinnor och män"] == 99
    assert method["Antal dolda uppgifter"] == result.method.n_hidden
    assert method["Minsta antal ärenden per uppgift (k)"] == 5
    marks = [row[0] for row in workbook["Metod"].iter_rows(values_only=True) if row[0]]
    assert any(m.startswith("x = uppgiften är dold") for m in marks)
    assert any(m.startswith("– = det finns ingen uppgift") for m in marks)
    glossary = list(workbook["Ordlista"].iter_rows(values_only=True))
    assert glossary[0] == ("Avsnitt", "Frågans kod", "Fråga", "Frågetyp", "Svarets kod", "Svarsalternativ")
    assert ("Ärendet", "beslut", "Vad blev beslutet?", "Ett av flera alternativ", "avslag", "Avslag") in glossary


def test_one_truth_service_json_xlsx_csv(workbook, result_and_guard):
    """Every count and percentage, and the women's and men's statistics of every number question, are the same in
    the service's result, the JSON, the workbook and (counts and percentages, rounded there) the CSV."""
    result, _ = result_and_guard
    document = json.loads(render_json(result))
    table = list(csv.DictReader(io.StringIO(render_csv(result, decimal=".").removeprefix("\ufeff")), delimiter=";"))
    for section, section_json in zip(result.sections, document["sections"], strict=True):
        sheet = workbook[section.title.sv]
        for question, question_json in zip(section.questions, section_json["questions"], strict=True):
            first = block(sheet, question.key) + 3
            if question.kind == "numeric":
                for offset, code in enumerate(("n", "medel", "median", "q1", "q3")):
                    for column in ("female", "male"):
                        figures = question.numbers[column]
                        expected = {
                            "n": figures.n,
                            "medel": figures.mean,
                            "median": figures.median,
                            "q1": figures.q1,
                            "q3": figures.q3,
                        }[code]
                        assert question_json["numbers"][column][{"medel": "mean"}.get(code, code)] == expected
                        shown = sheet.cell(row=first + offset, column=column_of(column)).value
                        assert shown == ("x" if expected is None else pytest.approx(expected))
                continue
            for offset, (row, row_json) in enumerate(zip(question.rows, question_json["rows"], strict=True)):
                for column in COLUMNS:
                    cell = row.cells[column]
                    assert row_json["cells"][column]["count"] == cell.count
                    assert row_json["cells"][column]["percent"] == cell.percent
                    shown = sheet.cell(row=first + offset, column=column_of(column)).value
                    assert shown == ("x" if cell.count is None else cell.count)
                    share = sheet.cell(row=first + offset, column=column_of(column) + 1).value
                    if cell.percent is not None:
                        assert share == pytest.approx(cell.percent / 100)
                    line = next(
                        r
                        for r in table
                        if (r["fraga_kod"], r["rad_kod"], r["grupp_kod"]) == (question.key, row.value, column)
                    )
                    assert line["antal"] == ("" if cell.count is None else str(cell.count))
                    if cell.percent is not None:
                        assert float(line["procent"]) == pytest.approx(cell.percent, abs=0.05)


def test_no_case_code_name_free_text_or_note(result_and_guard, tmp_path):
    result, guard = result_and_guard
    target = tmp_path / "resultat.xlsx"
    write_xlsx(result, target, guard)
    assert_no_secrets(target.read_bytes())


def test_the_guard_refuses_a_planted_case_code_in_a_chart_or_a_sheet(result_and_guard, tmp_path, monkeypatch):
    result, guard = result_and_guard
    original = xlsx_export._style
    monkeypatch.setattr(xlsx_export, "_style", lambda chart, title: original(chart, f"{title} {CODE_PREFIX}-0009"))
    with pytest.raises(ExportRefusedError):
        write_xlsx(result, tmp_path / "x.xlsx", guard)
    assert not (tmp_path / "x.xlsx").exists()
    monkeypatch.setattr(xlsx_export, "_style", original)
    monkeypatch.setattr(xlsx_export, "GLOSSARY", xlsx_export.Message(f"Ordlista {CODE_PREFIX}-0010", "Glossary"))
    with pytest.raises(ExportRefusedError):
        write_xlsx(result, tmp_path / "x.xlsx", guard)
    assert not (tmp_path / "x.xlsx").exists()


def test_every_sheet_says_whose_sex_the_groups_are(workbook):
    method = {row[0]: row[1] for row in workbook["Metod"].iter_rows(min_row=3, values_only=True) if row[0]}
    assert method["Kön avser"] == "den som ärendet gäller"
    for name in ("Ärendet", "Tid och kostnad"):
        assert workbook[name]["A3"].value == "Kön avser: den som ärendet gäller"
