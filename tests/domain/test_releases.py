"""Releases protected together: combinations of releases – a whole round and its units, overlapping rounds, a
baseline and its follow-up, a round exported again after it grew – attacked by linear programming
(`tests/domain/release_attack.py`). With the register (each release checked against the earlier ones) no hidden
figure and no count of 1..k-1 of a unit or an increment is ever pinned; without it, the same attack succeeds."""

from __future__ import annotations

import random
from collections.abc import Sequence

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from reviewer.domain.disclosure import FrequencyTable, Reason, Rules, is_small
from reviewer.domain.releases import (
    Figure,
    Population,
    Release,
    ReleasedTable,
    ReleaseRefusedError,
    ReleaseTable,
    protect_release,
)
from tests.domain.release_attack import Cells, Published, attack

RULES = Rules()
K = RULES.min_cell
ROWS = ("ja", "nej", "vet_ej")
# Each example solves a few hundred linear programs: no shrinking (which can take minutes); a failure prints its
# example in full.
PHASES = (Phase.explicit, Phase.reuse, Phase.generate)

# small counts, so that most releases hide something; annat/okänt often below k
atom_cells = st.tuples(
    *(st.tuples(st.integers(0, 7), st.integers(0, 7), st.integers(0, 2)) for _ in ROWS),
)


def _table(cells: Cells) -> FrequencyTable:
    other = sum(row[2] for row in cells)
    if is_small(other, RULES):  # left out: the total column is women and men's (as services.anonymisation does)
        return FrequencyTable(tuple((f, m) for f, m, _o in cells))
    return FrequencyTable(cells)


def _item(table: FrequencyTable) -> ReleaseTable:
    """The table as released: the third group is annat; these selections have no okänt case, a group the register
    knows only as left out (below k), as one with 1..k-1 cases would be."""
    left_out = ("other", "unknown") if table.columns == 2 else ("unknown",)
    return ReleaseTable("fraga", table, ROWS, left_out=left_out)


def _sum(atoms: dict[str, Cells], names: Sequence[str]) -> Cells:
    return tuple(
        tuple(sum(atoms[a][r][g] for a in names) for g in range(3))  # type: ignore[misc]
        for r in range(len(ROWS))
    )


class Publisher:
    """Releases one selection after the other, each checked against the earlier ones (unless `register` is off),
    and keeps what a reader holds."""

    def __init__(self, atoms: dict[str, Cells], units: dict[str, frozenset[str | None]], register: bool = True):
        self.atoms = atoms
        self.population = Population(units)
        self.register = register
        self.earlier: list[Release] = []
        self.published: list[Published] = []
        self.hidden_for_earlier = 0
        self.refused = 0

    def release(self, covered: Sequence[str], state: dict[str, str], unit: str | None) -> None:
        cells = _sum(self.atoms, covered)
        if sum(map(sum, cells)) < K:
            return  # the service refuses a selection of fewer than k cases
        table = _table(cells)
        item = _item(table)
        earlier = self.earlier if self.register else []
        try:
            hidden_maps, release = protect_release([item], RULES, state, unit, earlier, self.population)
        except ReleaseRefusedError:
            self.refused += 1  # nothing it could hide would keep the earlier releases' hidden figures hidden
            return
        hidden = hidden_maps[0]
        self.hidden_for_earlier += sum(1 for r in hidden.values() if r is Reason.RELEASED)
        self.earlier.append(release)
        self.published.append(Published(tuple(covered), table, hidden))

    def pinned(self) -> list:
        return attack(self.atoms, self.published, K)


def _units_scenario(a: Cells, b: Cells, c: Cells | None, order: list[int], register: bool = True) -> Publisher:
    atoms = {"R/A": a, "R/B": b, **({"R/C": c} if c is not None else {})}
    units = frozenset({"A", "B", *(["C"] if c is not None else [])})
    publisher = Publisher(atoms, {"R": units}, register)
    every = sorted(atoms)
    selections = [(every, None), (["R/A"], "A"), (["R/B"], "B")]
    for n in order:
        covered, unit = selections[n]
        publisher.release(covered, {"R": "s"}, unit)
    return publisher


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=PHASES)
@given(atom_cells, atom_cells, st.one_of(st.none(), atom_cells), st.permutations([0, 1, 2]))
def test_a_whole_round_and_its_units_pin_nothing(a, b, c, order):
    assert _units_scenario(a, b, c, order).pinned() == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=PHASES)
