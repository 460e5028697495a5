"""A participant's whole training session by keyboard, in the main window: pick a built-in pack, start, read and
answer every case, mark each complete, see the facit and the score; and training rounds kept out of the real lists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from reviewer.checklists.schema import QuestionType, implicit_options
from reviewer.services.settings import Settings
from reviewer.services.training import builtin_training_packs
from reviewer.training.score import score_case
from reviewer.ui.answer_editors import CheckEditor, ComboEditor, RadioEditor
from reviewer.ui.main_window import MainWindow
from tests.ui.helpers import activate, press_in_focus, type_as_user

YES_NO_KEYS = {"ja": "J", "nej": "N", "ej_aktuellt": "E"}


@pytest.fixture
def window(qtbot, app, swedish):
    main = MainWindow(app, Settings(reviewer="KF"))
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    activate(qtbot, main)
    return main


def _open_training(qtbot, window):
    window.tabs.setCurrentWidget(window.training_tab)
    qtbot.waitUntil(window.training.isVisible)  # a lazy tab's page is shown by a queued call


def _answer_focused_row(row, value) -> None:
    """The value typed into the question the keyboard is in, with the keys the form's help lists."""
    editor, question = row.editor, row.question
    if value is None or value == []:
        return
    if question.type in (QuestionType.YES_NO, QuestionType.YES_NO_NA):
        press_in_focus(Qt.Key(ord(YES_NO_KEYS[value])))
    elif isinstance(editor, RadioEditor):
        press_in_focus(Qt.Key(Qt.Key.Key_1 + implicit_options(question).index(value)))
    elif isinstance(editor, ComboEditor):
        combo = QApplication.focusWidget()
        assert isinstance(combo, QComboBox)
        for _ in range(combo.findData(value)):
            press_in_focus(Qt.Key.Key_Down)
    elif isinstance(editor, CheckEditor):
        options = [o.value for o in question.options or []]
        for chosen in value:
            press_in_focus(Qt.Key(Qt.Key.Key_1 + options.index(chosen)))
    elif isinstance(value, float):
        type_as_user(f"{value:g}".replace(".", ","))
    else:
        type_as_user(str(value))


def _answer_case(form, answers: dict) -> None:
    """From the first question, Tab by Tab to the end of the form, answering each question once."""
    done: set[str] = set()
    for _ in range(500):
        row = form.form_view.row_of(QApplication.focusWidget())
        if row is None:
            return
        if row.question.key not in done:
            done.add(row.question.key)
            _answer_focused_row(row, answers.get(row.question.key))
        press_in_focus(Qt.Key.Key_Tab)
    raise AssertionError("the form never let the keyboard out")


