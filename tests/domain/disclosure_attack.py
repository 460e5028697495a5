"""The attacker of the disclosure tests: from what an export publishes – the line equations of each table, the
multiple-choice inequalities, and what a reader knows of the rules (a hidden count is not zero, unless its whole sex
group is hidden) – the least and largest value of every hidden count, by linear programming."""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import linprog

from reviewer.domain.disclosure import FrequencyTable, Reason

# A bound far above any count stands for "no upper bound" (HiGHS may call an unbounded problem infeasible).
UNBOUNDED = 1e6


def reader_floors(table: FrequencyTable, hidden: dict[tuple[int, int], Reason]) -> dict[tuple[int, int], int]:
    """What a reader knows of each hidden entry's least value: zeros are never hidden, except in a sex group whose
    whole column (total included, rows that nobody chose apart) is hidden, where a hidden cell may be a zero."""
    values = table.values()
    empty_rows = {r for r in range(table.rows) if (r, table.columns) not in hidden and values[(r, table.columns)] == 0}
    whole = {
        c
        for c in range(table.columns + 1)
        if all((r, c) in hidden for r in range(table.rows + 1) if r not in empty_rows)
    }
    return {p: 0 if p[1] in whole else 1 for p in hidden}


def attack(
    tables: list[FrequencyTable], results: list[dict[tuple[int, int], Reason]], shared_totals: bool = False
) -> dict[tuple[int, int, int], tuple[float, float]]:
    """For every hidden entry (table, row, column): the least and largest value consistent with everything
    published, as integers (LP bounds rounded inwards). `shared_totals`: the tables are known to describe the same
    cases, so their totals rows are equal."""
    variables: list[tuple[int, int, int]] = []
    bounds: list[tuple[float, float | None]] = []
    for t, (table, hidden) in enumerate(zip(tables, results, strict=True)):
        floors = reader_floors(table, hidden)
        for position in sorted(hidden):
            variables.append((t, *position))
            bounds.append((floors[position], UNBOUNDED))
    index = {v: i for i, v in enumerate(variables)}
    rows_eq: list[np.ndarray] = []
    rhs_eq: list[float] = []
    rows_ub: list[np.ndarray] = []
    rhs_ub: list[float] = []

    def term(t: int, position: tuple[int, int], sign: float, row: np.ndarray, constant: list[float]) -> None:
        if (t, *position) in index:
            row[index[(t, *position)]] += sign
        else:
            constant[0] -= sign * tables[t].values()[position]

    for t, table in enumerate(tables):
        for line in table.lines():
            row = np.zeros(len(variables))
            constant = [0.0]
            for part in line.parts:
                term(t, part, 1.0, row, constant)
            term(t, line.total, -1.0, row, constant)
            rows_eq.append(row)
            rhs_eq.append(constant[0])
        if not table.columns_add_up and table.rows:
            # multiple choice: no option is chosen by more than answered, and every respondent chose something
            for c in range(table.columns):
                cells = [(r, c) for r in range(table.rows)]
                for cell in cells:
                    row = np.zeros(len(variables))
                    constant = [0.0]
                    term(t, cell, 1.0, row, constant)
                    term(t, (table.rows, c), -1.0, row, constant)
                    rows_ub.append(row)
                    rhs_ub.append(constant[0])
                row = np.zeros(len(variables))
                constant = [0.0]
                for cell in cells:
                    term(t, cell, -1.0, row, constant)
                term(t, (table.rows, c), 1.0, row, constant)
                rows_ub.append(row)
                rhs_ub.append(constant[0])
    if shared_totals:
        first = tables[0]
        for t in range(1, len(tables)):
            for c in range(first.columns + 1):
                row = np.zeros(len(variables))
                constant = [0.0]
                term(0, (first.rows, c), 1.0, row, constant)
                term(t, (tables[t].rows, c), -1.0, row, constant)
                rows_eq.append(row)
                rhs_eq.append(constant[0])

    found = {}
    for variable, i in index.items():
        extremes = []
        for sign in (1.0, -1.0):
            objective = np.zeros(len(variables))
            objective[i] = sign
            solved = linprog(
                objective,
                A_ub=np.array(rows_ub) if rows_ub else None,
                b_ub=np.array(rhs_ub) if rhs_ub else None,
                A_eq=np.array(rows_eq),
                b_eq=np.array(rhs_eq),
                bounds=bounds,
                method="highs",
            )
            assert solved.status == 0, solved.message  # the true table is always a solution
            extremes.append(sign * solved.fun)
        low, high = extremes[0], extremes[1]
        found[variable] = (math.ceil(low - 1e-6), math.floor(high + 1e-6) if high < UNBOUNDED - 1 else math.inf)
    return found


def assert_safe(
    tables: list[FrequencyTable], results: list[dict[tuple[int, int], Reason]], shared_totals: bool = False
) -> None:
    for (t, row, column), (low, high) in attack(tables, results, shared_totals).items():
        value = tables[t].values()[(row, column)]
        assert low <= value <= high
        assert low < high, f"table {t} cell {(row, column)} = {value} recovered exactly: {tables[t].cells}"
