"""Disclosure control for the anonymised export: which figures of a sex-split table may leave the unit.

Three rules, documented with their sources in `docs/anonymisation.md`:

- **Frequency rule (primary suppression).** A count of 1 to k − 1 cases is hidden (k = `Rules.min_cell`, default 5,
  never below 3). A zero is published: an empty cell names nobody. The exception is a sex group that itself has
  fewer than k cases: every cell of its column is hidden, zeros included, because "none of the three men …" tells
  something about each of the three (only a row that nobody at all chose keeps its zeros).
- **Secondary (complementary) suppression.** Hidden cells must not be recomputable from the published row, column
  and grand totals. Every line (a row or column with its total) is checked until nothing changes: a line with
  exactly one hidden entry gets a second one, and a line with a published total whose hidden entries add up to so
  little that none of them could be k or more gets one more too. Because zeros are never hidden (outside a small
  group), an attacker knows a hidden count is at least 1; the second check keeps "two hidden cells that add up to
  2" from giving away two ones.
- **Dominance rule (n, p) for sums of money.** A sum is hidden when its n largest contributions make up more than
  p % of it (default (2, 85 %)).

Which entry is hidden as a complement is chosen so that the sex split survives: first the Totalt column (the row
totals and the grand total), then the answer cells, and the sex groups' totals (the bases of the percentages) last;
among those, one whose crossing line already holds a hidden entry (so nothing cascades), then the smallest.

Tables that share their totals row (most questions are answered by every case, so they have the same number of
women, men, annat and okänt) are suppressed together by `suppress_linked`: a total hidden in one is hidden in all of
them, otherwise two tables with different complements would reveal it by subtraction.

The line rules are local; across several lines a reader can still combine equations (and the knowledge that a hidden
count is at least 1) to pin a cell down. So every pattern is checked by its feasibility intervals (the ESSnet SDC
handbook's test of a suppression pattern): for every hidden count, the least and largest value consistent with
everything published is found by linear programming, and a count pinned to a single value gets one more complement,
until none is.

Pure: no SQL, no Qt. Positions in a `FrequencyTable` are (row, column); row == `rows` is the totals row and
column == `columns` is the Totalt column.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Generic, TypeVar

import numpy as np

from reviewer.domain.linear_program import LinearProgram, Row
from reviewer.domain.text import Message

MIN_MIN_CELL = 3

P = TypeVar("P", bound=Hashable)
Position = tuple[int, int]


class RulesError(ValueError):
    """Rules a caller asked for that would not protect anyone; the CLI and the GUI show `message`."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message


@dataclass(frozen=True)
class Rules:
    """The rules an export applies: the frequency rule's k and the (n, p %) dominance rule for sums of money."""

    min_cell: int = 5
    dominance_n: int = 2
    dominance_percent: float = 85.0

    def __post_init__(self) -> None:
        if self.min_cell < MIN_MIN_CELL:
            raise RulesError(
                Message(
                    f"Minsta antal ärenden per cell måste vara minst {MIN_MIN_CELL} (angivet: {self.min_cell}); "
                    "med färre kan enskilda personer pekas ut",
                    f"The minimum number of cases per cell must be at least {MIN_MIN_CELL} (given: {self.min_cell}); "
                    "with fewer, individuals can be singled out",
                )
            )
        if self.dominance_n < 1:
            raise RulesError(
                Message(
                    "Dominansregelns antal största bidrag måste vara minst 1",
                    "The dominance rule's number of largest contributions must be at least 1",
                )
            )
        if not 0.0 < self.dominance_percent <= 100.0:
            raise RulesError(
                Message(
                    "Dominansregelns procentgräns måste ligga mellan 0 och 100",
                    "The dominance rule's percentage must be between 0 and 100",
                )
            )


