"""Disclosure control: the rules at their edges, and attacks that try to recover every hidden cell from what was
published (the margin equations, non-negativity and what a reader knows of the rules) by linear programming."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.domain.disclosure import (
    FrequencyTable,
    Line,
    Reason,
    Rules,
    RulesError,
    is_dominated,
    is_small,
    protect,
    suppress_linked,
    suppress_table,
)
from tests.domain.disclosure_attack import assert_safe, attack

RULES = Rules()
K = RULES.min_cell


# ---------------------------------------------------------------------------------------------------------------
# Rules


def test_rules_refuse_a_minimum_below_three():
    with pytest.raises(RulesError) as caught:
        Rules(min_cell=2)
    assert "minst 3" in caught.value.message.sv
    assert "at least 3" in caught.value.message.en
    assert Rules(min_cell=3).min_cell == 3


@pytest.mark.parametrize(("n", "percent"), [(0, 85.0), (2, 0.0), (2, 100.5)])
def test_rules_refuse_a_meaningless_dominance_rule(n, percent):
    with pytest.raises(RulesError):
        Rules(dominance_n=n, dominance_percent=percent)


@pytest.mark.parametrize(("count", "small"), [(0, False), (1, True), (K - 1, True), (K, False), (30, False)])
def test_frequency_rule_edges(count, small):
    assert is_small(count, RULES) is small


def dominated(values, rules=RULES):
    return is_dominated(values, sum(values), rules)


def test_dominance_rule():
    assert dominated([100_000, 90_000, 5_000, 5_000, 5_000])  # the two largest are 93 %
    assert not dominated([40_000, 40_000, 10_000, 10_000, 5_000])  # 76 %
    assert not dominated([85, 0, 15], Rules(dominance_n=1))  # exactly 85 % is not more than 85 %
    assert dominated([86, 0, 14], Rules(dominance_n=1))
    assert not dominated([0, 0, 0])
    # only the n largest of what is given count
    assert is_dominated([90, 5, 1], 100, RULES) and not is_dominated([50, 30, 20], 100, RULES)


# ---------------------------------------------------------------------------------------------------------------
# Tables by hand


def test_nothing_small_nothing_hidden():
    table = FrequencyTable(((10, 12, 0), (20, 5, 0)))
    assert suppress_table(table, RULES) == {}


def test_zero_is_published_and_k_is_not_small():
    table = FrequencyTable(((0, K, 0), (K, 0, 0), (7, 9, 0)))
    assert suppress_table(table, RULES) == {}


def test_a_single_small_cell_gets_a_complement_in_its_row_and_column():
    # women 4 in the first row; the rest large
    table = FrequencyTable(((4, 20, 0), (30, 25, 0), (12, 15, 0)))
    hidden = suppress_table(table, RULES)
    assert hidden[(0, 0)] is Reason.PRIMARY
    # the row's complement is its Totalt, which then needs a partner in the Totalt column
    assert hidden[(0, 3)] is Reason.SECONDARY
    assert sum(1 for r in range(4) if (r, 0) in hidden) >= 2
    assert sum(1 for r in range(4) if (r, 3) in hidden) >= 2
    assert_safe([table], [hidden])


def test_a_small_group_hides_its_whole_column_zeros_too_and_its_total_cannot_be_recovered():
    # three men: 2 yes, 1 no, 0 not applicable; no annat/okänt
    table = FrequencyTable(((30, 2, 0), (15, 1, 0), (5, 0, 0)))
    hidden = suppress_table(table, RULES)
    assert all((r, 1) in hidden for r in range(4))  # every male cell, the zero and the total included
    assert hidden[(2, 1)] is Reason.PRIMARY
    # the women's figures and their total (the base of their percentages) survive
    assert not any((r, 0) in hidden for r in range(4))
    assert_safe([table], [hidden])


def test_two_small_cells_adding_up_to_two_get_a_third():
    table = FrequencyTable(((30, 1, 1), (20, 25, 0)))
    hidden = suppress_table(table, RULES)
    assert {(0, 1), (0, 2)} <= hidden.keys()
    assert len([p for p in hidden if p[0] == 0]) >= 3
    assert_safe([table], [hidden])


def test_both_sex_groups_small():
    table = FrequencyTable(((3, 2, 0), (1, 1, 0)))
    hidden = suppress_table(table, RULES)
    # every cell of both groups and every row total; the grand total (7 cases) is published
    assert set(hidden) == {(r, c) for r in range(3) for c in (0, 1, 3)} - {(2, 3)}
    assert_safe([table], [hidden])


def test_a_small_grand_total_hides_everything():
    table = FrequencyTable(((1, 2, 0), (0, 1, 0)))
    hidden = suppress_table(table, RULES)
    assert set(hidden) == {(r, c) for r in range(3) for c in range(4)}


def test_a_small_total_is_hidden_like_any_cell():
    # the row "delvis" has 3 cases in all: its total is small although each cell is 0 or 3
    table = FrequencyTable(((3, 0, 0), (30, 22, 0)))
    hidden = suppress_table(table, RULES)
    assert hidden[(0, 3)] is Reason.PRIMARY
    assert hidden[(0, 0)] is Reason.PRIMARY
    assert_safe([table], [hidden])


def test_only_primary_suppression_is_broken_by_the_attack():
    """The attack is real: with the frequency rule alone, the hidden cell is recovered from its row."""
    table = FrequencyTable(((4, 20, 0), (30, 25, 0), (12, 15, 0)))
    primary = {p: Reason.PRIMARY for p, v in table.values().items() if is_small(v, RULES)}
    assert primary == {(0, 0): Reason.PRIMARY}
    assert attack([table], [primary])[(0, 0, 0)] == (4, 4)


def test_the_attack_also_breaks_two_ones_in_a_line():
    """Knowing that hidden cells are not zero, two hidden cells adding up to 2 are both 1."""
    table = FrequencyTable(((30, 1, 1), (20, 25, 0)))
    naive = {(0, 1): Reason.PRIMARY, (0, 2): Reason.PRIMARY, (1, 2): Reason.SECONDARY, (2, 2): Reason.PRIMARY}
    bounds = attack([table], [naive])
    assert bounds[(0, 0, 1)] == (1, 1)


def test_linked_tables_hide_shared_totals_alike():
    """Two questions answered by the same 53 cases (50 women, 2 men, 1 annat/okänt): a total hidden in one must
    not be published in the other."""
    first = FrequencyTable(((25, 2, 1), (25, 0, 0)))
    second = FrequencyTable(((10, 1, 0), (20, 1, 1), (20, 0, 0)))
    assert first.totals_row() == second.totals_row()
    results = suppress_linked([first, second], RULES)
    assert {c for (r, c) in results[0] if r == 2} == {c for (r, c) in results[1] if r == 3}
    assert_safe([first, second], results, shared_totals=True)


def test_a_line_of_group_sizes_without_rows():
    sizes = FrequencyTable((), (50, 49, 2))
    hidden = suppress_table(sizes, RULES)
    assert hidden == {(0, 2): Reason.PRIMARY, (0, 3): Reason.SECONDARY}  # annat/okänt and the total, not a sex


def test_multiple_choice_columns_do_not_add_up():
    # 20 women answered: 15 chose a, 6 b, 2 c (some chose two); men 20: 5, 6, 9
    table = FrequencyTable(((15, 5, 0), (6, 6, 0), (2, 9, 0)), column_totals=(20, 20, 0))
    hidden = suppress_table(table, RULES)
    assert hidden[(2, 0)] is Reason.PRIMARY
    assert (2, 3) in hidden  # the row total protects it; the column does not add up, so it needs nothing
    assert not any(p[0] == 3 for p in hidden)
    assert_safe([table], [hidden])


def test_protect_hides_a_money_sum_complement():
    # sums of women, men, annat/okänt and in all; the men's sum is dominated
    values = {0: 500_000.0, 1: 410_000.0, 2: 0.0, 3: 910_000.0}
    hidden = protect(values, [Line((0, 1, 2), 3)], {1: Reason.DOMINANCE}, rank=lambda p: 0 if p == 3 else 1)
    assert hidden == {1: Reason.DOMINANCE, 3: Reason.SECONDARY}


# ---------------------------------------------------------------------------------------------------------------
# Properties

counts = st.integers(min_value=0, max_value=30)
# small numbers often, so that the rules have work to do
skewed = st.one_of(st.integers(min_value=0, max_value=6), counts)


@st.composite
def tables(draw: st.DrawFn, additive: bool = True) -> FrequencyTable:
    rows = draw(st.integers(min_value=2, max_value=6))
    other = draw(st.sampled_from(["none", "small", "any"]))
    cells = []
    for _ in range(rows):
        o = {"none": 0, "small": draw(st.integers(0, 2)), "any": draw(skewed)}[other]
        cells.append((draw(skewed), draw(skewed), o))
    if additive:
        return FrequencyTable(tuple(cells))
    totals = tuple(
        draw(st.integers(min_value=max(column), max_value=max(sum(column), max(column))))
        for column in zip(*cells, strict=True)
    )
    return FrequencyTable(tuple(cells), column_totals=totals)


SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(tables())
def test_no_hidden_cell_can_be_recovered(table):
    hidden = suppress_table(table, RULES)
    for position, value in table.values().items():
        if is_small(value, RULES):
            assert position in hidden
        if position in hidden and value == 0:
            assert (table.rows, position[1]) in hidden  # only in a small group
    assert_safe([table], [hidden])


@SETTINGS
@given(tables(), st.integers(min_value=3, max_value=10))
def test_no_hidden_cell_can_be_recovered_for_any_k(table, k):
    rules = Rules(min_cell=k)
    hidden = suppress_table(table, rules)
    for (_, row, column), (low, high) in attack([table], [hidden]).items():
        assert low < high, (table.cells, (row, column))


@SETTINGS
@given(tables(additive=False))
def test_no_hidden_cell_of_a_multiple_choice_table_can_be_recovered(table):
    assert_safe([table], [suppress_table(table, RULES)])


@st.composite
def linked_tables(draw: st.DrawFn) -> list[FrequencyTable]:
    """Two or three questions answered by the same cases: tables with equal column totals."""
    sizes = (draw(st.integers(0, 30)), draw(st.integers(0, 30)), draw(st.integers(0, 3)))
    result = []
    for _ in range(draw(st.integers(min_value=2, max_value=3))):
        rows = draw(st.integers(min_value=2, max_value=4))
        columns = []
        for size in sizes:
            cuts = sorted(draw(st.lists(st.integers(0, size), min_size=rows - 1, max_size=rows - 1)))
            bounds = [0, *cuts, size]
            columns.append([bounds[i + 1] - bounds[i] for i in range(rows)])
        result.append(FrequencyTable(tuple(zip(*columns, strict=True))))
    return result


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(linked_tables())
def test_linked_tables_together_reveal_nothing(linked):
    results = suppress_linked(linked, RULES)
    assert_safe(linked, results, shared_totals=True)
