"""Fuzzing the spreadsheet import: random bytes as CSV and XLSX, truncated workbooks, and random cells in a sound
file. Only SpreadsheetImportError may come out, a refused file writes nothing, and each example takes bounded time."""

from __future__ import annotations

import io
from datetime import timedelta

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError
from sqlmodel import func, select

from reviewer.bootstrap import bootstrap
from reviewer.services.checklists import get_version
from reviewer.services.rounds import create_round
from reviewer.services.spreadsheet_import import SpreadsheetImportError, import_file
from reviewer.storage.models import Answer, Case, ImportRecord, Review

FUZZ = settings(
    max_examples=30,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HEADER = ["case_code", "sex", "age_band", "unit", "reviewer", "beslut", "handlaggningstid_dagar", "beslut_note"]
ROWS = [
    ["MB-1", "kvinna", "a25_34", "Norr", "AB", "beviljat", 30, "ok"],
    ["MB-2", "man", "", "Syd", "CD", "avslag", 12, ""],
]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("sheetfuzz")
    application = bootstrap(data_dir=root / "data")
    with application.db.session() as session:
        round_uuid = create_round(session, "Missbruk 2024", get_version(session, "missbruk"), "2024").uuid
    workbook = openpyxl.Workbook()
    for row in [HEADER, *ROWS]:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    yield {"app": application, "round": round_uuid, "xlsx": buffer.getvalue()}
    application.close()


def counts(application):
    with application.db.session() as session:
        return [session.exec(select(func.count()).select_from(m)).one() for m in (Case, Review, Answer, ImportRecord)]


def imported_or_refused(world, path):
    before = counts(world["app"])
    with world["app"].db.session() as session:
        try:
            import_file(session, world["round"], path, actor="AB")
        except SpreadsheetImportError as error:
            refusal = error
        else:
            return
    assert refusal.text("sv")
    assert refusal.text("en")
    assert counts(world["app"]) == before


@FUZZ
@given(
    suffix=st.sampled_from([".csv", ".xlsx"]),
    prefix=st.sampled_from([b"", b"PK\x03\x04", b"case_code;sex\n"]),
    body=st.binary(max_size=300),
)
def test_random_bytes_are_refused_with_a_message(world, tmp_path, suffix, prefix, body):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(prefix + body)
    imported_or_refused(world, path)


@FUZZ
@given(fraction=st.floats(min_value=0, max_value=1, exclude_max=True), flip=st.integers(min_value=0))
def test_a_truncated_or_damaged_workbook_is_refused_with_a_message(world, tmp_path, fraction, flip):
    data = bytearray(world["xlsx"][: int(len(world["xlsx"]) * fraction)])
    if data and flip % 2:
        data[flip % len(data)] ^= 0x20
    path = tmp_path / "cut.xlsx"
    path.write_bytes(bytes(data))
    imported_or_refused(world, path)


cells = st.one_of(
    st.none(),
    st.text(max_size=15),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.sampled_from(["=A1+1", "811228-9874", "MB811228-9874", "ja", "kvinna", "2024-01-15", "1e400", "\u2212"]),
)


@FUZZ
@given(data=st.data())
def test_random_cells_in_a_sound_workbook_are_imported_or_refused_without_writing(world, tmp_path, data):
    workbook = openpyxl.Workbook()
    rows = [list(HEADER), *[list(row) for row in ROWS]]
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        row = data.draw(st.integers(min_value=0, max_value=len(rows) - 1))
        column = data.draw(st.integers(min_value=0, max_value=len(HEADER) - 1))
        rows[row][column] = data.draw(cells)
    path = tmp_path / "edited.xlsx"
    try:
        for row in rows:
            workbook.active.append(row)
        workbook.save(path)
    except (
        ValueError,
        TypeError,
        IllegalCharacterError,
    ):  # openpyxl writes no control characters; no workbook has them
        return
    imported_or_refused(world, path)