@given(atom_cells, atom_cells, st.permutations([0, 1, 2]))
# R1 alone hides its women's and men's totals (4 and 4, of 8); the two rounds together publish 14 men, R2 alone 10
@example(first=((1, 1, 1), (1, 1, 1), (2, 2, 1)), second=((1, 4, 0), (2, 2, 0), (1, 4, 0)), order=[1, 0, 2])
def test_overlapping_rounds_pin_nothing(first, second, order):
    """One round, another, and the two together (a baseline and its follow-up exported also as one)."""
    publisher = Publisher({"R1": first, "R2": second}, {"R1": frozenset({None}), "R2": frozenset({None})})
    selections = [(["R1"], {"R1": "s"}), (["R2"], {"R2": "s"}), (["R1", "R2"], {"R1": "s", "R2": "s"})]
    for n in order:
        covered, state = selections[n]
        publisher.release(covered, state, None)
    assert publisher.pinned() == []


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=PHASES)
@given(atom_cells, atom_cells, atom_cells, atom_cells, st.permutations([0, 1, 2, 3]))
# the baseline, last, hides a zero in its annat column, hidden whole: a reader still takes its men's nej as 1 or more
@example(
    base_a=((3, 2, 0), (7, 1, 1), (1, 6, 1)),
    base_b=((5, 3, 0), (6, 0, 2), (0, 5, 2)),
    follow_a=((7, 6, 0), (5, 4, 0), (1, 4, 2)),
    follow_b=((6, 4, 1), (5, 6, 2), (0, 5, 2)),
    order=[2, 3, 1, 0],
)
def test_a_baseline_and_its_follow_up_by_unit_pin_nothing(base_a, base_b, follow_a, follow_b, order):
    atoms = {"B/A": base_a, "B/B": base_b, "F/A": follow_a, "F/B": follow_b}
    units = frozenset({"A", "B"})
    publisher = Publisher(atoms, {"B": units, "F": units})
    selections = [
        (["B/A", "B/B"], {"B": "s"}, None),  # the baseline
        (["F/A", "F/B"], {"F": "s"}, None),  # the follow-up
        (["F/A"], {"F": "s"}, "A"),  # the follow-up's unit A
        (["B/A", "B/B", "F/A", "F/B"], {"B": "s", "F": "s"}, None),  # both rounds together
    ]
    for n in order:
        covered, state, unit = selections[n]
        publisher.release(covered, state, unit)
    assert publisher.pinned() == []


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=PHASES)
@given(atom_cells, atom_cells)
def test_a_round_exported_again_after_it_grew_pins_nothing(before, added):
    """Last week's export and this week's: their difference is the cases added in between."""
    publisher = Publisher({"R/1": before, "R/2": added}, {"R": frozenset({None})})
    publisher.release(["R/1"], {"R": "week 1"}, None)
    publisher.release(["R/1", "R/2"], {"R": "week 2"}, None)
    assert publisher.pinned() == []


def test_a_release_that_cannot_be_protected_is_refused():
    """Two rounds together have 8 annat/okänt; each alone has 4, "fewer than 5": the second of them would pin both."""
    cells = ((5, 1, 1), (7, 2, 2), (1, 2, 1))
    publisher = Publisher({"R1": cells, "R2": cells}, {"R1": frozenset({None}), "R2": frozenset({None})})
    publisher.release(["R1", "R2"], {"R1": "s", "R2": "s"}, None)
    publisher.release(["R1"], {"R1": "s"}, None)
    publisher.release(["R2"], {"R2": "s"}, None)
    assert publisher.refused == 1 and len(publisher.published) == 2
    assert publisher.pinned() == []


def _random_cells(rng: random.Random) -> Cells:
    return tuple((rng.randint(0, 7), rng.randint(0, 7), rng.randint(0, 2)) for _ in ROWS)  # type: ignore[return-value]


def test_without_the_register_the_same_releases_give_cells_away():
    """The control: releases each protected on its own are attacked successfully, and the same releases made
    with the register are not."""
    rng = random.Random(15)
    for _attempt in range(200):
        a, b = _random_cells(rng), _random_cells(rng)
        alone = _units_scenario(a, b, None, [0, 1, 2], register=False)
        if alone.pinned():
            break
    else:
        raise AssertionError("no combination of releases protected one by one gave anything away")
    together = _units_scenario(a, b, None, [0, 1, 2])
    assert together.pinned() == []
    assert together.hidden_for_earlier > 0


def test_a_round_whose_answers_changed_is_checked_without_its_older_state():
    """One woman's answer changed between two exports: the older one no longer adds up with the newer, so it is
    left out of the check instead of making every check fail."""
    before = ((6, 6, 0), (6, 6, 0), (0, 0, 0))
    after = ((7, 6, 0), (5, 6, 0), (0, 0, 0))
    population = Population({"R": frozenset({None})})
    _hidden, first = protect_release([_item(_table(before))], RULES, {"R": "s1"}, None)
    hidden, _second = protect_release([_item(_table(after))], RULES, {"R": "s2"}, None, [first], population)
    assert hidden == [{}]


def test_a_hidden_group_total_is_not_taken_as_below_k():
    """R1 hides its women's and men's totals, 4 and 4 of 8. A reader cannot tell a small hidden figure from its
    complement, so neither is known; the register once kept them as "below k", which pinned both already and left
    them unprotected when R1 + R2 and R2 alone gave the men away by difference. The record as it was kept then is
    read as the reader reads the release: the two rounds together hide their men too."""
    first, second = ((1, 1, 1), (1, 1, 1), (2, 2, 1)), ((1, 4, 0), (2, 2, 0), (1, 4, 0))
    population = Population({"R1": frozenset({None}), "R2": frozenset({None})})
    _hidden, r2 = protect_release([_item(_table(second))], RULES, {"R2": "s"}, None, [], population)
    _hidden, r1 = protect_release([_item(_table(first))], RULES, {"R1": "s"}, None, [r2], population)
    figures = r1.tables["fraga"].figures
    assert figures[("", "female")] == figures[("", "male")] == Figure(None, 1)
    kept = {p: Figure(None, 1, K - 1) if p in {("", "female"), ("", "male")} else f for p, f in figures.items()}
    r1_kept = Release(r1.rounds, r1.unit, {"fraga": ReleasedTable(r1.tables["fraga"].rows, True, kept)})
    both = _item(_table(_sum({"R1": first, "R2": second}, ["R1", "R2"])))
    hidden, _release = protect_release([both], RULES, {"R1": "s", "R2": "s"}, None, [r2, r1_kept], population)
    assert hidden[0][(3, 1)] is Reason.RELEASED  # 14 men together, 10 in R2: 4 in R1
