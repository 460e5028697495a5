"""Every UI string is in the Swedish translation, and every translation is finished."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

ROOT = Path(__file__).parents[2]
TS = ROOT / "resources/translations/reviewer_sv.ts"


def sources(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in tree.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") not in {"obsolete", "vanished"}
    }


def test_every_translation_is_finished():
    tree = ET.parse(TS)

    def translated(message) -> bool:
        translation = message.find("translation")
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        return translation.get("type") != "unfinished" and all((f or "").strip() for f in forms)

    unfinished = [m.findtext("source") for m in tree.iter("message") if not translated(m)]
    assert unfinished == []


def test_ts_file_holds_every_string_in_the_code(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.fail("pyside6-lupdate is missing; it comes with PySide6-Essentials")
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "src/reviewer/ui").rglob("*.py"))
    subprocess.run([str(lupdate), *files, "-ts", str(fresh)], check=True, capture_output=True)
    missing = sources(fresh) - sources(TS)
    assert not missing, f"run 'make update-translations' and translate: {sorted(missing)}"


def test_qt_standard_buttons_are_swedish_too(qapp, swedish):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"


def english_only_sources() -> tuple[set[str], set[str]]:
    """Source strings whose Swedish differs: whole strings, and the fixed beginnings of those with a %1."""
    tree = ET.parse(TS)
    whole, beginnings = set(), set()
    for message in tree.iter("message"):
        translation = message.find("translation")
        forms = [(f.text or "").replace("&", "") for f in translation.iter("numerusform")]
        forms = forms or [(translation.text or "").replace("&", "")]
        source = (message.findtext("source") or "").replace("&", "")
        if source in forms:
            continue
        if "%" in source:
            beginning = source.split("%")[0].strip()
            if len(beginning) > 3:
                beginnings.add(beginning)
        else:
            whole.add(source)
    return whole, beginnings


def visible_texts(widget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QTabWidget, QWidget

    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        if isinstance(child, QGroupBox):
            texts.append(child.title())
        if isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        if isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
        texts.append(child.accessibleName())
        texts.append(child.toolTip())
    return [t.replace("&", "") for t in texts if t]


def test_swedish_screens_show_no_english_source_text(qtbot, app, swedish):
    import json

    from reviewer.checklists.loader import parse_checklist
    from reviewer.services.checklists import add_definition
    from reviewer.services.settings import Settings
    from reviewer.ui.main_window import MainWindow
    from tests.ui.helpers import ALL_TYPES, when_modal

    with app.db.session() as session:
        add_definition(session, parse_checklist(json.dumps(ALL_TYPES), "alla_typer.json"))
    window = MainWindow(app, Settings(reviewer="AB"))
    qtbot.addWidget(window)
    window.show()
    whole, beginnings = english_only_sources()
    seen = []
    seen += visible_texts(window)

    def fill_round(dialog):
        seen.extend(visible_texts(dialog))
        dialog.name.setText("Omgång")
        dialog.period.setText("2026")
        dialog.checklist.setCurrentIndex(dialog.checklist.findText("Alla frågetyper", Qt.MatchFlag.MatchStartsWith))
        dialog.accept()

    when_modal(qtbot, fill_round)
    window.reviews.rounds_page.new_round()
    window.reviews.open_round(window.reviews.rounds_page.model.record(0).uuid)
    seen += visible_texts(window)

    def fill_case(dialog):
        seen.extend(visible_texts(dialog))
        dialog.code.setText("K-1")
        dialog.sex.setCurrentIndex(0)
        dialog.age_band.setCurrentIndex(0)
        dialog.accept()

    when_modal(qtbot, fill_case)
    window.reviews.cases_page.add_case()
    window.reviews.cases_page.view.selectRow(0)
    window.reviews.cases_page.review_selected()
    seen += visible_texts(window)

    from reviewer.ui.exchange_export_dialog import ExchangeExportDialog
    from reviewer.ui.exchange_import_dialog import ExchangeImportDialog

    with qtbot.waitSignal(window.dashboard.computed, timeout=60_000):
        window.tabs.setCurrentWidget(window.dashboard_tab)
    qtbot.waitUntil(lambda: not window.dashboard.is_busy(), timeout=60_000)
    seen += visible_texts(window)
    with qtbot.waitSignal(window.export_page.previewed, timeout=60_000):
        window.tabs.setCurrentWidget(window.export_tab)
    qtbot.waitUntil(lambda: not window.export_page.is_busy(), timeout=60_000)
    seen += visible_texts(window)

    from reviewer.services.checklists import new_draft

    with app.db.session() as session:
        slug, version = new_draft(session, ("alla_typer", 1))
    window.tabs.setCurrentWidget(window.checklists_page)
    window.checklists_page.refresh()
    seen += visible_texts(window)
    window.checklists_page.open_editor(slug, version)
    seen += visible_texts(window)
    window.checklists_page.close_editor()
    for dialog in (ExchangeExportDialog(app.db, "sv", "AB", window), ExchangeImportDialog(app.db, "sv", "AB", window)):
        seen += visible_texts(dialog)
        dialog.deleteLater()

    def starts_with_words(text: str, beginning: str) -> bool:
        """ "Import %1" gives away "Import Missbruk", not the Swedish word "Importera"."""
        return text.startswith(beginning) and (len(text) == len(beginning) or not text[len(beginning)].isalpha())

    leaks = sorted({t for t in seen if t in whole or any(starts_with_words(t, b) for b in beginnings)})
    assert leaks == []


TS_EN = ROOT / "resources/translations/reviewer_en.ts"


def test_the_english_plurals_are_finished_and_cover_every_counted_message():
    tree = ET.parse(TS_EN)
    forms = {
        message.findtext("source"): [f.text or "" for f in message.find("translation").iter("numerusform")]
        for message in tree.iter("message")
    }
    counted = {source for _context, source in sources(TS) if "%n" in source}
    assert counted <= set(forms), "run 'make update-translations' and fill in the English plurals"
    for source, (one, many) in forms.items():
        assert "(s)" not in one + many and one.strip() and many.strip(), source


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("sv", "1 ärende med färdig granskning.", "2 ärenden med färdiga granskningar."),
        ("en", "1 case with a completed review.", "2 cases with completed reviews."),
    ],
)
def test_counts_take_the_right_plural_in_both_languages(qapp, language, one, two):
    from PySide6.QtCore import QCoreApplication

    from reviewer.ui.i18n import install_translator

    install_translator(qapp, language)
    try:
        text = "%n case(s) with completed reviews."
        assert QCoreApplication.translate("DashboardPage", text, "", 1) == one
        assert QCoreApplication.translate("DashboardPage", text, "", 2) == two
    finally:
        install_translator(qapp, "en")
