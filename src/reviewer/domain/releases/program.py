"""The reader's linear program over the atoms' counts: its unknowns, the equations and bounds each release gives,
and the solver that says whether a figure is pinned to one value."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from reviewer.domain.linear_program import LinearProgram
from reviewer.domain.releases.model import COLUMN_GROUPS, GROUPS, REST, TOTALS_ROW, Population, Release, ReleasedTable

_BOX = 1e7

Atom = tuple[str, str, int]  # round uuid, unit class, increment
Expression = dict[int, float]


@dataclass
class Space:
    """The atoms of a group of releases and which of them each release covers."""

    atoms: list[Atom]
    covers: list[list[int]]


def atoms_of(releases: Sequence[Release], population: Population) -> Space:
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
    return Space(atoms, covers)


@dataclass
class Program:
    """Unknowns: per atom, a count per (row, group), and per group the number who answered when the columns do not
    add up. Constraints as sparse rows."""

    size: int = 0
    equalities: list[tuple[Expression, float]] = field(default_factory=list)
    inequalities: list[tuple[Expression, float]] = field(default_factory=list)  # expression <= bound


@dataclass
class Unknowns:
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


def unknowns(program: Program, signature: tuple[tuple[str, ...], bool], n_atoms: int) -> Unknowns:
    rows, adds_up = signature
    table = Unknowns(signature, {}, {})
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


def constrain(program: Program, table: Unknowns, released: ReleasedTable, atoms: Sequence[int]) -> None:
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


class Solver:
    """One program, asked for the range of expression after expression (the model is built once: see
    `domain.linear_program`). Every optimum found is kept: an expression whose values at two of them differ by more
    than 0.5 is not pinned, without a program of its own. Each expression's answer is remembered."""

    def __init__(self, program: Program, direct: bool | None = None) -> None:
        self.size = program.size
        lower, upper = np.zeros(self.size), np.full(self.size, _BOX)
        self._program = LinearProgram(self.size, program.equalities, program.inequalities, lower, upper, direct)
        self._pinned: dict[frozenset[tuple[int, float]], int | None] = {}
        self._points: list[np.ndarray] = []
        self._matrix = np.zeros((0, self.size))

    def probe(self, directions: int, seed: int) -> bool:
        """Optima in a few random directions; False when the program has no solution."""
        rng = np.random.default_rng(seed)
        for _ in range(directions):
            optimum = self._program.minimum(rng.standard_normal(self.size))
            if optimum is None:
                return False
            self._points.append(optimum.point)
        return True

    def seen(self, expression: Expression) -> np.ndarray:
        """The expression's values at the optima found so far."""
        if len(self._points) != len(self._matrix):
            self._matrix = np.array(self._points).reshape(len(self._points), self.size)
        values: np.ndarray = self._matrix[:, list(expression)] @ np.array(list(expression.values()))
        return values

    def pinned(self, expression: Expression) -> int | None:
        """The one value the expression can take, or None when it can take more than one."""
        remembered = frozenset(expression.items())
        if remembered not in self._pinned:
            self._pinned[remembered] = self._pinned_now(expression)
        return self._pinned[remembered]

    def _pinned_now(self, expression: Expression) -> int | None:
        values = self.seen(expression)
        if values.size and float(np.max(values) - np.min(values)) > 0.5:
            return None
        low = self._program.minimum(expression)
        high = self._program.minimum({u: -c for u, c in expression.items()})
        if low is None or high is None:
            return None
        self._points += [low.point, high.point]
        if math.ceil(low.value - 1e-6) >= math.floor(-high.value + 1e-6):
            return round(low.value)
        return None


def earlier_program(
    linked: Sequence[Release], key: str, signature: tuple[tuple[str, ...], bool], space: Space
) -> Program:
    return program_of(linked, {key: signature}, space)[0]


def program_of(
    releases: Sequence[Release], signatures: Mapping[str, tuple[tuple[str, ...], bool]], space: Space
) -> tuple[Program, dict[str, Unknowns]]:
    """The reader's program from `releases` (the first of those `space` was made for: same unknowns either way)."""
    program = Program()
    tables = {key: unknowns(program, signature, len(space.atoms)) for key, signature in signatures.items()}
    for n, release in enumerate(releases):
        for key, table in tables.items():
            released = release.tables.get(key)
            if released is not None and released.signature() == table.signature:
                constrain(program, table, released, space.covers[n])
    return program, tables