class Reason(StrEnum):
    """Why a figure is hidden. The exports never tell PRIMARY from SECONDARY: knowing which hidden cells are the
    small ones would let a reader narrow them down (see docs/anonymisation.md)."""

    PRIMARY = "primary"  # a count of 1..k-1 cases, or a cell of a sex group with fewer than k cases
    SECONDARY = "secondary"  # hidden so that another hidden figure cannot be recomputed
    DOMINANCE = "dominance"  # a sum whose n largest contributions exceed p % of it
    TOO_FEW = "too_few"  # a statistic (mean, median, quartiles, sum) of fewer than k values
    RELEASED = "released"  # hidden so that, with an earlier release of an overlapping selection, none can be worked out


def is_small(count: int, rules: Rules) -> bool:
    """The frequency rule: 1..k-1 cases. Zero is not small: an empty cell reveals no one."""
    return 0 < count < rules.min_cell


def is_dominated(largest: Iterable[float], total: float, rules: Rules) -> bool:
    """The (n, p) dominance rule for a sum of non-negative amounts: its n largest contributions (`largest` may hold
    more; the n largest of them count) make up more than p % of `total`."""
    if total <= 0:
        return False
    top = sorted(largest, reverse=True)[: rules.dominance_n]
    return sum(top) > rules.dominance_percent / 100.0 * total


@dataclass(frozen=True)
class Line(Generic[P]):
    """An additive relation that a reader can use: the parts add up to the total."""

    parts: tuple[P, ...]
    total: P

    @property
    def entries(self) -> tuple[P, ...]:
        return (*self.parts, self.total)


def protect(
    values: Mapping[P, float],
    lines: Sequence[Line[P]],
    hidden: Mapping[P, Reason],
    rank: Callable[[P], int],
    min_hidden_sum: int | None = None,
    floor: Callable[[P], int] = lambda _p: 1,
) -> dict[P, Reason]:
    """Secondary suppression: `hidden` plus the complements that keep every hidden entry from being recomputed.

    A line needs another hidden entry when it has exactly one, or – with `min_hidden_sum` (k, for counts) and a
    published total – when its hidden entries add up to so little that, given what a reader knows of each one's
    least value (`floor`: 1, or 0 for a cell that may be a hidden zero), none of them could be k or more. The
    complement is a published, non-zero entry of the line (a zero only when there is none), by `rank` (lower
    first), then one whose other lines already hold a hidden entry, then the smallest value.
    """
    result = dict(hidden)
    by_position: dict[P, list[int]] = {}
    for index, line in enumerate(lines):
        for position in line.entries:
            by_position.setdefault(position, []).append(index)

    def needs_more(line: Line[P]) -> bool:
        entries = [p for p in line.entries if p in result]
        if not entries:
            return False
        if len(entries) == 1:
            return True
        if min_hidden_sum is None or line.total in result:
            return False
        hidden_sum = sum(values[p] for p in entries)
        floors = [floor(p) for p in entries]
        # the largest value a reader must allow for the hidden entry that can be the least large
        return hidden_sum - sum(floors) + min(floors) < min_hidden_sum

    def cost(position: P, current: int) -> int:
        return sum(
            1
            for index in by_position[position]
            if index != current and not any(p in result for p in lines[index].entries)
        )

    changed = True
    while changed:
        changed = False
        for index, line in enumerate(lines):
            while needs_more(line):
                candidates = [p for p in line.entries if p not in result and values[p] > 0]
                # a zero only beside a zero hidden for another release's sake: nothing else is left on its line
                candidates = candidates or [p for p in line.entries if p not in result]
                if not candidates:
                    raise AssertionError("a line with a hidden entry has nothing left to hide")  # pragma: no cover
                chosen = min(candidates, key=lambda p: (rank(p), cost(p, index), values[p], repr(p)))
                result[chosen] = Reason.SECONDARY
                changed = True
    return result


