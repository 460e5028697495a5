"""Drawing a round's sample in the GUI on the real services: the dialog typed into, a preview from a real list, the
draw, the case list's reviewer column and the round's sampling record; refusals that name the row and column and
change nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func
from sqlmodel import select

from reviewer.services.checklists import get_version
from reviewer.services.planning_text import render_sample_text
from reviewer.services.rounds import create_round, get_round
from reviewer.services.sampling import sampling_of
from reviewer.services.settings import Settings
from reviewer.storage.models import Case
from reviewer.ui.cases_page import ASSIGNED_COLUMN, DOUBLE_COLUMN
from reviewer.ui.main_window import MainWindow
from reviewer.ui.sample_dialog import SampleDialog
from tests.ui.helpers import activate, press, type_text, when_modal

SIZE = (1280, 720)
VALID_PNR = "811228-9874"


def write_list(path, women=40, men=40, extra_row=None, header="ärende;kön;enhet;handläggare"):
    rows = [header]
    rows += [f"K-{i:03d};kvinna;{'Norr' if i % 2 else 'Söder'};Anna Exempel" for i in range(women)]
    rows += [f"M-{i:03d};man;{'Norr' if i % 2 else 'Söder'};Bo Exempel" for i in range(men)]
    if extra_row is not None:
        rows.insert(2, extra_row)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def round_uuid(app) -> str:
    with app.db.session() as session:
        return create_round(session, "Missbruk 2027", get_version(session, "missbruk"), "2027").uuid


@pytest.fixture
def dialog(qtbot, app, round_uuid, swedish):
    widget = SampleDialog(app.db, round_uuid, "Missbruk 2027", "sv", actor="AB")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=30_000)


def cases_in(app) -> int:
    with app.db.session() as session:
        return session.exec(select(func.count()).select_from(Case)).one()


def wait_for_preview(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.preview_is_current() and not dialog.is_busy(), timeout=30_000)


def replace_text(widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    press(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def test_typed_into_previewed_and_drawn_then_shown_in_the_case_list(
    qtbot, app, round_uuid, swedish, tmp_path, screenshot
):
    listed = write_list(tmp_path / "avslutade ärenden 2026.csv")
    window = MainWindow(app, Settings(reviewer="AB", language="sv"))
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    activate(qtbot, window)
    page = window.reviews.rounds_page
    page.refresh()
    page.table.view.selectRow(0)
    assert page.sample_button.text() == "&Dra urval…" and page.sample_button.isVisible()
    screenshot(window, "urval-omgangar-1280x720")
    dialog = page.sample_selected()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.ok_button.text() == "&Dra"
    assert 100_000 <= dialog.seed.value() < 1_000_000, "a fresh seed a person can write down"
    assert "Välj listan" in dialog.status.text()

    type_text(dialog.path, str(listed))  # the file name has an ä: typed as key events
    replace_text(dialog.number.lineEdit(), "10")
    replace_text(dialog.double.lineEdit(), "20")
    type_text(dialog.reviewers, "AB, CD, ÅÖ")
    replace_text(dialog.seed.lineEdit(), "4711")
    wait_for_preview(qtbot, dialog)
    assert dialog.design().reviewers == ("AB", "CD", "ÅÖ")
    assert "20 ärenden dras ur avslutade ärenden 2026.csv (80 rader)" in dialog.status.text()
    rows = [(s.unit, s.group.value, s.available, s.drawn) for s in dialog.strata.records()]
    assert rows == [(None, "female", 40, 10), (None, "male", 40, 10)]
    assert dialog.strata.data(dialog.strata.index(0, 1)) == "kvinnor"
    assert "Metod: stratifierat slumpmässigt urval, 10 kvinnor och 10 män" in dialog.method.text()
    assert "fröet 4711" in dialog.method.text()
    assert "4 ärenden granskas två gånger" in dialog.method.text()
    assert cases_in(app) == 0, "a preview stores nothing"

    dialog.by_unit.click()  # the preview follows the design without reading the file again
    wait_for_preview(qtbot, dialog)
    assert [(s.unit, s.drawn) for s in dialog.strata.records()] == [
        ("Norr", 10),
        ("Norr", 10),
        ("Söder", 10),
        ("Söder", 10),
    ]
    screenshot(dialog, "dra-urval-forhandsvisning")
    dialog.by_unit.click()
    wait_for_preview(qtbot, dialog)

    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        press(dialog.seed, Qt.Key.Key_Return)
    assert cases_in(app) == 20
    assert dialog.drawn is not None and dialog.drawn.record.design.seed == 4711
    assert [r.case_count for r in page.model.records()] == [20]

    window.reviews.open_round(round_uuid)
    cases_page = window.reviews.cases_page
    assert cases_page.sampling_button.isVisible()
    assert not cases_page.view.isColumnHidden(ASSIGNED_COLUMN)
    assigned = [cases_page.model.data(cases_page.model.index(r, ASSIGNED_COLUMN)) for r in range(20)]
    double = [cases_page.model.data(cases_page.model.index(r, DOUBLE_COLUMN)) for r in range(20)]
    assert sum(", " in a for a in assigned) == 4 and double.count("dubbelgranskas") == 4
    assert {name for a in assigned for name in a.split(", ")} == {"AB", "CD", "ÅÖ"}
    assert cases_page.model.headerData(ASSIGNED_COLUMN, Qt.Orientation.Horizontal) == "Tilldelat"
    screenshot(window, "urval-arendelista-1280x720")

    with app.db.session() as session:
        record = sampling_of(session, round_uuid)
        name = get_round(session, round_uuid).name
    assert record is not None
    expected = render_sample_text(record, name, cases_page._definition.subject, "sv")
    seen = []

    def read(about):
        seen.append((about.windowTitle(), about.text.toPlainText()))
        screenshot(about, "om-urvalet")
        about.reject()

    when_modal(qtbot, read)
    cases_page.sampling_button.click()
    assert seen == [("Om urvalet", expected)]
    assert seen[0][1].startswith("Drog 20 ärenden ur listan avslutade ärenden 2026.csv (80 rader)")
    assert "fröet 4711" in seen[0][1] and "Urvalet drogs " in seen[0][1]


def test_a_round_without_a_sample_shows_no_reviewer_column(qtbot, app, round_uuid, swedish):
    window = MainWindow(app, Settings(reviewer="AB", language="sv"))
    qtbot.addWidget(window)
    window.reviews.open_round(round_uuid)
    page = window.reviews.cases_page
    assert page.view.isColumnHidden(ASSIGNED_COLUMN) and page.view.isColumnHidden(DOUBLE_COLUMN)
    assert not page.sampling_button.isVisibleTo(window)


def test_a_personnummer_in_any_cell_names_row_and_column_and_draws_nothing(qtbot, app, dialog, tmp_path, screenshot):
    listed = write_list(tmp_path / "lista.csv", extra_row=f"K-900;kvinna;Norr;ring {VALID_PNR}")
    dialog.set_path(listed)
    wait_for_preview(qtbot, dialog)
    lines = dialog.problem_lines()
    assert len(lines) == 1
    assert lines[0].startswith("Rad 3, kolumn 'handläggare': innehåller något som ser ut som ett personnummer")
    assert "Inget urval har dragits" in dialog.status.text()
    assert VALID_PNR not in dialog.status.text() and not any(VALID_PNR in line for line in lines)
    screenshot(dialog, "dra-urval-personnummer")
    dialog.ok_button.click()
    assert dialog.isVisible() and "Inget urval har dragits" in dialog.message.text()
    assert cases_in(app) == 0
    with app.db.session() as session:
        assert get_round(session, dialog._round_uuid).sampling_json is None


def test_a_missing_column_and_too_few_cases_are_said_plainly(qtbot, app, dialog, tmp_path):
    dialog.set_path(write_list(tmp_path / "utan-kön.csv", header="ärende;könet;enhet;handläggare"))
    wait_for_preview(qtbot, dialog)
    assert "saknar nödvändiga kolumner" in dialog.status.text()
    assert dialog.problem_lines() == ["Rad 1: kolumnen för kön (sex) saknas"]

    dialog.set_path(write_list(tmp_path / "lista.csv", women=12))
    replace_text(dialog.number.lineEdit(), "15")
    wait_for_preview(qtbot, dialog)
    assert dialog.status.text() == "Listan har 12 ärenden för kvinnor/flickor; 15 behövs"
    dialog.ok_button.click()
    assert "12 ärenden för kvinnor/flickor" in dialog.message.text() and cases_in(app) == 0

    replace_text(dialog.number.lineEdit(), "12")  # fixed: the refusal goes, the preview comes back
    wait_for_preview(qtbot, dialog)
    assert not dialog.message.isVisible()
    assert [s.drawn for s in dialog.strata.records()] == [12, 12]


def test_double_review_without_two_reviewers_is_refused_before_the_draw(qtbot, app, dialog, tmp_path):
    dialog.set_path(write_list(tmp_path / "lista.csv"))
    replace_text(dialog.double.lineEdit(), "20")
    wait_for_preview(qtbot, dialog)
    assert "Dubbelgranskning kräver minst två granskare" in dialog.status.text()
    type_text(dialog.reviewers, "AB, CD")
    wait_for_preview(qtbot, dialog)
    assert "granskas två gånger" in dialog.method.text()


def test_a_list_changed_after_the_preview_is_not_drawn(qtbot, app, dialog, tmp_path):
    listed = write_list(tmp_path / "lista.csv")
    dialog.set_path(listed)
    wait_for_preview(qtbot, dialog)
    write_list(listed, women=41)  # another export under the same name, after the preview
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.message.isVisible(), timeout=30_000)
    assert "har ändrats sedan förhandsvisningen" in dialog.message.text()
    assert dialog.isVisible() and cases_in(app) == 0
    wait_for_preview(qtbot, dialog)  # read again: the preview shows the list as it is now
    assert [s.available for s in dialog.strata.records()] == [41, 40]
    assert "har ändrats" in dialog.message.text(), "the refusal stays until something changes"
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.ok_button.click()
    assert cases_in(app) == 40


def test_a_round_with_cases_is_not_offered_a_sample(qtbot, app, round_uuid, swedish, tmp_path):
    from reviewer.domain.sex import Sex
    from reviewer.services.cases import CaseInput, add_case
    from reviewer.ui.rounds_page import RoundsPage

    with app.db.session() as session:
        add_case(session, round_uuid, CaseInput("A-1", Sex.KVINNA, None, None))
    page = RoundsPage(app.db, "sv", lambda: "AB")
    qtbot.addWidget(page)
    page.table.view.selectRow(0)
    seen = []

    def read(box):
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    when_modal(qtbot, read)
    assert page.sample_selected() is None
    assert seen and "Missbruk 2027 har redan ärenden" in seen[0]
    assert QApplication.activeModalWidget() is None


def test_a_new_round_is_selected_so_its_sample_is_drawn_next(qtbot, app, round_uuid, swedish):
    from reviewer.ui.rounds_page import RoundsPage
    from tests.ui.helpers import press_in_focus, type_as_user

    page = RoundsPage(app.db, "sv", lambda: "AB")
    qtbot.addWidget(page)

    def fill(dialog):
        type_as_user("Färdtjänst 2027")
        press_in_focus(Qt.Key.Key_Return)

    when_modal(qtbot, fill)
    page.new_round()
    chosen = page.selected()
    assert chosen is not None and chosen.name == "Färdtjänst 2027" and chosen.uuid != round_uuid
    dialog = page.sample_selected()
    assert dialog is not None and dialog.windowTitle() == "Dra urval: Färdtjänst 2027"
    dialog.reject()
