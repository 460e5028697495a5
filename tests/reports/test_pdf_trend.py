"""The report's trend section read back with pdftotext: each round's gap with its interval, the trend, both p-values
and the verdict as the text report writes them, the charts' caption; in the anonymised report an x where the round's
anonymised result hides the comparison, and for the trend built on it."""

from __future__ import annotations

import subprocess

from reviewer.reports.pdf import render_pdf
from reviewer.services.aggregation.change_text import point_text, slope_text
from reviewer.services.aggregation.text import VERDICT_WORDS
from reviewer.services.report import ReportRequest, build_report
from tests.services.test_report_trend import SMALL_CELL_ROUNDS, add_rounds
from tests.tools import require_tool


def pdf_text(data, tmp_path, *options: str) -> str:
    """The text flattened to single spaces; with -layout the lines kept, so that a table row reads as one."""
    path = tmp_path / "rapport.pdf"
    path.write_bytes(render_pdf(data))
    read = subprocess.run(
        [require_tool("pdftotext"), *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return read if options else " ".join(read.split())


def in_cell(figure: str, text: str) -> bool:
    """A figure of the text report as the PDF sets it in a cell: the interval on a line of its own, which pdftotext
    may read after a neighbouring cell's line."""
    value, _, interval = figure.partition(" (")
    return value in text and (not interval or f"({interval}" in text)


def trend_part(text: str) -> str:
    return text[text.rindex("Trend över omgångarna") :]


def test_the_trend_section_shows_the_text_reports_figures(app, tmp_path):
    with app.db.session() as session:
        uuids = add_rounds(session)
        data = build_report(session, ReportRequest(uuids, trend=True))
    text = trend_part(pdf_text(data, tmp_path))
    assert text.startswith("Trend över omgångarna År 2024 – År 2025 – År 2026.")  # the font has no arrow
    assert "justerat för antalet prövade trender (3, Benjamini–Hochberg)" in text
    asked = next(q for q in data.trend.questions if q.key == "fragat")
    assert "Frågade handläggaren om barn? – Ja" in text
    for point in asked.points:
        assert in_cell(point_text(False, point.gap, point.low, point.high, "sv"), text)
    assert in_cell(slope_text(asked, "sv"), text)
    assert VERDICT_WORDS["narrowed"].sv in text and VERDICT_WORDS["unchanged"].sv in text
    assert "Skillnaden per omgång med 95 % konfidensintervall. Den streckade linjen är ingen skillnad" in text


def test_the_anonymised_trend_marks_what_the_round_hides(app, tmp_path):
    with app.db.session() as session:
        uuids = add_rounds(session, SMALL_CELL_ROUNDS)
        data = build_report(session, ReportRequest(uuids, anonymised=True, trend=True))
    text = trend_part(pdf_text(data, tmp_path))
    asked = next(q for q in data.trend.questions if q.key == "fragat")
    first, last = asked.points[0], asked.points[2]
    row = text[text.index("Frågade handläggaren om barn? – Ja") : text.index("Framkom våld?")]
    assert in_cell(point_text(False, first.gap, first.low, first.high, "sv"), row)
    assert in_cell(point_text(False, last.gap, last.low, last.high, "sv"), row)
    layout = trend_part(pdf_text(data, tmp_path, "-layout"))
    line = next(line for line in layout.splitlines() if line.startswith("Frågade handläggaren"))
    # the hidden round between the two shown, then the trend, p, adjusted p and the verdict
    assert line.split()[2:] == ["60", "p.e.", "x", "0", "p.e.", "x", "x", "x", "x"]
    assert VERDICT_WORDS["narrowed"].sv not in row
    assert "x = dolt, som i den anonymiserade sammanställningen för den omgången." in text
