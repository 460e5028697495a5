"""A damaged database at start: the recovery dialog says what happened and restores the newest good backup."""

from __future__ import annotations

from unittest import mock

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer.bootstrap import bootstrap
from reviewer.services.demo import create_demo_data
from reviewer.services.maintenance import backup_now
from reviewer.services.rounds import list_rounds
from reviewer.services.settings import Settings, load_settings, save_settings
from reviewer.storage.backups import list_backups
from reviewer.ui import app as ui_app
from reviewer.ui.i18n import install_translator
from reviewer.ui.main_window import MainWindow
from reviewer.ui.recovery_dialog import RecoveryDialog
from reviewer.ui.settings_dialog import SettingsDialog
from tests.ui.helpers import when_modal


@pytest.fixture
def backed_up(tmp_path):
    """A data folder whose database has three demo rounds in a backup and then breaks."""
    data_dir = tmp_path / "d"
    app = bootstrap(data_dir=data_dir)
    with app.db.session() as session:
        create_demo_data(session, 4, 1)
    backup = backup_now(app.db, app.paths.backup_dir)
    app.close()
    save_settings(data_dir / "config", Settings(reviewer="AB"))
    return data_dir, backup


def run_until_filled(qapp, data_dir, on_dialog):
    """Start the program; `on_dialog` handles the recovery dialog; returns the exit code and what the window held."""
    seen: dict = {}

    def handle(dialog):
        seen["dialog"] = on_dialog(dialog)

    when_modal(None, handle)

    def filled():
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.app), None)
        if window is None:
            QTimer.singleShot(10, filled)
            return
        with window.app.db.session() as session:
            seen["rounds"] = len(list_rounds(session))
        qapp.exit(0)

    QTimer.singleShot(0, filled)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: qapp.exit(2))
    watchdog.start(30_000)
    code = ui_app.run_gui(data_dir, None, ["reviewer"])
    watchdog.stop()
    return code, seen


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda path: path.write_bytes(b"\0" * 100 + b"trasig" * 500), "ingen läsbar databas"),
        (lambda path: path.write_bytes(b""), "filen är tom"),
    ],
    ids=["corrupt", "zero-length"],
)
def test_a_damaged_database_at_start_is_replaced_by_the_newest_good_backup(
    qapp, swedish, backed_up, screenshot, damage, words
):
    data_dir, _backup = backed_up
    damage(data_dir / "reviewer.sqlite")

    def restore(dialog):
        assert isinstance(dialog, RecoveryDialog)
        texts = (dialog.windowTitle(), dialog.problem.text(), dialog.offer.text(), dialog.restore_button.text())
        screenshot(dialog, "aterstallning")
        dialog.restore_button.click()
        return texts

    code, seen = run_until_filled(qapp, data_dir, restore)
    assert code == 0, seen
    title, problem, offer, button = seen["dialog"]
    assert title == "Databasen kan inte öppnas"
    assert words in problem
    assert "senaste fungerande säkerhetskopian" in offer and "3 omgångar, 12 ärenden och 12 granskningar" in offer
    assert button == "&Återställ säkerhetskopian"
    assert seen["rounds"] == 3
    assert len(list((data_dir / "backups" / "damaged").glob("*.sqlite"))) == 1, "the damaged file is kept for IT"


def test_quitting_the_recovery_dialog_changes_nothing(qapp, swedish, backed_up):
    data_dir, _backup = backed_up
    database = data_dir / "reviewer.sqlite"
    database.write_bytes(b"broken" * 1000)
    when_modal(None, lambda dialog: dialog.quit_button.click())
    assert ui_app.run_gui(data_dir, None, ["reviewer"]) == 1
    assert database.read_bytes() == b"broken" * 1000
    assert not (data_dir / "backups" / "damaged").exists()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_the_recovery_dialog_is_english_under_an_english_locale(qapp, backed_up, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    install_translator(qapp, "en")
    data_dir, _backup = backed_up
    (data_dir / "reviewer.sqlite").write_bytes(b"")
    seen = {}

    def look(dialog):
        seen["texts"] = (dialog.windowTitle(), dialog.problem.text(), dialog.offer.text())
        dialog.quit_button.click()

    when_modal(None, look)
    assert ui_app.run_gui(data_dir, None, ["reviewer"]) == 1
    title, problem, offer = seen["texts"]
    assert title == "The database cannot be opened"
    assert "the file is empty" in problem
    assert offer.startswith("The newest good backup is from")


def test_without_a_backup_the_damage_is_explained_and_the_file_left_alone(qapp, swedish, tmp_path):
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    (data_dir / "reviewer.sqlite").write_bytes(b"")
    with mock.patch.object(QMessageBox, "critical") as critical:
        assert ui_app.run_gui(data_dir, None, ["reviewer"]) == 1
    shown = critical.call_args.args[2]
    assert "filen är tom" in shown and "ingen säkerhetskopia att återställa" in shown
    assert (data_dir / "reviewer.sqlite").read_bytes() == b""


def test_the_settings_list_the_backups_and_make_one_on_request(qtbot, app, swedish, screenshot):
    with app.db.session() as session:
        create_demo_data(session, 3, 1)
    backup_now(app.db, app.paths.backup_dir)
    window = MainWindow(app, Settings(reviewer="AB"))
    qtbot.addWidget(window)
    seen = {}

    def look(dialog):
        assert isinstance(dialog, SettingsDialog)
        table = dialog.backup_list
        seen["headers"] = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
        seen["row"] = [table.model().index(0, c).data() for c in range(6)]
        dialog.backup_button.click()
        seen["rows_after"] = table.model().rowCount()
        dialog.backups_kept.setValue(4)
        screenshot(dialog, "installningar-sakerhetskopior")
        dialog.accept()

    when_modal(qtbot, look)
    assert window.open_settings()
    assert seen["headers"] == ["Datum", "Slag", "Storlek", "Omgångar", "Ärenden", "Granskningar"]
    date, kind, size, rounds, cases, reviews = seen["row"]
    assert kind == "Gjord för hand" and size.endswith(" MB") and "," in size
    assert (rounds, cases, reviews) == ("3", "9", "9")
    assert date == list_backups(app.paths.backup_dir)[-1].created.astimezone().strftime("%Y-%m-%d %H:%M")
    assert seen["rows_after"] == 2
    assert load_settings(app.paths.config_dir).backups_kept == 4
