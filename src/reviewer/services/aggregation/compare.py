"""Per question: each sex group's counts and numbers from its tally, and women against men with a test, an interval
and the size rule. Pure (no SQL): a comparison made here is not yet significant or flagged – that is decided once
all comparisons of the selection are known (`multiplicity.adjust`)."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

import numpy as np

from reviewer.checklists.schema import SCALE_MAX, Question, QuestionType, implicit_options
from reviewer.domain.inference import (
    BOOTSTRAP_SEED,
    BootstrapStatistics,
    ValueCounts,
    bootstrap,
    newcombe_difference,
    ratio,
    ratio_draws,
    ratio_estimate,
)
from reviewer.domain.sex import SexGroup
from reviewer.domain.statistics import (
    ComparisonState,
    TestResult,
    Thresholds,
    assess,
    bonferroni,
    describe,
    has_variation,
    is_material_difference,
    is_material_ratio,
    mann_whitney,
    proportion_test,
    wilson_interval,
)
from reviewer.domain.text import Message
from reviewer.services.aggregation.counting import Tally
from reviewer.services.aggregation.model import (
    MIN_PERCENT_BASE,
    NOT_APPLICABLE,
    YES_NO,
    YES_NO_LABELS,
    Comparison,
    GroupResult,
    Kind,
    OptionCount,
    OptionSource,
    Unit,
)

_T = TypeVar("_T")


def labels(question: Question) -> dict[str, Message]:
    if question.type in YES_NO:
        return dict(YES_NO_LABELS)
    if question.type is QuestionType.SCALE:
        return {str(v): Message(f"{v} av {SCALE_MAX}", f"{v} of {SCALE_MAX}") for v in implicit_options(question)}
    return {o.value: Message(o.label.sv, o.label.en or o.label.sv) for o in question.options or []}


def option_values(question: Question, tallies: Iterable[Tally]) -> list[str]:
    """The question's options in checklist order, then any value the answers hold that the newest version lacks
    (answers of an older version), so that nothing counted disappears from the table."""
    apart = {NOT_APPLICABLE} if question.type is QuestionType.YES_NO_NA else set()  # only there is it no option
    values = [str(v) for v in implicit_options(question) if str(v) not in apart]
    extra = sorted({v for t in tallies for v in t.values} - set(values) - apart)
    return values + extra


def group_result(question: Question, kind: Kind, tally: Tally, options: list[str]) -> GroupResult:
    if kind == "numeric":
        numbers = describe(expand(tally)) if tally.answered else None
        return GroupResult(tally.answered, tally.answered, 0, [], numbers)
    if kind == "not_aggregated":
        return GroupResult(tally.answered, tally.answered, 0, [], None)
    not_applicable = tally.values.get(NOT_APPLICABLE, 0) if question.type is QuestionType.YES_NO_NA else 0
    base = tally.answered - not_applicable
    names = labels(question)
    items = []
    for value in options:
        count = tally.values.get(value, 0)
        label = names.get(value, Message(value, value))
        if base >= MIN_PERCENT_BASE:
            low, high = wilson_interval(count, base)
            items.append(OptionCount(value, label, count, 100.0 * count / base, 100.0 * low, 100.0 * high))
        else:
            items.append(OptionCount(value, label, count, None, None, None))
    return GroupResult(tally.answered, base, not_applicable, items, None)


def expand(tally: Tally) -> np.ndarray:
    if not tally.values:
        return np.empty(0)
    values, counts = zip(*tally.values.items(), strict=True)
    return np.repeat(np.asarray(values, dtype=np.float64), np.asarray(counts, dtype=np.int64))


def value_counts(tally: Tally) -> ValueCounts:
    if not tally.values:
        return ValueCounts(np.empty(0), np.empty(0, dtype=np.int64))
    values, counts = zip(*sorted(tally.values.items()), strict=True)
    return ValueCounts(np.asarray(values, dtype=np.float64), np.asarray(counts, dtype=np.int64))


def fixed_option(question: Question) -> tuple[str | None, OptionSource | None]:
    """The option compared whatever the answers say: "ja" of a yes/no question, or the checklist's compare_option."""
    if question.type in YES_NO:
        return "ja", "yes"
    if question.compare_option is not None:
        return question.compare_option, "checklist"
    return None, None


def most_different(female: GroupResult, male: GroupResult) -> str | None:
    """The option with the largest |female share − male share|; the first in checklist order among equals."""
    values = [o.value for o in female.options]
    if not values:
        return None
    if not (female.base and male.base):
        return values[0]
    counts_f = {o.value: o.count for o in female.options}
    counts_m = {o.value: o.count for o in male.options}
    return max(values, key=lambda v: abs(counts_f.get(v, 0) / female.base - counts_m.get(v, 0) / male.base))


