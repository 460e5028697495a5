"""One truth: the aggregation service, the anonymised result, the CSV, the XLSX (read back), the JSON and the PDF
(text extracted with pdftotext) give the same figures for the same rounds."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections.abc import Iterator

import pytest
from openpyxl import load_workbook

from reviewer.domain.sex import Sex, SexGroup
from reviewer.reports.common import P_ADJUSTED, P_VALUE
from reviewer.reports.csv_export import render_csv
from reviewer.reports.json_export import render_json
from reviewer.reports.pdf import render_pdf
from reviewer.reports.xlsx_export import render_xlsx
from reviewer.services.aggregation import AggregateRequest, aggregate
from reviewer.services.aggregation.text import format_p, format_percent, render_text
from reviewer.services.anonymisation import COLUMNS, ExportRequest, build_anonymised
from reviewer.services.demo import create_demo_data
from reviewer.services.report import ReportRequest, build_report
from reviewer.services.rounds import list_rounds
from tests.tools import require_tool

GROUP_OF = {"female": SexGroup.FEMALE, "male": SexGroup.MALE, "other": SexGroup.OTHER, "unknown": SexGroup.UNKNOWN}


@pytest.fixture
def figures(app):
    with app.db.session() as session:
        create_demo_data(session, 120, 3)
        round_uuid = next(r.uuid for r in list_rounds(session) if r.checklist_slug == "missbruk")
        aggregated = aggregate(session, AggregateRequest((round_uuid,)))
        result = build_anonymised(session, ExportRequest((round_uuid,)))
        report = build_report(session, ReportRequest((round_uuid,), anonymised=True))
    return aggregated, result, report


def published_counts(result) -> Iterator[tuple[str, str, str, int, float | None]]:
    """(question key, answer code, group, count, percent) of every published count of the anonymised result."""
    for section in result.sections:
        for question in section.questions:
            for row in question.rows:
                for column in COLUMNS:
                    cell = row.cells.get(column)
                    if cell is not None and cell.count is not None:
                        yield question.key, row.value, column, cell.count, cell.percent


def test_the_anonymised_counts_are_the_aggregations_own(figures):
    aggregated, result, _report = figures
    checked = 0
    for key, value, column, count, percent in published_counts(result):
        if column == "total":
            continue
        group = aggregated.question(key).groups[GROUP_OF[column]]
        if value == "ej_aktuellt":  # counted beside the base, not among the options (aggregate-format.md)
            assert count == group.not_applicable, (key, column)
            continue
        option = next(o for o in group.options if o.value == value)
        assert count == option.count, (key, value, column)
        assert percent in {None, option.percent}, (key, value, column)  # None: its base is hidden (derived)
        checked += 1
    assert checked > 100


def test_csv_xlsx_json_and_pdf_hold_the_same_figures(figures, tmp_path):
    _aggregated, result, report = figures
    expected = {(k, v, c): (n, p) for k, v, c, n, p in published_counts(result)}

    rows = list(csv.DictReader(io.StringIO(render_csv(result).lstrip("\ufeff")), delimiter=";"))
    from_csv = {
        (r["fraga_kod"], r["rad_kod"], r["grupp_kod"]): r
        for r in rows
        if r["avsnitt"] != "Metod" and r["rad_kod"] not in {"totalt", "ej_aktuellt"} and r["antal"]
    }
    from_json = {
        (q["key"], row["value"], column): (cell["count"], cell["percent"])
        for s in json.loads(render_json(result))["sections"]
        for q in s["questions"]
        for row in q["rows"]
        for column, cell in row["cells"].items()
        if cell["count"] is not None
    }
    assert from_json == expected
    for key, (count, percent) in expected.items():
        if key[1] == "ej_aktuellt":
            continue
        assert int(from_csv[key]["antal"]) == count, key
        if percent is not None:
            assert float(from_csv[key]["procent"].replace(",", ".")) == round(percent, 1), key

    book = load_workbook(io.BytesIO(render_xlsx(result)))
    sheet_counts = 0
    for section in result.sections:
        sheet = next(ws for ws in book.worksheets if section.title.sv.startswith(ws.title))
        grid = [list(r) for r in sheet.iter_rows(values_only=True)]
        for question in section.questions:
            start = next(i for i, r in enumerate(grid) if len(r) > 1 and r[1] == question.key)
            for row in question.rows:
                line = next(r for r in grid[start:] if r[0] == row.label.sv)
                for position, column in enumerate(COLUMNS):
                    cell = row.cells.get(column)
                    if cell is None:
                        continue
                    shown = line[1 + 2 * position]
                    assert shown == (cell.count if cell.count is not None else "x"), (question.key, row.value, column)
                    sheet_counts += 1
    assert sheet_counts > 100

    pdftotext = require_tool("pdftotext")
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(render_pdf(report))
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert report.anonymised is not None
    for finding in report.anonymised.findings:
        assert " ".join(finding.message.sv.split()) in flat
    for section in result.sections:
        for question in section.questions:
            comparison = question.comparison
            if comparison is None or comparison.female_percent is None or question.comparison_reason is not None:
                continue
            assert format_percent(comparison.female_percent, "sv") in flat
            assert format_percent(comparison.male_percent, "sv") in flat


def test_every_output_carries_the_same_adjusted_figures(app, figures, tmp_path):
    """The p-values adjusted across the round, the flags and the intervals: the aggregation's own in the anonymised
    result, its CSV, XLSX and JSON, the internal PDF and the text report – and the same comparisons hidden."""
    aggregated, result, _report = figures
    published = {q.key: q for s in result.sections for q in s.questions}
    compared = {
        q.key: q.comparison
        for q in aggregated.questions()
        if q.comparison is not None and q.comparison.test is not None
    }
    assert sum(1 for c in compared.values() if not c.primary and c.p_adjusted is not None) > 10
    shown = {}
    for key, c in compared.items():
        question = published[key]
        if question.comparison is None:
            assert question.comparison_reason is not None, key  # hidden, and said so
            continue
        mine = question.comparison
        assert (mine.p_adjusted, mine.flagged, mine.test.p_value) == (c.p_adjusted, c.flagged, c.test.p_value), key
        assert (mine.difference_low, mine.difference_high) == (c.difference_low, c.difference_high), key
        assert (mine.median_ratio_low, mine.median_ratio_high) == (c.median_ratio_low, c.median_ratio_high), key
        shown[key] = c
    assert len(shown) > 10

    from_json = {q["key"]: q["comparison"] for s in json.loads(render_json(result))["sections"] for q in s["questions"]}
    rows = list(csv.DictReader(io.StringIO(render_csv(result).lstrip("\ufeff")), delimiter=";"))
    from_csv: dict[str, set[str]] = {}
    for row in rows:
        if row.get("p_justerat"):
            from_csv.setdefault(row["fraga_kod"], set()).add(row["p_justerat"])
    book = load_workbook(io.BytesIO(render_xlsx(result)))
    grid = [list(r) for ws in book.worksheets for r in ws.iter_rows(values_only=True)]
    for key, c in shown.items():
        assert from_json[key]["p_adjusted"] == c.p_adjusted and from_json[key]["flagged"] == c.flagged, key
        (text,) = from_csv[key]
        assert float(text.replace(",", ".")) == pytest.approx(c.p_adjusted, rel=5e-4), key
        start = next(i for i, r in enumerate(grid) if len(r) > 1 and r[1] == key)
        label = P_VALUE.sv if c.primary else P_ADJUSTED.sv
        value = next(r[1] for r in grid[start:] if r[0] == label)
        assert value == pytest.approx(c.test.p_value if c.primary else c.p_adjusted), key

    with app.db.session() as session:
        internal = build_report(session, ReportRequest(tuple(r.uuid for r in aggregated.rounds)))
    pdf = tmp_path / "intern.pdf"
    pdf.write_bytes(render_pdf(internal))
    pdftotext = require_tool("pdftotext")
    flat = " ".join(
        subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    report = render_text(aggregated, "sv", {})
    for c in compared.values():
        adjusted = format_p(c.p_adjusted, "sv").removeprefix("p = ").removeprefix("p ")
        if not c.primary:
            assert f"justerat p = {adjusted}" in flat or f"justerat p {adjusted}" in flat
            assert re.search(rf"  {re.escape(adjusted)}(  |$)", report, re.MULTILINE), adjusted
    for finding in aggregated.findings:
        assert finding.message.sv in report


def test_a_small_annat_okant_group_reads_the_same_in_every_format(app, tmp_path):
    """Two annat and one okänt: every format gives women and men's total, labelled so, and each group as fewer
    than k."""
    from tests.reports.export_data import add_tempting_round

    with app.db.session() as session:
        round_uuid = add_tempting_round(session)
        result = build_anonymised(session, ExportRequest((round_uuid,)))
        report = build_report(session, ReportRequest((round_uuid,), anonymised=True))
    assert result.method.women_and_men and result.method.cases["total"].count == 99
    rows = list(csv.DictReader(io.StringIO(render_csv(result).lstrip("\ufeff")), delimiter=";"))
    cases = {r["grupp_kod"]: r for r in rows if r["rad_kod"] == "antal_arenden"}
    assert (cases["total"]["antal"], cases["total"]["grupp"]) == ("99", "Kvinnor och män")
    assert cases["other"]["varde"] == cases["unknown"]["varde"] == "färre än 5"
    method = json.loads(render_json(result))["method"]
    assert method["cases"]["total"]["count"] == 99 and method["total_column"] == "women_and_men"
    assert method["other_fewer_than"] == method["unknown_fewer_than"] == 5
    book = load_workbook(io.BytesIO(render_xlsx(result)))
    facts = {r[0]: r[1] for r in book["Metod"].iter_rows(values_only=True) if r and r[0]}
    assert facts["Antal granskade ärenden: kvinnor och män"] == 99
    assert facts["Antal granskade ärenden: annat"] == facts["Antal granskade ärenden: okänt"] == "färre än 5"
    beslut = result.question("beslut")
    csv_total = next(
        r for r in rows if (r["fraga_kod"], r["rad_kod"], r["grupp_kod"]) == ("beslut", "beviljat", "total")
    )
    json_question = next(
        q for s in json.loads(render_json(result))["sections"] for q in s["questions"] if q["key"] == "beslut"
    )
    assert beslut.rows[0].cells["total"].count == 50
    assert int(csv_total["antal"]) == json_question["rows"][0]["cells"]["total"]["count"] == 50
    pdftotext = require_tool("pdftotext")
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(render_pdf(report))
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Granskningen omfattar 99 ärenden om kvinnor och män (kvinnor 50, män 49) och färre än 5 ärenden" in flat
    assert "Kvinnor och män" in flat


def test_the_trend_reads_the_same_in_the_dashboard_the_text_the_json_and_the_pdf(app, qtbot, tmp_path):
    """Three rounds: each round's gap with its interval, the trend with its interval, both p-values and the verdict
    – the trend service's own in the dashboard's Över tid table, `reviewer aggregate --trend` (text and JSON) and
    the PDF report's trend section."""
    from reviewer.services.aggregation import AggregateRequest, trend
    from reviewer.services.aggregation.change_text import point_text, render_trend_text, slope_text
    from reviewer.services.aggregation.json_form import trend_to_json
    from reviewer.services.aggregation.text import VERDICT_WORDS
    from reviewer.ui.dashboard.trend_view import TrendView
    from tests.reports.test_pdf_trend import in_cell, pdf_text, trend_part
    from tests.services.test_report_trend import add_rounds

    with app.db.session() as session:
        uuids = add_rounds(session)
        result = trend(session, uuids, AggregateRequest(uuids))
        report = build_report(session, ReportRequest(uuids, trend=True))
    assert report.trend == result
    text = render_trend_text(result, "sv")
    document = json.loads(json.dumps(trend_to_json(result)))
    pdf = trend_part(pdf_text(report, tmp_path))
    view = TrendView("sv")
    qtbot.addWidget(view)
    view.show_result(result, len(uuids))
    model = view.model
    by_json = {q["key"]: q for q in document["questions"]}
    tested = 0
    for row, q in enumerate(result.questions):
        assert model.record(row) is q
        cells = [model.data(model.index(row, c)) for c in range(model.columnCount())]
        figures = [point_text(q.kind == "numeric", p.gap, p.low, p.high, "sv") for p in q.points]
        figures.append(slope_text(q, "sv"))
        verdict = VERDICT_WORDS[q.verdict or "not_tested"].sv
        line = next(line for line in text.splitlines() if line.startswith("  " + q.text.sv[:30]))
        for figure, shown in zip(figures, cells[1:-3], strict=True):
            assert figure in line, (q.key, figure)
            assert shown == figure.replace("-", "−").replace(" (", "\n(", 1), (q.key, figure)
            assert in_cell(figure, pdf), (q.key, figure)
        assert line.rstrip().endswith(verdict) and cells[-1] == verdict and verdict in pdf
        mine = by_json[q.key]
        assert [(p["gap"], p["low"], p["high"]) for p in mine["points"]] == [(p.gap, p.low, p.high) for p in q.points]
        assert (mine["slope"], mine["p_value"], mine["p_adjusted"], mine["verdict"]) == (
            q.slope,
            q.p_value,
            q.p_adjusted,
            q.verdict,
        )
        if q.p_value is not None:
            adjusted = format_p(q.p_adjusted, "sv").removeprefix("p = ").removeprefix("p ")
            assert cells[-2] == adjusted and f"  {adjusted}  " in line, q.key
            tested += 1
    assert tested == 3


