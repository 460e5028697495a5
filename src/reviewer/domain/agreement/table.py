"""Ratings as (case, rater, value) rows, turned into the case × value table every measure reads.

The table is canonical: the values are sorted, and cases with the same answers are one row with a multiplicity,
the rows sorted by their answers, never by the order the ratings came in. A measure computed from it, and the
seeded bootstrap drawn over it, are therefore the same whichever review has the lower id or was imported first. A
thousand yes/no cases are a handful of rows, which is what makes a bootstrap per question cheap.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

Rating = tuple[Hashable, Hashable, Hashable]  # (case, rater, value)


class Level(StrEnum):
    """How answers differ: as categories (yes/no, choices), in order (a 1–5 scale), or by how far apart they are
    (days, kronor). It decides Krippendorff's distance, and whether kappa is computed (not for numbers)."""

    NOMINAL = "nominal"
    ORDINAL = "ordinal"
    INTERVAL = "interval"


@dataclass(frozen=True, eq=False)
class RatingTable:
    """The cases rated at least twice, cases with the same answers in one row. `counts[i, j]`: how many raters gave
    the cases of row i the value `values[j]`; `multiplicity[i]`: how many cases row i stands for. `rater_pairs`:
    when exactly two raters rated every such case, each row's (first rater's, second rater's) value index, the
    raters in sorted order (Cohen's kappa is the same either way round); else None."""

    level: Level
    values: tuple[Hashable, ...]
    counts: npt.NDArray[np.int64]
    multiplicity: npt.NDArray[np.int64]
    rater_pairs: npt.NDArray[np.int64] | None
    n_raters: int
    n_single: int  # cases only one rater answered: no pair, no part in any measure

    @property
    def n_cases(self) -> int:
        return int(self.multiplicity.sum())

    @property
    def case_counts(self) -> npt.NDArray[np.int64]:
        """One row per case (what the libraries take)."""
        return np.repeat(self.counts, self.multiplicity, axis=0)

    @property
    def raters_per_case(self) -> npt.NDArray[np.int64]:
        per_case: npt.NDArray[np.int64] = self.counts.sum(axis=1)
        return per_case

    @property
    def numbers(self) -> npt.NDArray[np.float64]:
        """The values as numbers (ordinal and interval levels only)."""
        return np.asarray(self.values, dtype=np.float64)


def _sort_key(value: Hashable) -> tuple[str, str]:
    return (type(value).__name__, repr(value))


def rating_table(ratings: Iterable[Rating], level: Level) -> RatingTable:
    """Group the ratings by case. A rater may rate a case once; a second rating of the same case by the same rater
    is refused (the caller decides which one counts, or names them as two raters). Ordinal and interval values
    must be numbers; None is no answer and is left out. Cases, raters and values become integer codes in one pass,
    and the grouping is numpy's, so a round's thousands of ratings per question cost milliseconds."""
    codes: tuple[dict[Hashable, int], dict[Hashable, int], dict[Hashable, int]] = ({}, {}, {})
    triples = [
        (
            codes[0].setdefault(case, len(codes[0])),
            codes[1].setdefault(rater, len(codes[1])),
            codes[2].setdefault(value, len(codes[2])),
        )
        for case, rater, value in ratings
        if value is not None
    ]
    coded = np.asarray(triples, dtype=np.int64).reshape(-1, 3)
    case, rater, value = coded[:, 0], coded[:, 1], coded[:, 2]
    if len(np.unique(case * max(len(codes[1]), 1) + rater)) != len(case):
        raise ValueError("a rater rated the same case twice")
    rated = np.bincount(case, minlength=len(codes[0]))[case] >= 2
    case, rater, value = case[rated], rater[rated], value[rated]
    seen, used = list(codes[2]), np.unique(value)
    if level is Level.NOMINAL:
        ranked = sorted(used.tolist(), key=lambda i: _sort_key(seen[i]))
    else:
        if any(isinstance(seen[i], bool) or not isinstance(seen[i], int | float) for i in used.tolist()):
            raise ValueError("ordinal and interval ratings must be numbers")
        ranked = sorted(used.tolist(), key=lambda i: float(seen[i]))  # type: ignore[arg-type]
    values = tuple(seen[i] for i in ranked)
    renumbered = np.zeros(len(seen), dtype=np.int64)
    renumbered[ranked] = np.arange(len(ranked))
    value = renumbered[value]
    names = list(codes[1])
    raters = sorted(np.unique(rater).tolist(), key=lambda i: _sort_key(names[i]))
    cases, position = np.unique(case, return_inverse=True)
    pairs = None
    if len(raters) == 2:
        by_rater = np.zeros((len(cases), 2), dtype=np.int64)
        first = rater == raters[0]
        by_rater[position[first], 0] = value[first]
        by_rater[position[~first], 1] = value[~first]
        pairs, multiplicity = np.unique(by_rater, axis=0, return_counts=True)
        counts = np.zeros((len(pairs), len(values)), dtype=np.int64)
        np.add.at(counts, (np.arange(len(pairs)), pairs[:, 0]), 1)
        np.add.at(counts, (np.arange(len(pairs)), pairs[:, 1]), 1)
    else:
        # each case as its sorted value indices, padded with -1: rows as narrow as the most raters of a case, so
        # finding the distinct ones is cheap even for numbers with as many values as cases
        order = np.lexsort((value, position))
        raters_of = np.bincount(position, minlength=len(cases))
        starts = np.concatenate(([0], np.cumsum(raters_of)[:-1]))
        padded = np.full((len(cases), int(raters_of.max(initial=0))), -1, dtype=np.int64)
        padded[position[order], np.arange(len(order)) - starts[position[order]]] = value[order]
        patterns, multiplicity = np.unique(padded, axis=0, return_counts=True)
        counts = np.zeros((len(patterns), len(values)), dtype=np.int64)
        for column in patterns.T:
            answered = column >= 0
            np.add.at(counts, (np.flatnonzero(answered), column[answered]), 1)
    return RatingTable(
        level, values, counts, multiplicity.astype(np.int64), pairs, len(raters), len(codes[0]) - len(cases)
    )


def pair_counts(table: RatingTable) -> tuple[int, int]:
    """(pairs of answers to the same case, of which alike): the plain agreement a reader grasps at once, using every
    rater of every case (a case with three raters gives three pairs)."""
    m = table.raters_per_case
    pairs = int((table.multiplicity * (m * (m - 1) // 2)).sum())
    alike = int(table.multiplicity @ (table.counts * (table.counts - 1) // 2).sum(axis=1))
    return pairs, alike
