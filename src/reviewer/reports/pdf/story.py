"""The story the report's parts add their flowables to: paragraphs, numbered headings, table cells and tables, and
what the internal and the anonymised report hold in common (case counts, findings, comparisons, before/after), so
that each part reads the data one way whichever report it is in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from reviewer.domain.sex import GROUPS
from reviewer.reports.common import case_count, group_label
from reviewer.reports.pdf.anonymised import published_findings, tested_counts
from reviewer.reports.pdf.document import (
    FLAG_BACKGROUND,
    FONT_BOLD,
    GRID,
    HEADER_BACKGROUND,
    HIDDEN_MARK,
    Heading,
    Text,
    register_fonts,
    styles,
    table_style,
)
from reviewer.services.aggregation import Aggregate, Comparison, Finding, QuestionChange
from reviewer.services.aggregation.model import sex_heading
from reviewer.services.aggregation.text import group_words
from reviewer.services.anonymisation import COLUMNS, AnonymisedResult
from reviewer.services.report import ReportData

Changes = tuple[list[QuestionChange], frozenset[tuple[str, str]], str, str]


class Story:
    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.text = Text(register_fonts())
        self.styles = styles()
        self.flowables: list[Flowable] = []
        self._numbers = [0, 0]
        female, male, other, unknown = group_words(data.subject, "sv")
        self.group_headers = (female, male.capitalize(), other.capitalize(), unknown.capitalize())
        self.words = (female.lower(), male)
        self.sex_of = sex_heading(data.subject_label, "sv")

    # -- flowables

    def para(self, text: str, style: str = "body", bullet: str | None = None) -> None:
        self.flowables.append(Paragraph(self.text.markup(text), self.styles[style], bulletText=bullet))

    def heading(self, title: str, level: int) -> None:
        if level == 0:
            self._numbers = [self._numbers[0] + 1, 0]
            number = f"{self._numbers[0]}"
        else:
            self._numbers[1] += 1
            number = f"{self._numbers[0]}.{self._numbers[1]}"
        plain = self.text.plain(f"{number} {title}")
        if level == 0:
            self.flowables.append(CondPageBreak(60 * mm))
        self.flowables.append(
            Heading(escape(plain), self.styles["h1" if level == 0 else "h2"], level, f"s{number}", plain)
        )

    def cell(self, text: str, bold: bool = False, note: str = "", style: str = "cell") -> Paragraph:
        """A left-aligned cell that wraps; `note` below it in small grey type."""
        markup = self.text.markup(text)
        if note:
            size, colour = self.styles["note"].fontSize, self.styles["note"].textColor.hexval()[2:]
            markup += f'<br/><font size="{size}" color="#{colour}">{self.text.markup(note)}</font>'
        return Paragraph(markup, self.styles["cell_bold" if bold else style])

    def right(self, text: str, head: bool = False, style: str = "cell_right") -> Paragraph:
        """A right-aligned cell that wraps, lines kept; a "/" in a heading may break the line ("Annat/ okänt")."""
        lines = [self.text.markup(line) for line in text.split("\n")]
        if head:
            lines = [line.replace("/", "/<br/>") for line in lines]
        markup = "<br/>".join(lines)
        return Paragraph(markup, self.styles["head_right" if head else style])

    def table(
        self,
        rows: list[list[Any]],
        widths: Sequence[float],
        flagged: Sequence[int] = (),
        commands: Sequence[tuple[Any, ...]] = (),
        lines_below: Sequence[int] | None = None,
    ) -> None:
        """`flagged`: rows tinted; `lines_below`: the rows with a rule under them (all when None)."""
        table = Table(rows, colWidths=list(widths), repeatRows=1)
        style: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8, 9.5),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if lines_below is None:
            style.append(("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID))
        else:
            style += [("LINEBELOW", (0, i), (-1, i), 0.3, GRID) for i in (0, *lines_below)]
        style += [("BACKGROUND", (0, i), (-1, i), FLAG_BACKGROUND) for i in flagged]
        table.setStyle(table_style(*style, *commands))
        self.flowables.append(table)
        self.flowables.append(Spacer(1, 4 * mm))

    # -- what the two reports have in common

    @property
    def women_and_men(self) -> bool:
        """Small annat and okänt groups are both left out of the anonymised tables: the total is women and men's."""
        return self.anonymised is not None and self.anonymised.method.women_and_men

    @property
    def left_out(self) -> tuple[str, ...]:
        """The small annat or okänt groups left out of the anonymised tables ("other", "unknown")."""
        return self.anonymised.method.left_out if self.anonymised is not None else ()

    @property
    def min_cell(self) -> int:
        return self.anonymised.method.rules.min_cell if self.anonymised is not None else 0

    @property
    def total_header(self) -> str:
        if self.anonymised is None or not self.left_out:
            return "Totalt"
        return group_label("total", self.anonymised.method).sv

    @property
    def anonymised(self) -> AnonymisedResult | None:
        return self.data.anonymised

    @property
    def aggregate(self) -> Aggregate:
        assert self.data.aggregate is not None
        return self.data.aggregate

    def case_counts(self) -> tuple[str, str, str, str, str]:
        """Cases of women, men, annat, okänt and in all; "x" where the anonymised report hides the count, "färre
        än k" for a group left out."""
        if self.anonymised is not None:
            method = self.anonymised.method
            female, male, other, unknown, total = (case_count(method, c) for c in COLUMNS)
            return female, male, other, unknown, total
        female, male, other, unknown = (str(self.aggregate.n_by_group[g]) for g in GROUPS)
        return female, male, other, unknown, str(self.aggregate.n_cases)

    def findings(self) -> list[Finding]:
        if self.anonymised is not None:
            return published_findings(self.anonymised, self.data.question_units)
        return self.aggregate.findings

    def tested(self) -> tuple[int, int, int]:
        """Comparisons tested (not primary, primary) and comparisons the anonymised report does not publish."""
        if self.anonymised is not None:
            return tested_counts(self.anonymised)
        return self.aggregate.n_tested, self.aggregate.n_tested_primary, 0

    def comparisons(self) -> list[Comparison]:
        if self.anonymised is not None:
            sections = self.anonymised.sections
            return [q.comparison for s in sections for q in s.questions if q.comparison is not None]
        return [q.comparison for s in self.aggregate.sections for q in s.questions if q.comparison is not None]

    def compared_by_sex(self, key: str) -> bool:
        if self.anonymised is not None:
            question = self.anonymised.question(key)
            return question is not None and question.compare_by_sex
        result = self.aggregate.question(key)
        return result is not None and result.compare_by_sex

    def changes(self) -> Changes | None:
        """The before/after changes, the hidden (key, side) pairs, and the case counts of before and after."""
        if self.data.anonymised_before_after is not None:
            ba = self.data.anonymised_before_after
            cases = [HIDDEN_MARK if c.count is None else str(c.count) for c in (ba.before_cases, ba.after_cases)]
            return ba.changes, frozenset(ba.hidden), cases[0], cases[1]
        if self.data.before_after is not None:
            before_after = self.data.before_after
            counts = str(before_after.before.n_cases), str(before_after.after.n_cases)
            return before_after.questions, frozenset(), *counts
        return None


def join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]