def _annat_and_okant_round(app, annat: int, okant: int, name: str) -> str:
    """30 women and 30 men, `annat` annat and `okant` okänt; "ja" for every annat, "nej" for every okänt."""
    from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data

    sexes = [Sex.KVINNA] * 30 + [Sex.MAN] * 30 + [Sex.ANNAT] * annat + [Sex.OKANT] * okant
    answers = {Sex.ANNAT: "ja", Sex.OKANT: "nej"}
    cases = [Case(sex, {"fragat": answers.get(sex, "ja" if i % 3 else "nej")}) for i, sex in enumerate(sexes)]
    with app.db.session() as session:
        if not list_rounds(session):
            add_checklist(session, checklist_data())
        return add_round(session, name, cases, code_prefix=name[:3].upper())


def test_annat_and_okant_read_the_same_in_every_format(app, tmp_path):
    """Eight annat and six okänt, each k or more: the aggregation, the text report, the CSV, the XLSX, the JSON and
    both PDFs give each its own count, the same everywhere."""
    round_uuid = _annat_and_okant_round(app, 8, 6, "Båda")
    with app.db.session() as session:
        aggregated = aggregate(session, AggregateRequest((round_uuid,)))
        result = build_anonymised(session, ExportRequest((round_uuid,)))
        anonymised_report = build_report(session, ReportRequest((round_uuid,), anonymised=True))
        internal_report = build_report(session, ReportRequest((round_uuid,)))
    assert (aggregated.n_by_group[SexGroup.OTHER], aggregated.n_by_group[SexGroup.UNKNOWN]) == (8, 6)
    fragat = aggregated.question("fragat")
    truth = {
        (column, o.value): o.count for column in ("other", "unknown") for o in fragat.groups[GROUP_OF[column]].options
    }
    assert truth == {("other", "ja"): 8, ("other", "nej"): 0, ("unknown", "ja"): 0, ("unknown", "nej"): 6}
    assert "annat 8, okänt 6" in render_text(aggregated, "sv", {})

    assert result.method.left_out == ()
    assert (result.method.cases["other"].count, result.method.cases["unknown"].count) == (8, 6)
    question = result.question("fragat")
    assert {(c, r.value): r.cells[c].count for c in ("other", "unknown") for r in question.rows} == truth

    rows = list(csv.DictReader(io.StringIO(render_csv(result).lstrip("\ufeff")), delimiter=";"))
    cases = {r["grupp_kod"]: r for r in rows if r["rad_kod"] == "antal_arenden"}
    assert (cases["other"]["antal"], cases["other"]["grupp"]) == ("8", "Annat")
    assert (cases["unknown"]["antal"], cases["unknown"]["grupp"]) == ("6", "Okänt")
    assert cases["total"]["grupp"] == "Totalt" and cases["total"]["antal"] == "74"
    from_csv = {
        (r["grupp_kod"], r["rad_kod"]): int(r["antal"])
        for r in rows
        if r["fraga_kod"] == "fragat" and r["grupp_kod"] in {"other", "unknown"} and r["rad_kod"] in {"ja", "nej"}
    }
    assert from_csv == truth

    exported = json.loads(render_json(result))
    assert exported["method"]["total_column"] == "all"
    assert (exported["method"]["cases"]["other"]["count"], exported["method"]["cases"]["unknown"]["count"]) == (8, 6)
    json_question = next(q for s in exported["sections"] for q in s["questions"] if q["key"] == "fragat")
    from_json = {
        (c, row["value"]): row["cells"][c]["count"] for row in json_question["rows"] for c in ("other", "unknown")
    }
    assert from_json == truth

    book = load_workbook(io.BytesIO(render_xlsx(result)))
    facts = {r[0]: r[1] for r in book["Metod"].iter_rows(values_only=True) if r and r[0]}
    assert (facts["Antal granskade ärenden: annat"], facts["Antal granskade ärenden: okänt"]) == (8, 6)

    pdftotext = require_tool("pdftotext")
    for name, report in (("anonym", anonymised_report), ("intern", internal_report)):
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(render_pdf(report))
        text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        flat = " ".join(text.split())
        assert "annat 8 och okänt 6" in flat, name  # the method's cases
        assert "Granskningen omfattar 74 ärenden (kvinnor 30, män 30, annat 8, okänt 6)." in flat, name


