"""The facilitator's tab of Utbildning in the main window: a hand-made case handed to the review form beside its
text, and back to the pack's cases by the form's own key (its "← Ärenden" button); a participant's export of the
answers for the facilitator, and the facilitator's tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.services.cases import CaseInput
from reviewer.services.checklists import get_version
from reviewer.services.training import builtin_training_packs
from reviewer.services.training_authoring import add_training_case, create_authoring_round, list_authoring_rounds
from reviewer.services.training_session import start_pack_round
from reviewer.ui.training.export_answers import ExportAnswersDialog
from reviewer.ui.training.facilitator_view import FacilitatorView
from tests.ui.helpers import press_in_focus
from tests.ui.training.test_participant_session import _open_training, window  # noqa: F401 (fixture)

CASE_TEXT = "Övningsärende: Kvinnan, 41 år, söker färdtjänst efter en höftoperation."


def _hand_made_round(app) -> tuple[str, str]:
    with app.db.session() as session:
        checklist = get_version(session, "fardtjanst")
        round_ = create_authoring_round(session, "Kursdag", checklist, "Vår kurs")
        case = add_training_case(session, round_.uuid, CaseInput("K1", "kvinna", "a25_44"), CASE_TEXT)
        return round_.uuid, case.uuid


def test_the_facilitator_reviews_a_hand_made_case_beside_its_text_and_comes_back(qtbot, app, window, screenshot):  # noqa: F811
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
    screenshot(window, "training-facit-review")

    press_in_focus(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(authoring.isVisible)
    with app.db.session() as session:
        [made] = list_authoring_rounds(session)
    assert made.uuid == round_uuid


def test_a_participant_exports_answers_from_the_session_and_the_facilitator_has_a_tab(qtbot, app, window):  # noqa: F811
    with app.db.session() as session:
        pack = next(p for p in builtin_training_packs(session) if p.area.value == "fardtjanst")
        round_uuid = start_pack_round(session, pack.slug, pack.version, "KF").uuid
    _open_training(qtbot, window)
    area = window.training
    assert isinstance(area.tabs.widget(2), FacilitatorView)
    area.participant.open_round(round_uuid)
    page = area.participant.session
    assert page.export_button.isVisible()

    page.export_button.click()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, ExportAnswersDialog) and w.isVisible()]
    assert dialog.windowTitle()
    dialog.reject()
