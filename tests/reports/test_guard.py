"""The last guard: what it finds, what it deliberately does not, and how it reads each finished file."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from reviewer.reports.guard import ExportGuard, ExportRefusedError, csv_texts, json_texts, words, xlsx_texts
from reviewer.services.anonymisation import ForbiddenStrings

PERSONNUMMER = "811228-9874"  # a valid test number (Luhn)
SAMORDNINGSNUMMER = "900577-4568"  # 17 May 1990, day + 60


def guard(codes=(), names=(), ordinary=()) -> ExportGuard:
    return ExportGuard(ForbiddenStrings(frozenset(codes), frozenset(names)), ordinary)


def test_words_are_runs_of_letters_and_digits_case_folded():
    assert words("MB-2024-0012, Åsa Öberg_x") == ["mb", "2024", "0012", "åsa", "öberg", "x"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"Omgång {PERSONNUMMER}", "personnummer"),
        (f"{SAMORDNINGSNUMMER}", "samordningsnummer"),
        ("Granskning av MB-2024-0012", "case_code"),
        ("granskning av mb 2024 0012 i norr", "case_code"),
        ("Omgång Anna Berg 2026", "name"),
        ("ANNA BERG", "name"),
        ("Anna Bergs omgång", "name"),
        ("Omgång MB-2024-0012s", "case_code"),
    ],
)
def test_finds_identifying_strings_as_whole_words_in_any_case(text, kind):
    assert guard(codes=["MB-2024-0012"], names=["Anna Berg"]).find(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "MB-2024-00123",  # a longer code is another code
        "Annabergs gård",  # not the whole name
        "Anna",  # part of the name only
        "Berg Anna",  # not in order
        "Annas Berg",  # only the last word takes the genitive
        "Anna Bergström",
        "12 % (n = 42)",
    ],
)
def test_does_not_find_parts_or_other_orders(text):
    assert guard(codes=["MB-2024-0012"], names=["Anna Berg"]).find(text) is None


def test_a_name_that_is_an_ordinary_word_of_the_export_is_not_searched_for():
    """A reviewer called "Man" or with the initials "EN" cannot be told apart from the words of the questions."""
    ordinary = ["Har man frågat om en anhörig?"]
    checker = guard(names=["Man", "EN", "A"], ordinary=ordinary)
    assert checker.find("Har man frågat om en anhörig?") is None
    assert checker.find("Omgång Man EN") is None
    # a name with one word of its own is searched for, also beside ordinary words
    assert guard(names=["Man Qvist"], ordinary=ordinary).find("man qvist") == "name"
    # the program's own headings count as ordinary too: "Totalt" and "Kvinnor" are no names
    assert guard(names=["Totalt", "Kvinnor"]).find("Kvinnor Totalt") is None


def test_short_strings_and_small_numbers_are_not_searched_for():
    checker = guard(codes=["7", "12", "2024", "12345"], names=["Q"])
    assert checker.find("Missbruk 2024, 12 ärenden, 7 män, Q") is None
    assert checker.find("ärende 12345") == "case_code"


def test_a_refusal_names_the_kind_never_the_value():
    checker = guard(codes=["HEMLIG-1"])
    with pytest.raises(ExportRefusedError) as caught:
        checker.check(["ok", "Omgång HEMLIG-1"], where=_where())
    assert caught.value.kind == "case_code"
    for language in ("sv", "en"):
        text = caught.value.text(language)
        assert "HEMLIG" not in text
    assert "ett ärendes kod" in caught.value.text("sv") and "CSV-filen" in caught.value.text("sv")
    with pytest.raises(ExportRefusedError) as caught:
        checker.check([f"x {PERSONNUMMER}"], where=_where())
    assert "personnummer" in caught.value.text("sv") and "9874" not in caught.value.text("sv")


def _where():
    from reviewer.reports.csv_export import WHERE

    return WHERE


def test_csv_texts_skip_the_numeric_columns():
    text = "\ufeffnamn;antal;procent\r\nAnna Berg;8112289874;12,5\r\n"
    assert list(csv_texts(text, ";", ["antal", "procent"])) == ["namn", "antal", "procent", "Anna Berg"]


def test_json_texts_are_every_key_and_string():
    text = json.dumps({"a": ["Anna", {"b": "Berg", "n": 8112289874}], "c": None})
    assert sorted(json_texts(text)) == sorted(["a", "Anna", "b", "Berg", "n", "c"])


def test_xlsx_texts_are_cell_strings_sheet_names_charts_and_properties_not_numbers():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Fliken Qvist"
    sheet["A1"] = "Text Anna"
    sheet["A2"] = 8112289874
    sheet["A3"] = 3
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=2, max_row=3))
    chart.title = "Diagrammet Zeta"
    sheet.add_chart(chart, "C1")
    workbook.properties.creator = "Skapare Ypsilon"
    buffer = io.BytesIO()
    workbook.save(buffer)
    texts = " | ".join(xlsx_texts(buffer.getvalue()))
    for expected in ("Fliken Qvist", "Text Anna", "Diagrammet Zeta", "Skapare Ypsilon"):
        assert expected in texts
    assert "8112289874" not in texts
