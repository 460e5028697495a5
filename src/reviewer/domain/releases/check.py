"""The check of a new release against the earlier ones, and the suppression grown until it passes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from reviewer.domain.disclosure import Position, Reason, Rules, suppress_linked
from reviewer.domain.releases.model import (
    GROUPS,
    TOTAL_COLUMNS,
    TOTALS_ROW,
    Figure,
    Population,
    Release,
    ReleasedTable,
    ReleaseTable,
    as_read,
    overlapping,
    released,
)
from reviewer.domain.releases.program import (
    Expression,
    Solver,
    Space,
    Unknowns,
    atoms_of,
    earlier_program,
    program_of,
)
from reviewer.domain.text import Message, ReviewerError

_SEED = 20261204
_PROBES = 1  # random directions: more cost more than they save, with Solver.seen keeping every optimum


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
    known = Known()
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


@dataclass(frozen=True)
class _Target:
    row: str
    column: str
    expression: Expression
    hidden: bool  # a hidden figure (recoverable at any value), or an atom's count (recoverable at 1..k-1)
    group: Expression  # the figure's column total over the same cases


@dataclass
class Known:
    """What one run of `protect_release` has learnt, for its next rounds (the same earlier releases, population and
    k): per table, what the earlier releases alone pin (their solver, which remembers its answers), and what the
    table, as the new release last stood, gave up – a table whose figures did not change gives up the same again."""

    earlier: dict[str, Solver] = field(default_factory=dict)
    tables: dict[tuple[str, tuple[object, ...]], list[tuple[str, str]]] = field(default_factory=dict)


def newly_recoverable(
    earlier: Sequence[Release], new: Release, population: Population, min_cell: int, known: Known | None = None
) -> list[tuple[str, str, str]]:
    """The published figures (table key, row, column) of `new` to hide so that, with `earlier`, no figure becomes
    recoverable that was not before. Earlier releases that share no round with it (directly or through another) are
    left out; so are tables whose rows differ between releases (another checklist version). `known`: what was
    learnt by earlier calls with the same earlier releases."""
    known = Known() if known is None else known
    earlier = [Release(r.rounds, r.unit, {key: as_read(t) for key, t in r.tables.items()}) for r in earlier]
    setting = linked_tables(earlier, new, population)
    if setting is None:
        return []
    releases, space, signatures = setting
    linked = releases[:-1]
    remembered = {key: (key, _fingerprint(new.tables[key])) for key in signatures}
    checks = {
        key: _Check(key, releases, signatures[key], space, known)
        for key in signatures
        if remembered[key] not in known.tables
    }
    if not all(check.feasible() for check in checks.values()):
        # the releases contradict each other: answers changed since some of them, not only added. Keep those that
        # describe the same state of every round they share with the new one.
        same = [r for r in linked if all(new.rounds.get(u, d) == d for u, d in r.rounds.items())]
        return newly_recoverable(same, new, population, min_cell) if len(same) < len(linked) else []
    found: dict[tuple[str, str, str], None] = {}
    for key in signatures:
        if key in checks:
            known.tables[remembered[key]] = checks[key].give_up(new.tables[key], min_cell)
        found |= {(key, *position): None for position in known.tables[remembered[key]]}
    return list(found)


def _fingerprint(table: ReleasedTable) -> tuple[object, ...]:
    return table.rows, table.columns_add_up, tuple(sorted(table.figures.items()))


class _Check:
    """One table of the new release against the earlier ones."""

    def __init__(
        self,
        key: str,
        releases: Sequence[Release],
        signature: tuple[tuple[str, ...], bool],
        space: Space,
        known: Known,
    ) -> None:
        self.key, self.releases, self.signature, self.space, self.known = key, releases, signature, space, known
        program, tables = program_of(releases, {key: signature}, space)
        self.table = tables[key]
        self.all = Solver(program)
        # an optimum in a random direction: whether there is a solution at all, and a first point for Solver.seen
        self._feasible = self.all.probe(_PROBES, _SEED)
        self._withheld: Solver | None = None

    def feasible(self) -> bool:
        return self._feasible

    def earlier(self) -> Solver:
        """The earlier releases alone (they do not change while the new one grows: kept across the rounds of
        protect_release)."""
        if self.key not in self.known.earlier:
            linked = self.releases[:-1]
            self.known.earlier[self.key] = Solver(earlier_program(linked, self.key, self.signature, self.space))
        return self.known.earlier[self.key]

    def withheld(self) -> Solver:
        """The earlier releases and what the new one's rules alone reveal of the table."""
        if self._withheld is None:
            *linked, new = self.releases
            releases = [*linked, _withheld(new, self.key)]
            self._withheld = Solver(earlier_program(releases, self.key, self.signature, self.space))
        return self._withheld

    def give_up(self, table: ReleasedTable, min_cell: int) -> list[tuple[str, str]]:
        """The figures of the new release's table to hide, nearest first to each figure it would make recoverable;
        refused when hiding cannot help."""
        found: dict[tuple[str, str], None] = {}
        for target in _targets(self.key, self.table, self.releases, self.space):
            values = self.all.seen(target.expression)
            if float(np.max(values) - np.min(values)) > 0.5:
                continue
            if not target.hidden and not 0.5 < float(values[0]) < min_cell - 0.5:
                continue
            if self.earlier().pinned(target.expression) is not None:
                continue  # already known from the earlier releases: the new one cannot take it back
            value = self.all.pinned(target.expression)
            if value is None or (not target.hidden and not 0 < value < min_cell):
                continue
            if value == 0 and target.hidden and self.all.pinned(target.group) == 0:
                continue  # a group with nobody in it: its zeros say nothing about anyone
            if self.withheld().pinned(target.expression) is not None:
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
            chosen = _give_up(table, target.row, target.column)
            if chosen is not None:
                found[chosen] = None
        return list(found)


