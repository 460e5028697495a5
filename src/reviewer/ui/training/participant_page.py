"""Taking part in training: the pack list, then the session page of the chosen round."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from reviewer.domain.text import Language
from reviewer.storage.database import Database
from reviewer.ui.training.pack_list import PackListPage
from reviewer.ui.training.session_page import SessionPage


class ParticipantPage(QWidget):
    def __init__(
        self,
        db: Database,
        language: Language,
        actor: Callable[[], str],
        ensure_actor: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.packs = PackListPage(db, language, actor, ensure_actor, self)
        self.session = SessionPage(db, language, actor, ensure_actor, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.packs)
        self.stack.addWidget(self.session)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.packs.started.connect(self.open_round)
        self.session.back_requested.connect(self.show_packs)

    def open_round(self, round_uuid: str) -> None:
        self.stack.setCurrentWidget(self.session)
        self.session.show_round(round_uuid)
        if self.session.form is not None:
            self.session.form.focus_first_question()

    def show_packs(self) -> None:
        if not self.session.settle_refused_edit():
            return
        self.packs.refresh()
        self.stack.setCurrentWidget(self.packs)
        self.packs.view.setFocus()

    def settle_refused_edit(self) -> bool:
        return self.stack.currentWidget() is not self.session or self.session.settle_refused_edit()
