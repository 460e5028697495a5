"""What a reader holds of a release: its rounds and their states, its unit filter, and per table the published
figures and what the rules say of the hidden ones; and how a release being built becomes that."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reviewer.domain.disclosure import FrequencyTable, Position, Reason, Rules, floors, small_columns

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
        values = table.values()
        # a table that hides a zero (for another release's sake) tells no reader that a hidden figure is at least 1
        zeros_hidden = any(values[p] == 0 and floor(p) == 0 and p[1] not in small for p in hidden)
        for (r, c), value in values.items():
            row = TOTALS_ROW if r == table.rows else rows[r]
            if (r, c) in hidden:
                high = rules.min_cell - 1 if r == table.rows and c in small else None
                figures[(row, names[c])] = Figure(None, 0 if zeros_hidden else floor((r, c)), high)
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
