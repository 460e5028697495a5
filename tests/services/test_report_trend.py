"""The report's trend: the internal report holds the trend service's own figures; the anonymised one hides a round's
gap where that round's anonymised result hides the comparison, and then the trend worked out from it."""

from __future__ import annotations

import pytest

from reviewer.services.aggregation import AggregateRequest, AggregationError, trend
from reviewer.services.anonymisation import ExportRequest, build_anonymised
from reviewer.services.report import ReportError, ReportRequest, build_report
from tests.services.aggregation_data import TREND_ROUNDS, add_checklist, add_round, checklist_data, trend_cases

# The second round with 3 men answering "ja": its anonymised result hides the comparison of "fragat".
SMALL_CELL_ROUNDS = (TREND_ROUNDS[0], ("År 2025", 24, 3, 20), TREND_ROUNDS[2])


def add_rounds(session, rounds=TREND_ROUNDS):
    add_checklist(session, checklist_data())
    return tuple(add_round(session, n, trend_cases(w, m, d), code_prefix=n[-2:]) for n, w, m, d in rounds)


def test_the_internal_report_holds_the_trend_of_the_rounds_in_the_order_given(app):
    with app.db.session() as session:
        uuids = add_rounds(session)
        data = build_report(session, ReportRequest(uuids, trend=True))
        expected = trend(session, uuids, AggregateRequest(uuids))
    assert data.trend == expected
    assert data.trend_hidden == frozenset()
    assert data.before_after is None and data.baseline is None
    assert [r.name for r in data.trend.rounds] == ["År 2024", "År 2025", "År 2026"]


def test_the_anonymised_report_hides_a_gap_its_round_hides_and_the_trend_built_on_it(app):
    with app.db.session() as session:
        uuids = add_rounds(session, SMALL_CELL_ROUNDS)
        data = build_report(session, ReportRequest(uuids, anonymised=True, trend=True))
        internal = trend(session, uuids, AggregateRequest(uuids))
        second = build_anonymised(session, ExportRequest((uuids[1],)))
    assert second.question("fragat").comparison is None  # the round's own anonymised result hides it
    assert data.aggregate is None and data.trend is not None
    assert data.trend_hidden == {("fragat", uuids[1])}
    asked = next(q for q in data.trend.questions if q.key == "fragat")
    mine = next(q for q in internal.questions if q.key == "fragat")
    assert mine.points[1].gap is not None and asked.points[1].gap is None
    assert asked.points[0] == mine.points[0] and asked.points[2] == mine.points[2]
    assert (asked.slope, asked.p_value, asked.p_adjusted, asked.verdict) == (None, None, None, None)
    # a question every round publishes keeps its trend
    days = next(q for q in data.trend.questions if q.key == "dagar")
    assert days == next(q for q in internal.questions if q.key == "dagar")


def test_a_trend_needs_three_rounds_and_no_comparison(app):
    with app.db.session() as session:
        uuids = add_rounds(session)
        with pytest.raises(AggregationError, match="at least three rounds"):
            build_report(session, ReportRequest(uuids[:2], trend=True))
        with pytest.raises(ReportError, match="either a trend or before/after"):
            build_report(session, ReportRequest(uuids, compare_with=uuids[0], trend=True))
