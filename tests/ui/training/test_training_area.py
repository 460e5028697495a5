"""The facilitator's tab of Utbildning in the main window: a hand-made case handed to the review form beside its
text, and back to the pack's cases by the form's own key."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.services.cases import CaseInput
from reviewer.services.checklists import get_version
from reviewer.services.training_authoring import add_training_case, create_authoring_round, list_authoring_rounds
from tests.ui.helpers import press_in_focus
from tests.ui.training.test_participant_session import _open_training, window  # noqa: F401 (fixture)

CASE_TEXT = "Övningsärende: Kvinnan, 41 år, söker färdtjänst efter en höftoperation."


def _hand_made_round(app) -> tuple[str, str]:
    with app.db.session() as session:
        checklist = get_version(session, "fardtjanst")
        round_ = create_authoring_round(session, "Kursdag", checklist, "Vår kurs")
        case = add_training_case(session, round_.uuid, CaseInput("K1", "kvinna", "a25_44"), CASE_TEXT)
        return round_.uuid, case.uuid


def test_the_facilitator_reviews_a_hand_made_case_beside_its_text_and_comes_back(qtbot, app, window):  # noqa: F811
    round_uuid, case_uuid = _hand_made_round(app)
    _open_training(qtbot, window)
    area = window.training
    area.tabs.setCurrentIndex(1)
    authoring = area.authoring
    qtbot.waitUntil(lambda: authoring.rounds_model.rowCount() == 1)
    authoring.rounds_view.selectRow(0)
    authoring.cases_view.selectRow(0)
    assert authoring.selected_case() is not None

    authoring.review_selected()
    page = area.facit_review
    assert page.isVisible() and page.form is not None
    assert page.case_text.toPlainText() == CASE_TEXT
    assert page.form.snapshot.case_uuid == case_uuid

    press_in_focus(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(authoring.isVisible)
    with app.db.session() as session:
        [made] = list_authoring_rounds(session)
    assert made.uuid == round_uuid
