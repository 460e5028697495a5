"""What a reader holds of a release: its rounds and their states, its unit filter, and per table the published
figures and what the rules say of the hidden ones; and how a release being built becomes that."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reviewer.domain.disclosure import FrequencyTable, Position, Reason, Rules

TOTALS_ROW = ""  # the row key of a table's totals (the number who answered, per column)
GROUPS = ("female", "male", "other", "unknown")  # other: annat, unknown: okänt
UNCOMPARED = ("other", "unknown")  # the groups left out of a release's tables when small
# The columns a release may publish, as the sex groups they add up. "other_unknown" is the one column releases made
# before annat and okänt were told apart had for both (migration 0006 renames it so in the register).
COLUMN_GROUPS: dict[str, tuple[int, ...]] = {
    "female": (0,),
    "male": (1,),
    "other": (2,),
    "unknown": (3,),
    "other_unknown": (2, 3),
    "total": (0, 1, 2, 3),
    "women_and_men": (0, 1),
    "total_without_other": (0, 1, 3),
    "total_without_unknown": (0, 1, 2),
}
# The total column's name by the groups left out of the table.
TOTAL_COLUMNS: dict[tuple[str, ...], str] = {
    (): "total",
    ("other", "unknown"): "women_and_men",
    ("other",): "total_without_other",
    ("unknown",): "total_without_unknown",
}
REST = "\x00rest"  # the unit class of a round's cases outside every unit a release was limited to
SAMPLE_KEY = ""  # the table of case counts, beside the questions' keys


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
    of each row. `small_group`: the table of case counts, where a left-out group has at least 1. `left_out`: the
    groups of UNCOMPARED left out of the table (1..k-1 cases), in GROUPS order; the table's columns are the others.
    `always_row`: a row the register keeps (as zeros) when nobody chose it, so that the table is the same each
    time ("ej aktuellt")."""

    key: str
    table: FrequencyTable
    rows: tuple[str, ...]
    small_group: bool = False
    always_row: str | None = None
    left_out: tuple[str, ...] = ()

    def column_names(self) -> list[str]:
        groups = [g for g in GROUPS if g not in self.left_out]
        assert len(groups) == self.table.columns, "a table has a column per group not left out"
        return [*groups, TOTAL_COLUMNS[self.left_out]]

    def position(self, row: str, column: str) -> Position | None:
        """Where a released figure is in the table; None for one the table does not hold (a left-out group, the
        "ej aktuellt" row nobody chose)."""
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
    published, or 0 in a column hidden whole, see `as_read`); a left-out group's figures are below k."""
    result = {}
    for item, hidden in zip(tables, hidden_maps, strict=True):
        table, names, rows = item.table, item.column_names(), list(item.rows)
        figures: dict[tuple[str, str], Figure] = {}
        values = table.values()
        for (r, c), value in values.items():
            # hidden: at least 1, as zeros are published (as_read lowers what a reader cannot be sure of)
            figures[(TOTALS_ROW if r == table.rows else rows[r], names[c])] = (
                Figure(None, 1) if (r, c) in hidden else Figure(value)
            )
        for group in item.left_out:  # reported as fewer than k: every count below k
            for row in [*rows, TOTALS_ROW]:
                least = 1 if item.small_group and row == TOTALS_ROW else 0
                figures[(row, group)] = Figure(None, least, rules.min_cell - 1)
        if item.always_row is not None and item.always_row not in rows:
            rows.append(item.always_row)
            figures |= {(item.always_row, name): Figure(0) for name in names}
        read = as_read(ReleasedTable(tuple(rows), table.columns_add_up, figures))
        # a zero hidden (for another release's sake) where a reader takes a hidden figure to be at least 1: the reader
        # cannot tell which one it is, so no hidden figure of the table is at least 1
        if any(
            values[(r, c)] == 0 and read.figures[(TOTALS_ROW if r == table.rows else rows[r], names[c])].low
            for r, c in hidden
        ):
            shown = set(names)
            read = ReleasedTable(
                read.rows,
                read.columns_add_up,
                {p: Figure(None) if f.value is None and p[1] in shown else f for p, f in read.figures.items()},
            )
        result[item.key] = read
    return Release(dict(state), unit, result)


def as_read(table: ReleasedTable) -> ReleasedTable:
    """No more than a reader can tell of the hidden figures of the groups shown in the table. Every hidden figure
    has the same mark, whether it is small or a complement, so no bound below k; and a column hidden whole (rows
    nobody chose apart) may be a small group, whose zeros are hidden, so its cells may be 0. Knowing more than the
    reader is not the safe side: what the earlier releases are taken to pin is not protected again. Applied to the
    releases the register kept before, which had a small group's total below k."""
    names = {column for _row, column in table.figures}
    total = next((name for name in TOTAL_COLUMNS.values() if name in names), None)
    if total is None:
        return table
    shown = {name for name in names if set(COLUMN_GROUPS[name]) <= set(COLUMN_GROUPS[total])}
    empty = {row for (row, column), f in table.figures.items() if column == total and f.value == 0}
    whole = {
        name
        for name in shown
        if all(f.value is None for (row, column), f in table.figures.items() if column == name and row not in empty)
    }
    figures = {
        (row, column): Figure(None, 0 if row != TOTALS_ROW and column in whole else f.low)
        if f.value is None and column in shown
        else f
        for (row, column), f in table.figures.items()
    }
    return ReleasedTable(table.rows, table.columns_add_up, figures)


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