@dataclass(frozen=True)
class FrequencyTable:
    """Counts by answer option (rows) and sex group (columns), with row totals, column totals and a grand total.

    `column_totals` is given for multiple choice, where a case may choose several options, so that a column adds up
    to at least the number who answered (its total), and for a table with no rows at all (a plain line of group
    sizes). Otherwise it is None and the columns are summed.
    """

    cells: tuple[tuple[int, ...], ...]
    column_totals: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        widths = {len(row) for row in self.cells}
        if len(widths) > 1 or any(v < 0 for row in self.cells for v in row):
            raise ValueError("a frequency table is a rectangle of counts >= 0")
        if self.column_totals is None and not self.cells:
            raise ValueError("a table without rows needs its column totals")
        if self.column_totals is not None and self.cells and len(self.column_totals) != len(self.cells[0]):
            raise ValueError("one column total per column")

    @property
    def rows(self) -> int:
        return len(self.cells)

    @property
    def columns(self) -> int:
        if self.column_totals is not None:
            return len(self.column_totals)
        return len(self.cells[0])

    @property
    def columns_add_up(self) -> bool:
        return self.column_totals is None

    def totals_row(self) -> tuple[int, ...]:
        """The column totals and the grand total: what links this table to others on the same cases."""
        return self._totals_row

    @cached_property
    def _totals_row(self) -> tuple[int, ...]:  # asked for again and again while tables are suppressed together
        totals = self.column_totals or tuple(sum(row[c] for row in self.cells) for c in range(self.columns))
        return (*totals, sum(totals))

    def values(self) -> dict[Position, int]:
        return dict(self._values)

    @cached_property
    def _values(self) -> dict[Position, int]:
        values: dict[Position, int] = {}
        for r, row in enumerate(self.cells):
            for c, value in enumerate(row):
                values[(r, c)] = value
            values[(r, self.columns)] = sum(row)
        for c, total in enumerate(self.totals_row()):
            values[(self.rows, c)] = total
        return values

    def lines(self) -> list[Line[Position]]:
        rows, columns = self.rows, self.columns
        lines = [Line(tuple((r, c) for c in range(columns)), (r, columns)) for r in range(rows + 1)]
        if self.columns_add_up:
            lines += [Line(tuple((r, c) for r in range(rows)), (rows, c)) for c in range(columns + 1)]
        return lines

    def rank(self, position: Position) -> int:
        """Which entries to give up first as complements: the Totalt column, then answer cells, then the groups'
        totals (the bases of every percentage in their column)."""
        row, column = position
        if column == self.columns:
            return 0
        return 2 if row == self.rows else 1


def small_columns(table: FrequencyTable, rules: Rules) -> set[int]:
    """The sex groups with 1..k-1 cases in the table; the whole Totalt column too when the table is that small."""
    totals = table.totals_row()
    return {c for c, total in enumerate(totals) if is_small(total, rules)}


def floors(table: FrequencyTable, rules: Rules) -> Callable[[Position], int]:
    """The least value a reader must allow for a hidden entry: 1 (zeros are published), but 0 for a cell of a small
    group, whose zeros are hidden too, and for a zero hidden because another release would otherwise give a figure
    away (the audit then grants the reader that it is a zero)."""
    small = small_columns(table, rules)
    values = table.values()

    def floor(position: Position) -> int:
        row, column = position
        in_small = row < table.rows and (column in small or table.columns in small)
        return 0 if in_small or values[position] == 0 else 1

    return floor


def _suppress_one(table: FrequencyTable, rules: Rules, forced: Mapping[Position, Reason]) -> dict[Position, Reason]:
    """The frequency rule, every cell of a small group, `forced`, then the line rules of `protect`."""
    values = table.values()
    small = small_columns(table, rules)
    hidden: dict[Position, Reason] = {}
    for position, value in values.items():
        row, column = position
        # a row nobody chose says nothing about the small group: its zeros stay
        in_small_group = column in small and (row == table.rows or values[(row, table.columns)] > 0)
        if is_small(value, rules) or in_small_group or table.columns in small:
            hidden[position] = Reason.PRIMARY
    for position, reason in forced.items():
        hidden.setdefault(position, reason)
    return protect(values, table.lines(), hidden, table.rank, rules.min_cell, floors(table, rules))


