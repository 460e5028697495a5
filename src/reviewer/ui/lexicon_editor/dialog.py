"""Ordlista: the unit chief edits the lexicon of value-laden words and saves it as a new version.

Saved versions never change (rounds keep the version they were created with, so their counts stay comparable);
the table is a working copy until 'Save as new version'. Import fills the table from a file edited in Excel, to be
looked at before saving; export writes what the table shows. The history lists every version and how many rounds
count with it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.text import Language, ReviewerError
from reviewer.domain.wording import Lexicon, LexiconEntry, LexiconError, WordGroup
from reviewer.services.lexicon import LexiconSummary, current_lexicon, list_versions, save_lexicon
from reviewer.services.lexicon_files import read_lexicon_file, write_lexicon_file
from reviewer.storage.database import Database
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.lexicon_editor.entries_model import GROUP, LEMMA, EntriesModel, RowError
from reviewer.ui.style import ERROR_STYLE
from reviewer.ui.table_model import Column, RecordTableModel

FILE_SUFFIXES = (".xlsx", ".csv", ".yaml")


class GroupDelegate(QStyledItemDelegate):
    """The group column is edited with a list of the four groups, never typed."""

    def __init__(self, model: EntriesModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        for group in WordGroup:
            editor.addItem(self._model.group_label(group), group.value)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class LexiconEditorDialog(QDialog):
    def __init__(self, db: Database, language: Language, parent=None, actor: Callable[[], str] = str) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self._actor = actor
        self._saved_entries: tuple[LexiconEntry, ...] = ()
        self.setWindowTitle(self.tr("Lexicon of value-laden words"))
        self.resize(1150, 700)

        self.model = EntriesModel(language, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search words"))
        self.search.setAccessibleName(self.tr("Search words"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Words"))
        self.proxy.setSortLocaleAware(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the list's own order until a heading is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegateForColumn(GROUP, GroupDelegate(self.model, self.table))
        header = self.table.horizontalHeader()
        header.resizeSection(LEMMA, 160)
        header.setSectionResizeMode(GROUP, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.add_button = QPushButton(self.tr("&Add word"), self)
        self.add_button.clicked.connect(self.add_word)
        self.remove_button = QPushButton(self.tr("&Remove selected"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton(self.tr("&Import file…"), self)
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(self.tr("E&xport file…"), self)
        self.export_button.clicked.connect(self.export_file)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Why the list changed (shown in the history)"))
        self.note.setAccessibleName(self.tr("Note"))
        self.save_button = QPushButton(self.tr("&Save as new version"), self)
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.history_model: RecordTableModel[LexiconSummary] = RecordTableModel(
            [
                Column(self.tr("Version"), lambda v: str(v.version), lambda v: v.version, align_right=True),
                Column(self.tr("Saved"), lambda v: v.created_at.astimezone().strftime("%Y-%m-%d %H:%M")),
                Column(self.tr("By"), lambda v: v.created_by or "–"),
                Column(self.tr("Words"), lambda v: str(v.entries), lambda v: v.entries, align_right=True),
                Column(self.tr("Rounds"), lambda v: str(v.rounds), lambda v: v.rounds, align_right=True),
                Column(self.tr("Note"), lambda v: self.tr("Built in") if v.builtin else v.note),
            ],
            self,
        )
        self.history = record_table_view(self.history_model, self.tr("Versions"), self)
        self.history.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.horizontalHeader().setStretchLastSection(True)
        self._arrange()
        self.reload()

    def _arrange(self) -> None:
        intro = QLabel(
            self.tr(
                "The words the text aid counts in a description. A word matches in the forms listed; a form ending "
                "in * matches every word that begins with it. Saving makes a new version: rounds keep the version "
                "they were created with, so their counts stay comparable."
            ),
            self,
        )
        intro.setWordWrap(True)
        edit_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button, self.export_button):
            edit_buttons.addWidget(button)
        edit_buttons.addStretch()
        words = QWidget(self)
        words_layout = QVBoxLayout(words)
        words_layout.setContentsMargins(0, 0, 0, 0)
        words_layout.addWidget(self.search)
        words_layout.addWidget(self.table)
        words_layout.addLayout(edit_buttons)
        history = QWidget(self)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(QLabel(self.tr("Versions"), self))
        history_layout.addWidget(self.history)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(words)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 510])
        save_row = QHBoxLayout()
        save_row.addWidget(self.note, 1)
        save_row.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addLayout(save_row)
        layout.addWidget(self.message)
        layout.addWidget(close)

    def reload(self) -> None:
        """The newest version into the table, and the history."""
        with self._db.session() as session:
            lexicon = current_lexicon(session)
            versions = list_versions(session)
        self._saved_entries = lexicon.entries
        self.model.set_entries(lexicon.entries)
        self.history_model.set_records(versions)
        self._show_heading(lexicon)

    def _show_heading(self, lexicon: Lexicon) -> None:
        self.heading.setText(
            self.tr("Version %1, %2 words. New rounds count with this version.")
            .replace("%1", str(lexicon.version))
            .replace("%2", str(len(lexicon.entries)))
        )

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    # Editing

    def add_word(self) -> None:
        self.search.clear()
        number = self.model.add_row(WordGroup.EMOTION)
        index = self.proxy.mapFromSource(self.model.index(number, LEMMA))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()
        self.table.edit(index)

    def remove_selected(self) -> None:
        numbers = [self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()]
        if not numbers:
            current = self.table.currentIndex()
            numbers = [self.proxy.mapToSource(current).row()] if current.isValid() else []
        self.model.remove_rows(numbers)

    def _refuse(self, error: ReviewerError) -> None:
        self._say(error.text(self._language), error=True)
        if isinstance(error, RowError):
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(error.row, LEMMA))
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def unsaved(self) -> bool:
        try:
            return self.model.entries() != self._saved_entries
        except LexiconError:
            return True

    def save(self) -> None:
        try:
            entries = self.model.entries()
            with self._db.session() as session:
                version = save_lexicon(session, entries, self._actor(), self.note.text())
        except ReviewerError as error:
            self._refuse(error)
            return
        self.note.clear()
        self.reload()
        self._say(self.tr("Saved as version %1. New rounds count with it.").replace("%1", str(version)))

    # Files

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import lexicon"),
            "",
            self.tr("Lexicon files (*.xlsx *.csv *.yaml *.yml);;All files (*)"),
        )
        if not path:
            return
        try:
            entries = read_lexicon_file(Path(path))
        except ReviewerError as error:
            self._say(error.text(self._language), error=True)
            return
        self.model.set_entries(entries)
        self._say(
            self.tr("Read %1 words from %2. Check them and save them as a new version to use them.")
            .replace("%1", str(len(entries)))
            .replace("%2", Path(path).name)
        )

    def export_file(self) -> None:
        try:
            entries = self.model.entries()
        except ReviewerError as error:
            self._refuse(error)
            return
        filters = [self.tr("Excel workbook (*.xlsx)"), self.tr("CSV file (*.csv)"), self.tr("YAML file (*.yaml)")]
        path, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("Export lexicon"), "ordlista.xlsx", ";;".join(filters)
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (*FILE_SUFFIXES, ".yml"):
            suffix = FILE_SUFFIXES[filters.index(chosen_filter)] if chosen_filter in filters else ".xlsx"
            target = target.with_name(target.name + suffix)
        try:
            write_lexicon_file(Lexicon(0, entries), target)
        except (ReviewerError, OSError) as error:
            text = error.text(self._language) if isinstance(error, ReviewerError) else str(error)
            self._say(text, error=True)
            return
        self._say(self.tr("Exported %1 words to %2.").replace("%1", str(len(entries))).replace("%2", str(target)))

    def reject(self) -> None:
        if self.unsaved():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("The list has changes that are not saved. Close and discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
