"""The trend over three or more rounds: per question the gap between women and men in each round with its 95 %
interval, the fitted change per round with its interval, its own and its adjusted p, and what it means – the figures
and words of the text report (`change_text.point_text`, `slope_text`, `text.VERDICT_WORDS`) – and a small chart per
question of the gaps with their intervals (`trend_chart`)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Table

from reviewer.reports.pdf.before_after import p_number
from reviewer.reports.pdf.document import HIDDEN_MARK, WIDTH, table_style
from reviewer.reports.pdf.story import Story
from reviewer.reports.pdf.trend_chart import trend_chart
from reviewer.services.aggregation import QuestionTrend, TrendPoint
from reviewer.services.aggregation.change_text import point_text, slope_text
from reviewer.services.aggregation.text import VERDICT_WORDS

ROUNDS_IN_ONE_TABLE = 4  # more rounds: the gaps in one table, the test in another, so that the figures stay legible
CHARTS_PER_ROW = 2


def trend(story: Story) -> None:
    round_trend = story.data.trend
    if round_trend is None:
        return
    female, male = story.words
    hidden = story.data.trend_hidden
    story.heading("Trend över omgångarna", 0)
    story.para(
        f"{' → '.join(r.name for r in round_trend.rounds)}. {story.sex_of}. Skillnaden är {female} minus {male} i "
        "varje omgång för sig, i procentenheter för andelar och som kvot mellan medianerna för tal, med 95 % "
        "konfidensintervall; alla omgångar jämförs vid samma svar, valt ur omgångarna sammanlagda. Trenden är "
        "den skattade förändringen av skillnaden per omgång (viktad linjär regression; för tal den faktor kvoten "
        "multipliceras med per omgång) med 95 % konfidensintervall. Kolumnen p prövar om skillnaden ändras över "
        f"omgångarna (ojusterat); justerat p är samma p justerat för antalet prövade trender ({round_trend.n_tested}, "
        "Benjamini–Hochberg). ”Skillnaden har minskat” eller ”har ökat” står bara när trenden håller efter "
        "justeringen." + (" x = dolt, som i den anonymiserade sammanställningen för den omgången." if hidden else "")
    )
    questions = [q for q in round_trend.questions if story.compared_by_sex(q.key)]
    names = [r.name for r in round_trend.rounds]
    test_header: list[Any] = [
        story.right("Trend per\nomgång (95 % KI)", True),
        story.right("p", True),
        story.right("Justerat\np", True),
        story.cell("Bedömning", True),
    ]
    test_widths = [26 * mm, 14 * mm, 17 * mm, 28 * mm]
    label_width = 38 * mm
    if len(names) <= ROUNDS_IN_ONE_TABLE:
        round_width = (WIDTH - label_width - sum(test_widths)) / len(names)
        rows: list[list[Any]] = [[story.cell("Fråga – jämfört svar", True), *_round_heads(story, names), *test_header]]
        rows += [[_label(story, q), *_points(story, q, hidden), *_test(story, q, hidden)] for q in questions]
        story.table(rows, [label_width, *[round_width] * len(names), *test_widths])
    else:
        round_width = (WIDTH - label_width) / len(names)
        rows = [[story.cell("Fråga – jämfört svar", True), *_round_heads(story, names)]]
        rows += [[_label(story, q), *_points(story, q, hidden)] for q in questions]
        story.table(rows, [label_width, *[round_width] * len(names)])
        rows = [[story.cell("Fråga – jämfört svar", True), *test_header]]
        rows += [[_label(story, q), *_test(story, q, hidden)] for q in questions]
        story.table(rows, [WIDTH - sum(test_widths), *test_widths])
    _charts(story, [q for q in questions if any(p.gap is not None for p in q.points)], names)


def _round_heads(story: Story, names: list[str]) -> list[Any]:
    return [story.right(name, True) for name in names]


def _label(story: Story, q: QuestionTrend) -> Any:
    text = f"{q.text.sv} – {q.option_label.sv}" if q.option_label is not None else q.text.sv
    return story.cell(text, note="huvudfråga: prövas utan justering".capitalize() if q.primary else "")


def _cell(text: str) -> str:
    """The interval on a line of its own: "20 p.e." over "(−1 till 39)"."""
    return text.replace(" (", "\n(", 1)


def point_cell(q: QuestionTrend, point: TrendPoint, hidden: frozenset[tuple[str, str]]) -> str:
    if (q.key, point.round_uuid) in hidden:
        return HIDDEN_MARK
    return _cell(point_text(q.kind == "numeric", point.gap, point.low, point.high, "sv"))


def _points(story: Story, q: QuestionTrend, hidden: frozenset[tuple[str, str]]) -> list[Any]:
    return [story.right(point_cell(q, p, hidden)) for p in q.points]


def _test(story: Story, q: QuestionTrend, hidden: frozenset[tuple[str, str]]) -> list[Any]:
    """Slope, raw p, adjusted p and verdict; all "x" when a gap they are worked out from is hidden."""
    if any((q.key, p.round_uuid) in hidden for p in q.points):
        return [story.right(HIDDEN_MARK)] * 3 + [story.cell(HIDDEN_MARK)]
    raw = adjusted = "–"
    if q.p_value is not None:
        raw = p_number(q.p_value)
        adjusted = "ojusterat" if q.primary else ("–" if q.p_adjusted is None else p_number(q.p_adjusted))
    return [
        story.right(_cell(slope_text(q, "sv"))),
        story.right(raw),
        story.right(adjusted),
        story.cell(VERDICT_WORDS[q.verdict or "not_tested"].sv),
    ]


def _charts(story: Story, questions: list[QuestionTrend], names: list[str]) -> None:
    """Small charts, two to a row: each question's gap per round with its interval and the line of no gap."""
    if not questions:
        return
    story.para(
        "Skillnaden per omgång med 95 % konfidensintervall. Den streckade linjen är ingen skillnad (0 procentenheter, "
        "eller kvoten 1 för tal).",
        "small",
    )
    width = WIDTH / CHARTS_PER_ROW
    drawings = [trend_chart(q, names, width - 4, story.text) for q in questions]
    rows = [drawings[i : i + CHARTS_PER_ROW] for i in range(0, len(drawings), CHARTS_PER_ROW)]
    if len(rows[-1]) < CHARTS_PER_ROW:
        rows[-1] = rows[-1] + [""] * (CHARTS_PER_ROW - len(rows[-1]))
    table = Table(rows, colWidths=[width] * CHARTS_PER_ROW)
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)))
    story.flowables.append(table)
