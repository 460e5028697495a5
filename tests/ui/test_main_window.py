from PySide6.QtCore import Qt

from reviewer.ui.main_window import MainWindow


def column_texts(table, column):
    proxy = table.proxy
    return [proxy.index(row, column).data(Qt.ItemDataRole.DisplayRole) for row in range(proxy.rowCount())]


def test_main_window_is_swedish_and_lists_the_three_checklists(qtbot, app, swedish, screenshot):
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "Jämställdhetsgranskning"
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["&Granskningar", "&Checklistor", "&Utbildning", "S&ammanställning", "E&xport och rapport"]
    window.tabs.setCurrentWidget(window.checklists_page)
    table = window.checklists_page.table
    assert table.model.headerData(0, Qt.Orientation.Horizontal) == "Titel"
    areas = sorted(column_texts(table, 1))
    assert areas == ["Barnomsorg", "Färdtjänst", "Missbruk"]
    assert set(column_texts(table, 3)) == {"Publicerad"}
    screenshot(window, "checklistor")


def test_search_filters_the_checklist_table(qtbot, app, swedish):
    window = MainWindow(app)
    qtbot.addWidget(window)
    table = window.checklists_page.table
    table.search.setText("missbruk")
    assert column_texts(table, 1) == ["Missbruk"]
    table.search.clear()
    assert table.proxy.rowCount() == 3


def test_first_start_offers_demo_data_which_fills_the_rounds(qtbot, app, swedish, screenshot):
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.reviews.rounds_page
    assert page.empty_state.isVisible()
    assert page.demo_button.text() == "Prova med exempeldata"
    assert page.model.rowCount() == 0
    screenshot(window, "forsta-start")
    with qtbot.waitSignal(page.data_changed, timeout=60_000):
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    assert not page.empty_state.isVisible()
    names = column_texts(page.table, 0)
    assert len(names) == 3
    assert all("(fiktiv)" in name for name in names)
    assert set(column_texts(page.table, 8)) == {"Ja"}
    assert set(column_texts(page.table, 6)) == {"60"}
    checklist_rounds = column_texts(window.checklists_page.table, 5)
    assert sorted(checklist_rounds) == ["1", "1", "1"]
    screenshot(window, "granskningar-exempeldata")


def test_english_locale_gives_english_window(qtbot, app, qapp):
    from reviewer.ui.i18n import install_translator

    install_translator(qapp, "en")
    window = MainWindow(app)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Gender equality review"
    assert window.reviews.rounds_page.demo_button.text() == "Try with demo data"
