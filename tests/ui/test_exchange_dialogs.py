"""Exporting and importing exchange files through the real dialogs, between two data folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func
from sqlmodel import select

from reviewer.bootstrap import bootstrap
from reviewer.services.demo import create_demo_data
from reviewer.services.exchange import Resolution
from reviewer.services.reviews import open_review, reopen_review, save_answer
from reviewer.storage.models import Answer, Case, Review
from reviewer.ui.exchange_export_dialog import ExchangeExportDialog
from reviewer.ui.exchange_import_dialog import ExchangeImportDialog

PASSPHRASE = "långt lösenord åäö"


@pytest.fixture
def caseworker(tmp_path):
    app = bootstrap(data_dir=tmp_path / "caseworker")
    with app.db.session() as session:
        create_demo_data(session, 8, 3)
    yield app
    app.close()


def count(app, model) -> int:
    with app.db.session() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def tick_all(dialog: ExchangeExportDialog) -> None:
    """The demo rounds are fictitious and so not ticked at first; these tests export them."""
    for row in range(dialog.rounds_model.rowCount()):
        dialog.rounds_model.item(row).setCheckState(Qt.CheckState.Checked)


def export(qtbot, app, path: Path, passphrase: str | None = PASSPHRASE) -> ExchangeExportDialog:
    dialog = ExchangeExportDialog(app.db, "sv", "Anna")
    qtbot.addWidget(dialog)
    tick_all(dialog)
    dialog.encrypt.setChecked(passphrase is not None)
    if passphrase is not None:
        dialog.passphrase.setText(passphrase)
        dialog.repeat.setText(passphrase)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_to(path)
    return dialog


def import_dialog(qtbot, app, answers: list[str | None]) -> ExchangeImportDialog:
    dialog = ExchangeImportDialog(app.db, "sv", "Chef")
    qtbot.addWidget(dialog)
    asked: list[tuple[str, bool]] = []
    dialog.asked = asked

    def ask(name: str, wrong: bool) -> str | None:
        asked.append((name, wrong))
        return answers.pop(0)

    dialog.ask_passphrase = ask
    return dialog


def check(qtbot, dialog: ExchangeImportDialog, paths: list[Path]) -> None:
    with qtbot.waitSignal(dialog.checked, timeout=60_000):
        dialog.add_files(paths)
    qtbot.waitUntil(lambda: dialog._job is None, timeout=60_000)


def run_import(qtbot, dialog: ExchangeImportDialog):
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as blocker:
        dialog.import_button.click()
    return blocker.args[0]


def test_export_refuses_short_or_mismatched_passphrases(qtbot, swedish, caseworker, tmp_path):
    dialog = ExchangeExportDialog(caseworker.db, "sv", "Anna")
    qtbot.addWidget(dialog)
    tick_all(dialog)
    dialog.passphrase.setText("kort")
    dialog.repeat.setText("kort")
    dialog.export_to(tmp_path / "x.granskning")
    assert "minst 8 tecken" in dialog.status.text()
    dialog.passphrase.setText("ett långt lösen")
    dialog.repeat.setText("ett annat lösen")
    dialog.export_to(tmp_path / "x.granskning")
    assert "skiljer sig" in dialog.status.text()
    assert not (tmp_path / "x.granskning").exists()


def test_export_then_import_with_passphrase_and_again_changes_nothing(
    qtbot, swedish, caseworker, app, tmp_path, screenshot
):
    path = tmp_path / "anna.granskning"
    exporter = export(qtbot, caseworker, path)
    assert path.exists()
    assert "krypterad" in exporter.status.text()
    assert PASSPHRASE.encode() not in path.read_bytes()

    dialog = import_dialog(qtbot, app, ["fel lösenord", PASSPHRASE])
    dialog.show()
    check(qtbot, dialog, [path])
    assert dialog.asked == [("anna.granskning", False), ("anna.granskning", True)]
    assert "Klart att importera: 24 nya" in dialog.status.text()
    assert count(app, Review) == 0, "checking must not write"
    screenshot(dialog, "exchange-import-checked")
    summary = run_import(qtbot, dialog)
    assert summary.text("sv").startswith("24 nya")
    assert count(app, Review) == 24
    assert count(app, Answer) == count(caseworker, Answer)

    again = import_dialog(qtbot, app, [PASSPHRASE])
    check(qtbot, again, [path])
    assert "0 nya" in again.status.text()
    run_import(qtbot, again)
    assert count(app, Review) == 24


def test_a_changed_review_is_a_conflict_the_user_settles(qtbot, swedish, caseworker, app, tmp_path, screenshot):
    first = tmp_path / "first.granskning"
    export(qtbot, caseworker, first, passphrase=None)
    dialog = import_dialog(qtbot, app, [])
    check(qtbot, dialog, [first])
    run_import(qtbot, dialog)

    with caseworker.db.session() as session:
        case_uuid, reviewer = session.exec(select(Case.uuid, Review.reviewer).join(Review).limit(1)).one()
        snapshot = open_review(session, case_uuid, reviewer)
        reopen_review(session, snapshot, reviewer)
        question = next(q for q in snapshot.definition.questions() if q.key in snapshot.answers)
        save_answer(session, snapshot, question, snapshot.answers[question.key], "Ändrad efter första exporten")
    second = tmp_path / "second.granskning"
    export(qtbot, caseworker, second, passphrase=None)

    dialog = import_dialog(qtbot, app, [])
    dialog.show()
    check(qtbot, dialog, [second])
    assert dialog.conflicts_box.isVisible()
    assert dialog.conflicts_model.rowCount() == 1
    assert not dialog.import_button.isEnabled(), "a conflict must be settled before importing"
    screenshot(dialog, "exchange-import-conflict")
    dialog.resolve_selected(Resolution.TAKE)
    assert dialog.conflicts_model.data(dialog.conflicts_model.index(0, 6)) == "ta inkommande"
    run_import(qtbot, dialog)
    with app.db.session() as session:
        notes = session.exec(select(Answer.note).where(Answer.question_key == question.key)).all()
    assert "Ändrad efter första exporten" in notes


def test_a_broken_file_is_refused_and_the_good_one_still_imports(qtbot, swedish, caseworker, app, tmp_path):
    good = tmp_path / "good.granskning"
    export(qtbot, caseworker, good, passphrase=None)
    broken = tmp_path / "broken.granskning"
    broken.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    dialog = import_dialog(qtbot, app, [])
    check(qtbot, dialog, [broken, good])
    lines = dialog.lines_model.stringList()
    assert any(line.startswith("broken.granskning:") for line in lines)
    assert "1 fil kan inte importeras" in dialog.status.text()
    run_import(qtbot, dialog)
    assert count(app, Review) == 24


def test_declining_the_passphrase_leaves_the_file_out(qtbot, swedish, caseworker, app, tmp_path):
    path = tmp_path / "locked.granskning"
    export(qtbot, caseworker, path)
    dialog = import_dialog(qtbot, app, [None])
    check(qtbot, dialog, [path])
    assert dialog.files_model.stringList() == []
    assert not dialog.import_button.isEnabled()
    assert count(app, Review) == 0
