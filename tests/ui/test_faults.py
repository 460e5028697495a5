"""Faults in the window: a full disk during autosave, a failure the program knows, all said in plain words."""

from __future__ import annotations

from unittest import mock

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from reviewer.bootstrap import bootstrap
from reviewer.domain.sex import Sex
from reviewer.services import reviews
from reviewer.services.cases import CaseInput, add_case
from reviewer.services.checklists import get_version
from reviewer.services.rounds import create_round
from reviewer.storage.failures import disk_full
from reviewer.ui import app as ui_app
from reviewer.ui.review_form import ReviewForm
from tests.faults import assert_nothing_planted, fill, integrity, log_text, small_disk


def test_a_full_disk_during_autosave_says_so_and_keeps_what_was_saved(qtbot, tmp_path, swedish, screenshot):
    with small_disk(tmp_path / "disk", "16m") as disk:
        app = bootstrap(data_dir=disk / "data")
        try:
            with app.db.session() as session:
                round_ = create_round(session, "ZZUNIT omgång", get_version(session, "missbruk", None), "2026")
                case = add_case(session, round_.uuid, CaseInput("ZZPLANT00001", Sex.KVINNA, unit="ZZUNIT Norr"))
                snapshot = reviews.open_review(session, case.uuid, "ZZREVIEWER")
            form = ReviewForm(app.db, snapshot, "sv")
            qtbot.addWidget(form)
            form.show()
            row = next(iter(form.rows.values()))
            row.open_note()
            QTest.keyClicks(row.note, "ZZNOTE first")
            assert form.state.text().startswith("Sparat")
            app.db.engine.dispose()  # the WAL is folded in and removed: the next save must grow a new one
            filler = fill(disk)
            QTest.keyClicks(row.note, " more")
            shown = row.message.text()
            screenshot(form, "autosave-disk-full")
            assert shown.startswith("Disken är full"), shown
            assert "Frigör minst 20 MB" in shown
            assert form.state.text() == "Inte sparat: se meddelandet vid frågan"
            filler.unlink()
            with app.db.session() as session:
                kept = reviews.open_review(session, case.uuid, "ZZREVIEWER")
            assert kept.notes[row.question.key] == "ZZNOTE first"
            assert integrity(app.paths.database_file) == "ok"
            assert_nothing_planted(log_text(app.paths.data_dir))
        finally:
            app.close()


def test_a_known_failure_that_reaches_the_last_resort_is_said_plainly_and_logged_without_data(
    qapp, swedish, tmp_path, caplog
):
    try:
        raise disk_full(tmp_path, None)
    except Exception as error:
        details = (type(error), error, error.__traceback__)
    with mock.patch.object(QMessageBox, "critical") as critical:
        ui_app.report_unexpected_error(*details, language="sv")
    assert critical.call_args.args[2].startswith("Disken är full")
    assert "Traceback" not in caplog.text and "DiskFullError" in caplog.text
