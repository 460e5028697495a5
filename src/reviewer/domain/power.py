"""How many files a round needs to find a difference between women and men, and the smallest difference a given
number of files can find – for a yes/no question, before the round starts.

The calculation is statsmodels' `NormalIndPower` on Cohen's h (the difference of arcsine-transformed proportions,
`proportion_effectsize`): the standard normal approximation for comparing two independent proportions (Cohen 1988,
ch. 6). The round's findings are flagged on p-values adjusted across the questions compared by sex (Benjamini–
Hochberg), so a plan is given at two levels: a question tested on its own (a primary question, decided before the
round) at alpha, and any question of the round at alpha divided by the number of compared questions – what
Benjamini–Hochberg asks of the smallest p-value when only one question really differs, the hardest case.
Pure: no SQL, no Qt; statsmodels is imported on first use, as the aggregation does.
"""

from __future__ import annotations

import importlib
import math
from dataclasses import dataclass
from typing import Any

from reviewer.domain.text import Message, ReviewerError

DEFAULT_DIFFERENCE_PP = 20.0
DEFAULT_BASE_PCT = 50.0
DEFAULT_POWER = 0.8
DEFAULT_ALPHA = 0.05
# Past this many files per sex a plan says "more than" rather than a figure: no unit reviews that many by hand.
MAX_FILES_PER_SEX = 100_000


class PlanError(ReviewerError):
    """A planning input out of range; the message names the input."""


@dataclass(frozen=True)
class PlanInput:
    difference_pp: float = DEFAULT_DIFFERENCE_PP
    base_pct: float = DEFAULT_BASE_PCT
    power: float = DEFAULT_POWER
    alpha: float = DEFAULT_ALPHA
    n_compared: int = 1
    available_women: int | None = None
    available_men: int | None = None


@dataclass(frozen=True)
class PlanLevel:
    """One significance level of a plan: the files needed per sex for the asked difference and, when the numbers
    of available files are given, the smallest difference (percentage points, towards 50 %) they can find."""

    key: str
    alpha: float
    files_per_sex: int
    detectable_pp: float | None


@dataclass(frozen=True)
class SamplePlan:
    request: PlanInput
    other_pct: float  # the other sex's share the difference leads to
    levels: tuple[PlanLevel, ...]


def validate(request: PlanInput) -> None:
    """Refuse what no plan can answer, naming the input in both languages."""
    if not 0 < request.base_pct < 100:
        raise PlanError(
            Message("Utgångsandelen ska ligga mellan 0 och 100 %", "The base share must be between 0 and 100 per cent")
        )
    if not 0 < request.difference_pp < 100:
        raise PlanError(
            Message(
                "Skillnaden ska vara större än 0 och mindre än 100 procentenheter",
                "The difference must be more than 0 and less than 100 percentage points",
            )
        )
    if _other_share(request.base_pct, request.difference_pp) is None:
        raise PlanError(
            Message(
                f"En skillnad på {_sv(request.difference_pp)} procentenheter från {_sv(request.base_pct)} % "
                "ryms inte mellan 0 och 100 %",
                f"A difference of {request.difference_pp:g} percentage points from {request.base_pct:g} % "
                "does not fit between 0 and 100 %",
            )
        )
    if not 0.5 <= request.power < 1:
        raise PlanError(Message("Styrkan ska ligga mellan 0,5 och 1", "The power must be between 0.5 and 1"))
    if not 0 < request.alpha < 0.5:
        raise PlanError(
            Message("Signifikansnivån ska ligga mellan 0 och 0,5", "The significance level must be between 0 and 0.5")
        )
    if request.n_compared < 1:
        raise PlanError(
            Message("Checklistan jämför inga frågor mellan könen", "The checklist compares no question by sex")
        )
    given = (request.available_women is not None, request.available_men is not None)
    if given[0] != given[1]:
        raise PlanError(
            Message(
                "Ange antalet tillgängliga akter för både kvinnor och män",
                "Give the number of available files for both women and men",
            )
        )
    for value in (request.available_women, request.available_men):
        if value is not None and value < 2:
            raise PlanError(
                Message(
                    "Antalet tillgängliga akter ska vara minst 2 per kön", "Give at least 2 available files per sex"
                )
            )


def plan(request: PlanInput) -> SamplePlan:
    validate(request)
    levels = [("single", request.alpha)]
    if request.n_compared > 1:
        levels.append(("round", request.alpha / request.n_compared))
    other = _other_share(request.base_pct, request.difference_pp)
    assert other is not None
    return SamplePlan(
        request,
        other,
        tuple(
            PlanLevel(
                key,
                alpha,
                files_needed(request.base_pct, request.difference_pp, request.power, alpha),
                None
                if request.available_women is None or request.available_men is None
                else detectable_difference(
                    request.available_women, request.available_men, request.base_pct, request.power, alpha
                ),
            )
            for key, alpha in levels
        ),
    )


def files_needed(base_pct: float, difference_pp: float, power: float, alpha: float) -> int:
    """Files per sex (equal groups) to find `difference_pp` from `base_pct` with the given power, two-sided."""
    other = _other_share(base_pct, difference_pp)
    assert other is not None, "validate() first"
    h = abs(_proportion_effectsize(other / 100, base_pct / 100))
    n = _solve(effect_size=h, nobs1=None, alpha=alpha, power=power, ratio=1.0)
    return min(math.ceil(n - 1e-9), MAX_FILES_PER_SEX)


def detectable_difference(women: int, men: int, base_pct: float, power: float, alpha: float) -> float | None:
    """The smallest difference in percentage points, from `base_pct` towards 50 % (the direction that needs the
    most files), that `women` and `men` files find with the given power; None when even the whole way to the far
    end of the scale is not enough."""
    h = _solve(effect_size=None, nobs1=women, alpha=alpha, power=power, ratio=men / women)
    base = base_pct / 100
    towards = 1.0 if base <= 0.5 else -1.0
    angle = 2 * math.asin(math.sqrt(base)) + towards * h
    if not 0 <= angle <= math.pi:
        return None
    other = math.sin(angle / 2) ** 2
    return abs(other - base) * 100


def _other_share(base_pct: float, difference_pp: float) -> float | None:
    """The other sex's share: the difference taken towards 50 % (needing the most files) where it fits, else away."""
    towards = base_pct + difference_pp if base_pct <= 50 else base_pct - difference_pp
    away = base_pct - difference_pp if base_pct <= 50 else base_pct + difference_pp
    for share in (towards, away):
        if 0 < share < 100:
            return share
    return None


def _proportion_effectsize(p1: float, p2: float) -> float:
    proportion = importlib.import_module("statsmodels.stats.proportion")
    return float(proportion.proportion_effectsize(p1, p2))


def _solve(**kwargs: Any) -> float:
    power_module = importlib.import_module("statsmodels.stats.power")
    return float(power_module.NormalIndPower().solve_power(alternative="two-sided", **kwargs))


def _sv(value: float) -> str:
    return f"{value:g}".replace(".", ",")
