"""Sammanställning on the real services and widgets: demo data with known differences, filters, before/after."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from reviewer.checklists.answers import encode
from reviewer.checklists.schema import QuestionType
from reviewer.cli.main import main as cli_main
from reviewer.domain.sex import Sex, SexGroup, Subject
from reviewer.services.aggregation import text as aggregation_text
from reviewer.services.aggregation import unit_of
from reviewer.services.aggregation.text import (
    VERDICT_WORDS,
    format_amount,
    format_number,
    format_p,
    format_percent,
    p_text,
)
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


def tip(model, row: int, column: int) -> str:
    return model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole) or ""


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def header_tip(model, column: int) -> str:
    return model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or ""


# The columns of the per-question table and of the before/after table.
QUESTION, FEMALE, MALE, OTHER, UNKNOWN, TOTAL, DIFFERENCE, P, P_ADJUSTED, ASSESSMENT = range(10)
BA_QUESTION, BA_BEFORE, BA_AFTER, BA_CHANGE, BA_RAW_P, BA_P, BA_VERDICT = range(7)


def sv(value: float, decimals: int = 1) -> str:
    """A number as the dashboard writes it: decimal comma, true minus sign."""
    return format_number(value, "sv", decimals).replace("-", "−")


def signed(value: float) -> str:
    return ("+" if round(value, 1) > 0 else "−" if round(value, 1) < 0 else "±") + format_number(abs(value), "sv")


def share_cell(percent: float | None, count: int, base: int) -> str:
    return f"{count} av {base}" if percent is None else f"{format_percent(percent, 'sv')}\n(n = {base})"


def yes_no_round(session, slug: str, name: str, answers: list[tuple[Sex, str]], primary: str | None = None):
    """A round of a copy of the barnomsorg checklist (with `primary` marked as a primary question), whose first
    yes/no question has the given answers; returns the round and that question's key."""
    base = definition_of(get_version(session, "barnomsorg"))
    data = base.model_dump(mode="json")
    data["slug"] = slug
    for section in data["sections"]:
        for question in section["questions"]:
            question["primary"] = question["key"] == primary
    definition = type(base).model_validate(data)
    add_definition(session, definition)
    round_ = create_round(session, name, get_version(session, slug), "2026")
    question = next(q for q in definition.questions() if q.type is QuestionType.YES_NO)
    reviewed = [
        ReviewedCase(
            f"Y-{i}", sex, None, None, "AB", ReviewStatus.COMPLETE, {question.key: (encode(question, a), None)}
        )
        for i, (sex, a) in enumerate(answers)
    ]
    insert_reviewed_cases(session, round_.id, round_.checklist_version_id, reviewed)
    session.commit()
    return round_, question.key


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
    assert all("justerat p = " in s or "justerat p < 0,001" in s for s in sentences)
    assert "80 ärenden" in page.findings.summary.text()
    n = result.n_by_group
    assert f"annat {n[SexGroup.OTHER]}, okänt {n[SexGroup.UNKNOWN]}." in page.findings.summary.text()
    # beside the findings: how many questions were tested and what that means, in the service's own words
    thresholds = result.request.thresholds
    assert result.n_tested > 20
    assert page.findings.tested.text() == aggregation_text.comparisons_summary(
        result.n_tested, 0, thresholds.fdr_q, thresholds.alpha, "sv"
    )
    assert page.findings.tested.text().startswith(f"{result.n_tested} frågor jämfördes mellan könen.")
    assert "säker" not in page.findings.summary.text() + page.findings.rule.text()
    assert "justerade p < 0,05" in page.findings.rule.text()
    assert headers(model) == ["Skillnad", "p", "justerat p", "Avsnitt"]
    assert "hela svarsfördelningen" in header_tip(model, 1) and "fördelningarna skiljer sig" in header_tip(model, 1)
    assert "Benjamini–Hochberg" in header_tip(model, 2)
    for row, finding in enumerate(result.findings):
        c = finding.comparison
        assert cell(model, row, 1) == format_p(c.test.p_value, "sv").removeprefix("p = ").removeprefix("p ")
        assert cell(model, row, 2) == format_p(c.p_adjusted, "sv").removeprefix("p = ").removeprefix("p ")
        assert c.p_adjusted >= c.test.p_value
        assert tip(model, row, 1) == p_text(c, "sv")
    screenshot(page, "dashboard-differences")


