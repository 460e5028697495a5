"""One line of text asked for (a round's new name, a passphrase), with the form dialogs' keyboard behaviour."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from reviewer.domain.text import Language, ReviewerError
from reviewer.ui.form_dialog import FormDialog


class TextDialog(FormDialog):
    """`submit(text)` does the work; a refusal keeps the dialog open with its message, the text still there."""

    def __init__(
        self,
        title: str,
        label: str,
        language: Language,
        submit: Callable[[str], None],
        text: str = "",
        password: bool = False,
        prompt: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        if prompt:
            explained = QLabel(prompt, self)
            explained.setWordWrap(True)
            self.body.insertWidget(0, explained)
        self._submit = submit
        self._language = language
        self.text = QLineEdit(text, self)
        self.text.setAccessibleName(label.replace("&", "").rstrip(":"))
        if password:
            self.text.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row(label, self.text, required=True)

    def commit(self) -> str | None:
        try:
            self._submit(self.text.text())
        except ReviewerError as error:
            return error.text(self._language)
        return None
