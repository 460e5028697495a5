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
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()], "no window is left behind"
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


def test_the_window_is_on_screen_before_the_database_opens_and_then_filled(tmp_path, qapp, swedish):
    from PySide6.QtCore import QTimer

    from reviewer.services.settings import Settings, save_settings
    from reviewer.ui.main_window import MainWindow

    save_settings(tmp_path / "d" / "config", Settings(reviewer="AB"))
    seen = {}

    def first_event():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["shown_before_open"] = window.app is None
        seen["title"] = window.windowTitle()

        def when_filled():
            if window.app is None:
                QTimer.singleShot(5, when_filled)
                return
            seen["tabs"] = [window.tabs.tabText(i) for i in range(window.tabs.count())]
            qapp.exit(0)

        when_filled()

    QTimer.singleShot(0, first_event)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: qapp.exit(2))
    watchdog.start(20_000)
    assert ui_app.run_gui(tmp_path / "d", None, ["reviewer"]) == 0, seen
    watchdog.stop()
    assert seen == {
        "shown_before_open": True,
        "title": "Jämställdhetsgranskning",
        "tabs": ["&Granskningar", "&Checklistor", "&Utbildning", "S&ammanställning", "E&xport och rapport"],
    }