def test_the_question_table_shows_women_and_men_and_the_chart_follows_the_selection(qtbot, page, screenshot):
    choose_checklist(qtbot, page, "missbruk")
    page.show_question("fragat_om_barn")
    assert page.tabs.currentWidget() is page.sections
    model = page.sections.model
    assert headers(model) == [
        "Fråga", "Kvinnor", "Män", "Annat", "Okänt", "Totalt", "Skillnad\n(95 % KI)", "p", "justerat\np", "Bedömning",
    ]  # fmt: skip
    row = page.sections.view.currentIndex().row()
    record = model.record(row)
    assert record.question.key == "fragat_om_barn"
    question = record.question
    comparison = question.comparison
    assert cell(model, row, QUESTION).endswith("\n(andel ”Ja”)")
    assert cell(model, row, FEMALE) == f"{round(comparison.female_percent):.0f} %\n(n = {comparison.female_n})"
    assert cell(model, row, MALE) == f"{round(comparison.male_percent):.0f} %\n(n = {comparison.male_n})"
    yes = next(o for o in question.total.options if o.value == "ja")
    assert cell(model, row, TOTAL) == f"{format_percent(yes.percent, 'sv')}\n(n = {question.total.base})"
    assert question.total.n == page.result.n_cases
    # the difference with its Newcombe interval; the shares with their Wilson intervals in the tooltips
    low, high = comparison.difference_low, comparison.difference_high
    assert low < comparison.difference_pp < high
    assert cell(model, row, DIFFERENCE) == f"{signed(comparison.difference_pp)} p.e.\n({sv(low, 0)} till {sv(high, 0)})"
    women_yes = next(o for o in question.groups[SexGroup.FEMALE].options if o.value == "ja")
    assert tip(model, row, FEMALE) == (
        f"Kvinnor: {format_percent(women_yes.percent, 'sv')} (95 % KI {sv(women_yes.ci_low, 0)} till "
        f"{sv(women_yes.ci_high, 0)}), {women_yes.count} av {comparison.female_n} svar"
    )
    assert tip(model, row, TOTAL).count("Av de ") == 1
    assert "annat" in tip(model, row, TOTAL) and "okänt" in tip(model, row, TOTAL)
    assert "aldrig i testet" in header_tip(model, OTHER) and "aldrig i testet" in header_tip(model, UNKNOWN)
    assert (
        model.headerData(OTHER, Qt.Orientation.Horizontal),
        model.headerData(UNKNOWN, Qt.Orientation.Horizontal),
    ) == (
        "Annat",
        "Okänt",
    )
    assert cell(model, row, P_ADJUSTED) == format_p(comparison.p_adjusted, "sv").removeprefix("p = ")
    assert "Fishers exakta test av andelen" in tip(model, row, P)
    assert cell(model, row, ASSESSMENT) == "⚑ skillnad"
    assert "skillnad 41 procentenheter (95 % KI" in page.sections.detail.text()
    chart = page.sections.chart.data
    assert chart.series[0].startswith("Kvinnor (n = ")
    assert "Ja" in chart.categories
    screenshot(page, "dashboard-per-question")


def test_numbers_show_the_median_ratio_with_its_interval_and_the_means(qtbot, page, screenshot):
    choose_checklist(qtbot, page, "missbruk")
    question = next(
        q for s in page.result.sections for q in s.questions
        if q.kind == "numeric" and q.comparison is not None and q.comparison.state == "ok"
    )  # fmt: skip
    page.show_question(question.key)
    model = page.sections.model
    row = page.sections.view.currentIndex().row()
    c = question.comparison
    unit = unit_of(question.type)
    assert cell(model, row, QUESTION).endswith("\n(median)")
    assert cell(model, row, FEMALE) == f"{format_amount(c.female_median, unit, 'sv')}\n(n = {c.female_n})"
    assert cell(model, row, DIFFERENCE) == (
        f"kvot {sv(c.median_ratio, 2)}\n({sv(c.median_ratio_low, 2)} till {sv(c.median_ratio_high, 2)})"
    )
    assert f"Medelvärde: kvinnor {format_amount(c.female_mean, unit, 'sv')}" in tip(model, row, DIFFERENCE)
    assert f"kvot {sv(c.mean_ratio, 2)} (95 % KI {sv(c.mean_ratio_low, 2)} till" in tip(model, row, DIFFERENCE)
    assert f"Summa: kvinnor {format_amount(c.female_total, unit, 'sv')}" in tip(model, row, DIFFERENCE)
    assert "Mann–Whitney-test av om fördelningarna skiljer sig" in tip(model, row, P)
    assert "medelvärde" in page.sections.detail.text()
    screenshot(page, "dashboard-numbers")


