from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reviewer.ui.i18n import install_translator

SCREENSHOTS = Path(__file__).parents[2] / "test-screenshots"


@pytest.fixture
def swedish(qapp):
    install_translator(qapp, "sv")
    yield qapp
    install_translator(qapp, "en")


@pytest.fixture
def screenshot():
    """Saves a widget's picture for a person to look at; the folder is not committed."""

    def save(widget, name: str) -> Path:
        QApplication.processEvents()
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        assert widget.grab().save(str(path))
        return path

    return save
