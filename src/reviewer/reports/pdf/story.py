"""The story the report's parts add their flowables to: paragraphs, numbered headings, table cells and tables, and
what the internal and the anonymised report hold in common (case counts, findings, comparisons, before/after), so
that each part reads the data one way whichever report it is in."""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.domain.sex import GROUPS
from reviewer.reports.common import case_count, group_label
from reviewer.reports.pdf.anonymised import published_findings, tested_counts
from reviewer.reports.pdf.document import HIDDEN_MARK
from reviewer.reports.pdf.layout import Layout
from reviewer.services.aggregation import Aggregate, Comparison, Finding, QuestionChange
from reviewer.services.aggregation.model import sex_heading
from reviewer.services.aggregation.text import group_words
from reviewer.services.anonymisation import COLUMNS, AnonymisedResult
from reviewer.services.report import ReportData

Changes = tuple[list[QuestionChange], frozenset[tuple[str, str]], str, str]


class Story(Layout):
    def __init__(self, data: ReportData) -> None:
        super().__init__()
        self.data = data
        female, male, other, unknown = group_words(data.subject, "sv")
        self.group_headers = (female, male.capitalize(), other.capitalize(), unknown.capitalize())
        self.words = (female.lower(), male)
        self.sex_of = sex_heading(data.subject_label, "sv")

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
