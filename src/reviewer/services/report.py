"""Everything the PDF audit report shows, gathered from the database in one place: the aggregation (or, for the
anonymised report, the anonymised result the exports use), the before/after comparison, the inter-rater agreement,
the units, rounds, periods and checklist version, and the number of reviewers (a count, never names).

The writer (`reviewer.reports.pdf`) gets this object and a path and never touches the database, so the
report shows exactly the numbers the dashboard, `reviewer aggregate` and the exports show. Suppression happens
here, not in the writer: the data of an anonymised report holds no figure the anonymised exports would hide.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

import sqlalchemy as sa
from sqlmodel import Session

from reviewer.domain.disclosure import Reason, Rules
from reviewer.domain.sex import SexGroup, Subject
from reviewer.domain.statistics import Thresholds
from reviewer.domain.text import Message, ReviewerError
from reviewer.services.aggregation import (
    Aggregate,
    AggregateRequest,
    BeforeAfter,
    GroupChange,
    QuestionChange,
    RoundTrend,
    aggregate,
    compare_rounds,
    filter_options,
    trend,
    unit_of,
)
from reviewer.services.aggregation.model import Unit, default_subject_label, label_message
from reviewer.services.agreement import AgreementResult, inter_rater_agreement
from reviewer.services.anonymisation import (
    AnonymisedResult,
    Cell,
    ExportError,
    ExportRequest,
    Method,
    RoundLabel,
    build_anonymised,
)
from reviewer.services.checklists import definition_of, get_version
from reviewer.services.report_trend import anonymised_trend
from reviewer.services.rounds import get_round, require_real_rounds
from reviewer.storage.models import Case, Review, ReviewStatus, Round

Progress = Callable[[int, int], None]

_CASE: sa.Table = Case.__table__  # type: ignore[attr-defined]
_REVIEW: sa.Table = Review.__table__  # type: ignore[attr-defined]


class ReportError(ReviewerError):
    pass


@dataclass(frozen=True)
class ReportRequest:
    """`compare_with`: the UUID of the round to compare with (before/after); None takes the round's own baseline
    when it has one. A comparison needs exactly one round. `rules` apply to the anonymised report. `unit` limits
    everything to one unit's cases. `trend`: the gap per round and its trend over the rounds, in the order given
    (oldest first); it needs three or more rounds and no comparison."""

    round_uuids: tuple[str, ...]
    compare_with: str | None = None
    anonymised: bool = False
    rules: Rules = field(default_factory=Rules)
    unit: str | None = None
    trend: bool = False


Side = Literal["before", "after"]


@dataclass(frozen=True)
class AnonymisedBeforeAfter:
    """Before/after for the anonymised report. A side of a question whose comparison the anonymised result of that
    round hides is None in `changes` and listed in `hidden` as (key, side); only women's and men's figures remain.
    `before_cases` and `after_cases` are the rounds' case totals, hidden (None count) like any count – of women and
    men (and the other group shown) where `before_left_out` / `after_left_out` name a small annat or okänt group
    left out."""

    before_rounds: list[RoundLabel]
    before_cases: Cell
    after_cases: Cell
    changes: list[QuestionChange]
    hidden: frozenset[tuple[str, Side]]
    before_left_out: tuple[str, ...] = ()
    after_left_out: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportData:
    """What the report shows. The internal report has `aggregate` (and `before_after` when a baseline was
    compared); the anonymised one has only `anonymised` (and `anonymised_before_after`), never the unsuppressed
    figures. `units` are the unit filter or the units the rounds' cases belong to; `baseline` the round compared
    with."""

    checklist_title: Message
    checklist_slug: str
    checklist_version: int
    subject: Subject
    rounds: list[RoundLabel]
    units: list[str]
    created: dt.date
    n_reviewers: int
    thresholds: Thresholds
    agreement: AgreementResult
    question_units: dict[str, Unit]
    baseline: RoundLabel | None = None
    subject_label: Message = field(default_factory=default_subject_label)
    aggregate: Aggregate | None = None
    before_after: BeforeAfter | None = None
    anonymised: AnonymisedResult | None = None
    anonymised_before_after: AnonymisedBeforeAfter | None = None
    trend: RoundTrend | None = None
    # (question key, round uuid) of the trend's points the anonymised report hides (`report_trend`)
    trend_hidden: frozenset[tuple[str, str]] = frozenset()


def _count_reviewers(session: Session, round_ids: list[int], unit: str | None) -> int:
    query = (
        sa.select(sa.func.count(sa.distinct(_REVIEW.c.reviewer)))
        .select_from(_REVIEW.join(_CASE, _CASE.c.id == _REVIEW.c.case_id))
        .where(_CASE.c.round_id.in_(round_ids), _REVIEW.c.status == ReviewStatus.COMPLETE)
    )
    if unit is not None:
        query = query.where(_CASE.c.unit == unit)
    return int(session.execute(query).scalar_one())


def _baseline_uuid(session: Session, request: ReportRequest) -> str | None:
    """The round to compare with: the one asked for, or the single round's own baseline; None for no comparison."""
    rounds = [get_round(session, uuid) for uuid in request.round_uuids]
    if request.compare_with is None:
        if len(rounds) != 1 or rounds[0].baseline_round_id is None:
            return None
        baseline = session.get(Round, rounds[0].baseline_round_id)
        assert baseline is not None
        return baseline.uuid
    if len(rounds) != 1:
        raise ReportError(
            Message(
                "En före/efter-jämförelse görs för en omgång i taget; välj bara en omgång",
                "A before/after comparison is made for one round at a time; choose only one round",
            )
        )
    return request.compare_with


