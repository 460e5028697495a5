"""Hjälp → Om: the version and data folder, the program's licence (EUPL-1.2) and the third-party notices.

The licence texts are shown as they are, in English: the EUPL's English text and the FSF's GNU texts are the ones the
notices refer to. The texts come from the package (legal/), so a build that lost them fails when the dialog opens.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer import __version__
from reviewer.domain.text import Language


@dataclass(frozen=True)
class Component:
    name: str
    licence: str
    url: str
    note: str


def legal_text(name: str) -> str:
    """A file of the package's legal/ folder: LICENSE, LGPL-3.0.txt, GPL-3.0.txt or third_party.json."""
    path = resources.files("reviewer.ui") / "legal" / name
    if not path.is_file():
        raise RuntimeError(f"licence file missing: {path} (run 'make translations')")
    return path.read_text(encoding="utf-8")


def third_party_components(language: Language) -> list[Component]:
    data = json.loads(legal_text("third_party.json"))
    return [
        Component(item["name"], item["licence"], item["url"], item.get("note", {}).get(language, ""))
        for item in data["components"]
    ]


class AboutDialog(QDialog):
    def __init__(self, language: Language, data_dir: Path | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About"))
        self.resize(760, 560)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._about_page(data_dir), self.tr("&About"))
        self.tabs.addTab(self._text_page(legal_text("LICENSE")), self.tr("&Licence (EUPL-1.2)"))
        self.tabs.addTab(self._third_party_page(language), self.tr("&Third-party software"))
        self.tabs.addTab(self._text_page(legal_text("LGPL-3.0.txt")), "GNU LGPL 3.0")
        self.tabs.addTab(self._text_page(legal_text("GPL-3.0.txt")), "GNU GPL 3.0")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _about_page(self, data_dir: Path | None) -> QWidget:
        paragraphs = [
            f"<h2>{html.escape(self.tr('Gender equality review'))}</h2>",
            html.escape(self.tr("Gender equality review of case files, version %1.").replace("%1", __version__)),
            html.escape(self.tr("Data folder: %1").replace("%1", str(data_dir) if data_dir else "–")),
            html.escape(
                self.tr(
                    "Free software under the European Union Public Licence, version 1.2 (EUPL-1.2): you may use, "
                    "study, share and change it. Changed versions that you distribute must be under the EUPL too, "
                    "or under a compatible licence listed in it. It comes without any warranty."
                )
            ),
            html.escape(
                self.tr(
                    "It is built on free software by others; the tab Third-party software lists them with their "
                    "licences."
                )
            ),
        ]
        label = QLabel("".join(f"<p>{p}</p>" if not p.startswith("<h2>") else p for p in paragraphs), self)
        label.setWordWrap(True)
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(label)
        layout.addStretch()
        return page

    def _text_page(self, text: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setReadOnly(True)
        view.setPlainText(text)
        return view

    def _third_party_page(self, language: Language) -> QTextBrowser:
        rows = "".join(
            "<tr>"
            f"<td><a href='{html.escape(c.url, quote=True)}'>{html.escape(c.name)}</a></td>"
            f"<td>{html.escape(c.licence)}</td>"
            f"<td>{html.escape(c.note)}</td>"
            "</tr>"
            for c in third_party_components(language)
        )
        intro = html.escape(
            self.tr(
                "The program uses these components, each under its own licence. Qt and PySide6 are used under the "
                "GNU LGPL 3.0; its text, and the GNU GPL 3.0 it builds on, are in the next tabs."
            )
        )
        columns = ((self.tr("Component"), 25), (self.tr("Licence"), 25), (self.tr("Note"), 50))
        header = "".join(f"<th align='left' width='{width}%'>{html.escape(text)}</th>" for text, width in columns)
        view = QTextBrowser(self)
        view.setOpenExternalLinks(True)
        table = f"<table width='100%' cellspacing='0' cellpadding='4'><tr>{header}</tr>{rows}</table>"
        view.setHtml(f"<p>{intro}</p>{table}")
        return view
