"""Making a pack in the program, on the real page and dialogs, typed as a facilitator types: a training round, a case
with a multi-line Swedish case text, a refused personnummer, the review handed to the review form, and the export
refused until the facit is whole and then written as a pack file the loader reads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from reviewer.services.reviews import complete_review, open_review, save_answer
from reviewer.services.training import builtin_training_packs, checklist_lookup
from reviewer.services.training_authoring import export_pack, list_authoring_rounds
from reviewer.training.loader import load_pack_file
from reviewer.ui.review_form import ReviewForm
from reviewer.ui.training.authoring import PackAuthoringPage
from reviewer.ui.training.authoring_dialogs import ExportPackDialog, NewTrainingRoundDialog, TrainingCaseDialog
from tests.ui.helpers import press, press_in_focus, type_as_user, type_text, when_modal

PERSONNUMMER = "19121212-1212"  # Skatteverket's test number


def make_page(qtbot, app) -> PackAuthoringPage:
    page = PackAuthoringPage(app.db, "sv", lambda: "KL")
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    return page


def fill_new_round(dialog: NewTrainingRoundDialog) -> None:
    assert isinstance(dialog, NewTrainingRoundDialog)
    assert QApplication.focusWidget() is dialog.name
    type_as_user("Kursdag missbruk")
    missbruk = next(i for i in range(dialog.checklist.count()) if dialog.checklist.itemData(i)[0] == "missbruk")
    dialog.checklist.setCurrentIndex(missbruk)
    type_text(dialog.title, "Vår kurs i missbruksvård")
    dialog.feedback.setCurrentIndex(1)
    press(dialog.title, Qt.Key.Key_Return)


def type_case(dialog: TrainingCaseDialog, code: str, lines: list[str]) -> None:
    assert isinstance(dialog, TrainingCaseDialog)
    type_as_user(code)
    dialog.sex.setCurrentIndex(dialog.sex.findData("kvinna"))
    dialog.age_band.setCurrentIndex(dialog.age_band.findData("a35_44"))
    for number, line in enumerate(lines):
        if number:
            press(dialog.text, Qt.Key.Key_Return)  # a new line in the text, not OK
        type_text(dialog.text, line)
    assert dialog.isVisible()


def review_like_the_builtin_facit(app, case_uuid: str, complete: bool = True, skip_note: str = ""):
    """What the facilitator does in the review form the page hands the case to: answers, and a note on each."""
    with app.db.session() as session:
        builtin = next(p for p in builtin_training_packs(session) if p.area.value == "missbruk").cases[0]
        snapshot = open_review(session, case_uuid, "KL")
        for key, entry in builtin.facit.items():
            question = snapshot.definition.question(key)
            save_answer(session, snapshot, question, entry.answer, None if key == skip_note else entry.rationale.sv)
        if complete:
            complete_review(session, snapshot, "KL")
    return snapshot


def test_a_facilitator_makes_a_round_writes_a_case_and_exports_the_pack(qtbot, app, swedish, screenshot, tmp_path):
    page = make_page(qtbot, app)
    assert not page.new_case_button.isEnabled() and not page.export_button.isEnabled()

    def new_round_seen(dialog: NewTrainingRoundDialog) -> None:
        screenshot(dialog, "author11-ny-omgang")
        fill_new_round(dialog)

    when_modal(qtbot, new_round_seen)
    page.new_round_button.click()
    [made] = page.rounds_model.records()
    assert (made.name, made.title, made.case_count) == ("Kursdag missbruk", "Vår kurs i missbruksvård", 0)
    assert page.selected_round() == made and page.new_case_button.isEnabled()

    lines = ["Utredning av ansökan (övningsärende, alla uppgifter är påhittade)", "Kvinnan, 41 år, söker öppenvård."]

    def write_case(dialog: TrainingCaseDialog) -> None:
        type_case(dialog, "KURS-01", lines)
        screenshot(dialog, "author11-nytt-fall")
        dialog.ok_button.click()

    when_modal(qtbot, write_case)
    page.new_case_button.click()
    [case] = page.cases_model.records()
    assert (case.code, case.text) == ("KURS-01", "\n".join(lines))
    assert page.text_view.toPlainText() == "\n".join(lines)

    refused: list[str] = []

    def personnummer_in_text(dialog: TrainingCaseDialog) -> None:
        type_case(dialog, "KURS-02", [f"Mannen, {PERSONNUMMER}, söker stöd."])
        dialog.ok_button.click()
        refused.append(dialog.message.text())
        assert dialog.isVisible(), "a refused text keeps the dialog open"
        screenshot(dialog, "author11-personnummer")
        dialog.reject()

    when_modal(qtbot, personnummer_in_text)
    page.new_case_button.click()
    assert (
        "Fältet Ärendetext innehåller" in refused[0] and "personnummer" in refused[0] and PERSONNUMMER not in refused[0]
    )
    assert [c.code for c in page.cases_model.records()] == ["KURS-01"]

    target = tmp_path / "kurs.yaml"
    problems: list[str] = []

    def export_too_early(dialog: ExportPackDialog) -> None:
        assert isinstance(dialog, ExportPackDialog)
        assert dialog.slug.text() == "var-kurs-i-missbruksvard" and dialog.author.text() == "KL"
        dialog.path.setText(str(target))
        dialog.ok_button.click()
        problems.append(dialog.message.text())
        assert dialog.isVisible()
        screenshot(dialog, "author11-export-saknas")
        dialog.reject()

    when_modal(qtbot, export_too_early)
    page.export_button.click()
    assert "Omgången Kursdag missbruk kan inte exporteras som paket ännu (1 sak saknas):" in problems[0]
    assert "fall KURS-01: ingen granskning ännu (facit)" in problems[0]
    assert not target.exists()

    with qtbot.waitSignal(page.review_requested) as asked:
        page.review_button.click()
    assert asked.args == [made.uuid, case.uuid]
    review_like_the_builtin_facit(app, case.uuid)
    page.refresh()
    assert page.cases_model.records()[0].status.value == "complete"
    screenshot(page, "author11-sida")

    done: list[str] = []

    def close_message(box: QMessageBox) -> None:
        done.append(box.text())
        box.accept()

    def export(dialog: ExportPackDialog) -> None:
        dialog.path.setText(str(target))
        dialog.version.setValue(2)
        when_modal(qtbot, close_message)  # the word that the pack was saved comes once the dialog closes
        dialog.ok_button.click()

    when_modal(qtbot, export)
    page.export_button.click()
    assert done and str(target) in done[0]
    with app.db.session() as session:
        pack = load_pack_file(target, checklist_lookup(session))
        assert [r.reviewed_count for r in list_authoring_rounds(session)] == [1]
    assert (pack.slug, pack.version, pack.author, pack.feedback.value) == (
        "var-kurs-i-missbruksvard",
        2,
        "KL",
        "at_end",
    )
    assert pack.cases[0].text == "\n".join(lines)


def test_a_case_text_is_edited_and_a_case_removed(qtbot, app, swedish, monkeypatch):
    page = make_page(qtbot, app)
    when_modal(qtbot, fill_new_round)
    page.new_round_button.click()

    def write_case(dialog: TrainingCaseDialog) -> None:
        type_case(dialog, "KURS-01", ["Första utkastet."])
        press_in_focus(Qt.Key.Key_Tab)  # Tab leaves the text for OK instead of typing a tab
        assert QApplication.focusWidget() is dialog.ok_button
        dialog.ok_button.click()

    when_modal(qtbot, write_case)
    page.new_case_button.click()

    def edit(dialog: TrainingCaseDialog) -> None:
        assert not dialog.code.isEnabled() and dialog.text.toPlainText() == "Första utkastet."
        dialog.text.selectAll()
        type_text(dialog.text, "Rättad: kvinnan är 41 år och söker öppenvård.")
        dialog.ok_button.click()

    when_modal(qtbot, edit)
    page.edit_text_button.click()
    assert page.cases_model.records()[0].text == "Rättad: kvinnan är 41 år och söker öppenvård."
    assert page.text_view.toPlainText() == "Rättad: kvinnan är 41 år och söker öppenvård."

    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    page.remove_case_button.click()
    assert page.cases_model.records() == [] and not page.review_button.isEnabled()


def test_the_export_dialog_chooses_its_file_with_a_file_dialog(qtbot, monkeypatch, tmp_path):
    chosen = tmp_path / "min-kurs.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), ""))
    submitted = []
    dialog = ExportPackDialog("min-kurs", "KL", "sv", lambda *args: submitted.append(args))
    qtbot.addWidget(dialog)
    dialog.choose.click()
    assert dialog.path.text() == str(chosen)
    dialog.ok_button.click()
    assert submitted == [(chosen, "min-kurs", 1, "KL")]


def test_the_note_typed_in_the_review_form_is_the_rationale_in_the_pack(qtbot, app, swedish, screenshot, tmp_path):
    page = make_page(qtbot, app)
    when_modal(qtbot, fill_new_round)
    page.new_round_button.click()

    def write_case(dialog: TrainingCaseDialog) -> None:
        type_case(dialog, "KURS-01", ["Kvinnan, 41 år, söker öppenvård."])
        dialog.ok_button.click()

    when_modal(qtbot, write_case)
    page.new_case_button.click()
    opened: list[ReviewForm] = []

    def open_form(_round_uuid: str, case_uuid: str) -> None:  # what the main window does with the signal
        with app.db.session() as session:
            form = ReviewForm(app.db, open_review(session, case_uuid, "KL"), "sv")
        qtbot.addWidget(form)
        form.resize(1100, 700)
        form.show()
        opened.append(form)

    page.review_requested.connect(open_form)
    case_uuid = page.selected_case().uuid
    review_like_the_builtin_facit(app, case_uuid, complete=False, skip_note="beslut")
    page.review_button.click()
    [form] = opened
    row = form.rows["beslut"]
    row.open_note()
    rationale = "Beslutet står sist i utredningen: öppenvård beviljas för åtta veckor."
    type_text(row.note, rationale)
    screenshot(form, "author11-granska-motivering")
    form.toggle_complete()
    with app.db.session() as session:
        pack = export_pack(session, "Kursdag missbruk")
    assert pack.cases[0].facit["beslut"].rationale.sv == rationale
