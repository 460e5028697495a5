"""Export och rapport on the real services and widgets: preview, hidden figures, files equal to the CLI's, the guard."""

from __future__ import annotations

import subprocess

import pytest
from sqlmodel import select

from reviewer.cli.main import main as cli_main
from reviewer.services.rounds import rename_round
from reviewer.storage.models import Case
from reviewer.ui.export_page import ExportPage
from tests.tools import require_tool


def open_page(qtbot, app, checklist: str | None = None) -> ExportPage:
    widget = ExportPage(app.db, "sv")
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.previewed, timeout=60_000):
        widget.refresh()
        if checklist is not None:
            widget.filters.checklist.setCurrentIndex(widget.filters.checklist.findData(checklist))
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=60_000)
    return widget


@pytest.fixture
def page(qtbot, app, swedish, demo):
    widget = open_page(qtbot, app, "missbruk")
    yield widget
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=60_000)


def write(qtbot, page: ExportPage, kind: str, path) -> None:
    with qtbot.waitSignal(page.written, timeout=60_000):
        page.write(kind, path)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60_000)


def test_the_preview_marks_hidden_figures_and_says_why(qtbot, page, screenshot):
    result = page.result
    assert result is not None and result.method.n_hidden > 0
    model = page.preview_model
    texts = [model.data(model.index(r, c)) for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert "x" in texts
    assert page.hidden_model.rowCount() == len(result.hidden) > 0
    reasons = {page.hidden_model.data(page.hidden_model.index(r, 4)) for r in range(page.hidden_model.rowCount())}
    assert any(reason.startswith("Dold: färre än 5 ärenden") for reason in reasons)
    assert page.status.text().startswith(f"{result.method.n_hidden} uppgifter är dolda: färre än 5 ärenden")
    screenshot(page, "export-preview")
    page.tabs.setCurrentIndex(1)
    screenshot(page, "export-hidden")


def test_a_larger_minimum_hides_more(qtbot, page):
    before = page.result.method.n_hidden
    with qtbot.waitSignal(page.previewed, timeout=60_000):
        page.min_cell.setValue(15)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60_000)
    assert page.result.method.rules.min_cell == 15
    assert page.result.method.n_hidden > before


@pytest.mark.parametrize("kind", ["csv", "xlsx", "json"])
def test_the_files_equal_what_the_command_line_writes(qtbot, page, demo, data_dir, tmp_path, kind):
    ours = tmp_path / f"gui.{kind}"
    write(qtbot, page, kind, ours)
    theirs = tmp_path / f"cli.{kind}"
    arguments = ["export", "--format", kind, "-o", str(theirs), "--round", demo["missbruk"].name]
    assert cli_main([*arguments, "--data-dir", str(data_dir)]) == 0
    if kind == "xlsx":
        from openpyxl import load_workbook

        def cells(path):
            book = load_workbook(path, read_only=True)
            return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}

        assert cells(ours) == cells(theirs)
    else:
        assert ours.read_bytes() == theirs.read_bytes()
    if kind == "csv":
        assert ours.read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_pdf_report_is_written_and_anonymised_by_default(qtbot, page, tmp_path):
    path = tmp_path / "rapport.pdf"
    write(qtbot, page, "pdf", path)
    assert path.read_bytes().startswith(b"%PDF")
    pdftotext = require_tool("pdftotext")
    text = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Anonymiserad" in text


def test_the_last_guard_stops_a_file_that_would_name_a_case(qtbot, app, page, demo, tmp_path):
    with app.db.session() as session:
        code = session.exec(select(Case.case_code).limit(1)).one()
        rename_round(session, demo["missbruk"].uuid, f"Granskning {code}")
    with qtbot.waitSignal(page.previewed, timeout=60_000):
        page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60_000)
    path = tmp_path / "stoppad.csv"
    with qtbot.waitSignal(page.failed, timeout=60_000) as blocker:
        page.write("csv", path)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60_000)
    assert blocker.args[0].startswith("Exporten stoppades")
    assert code not in blocker.args[0]
    assert not path.exists()


def test_the_page_says_what_it_hides_for_earlier_releases(qtbot, app, swedish, screenshot):
    """A round's whole export and its unit Norr's are in the register: unit Söder's preview hides more, and says
    why (the round of tests/services/test_release_register.py)."""
    from reviewer.services.anonymisation import ExportRequest, build_anonymised, record_release
    from tests.services.test_release_register import _round

    round_uuid = _round(app)
    with app.db.session() as session:
        for unit in (None, "Norr"):
            record_release(session, build_anonymised(session, ExportRequest((round_uuid,), unit=unit)), "csv")
    widget = open_page(qtbot, app)
    with qtbot.waitSignal(widget.previewed, timeout=60_000):
        widget.filters.unit.setCurrentIndex(widget.filters.unit.findData("Söder"))
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=60_000)
    method = widget.result.method
    assert method.unit == "Söder" and method.n_earlier_releases == 2 and method.n_hidden_for_earlier > 0
    assert f"{method.n_hidden_for_earlier} av dem för att" in widget.status.text()
    assert "tidigare utlämnade sammanställningar av överlappande urval (2)" in widget.status.text()
    model = widget.hidden_model
    reasons = {model.data(model.index(r, 4)) for r in range(model.rowCount())}
    assert any(reason.startswith("Dold: tillsammans med en tidigare utlämnad") for reason in reasons)
    screenshot(widget, "export-earlier-releases")
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=60_000)


def test_the_report_offers_the_trend_when_three_rounds_are_ticked(qtbot, app, swedish, tmp_path):
    from tests.services.test_report_trend import add_rounds

    with app.db.session() as session:
        uuids = add_rounds(session)
    page = open_page(qtbot, app, "testmall")
    assert not page.trend_report.isEnabled()  # one round ticked
    with qtbot.waitSignal(page.previewed, timeout=60_000):
        page.filters.check_rounds(set(uuids))
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60_000)
    assert page.trend_report.isEnabled() and page.trend_report.text() == "Med &trenden över de markerade omgångarna"
    page.trend_report.setChecked(True)
    page.anonymised_report.setChecked(False)
    path = tmp_path / "trend.pdf"
    write(qtbot, page, "pdf", path)
    pdftotext = require_tool("pdftotext")
    text = " ".join(subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True).stdout.split())
    assert "Trend över omgångarna År 2024 – År 2025 – År 2026." in text  # oldest first, as the list is read
    with qtbot.waitSignal(page.previewed, timeout=60_000):
        page.filters.check_rounds(set(uuids[:2]))
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60_000)
    assert not page.trend_report.isEnabled() and not page.trend_report.isChecked()
