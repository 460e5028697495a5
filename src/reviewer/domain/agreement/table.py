"""Ratings as (case, rater, value) rows, turned into the case × value table every measure reads.

The table is canonical: the values are sorted, and cases with the same answers are one row with a multiplicity,
the rows sorted by their answers, never by the order the ratings came in. A measure computed from it, and the
seeded bootstrap drawn over it, are therefore the same whichever review has the lower id or was imported first. A
thousand yes/no cases are a handful of rows, which is what makes a bootstrap per question cheap.
"""

from __future__ import annotations

from collections import Counter
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
    must be numbers; None is no answer and is left out."""
    by_case: dict[Hashable, dict[Hashable, Hashable]] = {}
    for case, rater, value in ratings:
        if value is None:
            continue
        answers = by_case.setdefault(case, {})
        if rater in answers:
            raise ValueError("a rater rated the same case twice")
        answers[rater] = value
    rated = [answers for answers in by_case.values() if len(answers) >= 2]
    distinct = {value for answers in rated for value in answers.values()}
    if level is Level.NOMINAL:
        values = tuple(sorted(distinct, key=_sort_key))
    else:
        if any(isinstance(v, bool) or not isinstance(v, int | float) for v in distinct):
            raise ValueError("ordinal and interval ratings must be numbers")
        values = tuple(sorted(distinct, key=lambda v: float(v)))  # type: ignore[arg-type]
    index = {value: i for i, value in enumerate(values)}
    raters = sorted({rater for answers in rated for rater in answers}, key=_sort_key)
    two_raters = len(raters) == 2
    patterns = Counter(
        (
            (index[answers[raters[0]]], index[answers[raters[1]]])
            if two_raters
            else tuple(sorted(index[v] for v in answers.values()))
        )
        for answers in rated
    )
    rows = sorted(patterns)
    counts = np.zeros((len(rows), len(values)), dtype=np.int64)
    for i, row in enumerate(rows):
        np.add.at(counts[i], list(row), 1)
    multiplicity = np.asarray([patterns[row] for row in rows], dtype=np.int64)
    pairs = np.asarray(rows, dtype=np.int64).reshape(len(rows), 2) if two_raters else None
    return RatingTable(level, values, counts, multiplicity, pairs, len(raters), len(by_case) - len(rated))


def pair_counts(table: RatingTable) -> tuple[int, int]:
    """(pairs of answers to the same case, of which alike): the plain agreement a reader grasps at once, using every
    rater of every case (a case with three raters gives three pairs)."""
    m = table.raters_per_case
    pairs = int((table.multiplicity * (m * (m - 1) // 2)).sum())
    alike = int(table.multiplicity @ (table.counts * (table.counts - 1) // 2).sum(axis=1))
    return pairs, alike