def build_report(
    session: Session, request: ReportRequest, today: dt.date | None = None, progress: Progress | None = None
) -> ReportData:
    """Gather the report's figures; completed reviews only, as the report's method section says."""
    if not request.round_uuids:
        raise ReportError(Message("Välj minst en omgång", "Choose at least one round"))
    require_real_rounds(session, (*request.round_uuids, *filter(None, [request.compare_with])))
    if request.trend and request.compare_with is not None:
        raise ReportError(Message("Välj antingen trend eller före/efter", "Choose either a trend or before/after"))
    baseline_uuid = None if request.trend else _baseline_uuid(session, request)
    created = today or dt.date.today()
    aggregate_request = AggregateRequest(round_uuids=request.round_uuids, unit=request.unit)
    before_after = round_trend = None
    if request.trend:
        round_trend = trend(session, request.round_uuids, aggregate_request)
    if baseline_uuid is not None:
        before_after = compare_rounds(session, request.round_uuids[0], baseline_uuid, aggregate_request, progress)
    result = anonymised = None
    if request.anonymised:
        export = ExportRequest(request.round_uuids, request.rules, request.unit)
        anonymised = build_anonymised(session, export, None if before_after else progress, today=created)
    else:
        result = before_after.after if before_after is not None else aggregate(session, aggregate_request, progress)
    facts: Aggregate | Method
    if result is not None:
        facts, thresholds = result, result.request.thresholds
    else:
        assert anonymised is not None
        facts, thresholds = anonymised.method, anonymised.method.thresholds
    definition = definition_of(get_version(session, facts.checklist_slug, facts.checklist_version))
    round_ids = [r.id for r in (get_round(session, uuid) for uuid in request.round_uuids) if r.id is not None]
    agreement = inter_rater_agreement(session, request.round_uuids, request.unit)
    baseline = None
    if before_after is not None:
        baseline = RoundLabel(before_after.before.rounds[0].name, before_after.before.rounds[0].period_label)
    data = ReportData(
        checklist_title=Message(definition.title.sv, definition.title.en or definition.title.sv),
        checklist_slug=facts.checklist_slug,
        checklist_version=facts.checklist_version,
        subject=facts.subject,
        subject_label=label_message(definition.sex_of()),
        rounds=[RoundLabel(r.name, r.period_label) for r in facts.rounds],
        units=[request.unit] if request.unit is not None else filter_options(session, request.round_uuids).units,
        created=created,
        n_reviewers=_count_reviewers(session, round_ids, request.unit),
        thresholds=thresholds,
        agreement=agreement,
        question_units={q.key: unit_of(q.type) for q in definition.questions()},
        baseline=baseline,
    )
    if anonymised is None:
        return replace(data, aggregate=result, before_after=before_after, trend=round_trend)
    if round_trend is not None:
        round_trend, trend_hidden = anonymised_trend(session, round_trend, request.rules, request.unit, created)
        data = replace(data, trend=round_trend, trend_hidden=trend_hidden)
    anonymised_before_after = None
    if before_after is not None:
        baseline_export = ExportRequest((before_after.before.rounds[0].uuid,), request.rules, request.unit)
        try:
            before: AnonymisedResult | None = build_anonymised(session, baseline_export, today=created)
        except ExportError:
            before = None  # a baseline too small to show anything: every figure of it is hidden
        anonymised_before_after = _anonymised_changes(before_after, anonymised, before, baseline)
    return replace(
        data,
        agreement=_enough_pairs(agreement, request.rules.min_cell),
        anonymised=anonymised,
        anonymised_before_after=anonymised_before_after,
    )


