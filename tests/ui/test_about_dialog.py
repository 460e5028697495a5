"""Hjälp → Om: the licence, the third-party notices and the GNU texts they refer to, in the real dialog."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QTextBrowser

from reviewer.ui.about_dialog import AboutDialog
from reviewer.ui.main_window import MainWindow


def menu_action(window, menu_text, action_text):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_text)
    return next(a for a in menu.actions() if a.text() == action_text)


def test_help_about_shows_the_eupl_and_the_third_party_notices(qtbot, app, swedish, screenshot):
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    seen = {}

    def inspect():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen["title"] = dialog.windowTitle()
        seen["tabs"] = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        screenshot(dialog, "om-programmet")
        seen["licence"] = dialog.tabs.widget(1).toPlainText()
        dialog.tabs.setCurrentIndex(2)
        screenshot(dialog, "om-programmet-tredjepart")
        seen["third_party"] = dialog.tabs.widget(2).toPlainText()
        seen["lgpl"] = dialog.tabs.widget(3).toPlainText()
        seen["gpl"] = dialog.tabs.widget(4).toPlainText()
        dialog.reject()

    QTimer.singleShot(0, inspect)
    menu_action(window, "&Hjälp", "&Om programmet").trigger()
    assert seen["title"] == "Om programmet"
    assert seen["tabs"] == [
        "&Om programmet",
        "&Licens (EUPL-1.2)",
        "&Tredjepartsprogram",
        "GNU LGPL 3.0",
        "GNU GPL 3.0",
    ]
    assert seen["licence"].lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert "PySide6-Essentials\nLGPL-3.0-only" in seen["third_party"]
    assert "används under GNU LGPL 3.0" in seen["third_party"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in seen["lgpl"]
    assert "GNU GENERAL PUBLIC LICENSE" in seen["gpl"]


def test_the_about_page_names_the_version_the_data_folder_and_the_licence(qtbot, app, swedish):
    dialog = AboutDialog("sv", app.paths.data_dir)
    qtbot.addWidget(dialog)
    page = dialog.tabs.widget(0).findChild(QLabel).text()
    assert "Jämställdhetsgranskning av akter, version" in page
    assert f"Datamapp: {app.paths.data_dir}" in page
    assert "EUPL-1.2" in page
    assert isinstance(dialog.tabs.widget(1), QPlainTextEdit)
    assert isinstance(dialog.tabs.widget(2), QTextBrowser)
