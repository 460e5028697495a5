"""The window's flows over planted case codes, reviewer names and notes leave none of them in the log."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reviewer.bootstrap import bootstrap
from reviewer.services import spreadsheet_import
from reviewer.services.checklists import get_version
from reviewer.services.rounds import create_round
from reviewer.services.settings import Settings
from reviewer.ui import app as ui_app
from reviewer.ui.main_window import MainWindow
from tests.faults import assert_nothing_planted, log_text, planted_csv
from tests.ui.helpers import activate, press, when_modal


def test_the_window_flows_log_no_case_data(qtbot, tmp_path, swedish):
    app = bootstrap(data_dir=tmp_path / "d")
    try:
        with app.db.session() as session:
            round_ = create_round(session, "ZZUNIT omgång", get_version(session, "missbruk", None), "2024")
            spreadsheet_import.import_file(session, round_.uuid, planted_csv(tmp_path / "t.csv", 12))
        window = MainWindow(app, Settings(reviewer="ZZREVIEWER7"))
        qtbot.addWidget(window)
        window.show()
        activate(qtbot, window)
        rounds_page = window.reviews.rounds_page
        rounds_page.table.view.selectRow(0)
        press(rounds_page.table.view, Qt.Key.Key_Return)
        cases_page = window.reviews.cases_page
        cases_page.view.selectRow(0)
        press(cases_page.view, Qt.Key.Key_Return)
        form = window.reviews.stack.currentWidget()
        row = next(iter(form.rows.values()))
        row.open_note()
        QTest.keyClicks(row.note, " ZZNOTE typed")
        assert form.state.text().startswith("Sparat")
        form.toggle_complete()
        window.tabs.setCurrentWidget(window.dashboard_tab)
        window.tabs.setCurrentWidget(window.export_tab)
        when_modal(qtbot, lambda dialog: dialog.backup_button.click() or dialog.reject())
        window.open_settings()
        try:
            raise ValueError("ZZPLANT00001 could not be parsed")  # an error whose text quotes case data
        except ValueError as error:
            from unittest import mock

            from PySide6.QtWidgets import QMessageBox

            with mock.patch.object(QMessageBox, "critical"):
                ui_app.report_unexpected_error(type(error), error, error.__traceback__)
        text = log_text(app.paths.data_dir)
        assert "ValueError" in text and "unexpected error" in text, "the failure itself is logged"
        assert_nothing_planted(text)
    finally:
        app.close()