def categorical_comparison(
    question: Question,
    female: GroupResult,
    male: GroupResult,
    thresholds: Thresholds,
    option: str | None = None,
    source: OptionSource | None = None,
) -> Comparison:
    """Female against male for a categorical question at its fixed option, else at `option` (the question's overall
    option for a stratum, the pooled one for before/after), else at the most different option – and only then is
    a multiple-choice test Bonferroni-adjusted for the choice among its options."""
    values = [o.value for o in female.options]
    picked = False
    fixed, fixed_source = fixed_option(question)
    if fixed is not None:
        option, source = fixed, fixed_source
    elif option is None:
        option, source, picked = most_different(female, male), "most_different", True
    counts_f = {o.value: o.count for o in female.options}
    counts_m = {o.value: o.count for o in male.options}
    f_count, m_count = counts_f.get(option or "", 0), counts_m.get(option or "", 0)
    shown = female.base >= MIN_PERCENT_BASE and male.base >= MIN_PERCENT_BASE
    f_percent = 100.0 * f_count / female.base if female.base >= MIN_PERCENT_BASE else None
    m_percent = 100.0 * m_count / male.base if male.base >= MIN_PERCENT_BASE else None
    diff = low = high = None
    if shown:
        d, lo, hi = newcombe_difference(f_count, female.base, m_count, male.base)
        diff, low, high = 100.0 * d, 100.0 * lo, 100.0 * hi
    if question.type is QuestionType.MULTIPLE_CHOICE:
        table = [[f_count, female.base - f_count], [m_count, male.base - m_count]]
    else:
        table = [[counts_f.get(v, 0) for v in values], [counts_m.get(v, 0) for v in values]]
    varies = bool(values) and has_variation(table)
    material = diff is not None and is_material_difference(diff, thresholds)
    test: TestResult | None = None
    state = _state(female.base, male.base, varies, thresholds)
    if state is ComparisonState.OK:
        test = _kept(("table", tuple(map(tuple, table))), lambda: proportion_test(table))
        if picked and question.type is QuestionType.MULTIPLE_CHOICE:
            test = bonferroni(test, len(values))
    names = labels(question)
    return Comparison(
        state=state,
        material=material,
        significant=False,
        flagged=False,
        test=test,
        female_n=female.base,
        male_n=male.base,
        primary=question.primary,
        option=option,
        option_label=names.get(option, Message(option, option)) if option else None,
        option_source=source if option else None,
        female_count=f_count,
        male_count=m_count,
        female_percent=f_percent,
        male_percent=m_percent,
        difference_pp=diff,
        difference_low=low,
        difference_high=high,
    )


def numeric_comparison(
    female: ValueCounts, male: ValueCounts, thresholds: Thresholds, primary: bool = False
) -> Comparison:
    """Medians (times and costs are skewed) and means and totals (what a budget needs), each ratio female / male
    with a seeded bootstrap interval; Mann–Whitney tests whether the two distributions differ, which is what it
    tests – not the medians."""
    key = ("numeric", _key(female), _key(male), thresholds, primary)
    return _kept(key, lambda: _numeric_comparison(female, male, thresholds, primary))


def _numeric_comparison(female: ValueCounts, male: ValueCounts, thresholds: Thresholds, primary: bool) -> Comparison:
    f_values = np.repeat(female.values, female.counts)
    m_values = np.repeat(male.values, male.counts)
    f_median = float(np.median(f_values)) if f_values.size else None
    m_median = float(np.median(m_values)) if m_values.size else None
    f_mean = float(f_values.mean()) if f_values.size else None
    m_mean = float(m_values.mean()) if m_values.size else None
    both = f_median is not None and m_median is not None
    material = both and is_material_ratio(f_median or 0.0, m_median or 0.0, thresholds)
    pooled = np.concatenate([f_values, m_values])
    varies = bool(f_values.size and m_values.size) and bool(pooled.min() != pooled.max())
    state = _state(int(f_values.size), int(m_values.size), varies, thresholds)
    test = mann_whitney(f_values, m_values) if state is ComparisonState.OK else None
    median_estimate = mean_estimate = None
    if state is ComparisonState.OK and f_median is not None and m_median is not None:
        f_boot, m_boot = bootstraps(female, male)
        median_estimate = ratio_estimate(ratio(f_median, m_median), ratio_draws(f_boot.medians, m_boot.medians))
        mean_estimate = ratio_estimate(ratio(f_mean or 0.0, m_mean or 0.0), ratio_draws(f_boot.means, m_boot.means))
    return Comparison(
        state=state,
        material=material,
        significant=False,
        flagged=False,
        test=test,
        female_n=int(f_values.size),
        male_n=int(m_values.size),
        primary=primary,
        female_median=f_median,
        male_median=m_median,
        median_ratio=ratio(f_median, m_median) if f_median is not None and m_median is not None else None,
        median_ratio_low=median_estimate.low if median_estimate else None,
        median_ratio_high=median_estimate.high if median_estimate else None,
        female_mean=f_mean,
        male_mean=m_mean,
        mean_ratio=ratio(f_mean or 0.0, m_mean or 0.0) if both else None,
        mean_ratio_low=mean_estimate.low if mean_estimate else None,
        mean_ratio_high=mean_estimate.high if mean_estimate else None,
        female_total=float(f_values.sum()) if f_values.size else None,
        male_total=float(m_values.sum()) if m_values.size else None,
    )


