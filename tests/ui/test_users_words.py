"""A walk through every area and dialog in Swedish, reading what a user reads – labels, buttons, menus, tabs, list
and table cells, headers, choices, tooltips – and failing on a slug, a raw key or an English word."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QMenu, QWidget

from reviewer.services.checklists import draft_data, new_draft, save_draft_data
from reviewer.services.demo import create_demo_data
from reviewer.services.rounds import create_round, list_rounds
from reviewer.services.settings import Settings
from tests.ui.test_translations import visible_texts
from tests.users_words import leaks

MAX_ROWS = 60


def count(method) -> int:
    """List models hide columnCount() and tables take no parent: ask both ways, a list has one column."""
    for args in ((), (QModelIndex(),)):
        try:
            return int(method(*args))
        except TypeError:
            continue
    return 1


def model_texts(widget: QWidget) -> list[str]:
    """Headers and cells of every list and table, the items of every combo box, and every menu's actions."""
    texts: list[str] = []
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        columns, rows = count(model.columnCount), count(model.rowCount)
        for column in range(columns):
            texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
            texts.append(str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or ""))
        for row in range(min(rows, MAX_ROWS)):
            for column in range(columns):
                index = model.index(row, column)
                texts.append(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
                texts.append(str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
    for combo in widget.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for menu in widget.findChildren(QMenu):
        texts += [action.text().replace("&", "") for action in menu.actions()]
    return [t for t in texts if t]


def everything(widget: QWidget) -> list[str]:
    return visible_texts(widget) + model_texts(widget)


def test_every_swedish_screen_speaks_the_users_words(qtbot, app, swedish, monkeypatch):
    from reviewer.ui.audit_export_dialog import AuditExportDialog
    from reviewer.ui.audit_log_dialog import AuditLogDialog
    from reviewer.ui.case_dialog import CaseDialog
    from reviewer.ui.checklist_editor import publish_dialog
    from reviewer.ui.exchange_export_dialog import ExchangeExportDialog
    from reviewer.ui.exchange_import_dialog import ExchangeImportDialog
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.round_dialog import RoundDialog
    from reviewer.ui.sample_dialog import SampleDialog
    from reviewer.ui.settings_dialog import SettingsDialog
    from tests.ui.test_form_dialogs import planner

    with app.db.session() as session:
        create_demo_data(session, 30, 7)
        demo = {r.checklist_slug: r for r in list_rounds(session)}
        from reviewer.services.checklists import definition_of, get_version, list_checklists

        create_round(
            session, "Missbruk 2027", get_version(session, "missbruk"), "2027", baseline_uuid=demo["missbruk"].uuid
        )
        slug, version = new_draft(session, ("missbruk", 3))
        data = draft_data(session, slug, version)
        data["sections"][0]["questions"][0]["help"] = {"sv": "Ny vägledning"}
        save_draft_data(session, slug, version, data)
        checklists, rounds = list_checklists(session), list_rounds(session)
        definition = definition_of(get_version(session, "missbruk"))
    window = MainWindow(app, Settings(reviewer="AB", language="sv"))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    seen: list[str] = []

    # Granskningar: the rounds, a round's cases, a review
    window.reviews.show_rounds()
    seen += everything(window)
    model = window.reviews.rounds_page.model
    checklist = {model.data(model.index(row, 2)) for row in range(model.rowCount())}
    assert "Missbruk och beroende (SoL/LVM) – jämställdhetsgranskning (v3)" in checklist
    window.reviews.open_round(demo["missbruk"].uuid)
    seen += everything(window)
    window.reviews.cases_page.view.selectRow(0)
    window.reviews.cases_page.review_selected()
    seen += everything(window)

    # Sammanställning, every tab, with a before/after
    with qtbot.waitSignal(window.dashboard.computed, timeout=60_000):
        window.tabs.setCurrentWidget(window.dashboard_tab)
    page = window.dashboard
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60_000)
    page.filters.checklist.setCurrentIndex(page.filters.checklist.findData("missbruk"))
    page.filters.check_rounds({demo["missbruk"].uuid})
    qtbot.waitUntil(lambda: page.result is not None and not page.is_busy(), timeout=60_000)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        seen += everything(window)

    # Export och rapport, Checklistor with the editor
    with qtbot.waitSignal(window.export_page.previewed, timeout=60_000):
        window.tabs.setCurrentWidget(window.export_tab)
    qtbot.waitUntil(lambda: not window.export_page.is_busy(), timeout=60_000)
    seen += everything(window)
    window.tabs.setCurrentWidget(window.checklists_page)
    window.checklists_page.refresh()
    seen += everything(window)
    window.checklists_page.open_editor(slug, version)
    # The editor edits the keys and the English texts themselves: there only a slug would be out of place.
    editor = [t for t in everything(window) if t not in seen]
    window.checklists_page.close_editor()

    # Utbildning: the pack list, a session, and the facit of a case answered as the facit says
    with app.db.session() as session:
        from reviewer.services.cases import list_cases
        from reviewer.services.reviews import complete_review, open_review, save_answer
        from reviewer.services.training import builtin_training_packs, start_training_round

        pack = next(p for p in builtin_training_packs(session) if p.slug == "fardtjanst-ovning")
        training_round = start_training_round(session, pack, builtin=True)
        first_case = list_cases(session, training_round.uuid)[0]
        snapshot = open_review(session, first_case.uuid, "AB")
        for key, entry in pack.cases[0].facit.items():
            if entry.answer is not None:
                save_answer(session, snapshot, snapshot.definition.question(key), entry.answer, None)
        complete_review(session, snapshot, "AB")
    window.tabs.setCurrentWidget(window.training_tab)
    qtbot.waitUntil(window.training.isVisible)
    participant = window.training.participant
    participant.packs.refresh(("fardtjanst-ovning", 1))
    seen += everything(window)
    participant.packs.start()
    seen += everything(window)
    participant.session.case_view.selectRow(0)
    participant.session.right.setCurrentWidget(participant.session.feedback)
    seen += everything(window)

    # the dialogs
    shown: list[QWidget] = []

    def keep(dialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(publish_dialog.PublishDialog, "exec", keep)
    publish_dialog.publish_with_dialog(app.db, slug, version, "sv", window)
    cases = window.reviews.cases_page
    dialogs = [
        *shown,
        RoundDialog(checklists, rounds, "sv", lambda *_a: None, planner(app), window),
        CaseDialog(definition, "sv", ["Norr"], lambda _c: None, None, window),
        SettingsDialog(Settings(reviewer="AB"), parent=window),
        ExchangeExportDialog(app.db, "sv", "AB", window),
        ExchangeImportDialog(app.db, "sv", "AB", window),
        AuditExportDialog(app.db, "sv", window),
        SampleDialog(app.db, rounds[0].uuid, rounds[0].name, "sv", "AB", window),
        AuditLogDialog(app.db, cases.model.record(0).uuid, cases.model.record(0).case_code, "sv", window),
    ]
    for dialog in dialogs:
        seen += everything(dialog)
        dialog.deleteLater()

    assert len(seen) > 500, "the walk reads the screens"
    found = leaks(seen, allowed={"pg_dump", "Delete"}) + [f for f in leaks(editor, False) if "@" in f]
    assert found == [], "\n".join(found)
