from unittest import mock

from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer.ui import app as ui_app


def test_a_database_that_cannot_be_opened_is_explained_in_a_dialog(tmp_path, qapp):
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    (data_dir / "reviewer.sqlite").write_bytes(b"not a database at all" * 64)
    with mock.patch.object(QMessageBox, "critical") as critical:
        assert ui_app.run_gui(data_dir, None, ["reviewer"]) == 1
    message = critical.call_args.args[2]
    assert "ingen läsbar databas" in message
    assert QApplication.instance() is qapp


def test_unexpected_errors_reach_the_user_as_a_sentence_and_the_log_as_a_traceback(qapp, swedish, caplog):
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as error:
        details = (type(error), error, error.__traceback__)
    with mock.patch.object(QMessageBox, "critical") as critical:
        ui_app.report_unexpected_error(*details)
    shown = critical.call_args.args[2]
    assert "Ett oväntat fel" in shown
    assert "boom" not in shown
    assert "ZeroDivisionError" in caplog.text