def suppress_table(table: FrequencyTable, rules: Rules) -> dict[Position, Reason]:
    """The hidden positions of one table and why."""
    return suppress_linked([table], rules)[0]


def suppress_linked(
    tables: Sequence[FrequencyTable], rules: Rules, forced: Sequence[Mapping[Position, Reason]] | None = None
) -> list[dict[Position, Reason]]:
    """The hidden positions of each table and why.

    Tables with the same totals row (the same group sizes and grand total: questions answered by the same cases)
    get their totals hidden alike, so that no two of them together reveal a total hidden in one. Finally an audit
    solves, for every hidden count, the least and largest value a reader could work out from everything published
    (linear programming over the line equations, with hidden counts at least 1 – or 0 in a small group – and the
    multiple-choice inequalities); a count pinned to one value gets a further complement, until none is.
    `forced`: per table, entries hidden whatever their value (those another release makes recoverable).
    """
    extra: list[dict[Position, Reason]] = [dict(f) for f in forced] if forced is not None else [{} for _ in tables]
    shared: dict[tuple[int, ...], dict[int, Reason]] = {}
    while True:
        results = []
        for table, required in zip(tables, extra, strict=True):
            totals = {(table.rows, c): r for c, r in shared.get(table.totals_row(), {}).items()}
            results.append(_suppress_one(table, rules, {**required, **totals}))
        grown = False
        for table, hidden in zip(tables, results, strict=True):
            linked = shared.setdefault(table.totals_row(), {})
            for (row, column), reason in hidden.items():
                if row == table.rows and column not in linked:
                    linked[column] = reason
                    grown = True
        if grown:
            continue
        exact = _recoverable(tables, results, rules)
        if not exact:
            return results
        for index, position in exact:
            table = tables[index]
            extra[index][_complement(table, results[index], position)] = Reason.SECONDARY


def _complement(table: FrequencyTable, hidden: Mapping[Position, Reason], position: Position) -> Position:
    """A published, non-zero entry to hide beside a recoverable one: on one of its lines if possible."""
    values = table.values()
    on_lines = {p for line in table.lines() if position in line.entries for p in line.entries}
    for pool in (on_lines, set(values)):
        candidates = [p for p in pool if p not in hidden and values[p] > 0]
        if candidates:
            return min(candidates, key=lambda p: (table.rank(p), values[p], p))
    raise AssertionError("a recoverable entry in a table with nothing left to hide")  # pragma: no cover


# An upper bound far above any count, so that every linear program of the audit has a finite optimum.
_BOX = 1e7
_AUDIT_SEED = 20260401
_AUDIT_PROBES = 8


@dataclass
class _Program:
    """What a reader can use about one group of linked tables: an unknown per hidden entry (the shared totals of
    linked tables are one unknown), the line equations and the multiple-choice inequalities."""

    unknowns: list[tuple[int, Position]] = field(default_factory=list)
    bounds: list[tuple[float, float]] = field(default_factory=list)
    equalities: list[tuple[dict[int, float], float]] = field(default_factory=list)
    inequalities: list[tuple[dict[int, float], float]] = field(default_factory=list)


