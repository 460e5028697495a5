"""Releases protected together (τ-ARGUS's "linked tables"): which published figures of a new release would let a
reader, who also holds the earlier releases of overlapping selections, work out a hidden figure.

Each release publishes, per table (a question, or the line of case counts), figures that are sums over the cases of
its selection: some rounds, perhaps one unit, as the data stood when it was made. The reader's model is built from
*atoms*: a round's cases of one unit class (each unit some release was limited to, and "the rest") and one
*increment* (the cases a round gained between two releases: its state is recorded as a digest, and a release of a
later state covers the increments up to it). Every published figure is an equation over the atoms' counts, every
hidden one what a reader knows of it (at least 1, as zeros are published, or 0 in a small group), every count is
non-negative, and for multiple choice no option is chosen by more than answered.

A figure becomes recoverable when, with the new release, linear programming pins it to one value while the earlier
releases alone did not: a hidden figure of any release, or a count of 1..k−1 of an atom or an increment (the
"disclosure by differencing" of the ESSnet handbook: a unit's count as the whole round less the other units, one new
case as this week's export less last week's). For each, the new release gives up the published figure closest to
it – the same cell, else its row's total, else its column's – and the caller suppresses again until none is left.

Pure: no SQL, no Qt. See docs/anonymisation.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

from reviewer.domain.disclosure import FrequencyTable, Position, Reason, Rules, floors, small_columns, suppress_linked
from reviewer.domain.text import Message, ReviewerError

TOTALS_ROW = ""  # the row key of a table's totals (the number who answered, per column)
GROUPS = ("female", "male", "other")
# The columns a release may publish, as the sex groups they add up.
COLUMN_GROUPS: dict[str, tuple[int, ...]] = {
    "female": (0,),
    "male": (1,),
    "other": (2,),
    "total": (0, 1, 2),
    "women_and_men": (0, 1),
}
REST = "\x00rest"  # the unit class of a round's cases outside every unit a release was limited to
SAMPLE_KEY = ""  # the table of case counts, beside the questions' keys

_BOX = 1e7
_SEED = 20261204
_PROBES = 6


@dataclass(frozen=True)
class Figure:
    """One published (`value`) or hidden (None) figure; for a hidden one, the least and largest value a reader
    knows it has."""

    value: int | None
    low: int = 0
    high: int | None = None


@dataclass(frozen=True)
class ReleasedTable:
    """A table as released: `rows` are the answer codes (none for a line of counts), `columns_add_up` is False for
    multiple choice and for a line of counts (their totals row is counted, not summed), `figures` maps
    (row, column) – row `TOTALS_ROW` for the totals – to the figure."""

    rows: tuple[str, ...]
    columns_add_up: bool
    figures: Mapping[tuple[str, str], Figure]

    def signature(self) -> tuple[tuple[str, ...], bool]:
        return self.rows, self.columns_add_up


@dataclass(frozen=True)
class Release:
    """What a reader holds of one release: its rounds (uuid → state digest), its unit filter and its tables."""

    rounds: Mapping[str, str]
    unit: str | None
    tables: Mapping[str, ReleasedTable]


@dataclass(frozen=True)
class Population:
    """What the database says of the rounds now: the unit classes that hold counted cases (None: no unit)."""

    units: Mapping[str, frozenset[str | None]]


@dataclass(frozen=True)
class ReleaseTable:
    """One table of a release being built: its key (a question's, or SAMPLE_KEY), the counts, and the answer code
    of each row. `small_group`: the table of case counts, where a left-out annat/okänt group has at least 1.
    `always_row`: a row the register keeps (as zeros) when nobody chose it, so that the table is the same each
    time ("ej aktuellt")."""

    key: str
    table: FrequencyTable
    rows: tuple[str, ...]
    small_group: bool = False
    always_row: str | None = None

    def column_names(self) -> list[str]:
        groups = ["female", "male", "other"][: self.table.columns]
        return [*groups, "total" if self.table.columns == 3 else "women_and_men"]

    def position(self, row: str, column: str) -> Position | None:
        """Where a released figure is in the table; None for one the table does not hold (the left-out
        annat/okänt group, the "ej aktuellt" row nobody chose)."""
        names = self.column_names()
        if column not in names or (row != TOTALS_ROW and row not in self.rows):
            return None
        return (self.table.rows if row == TOTALS_ROW else self.rows.index(row), names.index(column))


def released(
    state: Mapping[str, str],
    unit: str | None,
    tables: Sequence[ReleaseTable],
    hidden_maps: Sequence[dict[Position, Reason]],
    rules: Rules,
) -> Release:
    """The release as a reader holds it: published counts, and for a hidden one its least value (1, as zeros are
    published, or 0 in a small group) and, for a small group's total, k − 1."""
    result = {}
    for item, hidden in zip(tables, hidden_maps, strict=True):
        table, names, rows = item.table, item.column_names(), list(item.rows)
        floor, small = floors(table, rules), small_columns(table, rules)
        figures: dict[tuple[str, str], Figure] = {}
        for (r, c), value in table.values().items():
            row = TOTALS_ROW if r == table.rows else rows[r]
            if (r, c) in hidden:
                high = rules.min_cell - 1 if r == table.rows and c in small else None
                figures[(row, names[c])] = Figure(None, floor((r, c)), high)
            else:
                figures[(row, names[c])] = Figure(value)
        if table.columns == 2:  # the annat/okänt group left out: reported as fewer than k, every count below k
            for row in [*rows, TOTALS_ROW]:
                least = 1 if item.small_group and row == TOTALS_ROW else 0
                figures[(row, "other")] = Figure(None, least, rules.min_cell - 1)
        if item.always_row is not None and item.always_row not in rows:
            rows.append(item.always_row)
            figures |= {(item.always_row, name): Figure(0) for name in names}
        result[item.key] = ReleasedTable(tuple(rows), table.columns_add_up, figures)
    return Release(dict(state), unit, result)


def protect_release(
    tables: Sequence[ReleaseTable],
    rules: Rules,
    state: Mapping[str, str],
    unit: str | None,
    earlier: Sequence[Release] = (),
    population: Population | None = None,
) -> tuple[list[dict[Position, Reason]], Release]:
    """The tables' suppression (`suppress_linked`), grown until, together with the `earlier` releases, the new one
    makes nothing recoverable: the hidden positions and the release as the register keeps it. `state`: each
    round's digest; `population`: the unit classes that hold cases now (needed when there are earlier releases)."""
    forced: list[dict[Position, Reason]] = [{} for _ in tables]
    where = {table.key: n for n, table in enumerate(tables)}
    known: Known = {}
    while True:
        hidden_maps = suppress_linked([t.table for t in tables], rules, forced)
        release = released(state, unit, tables, hidden_maps, rules)
        if not earlier:
            return hidden_maps, release
        assert population is not None
        grown = False
        for key, row, column in newly_recoverable(earlier, release, population, rules.min_cell, known):
            n = where[key]
            position = tables[n].position(row, column)
            if position is not None and position not in forced[n]:
                forced[n][position] = Reason.RELEASED
                grown = True
        if not grown:  # nothing recoverable, or nothing left that hiding would help: every round hides more
            return hidden_maps, release


Atom = tuple[str, str, int]  # round uuid, unit class, increment
Expression = dict[int, float]


@dataclass
class _Space:
    """The atoms of a group of releases and which of them each release covers."""

    atoms: list[Atom]
    covers: list[list[int]]


def _space(releases: Sequence[Release], population: Population) -> _Space:
    named: dict[str, set[str]] = {}
    digests: dict[str, list[str]] = {}
    for release in releases:
        for round_uuid, digest in release.rounds.items():
            if release.unit is not None:
                named.setdefault(round_uuid, set()).add(release.unit)
            order = digests.setdefault(round_uuid, [])
            if digest not in order:
                order.append(digest)
    classes: dict[str, list[str]] = {}
    for round_uuid in digests:
        units = sorted(named.get(round_uuid, set()))
        present = population.units.get(round_uuid, frozenset())
        rest = any(u is None or u not in units for u in present) or not units
        classes[round_uuid] = [*units, *([REST] if rest else [])]
    atoms = [(r, c, i) for r in digests for c in classes[r] for i in range(len(digests[r]))]
    index = {atom: n for n, atom in enumerate(atoms)}
    covers = []
    for release in releases:
        covered = []
        for round_uuid, digest in release.rounds.items():
            upto = digests[round_uuid].index(digest)
            units = classes[round_uuid] if release.unit is None else [release.unit]
            covered += [index[(round_uuid, c, i)] for c in units for i in range(upto + 1)]
        covers.append(covered)
    return _Space(atoms, covers)


@dataclass
class _Program:
    """Unknowns: per atom, a count per (row, group), and per group the number who answered when the columns do not
    add up. Constraints as sparse rows."""

    size: int = 0
    equalities: list[tuple[Expression, float]] = field(default_factory=list)
    inequalities: list[tuple[Expression, float]] = field(default_factory=list)  # expression <= bound


@dataclass
class _Table:
    """One table key's unknowns within the program."""

    signature: tuple[tuple[str, ...], bool]
    cells: dict[tuple[int, str, int], int]  # (atom, row, group) -> unknown
    answered: dict[tuple[int, int], int]  # (atom, group) -> unknown, when the columns do not add up

    def expression(self, atoms: Sequence[int], row: str, column: str) -> Expression:
        expression: Expression = {}
        rows, adds_up = self.signature
        for atom in atoms:
            for group in COLUMN_GROUPS[column]:
                if row != TOTALS_ROW:
                    unknowns = [self.cells[(atom, row, group)]]
                elif adds_up:
                    unknowns = [self.cells[(atom, r, group)] for r in rows]
                else:
                    unknowns = [self.answered[(atom, group)]]
                for unknown in unknowns:
                    expression[unknown] = expression.get(unknown, 0.0) + 1.0
        return expression


def _table(program: _Program, signature: tuple[tuple[str, ...], bool], n_atoms: int) -> _Table:
    rows, adds_up = signature
    table = _Table(signature, {}, {})
    for atom in range(n_atoms):
        for group in range(len(GROUPS)):
            for row in rows:
                table.cells[(atom, row, group)] = program.size
                program.size += 1
            if not adds_up:
                table.answered[(atom, group)] = program.size
                program.size += 1
                for row in rows:  # no option chosen by more than answered
                    cell = table.cells[(atom, row, group)]
                    program.inequalities.append(({cell: 1.0, table.answered[(atom, group)]: -1.0}, 0.0))
    return table


def _constrain(program: _Program, table: _Table, released: ReleasedTable, atoms: Sequence[int]) -> None:
    for (row, column), figure in released.figures.items():
        expression = table.expression(atoms, row, column)
        if not expression:
            continue
        if figure.value is not None:
            program.equalities.append((expression, float(figure.value)))
            continue
        if figure.low > 0:
            program.inequalities.append(({u: -c for u, c in expression.items()}, -float(figure.low)))
        if figure.high is not None:
            program.inequalities.append((expression, float(figure.high)))


class _Solver:
    def __init__(self, program: _Program) -> None:
        self.size = program.size
        self.a_eq, self.b_eq = _matrix(program.equalities, program.size)
        self.a_ub, self.b_ub = _matrix(program.inequalities, program.size)

    def optimum(self, objective: np.ndarray) -> np.ndarray | None:
        result = linprog(
            objective,
            A_ub=self.a_ub,
            b_ub=self.b_ub,
            A_eq=self.a_eq,
            b_eq=self.b_eq,
            bounds=(0.0, _BOX),
            method="highs",
        )
        if result.status != 0:
            return None
        point: np.ndarray = result.x
        return point

    def pinned(self, expression: Expression) -> int | None:
        """The one value the expression can take, or None when it can take more than one."""
        objective = np.zeros(self.size)
        for unknown, coefficient in expression.items():
            objective[unknown] = coefficient
        low_point, high_point = self.optimum(objective), self.optimum(-objective)
        if low_point is None or high_point is None:
            return None
        low, high = float(objective @ low_point), float(objective @ high_point)
        if math.ceil(low - 1e-6) >= math.floor(high + 1e-6):
            return round(low)
        return None


def _matrix(rows: list[tuple[Expression, float]], size: int) -> tuple[sparse.csr_array | None, np.ndarray | None]:
    if not rows:
        return None, None
    data, row_index, column_index = [], [], []
    for n, (expression, _bound) in enumerate(rows):
        for unknown, coefficient in expression.items():
            data.append(coefficient)
            row_index.append(n)
            column_index.append(unknown)
    return sparse.csr_array((data, (row_index, column_index)), shape=(len(rows), size)), np.array([b for _e, b in rows])


@dataclass(frozen=True)
class _Target:
    row: str
    column: str
    expression: Expression
    hidden: bool  # a hidden figure (recoverable at any value), or an atom's count (recoverable at 1..k-1)
    group: Expression  # the figure's column total over the same cases


Known = dict[tuple[str, frozenset[tuple[int, float]]], bool]


def newly_recoverable(
    earlier: Sequence[Release], new: Release, population: Population, min_cell: int, known: Known | None = None
) -> list[tuple[str, str, str]]:
    """The published figures (table key, row, column) of `new` to hide so that, with `earlier`, no figure becomes
    recoverable that was not before. Earlier releases that share no round with it (directly or through another) are
    left out; so are tables whose rows differ between releases (another checklist version). `known`: what the
    earlier releases alone pin, remembered between calls with the same earlier releases."""
    known = {} if known is None else known
    linked = overlapping(earlier, new.rounds)
    if not linked:
        return []
    releases = [*linked, new]
    space = _space(releases, population)
    signatures = {
        key: released.signature()
        for key, released in new.tables.items()
        if any(r.tables.get(key) is not None and r.tables[key].signature() == released.signature() for r in linked)
    }
    if not signatures:
        return []
    if any(r.rounds == new.rounds and r.unit == new.unit and r.tables == new.tables for r in linked):
        return []  # the same figures again: nothing new
    keys = list(signatures)
    programs = {key: _program(releases, {key: signatures[key]}, space) for key in keys}
    # a few optima of all the tables at once, in random directions: a figure that differs between them is not pinned
    stacked = _stack([programs[key][0] for key in keys])
    solver = _Solver(stacked)
    rng = np.random.default_rng(_SEED)
    points = [p for p in (solver.optimum(rng.standard_normal(stacked.size)) for _ in range(_PROBES)) if p is not None]
    if not points:
        return []  # the releases contradict each other (answers changed, not only added): nothing links them
    probes = np.array(points)
    found: dict[tuple[str, str, str], None] = {}
    offset = 0
    for key in keys:
        program, tables = programs[key]
        table = tables[key]
        local = probes[:, offset : offset + program.size]
        offset += program.size
        solvers = _Lazy(
            program,
            partial(_earlier_program, linked, key, signatures[key], space),
            partial(_earlier_program, [*linked, _withheld(new, key)], key, signatures[key], space),
        )
        for target in _targets(key, table, releases, space):
            values = local[:, list(target.expression)] @ np.array(list(target.expression.values()))
            if float(np.max(values) - np.min(values)) > 0.5:
                continue
            if not target.hidden and not 0.5 < float(values[0]) < min_cell - 0.5:
                continue
            # already known from the earlier releases: the new one cannot take it back (the earlier releases do not
            # change while the new one grows: remembered across the rounds of protect_release)
            remembered = (key, frozenset(target.expression.items()))
            if remembered not in known:
                known[remembered] = solvers.earlier().pinned(target.expression) is not None
            if known[remembered]:
                continue
            value = solvers.all().pinned(target.expression)
            if value is None or (not target.hidden and not 0 < value < min_cell):
                continue
            if value == 0 and target.hidden and solvers.all().pinned(target.group) == 0:
                continue  # a group with nobody in it: its zeros say nothing about anyone
            if solvers.withheld().pinned(target.expression) is not None:
                # pinned even if the new release showed nothing of this table but what its rules reveal (a small
                # group has fewer than k): it cannot be released
                raise ReleaseRefusedError(
                    Message(
                        "Sammanställningen kan inte lämnas ut: tillsammans med tidigare utlämnade sammanställningar av "
                        "överlappande urval skulle den låta någon räkna fram en dold uppgift, hur mycket av den som än "
                        "döljs (se 'reviewer export history')",
                        "The summary cannot be released: together with earlier releases of overlapping selections it "
                        "would let someone work out a hidden figure, however much of it is hidden (see 'reviewer "
                        "export history')",
                    )
                )
            chosen = _give_up(new.tables[key], target.row, target.column)
            if chosen is not None:
                found[(key, *chosen)] = None
    return list(found)


class ReleaseRefusedError(ReviewerError):
    """A release that, whatever it hides, would make a figure recoverable together with the earlier ones."""


def _withheld(release: Release, key: str) -> Release:
    """The release with every figure of one table hidden: what a reader would still know of it."""
    table = release.tables[key]
    figures = {
        position: f if f.value is None else Figure(None, 1 if f.value else 0, None)
        for position, f in table.figures.items()
    }
    return Release(release.rounds, release.unit, {key: ReleasedTable(table.rows, table.columns_add_up, figures)})


def _earlier_program(
    linked: Sequence[Release], key: str, signature: tuple[tuple[str, ...], bool], space: _Space
) -> _Program:
    return _program(linked, {key: signature}, space)[0]


class _Lazy:
    """One table's solvers – with every release, with the earlier ones only, and with the new one's table withheld –
    made when first needed."""

    def __init__(self, program: _Program, earlier: Callable[[], _Program], withheld: Callable[[], _Program]) -> None:
        self._programs = {"all": lambda: program, "earlier": earlier, "withheld": withheld}
        self._solvers: dict[str, _Solver] = {}

    def _get(self, which: str) -> _Solver:
        if which not in self._solvers:
            self._solvers[which] = _Solver(self._programs[which]())
        return self._solvers[which]

    def all(self) -> _Solver:
        return self._get("all")

    def earlier(self) -> _Solver:
        return self._get("earlier")

    def withheld(self) -> _Solver:
        return self._get("withheld")


def _stack(programs: Sequence[_Program]) -> _Program:
    """Independent programs side by side as one."""
    stacked = _Program()
    for program in programs:
        shift = stacked.size
        stacked.equalities += [({u + shift: c for u, c in e.items()}, b) for e, b in program.equalities]
        stacked.inequalities += [({u + shift: c for u, c in e.items()}, b) for e, b in program.inequalities]
        stacked.size += program.size
    return stacked


def _program(
    releases: Sequence[Release], signatures: Mapping[str, tuple[tuple[str, ...], bool]], space: _Space
) -> tuple[_Program, dict[str, _Table]]:
    """The reader's program from `releases` (the first of those `space` was made for: same unknowns either way)."""
    program = _Program()
    tables = {key: _table(program, signature, len(space.atoms)) for key, signature in signatures.items()}
    for n, release in enumerate(releases):
        for key, table in tables.items():
            released = release.tables.get(key)
            if released is not None and released.signature() == table.signature:
                _constrain(program, table, released, space.covers[n])
    return program, tables


def overlapping(earlier: Sequence[Release], rounds_of_new: Iterable[str]) -> list[Release]:
    """The earlier releases linked to a new one of these rounds through shared rounds, directly or through each
    other, in their order."""
    rounds = set(rounds_of_new)
    linked: list[Release] = []
    rest = list(earlier)
    grown = True
    while grown:
        grown = False
        for release in list(rest):
            if rounds & set(release.rounds):
                linked.append(release)
                rest.remove(release)
                rounds |= set(release.rounds)
                grown = True
    return [r for r in earlier if any(r is found for found in linked)]


def _targets(key: str, table: _Table, releases: Sequence[Release], space: _Space) -> list[_Target]:
    """What must not become recoverable in one table: every hidden figure of every release, and the counts of each
    unit class and increment that no release covers exactly (those are its figures)."""
    targets = []
    for n, release in enumerate(releases):
        released = release.tables.get(key)
        if released is None or released.signature() != table.signature:
            continue
        for (row, column), figure in released.figures.items():
            if figure.value is None:
                expression = table.expression(space.covers[n], row, column)
                group = table.expression(space.covers[n], TOTALS_ROW, column)
                targets.append(_Target(row, column, expression, True, group))
    rows = [*table.signature[0], TOTALS_ROW]
    groups: dict[tuple[str, str], list[int]] = {}
    for n, (round_uuid, unit, increment) in enumerate(space.atoms):
        groups.setdefault((round_uuid, unit), []).append(n)
        if increment:
            groups[(round_uuid, f"{unit}\x00{increment}")] = [n]
    covered = {frozenset(c) for c in space.covers}
    for atoms in groups.values():
        if frozenset(atoms) in covered:
            continue
        for row in rows:
            for column in GROUPS:
                expression = table.expression(atoms, row, column)
                targets.append(_Target(row, column, expression, False, expression))
    return targets


def _give_up(table: ReleasedTable, row: str, column: str) -> tuple[str, str] | None:
    """The new release's published figure nearest to a recoverable one: the same cell, its row's total, its column's
    total, then any published count on its row or column, a zero too (by difference, "none of unit A" is "all of
    the others")."""
    figures = table.figures
    preferred = [(row, column), (row, "total"), (row, "women_and_men"), (TOTALS_ROW, column)]
    preferred += sorted(p for p in figures if p[0] == row or p[1] == column)
    preferred += sorted(figures)
    for position in preferred:
        figure = figures.get(position)
        if figure is not None and figure.value is not None:
            return position
    return None