def _enough_pairs(result: AgreementResult, min_cases: int) -> AgreementResult:
    """The agreement of the questions measured in at least k cases (the anonymised report's frequency rule, applied
    to the double-reviewed cases); the overall figures follow from the questions kept."""
    return replace(result, questions=[q for q in result.questions if q.agreement.n_cases >= min_cases])


def _anonymised_changes(
    before_after: BeforeAfter,
    after: AnonymisedResult,
    before: AnonymisedResult | None,
    baseline: RoundLabel | None,
) -> AnonymisedBeforeAfter:
    """The before/after figures the anonymised results publish: a side is shown only where that round's anonymised
    comparison of the question is (then no cell of women or men is hidden, so their shares and medians at any
    option are published too)."""
    hidden: set[tuple[str, Side]] = set()
    changes = []
    for change in before_after.questions:
        if change.status != "compared":
            changes.append(replace(change, before=None, after=None, groups={}))
            continue
        after_question = after.question(change.key)
        before_question = before.question(change.baseline_key or "") if before is not None else None
        show_after = after_question is not None and after_question.comparison is not None
        show_before = before_question is not None and before_question.comparison is not None
        # hidden: a comparison that exists but is suppressed, or a baseline too small to show anything
        if change.after is not None and not show_after:
            hidden.add((change.key, "after"))
        if change.before is not None and not show_before:
            hidden.add((change.key, "before"))
        groups: dict[SexGroup, GroupChange] = {
            g: GroupChange(
                figures.before if show_before else None,
                figures.after if show_after else None,
                figures.n_before if show_before else 0,
                figures.n_after if show_after else 0,
            )
            for g, figures in change.groups.items()
            if g in (SexGroup.FEMALE, SexGroup.MALE)
        }
        both = show_before and show_after
        changes.append(
            replace(
                change,
                before=change.before if show_before else None,
                after=change.after if show_after else None,
                gap=change.gap if both else None,
                verdict=change.verdict if both else None,
                groups=groups,
            )
        )
    hidden_cases = Cell(None, None, Reason.SECONDARY)
    return AnonymisedBeforeAfter(
        before_rounds=[baseline] if baseline is not None else [],
        before_cases=before.method.cases["total"] if before is not None else hidden_cases,
        after_cases=after.method.cases["total"],
        changes=changes,
        hidden=frozenset(hidden),
        before_left_out=before.method.left_out if before is not None else (),
        after_left_out=after.method.left_out,
    )
