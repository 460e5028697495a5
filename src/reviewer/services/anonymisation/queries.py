"""What the aggregation does not return: the largest amounts of each money question (for the dominance rule) and
how many reviewers there were."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, col, select

from reviewer.checklists.schema import ChecklistDefinition, Question, QuestionType
from reviewer.domain.sex import Sex, SexGroup, group_of
from reviewer.services.aggregation import GROUPS, Aggregate, GroupResult
from reviewer.services.anonymisation.model import ExportRequest
from reviewer.services.checklists import definition_of
from reviewer.storage.models import Answer, Case, ChecklistVersion, Review, ReviewStatus, Round

_ANSWER: sa.Table = Answer.__table__  # type: ignore[attr-defined]
_REVIEW: sa.Table = Review.__table__  # type: ignore[attr-defined]
_CASE: sa.Table = Case.__table__  # type: ignore[attr-defined]


def _counted_reviews(round_ids: Sequence[int], unit: str | None) -> list[sa.ColumnElement[bool]]:
    """The reviews the aggregation counts for an export: completed, of the rounds and unit, one per case (the one
    recorded first, as the aggregation chooses)."""
    first = _REVIEW.alias("first")
    conditions: list[sa.ColumnElement[bool]] = [
        _CASE.c.round_id.in_(round_ids),
        _REVIEW.c.status == ReviewStatus.COMPLETE.value,
        ~sa.exists().where(
            first.c.case_id == _REVIEW.c.case_id,
            first.c.status == ReviewStatus.COMPLETE.value,
            first.c.id < _REVIEW.c.id,
        ),
    ]
    if unit is not None:
        conditions.append(_CASE.c.unit == unit)
    return conditions


def _round_versions(session: Session, round_uuids: Sequence[str]) -> dict[int, list[int]]:
    rows = session.exec(
        select(Round.id, ChecklistVersion.version)
        .join(ChecklistVersion, col(Round.checklist_version_id) == col(ChecklistVersion.id))
        .where(col(Round.uuid).in_(list(round_uuids)))
    ).all()
    by_version: dict[int, list[int]] = defaultdict(list)
    for round_id, version in rows:
        assert round_id is not None
        by_version[version].append(round_id)
    return by_version


def _older_keys(session: Session, newest: ChecklistDefinition, version: int) -> dict[str, str]:
    """For the questions of `newest`: their key in the older `version`, following each version's key map (a key
    kept unmapped and not retired is the same question), for questions whose type is unchanged."""
    rows = {r.version: r for r in session.exec(select(ChecklistVersion).where(ChecklistVersion.slug == newest.slug))}
    mapping: dict[str, str | None] = {q.key: q.key for q in newest.questions()}
    current = newest
    while current.version > version and current.previous is not None and current.previous.version in rows:
        step = current.previous
        older = definition_of(rows[step.version])
        older_keys = {q.key for q in older.questions()}
        for new_key, key in mapping.items():
            if key is not None:
                kept = key in older_keys and key not in step.retired
                mapping[new_key] = step.key_map.get(key, key if kept else None)
        current = older
    if current.version != version:
        return {}
    return {
        new: old
        for new, old in mapping.items()
        if old is not None
        and (old_question := current.question(old)) is not None
        and (new_question := newest.question(new)) is not None
        and old_question.type is new_question.type
    }


def largest_amounts(
    session: Session, result: Aggregate, definition: ChecklistDefinition, request: ExportRequest, n: int
) -> dict[str, dict[SexGroup, list[float]]]:
    """The n largest amounts of each money question per sex group, which
    the dominance rule compares with the group's sum. If the values found do not match what the aggregation
    counted, the amounts are left out, and the sums are hidden as dominated – never published on a partial
    check."""
    money: list[Question] = [q for q in definition.questions() if q.type is QuestionType.MONEY]
    if not money:
        return {}
    found: dict[str, dict[SexGroup, list[float]]] = {q.key: defaultdict(list) for q in money}
    counted: dict[str, dict[SexGroup, int]] = {q.key: defaultdict(int) for q in money}
    for version, round_ids in _round_versions(session, request.round_uuids).items():
        keys = (
            {q.key: q.key for q in money}
            if version == definition.version
            else _older_keys(session, definition, version)
        )
        old_to_new = {keys[q.key]: q.key for q in money if q.key in keys}
        if not old_to_new:
            continue
        partition = (_ANSWER.c.question_key, _CASE.c.sex)
        ranked = (
            sa.select(
                _ANSWER.c.question_key.label("key"),
                _CASE.c.sex.label("sex"),
                _ANSWER.c.value_number.label("value"),
                sa.func.row_number()
                .over(partition_by=partition, order_by=_ANSWER.c.value_number.desc())
                .label("place"),
                sa.func.count().over(partition_by=partition).label("values"),
            )
            .select_from(
                _ANSWER.join(_REVIEW, _REVIEW.c.id == _ANSWER.c.review_id).join(_CASE, _CASE.c.id == _REVIEW.c.case_id)
            )
            .where(
                *_counted_reviews(round_ids, request.unit),
                _ANSWER.c.question_key.in_(list(old_to_new)),
                _ANSWER.c.value_number.is_not(None),
            )
            .subquery()
        )
        query = sa.select(ranked.c.key, ranked.c.sex, ranked.c.value, ranked.c.place, ranked.c["values"]).where(
            ranked.c.place <= n
        )
        for key, sex, value, place, values in session.execute(query):
            group = group_of(Sex(sex))
            found[old_to_new[key]][group].append(float(value))
            if place == 1:
                counted[old_to_new[key]][group] += values
    complete: dict[str, dict[SexGroup, list[float]]] = {}
    for question in money:
        groups = result.question(question.key)
        if groups is not None and all(counted[question.key][g] == groups.groups[g].n for g in GROUPS):
            complete[question.key] = {g: sorted(v, reverse=True)[:n] for g, v in found[question.key].items()}
        else:
            # everything the group has, as far as the rule can tell, is in its largest contributions
            complete[question.key] = {g: [_everything(groups.groups[g] if groups else None)] for g in GROUPS}
    return complete


def _everything(group: GroupResult | None) -> float:
    return group.numbers.total if group is not None and group.numbers is not None else 0.0


def count_reviewers(session: Session, request: ExportRequest) -> int:
    round_ids = [i for ids in _round_versions(session, request.round_uuids).values() for i in ids]
    conditions = [_CASE.c.round_id.in_(round_ids), _REVIEW.c.status == ReviewStatus.COMPLETE.value]
    if request.unit is not None:
        conditions.append(_CASE.c.unit == request.unit)
    query = (
        sa.select(sa.func.count(sa.distinct(_REVIEW.c.reviewer)))
        .select_from(_REVIEW.join(_CASE, _CASE.c.id == _REVIEW.c.case_id))
        .where(*conditions)
    )
    return int(session.execute(query).scalar_one())
