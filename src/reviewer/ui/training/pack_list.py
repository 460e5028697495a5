"""The training packs a participant can take: built-in and imported, each started anew or continued."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.text import Language, ReviewerError
from reviewer.services import training, training_session
from reviewer.services.training import PackSummary
from reviewer.storage.database import Database
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.labels import area_label
from reviewer.ui.table_model import Column, RecordTableModel

NEW_ROUND = ""  # the round chooser's item for a new round


class PackListPage(QWidget):
    started = Signal(str)  # the training round's uuid

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
        self._round_uuids: dict[str, str] = {}
        feedback = {"after_each_case": self.tr("After each case"), "at_end": self.tr("When all cases are complete")}
        columns: list[Column[PackSummary]] = [
            Column(self.tr("Pack"), lambda p: p.title.text(language)),
            Column(self.tr("Area"), lambda p: area_label(p.area)),
            Column(self.tr("Cases"), lambda p: str(p.case_count), lambda p: p.case_count, align_right=True),
            Column(self.tr("Facit shown"), lambda p: feedback.get(p.feedback, p.feedback)),
            Column(self.tr("Source"), lambda p: self.tr("Built-in") if p.builtin else self.tr("Imported")),
            Column(self.tr("Rounds"), lambda p: str(len(p.round_names)), lambda p: len(p.round_names), True),
        ]
        self.model: RecordTableModel[PackSummary] = RecordTableModel(columns, self)
        heading = QLabel(self.tr("Training with fictitious cases"), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Pick a pack and start: you read each fictitious case beside the review form and answer as in a real "
                "review. Your answers are compared with the pack's facit, with a rationale for every question. "
                "Training rounds never appear among the real rounds, summaries or exports."
            ),
            self,
        )
        intro.setWordWrap(True)
        packs_label = QLabel(self.tr("&Packs"), self)
        self.view = record_table_view(self.model, self.tr("Training packs"), self)
        self.view.setSortingEnabled(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        packs_label.setBuddy(self.view)
        self.view.activated.connect(lambda _index: self.start())

        round_label = QLabel(self.tr("&Round:"), self)
        self.round_choice = QComboBox(self)
        self.round_choice.setAccessibleName(self.tr("Round to start or continue"))
        self.round_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.round_choice.setMinimumContentsLength(48)  # a round's name: "Fortsätt: Utbildning: <pack title> (v1)"
        round_label.setBuddy(self.round_choice)
        self.start_button = QPushButton(self.tr("&Start"), self)
        self.start_button.setToolTip(self.tr("Start or continue the chosen round (Enter in the list)"))
        self.start_button.clicked.connect(self.start)
        self.import_button = QPushButton(self.tr("&Import pack…"), self)
        self.import_button.setToolTip("Ctrl+O")
        self.import_button.clicked.connect(self.import_pack)
        shortcut = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_O), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.import_pack)

        actions = QHBoxLayout()
        actions.addWidget(round_label)
        actions.addWidget(self.round_choice)
        actions.addWidget(self.start_button)
        actions.addStretch()
        actions.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(packs_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self.view.selectionModel().currentRowChanged.connect(lambda _current, _previous: self._pack_chosen())
        self.refresh()

    def refresh(self, select: tuple[str, int] | None = None) -> None:
        """The packs anew; the chosen one (or `select`) stays chosen."""
        current = self.current_pack()
        keep = select or ((current.slug, current.version) if current else None)
        with self._db.session() as session:
            packs = training.list_packs(session)
            self._round_uuids = training_session.training_round_uuids(session)
        self.model.set_records(packs)
        row = next((i for i, p in enumerate(packs) if (p.slug, p.version) == keep), 0)
        if packs:
            self.view.selectRow(row)
        self._pack_chosen()

    def current_pack(self) -> PackSummary | None:
        index = self.view.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _pack_chosen(self) -> None:
        pack = self.current_pack()
        self.round_choice.clear()
        self.round_choice.addItem(self.tr("New round"), NEW_ROUND)
        for name in pack.round_names if pack else ():
            self.round_choice.addItem(self.tr("Continue: %1").replace("%1", name), name)
        self.round_choice.setCurrentIndex(self.round_choice.count() - 1)  # the latest round, when there is one
        self.start_button.setEnabled(pack is not None)

    def start(self) -> None:
        pack = self.current_pack()
        if pack is None or not self._ensure_actor():
            return
        name = self.round_choice.currentData()
        if name:
            self.started.emit(self._round_uuids[name])
            return
        try:
            with self._db.session() as session:
                round_ = training_session.start_pack_round(session, pack.slug, pack.version, self._actor())
                uuid = round_.uuid
        except ReviewerError as error:
            QMessageBox.warning(self, self.tr("Training"), error.text(self._language))
            return
        self.refresh((pack.slug, pack.version))
        self.started.emit(uuid)

    def import_pack(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import training pack"), "", self.tr("Training packs (*.yaml *.yml *.json)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Stores the pack and makes its round; a pack with errors is refused whole, each error named."""
        try:
            with self._db.session() as session:
                imported = training.import_pack(session, path, self._actor())
        except ReviewerError as error:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import training pack"), "", parent=self)
            box.setText(self.tr("The pack was not imported; nothing was changed."))
            box.setInformativeText(error.text(self._language))
            box.exec()
            return
        self.refresh((imported.pack.slug, imported.pack.version))
        if imported.already_imported:
            QMessageBox.information(
                self,
                self.tr("Import training pack"),
                self.tr("This pack is already imported; nothing was changed."),
            )
