"""Which differences are significant once all of a selection's tests are known: the p-values of one family are
adjusted together by Benjamini–Hochberg, so that a round of 38 questions with no real difference anywhere shows a
flagged finding in about q of such rounds at most, not in three of four. Primary questions, named in the checklist
before the round, are not part of the family and keep their raw p-values (tested at alpha)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reviewer.domain.statistics import ComparisonState, Thresholds, assess, benjamini_hochberg
from reviewer.services.aggregation.model import Comparison


@dataclass(frozen=True)
class Adjusted:
    comparisons: list[Comparison | None]
    n_tested: int  # in the family (not primary)
    n_tested_primary: int


def adjust(comparisons: Sequence[Comparison | None], thresholds: Thresholds) -> Adjusted:
    """The comparisons, in the same order, with `p_adjusted`, `significant` and `flagged` set by the flag rule. A
    comparison not tested (too small, no variation) is not in the family and cannot be significant."""
    p_values = [c.test.p_value if c is not None and c.test is not None else None for c in comparisons]
    primary = [c is not None and c.primary for c in comparisons]
    adjusted = adjusted_p_values(p_values, primary)
    result: list[Comparison | None] = []
    for c, p in zip(comparisons, adjusted, strict=True):
        if c is None:
            result.append(None)
            continue
        level = thresholds.alpha if c.primary else thresholds.fdr_q
        varies = c.state is not ComparisonState.NO_VARIATION
        verdict = assess(c.female_n, c.male_n, varies, c.material, p, level, thresholds)
        result.append(replace(c, p_adjusted=p, significant=verdict.significant, flagged=verdict.flagged))
    n_primary = sum(1 for p, is_primary in zip(p_values, primary, strict=True) if p is not None and is_primary)
    n_tested = sum(1 for p in p_values if p is not None) - n_primary
    return Adjusted(result, n_tested, n_primary)


def adjusted_p_values(p_values: Sequence[float | None], primary: Sequence[bool]) -> list[float | None]:
    """Benjamini–Hochberg over the p-values that are not None and not primary; primary ones stay as they are. Also
    for the families of before/after changes and of trends."""
    others = [i for i, p in enumerate(p_values) if p is not None and not primary[i]]
    values = benjamini_hochberg([float(p_values[i] or 0.0) for i in others])
    result = list(p_values)
    for i, value in zip(others, values, strict=True):
        result[i] = value
    return result
