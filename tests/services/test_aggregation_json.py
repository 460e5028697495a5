"""The `reviewer-aggregate` JSON format stays stable: its shape is pinned on fixed demo data, its figures agree with
the database, and docs/aggregate-format.md names every field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from reviewer.domain.sex import Sex
from reviewer.services.aggregation import AggregateRequest, aggregate, compare_rounds
from reviewer.services.aggregation.json_form import before_after_to_json, to_json
from reviewer.services.demo import create_demo_data
from reviewer.services.rounds import find_round_by_name
from reviewer.storage.models import Answer, Case, Review
from tests.services.aggregation_data import Case as KnownCase
from tests.services.aggregation_data import add_checklist, add_round, checklist_data

DOC = Path(__file__).parents[2] / "docs" / "aggregate-format.md"

TOP = {
    "format",
    "format_version",
    "checklist",
    "rounds",
    "request",
    "counts",
    "tested",
    "warnings",
    "findings",
    "sections",
}
TESTED = {"questions", "primary", "breakdown_rows"}
CHECKLIST = {"slug", "version", "subject", "subject_label"}
ROUND = {"uuid", "name", "period_label", "checklist_slug", "checklist_version"}
REQUEST = {"round_uuids", "unit", "reviewer", "breakdown", "include_in_progress", "thresholds"}
THRESHOLDS = {"min_difference_pp", "min_relative_difference", "fdr_q", "alpha", "min_group_n"}
COUNTS = {"cases", "reviews", "double_reviewed", "not_counted", "by_group"}
GROUPS = {"female", "male", "other", "unknown"}
FINDING = {"question_key", "section_key", "question_text", "message", "comparison"}
SECTION = {"key", "index", "title", "questions"}
QUESTION = {"key", "type", "kind", "text", "compare_by_sex", "groups", "comparison", "strata", "total"}
GROUP = {"n", "base", "not_applicable", "options", "numbers"}
OPTION = {"value", "label", "count", "percent", "ci_low", "ci_high"}
NUMBERS = {"n", "mean", "median", "q1", "q3", "total", "minimum", "maximum"}
COMPARISON = {
    "state",
    "flagged",
    "material",
    "significant",
    "test",
    "p_adjusted",
    "primary",
    "female_n",
    "male_n",
    "option",
    "option_label",
    "option_source",
    "female_count",
    "male_count",
    "female_percent",
    "male_percent",
    "difference_pp",
    "difference_low",
    "difference_high",
    "female_median",
    "male_median",
    "median_ratio",
    "median_ratio_low",
    "median_ratio_high",
    "female_mean",
    "male_mean",
    "mean_ratio",
    "mean_ratio_low",
    "mean_ratio_high",
    "female_total",
    "male_total",
}
TEST = {"name", "p_value", "comparisons"}
STRATUM = {"value", "label", "n_by_group", "groups", "comparison"}
TEXT = {"sv", "en"}
BEFORE_AFTER = {
    "format",
    "format_version",
    "subject",
    "subject_label",
    "request",
    "after",
    "before",
    "tested",
    "questions",
}
SUMMARY = {"rounds", "checklist", "counts"}
CHANGE = {
    "key",
    "baseline_key",
    "section_key",
    "text",
    "kind",
    "status",
    "before",
    "after",
    "option",
    "option_label",
    "option_source",
    "primary",
    "gap",
    "verdict",
    "groups",
}
GAP = {"change", "low", "high", "p_value", "p_adjusted"}
TREND = {"format", "format_version", "rounds", "tested", "questions"}
TREND_QUESTION = {
    "key",
    "text",
    "kind",
    "option",
    "option_label",
    "points",
    "slope",
    "slope_low",
    "slope_high",
    "p_value",
    "p_adjusted",
    "verdict",
}
TREND_POINT = {"round_uuid", "gap", "low", "high", "female_n", "male_n"}
GROUP_CHANGE = {"before", "after", "n_before", "n_after"}


@pytest.fixture
def demo_json(app):
    with app.db.session() as session:
        names = create_demo_data(session, cases=40, seed=7)
        round_ = find_round_by_name(session, names[2])
        result = aggregate(session, AggregateRequest((round_.uuid,), breakdown="age_band"))
        return round_.id, to_json(result)


def test_the_shape_is_pinned(demo_json):
    _, doc = demo_json
    assert json.loads(json.dumps(doc, allow_nan=False)) == doc
    assert (doc["format"], doc["format_version"]) == ("reviewer-aggregate", 2)
    assert set(doc) == TOP
    assert set(doc["tested"]) == TESTED
    assert doc["tested"]["questions"] > 0
    assert set(doc["checklist"]) == CHECKLIST
    assert doc["checklist"] == {
        "slug": "missbruk",
        "version": 3,
        "subject": "adult",
        "subject_label": {"sv": "den enskilde som utreds", "en": "the individual investigated"},
    }
    assert set(doc["rounds"][0]) == ROUND
    assert set(doc["request"]) == REQUEST
    assert set(doc["request"]["thresholds"]) == THRESHOLDS
    assert doc["request"]["breakdown"] == "age_band"
    assert set(doc["counts"]) == COUNTS
    assert set(doc["counts"]["by_group"]) == GROUPS
    assert doc["findings"]
    for finding in doc["findings"]:
        assert set(finding) == FINDING
        assert set(finding["message"]) == set(finding["question_text"]) == TEXT
        assert finding["comparison"]["flagged"] is True
    kinds = set()
    for section in doc["sections"]:
        assert set(section) == SECTION
        for question in section["questions"]:
            assert set(question) == QUESTION
            kinds.add(question["kind"])
            assert set(question["groups"]) == GROUPS
            for group in question["groups"].values():
                assert set(group) == GROUP
                for option in group["options"]:
                    assert set(option) == OPTION
                    assert set(option["label"]) == TEXT
                if group["numbers"] is not None:
                    assert set(group["numbers"]) == NUMBERS
            if question["total"] is not None:
                assert set(question["total"]) == GROUP
            if question["comparison"] is not None:
                assert set(question["comparison"]) == COMPARISON
                if question["comparison"]["test"] is not None:
                    assert set(question["comparison"]["test"]) == TEST
            assert question["strata"]
            for stratum in question["strata"]:
                assert set(stratum) == STRATUM
                assert set(stratum["n_by_group"]) == set(stratum["groups"]) == GROUPS
    assert kinds == {"categorical", "numeric", "not_aggregated"}


def test_the_figures_agree_with_the_database(app, demo_json):
    round_id, doc = demo_json
    with app.db.session() as session:
        women_yes = session.exec(
            select(func.count())
            .select_from(Answer)
            .join(Review, Review.id == Answer.review_id)
            .join(Case, Case.id == Review.case_id)
            .where(
                Case.round_id == round_id,
                Case.sex == Sex.KVINNA,
                Answer.question_key == "fragat_om_barn",
                Answer.value_code == "ja",
            )
        ).one()
        women = session.exec(select(func.count()).where(Case.round_id == round_id, Case.sex == Sex.KVINNA)).one()
    assert doc["counts"]["cases"] == 40
    assert doc["counts"]["by_group"]["female"] == women
    assert sum(doc["counts"]["by_group"].values()) == 40
    question = next(q for s in doc["sections"] for q in s["questions"] if q["key"] == "fragat_om_barn")
    yes = question["groups"]["female"]["options"][0]
    assert (yes["value"], yes["count"]) == ("ja", women_yes)
    assert yes["percent"] == pytest.approx(100 * women_yes / question["groups"]["female"]["base"])
    assert 0 <= yes["ci_low"] <= yes["percent"] <= yes["ci_high"] <= 100
    assert question["comparison"]["option"] == "ja"
    assert sum(s["groups"]["female"]["n"] for s in question["strata"]) == question["groups"]["female"]["n"]


def test_before_after_shape(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        cases = [KnownCase(Sex.KVINNA, {"fragat": "ja", "dagar": 4}) for _ in range(6)]
        cases += [KnownCase(Sex.MAN, {"fragat": "nej", "dagar": 3}) for _ in range(6)]
        before = add_round(session, "Före", cases)
        after = add_round(session, "Efter", cases, baseline_uuid=before)
        doc = before_after_to_json(compare_rounds(session, after, None, AggregateRequest(())))
    assert json.loads(json.dumps(doc, allow_nan=False)) == doc
    assert set(doc) == BEFORE_AFTER
    assert (doc["format"], doc["format_version"]) == ("reviewer-before-after", 2)
    assert set(doc["request"]) == REQUEST - {"round_uuids"}
    assert set(doc["after"]) == set(doc["before"]) == SUMMARY
    assert doc["before"]["rounds"][0]["name"] == "Före"
    for change in doc["questions"]:
        assert set(change) == CHANGE
        for group in change["groups"].values():
            assert set(group) == GROUP_CHANGE
    asked = next(c for c in doc["questions"] if c["key"] == "fragat")
    assert (asked["status"], asked["option"], asked["verdict"]) == ("compared", "ja", "unchanged")
    assert set(asked["gap"]) == GAP
    assert (asked["gap"]["change"], asked["gap"]["p_value"]) == (0.0, 1.0)
    assert asked["groups"]["female"] == {"before": 100.0, "after": 100.0, "n_before": 6, "n_after": 6}


def test_the_documentation_names_every_field():
    documented = set(re.findall(r"`([a-z][a-z0-9_]*)`", DOC.read_text(encoding="utf-8")))
    every_field = (
        TOP | CHECKLIST | ROUND | REQUEST | THRESHOLDS | COUNTS | GROUPS | FINDING | SECTION | QUESTION | GROUP
    ) | (OPTION | NUMBERS | COMPARISON | TEST | STRATUM | BEFORE_AFTER | SUMMARY | CHANGE | GROUP_CHANGE)
    every_field |= TESTED | GAP | TREND | TREND_QUESTION | TREND_POINT
    assert every_field - documented == set()