def test_a_base_under_five_shows_the_count_only(qtbot, app, page):
    answers = [(Sex.KVINNA, "ja")] * 3 + [(Sex.KVINNA, "nej")] + [(Sex.MAN, "ja")] * 2 + [(Sex.MAN, "nej")] * 8
    answers += [(Sex.ANNAT, "ja")] * 2 + [(Sex.OKANT, "nej")]
    with app.db.session() as session:
        _round, key = yes_no_round(session, "liten", "Liten 2026", answers)
    choose_checklist(qtbot, page, "liten")
    page.show_question(key)
    model = page.sections.model
    row = page.sections.view.currentIndex().row()
    assert cell(model, row, FEMALE) == "3 av 4" and "%" not in cell(model, row, FEMALE)
    assert cell(model, row, MALE) == "20 %\n(n = 10)"
    assert cell(model, row, OTHER) == "2 av 2"
    assert cell(model, row, UNKNOWN) == "0 av 1"
    assert cell(model, row, TOTAL) == "41 %\n(n = 17)"
    assert cell(model, row, ASSESSMENT) == "för litet underlag"
    assert cell(model, row, P) == "" and cell(model, row, DIFFERENCE) == ""
    women_bar = page.sections.chart.data.bars[0][0]
    assert women_bar.value is None and women_bar.text == "3 av 4"


