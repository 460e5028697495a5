"""The attacker of the linked-release tests, written apart from `domain.releases`: a reader who holds several
releases and knows which groups of cases (atoms: a unit of a round, the cases a round gained between two releases)
each one covers. From every published figure (an equation over the atoms' counts), what the rules say of a hidden
one (at least 1 unless its whole column is hidden; a left-out annat/okänt count below k) and non-negativity, it
computes by linear programming the least and largest value of every hidden figure and of every atom's count."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog

from reviewer.domain.disclosure import FrequencyTable, Reason
from tests.domain.disclosure_attack import reader_floors

Cells = tuple[tuple[int, int, int], ...]  # rows of (women, men, annat/okänt)
UNBOUNDED = 1e6


@dataclass(frozen=True)
class Published:
    """One release as a reader sees it: the atoms it covers, its table (two columns when annat/okänt is left out)
    and the positions it hides."""

    atoms: tuple[str, ...]
    table: FrequencyTable
    hidden: dict[tuple[int, int], Reason]


@dataclass(frozen=True)
class Pinned:
    what: str
    value: int


class _Reader:
    """The equations and bounds a reader has from some releases, over the atoms' counts."""

    def __init__(self, atoms: dict[str, Cells], releases: list[Published], min_cell: int) -> None:
        names = sorted(atoms)
        self.rows = len(next(iter(atoms.values())))
        self.index = {
            (a, r, g): i
            for i, (a, r, g) in enumerate((a, r, g) for a in names for r in range(self.rows) for g in range(3))
        }
        self.size = len(self.index)
        self.truth = np.zeros(self.size)
        for (a, r, g), i in self.index.items():
            self.truth[i] = atoms[a][r][g]
        equations: list[tuple[np.ndarray, float]] = []
        inequalities: list[tuple[np.ndarray, float]] = []  # row @ x <= bound
        self.hidden: list[tuple[int, str, np.ndarray, np.ndarray]] = []
        for n, release in enumerate(releases):
            table = release.table
            two = table.columns == 2
            columns = [(0,), (1,), (0, 1)] if two else [(0,), (1,), (2,), (0, 1, 2)]
            floors = reader_floors(table, release.hidden)
            values = table.values()
            # a table that hides a zero (for another release's sake): no hidden figure of it is known to be 1 or more
            zeros_hidden = any(values[p] == 0 and floors[p] == 1 for p in release.hidden)
            for (r, c), value in values.items():
                vector = self.expression(release.atoms, None if r == table.rows else r, columns[c])
                if (r, c) in release.hidden:
                    least = 0 if zeros_hidden else floors[(r, c)]
                    inequalities.append((-vector, -float(least)))
                    group = self.expression(release.atoms, None, columns[c])
                    self.hidden.append((n, f"release {n} {(r, c)}", vector, group))
                else:
                    equations.append((vector, float(value)))
            if two:  # the left-out group: every count below k, and at least one case
                for r in range(self.rows):
                    inequalities.append((self.expression(release.atoms, r, (2,)), float(min_cell - 1)))
                inequalities.append((self.expression(release.atoms, None, (2,)), float(min_cell - 1)))
                inequalities.append((-self.expression(release.atoms, None, (2,)), -1.0))
        self.a_eq = np.array([e for e, _ in equations]) if equations else None
        self.b_eq = np.array([b for _, b in equations]) if equations else None
        self.a_ub = np.array([e for e, _ in inequalities]) if inequalities else None
        self.b_ub = np.array([b for _, b in inequalities]) if inequalities else None

    def expression(self, covered: tuple[str, ...], row: int | None, groups: tuple[int, ...]) -> np.ndarray:
        vector = np.zeros(self.size)
        for atom in covered:
            for r in range(self.rows) if row is None else (row,):
                for g in groups:
                    vector[self.index[(atom, r, g)]] += 1.0
        return vector

    def pinned(self, vector: np.ndarray) -> bool:
        extremes = []
        for sign in (1.0, -1.0):
            solved = linprog(
                sign * vector,
                A_ub=self.a_ub,
                b_ub=self.b_ub,
                A_eq=self.a_eq,
                b_eq=self.b_eq,
                bounds=(0, UNBOUNDED),
                method="highs",
            )
            assert solved.status == 0, solved.message  # the truth is always a solution
            extremes.append(sign * solved.fun)
        low, high = math.ceil(extremes[0] - 1e-6), math.floor(extremes[1] + 1e-6)
        value = round(float(vector @ self.truth))
        assert low <= value <= high, (low, value, high)
        return low == high


def attack(atoms: dict[str, Cells], releases: list[Published], min_cell: int) -> list[Pinned]:
    """Every count of 1..k-1 of an atom, and every hidden figure of a group with somebody in it that was not already
    known from the releases before it (hiding what is public protects nothing), that the releases together pin to
    one value."""
    reader = _Reader(atoms, releases, min_cell)
    found = []
    for n, what, vector, group in reader.hidden:
        if float(group @ reader.truth) == 0:
            continue  # a group with nobody in it: its zeros say nothing about anyone
        if reader.pinned(vector) and (n == 0 or not _Reader(atoms, releases[:n], min_cell).pinned(vector)):
            found.append(Pinned(what, round(float(vector @ reader.truth))))
    for atom in sorted(atoms):
        for g in range(3):
            wholes = [(f"atom {atom} row {r} group {g}", atoms[atom][r][g], r) for r in range(reader.rows)]
            wholes.append((f"atom {atom} group {g}", sum(row[g] for row in atoms[atom]), None))
            for what, value, row in wholes:
                if 0 < value < min_cell and reader.pinned(reader.expression((atom,), row, (g,))):
                    found.append(Pinned(what, value))
    return found
