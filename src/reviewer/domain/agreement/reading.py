"""Words for the figures: why a figure is missing, and Landis and Koch's reading of a kappa or alpha."""

from __future__ import annotations

from enum import StrEnum

from reviewer.domain.text import Message

MIN_CASES = 2  # a kappa or alpha of one case says nothing
MIN_CASES_FOR_INTERVAL = 10  # below this the bootstrap has too few distinct samples to give an interval
MAX_UNDEFINED_SHARE = 0.05  # of the bootstrap samples in which the measure is undefined (every answer alike)


class Reason(StrEnum):
    """Why a figure, or its interval, is not given ("kan inte skattas")."""

    NO_PAIRS = "no_pairs"
    TOO_FEW_CASES = "too_few_cases"
    NO_VARIATION = "no_variation"
    UNEQUAL_RATERS = "unequal_raters"
    TOO_FEW_FOR_INTERVAL = "too_few_for_interval"
    UNSTABLE = "unstable"
    NO_SPREAD = "no_spread"

    @property
    def message(self) -> Message:
        return _REASONS[self]


_REASONS = {
    Reason.NO_PAIRS: Message(
        "inget ärende har besvarats av två eller fler granskare", "no case was answered by two or more reviewers"
    ),
    Reason.TOO_FEW_CASES: Message(
        f"för få ärenden (minst {MIN_CASES} behövs)", f"too few cases (at least {MIN_CASES} are needed)"
    ),
    Reason.NO_VARIATION: Message(
        "alla svar är lika, så det fanns inget att vara oense om",
        "every answer is the same, so there was nothing to disagree about",
    ),
    Reason.UNEQUAL_RATERS: Message(
        "ärendena har olika många granskare; se Krippendorffs alfa",
        "the cases have different numbers of reviewers; see Krippendorff's alpha",
    ),
    Reason.TOO_FEW_FOR_INTERVAL: Message(
        f"för få ärenden för ett intervall (minst {MIN_CASES_FOR_INTERVAL} behövs)",
        f"too few cases for an interval (at least {MIN_CASES_FOR_INTERVAL} are needed)",
    ),
    Reason.UNSTABLE: Message(
        "nästan alla svar är lika, så måttet saknas i många bootstrapurval och intervallet kan inte skattas",
        "nearly every answer is the same, so the measure is undefined in many bootstrap samples and the interval "
        "cannot be estimated",
    ),
    Reason.NO_SPREAD: Message(
        "alla bootstrapurval ger samma värde (svaren är lika i varje ärende), så bootstrapen kan inte visa "
        "osäkerheten och intervallet kan inte skattas",
        "every bootstrap sample gives the same value (the answers are alike in every case), so the bootstrap cannot "
        "show the uncertainty and the interval cannot be estimated",
    ),
}

# Landis & Koch (1977), "The measurement of observer agreement for categorical data": a convention for reading
# kappa (and, by custom, alpha), not a verdict on the reviewers.
_STRENGTH = (
    (0.0, Message("ingen (sämre än slumpen)", "poor (worse than chance)")),
    (0.20, Message("obetydlig", "slight")),
    (0.40, Message("svag", "fair")),
    (0.60, Message("måttlig", "moderate")),
    (0.80, Message("god", "substantial")),
)
_ALMOST_PERFECT = Message("mycket god", "almost perfect")


def strength(value: float) -> Message:
    """The verbal strength of a kappa by Landis and Koch: below 0 poor, up to 0.20 slight, 0.40 fair, 0.60
    moderate, 0.80 substantial, above that almost perfect."""
    for upper, words in _STRENGTH:
        if value < upper or (upper > 0.0 and value <= upper):
            return words
    return _ALMOST_PERFECT


def reading(value: float | None, reason: Reason | None = None) -> Message:
    """A plain sentence for a table's last column: the band, said to be Landis and Koch's convention, or why there
    is no figure."""
    if value is None:
        why = (reason or Reason.NO_PAIRS).message
        return Message(f"kan inte skattas: {why.sv}", f"not estimable: {why.en}")
    words = strength(value)
    return Message(
        f"{words.sv} överensstämmelse (Landis och Kochs indelning)",
        f"{words.en} agreement (Landis and Koch's bands)",
    )
