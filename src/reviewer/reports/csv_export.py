"""The anonymised export as one tidy CSV table for Swedish Excel: UTF-8 with a byte order mark (so Excel reads å, ä,
ö), ";" between fields and a decimal comma – or a decimal point for other tools (the separator stays ";").

One row per figure – a count with its percentage, or one statistic of a number question – for one sex group, so that
an Excel pivot table can put the questions and answers down the side and the groups across the top. The method comes
first, as rows of the same shape (section "Metod"). The columns are documented in docs/export-format.md.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal

import numpy as np

from reviewer.domain.disclosure import Rules
from reviewer.domain.text import Message
from reviewer.reports.common import (
    ALL_UNITS,
    CASES,
    CHECKLIST,
    DOMINANCE,
    EXPORTED_ON,
    HIDDEN,
    HIDDEN_COUNT,
    METHOD,
    MIN_CELL,
    REVIEWERS,
    ROUNDS,
    SEX_GROUPS_ONLY,
    SEX_OF,
    STATE_LABELS,
    STATISTICS,
    UNIT,
    UNITS,
    WITH_SUM,
    PublicReason,
    case_count,
    group_label,
    public_reason,
    reason_text,
    statistic,
)
from reviewer.reports.guard import ExportGuard, csv_texts
from reviewer.services.anonymisation import (
    COLUMNS,
    TOTAL_LABEL,
    AnonymisedQuestion,
    AnonymisedResult,
    Cell,
    Column,
    Method,
)
from reviewer.services.files import write_atomically

Decimal = Literal[",", "."]
DELIMITER = ";"
HEADER = (
    "avsnitt",
    "fraga_kod",
    "fraga",
    "fragetyp",
    "rad_kod",
    "rad",
    "grupp_kod",
    "grupp",
    "antal",
    "procent",
    "varde",
    "enhet",
    "dolt",
    "orsak",
    "jamforelse",
    "jamfort_svar",
    "skillnad_procentenheter",
    "skillnad_ki_lag",
    "skillnad_ki_hog",
    "kvot_medianer",
    "kvot_medianer_ki_lag",
    "kvot_medianer_ki_hog",
    "kvot_medelvarden",
    "kvot_medelvarden_ki_lag",
    "kvot_medelvarden_ki_hog",
    "p_varde",
    "p_justerat",
    "huvudfraga",
    "test",
    "flaggad",
)
NUMERIC_COLUMNS = (
    "antal",
    "procent",
    "varde",
    "skillnad_procentenheter",
    "skillnad_ki_lag",
    "skillnad_ki_hog",
    "kvot_medianer",
    "kvot_medianer_ki_lag",
    "kvot_medianer_ki_hog",
    "kvot_medelvarden",
    "kvot_medelvarden_ki_lag",
    "kvot_medelvarden_ki_hog",
    "p_varde",
    "p_justerat",
)
WHERE = Message("CSV-filen", "the CSV file")


def _number(value: float | None, decimals: int, decimal: Decimal) -> str:
    if value is None:
        return ""
    text = f"{round(value, decimals):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", decimal)


def _p(value: float | None, decimal: Decimal) -> str:
    """Four significant digits, never in exponent form (Excel reads 1,2E-05 as text in some locales)."""
    if value is None:
        return ""
    text = np.format_float_positional(value, precision=4, unique=False, fractional=False, trim="-")
    return text.replace(".", decimal)


def excel_csv(rows: Iterable[Sequence[str]]) -> str:
    """Rows as Swedish Excel opens them with a double click: a byte order mark, ";" between fields, CRLF."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n").writerows(rows)
    return "\ufeff" + buffer.getvalue()


def render_csv(result: AnonymisedResult, decimal: Decimal = ",") -> str:
    body = ([row.get(name, "") for name in HEADER] for row in _rows(result, decimal))
    return excel_csv(itertools.chain([HEADER], body))


def write_csv(result: AnonymisedResult, path: Path, guard: ExportGuard, decimal: Decimal = ",") -> None:
    """Render, let the guard read the finished text back, then write it atomically (nothing on a refusal)."""
    text = render_csv(result, decimal)
    guard.check(csv_texts(text, DELIMITER, NUMERIC_COLUMNS), WHERE)
    write_atomically(path, text.encode("utf-8"))


