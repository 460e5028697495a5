"""Reading the answer counts of a request into tallies per question, stratum and sex group: the aggregation's only
SQL. The counting itself happens at write time (`services/answer_counts.py`); here one grouped query per checklist
version reads it, and the one-review-per-case rule takes the answers of the reviews it leaves out off again."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from reviewer.checklists.schema import NUMBER_TYPES, ChecklistDefinition, Question, QuestionType
from reviewer.domain.sex import Sex, SexGroup, group_of
from reviewer.domain.text import Message
from reviewer.services.aggregation.model import (
    CATEGORICAL,
    AggregateRequest,
    Breakdown,
    Kind,
    Progress,
)
from reviewer.services.aggregation.versions import RoundRow, Versions, load_rounds, targets
from reviewer.services.answer_counts import COUNTS
from reviewer.storage.models import Answer, Case, Review, ReviewStatus

_ANSWER: sa.Table = Answer.__table__  # type: ignore[attr-defined]
_REVIEW: sa.Table = Review.__table__  # type: ignore[attr-defined]
_CASE: sa.Table = Case.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Scope:
    """Which reviews count: the rounds, status, unit and reviewer filters, and one review per case."""

    round_ids: tuple[int, ...]
    statuses: tuple[ReviewStatus, ...]
    unit: str | None
    reviewer: str | None
    one_per_case: bool = False

    def conditions(self) -> list[sa.ColumnElement[bool]]:
        conditions: list[sa.ColumnElement[bool]] = [
            _CASE.c.round_id.in_(self.round_ids),
            _REVIEW.c.status.in_(self.statuses),
        ]
        if self.unit is not None:
            conditions.append(_CASE.c.unit == self.unit)
        if self.reviewer is not None:
            conditions.append(_REVIEW.c.reviewer == self.reviewer)
        if self.one_per_case:
            conditions.append(~self._better_review_exists())
        return conditions

    def left_out(self) -> list[sa.ColumnElement[bool]]:
        """The reviews in scope that the one-review-per-case rule leaves out."""
        return [*replace(self, one_per_case=False).conditions(), self._better_review_exists()]

    def count_conditions(self) -> list[sa.ColumnElement[bool]]:
        """The scope on the answer counts, which know rounds, statuses, units and reviewers but not cases."""
        conditions: list[sa.ColumnElement[bool]] = [
            COUNTS.c.round_id.in_(self.round_ids),
            COUNTS.c.status.in_([status.value for status in self.statuses]),
        ]
        if self.unit is not None:
            conditions.append(COUNTS.c.unit == self.unit)
        if self.reviewer is not None:
            conditions.append(COUNTS.c.reviewer == self.reviewer)
        return conditions

    def _better_review_exists(self) -> sa.Exists:
        other = _REVIEW.alias("preferred")
        if ReviewStatus.IN_PROGRESS in self.statuses:
            complete = ReviewStatus.COMPLETE
            preferred = sa.or_(
                sa.and_(other.c.status == complete, _REVIEW.c.status != complete),
                sa.and_(other.c.status == _REVIEW.c.status, other.c.id < _REVIEW.c.id),
            )
        else:
            preferred = other.c.id < _REVIEW.c.id
        return sa.exists().where(other.c.case_id == _REVIEW.c.case_id, other.c.status.in_(self.statuses), preferred)

    def reviews(self) -> sa.Join:
        return _REVIEW.join(_CASE, _CASE.c.id == _REVIEW.c.case_id)


def stratum_column(breakdown: Breakdown | None) -> sa.ColumnElement[Any] | None:
    if breakdown == "age_band":
        return _CASE.c.age_band
    if breakdown == "unit":
        return _CASE.c.unit
    return None


def _answer_value(dialect: str) -> sa.ColumnElement[Any]:
    """One value per answer to group by: the option code, the number, the JSON list of a multiple choice, NULL for
    an answer row that only holds a note, and '' for answered text and dates (counted, not aggregated). SQLite
    groups the mixed types as they are; other databases get the number as text."""
    number: sa.ColumnElement[Any] = _ANSWER.c.value_number
    if dialect != "sqlite":
        number = sa.cast(number, sa.Text)
    return sa.case(
        (_ANSWER.c.value_code.is_not(None), _ANSWER.c.value_code),
        (_ANSWER.c.value_number.is_not(None), number),
        (_ANSWER.c.value_json == sa.literal_column("'null'"), sa.null()),
        (sa.func.substr(_ANSWER.c.value_json, 1, 1) == sa.literal_column("'['"), _ANSWER.c.value_json),
        else_=sa.literal_column("''"),
    )


@dataclass
class Counts:
    """Per (stratum, sex): cases counted and reviews matched."""

    cases: Counter[tuple[str | None, Sex]] = field(default_factory=Counter)
    reviews: int = 0
    double_reviewed: int = 0


def count_cases(session: Session, scope: Scope, stratum: sa.ColumnElement[Any] | None) -> Counts:
    columns: list[sa.ColumnElement[Any]] = [_CASE.c.sex, stratum if stratum is not None else sa.null()]
    query = (
        sa.select(
            *columns,
            sa.func.count(),
            sa.func.count(sa.distinct(_REVIEW.c.case_id)),
        )
        .select_from(scope.reviews())
        .where(*scope.conditions())
        .group_by(*([_CASE.c.sex] if stratum is None else [_CASE.c.sex, stratum]))
    )
    counts = Counts()
    for sex, value, reviews, cases in session.execute(query):
        counts.cases[(value, Sex(sex))] += cases
        counts.reviews += reviews
    if counts.reviews > sum(counts.cases.values()):
        doubles = (
            sa.select(_REVIEW.c.case_id)
            .select_from(scope.reviews())
            .where(*scope.conditions())
            .group_by(_REVIEW.c.case_id)
            .having(sa.func.count() > 1)
            .subquery()
        )
        counts.double_reviewed = session.execute(sa.select(sa.func.count()).select_from(doubles)).scalar_one()
    return counts


def counts_query(scope: Scope, breakdown: Breakdown | None) -> sa.Select[Any]:
    """(sex, question key, stratum, kind, value, number, count) from the answer counts (see `AnswerCount`); a
    missing stratum is ''."""
    stratum: sa.ColumnElement[Any] = sa.null() if breakdown is None else COUNTS.c[breakdown]
    grouping = [COUNTS.c.sex, COUNTS.c.question_key, COUNTS.c.kind, COUNTS.c.value, COUNTS.c.number]
    if breakdown is not None:
        grouping.append(COUNTS.c[breakdown])
    return (
        sa.select(
            COUNTS.c.sex,
            COUNTS.c.question_key,
            stratum,
            COUNTS.c.kind,
            COUNTS.c.value,
            COUNTS.c.number,
            sa.func.sum(COUNTS.c.n),
        )
        .where(*scope.count_conditions())
        .group_by(*grouping)
    )


def counted(rows: Iterable[Sequence[Any]]) -> Iterator[tuple[Any, str, str | None, Any, int]]:
    """The rows of `counts_query` as (sex, key, stratum, value, count), like those of `left_out_query`."""
    for sex, key, stratum, kind, value, number, count in rows:
        yield sex, key, stratum, number if kind == "n" else value, int(count)


def left_out_query(dialect: str, scope: Scope, stratum: sa.ColumnElement[Any] | None) -> sa.Select[Any]:
    """(sex, question key, stratum, value, count) over the answers of the reviews the one-review-per-case rule
    leaves out, to be taken off the counts; the values compare equal to those of `counts_query` once folded."""
    columns: list[sa.ColumnElement[Any]] = [
        _CASE.c.sex.label("s"),
        _ANSWER.c.question_key.label("k"),
        (stratum if stratum is not None else sa.null()).label("st"),
        _answer_value(dialect).label("v"),
    ]
    joined = _ANSWER.join(_REVIEW, _REVIEW.c.id == _ANSWER.c.review_id).join(_CASE, _CASE.c.id == _REVIEW.c.case_id)
    return (
        sa.select(*columns, sa.func.count())
        .select_from(joined)
        .where(*scope.left_out())
        .group_by(*(sa.literal_column(name) for name in ("s", "k", "st", "v")))
    )


# ---------------------------------------------------------------------------------------------------------------
# Folding the grouped rows into tallies


@dataclass
class Tally:
    answered: int = 0
    values: Counter[Any] = field(default_factory=Counter)

    def merge(self, other: Tally) -> None:
        self.answered += other.answered
        self.values.update(other.values)


def kind_of(question: Question) -> Kind:
    if question.type in CATEGORICAL:
        return "categorical"
    if question.type in NUMBER_TYPES:
        return "numeric"
    return "not_aggregated"


def fold(tally: Tally, question_type: QuestionType, value: Any, count: int) -> None:
    """Add one grouped row; values come back as codes, numbers (text on PostgreSQL) or a JSON list."""
    if value is None:
        return
    if question_type is QuestionType.MULTIPLE_CHOICE:
        chosen = json.loads(value) if isinstance(value, str) and value.startswith("[") else []
        if not chosen:
            return
        tally.answered += count
        for option in chosen:
            tally.values[str(option)] += count
        return
    tally.answered += count
    if question_type is QuestionType.SCALE:
        tally.values[str(round(float(value)))] += count
    elif question_type in NUMBER_TYPES:
        tally.values[float(value)] += count
    elif question_type in CATEGORICAL:
        tally.values[str(value)] += count


def count_all_cases(session: Session, round_ids: list[int], unit: str | None) -> int:
    query = sa.select(sa.func.count()).select_from(_CASE).where(_CASE.c.round_id.in_(round_ids))
    if unit is not None:
        query = query.where(_CASE.c.unit == unit)
    return int(session.execute(query).scalar_one())


def steps(plans: int) -> int:
    """Progress steps of one aggregation: loading, one per checklist version counted, and the statistics."""
    return plans + 2


@dataclass
class Collected:
    """What the database holds for a request, ready for the statistics: the newest checklist version, the tallies
    per question and (stratum, sex group), and the case counts. `summary.summarise` needs nothing else, so the
    calibration tests can feed it simulated rounds."""

    rounds: list[RoundRow]
    definition: ChecklistDefinition
    tallies: dict[str, dict[tuple[str | None, SexGroup], Tally]]
    counts: Counts
    n_total_cases: int
    warnings: list[Message]
    steps: int


def collect(session: Session, request: AggregateRequest, progress: Progress | None = None) -> Collected:
    """The tallies of the request's rounds; `progress` gets (done, total) steps, the last one left to the caller."""
    rounds = load_rounds(session, request.round_uuids)
    versions = Versions(session, rounds[0].info.checklist_slug)
    newest_version = max(r.info.checklist_version for r in rounds)
    definition = versions.get(newest_version)
    assert definition is not None
    questions = definition.questions()
    by_key = {q.key: q for q in questions}
    statuses = (
        (ReviewStatus.COMPLETE, ReviewStatus.IN_PROGRESS) if request.include_in_progress else (ReviewStatus.COMPLETE,)
    )
    stratum = stratum_column(request.breakdown)
    warnings: list[Message] = []

    # Rounds on the same checklist version are counted together; each version's keys map to the newest's.
    by_version: dict[int, list[RoundRow]] = defaultdict(list)
    for r in rounds:
        by_version[r.info.checklist_version].append(r)
    plans = []
    counts = Counts()
    for version, members in sorted(by_version.items(), reverse=True):
        scope = Scope(tuple(r.id for r in members), statuses, request.unit, request.reviewer)
        found = count_cases(session, scope, stratum)
        if found.double_reviewed and request.reviewer is None:
            scope = replace(scope, one_per_case=True)
        counts.cases.update(found.cases)
        counts.reviews += found.reviews
        counts.double_reviewed += found.double_reviewed
        mapping = targets(versions, definition, version, by_key, warnings)
        if found.reviews:
            plans.append((scope, mapping))

    dialect = session.get_bind().dialect.name
    total = steps(len(plans))
    if progress is not None:
        progress(1, total)
    tallies: dict[str, dict[tuple[str | None, SexGroup], Tally]] = {q.key: defaultdict(Tally) for q in questions}
    for done, (scope, mapping) in enumerate(plans, start=2):
        grouped: list[tuple[int, Iterable[Sequence[Any]]]] = [
            (1, counted(session.execute(counts_query(scope, request.breakdown))))
        ]
        if scope.one_per_case:
            grouped.append((-1, session.execute(left_out_query(dialect, scope, stratum)).all()))
        for sign, rows in grouped:
            for sex, key, value_stratum, value, count in rows:
                cell = (value_stratum or None, group_of(Sex(sex)))
                for target in mapping.get(key, ()):
                    fold(tallies[target][cell], by_key[target].type, value, sign * count)
        if progress is not None:
            progress(done, total)
    for cells in tallies.values():
        for tally in cells.values():
            tally.values = +tally.values  # drops what the left-out reviews brought to zero

    n_total_cases = count_all_cases(session, [r.id for r in rounds], request.unit)
    if not counts.reviews:
        warnings.append(
            Message(
                "Det finns inga klara granskningar att räkna för det här urvalet",
                "There are no completed reviews to count for this selection",
            )
            if not request.include_in_progress
            else Message(
                "Det finns inga granskningar att räkna för det här urvalet",
                "There are no reviews to count for this selection",
            )
        )
    if counts.double_reviewed and request.reviewer is None:
        warnings.append(
            Message(
                f"{counts.double_reviewed} ärenden har granskats av flera granskare; varje ärende räknas en gång "
                "(den klara granskningen som registrerades först)",
                f"{counts.double_reviewed} cases were reviewed by several reviewers; each case is counted once "
                "(the complete review recorded first)",
            )
        )
    return Collected(rounds, definition, tallies, counts, n_total_cases, warnings, total)
