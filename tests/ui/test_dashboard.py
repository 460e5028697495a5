"""Sammanställning on the real services and widgets: demo data with known differences, filters, before/after."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from reviewer.checklists.answers import encode
from reviewer.checklists.schema import QuestionType
from reviewer.cli.main import main as cli_main
from reviewer.domain.sex import Sex, SexGroup, Subject
from reviewer.services.aggregation import unit_of
from reviewer.services.aggregation_text import format_amount, format_p, format_percent
from reviewer.services.bulk_reviews import ReviewedCase, insert_reviewed_cases
from reviewer.services.checklists import add_definition, definition_of, get_version
from reviewer.services.demo import create_demo_data
from reviewer.services.rounds import create_round
from reviewer.storage.models import ReviewStatus
from reviewer.ui.dashboard.page import DashboardPage


@pytest.fixture
def page(qtbot, app, swedish, demo):
    widget = DashboardPage(app.db, "sv")
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=60_000)


def computed(qtbot, page: DashboardPage, act) -> None:
    with qtbot.waitSignal(page.computed, timeout=60_000):
        act()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60_000)


def choose_checklist(qtbot, page: DashboardPage, slug: str) -> None:
    def act():
        page.refresh()
        page.filters.checklist.setCurrentIndex(page.filters.checklist.findData(slug))

    computed(qtbot, page, act)


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_the_known_differences_of_the_demo_data_are_flagged_in_plain_swedish(qtbot, page, demo, screenshot):
    choose_checklist(qtbot, page, "missbruk")
    result = page.result
    assert result is not None
    assert result.n_cases == 80
    flagged = {f.question_key for f in result.findings}
    assert "fragat_om_barn" in flagged
    model = page.findings.model
    sentences = [cell(model, row, 0) for row in range(model.rowCount())]
    assert any(s.startswith("Kvinnor ") or ": Kvinnor " in s for s in sentences)
    assert all("procentenheter" in s or "kvot" in s for s in sentences)
    assert "80 ärenden" in page.findings.summary.text()
    screenshot(page, "dashboard-differences")


def test_the_question_table_shows_women_and_men_and_the_chart_follows_the_selection(qtbot, page, screenshot):
    choose_checklist(qtbot, page, "missbruk")
    page.show_question("fragat_om_barn")
    assert page.tabs.currentWidget() is page.sections
    model = page.sections.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[2] == "Kvinnor" and headers[4] == "Män"
    row = page.sections.view.currentIndex().row()
    record = model.record(row)
    assert record.question.key == "fragat_om_barn"
    comparison = record.question.comparison
    assert cell(model, row, 2) == f"{round(comparison.female_percent):.0f} %"
    assert cell(model, row, 4) == f"{round(comparison.male_percent):.0f} %"
    assert cell(model, row, 9) == "⚑ skillnad"
    chart = page.sections.chart.data
    assert chart.series[0].startswith("Kvinnor (n = ")
    assert "Ja" in chart.categories
    screenshot(page, "dashboard-per-question")


def test_girls_and_boys_for_a_childrens_checklist(qtbot, app, page):
    with app.db.session() as session:
        parents = definition_of(get_version(session, "barnomsorg"))
        children = parents.model_copy(update={"slug": "barn", "subject": Subject.CHILD})
        add_definition(session, children)
        round_ = create_round(session, "Barn 2026", get_version(session, "barn"), "2026")
        question = next(q for q in children.questions() if q.type is QuestionType.YES_NO)
        reviewed = [
            ReviewedCase(
                f"B-{i}",
                Sex.FLICKA if i % 2 else Sex.POJKE,
                None,
                None,
                "AB",
                ReviewStatus.COMPLETE,
                {question.key: (encode(question, "ja" if i % 3 else "nej"), None)},
            )
            for i in range(30)
        ]
        insert_reviewed_cases(session, round_.id, round_.checklist_version_id, reviewed)
        session.commit()
    choose_checklist(qtbot, page, "barn")
    model = page.sections.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Flickor" in headers and "Pojkar" in headers
    assert "Kvinnor" not in headers


def test_a_unit_filter_and_a_breakdown_recompute(qtbot, page):
    choose_checklist(qtbot, page, "missbruk")
    everyone = page.result.n_cases
    units = [page.filters.unit.itemData(i) for i in range(1, page.filters.unit.count())]
    assert units, "the demo data has units"
    computed(qtbot, page, lambda: page.filters.unit.setCurrentIndex(1))
    assert 0 < page.result.n_cases < everyone
    assert page.result.request.unit == units[0]
    computed(qtbot, page, lambda: page.filters.breakdown.setCurrentIndex(page.filters.breakdown.findData("age_band")))
    strata_rows = [r for r in page.sections.model.records() if r.stratum is not None]
    assert strata_rows


def test_too_few_cases_are_marked_instead_of_compared(qtbot, app, swedish):
    with app.db.session() as session:
        create_demo_data(session, 6, 1)
    page = DashboardPage(app.db, "sv")
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.computed, timeout=60_000):
        page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60_000)
    model = page.sections.model
    assessments = {cell(model, row, 9) for row in range(model.rowCount())}
    assert "för litet underlag" in assessments
    assert not page.result.findings
    assert SexGroup.FEMALE in page.result.n_by_group


def test_before_after_against_the_baseline_round(qtbot, app, page, demo, screenshot):
    baseline = demo["missbruk"]
    with app.db.session() as session:
        definition = definition_of(get_version(session, "missbruk"))
        after = create_round(
            session, "Missbruk 2027", get_version(session, "missbruk"), "2027", baseline_uuid=baseline.uuid
        )
        question = definition.question("fragat_om_barn")
        reviewed = [
            ReviewedCase(
                f"E-{i}",
                Sex.KVINNA if i % 2 else Sex.MAN,
                None,
                None,
                "AB",
                ReviewStatus.COMPLETE,
                {question.key: (encode(question, "ja" if i % 4 < 2 else "nej"), None)},
            )
            for i in range(40)
        ]
        insert_reviewed_cases(session, after.id, after.checklist_version_id, reviewed)
        session.commit()
        after_uuid = after.uuid
    choose_checklist(qtbot, page, "missbruk")
    computed(qtbot, page, lambda: page.filters.check_rounds({after_uuid}))
    assert page.filters.compare.currentData() == baseline.uuid, "the round's own baseline is offered first"
    qtbot.waitUntil(lambda: page.before_after is not None and not page.is_busy(), timeout=60_000)
    view = page.before_after_view
    assert "Missbruk 2027 (2027) (efter) jämförd med" in view.title.text()
    rows = {r.key: row for row, r in enumerate(view.model.records())}
    row = rows["fragat_om_barn"]
    assert cell(view.model, row, 7).startswith("skillnaden minskade med ")
    page.tabs.setCurrentWidget(view)
    screenshot(page, "dashboard-before-after")


def test_the_dashboard_shows_the_figures_of_the_cli_json(qtbot, page, demo, data_dir, tmp_path):
    """One truth: every figure in the question tables and every finding equals `reviewer aggregate --format json`."""
    choose_checklist(qtbot, page, "missbruk")
    out = tmp_path / "aggregate.json"
    assert cli_main(["aggregate", "--round", demo["missbruk"].name, "--format", "json", "-o", str(out),
                     "--data-dir", str(data_dir)]) == 0  # fmt: skip
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [f["message"]["sv"] for f in exported["findings"]] == [
        cell(page.findings.model, row, 0) for row in range(page.findings.model.rowCount())
    ]
    checked = 0
    for index, section in enumerate(exported["sections"]):
        page.sections.section.setCurrentIndex(index)
        model = page.sections.model
        rows = {model.record(r).question.key: r for r in range(model.rowCount()) if model.record(r).stratum is None}
        for question in section["questions"]:
            row, groups = rows[question["key"]], question["groups"]
            assert cell(model, row, 3) == str(groups.get("female", {"n": 0})["n"])
            assert cell(model, row, 5) == str(groups.get("male", {"n": 0})["n"])
            assert cell(model, row, 6) == str(groups.get("other", {"n": 0})["n"])
            comparison = question["comparison"]
            if comparison is None or comparison["state"] != "ok":
                continue
            if question["kind"] == "categorical":
                assert cell(model, row, 2) == format_percent(comparison["female_percent"], "sv")
                assert cell(model, row, 4) == format_percent(comparison["male_percent"], "sv")
            else:
                unit = unit_of(QuestionType(question["type"]))
                assert cell(model, row, 2) == format_amount(comparison["female_median"], unit, "sv")
                assert cell(model, row, 4) == format_amount(comparison["male_median"], unit, "sv")
            p = format_p(comparison["test"]["p_value"], "sv").removeprefix("p = ")
            assert cell(model, row, 8) == p
            checked += 1
    assert checked > 20


def test_stopping_a_computation_keeps_the_window_usable_and_update_starts_again(qtbot, page):
    choose_checklist(qtbot, page, "missbruk")
    page.compute()
    assert page.is_busy() and page.cancel_button.isVisible()
    page.cancel()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60_000)
    assert page.status.text() == "Avbrutet. Välj Uppdatera för att räkna igen."
    assert not page.cancel_button.isVisible()
    computed(qtbot, page, page.refresh_button.click)
    assert page.result is not None and page.result.n_cases == 80


def test_a_change_while_computing_replaces_the_running_computation(qtbot, page):
    choose_checklist(qtbot, page, "missbruk")
    everyone = page.result.n_cases
    page.compute()
    assert page.is_busy()
    page.filters.unit.setCurrentIndex(1)
    unit = page.filters.unit.currentData()
    qtbot.waitUntil(lambda: not page.is_busy() and page.result.request.unit == unit, timeout=60_000)
    assert page.result.n_cases < everyone
