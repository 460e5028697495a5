"""What the anonymised report may print beyond the cells of the anonymised result.

The anonymised result decides what is hidden; the report adds figures derived from what it publishes – Wilson
intervals from a published count and base, the sex distribution from a row whose counts are all published – and
prints means and sums only where the result publishes them: a finding's "medelvärde 12 500 kr" would otherwise give
away a sum the dominance rule hides.
"""

from __future__ import annotations

from dataclasses import replace

from reviewer.services.aggregation import Finding
from reviewer.services.aggregation.model import Unit
from reviewer.services.aggregation.text import finding_message
from reviewer.services.anonymisation import AnonymisedQuestion, AnonymisedResult


def means_hidden(question: AnonymisedQuestion) -> bool:
    """A numeric question whose women's or men's sum (and so mean) is hidden."""
    return question.kind == "numeric" and any(
        question.numbers[column].mean is None or question.numbers[column].total_reason is not None
        for column in ("female", "male")
    )


def published_findings(result: AnonymisedResult, units: dict[str, Unit]) -> list[Finding]:
    """The result's findings; a sentence that would give hidden means is written again from the published
    comparison (the anonymised result keeps the aggregation's sentence)."""
    findings = []
    for finding in result.findings:
        question = result.question(finding.question_key)
        if question is None or not means_hidden(question):
            findings.append(finding)
            continue
        comparison = question.comparison  # without the means: `services.anonymisation` leaves them out
        assert comparison is not None  # a finding's comparison is published
        message = finding_message(
            finding.question_text, comparison, result.method.subject, units.get(finding.question_key, "none")
        )
        findings.append(replace(finding, comparison=comparison, message=message))
    return findings


def tested_counts(result: AnonymisedResult) -> tuple[int, int, int]:
    """How many published comparisons were tested (not primary, primary), and how many comparisons are hidden."""
    published = [q.comparison for s in result.sections for q in s.questions if q.comparison is not None]
    tested = [c for c in published if c.test is not None]
    hidden = sum(1 for s in result.sections for q in s.questions if q.comparison_reason is not None)
    return sum(1 for c in tested if not c.primary), sum(1 for c in tested if c.primary), hidden
