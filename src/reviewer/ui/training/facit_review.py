"""The facilitator's own review of a hand-made training case: the case text beside the same review form, whose
answers become the facit and whose notes become the rationales when the pack is exported."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.text import Language, ReviewerError
from reviewer.services import reviews, training
from reviewer.storage.database import Database
from reviewer.ui.review_form import ReviewForm


class FacitReviewPage(QWidget):
    back_requested = Signal()

    def __init__(
        self,
        db: Database,
        language: Language,
        actor: Callable[[], str],
        ensure_actor: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self._actor = actor
        self._ensure_actor = ensure_actor
        self.form: ReviewForm | None = None

        self.back_button = QPushButton(self.tr("← Pack cases"), self)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self._back)
        hint = QLabel(
            self.tr("Your answers are the facit; write the rationale for each answer in its note (Ctrl+M)."), self
        )
        hint.setWordWrap(True)
        self.case_text = QPlainTextEdit(self)
        self.case_text.setReadOnly(True)
        self.case_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.case_text.setAccessibleName(self.tr("Case text"))
        self.form_holder = QWidget(self)
        self._form_layout = QVBoxLayout(self.form_holder)
        self._form_layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.case_text)
        splitter.addWidget(self.form_holder)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)

    def open_case(self, case_uuid: str) -> bool:
        """Shows the case; False when the user kept an unsaved edit or gave no initials."""
        if not self.settle_refused_edit() or not self._ensure_actor():
            return False
        try:
            with self._db.session() as session:
                snapshot = reviews.open_review(session, case_uuid, self._actor())
                text = training.case_text(session, case_uuid) or ""
        except ReviewerError as error:
            QMessageBox.warning(self, self.tr("Training"), error.text(self._language))
            return False
        form = ReviewForm(self._db, snapshot, self._language, self.form_holder)
        form.back_requested.connect(self._back)
        form.navigate.connect(self._step)
        if self.form is not None:
            self._form_layout.removeWidget(self.form)
            self.form.hide()  # at once: deleteLater waits for the event loop, and two forms would overlap till then
            self.form.deleteLater()
        self.form = form
        self._form_layout.addWidget(form)
        form.show()
        self.case_text.setPlainText(text)
        form.focus_first_question()
        return True

    def settle_refused_edit(self) -> bool:
        return self.form is None or self.form.settle_refused_edit()

    def _step(self, step: int) -> None:
        assert self.form is not None
        if not self.settle_refused_edit():
            return
        with self._db.session() as session:
            target = reviews.neighbour_case(session, self.form.snapshot.case_uuid, step)
        if target is not None:
            self.open_case(target)

    def _back(self) -> None:
        if self.settle_refused_edit():
            self.back_requested.emit()
