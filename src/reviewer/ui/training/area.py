"""Utbildning: training with fictitious cases. The participant's page comes first; the facilitator's pages are
further tabs of the same area."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from reviewer.domain.text import Language
from reviewer.storage.database import Database
from reviewer.ui.training.participant_page import ParticipantPage


class TrainingArea(QWidget):
    def __init__(
        self,
        db: Database,
        language: Language,
        actor: Callable[[], str],
        ensure_actor: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.participant = ParticipantPage(db, language, actor, ensure_actor, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.participant, self.tr("Take &part"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def settle_refused_edit(self) -> bool:
        return self.participant.settle_refused_edit()
