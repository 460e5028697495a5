"""Two programs on one database change the same review: the second one's form shows both versions of each
differing answer side by side, keeps the user's own unsaved edit, and stores the choice as a new audited revision."""

import json

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from reviewer.bootstrap import bootstrap
from reviewer.checklists.loader import parse_checklist
from reviewer.domain.sex import Sex
from reviewer.services import reviews
from reviewer.services.cases import CaseInput, add_case
from reviewer.services.checklists import add_definition, get_version
from reviewer.services.rounds import create_round
from reviewer.storage.models import AuditEvent
from reviewer.ui.review_form import ReviewForm
from tests.ui.helpers import ALL_TYPES, press


@pytest.fixture
def other(data_dir, app):
    """A second program on the same database file: its own engine, its own sessions."""
    second = bootstrap(data_dir=data_dir)
    yield second
    second.close()


@pytest.fixture
def case_uuid(app):
    with app.db.session() as session:
        add_definition(session, parse_checklist(json.dumps(ALL_TYPES), "alla_typer.json"))
        round_ = create_round(session, "Alla typer 2026", get_version(session, "alla_typer"), "2026 H1")
        return add_case(session, round_.uuid, CaseInput("ÄR-001", Sex.KVINNA, "vuxen", "Norr")).uuid


def form(qtbot, db, case_uuid):
    with db.session() as session:
        snapshot = reviews.open_review(session, case_uuid, "AB")
    widget = ReviewForm(db, snapshot, "sv")
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    return widget


def stored(db, case_uuid):
    with db.session() as session:
        return reviews.open_review(session, case_uuid, "AB")


def test_two_programs_change_the_same_review_and_the_second_chooses(qtbot, app, other, case_uuid, swedish, screenshot):
    here, there = form(qtbot, app.db, case_uuid), form(qtbot, other.db, case_uuid)
    press(there.rows["beviljat"].editor.buttons()[0], Qt.Key.Key_N)
    press(there.rows["ton"].editor.buttons()[0], Qt.Key.Key_4)
    assert stored(app.db, case_uuid).answers == {"beviljat": "nej", "ton": 4}

    press(here.rows["beviljat"].editor.buttons()[0], Qt.Key.Key_J)
    panel = here.conflict_panel
    assert panel.isVisible()
    assert list(panel.buttons) == ["beviljat", "ton"]
    texts = [panel.grid.itemAt(i).widget().text() for i in range(panel.grid.count())]
    assert "Ja (inte sparat ännu)" in texts and "Nej" in texts and "(inget svar)" in texts and "4" in texts
    assert here.rows["beviljat"].editor.value() == "ja", "the user's own edit stays in the form"
    assert stored(app.db, case_uuid).answers == {"beviljat": "nej", "ton": 4}, "nothing is overwritten"
    assert not here.complete_button.isEnabled() and not here.next_button.isEnabled()
    here.navigate.connect(lambda step: pytest.fail("left the form with a choice open"))
    press(here, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    shot = screenshot(here, "granskning-andrad-pa-annat-hall")
    assert shot.exists()

    keep, _take = panel.buttons["beviljat"]
    assert keep.text() == "Behåll min"
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert list(panel.buttons) == ["ton"]
    _keep, take = panel.buttons["ton"]
    assert take.text() == "Ta deras"
    qtbot.mouseClick(take, Qt.MouseButton.LeftButton)

    assert not panel.isVisible()
    assert here.complete_button.isEnabled()
    after = stored(app.db, case_uuid)
    assert after.answers == {"beviljat": "ja", "ton": 4}
    assert here.snapshot.revision == after.revision
    assert here.rows["ton"].editor.value() == 4
    with app.db.session() as session:
        actions = [e.action for e in session.exec(select(AuditEvent).where(AuditEvent.entity == "review"))]
    assert actions.count("resolve_conflict") == 2
    assert here.state.text().startswith("Sparat")

    # The form goes on from the chosen version, and the other program's next save meets the same panel.
    press(here.rows["fragat_barn"].editor.buttons()[0], Qt.Key.Key_E)
    assert stored(app.db, case_uuid).answers["fragat_barn"] == "ej_aktuellt"
    press(there.rows["insats"].editor.buttons()[0], Qt.Key.Key_1)
    assert there.conflict_panel.isVisible()
    qtbot.mouseClick(there.conflict_panel.take_all, Qt.MouseButton.LeftButton)
    assert not there.conflict_panel.isVisible()
    assert stored(app.db, case_uuid).answers == {"beviljat": "ja", "ton": 4, "fragat_barn": "ej_aktuellt"}
    assert there.rows["beviljat"].editor.value() == "ja"
