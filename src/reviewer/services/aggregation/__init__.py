"""Aggregation by sex: the figures of one or several rounds split by women and men (girls and boys), the tested
differences between them, before/after and trends. The package's modules, each with one job:

- `model`: the request and the result types every front end reads;
- `versions`: the rounds and checklist versions of a request, and how their question keys map;
- `counting`: the only SQL, reading the answer counts into tallies;
- `compare`: per question the groups' figures and women against men, with tests and intervals (pure);
- `multiplicity`: adjusting a selection's p-values together, so that chance does not make findings (pure);
- `summary`: `aggregate()`, the picture of a selection; `before_after`: `compare_rounds()`; `trend`: `trend()`;
- `text` and `json_form`: the sentences and the text report, and the JSON document.
"""

from reviewer.services.aggregation.before_after import compare_rounds
from reviewer.services.aggregation.compare import categorical_comparison, numeric_comparison, sex_distribution, unit_of
from reviewer.services.aggregation.model import (
    GROUPS,
    MIN_PERCENT_BASE,
    NOT_APPLICABLE,
    Aggregate,
    AggregateRequest,
    AggregationError,
    BeforeAfter,
    Breakdown,
    ChangeVerdict,
    Comparison,
    FilterOptions,
    Finding,
    GapChange,
    GroupChange,
    GroupResult,
    Kind,
    OptionCount,
    Progress,
    QuestionChange,
    QuestionResult,
    QuestionTrend,
    RoundInfo,
    RoundTrend,
    SectionResult,
    Stratum,
    TrendPoint,
    Unit,
    label_message,
    sex_heading,
)
from reviewer.services.aggregation.summary import aggregate, filter_options, summarise
from reviewer.services.aggregation.trend import trend

__all__ = [
    "GROUPS",
    "MIN_PERCENT_BASE",
    "NOT_APPLICABLE",
    "Aggregate",
    "AggregateRequest",
    "AggregationError",
    "BeforeAfter",
    "Breakdown",
    "ChangeVerdict",
    "Comparison",
    "FilterOptions",
    "Finding",
    "GapChange",
    "GroupChange",
    "GroupResult",
    "Kind",
    "OptionCount",
    "Progress",
    "QuestionChange",
    "QuestionResult",
    "QuestionTrend",
    "RoundInfo",
    "RoundTrend",
    "SectionResult",
    "Stratum",
    "TrendPoint",
    "Unit",
    "aggregate",
    "categorical_comparison",
    "compare_rounds",
    "filter_options",
    "label_message",
    "numeric_comparison",
    "sex_distribution",
    "sex_heading",
    "summarise",
    "trend",
    "unit_of",
]
