"""XLSX workbooks: formula cells without a saved result, and workbooks that unpack to far more than their size."""

from __future__ import annotations

import re
import time
import zipfile

import openpyxl
import pytest

from tests.services.test_spreadsheet_import import do_import, refused, stored

HEADER = ["case_code", "sex", "reviewer", "handlaggningstid_dagar", "antal_ord_beskrivning"]


def workbook_with_formula(path, title="Granskningar"):
    """A workbook as a script writes it: the formula in E3 has no saved result (openpyxl never computes one)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(HEADER)
    sheet.append(["MB-1", "kvinna", "AB", 30, 120])
    sheet.append(["MB-2", "man", "AB", 45, "=E2+10"])
    workbook.save(path)
    return path


def with_saved_results(path, value="130"):
    """The same workbook after Excel saved it: each formula followed by its result."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    saved = rb"\1<v>" + value.encode() + rb"</v>"
    members[sheet] = re.sub(rb"(<f>[^<]*</f>)(<v\s*/>|<v>\s*</v>)?", saved, members[sheet])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_formula_without_a_saved_result_is_an_error_naming_sheet_and_cell(app, round_uuid, tmp_path):
    path = workbook_with_formula(tmp_path / "formler.xlsx")
    error = refused(app, round_uuid, path)
    assert [(issue.row, issue.column) for issue in error.issues] == [(3, "E")]
    swedish = error.text("sv")
    assert "1 formelcell utan sparat resultat" in swedish
    assert "Rad 3, kolumn 'E': cellen E3 på bladet 'Granskningar' har en formel men inget sparat resultat" in swedish
    english = error.text("en")
    assert "1 formula cell without a saved result" in english
    assert "the cell E3 on the sheet 'Granskningar' holds a formula but no saved result" in english


def test_a_formula_with_its_saved_result_is_read_as_that_value(app, round_uuid, tmp_path):
    path = with_saved_results(workbook_with_formula(tmp_path / "sparad.xlsx"))
    do_import(app, round_uuid, path)
    assert stored(app, round_uuid)["MB-2"]["answers"]["antal_ord_beskrivning"] == (130, None)


def test_a_personnummer_in_the_sheet_name_is_not_shown(app, round_uuid, tmp_path):
    path = workbook_with_formula(tmp_path / "formler.xlsx", title="811228-9874")
    error = refused(app, round_uuid, path)
    assert "811228-9874" not in error.text("sv")
    assert "[personnummer borttaget]" in error.text("sv")


def test_a_workbook_that_unpacks_to_far_more_than_its_size_is_refused_at_once(app, round_uuid, tmp_path):
    path = workbook_with_formula(tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("xl/media/fill.bin", "w") as member:
        zeros = bytes(1 << 20)
        for _ in range(80):
            member.write(zeros)
    assert path.stat().st_size < 1_000_000
    started = time.perf_counter()
    error = refused(app, round_uuid, path)
    assert time.perf_counter() - started < 5
    assert "packas upp till 83 MB" in error.text("sv")
    assert "unpacks to 83 MB" in error.text("en")


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_workbook_is_refused_as_not_excel(app, round_uuid, tmp_path, cut):
    path = workbook_with_formula(tmp_path / "kort.xlsx")
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    assert "kunde inte läsas som en Excel-arbetsbok" in refused(app, round_uuid, path).text("sv")
