"""The sample size in the new-round dialog: it follows the checklist, the difference and the files there are."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.services.settings import Settings
from reviewer.ui.main_window import MainWindow
from tests.ui.helpers import activate, press, when_modal


def test_the_new_round_dialog_plans_the_sample(qtbot, app, swedish, screenshot):
    window = MainWindow(app, Settings(reviewer="AB"))
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    seen: dict[str, str] = {}

    def look(dialog):
        panel = dialog.plan
        dialog.checklist.setCurrentIndex(dialog.checklist.findText("Missbruk", Qt.MatchFlag.MatchStartsWith))
        seen["default"] = panel.result.text()
        panel.women.setValue(30)
        seen["women only"] = panel.result.text()
        panel.men.setValue(25)
        seen["available"] = panel.result.text()
        panel.difference.setValue(30)
        seen["thirty"] = panel.result.text()
        QApplication.processEvents()
        hint = panel.result.sizeHint()
        seen["fits"] = str(panel.result.height() >= hint.height() and panel.result.width() >= hint.width())
        screenshot(dialog, "ny-omgang-urval")
        dialog.reject()

    when_modal(qtbot, look)
    press(window.reviews.rounds_page.table.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "50 % mot 70 %" in seen["default"]
    assert "93 akter för en fråga som prövas för sig" in seen["default"]
    assert "196 akter för vilken som helst av checklistans 40 jämförda frågor" in seen["default"]
    assert "kan upptäcka" not in seen["women only"], "one sex's files alone plan nothing"
    assert "34,4 procentenheter för en fråga för sig" in seen["available"]
    assert "44,6 procentenheter för vilken fråga som helst" in seen["available"]
    assert "50 % mot 80 %" in seen["thirty"] and "38 akter för en fråga" in seen["thirty"]
    assert seen["fits"] == "True"