def bootstraps(
    female: ValueCounts, male: ValueCounts, offset: int = 0
) -> tuple[BootstrapStatistics, BootstrapStatistics]:
    """Each group with a seed of its own, made from the two groups' values: the same answers give the same interval
    every time, and women's and men's answers swapped give exactly the mirrored interval. Before/after gives the
    baseline round offset 2, so that identical rounds do not draw identical resamples."""
    return _kept(("draws", _key(female), _key(male), offset), lambda: _bootstraps(female, male, offset))


def _bootstraps(female: ValueCounts, male: ValueCounts, offset: int) -> tuple[BootstrapStatistics, BootstrapStatistics]:
    f_hash, m_hash = _digest(female), _digest(male)
    f_seed = [BOOTSTRAP_SEED, offset, f_hash, m_hash]
    m_seed = [BOOTSTRAP_SEED, offset, m_hash, f_hash]
    if f_hash == m_hash:  # identical groups must still draw different resamples
        f_seed.append(0)
        m_seed.append(1)
    return _frozen(bootstrap(female, f_seed)), _frozen(bootstrap(male, m_seed))


# What the current `reusing_results()` block has computed, by what it was computed from; None outside a block.
_KEPT: ContextVar[dict[tuple[object, ...], Any] | None] = ContextVar("kept_results", default=None)


@contextmanager
def reusing_results() -> Iterator[None]:
    """Within the block, a comparison of numbers, a test of a table and a bootstrap of the same answers are computed
    once: before/after and a trend need the rounds' own comparisons and draws again (the ratio of ratios, a round's
    variance), and computing them anew cost a third of a before/after. Each follows from the answers alone, so
    reusing it changes no figure. Kept only for the block, by digests of the answers, never the answers themselves
    (a context variable: each thread its own)."""
    if _KEPT.get() is not None:
        yield
        return
    token = _KEPT.set({})
    try:
        yield
    finally:
        _KEPT.reset(token)


def _kept(key: tuple[object, ...], compute: Callable[[], _T]) -> _T:
    kept = _KEPT.get()
    if kept is None:
        return compute()
    if key not in kept:
        kept[key] = compute()
    result: _T = kept[key]
    return result


def _frozen(statistics: BootstrapStatistics) -> BootstrapStatistics:
    """Read-only draws: a kept result is handed to every caller that asks for the same groups."""
    statistics.medians.flags.writeable = False
    statistics.means.flags.writeable = False
    return statistics


def _digest(group: ValueCounts) -> int:
    """The group's part of its bootstrap seed."""
    digest = hashlib.blake2b(group.values.tobytes() + group.counts.tobytes(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _key(group: ValueCounts) -> bytes:
    """The group's identity among the kept results: 128 bits of BLAKE2b over its values and counts (two different
    groups sharing results is as likely as guessing a 128-bit key), so the answers themselves need not be kept."""
    return hashlib.blake2b(group.values.tobytes() + group.counts.tobytes(), digest_size=16).digest()


def _state(n_female: int, n_male: int, varies: bool, thresholds: Thresholds) -> ComparisonState:
    """The flag rule's state; significance waits for the family's adjustment."""
    return assess(n_female, n_male, varies, False, None, thresholds.fdr_q, thresholds).state


def compare(
    question: Question,
    kind: Kind,
    groups: Mapping[SexGroup, GroupResult],
    tallies: Mapping[SexGroup, Tally],
    thresholds: Thresholds,
    option: str | None = None,
    source: OptionSource | None = None,
) -> Comparison | None:
    if not question.compare_by_sex or kind == "not_aggregated":
        return None
    if kind == "numeric":
        return numeric_comparison(
            value_counts(tallies[SexGroup.FEMALE]),
            value_counts(tallies[SexGroup.MALE]),
            thresholds,
            question.primary,
        )
    return categorical_comparison(question, groups[SexGroup.FEMALE], groups[SexGroup.MALE], thresholds, option, source)


def unit_of(question_type: QuestionType) -> Unit:
    if question_type is QuestionType.DAYS:
        return "days"
    if question_type is QuestionType.MONEY:
        return "money"
    return "none"


def materiality(comparison: Comparison, thresholds: Thresholds) -> float:
    """How many times the threshold a difference is, to put the most material findings first; ratios on the log
    scale, so that women 20 % above men and men 20 % above women rank the same."""
    if comparison.difference_pp is not None:
        return abs(comparison.difference_pp) / thresholds.min_difference_pp
    if comparison.median_ratio is not None and comparison.median_ratio > 0:
        return abs(math.log(comparison.median_ratio)) / math.log1p(thresholds.min_relative_difference)
    return float("inf")


def sex_distribution(groups: Mapping[SexGroup, GroupResult], option: str | None) -> dict[SexGroup, float | None]:
    """SCB's other view beside the share within each sex: of all cases with `option`, the percentage that are women,
    men, annat and okänt. None below MIN_PERCENT_BASE cases with the option, as every percentage."""
    counts = {g: next((o.count for o in groups[g].options if o.value == option), 0) for g in groups}
    total = sum(counts.values())
    if total < MIN_PERCENT_BASE:
        return dict.fromkeys(groups)
    return {g: 100.0 * count / total for g, count in counts.items()}