def _rows(result: AnonymisedResult, decimal: Decimal) -> Iterator[dict[str, str]]:
    method, rules = result.method, result.method.rules

    def fact(code: str, label: Message, text: str = "", value: str = "", count: str = "") -> dict[str, str]:
        return {"avsnitt": METHOD.sv, "rad_kod": code, "rad": text or label.sv, "varde": value, "antal": count}

    title = f"{method.checklist_title.sv} ({method.checklist_slug}, version {method.checklist_version})"
    yield fact("checklista", CHECKLIST, title)
    yield fact("kon_avser", SEX_OF, method.subject_label.sv)
    for round_ in method.rounds:
        yield fact("omgang", ROUNDS, f"{round_.name} ({round_.period_label})")
    yield fact("enhet", UNIT, method.unit or ALL_UNITS.sv)
    for column, cell in method.cases.items():
        line = fact("antal_arenden", CASES, count=_count(cell)) | _group(column, method)
        if cell.count is None and column in method.left_out:
            line["varde"] = case_count(method, column)  # "färre än k": the group is left out of every table
        yield line | (_hidden(public_reason(cell.reason), rules) if cell.reason is not None else {})
    yield fact("antal_granskare", REVIEWERS, count=str(method.n_reviewers))
    yield fact("minsta_antal", MIN_CELL, value=str(rules.min_cell))
    yield fact("dominans_n", DOMINANCE, value=str(rules.dominance_n))
    yield fact("dominans_procent", DOMINANCE, value=_number(rules.dominance_percent, 1, decimal))
    yield fact("dolda_uppgifter", HIDDEN_COUNT, count=str(method.n_hidden))
    yield fact("exportdatum", EXPORTED_ON, method.exported_on.isoformat())
    for section in result.sections:
        for question in section.questions:
            base = {
                "avsnitt": section.title.sv,
                "fraga_kod": question.key,
                "fraga": question.text.sv,
                "fragetyp": question.type.value,
            } | _comparison(question, decimal)
            if question.kind == "categorical":
                yield from _categorical(question, base, result, decimal)
            else:
                yield from _numeric(question, base, result, decimal)


def _group(column: Column, method: Method) -> dict[str, str]:
    return {"grupp_kod": column, "grupp": group_label(column, method).sv}


def _hidden(reason: PublicReason, rules: Rules) -> dict[str, str]:
    return {"dolt": HIDDEN, "orsak": reason_text(reason, rules).sv}


def _count(cell: Cell) -> str:
    return "" if cell.count is None else str(cell.count)


def _comparison(question: AnonymisedQuestion, decimal: Decimal) -> dict[str, str]:
    c = question.comparison
    if c is None:
        return {"jamforelse": "dold"} if question.comparison_reason is not None else {}
    return {
        "jamforelse": STATE_LABELS[c.state].sv,
        "jamfort_svar": c.option_label.sv if c.option_label is not None else "",
        "skillnad_procentenheter": _number(c.difference_pp, 1, decimal),
        "skillnad_ki_lag": _number(c.difference_low, 1, decimal),
        "skillnad_ki_hog": _number(c.difference_high, 1, decimal),
        "kvot_medianer": _number(c.median_ratio, 3, decimal),
        "kvot_medianer_ki_lag": _number(c.median_ratio_low, 3, decimal),
        "kvot_medianer_ki_hog": _number(c.median_ratio_high, 3, decimal),
        "kvot_medelvarden": _number(c.mean_ratio, 3, decimal),
        "kvot_medelvarden_ki_lag": _number(c.mean_ratio_low, 3, decimal),
        "kvot_medelvarden_ki_hog": _number(c.mean_ratio_high, 3, decimal),
        "p_varde": _p(c.test.p_value if c.test else None, decimal),
        "p_justerat": _p(c.p_adjusted if c.test else None, decimal),
        "huvudfraga": "ja" if c.primary else "nej",
        "test": c.test.name if c.test else "",
        "flaggad": "ja" if c.flagged else "nej",
    }


def _categorical(
    question: AnonymisedQuestion, base: dict[str, str], result: AnonymisedResult, decimal: Decimal
) -> Iterator[dict[str, str]]:
    rules = result.method.rules
    rows = [*question.rows, *([question.totals] if question.totals is not None else [])]
    for row in rows:
        for column in COLUMNS:
            cell = row.cells[column]
            line = base | {"rad_kod": row.value or "totalt", "rad": row.label.sv if row.value else TOTAL_LABEL.sv}
            line |= _group(column, result.method) | {
                "antal": _count(cell),
                "procent": _number(cell.percent, 1, decimal),
            }
            if cell.reason is not None:
                reason = public_reason(cell.reason) if cell.count is None else PublicReason.DERIVED
                line |= _hidden(reason, rules)
            yield line


def _numeric(
    question: AnonymisedQuestion, base: dict[str, str], result: AnonymisedResult, decimal: Decimal
) -> Iterator[dict[str, str]]:
    rules = result.method.rules
    unit = UNITS[question.unit].sv
    for code, label in STATISTICS:
        if code == "summa" and question.unit != "money":
            continue
        for column in COLUMNS:
            if column == "total" and code in SEX_GROUPS_ONLY:
                continue
            cell = question.numbers[column]
            line = base | {"rad_kod": code, "rad": label.sv} | _group(column, result.method)
            if code == "n":
                line["antal"] = "" if cell.n is None else str(cell.n)
            else:
                line |= {"varde": _number(statistic(cell, code), 2, decimal), "enhet": unit}
            reason = cell.reason if cell.reason is not None else (cell.total_reason if code in WITH_SUM else None)
            if reason is not None:
                line |= _hidden(public_reason(reason), rules)
            yield line
