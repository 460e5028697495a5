"""Help inside the program: one short page per area, in the user's language, shipped in the package (a wheel and the
one-folder build carry `reviewer/ui/help/*.md`), so it works offline and matches the installed version."""

from __future__ import annotations

from importlib import resources

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reviewer.domain.text import Language
from reviewer.ui.help_topics import Topic


def help_text(topic: Topic, language: Language) -> str:
    """The page as Markdown: Swedish, or English under an English locale."""
    return (resources.files("reviewer.ui") / "help" / f"{topic.value}.{language}.md").read_text("utf-8")


class HelpDialog(QDialog):
    def __init__(self, topic: Topic, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic = topic
        text = help_text(topic, language)
        self.setWindowTitle(self.tr("Help – %1").replace("%1", text.splitlines()[0].lstrip("# ")))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(text)
        self.browser.setAccessibleName(self.tr("Help text"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self.browser.setFocus()