def test_a_primary_question_is_tested_unadjusted_and_marked(qtbot, app, page):
    planted = [(Sex.KVINNA, "ja")] * 24 + [(Sex.KVINNA, "nej")] * 6 + [(Sex.MAN, "ja")] * 6 + [(Sex.MAN, "nej")] * 24
    with app.db.session() as session:
        base = definition_of(get_version(session, "barnomsorg"))
        first = next(q for q in base.questions() if q.type is QuestionType.YES_NO)
        yes_no_round(session, "huvud", "Huvud 2026", planted, primary=first.key)
    choose_checklist(qtbot, page, "huvud")
    result = page.result
    assert result.n_tested_primary == 1
    finding = next(f for f in result.findings if f.question_key == first.key)
    assert finding.comparison.primary and finding.comparison.p_adjusted == finding.comparison.test.p_value
    model = page.findings.model
    row = result.findings.index(finding)
    assert cell(model, row, 2) == "huvudfråga"
    assert cell(model, row, 1) == format_p(finding.comparison.test.p_value, "sv").removeprefix("p = ").removeprefix(
        "p "
    )
    assert "huvudfråga, ojusterat" in tip(model, row, 2)
    tested = page.findings.tested.text()
    assert "1 huvudfråga" in tested and "prövas för sig utan justering (p < 0,05)" in tested
    page.show_question(first.key)
    assert cell(page.sections.model, page.sections.view.currentIndex().row(), P_ADJUSTED) == "huvudfråga"


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
    assessments = {cell(model, row, ASSESSMENT) for row in range(model.rowCount())}
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
    model = view.model
    assert headers(model) == ["Fråga", "Skillnad före", "Skillnad efter", "Förändring (95 % KI)", "p", "justerat p",
                              "Bedömning"]  # fmt: skip
    assert "före justeringen för antalet frågor" in header_tip(model, BA_RAW_P)
    assert "skillnad i skillnader" in header_tip(model, BA_CHANGE)
    assert "om skillnaden är densamma i båda omgångarna" in header_tip(model, BA_P)
    result = page.before_after
    assert view.tested.text().startswith(f"{result.n_tested} förändring")
    rows = {r.key: row for row, r in enumerate(model.records())}
    row = rows["fragat_om_barn"]
    change = model.record(row)
    # the gap fell from about 40 points to 0: a tested change, named as such, at the option fixed in advance
    assert change.option == "ja" and change.option_source == "yes"
    assert cell(model, row, BA_QUESTION).endswith("\n(andel ”Ja”)")
    assert cell(model, row, BA_BEFORE) == f"{signed(change.before.difference_pp)} p.e."
    assert cell(model, row, BA_AFTER) == "±0 p.e."
    gap = change.gap
    assert gap.high < 0 and gap.p_adjusted < 0.05
    assert cell(model, row, BA_CHANGE) == f"{signed(gap.change)} p.e. ({sv(gap.low, 0)} till {sv(gap.high, 0)})"
    assert cell(model, row, BA_P) == format_p(gap.p_adjusted, "sv", 0.05).removeprefix("p = ").removeprefix("p ")
    assert cell(model, row, BA_RAW_P) == format_p(gap.p_value, "sv", 0.05).removeprefix("p = ").removeprefix("p ")
    assert change.verdict == "narrowed"
    assert cell(model, row, BA_VERDICT) == VERDICT_WORDS["narrowed"].sv == "skillnaden har minskat"
    assert "Kvinnor 50 % (n 20)" in tip(model, row, BA_AFTER)
    # a question the later round has no answers to cannot be tested, and says so
    untested = rows["strukturerad_bedomning"]
    assert model.record(untested).verdict == "not_tested"
    assert cell(model, untested, BA_VERDICT) == "kan inte prövas (för litet underlag)"
    assert cell(model, untested, BA_CHANGE) == "–" and cell(model, untested, BA_P) == ""
    # the gap per question as a chart, before beside after, the compared answer named with the question
    chart = view.chart.data
    assert chart.series == ("Exempeldata: Missbruk och beroende (SoL/LVM) – jämställdhetsgranskning (fiktiv) (2026)"
                            .replace(" (2026)", f" ({baseline.period_label})"), "Missbruk 2027 (2027)")  # fmt: skip
    index = chart.categories.index(cell(model, row, BA_QUESTION).replace("\n", " "))
    assert chart.categories[index].endswith("(andel ”Ja”)")
    before_bar, after_bar = chart.bars[index]
    assert before_bar.value == change.before.difference_pp and after_bar.value == 0
    assert chart.minimum == -chart.maximum <= -10
    assert "Skillnaden per fråga, kvinnor minus män i procentenheter" in view.chart_title.text()
    assert "Kön avser: den enskilde som utreds." in view.title.text()
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
            comparison = question["comparison"]
            for column, group in ((FEMALE, "female"), (MALE, "male"), (OTHER, "other"), (UNKNOWN, "unknown")):
                figures = groups[group]
                if figures["n"] == 0:
                    expected = "–"
                elif question["kind"] == "categorical" and comparison is not None:
                    option = next((o for o in figures["options"] if o["value"] == comparison["option"]), None)
                    expected = share_cell(option["percent"], option["count"], figures["base"])
                elif question["kind"] == "numeric":
                    unit = unit_of(QuestionType(question["type"]))
                    expected = f"{format_amount(figures['numbers']['median'], unit, 'sv')}\n(n = {figures['n']})"
                else:
                    continue
                assert cell(model, row, column) == expected
                checked += 1
            if comparison is None or comparison["state"] != "ok":
                continue
            if question["kind"] == "categorical":
                total = question["total"]
                option = next(o for o in total["options"] if o["value"] == comparison["option"])
                assert cell(model, row, TOTAL) == share_cell(option["percent"], option["count"], total["base"])
                low, high = comparison["difference_low"], comparison["difference_high"]
                assert cell(model, row, DIFFERENCE) == (
                    f"{signed(comparison['difference_pp'])} p.e.\n({sv(low, 0)} till {sv(high, 0)})"
                )
            else:
                low, high = comparison["median_ratio_low"], comparison["median_ratio_high"]
                assert cell(model, row, DIFFERENCE) == (
                    f"kvot {sv(comparison['median_ratio'], 2)}\n({sv(low, 2)} till {sv(high, 2)})"
                )
            p = format_p(comparison["test"]["p_value"], "sv").removeprefix("p = ").removeprefix("p ")
            assert cell(model, row, P) == p
            adjusted = format_p(comparison["p_adjusted"], "sv").removeprefix("p = ").removeprefix("p ")
            assert cell(model, row, P_ADJUSTED) == adjusted
    assert checked > 60


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