def linked_tables(
    earlier: Sequence[Release], new: Release, population: Population
) -> tuple[list[Release], Space, dict[str, tuple[tuple[str, ...], bool]]] | None:
    """What the check of `new` is about: the linked releases and the new one, their atoms, and the signature of each
    table they share; None when there is nothing to check."""
    linked = overlapping(earlier, new.rounds)
    if not linked:
        return None
    releases = [*linked, new]
    signatures = {
        key: released.signature()
        for key, released in new.tables.items()
        if any(r.tables.get(key) is not None and r.tables[key].signature() == released.signature() for r in linked)
    }
    if not signatures:
        return None
    if any(r.rounds == new.rounds and r.unit == new.unit and r.tables == new.tables for r in linked):
        return None  # the same figures again: nothing new
    return releases, atoms_of(releases, population), signatures


class ReleaseRefusedError(ReviewerError):
    """A release that, whatever it hides, would make a figure recoverable together with the earlier ones."""


def _withheld(release: Release, key: str) -> Release:
    """The release with every figure of one table hidden, zeros too (so a hidden figure may be 0): what a reader
    would still know of it – a small group's bound below k."""
    table = release.tables[key]
    figures = {position: Figure(None, 0, f.high if f.value is None else None) for position, f in table.figures.items()}
    return Release(release.rounds, release.unit, {key: ReleasedTable(table.rows, table.columns_add_up, figures)})


def _targets(key: str, table: Unknowns, releases: Sequence[Release], space: Space) -> list[_Target]:
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
    preferred = [(row, column), *((row, total) for total in TOTAL_COLUMNS.values()), (TOTALS_ROW, column)]
    preferred += sorted(p for p in figures if p[0] == row or p[1] == column)
    preferred += sorted(figures)
    for position in preferred:
        figure = figures.get(position)
        if figure is not None and figure.value is not None:
            return position
    return None