def test_a_whole_training_session_by_keyboard(qtbot, app, window, screenshot):
    with app.db.session() as session:
        pack = next(p for p in builtin_training_packs(session) if p.slug == "fardtjanst-ovning")
    press_in_focus(Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # &Utbildning
    assert window.tabs.currentWidget() is window.training_tab
    page = window.training.participant.packs
    assert window.training.tabs.tabText(0) == "&Delta i utbildning"
    page.view.setFocus()
    titles = [page.model.record(r).title.sv for r in range(page.model.rowCount())]
    assert titles[1] == pack.title.sv
    assert page.model.index(1, 3).data() == "Efter varje ärende"
    screenshot(window, "utbildning-paket")
    press_in_focus(Qt.Key.Key_Down)
    assert page.current_pack().slug == "fardtjanst-ovning"
    assert page.round_choice.currentText() == "Ny omgång"
    press_in_focus(Qt.Key.Key_Return)

    session_page = window.training.participant.session
    assert window.training.participant.stack.currentWidget() is session_page
    assert session_page.title.text() == "Utbildning: Färdtjänst – fyra övningsärenden (v2)"
    definition = None
    for number, case in enumerate(pack.cases):
        form = session_page.form
        assert form is not None and form.snapshot.case_code == case.code
        assert session_page.case_text.toPlainText().strip() == case.text.strip()
        if number == 0:  # reading by keyboard: the text, then back to the form through the case list
            press_in_focus(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Ärende&text
            assert QApplication.focusWidget() is session_page.case_text
            press_in_focus(Qt.Key.Key_PageDown)
            assert session_page.case_text.verticalScrollBar().value() > 0
            press_in_focus(Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Ä&renden
            assert QApplication.focusWidget() is session_page.case_view
            press_in_focus(Qt.Key.Key_Return)
        assert form.form_view.row_of(QApplication.focusWidget()) is not None, "the form takes the keyboard"
        definition = form.snapshot.definition
        answers = {key: entry.answer for key, entry in case.facit.items()}
        flipped = near = None
        if number == 0:  # one answer wrong and one scale a step off, to see both in the feedback
            shows = {q.show_if.question for q in definition.questions() if q.show_if}
            flipped = next(k for k, v in answers.items() if v in ("ja", "nej") and k not in shows)
            answers[flipped] = "nej" if answers[flipped] == "ja" else "ja"
            near = next(
                (k for k, v in answers.items() if definition.question(k).type is QuestionType.SCALE and v), None
            )
            if near is not None:
                answers[near] = answers[near] + 1 if answers[near] < 5 else answers[near] - 1
        _answer_case(form, answers)
        if number == 0:
            screenshot(window, "utbildning-session")
        press_in_focus(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert form.snapshot.status.value == "complete", (
            form.state.text(),
            {k: (v, form.snapshot.answers.get(k)) for k, v in answers.items() if v != form.snapshot.answers.get(k)},
        )

        expected = score_case(definition, case, answers).total
        feedback = session_page.feedback
        assert session_page.right.currentWidget() is feedback, "after each case: the facit at once"
        assert QApplication.focusWidget() is feedback.view
        right_text = f"{expected.right} av {expected.scored} rätt"
        assert feedback.heading.text().startswith(f"Ärende {case.code}: {right_text}")
        assert session_page.cases.index(number, 2).data().startswith(right_text)
        rows = feedback.model.records()
        assert all(r.rationale for r in rows), "every shown question has its rationale"
        if number == 0:
            assert expected.scored - expected.right == 1 + (near is not None)
            wrong = next(r for r in rows if r.question == definition.question(flipped).text.sv)
            assert wrong.outcome == "✗ Fel"
            assert wrong.rationale == case.facit[flipped].rationale.sv
            if near is not None:
                step = next(r for r in rows if r.question == definition.question(near).text.sv)
                assert step.outcome == "≈ Ett steg ifrån (inte rätt)"
            assert any(r.outcome == "– Räknas inte (fritext)" for r in rows)
            screenshot(window, "utbildning-aterkoppling")
        if number < len(pack.cases) - 1:
            press_in_focus(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # &Nästa ärende
            qtbot.waitUntil(lambda n=number: session_page.form.snapshot.case_code == pack.cases[n + 1].code)
        else:
            assert not feedback.next_button.isEnabled()

    result = session_page.result
    assert result is not None and result.all_complete
    total = result.total()
    assert session_page.total.text() == f"Totalt: {total.right} av {total.scored} rätt ({round(100 * total.share)} %)"
    assert f"Totalt: {total.right} av {total.scored} rätt" in session_page.feedback.summary.toPlainText()
    assert [session_page.cases.index(r, 1).data() for r in range(4)] == ["Klart"] * 4
    assert window.help_topic().value == "training"


def test_at_end_the_facit_waits_for_the_last_case(qtbot, app, window):
    from reviewer.services.cases import list_cases
    from reviewer.services.reviews import complete_review, open_review, save_answer
    from reviewer.services.training import start_training_round

    with app.db.session() as session:
        pack = next(p for p in builtin_training_packs(session) if p.slug == "barnomsorg-ovning")
        round_ = start_training_round(session, pack, builtin=True)
        for row in list_cases(session, round_.uuid)[:-1]:
            snapshot = open_review(session, row.uuid, "KF")
            for key, entry in pack.case(row.case_code).facit.items():
                if entry.answer is not None:
                    save_answer(session, snapshot, snapshot.definition.question(key), entry.answer, None)
            complete_review(session, snapshot, "KF")
    _open_training(qtbot, window)
    participant = window.training.participant
    participant.packs.refresh(("barnomsorg-ovning", 1))
    assert participant.packs.round_choice.currentText().startswith("Fortsätt: Utbildning: ")
    participant.packs.view.setFocus()
    press_in_focus(Qt.Key.Key_Return)
    session_page = participant.session
    assert session_page.current_case().code == pack.cases[-1].code, "the first case not yet complete"
    assert session_page.total.text() == "Facit och poäng visas när alla ärenden är klara (3 av 4 klara)."
    assert session_page.cases.index(0, 2).data() == "–"
    _answer_case(session_page.form, {k: e.answer for k, e in pack.cases[-1].facit.items()})
    press_in_focus(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert session_page.form.snapshot.status.value == "complete", session_page.form.state.text()
    assert session_page.right.currentWidget() is session_page.feedback
    assert session_page.total.text().startswith("Totalt: ") and session_page.total.text().endswith("(100 %)")
    assert all(session_page.cases.index(r, 2).data().endswith("(100 %)") for r in range(4))


def test_a_broken_pack_is_refused_with_its_errors_and_changes_nothing(qtbot, app, window, tmp_path):
    from tests.ui.helpers import when_modal

    path = tmp_path / "trasig.yaml"
    path.write_text("format_version: 1\nslug: trasig\n", "utf-8")
    _open_training(qtbot, window)
    packs = window.training.participant.packs
    before = packs.model.rowCount()
    seen: list[str] = []

    def read(dialog) -> None:
        seen.append(dialog.text() + "\n" + dialog.informativeText())
        dialog.accept()

    when_modal(qtbot, read)
    packs.import_file(path)
    assert "Paketet importerades inte; ingenting ändrades." in seen[0]
    assert f"Utbildningspaketet i {path} är inte giltigt" in seen[0]
    assert packs.model.rowCount() == before


def test_training_rounds_stay_out_of_the_real_lists(qtbot, app, window):
    from reviewer.services.checklists import get_version
    from reviewer.services.rounds import create_round
    from reviewer.ui.exchange_export_dialog import ExchangeExportDialog

    with app.db.session() as session:
        create_round(session, "Barnomsorg 2026", get_version(session, "barnomsorg"), "2026")
        pack = next(p for p in builtin_training_packs(session) if p.slug == "barnomsorg-ovning")
    _open_training(qtbot, window)
    packs = window.training.participant.packs
    packs.view.setFocus()
    press_in_focus(Qt.Key.Key_Return)  # a session of the first pack, barnomsorg
    session_page = window.training.participant.session
    _answer_case(session_page.form, {k: e.answer for k, e in pack.cases[0].facit.items()})
    press_in_focus(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert session_page.result is not None and session_page.result.complete_count == 1

    window.reviews.show_rounds()
    rounds = window.reviews.rounds_page.model
    assert [rounds.record(r).name for r in range(rounds.rowCount())] == ["Barnomsorg 2026"]
    with qtbot.waitSignal(window.dashboard.computed, timeout=60_000):
        window.tabs.setCurrentWidget(window.dashboard_tab)
    filters = window.dashboard.filters
    with qtbot.waitSignal(window.dashboard.computed, timeout=10_000, raising=False):
        filters.checklist.setCurrentIndex(filters.checklist.findData("barnomsorg"))
    listed = [filters.rounds_model.item(r).text() for r in range(filters.rounds_model.rowCount())]
    assert listed == ["Barnomsorg 2026 (2026)"]
    assert not any("Utbildning" in filters.compare.itemText(i) for i in range(filters.compare.count()))
    qtbot.waitUntil(lambda: not window.dashboard.is_busy(), timeout=60_000)
    dialog = ExchangeExportDialog(app.db, "sv", "KF")
    qtbot.addWidget(dialog)
    offered = [dialog.rounds_model.item(r).text() for r in range(dialog.rounds_model.rowCount())]
    assert [text.split(" (")[0] for text in offered] == ["Barnomsorg 2026"]


def test_starting_without_initials_asks_for_them_and_cancelling_starts_nothing(qtbot, app, swedish):
    from reviewer.services.rounds import list_rounds
    from reviewer.storage.models import RoundKind
    from tests.ui.helpers import when_modal

    main = MainWindow(app, Settings())
    qtbot.addWidget(main)
    main.show()
    _open_training(qtbot, main)
    asked: list[str] = []

    def cancel(dialog) -> None:
        asked.append(type(dialog).__name__)
        dialog.reject()

    when_modal(qtbot, cancel)
    main.training.participant.packs.start()
    assert asked == ["SettingsDialog"]
    with app.db.session() as session:
        assert list_rounds(session, kind=RoundKind.TRAINING) == []
    assert main.training.participant.stack.currentWidget() is main.training.participant.packs