def _program(members: Sequence[tuple[int, FrequencyTable, Mapping[Position, Reason]]], rules: Rules) -> _Program:
    program = _Program()
    columns: dict[tuple[int, Position], int] = {}
    first_index, first_table = members[0][0], members[0][1]

    def key(index: int, table: FrequencyTable, position: Position) -> tuple[int, Position]:
        return (first_index, (first_table.rows, position[1])) if position[0] == table.rows else (index, position)

    for index, table, hidden in members:
        floor = floors(table, rules)
        for position in sorted(hidden):
            unknown = key(index, table, position)
            if unknown not in columns:
                columns[unknown] = len(program.unknowns)
                program.unknowns.append((index, position))
                program.bounds.append((float(floor(position)), _BOX))
    for index, table, hidden in members:
        values = table.values()

        def relation(
            terms: Iterable[tuple[Position, float]],
            index: int = index,
            table: FrequencyTable = table,
            hidden: Mapping[Position, Reason] = hidden,
            values: Mapping[Position, int] = values,
        ) -> tuple[dict[int, float], float]:
            """sum(sign * entry) = 0 as coefficients of the unknowns and a right-hand side of published values."""
            coefficients: dict[int, float] = {}
            constant = 0.0
            for position, sign in terms:
                if position in hidden:
                    column = columns[key(index, table, position)]
                    coefficients[column] = coefficients.get(column, 0.0) + sign
                else:
                    constant -= sign * values[position]
            return coefficients, constant

        for line in table.lines():
            if any(p in hidden for p in line.entries):
                program.equalities.append(relation([*((p, 1.0) for p in line.parts), (line.total, -1.0)]))
        if not table.columns_add_up and table.rows:
            # multiple choice: no option chosen by more than answered, and each who answered chose something
            for c in range(table.columns):
                total = (table.rows, c)
                for r in range(table.rows):
                    program.inequalities.append(relation([((r, c), 1.0), (total, -1.0)]))
                program.inequalities.append(relation([*(((r, c), -1.0) for r in range(table.rows)), (total, 1.0)]))
    return program


def _solver(programs: Sequence[_Program]) -> tuple[int, Callable[[np.ndarray], np.ndarray]]:
    """The programs side by side as one linear program (one solve amortises the solver's overhead over all of
    them): its number of unknowns and a function from an objective to an optimal point."""
    offsets = [0]
    for program in programs:
        offsets.append(offsets[-1] + len(program.unknowns))
    size = offsets[-1]

    def stacked(kind: str) -> list[Row]:
        return [
            ({offset + column: value for column, value in coefficients.items()}, constant)
            for program, offset in zip(programs, offsets, strict=False)
            for coefficients, constant in getattr(program, kind)
            if coefficients
        ]

    bounds = np.array([b for program in programs for b in program.bounds]).reshape(size, 2)
    linear = LinearProgram(size, stacked("equalities"), stacked("inequalities"), bounds[:, 0], bounds[:, 1])

    def solve(objective: np.ndarray) -> np.ndarray:
        optimum = linear.minimum(objective)
        if optimum is None:
            raise AssertionError("the audit's linear program has no solution")  # pragma: no cover
        return optimum.point

    return size, solve


def _recoverable(
    tables: Sequence[FrequencyTable], results: Sequence[Mapping[Position, Reason]], rules: Rules
) -> list[tuple[int, Position]]:
    """The hidden counts a reader could pin to one value."""
    groups: dict[tuple[int, ...], list[int]] = {}
    for index, (table, hidden) in enumerate(zip(tables, results, strict=True)):
        if any((table.rows, c) in hidden for c in range(table.columns + 1)):
            groups.setdefault(table.totals_row(), []).append(index)  # linked through a hidden shared total
        elif hidden:
            groups[(-1 - index,)] = [index]
    programs = [_program([(i, tables[i], results[i]) for i in members], rules) for members in groups.values()]
    if not programs:
        return []
    # Optima in a few random directions: an unknown that differs between them is not pinned; only the others need
    # their own minimum and maximum, solved within their own group.
    size, solve = _solver(programs)
    rng = np.random.default_rng(_AUDIT_SEED)
    probes = np.array([solve(rng.standard_normal(size)) for _ in range(_AUDIT_PROBES)])
    spread = probes.max(axis=0) - probes.min(axis=0)
    found = []
    offset = 0
    for program in programs:
        width = len(program.unknowns)
        steady = [c for c in range(width) if spread[offset + c] < 0.5]
        if steady:
            _, solve_one = _solver([program])
            for column in steady:
                unit = np.zeros(width)
                unit[column] = 1.0
                low, high = solve_one(unit)[column], solve_one(-unit)[column]
                if math.ceil(low - 1e-6) >= math.floor(high + 1e-6):
                    found.append(program.unknowns[column])
        offset += width
    return found