def test_it_opens_on_the_newest_real_round_not_a_demo_round(qtbot, app, swedish, demo):
    with app.db.session() as session:
        create_round(session, "Färdtjänst 2026", get_version(session, "fardtjanst"), "2026")
    page = DashboardPage(app.db, "sv")
    qtbot.addWidget(page)
    computed(qtbot, page, page.refresh)
    filters = page.filters
    assert filters.checklist.currentText() == "Färdtjänst och riksfärdtjänst – jämställdhetsgranskning (v3)"
    assert all("@" not in filters.checklist.itemText(i) for i in range(filters.checklist.count()))
    checked = [
        filters.rounds_model.item(r).text()
        for r in range(filters.rounds_model.rowCount())
        if filters.rounds_model.item(r).checkState() == Qt.CheckState.Checked
    ]
    assert checked == ["Färdtjänst 2026 (2026)"]
    items = [filters.rounds_model.item(r).text() for r in range(filters.rounds_model.rowCount())]
    assert any(t.startswith("Exempeldata") and t.endswith("– fiktiv") for t in items)


def test_whose_sex_is_said_beside_the_figures_and_small_groups_get_no_bar(qtbot, app, page, screenshot):
    choose_checklist(qtbot, page, "barnomsorg")
    assert "Kön avser: vårdnadshavare som ansökt." in page.findings.summary.text()
    with app.db.session() as session:
        definition = definition_of(get_version(session, "fardtjanst"))
        round_ = create_round(session, "Liten", get_version(session, "fardtjanst"), "2026")
        question = next(q for q in definition.questions() if q.type is QuestionType.YES_NO)
        number = next(q for q in definition.questions() if q.type is QuestionType.DAYS)
        sexes = [Sex.KVINNA] * 20 + [Sex.MAN] * 20 + [Sex.ANNAT, Sex.OKANT]
        reviewed = [
            ReviewedCase(
                f"S-{i}",
                sex,
                None,
                None,
                "AB",
                ReviewStatus.COMPLETE,
                {
                    question.key: (encode(question, "ja" if sex in (Sex.ANNAT, Sex.OKANT) or i % 3 else "nej"), None),
                    number.key: (encode(number, 900 if sex in (Sex.ANNAT, Sex.OKANT) else 20 + i), None),
                },
            )
            for i, sex in enumerate(sexes)
        ]
        insert_reviewed_cases(session, round_.id, round_.checklist_version_id, reviewed)
        session.commit()
        small = round_.uuid
    choose_checklist(qtbot, page, "fardtjanst")
    computed(qtbot, page, lambda: page.filters.check_rounds({small}))
    assert "Kön avser: sökande." in page.findings.summary.text()
    assert page.sections.sex_of.text() == "Kön avser: sökande"
    for key in (question.key, number.key):
        page.show_question(key)
        chart = page.sections.chart.data
        assert chart.series[2:] == ("Annat (n = 1, för få för en stapel)", "Okänt (n = 1, för få för en stapel)")
        for group in (2, 3):
            assert all(bars[group].value is None for bars in chart.bars), "one case never draws a bar"
            assert all(bars[group].text not in ("", "–") for bars in chart.bars[:1]), "its figure is still there"
        assert "Kön avser: sökande" in page.sections.chart_title.text()
    # the one case's 900 days do not set the scale for the others
    assert page.sections.chart.data.maximum < 900
    screenshot(page, "dashboard-small-other-group")


