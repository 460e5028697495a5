"""The release check's shortcuts decide nothing: HiGHS used directly (one model per program, only the objective
changed) finds the optima `linprog` finds, and `protect_release` – one check per table redone only when the table
changed, optima kept as witnesses that a figure is not pinned, one random probe – hides exactly what the
straightforward check hides: every figure's least and largest value by `linprog`, for every figure, every round."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence

import numpy as np
import pytest

from reviewer.domain import linear_program
from reviewer.domain.disclosure import FrequencyTable, Position, Reason, Rules, is_small, suppress_linked
from reviewer.domain.linear_program import LinearProgram, Row
from reviewer.domain.releases import (
    Population,
    Release,
    ReleaseRefusedError,
    ReleaseTable,
    protect_release,
    released,
)
from reviewer.domain.releases.check import _give_up, _targets, _withheld, linked_tables
from reviewer.domain.releases.program import Expression, Program, program_of

RULES = Rules()
K = RULES.min_cell
ROWS = ("ja", "nej", "vet_ej")
Cells = tuple[tuple[int, int, int], ...]


def _random_program(rng: random.Random) -> tuple[int, list[Row], list[Row]]:
    """A few equalities through a non-negative integer point (or, now and then, a contradiction) and a few
    inequalities, with 0/±1 coefficients as the checks' programs have."""
    size = rng.randint(2, 9)
    point = [rng.randint(0, 6) for _ in range(size)]

    def row() -> dict[int, float]:
        return {u: float(rng.choice((1, 1, 1, -1))) for u in rng.sample(range(size), rng.randint(1, size))}

    equalities = [
        (r, float(sum(c * point[u] for u, c in r.items()))) for r in (row() for _ in range(rng.randint(0, 5)))
    ]
    inequalities = [
        (r, float(sum(c * point[u] for u, c in r.items()) + rng.randint(0, 2)))
        for r in (row() for _ in range(rng.randint(0, 3)))
    ]
    if rng.random() < 0.1 and equalities:
        coefficients, bound = equalities[0]
        equalities.append((coefficients, bound + 1.0))
    return size, equalities, inequalities


def test_highs_used_directly_finds_the_optima_linprog_finds():
    assert linear_program.direct_available()
    rng = random.Random(20261205)
    infeasible = 0
    for _ in range(300):
        size, equalities, inequalities = _random_program(rng)
        lower, upper = np.zeros(size), np.full(size, 50.0)
        direct = LinearProgram(size, equalities, inequalities, lower, upper, direct=True)
        reference = LinearProgram(size, equalities, inequalities, lower, upper, direct=False)
        for _objective in range(6):  # one model, objective after objective: dense and sparse, some the same again
            if rng.random() < 0.5:
                objective: np.ndarray | dict[int, float] = np.array([rng.uniform(-1, 1) for _ in range(size)])
            else:
                objective = {u: float(rng.choice((1, -1))) for u in rng.sample(range(size), rng.randint(1, size))}
            found, expected = direct.minimum(objective), reference.minimum(objective)
            assert (found is None) == (expected is None)
            if found is None or expected is None:
                infeasible += 1
                continue
            assert found.value == pytest.approx(expected.value, abs=1e-7)
            dense = objective if isinstance(objective, np.ndarray) else _dense(objective, size)
            assert float(dense @ found.point) == pytest.approx(found.value, abs=1e-7)
            assert all(abs(float(sum(c * found.point[u] for u, c in r.items())) - b) < 1e-7 for r, b in equalities)
    assert infeasible > 0  # the contradictions were found as such


def _dense(objective: Mapping[int, float], size: int) -> np.ndarray:
    dense = np.zeros(size)
    for unknown, coefficient in objective.items():
        dense[unknown] = coefficient
    return dense


# The straightforward check: what `newly_recoverable` decides, with linprog and no shortcut.


def _pinned(program: Program, expression: Expression) -> int | None:
    linear = LinearProgram(program.size, program.equalities, program.inequalities, *_box(program.size), direct=False)
    low, high = linear.minimum(expression), linear.minimum({u: -c for u, c in expression.items()})
    if low is None or high is None:
        return None
    return round(low.value) if math.ceil(low.value - 1e-6) >= math.floor(-high.value + 1e-6) else None


def _box(size: int) -> tuple[np.ndarray, np.ndarray]:
    return np.zeros(size), np.full(size, 1e7)


def _feasible(program: Program) -> bool:
    linear = LinearProgram(program.size, program.equalities, program.inequalities, *_box(program.size), direct=False)
    return linear.minimum(np.zeros(program.size)) is not None


class _RefusedError(Exception):
    pass


