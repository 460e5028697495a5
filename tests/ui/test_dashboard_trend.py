"""Över tid on the real widgets: three rounds of one checklist ticked in the rounds list give the gap per round with
its interval, the tested trend and its verdict in the text report's words, and a chart; fewer rounds say what to do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reviewer.services.aggregation.change_text import point_text, slope_text
from reviewer.services.aggregation.text import VERDICT_WORDS, format_p
from reviewer.ui.dashboard.filters import UUID_ROLE
from reviewer.ui.dashboard.page import DashboardPage
from tests.services.aggregation_data import TREND_ROUNDS, add_checklist, add_round, checklist_data, trend_cases
from tests.ui.test_dashboard import cell, computed

QUESTION, FIRST_ROUND = 0, 1
SLOPE, RAW_P, P_ADJUSTED, VERDICT = range(4, 8)  # with three rounds


@pytest.fixture
def three_rounds(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        return tuple(
            add_round(session, name, trend_cases(w, m, d), code_prefix=name[-2:]) for name, w, m, d in TREND_ROUNDS
        )


@pytest.fixture
def page(qtbot, app, swedish, three_rounds):
    widget = DashboardPage(app.db, "sv")
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=60_000)


def tick(qtbot, page: DashboardPage, uuids) -> None:
    """Tick the rounds in the rounds list as a user does, one check box at a time."""
    model = page.filters.rounds_model

    def act():
        for row in range(model.rowCount()):
            item = model.item(row)
            wanted = Qt.CheckState.Checked if item.data(UUID_ROLE) in uuids else Qt.CheckState.Unchecked
            if item.checkState() != wanted:
                item.setCheckState(wanted)

    computed(qtbot, page, act)


def test_fewer_than_three_rounds_say_what_to_do(qtbot, page, three_rounds, screenshot):
    computed(qtbot, page, page.refresh)
    page.tabs.setCurrentWidget(page.trend_view)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Över &tid"
    tick(qtbot, page, set(three_rounds[:2]))
    assert page.trend is None
    text = page.trend_view.title.text()
    assert "Markera tre eller fler omgångar av samma checklista under ”Omgångar”" in text
    assert "Nu är 2 omgångar markerade." in text
    assert page.trend_view.model.rowCount() == 0
    screenshot(page, "trend14-over-tid-tva-omgangar")


def test_three_rounds_show_the_gap_per_round_and_the_tested_trend(qtbot, page, three_rounds, screenshot):
    computed(qtbot, page, page.refresh)
    page.tabs.setCurrentWidget(page.trend_view)
    tick(qtbot, page, set(three_rounds))
    trend = page.trend
    assert trend is not None
    # the list shows the newest round first; the trend reads them from the oldest
    assert [r.name for r in trend.rounds] == ["År 2024", "År 2025", "År 2026"]
    view = page.trend_view
    model = view.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Fråga", "År 2024", "År 2025", "År 2026", "Trend per omgång\n(95 % KI)", "p", "justerat p", "Bedömning",
    ]  # fmt: skip
    rows = {q.key: row for row, q in enumerate(model.records())}
    asked = model.record(rows["fragat"])
    row = rows["fragat"]
    assert cell(model, row, QUESTION) == "Frågade handläggaren om barn?\n(andel ”Ja”)"
    for index, point in enumerate(asked.points):
        expected = point_text(False, point.gap, point.low, point.high, "sv").replace("-", "−").replace(" (", "\n(")
        assert cell(model, row, FIRST_ROUND + index) == expected
    assert cell(model, row, FIRST_ROUND).startswith("60 p.e.\n(")
    assert cell(model, row, SLOPE) == slope_text(asked, "sv").replace("-", "−").replace(" (", "\n(")
    assert cell(model, row, SLOPE).startswith("−30")
    assert cell(model, row, RAW_P) == format_p(asked.p_value, "sv", 0.05).removeprefix("p = ").removeprefix("p ")
    assert cell(model, row, P_ADJUSTED) == format_p(asked.p_adjusted, "sv").removeprefix("p = ").removeprefix("p ")
    assert cell(model, row, VERDICT) == VERDICT_WORDS["narrowed"].sv == "skillnaden har minskat"
    assert cell(model, rows["na_fraga"], VERDICT) == "oförändrad"
    untested = rows["kostnad"]
    assert cell(model, untested, VERDICT) == "kan inte prövas (för litet underlag)"
    assert cell(model, untested, FIRST_ROUND) == "–"
    tip = model.data(model.index(untested, FIRST_ROUND), Qt.ItemDataRole.ToolTipRole)
    assert "För få svar i den här omgången" in tip
    days = model.record(rows["dagar"])
    assert cell(model, rows["dagar"], FIRST_ROUND).startswith("kvot 2\n(")
    assert days.verdict == "narrowed"
    assert view.tested.text().startswith("3 trender prövades")
    assert "Kön avser: den som ärendet gäller." in view.title.text()

    # the chart follows the question chosen in the table: points with their intervals, the line of no gap
    view.view.selectRow(row)
    chart = view.chart.data
    assert [p.round_name for p in chart.points] == ["År 2024", "År 2025", "År 2026"]
    assert [p.gap for p in chart.points] == [pt.gap for pt in asked.points]
    assert chart.reference == 0.0
    assert "den streckade linjen är 0" in view.chart_title.text()
    screenshot(page, "trend14-over-tid")
    view.view.selectRow(rows["dagar"])
    assert view.chart.data.reference == 1.0
    assert "År 2024: kvot 2 (" in view.chart.accessibleDescription()
    screenshot(page, "trend14-over-tid-tal")
    view.view.selectRow(untested)
    assert view.chart.data.points == ()
