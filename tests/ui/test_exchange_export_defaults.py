"""The exchange export's defaults: the reviewer's own real rounds ticked, a file name that never collides between
caseworkers, the Documents folder first and then the folder used last."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt

from reviewer.domain.sex import Sex
from reviewer.services.cases import CaseInput, add_case
from reviewer.services.checklists import get_version
from reviewer.services.demo import create_demo_data
from reviewer.services.reviews import open_review
from reviewer.services.rounds import create_round
from reviewer.services.settings import Settings, load_settings
from reviewer.ui.exchange_export_dialog import ExchangeExportDialog


def ticked(dialog: ExchangeExportDialog) -> dict[str, bool]:
    model = dialog.rounds_model
    return {
        model.item(row).text().split(" (")[0]: model.item(row).checkState() == Qt.CheckState.Checked
        for row in range(model.rowCount())
    }


def rounds(app) -> None:
    """A demo round, a real round Anna reviews in, and a real round only Bo reviews in."""
    with app.db.session() as session:
        create_demo_data(session, 2, 1)
        for name, reviewer in (("Färdtjänst 2026", "Anna"), ("Missbruk 2026", "Bo")):
            round_ = create_round(session, name, get_version(session, "fardtjanst"), "2026")
            case = add_case(session, round_.uuid, CaseInput(f"K-{reviewer}", Sex.KVINNA, "a25_44", "Norr"))
            open_review(session, case.uuid, reviewer)


def test_only_the_reviewers_own_real_rounds_are_ticked(qtbot, app, swedish, screenshot):
    rounds(app)
    dialog = ExchangeExportDialog(app.db, "sv", "Anna")
    qtbot.addWidget(dialog)
    dialog.show()
    state = ticked(dialog)
    assert state["Färdtjänst 2026"] is True
    assert state["Missbruk 2026"] is False
    demo = [name for name in state if name.startswith("Exempeldata")]
    assert demo and not any(state[name] for name in demo)
    texts = [dialog.rounds_model.item(row).text() for row in range(dialog.rounds_model.rowCount())]
    assert any(t.startswith("Exempeldata") and t.endswith("– fiktiv") for t in texts)
    assert "0 av 1 ärende klart" in texts[[t.split(" (")[0] for t in texts].index("Färdtjänst 2026")]
    screenshot(dialog, "exchange-export-defaults")


def test_without_a_name_every_real_round_in_use_is_ticked(qtbot, app, swedish):
    rounds(app)
    dialog = ExchangeExportDialog(app.db, "sv", "")
    qtbot.addWidget(dialog)
    state = ticked(dialog)
    assert state["Färdtjänst 2026"] and state["Missbruk 2026"]
    assert not any(v for k, v in state.items() if k.startswith("Exempeldata"))


def test_the_file_is_named_by_initials_and_day_in_documents_then_the_last_folder(qtbot, app, swedish, tmp_path):
    QStandardPaths.setTestModeEnabled(True)
    try:
        documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        dialog = ExchangeExportDialog(app.db, "sv", "A B/Ö")
        qtbot.addWidget(dialog)
        today = dt.date.today().isoformat()
        assert dialog.default_path() == documents / f"granskningar-A-B-Ö-{today}.granskning"
    finally:
        QStandardPaths.setTestModeEnabled(False)
    remembered: list[Path] = []
    rounds(app)
    dialog = ExchangeExportDialog(app.db, "sv", "Anna", None, str(tmp_path), remembered.append)
    qtbot.addWidget(dialog)
    assert dialog.default_path() == tmp_path / f"granskningar-Anna-{today}.granskning"
    target = tmp_path / "ut" / "fil"
    target.parent.mkdir()
    dialog.encrypt.setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_to(target)
    assert remembered == [target.parent]
    assert dialog.default_path().parent == target.parent


def test_the_main_window_remembers_the_folder_in_the_settings(qtbot, app, swedish, tmp_path, monkeypatch):
    from reviewer.ui.main_window import MainWindow

    rounds(app)
    window = MainWindow(app, Settings(reviewer="Anna"))
    qtbot.addWidget(window)
    folder = tmp_path / "utbyte"
    folder.mkdir()
    seen: list[Path] = []

    def run(dialog: ExchangeExportDialog) -> int:
        seen.append(dialog.default_path())
        dialog.encrypt.setChecked(False)
        with qtbot.waitSignal(dialog.exported, timeout=30_000):
            dialog.export_to(folder / "a.granskning")
        return 0

    monkeypatch.setattr(ExchangeExportDialog, "exec", run)
    window.export_exchange()
    assert load_settings(app.paths.config_dir).exchange_folder == str(folder)
    window.export_exchange()
    assert seen[1].parent == folder
