"""Inter-rater agreement: when several reviewers read the same case file, how often do they answer alike, and how
much more often than chance would make them?

The input is a plain table of (case, rater, value) ratings, so real double reviews and training sessions use the
same functions: `measure_agreement` gives the share of agreeing pairs, Cohen's kappa (two raters) or Fleiss' kappa
(more), and Krippendorff's alpha at the question's level, each with the number of cases it rests on, an interval or
the reason there is none (`reading.Reason`), and `reading.reading` puts a figure into Landis and Koch's words. No
figure depends on the order of the rows, and every rater of every case is used.
"""

from reviewer.domain.agreement.measures import (
    BOOTSTRAP_SEED,
    RESAMPLES,
    Estimate,
    KappaKind,
    RaterAgreement,
    alpha_estimate,
    cohen_estimate,
    fleiss_estimate,
    fleiss_standard_error,
    measure_agreement,
)
from reviewer.domain.agreement.reading import (
    MIN_CASES,
    MIN_CASES_FOR_INTERVAL,
    Reason,
    reading,
    strength,
)
from reviewer.domain.agreement.table import Level, Rating, RatingTable, pair_counts, rating_table

__all__ = [
    "BOOTSTRAP_SEED",
    "MIN_CASES",
    "MIN_CASES_FOR_INTERVAL",
    "RESAMPLES",
    "Estimate",
    "KappaKind",
    "Level",
    "RaterAgreement",
    "Rating",
    "RatingTable",
    "Reason",
    "alpha_estimate",
    "cohen_estimate",
    "fleiss_estimate",
    "fleiss_standard_error",
    "measure_agreement",
    "pair_counts",
    "rating_table",
    "reading",
    "strength",
]
