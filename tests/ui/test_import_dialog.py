"""The spreadsheet import dialog on the real services: check a file, see its problems, import it."""

from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from reviewer.services.checklists import get_version
from reviewer.services.rounds import create_round
from reviewer.storage.models import Case, Review
from reviewer.ui.import_dialog import ImportDialog

EXAMPLE = Path(__file__).parents[2] / "docs/examples/tidigare-granskningar-missbruk.csv"


@pytest.fixture
def round_uuid(app) -> str:
    with app.db.session() as session:
        return create_round(session, "Missbruk 2024", get_version(session, "missbruk"), "2024").uuid


@pytest.fixture
def dialog(qtbot, app, round_uuid):
    widget = ImportDialog(app.db, round_uuid, "sv", actor="Chef")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=30_000)


def count(app, model) -> int:
    with app.db.session() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def check(qtbot, dialog) -> bool:
    with qtbot.waitSignal(dialog.validation_finished, timeout=30_000) as blocker:
        dialog.validate()
    return blocker.args[0]


def test_check_then_import_the_documented_example(qtbot, app, dialog, screenshot):
    assert "Missbruk 2024" in dialog.round_label.text()
    assert not dialog.import_button.isEnabled()
    dialog.set_path(EXAMPLE)
    assert check(qtbot, dialog) is True
    assert dialog.import_button.isEnabled()
    assert dialog.error_lines() == []
    assert "8 ärenden" in dialog.status.text()
    assert count(app, Case) == 0  # checking saves nothing
    screenshot(dialog, "importera-kalkylark-granskad")

    with qtbot.waitSignal(dialog.imported, timeout=30_000) as blocker:
        dialog.import_button.click()
    summary = blocker.args[0]
    assert (summary.cases, summary.complete, summary.in_progress) == (8, 6, 2)
    assert count(app, Case) == 8
    assert count(app, Review) == 8
    assert "8 ärenden" in dialog.status.text()
    assert not dialog.import_button.isEnabled()
    assert not dialog.progress.isVisible()


def test_an_invalid_file_lists_its_problems_and_cannot_be_imported(qtbot, app, dialog, tmp_path, screenshot):
    bad = tmp_path / "fel.csv"
    bad.write_text(
        "case_code;sex;reviewer;fragat_om_barn;okand_kolumn\nA-1;kvinnan;AB;kanske;\nA-2;man;AB;ja;\n",
        encoding="utf-8",
    )
    dialog.set_path(bad)
    assert check(qtbot, dialog) is False
    lines = dialog.error_lines()
    assert lines[0].startswith("Rad 1, kolumn 'okand_kolumn'")
    assert any(line.startswith("Rad 2, kolumn 'sex'") for line in lines)
    assert any(line.startswith("Rad 2, kolumn 'fragat_om_barn'") for line in lines)
    assert "3 fel" in dialog.status.text()
    assert not dialog.import_button.isEnabled()
    dialog.start_import()  # refused without a passing check
    assert not dialog.is_busy()
    assert count(app, Case) == 0
    screenshot(dialog, "importera-kalkylark-fel")


def test_changing_the_file_after_a_check_needs_a_new_check(qtbot, dialog, tmp_path):
    dialog.set_path(EXAMPLE)
    assert check(qtbot, dialog) is True
    dialog.set_path(tmp_path / "annan.csv")
    assert not dialog.import_button.isEnabled()
    assert dialog.status.text() == ""
    assert check(qtbot, dialog) is False
    assert "finns inte" in dialog.status.text()


def test_no_file_chosen(qtbot, dialog):
    assert check(qtbot, dialog) is False
    assert dialog.status.text() == "Choose a file first."


def test_the_same_file_twice_is_refused_in_the_dialog(qtbot, app, dialog):
    dialog.set_path(EXAMPLE)
    assert check(qtbot, dialog)
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.start_import()
    assert check(qtbot, dialog) is False
    assert "redan importerats" in dialog.status.text()
    assert count(app, Case) == 8


def test_reviewer_field_fills_rows_without_one(qtbot, app, dialog, tmp_path):
    path = tmp_path / "utan.csv"
    path.write_text("case_code;sex\nA-1;kvinna\n", encoding="utf-8")
    dialog.set_path(path)
    assert check(qtbot, dialog) is False
    dialog.reviewer.setText("Åsa")
    assert check(qtbot, dialog) is True
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.start_import()
    with app.db.session() as session:
        assert session.exec(select(Review.reviewer)).one() == "Åsa"