def test_okant_left_out_alone_reads_the_same_in_every_format(app):
    """Six annat, two okänt: okänt is left out as fewer than k in every format, and the total is headed for the
    groups it counts."""
    round_uuid = _annat_and_okant_round(app, 6, 2, "Liten")
    with app.db.session() as session:
        result = build_anonymised(session, ExportRequest((round_uuid,)))
    assert result.method.left_out == ("unknown",)
    rows = list(csv.DictReader(io.StringIO(render_csv(result).lstrip("\ufeff")), delimiter=";"))
    cases = {r["grupp_kod"]: r for r in rows if r["rad_kod"] == "antal_arenden"}
    assert (cases["total"]["antal"], cases["total"]["grupp"]) == ("66", "Kvinnor, män och annat")
    assert cases["unknown"]["varde"] == "färre än 5" and cases["other"]["antal"] == "6"
    method = json.loads(render_json(result))["method"]
    assert method["total_column"] == "without_unknown"
    assert (method["unknown_fewer_than"], method["other_fewer_than"]) == (5, None)
    book = load_workbook(io.BytesIO(render_xlsx(result)))
    facts = {r[0]: r[1] for r in book["Metod"].iter_rows(values_only=True) if r and r[0]}
    assert facts["Antal granskade ärenden: kvinnor, män och annat"] == 66
    assert facts["Antal granskade ärenden: okänt"] == "färre än 5"
