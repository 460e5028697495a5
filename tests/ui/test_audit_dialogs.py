"""The audit trail in the program: a case's Händelselogg from the case list, and the period export from the File menu,
through the real widgets; the export runs on the worker and is read back."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.ui.audit_export_dialog import AuditExportDialog
from reviewer.ui.audit_log_dialog import AuditLogDialog
from tests.ui.helpers import press, type_text, when_modal
from tests.ui.test_review_flow import create_round_and_case, window  # noqa: F401 - the review flow's window


def test_the_event_log_of_a_case_shows_who_changed_what(qtbot, app, window, screenshot):  # noqa: F811
    cases_page = create_round_and_case(qtbot, window)
    press(cases_page.view, Qt.Key.Key_Return)
    form = window.reviews.form
    press(form.rows["beviljat"].editor.buttons()[0], Qt.Key.Key_J)
    press(form.rows["beviljat"].editor.buttons()[0], Qt.Key.Key_N)
    type_text(form.rows["skal"].editor.text, "Hemlig motivering")
    press(form, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.reviews.stack.currentWidget() is cases_page
    assert cases_page.log_button.text() == "Händelse&logg…"

    seen: list[list[tuple[str, ...]]] = []

    def read(dialog):
        assert isinstance(dialog, AuditLogDialog)
        model = dialog.model
        seen.append([tuple(model.data(model.index(r, c)) for c in range(6)) for r in range(model.rowCount())])
        assert dialog.windowTitle() == "Händelselogg – ärende ÄR-001"
        assert dialog.count.text() == "4 händelser"
        screenshot(dialog, "handelselogg")
        dialog.reject()

    when_modal(qtbot, read)
    qtbot.mouseClick(cases_page.log_button, Qt.MouseButton.LeftButton)
    rows = seen[0]
    assert [r[2] for r in rows] == ["Omgång skapad", "Ärende skapat", "Svar givet", "Fritextsvar givet"]
    assert rows[2][1:] == ("AB", "Svar givet", "Beviljades insatsen?", "(inget svar)", "Nej")
    assert rows[3][3] == "Skäl till avslag"
    assert all("Hemlig" not in cell for row in rows for cell in row)
    assert rows[2][0].startswith(date.today().isoformat())


def test_the_period_export_runs_from_the_file_menu_and_reads_back(qtbot, app, window, tmp_path, screenshot):  # noqa: F811
    create_round_and_case(qtbot, window)
    action = next(
        a for a in window.menuBar().actions()[0].menu().actions() if "händelselogg" in a.text().replace("&", "")
    )
    target = tmp_path / "logg.xlsx"
    done: list[AuditExportDialog] = []

    def export(dialog):
        assert isinstance(dialog, AuditExportDialog)
        dialog.set_period(date.today() + timedelta(days=1), date.today())
        dialog.export_to(target)
        assert "efter att den slutar" in dialog.status.text() and not target.exists()
        dialog.set_period(date.today() - timedelta(days=7), date.today())
        assert dialog.status.text() == ""
        screenshot(dialog, "handelselogg-export")
        dialog.export_to(target)
        qtbot.waitUntil(lambda: dialog._job is None, timeout=30_000)
        done.append(dialog)
        dialog.reject()

    when_modal(qtbot, export)
    action.trigger()
    assert done[0].status.text().startswith("3 händelser skrevs till logg.xlsx")
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Intern handling – innehåller personuppgifter"
    assert [r[5] for r in rows[4:]] == ["Checklista importerad", "Omgång skapad", "Ärende skapat"]
    assert rows[6][1:4] == ("AB", "Alla typer 2026", "ÄR-001")


def test_a_refused_target_is_a_message_and_nothing_is_written(qtbot, app, tmp_path):
    dialog = AuditExportDialog(app.db, "sv")
    qtbot.addWidget(dialog)
    dialog.export_to(tmp_path / "saknas" / "logg.csv")
    assert "mappen finns inte" in dialog.status.text()
    assert dialog._job is None and not (tmp_path / "saknas").exists()
    QApplication.processEvents()