def test_the_choices_survive_a_change_of_language(qtbot, app, swedish, demo):
    from reviewer.services.settings import Settings
    from reviewer.ui.main_window import MainWindow

    window = MainWindow(app, Settings(reviewer="AB", language="sv"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.dashboard.computed, timeout=60_000):
        window.tabs.setCurrentWidget(window.dashboard_tab)
    page = window.dashboard
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60_000)
    combo = page.filters.checklist
    other = next(combo.itemData(i) for i in range(combo.count()) if i != combo.currentIndex())
    computed(qtbot, page, lambda: combo.setCurrentIndex(combo.findData(other)))
    computed(qtbot, page, lambda: page.filters.unit.setCurrentIndex(1))
    computed(qtbot, page, lambda: page.filters.breakdown.setCurrentIndex(page.filters.breakdown.findData("unit")))
    before = page.filters.selection()
    window.apply_settings(Settings(reviewer="AB", language="en"))
    assert window.tabs.currentWidget() is window.dashboard_tab
    page = window.dashboard
    qtbot.waitUntil(lambda: page.result is not None and not page.is_busy(), timeout=60_000)
    assert page.filters.selection() == before
    assert page.filters.checklist.currentData() == other
    assert page.tabs.tabText(0) == "&Differences"
    window.apply_settings(Settings(reviewer="AB", language="sv"))


def _second_reviews(app, round_name: str, count: int) -> None:
    """A second reviewer's review of the first `count` cases: the same answers, yes and no swapped in every fifth
    case's yes/no questions."""
    from sqlmodel import col, select

    from reviewer.storage.models import Answer, Case, Review, Round
    from tests.services.report_data import add_review

    swap = {"ja": "nej", "nej": "ja"}
    with app.db.session() as session:
        round_ = session.exec(select(Round).where(Round.name == round_name)).one()
        firsts = session.exec(
            select(Case.case_code, Review.id)
            .join(Review, col(Review.case_id) == col(Case.id))
            .where(Case.round_id == round_.id)
            .order_by(col(Review.id))
            .limit(count)
        ).all()
        for number, (case_code, review_id) in enumerate(firsts):
            rows = session.exec(select(Answer).where(Answer.review_id == review_id)).all()
            answers = {a.question_key: json.loads(a.value_json) for a in rows}
            if number % 5 == 0:
                answers = {
                    key: swap.get(value, value) if isinstance(value, str) else value for key, value in answers.items()
                }
            add_review(session, round_.uuid, case_code, "Exempel D", answers)


def test_agreement_of_double_reviews_shows_the_figures_of_the_cli(
    qtbot, app, page, demo, data_dir, tmp_path, screenshot
):
    """The agreement tab: per question cases, share alike, kappa and alpha as `reviewer agreement --format json`."""
    _second_reviews(app, demo["missbruk"].name, 30)
    choose_checklist(qtbot, page, "missbruk")
    page.tabs.setCurrentWidget(page.agreement_view)
    view = page.agreement_view
    assert page.agreement is not None and page.agreement.n_cases == 30
    assert view.summary.text().startswith("30 ärenden har granskats av två eller fler")
    assert "Landis och Kochs (1977) indelning" in view.convention.text()
    assert "inte ett omdöme om granskarna" in view.convention.text()
    model = view.model
    assert headers(model) == ["Fråga", "Ärenden (granskare)", "Lika", "Kappa (95 % KI)", "Alfa (95 % KI)", "Bedömning"]
    out = tmp_path / "agreement.json"
    assert cli_main(["agreement", "--round", demo["missbruk"].name, "--format", "json", "-o", str(out),
                     "--data-dir", str(data_dir)]) == 0  # fmt: skip
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert model.rowCount() == len(exported["questions"]) > 20
    for row, question in enumerate(exported["questions"]):
        assert cell(model, row, 0) == question["text"]["sv"]
        assert cell(model, row, 1) == f"{question['n_cases']} ({question['n_raters']})"
        kappa = question["kappa"]
        if kappa is not None and kappa["value"] is not None:
            expected = f"{kappa['value']:.2f}".replace(".", ",")
            if kappa["ci_low"] is not None:
                expected += f" ({kappa['ci_low']:.2f} till {kappa['ci_high']:.2f})".replace(".", ",")
            assert cell(model, row, 3) == expected
    disputed = next(r for r, q in enumerate(exported["questions"]) if q["percent"] is not None and q["percent"] < 100)
    assert cell(model, disputed, 5).endswith("(kappa)") or cell(model, disputed, 5).endswith("(alfa)")
    assert "par av svar på samma ärende" in tip(model, disputed, 2)
    # sorting by the reading puts the most disputed questions first
    model.sort(5)
    first = model.record(0).agreement.headline[1].value
    assert all(first <= (model.record(r).agreement.headline[1].value or 2) for r in range(model.rowCount()))
    screenshot(page, "dashboard-agreement")
