"""Importing caseworkers' exchange files: read and check every file, show what would change, settle conflicts, import.

Reading, planning and importing run on a worker. Nothing is written before the Import button, and then everything is
written in one transaction. A review that differs between the file and the database is never overwritten silently:
the user chooses for each conflict to keep the existing review, take the incoming one, or keep both.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.text import Language, ReviewerError
from reviewer.services.exchange import (
    FILE_SUFFIX,
    Conflict,
    ExchangeFile,
    ImportPlan,
    ImportSummary,
    PassphraseRequiredError,
    Resolution,
    WrongPassphraseError,
    apply_import,
    plan_import,
    read_exchange,
)
from reviewer.storage.database import Database
from reviewer.ui import worker
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.style import ERROR_STYLE
from reviewer.ui.table_model import Column, RecordTableModel
from reviewer.ui.text_dialog import TextDialog


class ExchangeImportDialog(QDialog):
    """`add_files`, `check` and `start_import` are what the buttons do; tests call them directly.

    `checked` follows every check (the plan is in `plan`), `imported(summary)` a successful import.
    """

    checked = Signal()
    imported = Signal(object)

    def __init__(self, db: Database, language: Language, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import exchange files"))
        self._db = db
        self._language = language
        self._actor = actor
        self._job: worker.Job | None = None
        self._paths: list[Path] = []
        self._passphrases: list[str] = []
        self.files: list[ExchangeFile] = []
        self.plan: ImportPlan | None = None
        self.resolutions: dict[str, Resolution] = {}
        self.last_summary: ImportSummary | None = None

        intro = QLabel(
            self.tr(
                "Choose the exchange files your caseworkers sent. Every file is read and checked first; nothing "
                "is saved until you choose Import, and then all of it or nothing. Importing the same file twice "
                "changes nothing."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.files_model = QStringListModel(self)
        self.files_view = QListView(self)
        self.files_view.setModel(self.files_model)
        self.files_view.setAccessibleName(self.tr("Files"))
        self.files_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files_view.setMaximumHeight(110)
        self.choose_button = QPushButton(self.tr("C&hoose files…"), self)
        self.choose_button.clicked.connect(self.choose_files)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files_view, 1)
        files_row.addWidget(self.choose_button)

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.lines_model = QStringListModel(self)
        self.lines = QListView(self)
        self.lines.setModel(self.lines_model)
        self.lines.setAccessibleName(self.tr("What the import does"))
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setWordWrap(True)

        self.conflicts_label = QLabel(self)
        self.conflicts_label.setWordWrap(True)
        columns: list[Column[Conflict]] = [
            Column(self.tr("Round"), lambda c: c.round_name),
            Column(self.tr("Case"), lambda c: c.case_code),
            Column(self.tr("Reviewer"), lambda c: c.reviewer),
            Column(self.tr("Existing"), lambda c: self._side(c, existing=True)),
            Column(self.tr("Incoming"), lambda c: self._side(c, existing=False)),
            Column(self.tr("Answers differing"), lambda c: str(c.differing_answers), align_right=True),
            Column(self.tr("Choice"), self._choice_text),
        ]
        self.conflicts_model: RecordTableModel[Conflict] = RecordTableModel(columns, self)
        self.conflicts = record_table_view(self.conflicts_model, self.tr("Conflicts"), self)
        self.conflicts.setSortingEnabled(False)
        self.conflicts.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.conflicts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.keep_button = QPushButton(self.tr("&Keep existing"), self)
        self.take_button = QPushButton(self.tr("&Take incoming"), self)
        self.both_button = QPushButton(self.tr("Keep &both"), self)
        self.keep_button.clicked.connect(lambda: self.resolve_selected(Resolution.KEEP))
        self.take_button.clicked.connect(lambda: self.resolve_selected(Resolution.TAKE))
        self.both_button.clicked.connect(lambda: self.resolve_selected(Resolution.BOTH))
        for button in (self.keep_button, self.take_button, self.both_button):
            button.setToolTip(self.tr("For the selected conflicts, or for all when none is selected"))
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.keep_button)
        resolve_row.addWidget(self.take_button)
        resolve_row.addWidget(self.both_button)
        resolve_row.addStretch()
        self.conflicts_box = QWidget(self)
        conflicts_layout = QVBoxLayout(self.conflicts_box)
        conflicts_layout.setContentsMargins(0, 0, 0, 0)
        conflicts_layout.addWidget(self.conflicts_label)
        conflicts_layout.addWidget(self.conflicts, 1)
        conflicts_layout.addLayout(resolve_row)
        self.conflicts_box.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(files_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.conflicts_box, 2)
        layout.addWidget(self.buttons)
        self.resize(900, 640)

    # -- presenting ------------------------------------------------------------------------------------------

    def _side(self, conflict: Conflict, existing: bool) -> str:
        side = conflict.existing if existing else conflict.incoming
        when = side.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        status = {
            "complete": self.tr("complete"),
            "in_progress": self.tr("in progress"),
            "not_started": self.tr("not started"),
        }.get(side.status.value, side.status.value)
        return (
            self.tr("%1, revision %2, %3").replace("%1", status).replace("%2", str(side.revision)).replace("%3", when)
        )

    def _choice_text(self, conflict: Conflict) -> str:
        choice = self.resolutions.get(conflict.key)
        return {
            None: self.tr("– choose –"),
            Resolution.KEEP: self.tr("keep existing"),
            Resolution.TAKE: self.tr("take incoming"),
            Resolution.BOTH: self.tr("keep both"),
        }[choice]

    def _show_error(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    def _show_info(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _update_import_button(self) -> None:
        ready = (
            self._job is None
            and self.plan is not None
            and bool(self.files)
            and all(c.key in self.resolutions for c in self.plan.conflicts)
        )
        self.import_button.setEnabled(ready)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        for widget in (self.choose_button, self.keep_button, self.take_button, self.both_button):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)
        self._update_import_button()

    # -- choosing files and passphrases ----------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose exchange files"),
            "",
            self.tr("Exchange files (*%1);;All files (*)").replace("%1", FILE_SUFFIX),
        )
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self._paths:
                self._paths.append(path)
        self.files_model.setStringList([p.name for p in self._paths])
        self.check()

    def ask_passphrase(self, file_name: str, wrong: bool) -> str | None:
        """The passphrase for one file, or None to leave that file out. Tests replace this method."""
        prompt = (
            self.tr("The passphrase did not open %1. Try again:") if wrong else self.tr("%1 is encrypted. Passphrase:")
        ).replace("%1", file_name)
        given: list[str] = []
        dialog = TextDialog(
            self.tr("Passphrase"),
            self.tr("&Passphrase"),
            self._language,
            given.append,
            password=True,
            prompt=prompt,
            parent=self,
        )
        return given[0] if dialog.exec() and given else None

    # -- checking --------------------------------------------------------------------------------------------

    def check(self) -> None:
        """Read every file (trying the passphrases given so far), then plan the import; `checked` follows."""
        if self._job is not None or not self._paths:
            return
        paths, passphrases, db = list(self._paths), list(self._passphrases), self._db

        def work(report):
            outcomes: list[tuple[Path, ExchangeFile | ReviewerError]] = []
            for done, path in enumerate(paths):
                report(done, len(paths) + 1)
                outcomes.append((path, _read(path, passphrases)))
            report(len(paths), len(paths) + 1)
            files = [o for _p, o in outcomes if isinstance(o, ExchangeFile)]
            plan: ImportPlan | ReviewerError | None = None
            if files:
                with db.session() as session:
                    try:
                        plan = plan_import(session, files)
                    except ReviewerError as error:
                        plan = error
            return outcomes, plan

        self._run(work, self._on_checked)

    def _on_checked(self, outcome) -> None:
        self._job = None
        outcomes, plan = outcome
        locked = [(p, o) for p, o in outcomes if isinstance(o, PassphraseRequiredError | WrongPassphraseError)]
        if locked:
            path, error = locked[0]
            passphrase = self.ask_passphrase(path.name, isinstance(error, WrongPassphraseError))
            if passphrase is None:
                self._paths.remove(path)
                self.files_model.setStringList([p.name for p in self._paths])
            else:
                self._passphrases.append(passphrase)
            self._set_busy(False)
            if self._paths:
                self.check()
            else:
                self._show_error(self.tr("No file left to import."))
                self.checked.emit()
            return
        self.files = [o for _p, o in outcomes if isinstance(o, ExchangeFile)]
        refused = [f"{p.name}: {o.message.text(self._language)}" for p, o in outcomes if isinstance(o, ReviewerError)]
        self.resolutions = {}
        if isinstance(plan, ReviewerError):
            self.plan = None
            self.files = []
            self._show_error(plan.message.text(self._language))
            self.lines_model.setStringList(refused)
        elif plan is None:
            self.plan = None
            self._show_error(self.tr("None of the files can be imported."))
            self.lines_model.setStringList(refused)
        else:
            self.plan = plan
            self._show_plan(refused)
        self._set_busy(False)
        self.checked.emit()

    def _show_plan(self, refused: list[str]) -> None:
        assert self.plan is not None
        summary = self.plan.summary(self.resolutions)
        lines = [*refused, *summary.lines(self._language)]
        self.lines_model.setStringList(lines)
        text = self.tr("Ready to import: %1. Nothing has been saved yet.").replace("%1", summary.text(self._language))
        if refused:
            text = self.tr("%n file(s) cannot be imported (see below); the others can.", "", len(refused)) + " " + text
        self._show_info(text)
        conflicts = self.plan.conflicts
        self.conflicts_model.set_records(conflicts)
        self.conflicts_box.setVisible(bool(conflicts))
        self.conflicts_label.setText(
            self.tr(
                "%n review(s) differ between a file and this database. Choose for each which to keep; "
                "“keep both” stores the incoming review beside the existing one under the reviewer's name "
                "with “(2)”.",
                "",
                len(conflicts),
            )
        )

    def resolve_selected(self, resolution: Resolution) -> None:
        if self.plan is None:
            return
        rows = sorted({index.row() for index in self.conflicts.selectionModel().selectedRows()})
        targets = [self.conflicts_model.record(r) for r in rows] or self.plan.conflicts
        for conflict in targets:
            self.resolutions[conflict.key] = resolution
        self.conflicts_model.set_records(self.plan.conflicts)
        for row in rows:
            self.conflicts.selectRow(row)
        self.lines_model.setStringList(self.plan.summary(self.resolutions).lines(self._language))
        self._update_import_button()

    # -- importing -------------------------------------------------------------------------------------------

    def start_import(self) -> None:
        if self._job is not None or self.plan is None:
            return
        plan, resolutions, actor, db = self.plan, dict(self.resolutions), self._actor, self._db

        def work(report):
            with db.session() as session:
                return apply_import(session, plan, resolutions, actor, report)

        self._run(work, self._on_imported)

    def _on_imported(self, summary: ImportSummary) -> None:
        self._job = None
        self.last_summary = summary
        self.plan = None
        self.files = []
        self._paths = []
        self.files_model.setStringList([])
        self.conflicts_box.hide()
        self._show_info(self.tr("Imported: %1.").replace("%1", summary.text(self._language)))
        self.lines_model.setStringList(summary.lines(self._language))
        self._set_busy(False)
        self.imported.emit(summary)

    def _run(self, work, done) -> None:
        self._job = worker.Job(work)
        self._job.signals.progress.connect(self._on_progress)
        self._job.signals.finished.connect(done)
        self._job.signals.failed.connect(self._on_failed)
        self._set_busy(True)
        self._show_info(self.tr("Working…"))
        worker.start(self._job)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_failed(self, message: str) -> None:
        self._job = None
        self.plan = None
        self._set_busy(False)
        self._show_error(
            (message or self.tr("The import failed. The log file has the details."))
            + " "
            + self.tr("Nothing was saved.")
        )
        self.checked.emit()

    # -- closing ---------------------------------------------------------------------------------------------

    def reject(self) -> None:
        if self._job is None:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._job is not None:
            event.ignore()
            return
        super().closeEvent(event)


def _read(path: Path, passphrases: list[str]) -> ExchangeFile | ReviewerError:
    """The file read with the first passphrase that opens it (or none, for a plain file), or why it was refused."""
    try:
        return read_exchange(path, None)
    except PassphraseRequiredError as error:
        last: ReviewerError = error
    except ReviewerError as error:
        return error
    for passphrase in reversed(passphrases):
        try:
            return read_exchange(path, passphrase)
        except ReviewerError as error:
            last = error
            if not isinstance(error, WrongPassphraseError):
                return error
    return last
