"""Releases protected together (τ-ARGUS's "linked tables"): which published figures of a new release would let a
reader, who also holds the earlier releases of overlapping selections, work out a hidden figure.

Each release publishes, per table (a question, or the line of case counts), figures that are sums over the cases of
its selection: some rounds, perhaps one unit, as the data stood when it was made. The reader's model is built from
*atoms*: a round's cases of one unit class (each unit some release was limited to, and "the rest") and one
*increment* (the cases a round gained between two releases: its state is recorded as a digest, and a release of a
later state covers the increments up to it). Every published figure is an equation over the atoms' counts, every
hidden one what a reader knows of it (at least 1, as zeros are published, or 0 in a column hidden whole, which
may be a small group's; no more: see `as_read`), every count is non-negative, and for multiple choice no option is
chosen by more than answered.

A figure becomes recoverable when, with the new release, linear programming pins it to one value while the earlier
releases alone did not: a hidden figure of any release, or a count of 1..k−1 of an atom or an increment (the
"disclosure by differencing" of the ESSnet handbook: a unit's count as the whole round less the other units, one new
case as this week's export less last week's). For each, the new release gives up the published figure closest to
it – the same cell, else its row's total, else its column's – and the caller suppresses again until none is left.

Pure: no SQL, no Qt. See docs/anonymisation.md.
"""

from reviewer.domain.releases.check import Known, ReleaseRefusedError, newly_recoverable, protect_release
from reviewer.domain.releases.model import (
    COLUMN_GROUPS,
    GROUPS,
    REST,
    SAMPLE_KEY,
    TOTAL_COLUMNS,
    TOTALS_ROW,
    UNCOMPARED,
    Figure,
    Population,
    Release,
    ReleasedTable,
    ReleaseTable,
    overlapping,
    released,
)

__all__ = [
    "COLUMN_GROUPS",
    "GROUPS",
    "REST",
    "SAMPLE_KEY",
    "TOTALS_ROW",
    "TOTAL_COLUMNS",
    "UNCOMPARED",
    "Figure",
    "Known",
    "Population",
    "Release",
    "ReleaseRefusedError",
    "ReleaseTable",
    "ReleasedTable",
    "newly_recoverable",
    "overlapping",
    "protect_release",
    "released",
]
