"""The trend for the anonymised report, suppressed the way its before/after is: a round's gap of a question is shown
only where that round's own anonymised result publishes the comparison of the question, and the trend over the
rounds – slope, p-values, verdict – only where no gap of it is hidden, since it is worked out from them all."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlmodel import Session

from reviewer.domain.disclosure import Rules
from reviewer.services.aggregation import QuestionTrend, RoundTrend, TrendPoint
from reviewer.services.aggregation.versions import Versions
from reviewer.services.anonymisation import AnonymisedResult, ExportError, ExportRequest, build_anonymised


def anonymised_trend(
    session: Session, trend: RoundTrend, rules: Rules, unit: str | None, today: dt.date
) -> tuple[RoundTrend, frozenset[tuple[str, str]]]:
    """The trend with the points the anonymised results hide blanked, and those points as (question key, round
    uuid). A round too small to anonymise hides every point of it."""
    published: dict[str, set[str]] = {}  # round uuid → keys (of the trend's checklist version) published
    versions = Versions(session, trend.rounds[0].checklist_slug)
    newest = versions.get(max(r.checklist_version for r in trend.rounds))
    assert newest is not None
    for info in trend.rounds:
        try:
            result: AnonymisedResult | None = build_anonymised(
                session, ExportRequest((info.uuid,), rules, unit), today=today
            )
        except ExportError:
            result = None
        keys = versions.lineage(newest, info.checklist_version) if result is not None else {}
        published[info.uuid] = {
            key
            for key, old_key in keys.items()
            if old_key is not None
            and result is not None
            and (published_question := result.question(old_key)) is not None
            and published_question.comparison is not None
        }
    hidden: set[tuple[str, str]] = set()
    questions = []
    for question in trend.questions:
        mine = {(question.key, p.round_uuid) for p in question.points if question.key not in published[p.round_uuid]}
        # a point without a gap hides nothing; it is "–" in every report
        mine = {(key, uuid) for key, uuid in mine if _point(question, uuid).gap is not None}
        hidden |= mine
        questions.append(_blanked(question, mine) if mine else question)
    return replace(trend, questions=questions), frozenset(hidden)


def _point(question: QuestionTrend, round_uuid: str) -> TrendPoint:
    return next(p for p in question.points if p.round_uuid == round_uuid)


def _blanked(question: QuestionTrend, hidden: set[tuple[str, str]]) -> QuestionTrend:
    points = [
        TrendPoint(p.round_uuid, None, None, None, 0, 0) if (question.key, p.round_uuid) in hidden else p
        for p in question.points
    ]
    return replace(
        question,
        points=points,
        slope=None,
        slope_low=None,
        slope_high=None,
        p_value=None,
        p_adjusted=None,
        verdict=None,
    )
