"""The text aid in the review form (issue 13, point 3): a pasted passage is counted with the round's lexicon, its hits
highlighted, the counts filled into the measured answers through the normal save path – and the passage itself is
found nowhere afterwards, not in the database, its WAL, a backup, a log or the settings."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from reviewer.bootstrap import App, bootstrap
from reviewer.checklists.rules import is_visible
from reviewer.checklists.schema import NUMBER_TYPES, QuestionType, implicit_options
from reviewer.domain.sex import Sex
from reviewer.domain.wording import WordGroup
from reviewer.services import reviews
from reviewer.services.cases import CaseInput, add_case
from reviewer.services.checklists import get_version
from reviewer.services.maintenance import backup_now
from reviewer.services.rounds import create_round
from reviewer.services.settings import Settings, load_settings, save_settings
from reviewer.storage.models import AuditEvent, ReviewStatus
from reviewer.ui.review_form import ReviewForm
from reviewer.ui.review_form.text_aid import GROUP_COLOURS, TextAidDialog
from tests.ui.helpers import activate, press, type_text

PASSAGE = (
    "Sökande är en ledsen och orolig kvinna som bor ensam. Hon beskrivs som envis men vänlig. "
    "Hennes dotter hjälper henne med inköp två gånger i veckan."
)
AID_KEY = "antal_ord_beskrivning"


def open_form(qtbot, app: App, sex: Sex = Sex.KVINNA) -> ReviewForm:
    with app.db.session() as session:
        round_ = create_round(session, "Färdtjänst 2027", get_version(session, "fardtjanst"), "2027 H1")
        case = add_case(session, round_.uuid, CaseInput("FT-001", sex, "a65_74", "Norr"))
        snapshot = reviews.open_review(session, case.uuid, "AB")
    form = ReviewForm(app.db, snapshot, "sv")
    qtbot.addWidget(form)
    form.resize(1280, 720)
    form.show()
    return form


def open_aid(qtbot, form: ReviewForm) -> TextAidDialog:
    """Through the keyboard: from the word-count answer, Tab reaches the button and Space presses it."""
    row = form.rows[AID_KEY]
    assert row.aid_button is not None
    activate(qtbot, form)
    row.editor.setFocus()
    press(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.aid_button
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(row.aid_button, QKeyEvent(kind, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " "))
    qtbot.waitUntil(lambda: form.text_aid is not None and form.text_aid.isVisible())
    dialog = form.text_aid
    assert dialog is not None
    assert dialog.focusWidget() is dialog.edit, "ready for Ctrl+V"
    return dialog


def paste(dialog: TextAidDialog, text: str) -> None:
    """As a user pastes: through the clipboard, which the test (not the program) filled, and emptied again."""
    clipboard = QApplication.clipboard()
    clipboard.setText(text)
    dialog.edit.setFocus()
    press(dialog.edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    clipboard.clear()
    dialog.recount()


def test_the_aid_counts_highlights_and_fills_the_measured_answers(qtbot, app, swedish, screenshot):
    form = open_form(qtbot, app)
    dialog = open_aid(qtbot, form)
    assert dialog.windowTitle() == "Räkna ord i en text"
    assert form.rows[AID_KEY].aid_button.text() == "Räkna ord i en text…"
    assert not dialog.edit.isUndoRedoEnabled()
    assert not dialog.fill_button.isEnabled(), "nothing to fill from an empty passage"
    paste(dialog, PASSAGE)

    assert dialog.words.text() == "26"
    assert dialog.sentences.text() == "3"
    highlighted = {
        dialog.edit.toPlainText()[s.cursor.selectionStart() : s.cursor.selectionEnd()]: s.format.background().color()
        for s in dialog.edit.extraSelections()
    }
    assert highlighted["ledsen"] == GROUP_COLOURS[WordGroup.EMOTION]
    assert set(highlighted) == {"ledsen", "orolig", "ensam", "envis", "vänlig", "dotter"}
    assert highlighted["dotter"] == GROUP_COLOURS[WordGroup.FAMILY_ROLE]
    assert dialog.hits.text() == "6 (23,08 per 100 ord)"
    assert dialog.group_counts[WordGroup.EMOTION].text() == "3"
    dialog.resize(1280, 720)
    shot = screenshot(dialog, "textstod-markeringar")
    assert shot.exists()

    # Copying from the passage hands nothing on, not even the selection.
    QApplication.clipboard().setText("sentinel")
    dialog.edit.selectAll()
    press(dialog.edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert "ledsen" not in QApplication.clipboard().text()

    assert dialog.fill_button.text() == "&Fyll i svaren"
    left_at_fill: list[str] = []
    dialog.filled.connect(lambda _values: left_at_fill.append(dialog.edit.toPlainText()))
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.text_aid is None)
    assert left_at_fill == [""], "the passage is cleared before the numbers leave the window"
    with app.db.session() as session:
        answers = reviews.open_review(session, form.snapshot.case_uuid, "AB").answers
        events = session.exec(select(AuditEvent)).all()
    assert answers[AID_KEY] == 26
    assert answers["vardeladdade_per_100"] == 23.08
    assert answers["kansloord_per_100"] == 11.54
    assert form.rows["vardeladdade_per_100"].editor.value() == "23,08"
    assert sum(1 for e in events if "vardeladdade_per_100" in (e.detail_json or "")) >= 1, "filled answers are audited"
    assert form.state.text().startswith("Sparat")
    form.form_view.ensureWidgetVisible(form.rows["kansloord_per_100"])
    screenshot(form, "textstod-ifyllt")


def test_closing_the_aid_clears_the_passage_and_fills_nothing(qtbot, app, swedish):
    form = open_form(qtbot, app)
    dialog = open_aid(qtbot, form)
    paste(dialog, PASSAGE)
    document = dialog.edit.document()
    press(dialog.edit, Qt.Key.Key_Escape)
    assert document.toPlainText() == "", "the document is cleared, not just hidden"
    assert not document.isUndoAvailable()
    assert form.snapshot.answers == {}
    qtbot.waitUntil(lambda: form.text_aid is None)
    assert form.focusWidget() is form.rows[AID_KEY].aid_button, "the keyboard is back where it was"


def test_a_complete_review_offers_no_aid(qtbot, app, swedish):
    form = open_form(qtbot, app)
    answer_every_required(app, form)
    form.toggle_complete()
    assert form.snapshot.status is ReviewStatus.COMPLETE
    assert not form.rows[AID_KEY].aid_button.isEnabled()


def answer_every_required(app: App, form: ReviewForm) -> None:
    """The required questions answered as a reviewer would, shown ones only, until completing is allowed."""
    definition = form.snapshot.definition
    with app.db.session() as session:
        while True:
            missing = [
                q
                for q in definition.questions()
                if q.required
                and q.key not in form.snapshot.answers
                and is_visible(q, form.snapshot.answers, definition)
            ]
            if not missing:
                break
            for question in missing:
                if question.type in NUMBER_TYPES:
                    value: object = 1
                elif question.type is QuestionType.MULTIPLE_CHOICE:
                    value = [implicit_options(question)[0]]
                elif question.type is QuestionType.DATE:
                    value = "2027-01-15"
                elif question.type is QuestionType.TEXT:
                    value = "Inget att anmärka."
                else:
                    value = implicit_options(question)[0]
                reviews.save_answer(session, form.snapshot, question, value, None)  # type: ignore[arg-type]
    form.reload()


# --- The marker test -------------------------------------------------------------------------------------------


def every_file(app_paths) -> list[Path]:
    folders = {app_paths.data_dir, app_paths.config_dir, app_paths.log_dir, app_paths.backup_dir}
    return sorted({path for folder in folders for path in folder.rglob("*") if path.is_file()})


def files_containing(paths: list[Path], marker: str) -> list[str]:
    """Every file holding the marker as UTF-8 or UTF-16-LE (SQLite can store text either way)."""
    needles = [marker.encode("utf-8"), marker.encode("utf-16-le")]
    return [str(path) for path in paths if any(needle in path.read_bytes() for needle in needles)]


def review_with_the_aid(
    qtbot, data_dir: Path, passage: str, marker: str, note: str | None = None
) -> tuple[list[str], list[str]]:
    """The program's life with a pasted passage: paste, fill, (a note), complete, back up, close. Where the marker
    is found: in the files while the database is open (its -wal and -shm with it), and in every file left after."""
    app = bootstrap(data_dir=data_dir)
    try:
        save_settings(app.paths.config_dir, Settings(reviewer="AB", language="sv"))
        form = open_form(qtbot, app)
        dialog = open_aid(qtbot, form)
        paste(dialog, passage)
        qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: form.text_aid is None)
        assert form.snapshot.answers[AID_KEY] > 0
        if note is not None:
            row = form.rows["vardeladdade_ord"]
            row.open_note()
            type_text(row.note, note)
        answer_every_required(app, form)
        form.toggle_complete()
        assert form.snapshot.status is ReviewStatus.COMPLETE
        backup_now(app.db, app.paths.backup_dir)
        assert load_settings(app.paths.config_dir).reviewer == "AB"
        open_files = every_file(app.paths)
        assert any(path.name.endswith("-wal") for path in open_files), "the WAL is searched while it exists"
        while_open = files_containing(open_files, marker)
        form.close()
        form.deleteLater()
        QApplication.processEvents()
    finally:
        app.close()
    files = every_file(app.paths)
    assert any(path.suffix == ".sqlite" for path in files)
    assert any(app.paths.backup_dir in path.parents for path in files), "the backup is searched too"
    assert any(app.paths.log_dir in path.parents for path in files), "the log is searched too"
    assert any(app.paths.config_dir in path.parents for path in files), "the settings are searched too"
    return while_open, files_containing(files, marker)


def test_the_pasted_passage_is_found_in_no_file_the_program_leaves(qtbot, tmp_path, swedish):
    marker = f"Markör{uuid.uuid4().hex[:12]}"
    passage = f"{PASSAGE} Hon säger {marker} om sin situation och är ledsen."
    assert review_with_the_aid(qtbot, tmp_path / "data", passage, marker) == ([], [])


def test_control_a_marker_written_in_a_note_is_found(qtbot, tmp_path, swedish):
    """The search above can fail: the same search finds a marker that the program does store."""
    marker = f"Notering{uuid.uuid4().hex[:12]}"
    while_open, after = review_with_the_aid(qtbot, tmp_path / "data", PASSAGE, marker, note=f"Se {marker}")
    assert while_open, "found while the database is open"
    assert any(path.endswith(".sqlite") for path in after), "found in the database file after closing"
    assert any("backups" in path for path in after), "the backup holds the note too"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le"])
def test_control_the_search_reads_both_encodings(tmp_path, encoding):
    marker = f"Markör{uuid.uuid4().hex[:12]}"
    planted = tmp_path / "x.bin"
    planted.write_bytes(b"\x00prefix" + marker.encode(encoding) + b"suffix\x00")
    assert files_containing([planted], marker) == [str(planted)]
