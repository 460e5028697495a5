"""A trend over three or more rounds: each round's gap with its interval, a weighted test for a linear trend adjusted
across the questions, the verdict in the order the rounds are given, primary questions on their own, and the
figures the text report and the JSON show."""

from __future__ import annotations

import copy
import json

import pytest

from reviewer.services.aggregation import AggregateRequest, AggregationError, trend
from reviewer.services.aggregation.change_text import render_trend_text
from reviewer.services.aggregation.json_form import trend_to_json
from tests.services.aggregation_data import TREND_N as N
from tests.services.aggregation_data import TREND_ROUNDS, add_checklist, add_round, checklist_data, trend_cases


def _add_rounds(session, slug="testmall"):
    return tuple(
        add_round(session, name, trend_cases(w, m, d), slug=slug, code_prefix=name[-2:])
        for name, w, m, d in TREND_ROUNDS
    )


@pytest.fixture
def rounds(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        return _add_rounds(session)


def trend_of(app, uuids):
    with app.db.session() as session:
        return trend(session, uuids, AggregateRequest(()))


def test_each_round_has_its_gap_with_an_interval_and_the_trend_is_tested(app, rounds):
    result = trend_of(app, rounds)
    assert [r.name for r in result.rounds] == ["År 2024", "År 2025", "År 2026"]
    by_key = {q.key: q for q in result.questions}
    asked = by_key["fragat"]
    assert asked.option == "ja"
    assert [p.gap for p in asked.points] == pytest.approx([60.0, 20.0, 0.0])
    assert [(p.female_n, p.male_n) for p in asked.points] == [(N, N)] * 3
    for point in asked.points:
        assert point.low < point.gap < point.high
    assert asked.slope_low < asked.slope < asked.slope_high < 0
    assert asked.slope == pytest.approx(-30.0, abs=5.0)  # weighted: the 0-point gap is the most precise
    assert asked.p_value <= asked.p_adjusted < 0.05
    assert asked.verdict == "narrowed"

    days = by_key["dagar"]
    assert [p.gap for p in days.points] == pytest.approx([2.0, 20 / 15, 1.0])
    for point in days.points:
        assert point.low <= point.gap <= point.high
    assert days.slope < 0  # on the log scale of the ratio
    assert days.verdict == "narrowed"

    assert by_key["na_fraga"].verdict == "unchanged"  # the same gap (0) in every round
    assert by_key["kostnad"].verdict == "not_tested"  # never answered
    assert all(p.gap is None for p in by_key["kostnad"].points)
    assert "kommentar" not in by_key  # not compared by sex
    assert result.n_tested == 3


def test_the_rounds_are_read_in_the_order_given(app, rounds):
    backwards = trend_of(app, tuple(reversed(rounds)))
    asked = next(q for q in backwards.questions if q.key == "fragat")
    assert [p.gap for p in asked.points] == pytest.approx([0.0, 20.0, 60.0])
    assert asked.slope > 0
    assert asked.verdict == "widened"


def test_a_primary_question_keeps_its_own_p_value(app):
    data = copy.deepcopy(checklist_data(slug="huvudmall"))
    data["sections"][0]["questions"][0]["primary"] = True  # fragat
    with app.db.session() as session:
        add_checklist(session, data)
        uuids = _add_rounds(session, slug="huvudmall")
    result = trend_of(app, uuids)
    asked = next(q for q in result.questions if q.key == "fragat")
    assert asked.primary
    assert asked.p_adjusted == asked.p_value
    assert asked.verdict == "narrowed"
    assert result.n_tested == 2  # na_fraga and dagar: the primary question is not in the family


def test_the_text_and_the_json_show_the_intervals_and_both_p_values(app, rounds):
    result = trend_of(app, rounds)
    text = render_trend_text(result, "sv")
    lines = text.splitlines()
    assert lines[0] == "Trend: År 2024 → År 2025 → År 2026"
    header = next(line for line in lines if line.startswith("  fråga"))
    assert [c.strip() for c in header.split("  ") if c.strip()][-4:] == [
        "trend per omgång (95 % KI)",
        "p",
        "justerat p",
        "bedömning",
    ]
    row = next(line for line in lines if line.startswith("  Frågade handläggaren om barn? – Ja"))
    cells = [c.strip() for c in row.split("  ") if c.strip()]
    assert cells[1].startswith("60 p.e. (") and cells[3].startswith("0 p.e. (")
    assert cells[4].startswith("-") and "p.e. (" in cells[4]
    assert cells[-1] == "skillnaden har minskat"
    days = next(line for line in lines if line.startswith("  Handläggningstid i dagar"))
    assert "kvot 2 (1," in days and "kvot 1,33 (1," in days and "×0,7 (0," in days
    assert "p = trendens eget p-värde (ojusterat); justerat p = justerat för antalet prövade frågor" in text
    english = render_trend_text(result, "en")
    assert "trend per round (95% CI)" in english and "the gap has narrowed" in english
    document = json.loads(json.dumps(trend_to_json(result)))
    asked = next(q for q in document["questions"] if q["key"] == "fragat")
    assert asked["points"][0]["gap"] == pytest.approx(60.0)
    assert asked["points"][0]["low"] < 60.0 < asked["points"][0]["high"]
    assert (asked["verdict"], asked["primary"]) == ("narrowed", False)
    assert asked["p_value"] <= asked["p_adjusted"]


def test_fewer_than_three_rounds_are_refused(app, rounds):
    with pytest.raises(AggregationError, match="at least three rounds"):
        trend_of(app, rounds[:2])
    with pytest.raises(AggregationError, match="at least three rounds"):
        trend_of(app, (rounds[0], rounds[1], rounds[0]))  # a round given twice counts once