def _straightforward_recoverable(
    earlier: Sequence[Release], new: Release, population: Population
) -> list[tuple[str, str, str]]:
    setting = linked_tables(earlier, new, population)
    if setting is None:
        return []
    releases, space, signatures = setting
    linked = releases[:-1]
    programs = {key: program_of(releases, {key: signatures[key]}, space) for key in signatures}
    if not all(_feasible(program) for program, _tables in programs.values()):
        same = [r for r in linked if all(new.rounds.get(u, d) == d for u, d in r.rounds.items())]
        return _straightforward_recoverable(same, new, population) if len(same) < len(linked) else []
    found: dict[tuple[str, str, str], None] = {}
    for key, (program, tables) in programs.items():
        alone = program_of(linked, {key: signatures[key]}, space)[0]
        withheld = program_of([*linked, _withheld(new, key)], {key: signatures[key]}, space)[0]
        for target in _targets(key, tables[key], releases, space):
            value = _pinned(program, target.expression)
            if value is None or (not target.hidden and not 0 < value < K):
                continue
            if _pinned(alone, target.expression) is not None:
                continue
            if value == 0 and target.hidden and _pinned(program, target.group) == 0:
                continue
            if _pinned(withheld, target.expression) is not None:
                raise _RefusedError
            chosen = _give_up(new.tables[key], target.row, target.column)
            if chosen is not None:
                found[(key, *chosen)] = None
    return list(found)


def _straightforward_protect(
    tables: Sequence[ReleaseTable],
    state: dict[str, str],
    unit: str | None,
    earlier: list[Release],
    population: Population,
) -> tuple[list[dict[Position, Reason]], Release]:
    forced: list[dict[Position, Reason]] = [{} for _ in tables]
    where = {table.key: n for n, table in enumerate(tables)}
    while True:
        hidden_maps = suppress_linked([t.table for t in tables], RULES, forced)
        release = released(state, unit, tables, hidden_maps, RULES)
        grown = False
        for key, row, column in _straightforward_recoverable(earlier, release, population):
            n = where[key]
            position = tables[n].position(row, column)
            if position is not None and position not in forced[n]:
                forced[n][position] = Reason.RELEASED
                grown = True
        if not grown:
            return hidden_maps, release


def _tables(cells: Cells) -> list[ReleaseTable]:
    """Two questions answered by the same cases (their totals linked), annat left out when small."""
    other = sum(row[2] for row in cells)
    shown = [row if not is_small(other, RULES) else row[:2] for row in cells]
    left_out = ("unknown",) if not is_small(other, RULES) else ("other", "unknown")
    first = FrequencyTable(tuple(shown))
    second = FrequencyTable(tuple(shown[1:] + shown[:1]))
    return [ReleaseTable(key, table, ROWS, left_out=left_out) for key, table in (("fraga", first), ("andra", second))]


def _sum(atoms: Mapping[str, Cells], names: Sequence[str]) -> Cells:
    return tuple(tuple(sum(atoms[a][r][g] for a in names) for g in range(3)) for r in range(len(ROWS)))  # type: ignore[misc]


def _scenarios(
    rng: random.Random,
) -> tuple[dict[str, Cells], Population, list[tuple[list[str], dict[str, str], str | None]]]:
    def cells() -> Cells:
        return tuple((rng.randint(0, 7), rng.randint(0, 7), rng.randint(0, 2)) for _ in ROWS)  # type: ignore[return-value]

    if rng.random() < 0.5:  # a round and its units, in some order
        atoms = {"R/A": cells(), "R/B": cells(), "R/C": cells()}
        selections = [(sorted(atoms), {"R": "s"}, None)] + [([f"R/{u}"], {"R": "s"}, u) for u in "AB"]
        return atoms, Population({"R": frozenset("ABC")}), rng.sample(selections, len(selections))
    atoms = {"R1": cells(), "R2": cells()}  # two rounds, and the two together
    population = Population({"R1": frozenset({None}), "R2": frozenset({None})})
    selections = [
        (["R1"], {"R1": "s"}, None),
        (["R2"], {"R2": "s"}, None),
        (["R1", "R2"], {"R1": "s", "R2": "s"}, None),
    ]
    return atoms, population, rng.sample(selections, len(selections))


def test_the_release_check_hides_what_the_straightforward_check_hides(monkeypatch):
    rng = random.Random(5)
    compared = hidden_for_earlier = refused = 0
    for _scenario in range(14):
        atoms, population, selections = _scenarios(rng)
        earlier: list[Release] = []
        for covered, state, unit in selections:
            cells = _sum(atoms, covered)
            if sum(map(sum, cells)) < K:
                continue
            tables = _tables(cells)
            try:
                fast: object = protect_release(tables, RULES, state, unit, earlier, population)
            except ReleaseRefusedError:
                fast = "refused"
            with monkeypatch.context() as patched:
                patched.setattr(linear_program, "direct_available", lambda: False)
                try:
                    slow: object = _straightforward_protect(tables, state, unit, earlier, population)
                except _RefusedError:
                    slow = "refused"
            assert fast == slow
            compared += 1
            if fast == "refused":
                refused += 1
                continue
            hidden_maps, release = fast  # type: ignore[misc]
            hidden_for_earlier += sum(1 for h in hidden_maps for r in h.values() if r is Reason.RELEASED)
            earlier.append(release)
    assert compared >= 30 and hidden_for_earlier > 0  # the earlier releases made the check hide something
