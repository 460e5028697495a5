"""The review form, generated from the round's checklist: every change is saved at once, nothing to press.

Keyboard: Tab moves between questions; on a yes/no question J/Y = ja, N = nej, E/A = ej aktuellt, digits pick the
n-th option (on a multiple-choice question they tick and untick it), Delete clears; Ctrl+M opens the note of the
current question; Ctrl+Return marks the review complete (on a complete review it only says how to reopen it);
Ctrl+PgDown / Ctrl+PgUp go to the next / previous case; Alt+Left goes back to the case list.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reviewer.checklists.answers import AnswerValue
from reviewer.checklists.progress import progress
from reviewer.checklists.schema import Question, QuestionType
from reviewer.domain.text import Language, ReviewerError
from reviewer.services import review_conflicts, reviews
from reviewer.services.lexicon import lexicon_for_round
from reviewer.storage.database import Database
from reviewer.storage.models import ReviewStatus
from reviewer.ui.answer_editors import CheckEditor, RadioEditor
from reviewer.ui.labels import sex_label
from reviewer.ui.review_conflict import ConflictPanel
from reviewer.ui.review_form.form_view import FormView
from reviewer.ui.review_form.question_row import QuestionRow
from reviewer.ui.review_form.text_aid import TextAidDialog


class ReviewForm(QWidget):
    navigate = Signal(int)
    back_requested = Signal()
    saved = Signal()

    def __init__(
        self, db: Database, snapshot: reviews.ReviewSnapshot, language: Language, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.snapshot = snapshot
        self.language = language
        # Rows whose edit on screen was refused (a personnummer in a note, a word in a number field): until each is
        # fixed or discarded the form is not saved, whatever else is saved meanwhile.
        self._refused: dict[str, QuestionRow] = {}

        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.progress = QLabel(self)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.state = QLabel(self)
        self.state.setAccessibleName(self.tr("Save state"))

        self.form_view = FormView(snapshot.definition, language, self)
        self.rows = self.form_view.rows
        self.form_view.answer_edited.connect(self._save)
        self.form_view.note_edited.connect(self._save_note)
        self.form_view.text_aid_requested.connect(self.open_text_aid)
        self.text_aid: TextAidDialog | None = None
        self.conflict_panel = ConflictPanel(language, self)
        self.conflict_panel.hide()
        self.conflict_panel.chosen.connect(self._resolve)
        self._conflict: review_conflicts.ReviewConflict | None = None

        self.help_title = QLabel(self)
        self.help_title.setWordWrap(True)
        self.help_title.setStyleSheet("font-weight: bold;")
        self.help_text = QLabel(self)
        self.help_text.setWordWrap(True)
        self.help_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.help_keys = QLabel(self)
        self.help_keys.setWordWrap(True)
        self.help_keys.setStyleSheet("color: palette(mid);")
        help_panel = QFrame(self)
        help_panel.setFrameShape(QFrame.Shape.StyledPanel)
        help_layout = QVBoxLayout(help_panel)
        help_heading = QLabel(self.tr("Guidance"), help_panel)
        help_heading.setStyleSheet("font-weight: bold; font-size: 110%;")
        help_layout.addWidget(help_heading)
        help_layout.addWidget(self.help_title)
        help_layout.addWidget(self.help_text, 1)
        help_layout.addWidget(self.help_keys)
        help_panel.setMinimumWidth(260)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.form_view)
        splitter.addWidget(help_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.back_button = QPushButton(self.tr("← Cases"), self)
        self.back_button.setToolTip(self.tr("Back to the case list (Alt+Left)"))
        self.previous_button = QPushButton(self.tr("Previous case"), self)
        self.previous_button.setToolTip("Ctrl+PgUp")
        self.next_button = QPushButton(self.tr("Next case"), self)
        self.next_button.setToolTip("Ctrl+PgDown")
        self.complete_button = QPushButton(self)
        self.complete_button.setToolTip("Ctrl+Return")
        for button in (self.back_button, self.previous_button, self.next_button):
            button.setAutoDefault(False)
        self.back_button.clicked.connect(self._back)
        self.previous_button.clicked.connect(lambda: self._navigate(-1))
        self.next_button.clicked.connect(lambda: self._navigate(1))
        self.complete_button.clicked.connect(self.toggle_complete)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.state)
        footer = QHBoxLayout()
        footer.addWidget(self.previous_button)
        footer.addWidget(self.next_button)
        footer.addStretch()
        footer.addWidget(self.notice, 1)
        footer.addWidget(self.complete_button)
        facts = QHBoxLayout()
        facts.addWidget(self.facts, 1)
        facts.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(facts)
        layout.addWidget(self.conflict_panel)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)

        self._shortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), self._complete_from_keyboard)
        self._shortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter), self._complete_from_keyboard)
        self._shortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown), lambda: self._navigate(1))
        self._shortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp), lambda: self._navigate(-1))
        self._shortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_M), self._open_current_note)
        self._shortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left), self._back)

        self._load()
        qt_app = QApplication.instance()
        assert isinstance(qt_app, QApplication)
        qt_app.focusChanged.connect(self._focus_changed)

    def _shortcut(self, sequence: QKeySequence, slot) -> None:
        shortcut = QShortcut(sequence, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def _load(self) -> None:
        snap = self.snapshot
        self.title.setText(self.tr("Case %1").replace("%1", snap.case_code))
        age = next((b.label.text(self.language) for b in snap.definition.age_bands if b.value == snap.age_band), "–")
        self.facts.setText(
            self.tr("%1 · age %2 · unit %3 · round %4 · reviewer %5")
            .replace("%1", sex_label(snap.sex))
            .replace("%2", age)
            .replace("%3", snap.unit or "–")
            .replace("%4", snap.round_name)
            .replace("%5", snap.reviewer)
        )
        for key, row in self.rows.items():
            row.editor.set_value(snap.answers.get(key))
            row.set_note(snap.notes.get(key))
            row.show_message("")
        self._refused.clear()
        self._apply_visibility()
        self._apply_status()
        self.state.setText(self.tr("All changes are saved"))
        self._show_help(next(iter(self.rows.values())).question)

    def _apply_status(self) -> None:
        complete = self.snapshot.status is ReviewStatus.COMPLETE
        for row in self.rows.values():
            row.set_read_only(complete)
        self.complete_button.setText(self.tr("Reopen for changes") if complete else self.tr("Mark as complete"))
        if not complete:
            self.notice.hide()

    def _apply_visibility(self) -> None:
        self.form_view.apply_visibility(self.snapshot.answers)
        self._show_progress()

    def _show_progress(self) -> None:
        """The lasting count of the questions shown; hidden ones (show_if) count neither way."""
        done = progress(self.snapshot.definition, self.snapshot.answers)
        text = self.tr("%1 of %2 answered").replace("%1", str(done.answered)).replace("%2", str(done.shown))
        if done.missing:
            required = self.tr("%n required unanswered", "", len(done.missing))
        elif done.required:
            required = self.tr("all required answered")
        else:
            required = ""
        self.progress.setText(" · ".join(filter(None, [text, required])))

    def _save(self, row: QuestionRow, value: AnswerValue) -> None:
        note = row.note.text()
        self.state.setText(self.tr("Saving…"))
        try:
            with self._db.session() as session:
                reviews.save_answer(session, self.snapshot, row.question, value, note)
        except reviews.StaleReviewError as error:
            self._enter_conflict(error.edit)
            return
        except ReviewerError as error:
            row.show_message(error.text(self.language))
            self._refused[row.question.key] = row
            self._show_refused()
            return
        row.show_message("")
        self._refused.pop(row.question.key, None)
        self._apply_visibility()
        if self._refused:
            self._show_refused()
        else:
            self.state.setText(self.tr("Saved %1").replace("%1", datetime.now().strftime("%H:%M:%S")))
        self.saved.emit()

    def open_text_aid(self, row: QuestionRow) -> None:
        """The paste-and-count dialog for the measured questions this row's text aid fills."""
        if self._conflict is not None or self.snapshot.status is ReviewStatus.COMPLETE:
            return
        with self._db.session() as session:
            lexicon = lexicon_for_round(session, self.snapshot.round_uuid)
        dialog = TextAidDialog(self.snapshot.definition, row.question, lexicon, self.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filled.connect(self._fill_measures)
        dialog.finished.connect(lambda _result, b=row.aid_button: b.setFocus() if b is not None else None)
        self.text_aid = dialog
        dialog.destroyed.connect(lambda: setattr(self, "text_aid", None))
        dialog.open()

    def _fill_measures(self, values: dict[str, AnswerValue]) -> None:
        """Each counted number saved like a typed one: checked, audited, and refused with a message at its row."""
        for key, value in values.items():
            row = self.rows[key]
            row.editor.set_value(value)
            self._save(row, value)
            if self._conflict is not None:
                return

    def _show_refused(self) -> None:
        self.state.setText(self.tr("Not saved: see the message at the question"))

    def has_refused_edit(self) -> bool:
        """An edit on screen that was not saved because it was refused."""
        return bool(self._refused)

    def settle_refused_edit(self) -> bool:
        """Before the form is left or closed: True when nothing refused is on screen, or once the user has chosen to
        discard it; False (and the cursor at the refused answer) when they go back to correct it."""
        if not self._refused:
            return True
        row = next(iter(self._refused.values()))
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Change not saved"))
        box.setText(
            self.tr("The change at “%1” was not saved: %2")
            .replace("%1", row.question.text.text(self.language))
            .replace("%2", row.message.text())
        )
        box.setInformativeText(self.tr("Discard the change, or go back and correct it?"))
        discard = box.addButton(self.tr("&Discard the change"), QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(self.tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        if box.clickedButton() is discard:
            self.reload()
            return True
        self.form_view.ensureWidgetVisible(row)
        (row.note if row.note.isVisible() and row.note.text() else row.editor).setFocus()
        return False

    def _save_note(self, row: QuestionRow) -> None:
        self._save(row, self.snapshot.answers.get(row.question.key))

    def reload(self) -> None:
        """The review as stored, dropping what is on screen (a refused edit the user chose to discard)."""
        with self._db.session() as session:
            self.snapshot = reviews.open_review(session, self.snapshot.case_uuid, self.snapshot.reviewer)
        self._load()

    def _complete_from_keyboard(self) -> None:
        """Ctrl+Return completes; on a complete review it says how to reopen instead of reopening unasked."""
        if self.snapshot.status is not ReviewStatus.COMPLETE:
            self.toggle_complete()
            return
        self.notice.setText(
            self.tr("This review is complete. To change it, press “%1”.").replace("%1", self.complete_button.text())
        )
        self.notice.show()

    def toggle_complete(self) -> None:
        if self._conflict is not None or not self.settle_refused_edit():
            return
        try:
            with self._db.session() as session:
                if self.snapshot.status is ReviewStatus.COMPLETE:
                    reviews.reopen_review(session, self.snapshot, self.snapshot.reviewer)
                else:
                    reviews.complete_review(session, self.snapshot, self.snapshot.reviewer)
        except reviews.IncompleteReviewError as error:
            self._point_at_missing(error.missing)
            return
        except reviews.StaleReviewError:
            self._enter_conflict(None)
            return
        except ReviewerError as error:
            QMessageBox.warning(self, self.tr("Review"), error.text(self.language))
            return
        self._load()
        self.state.setText(
            self.tr("Complete and saved") if self.snapshot.status is ReviewStatus.COMPLETE else self.tr("Reopened")
        )
        # The answers just became read-only (or editable again): keep the keyboard user somewhere useful.
        self.complete_button.setFocus()
        self.saved.emit()

    def _navigate(self, step: int) -> None:
        if self._conflict is None:  # leaving would drop the user's version before it is chosen
            self.navigate.emit(step)

    def _back(self) -> None:
        if self._conflict is None:
            self.back_requested.emit()

    def _enter_conflict(self, edit: tuple[str, AnswerValue, str | None] | None) -> None:
        """The review changed elsewhere: the user's version (with the edit that was not saved) beside the stored
        one; the form stays as the user left it, read-only, until every differing answer is chosen."""
        mine = review_conflicts.with_edit(self.snapshot, *edit) if edit else self.snapshot
        with self._db.session() as session:
            conflict = review_conflicts.find_conflict(session, mine, {edit[0]} if edit else ())
        self._show_conflict(conflict)

    def _show_conflict(self, conflict: review_conflicts.ReviewConflict) -> None:
        if not conflict.differences:
            self._end_conflict(conflict)
            return
        self._conflict = conflict
        self.conflict_panel.show_conflict(conflict)
        for row in self.rows.values():
            row.set_read_only(True)
        for button in (self.complete_button, self.previous_button, self.next_button, self.back_button):
            button.setEnabled(False)
        self.state.setText(self.tr("Changed elsewhere: choose above"))
        first = self.conflict_panel.buttons[conflict.differences[0].key][0]
        first.setFocus()

    def _resolve(self, choices: dict[str, review_conflicts.Side]) -> None:
        conflict = self._conflict
        if conflict is None:
            return
        try:
            with self._db.session() as session:
                left = review_conflicts.resolve_conflict(session, conflict, choices, self.snapshot.reviewer)
        except reviews.StaleReviewError:
            with self._db.session() as session:
                self._show_conflict(review_conflicts.find_conflict(session, conflict.mine, conflict.unsaved))
            return
        except ReviewerError as error:
            self.conflict_panel.show_message(error.text(self.language))
            return
        for key, side in choices.items():
            if side is review_conflicts.Side.THEIRS:
                self.rows[key].editor.set_value(left.current.answers.get(key))
                self.rows[key].set_note(left.current.notes.get(key))
        if left.differences:
            self._show_conflict(left)
        else:
            self._end_conflict(left)
        self.saved.emit()

    def _end_conflict(self, conflict: review_conflicts.ReviewConflict) -> None:
        self._conflict = None
        self.conflict_panel.hide()
        for button in (self.complete_button, self.previous_button, self.next_button, self.back_button):
            button.setEnabled(True)
        self.snapshot = conflict.current
        self._load()
        self.state.setText(self.tr("Saved %1").replace("%1", datetime.now().strftime("%H:%M:%S")))

    def _point_at_missing(self, missing: list[str]) -> None:
        for key in missing:
            self.rows[key].show_message(self.tr("Required: this question needs an answer."))
        first = self.rows[missing[0]]
        self.form_view.ensureWidgetVisible(first)
        first.editor.setFocus()
        self.state.setText(self.tr("%n required question(s) unanswered", "", len(missing)))

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        row = self.form_view.row_of(new)
        if new is not None and self.isAncestorOf(new):
            self.form_view.set_current(row)
        if new is not None and row is not None:
            self._show_help(row.question)
            self.form_view.ensureWidgetVisible(new, 50, 50)

    def _open_current_note(self) -> None:
        row = self.form_view.row_of(QApplication.focusWidget())
        if row is not None and self.snapshot.status is not ReviewStatus.COMPLETE:
            row.open_note()

    def _show_help(self, question: Question) -> None:
        self.help_title.setText(question.text.text(self.language))
        self.help_text.setText(question.help.text(self.language) if question.help else self.tr("No guidance."))
        keys = {
            QuestionType.YES_NO: self.tr("Keys: J = yes, N = no, Delete = clear."),
            QuestionType.YES_NO_NA: self.tr("Keys: J = yes, N = no, E = not applicable, Delete = clear."),
            QuestionType.SCALE: self.tr("Keys: 1–5 choose, Delete = clear."),
        }
        hint = keys.get(question.type, "")
        editor = self.rows[question.key].editor
        if isinstance(editor, RadioEditor) and not hint:
            hint = self.tr("Keys: 1, 2, 3 … choose an option, Delete = clear.")
        elif isinstance(editor, CheckEditor):
            hint = self.tr("Keys: 1, 2, 3 … tick or untick an option, Delete = clear all.")
        self.help_keys.setText(" ".join(filter(None, [hint, self.tr("Ctrl+M = note, Ctrl+Return = complete.")])))

    def focus_first_question(self) -> None:
        next(iter(self.rows.values())).editor.setFocus()
