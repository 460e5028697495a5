"""The answer counts aggregation reads (`storage.models.AnswerCount`), kept equal to the answers they count.

Every service that writes answers, a review's status or a case's sex, unit or age band changes the counts in the
same transaction: `recounted` around a change to existing reviews (it counts their answers before and after and
stores the difference, usually one row down and one up), `add` after inserting new reviews. Counting at write time
is what lets a unit chief's summary of 100 000 reviews take a fraction of a second instead of grouping four million
answers each time (`docs/benchmarks.md`, aggregate_100k).

`mismatches` compares the stored counts with a fresh count of the answers; `reviewer db check` reports a
difference and `reviewer db recount` rebuilds them. The test suite checks every test's database this way.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from reviewer.storage.models import COUNT_KEY_COLUMNS, Answer, AnswerCount, Case, Review

# (round_id, status, sex, unit, age_band, reviewer, question_key, kind, value, number), as COUNT_KEY_COLUMNS
CountKey = tuple[int, str, str, str, str, str, str, str, str, float]

_ANSWER: sa.Table = Answer.__table__  # type: ignore[attr-defined]
_REVIEW: sa.Table = Review.__table__  # type: ignore[attr-defined]
_CASE: sa.Table = Case.__table__  # type: ignore[attr-defined]
COUNTS: sa.Table = AnswerCount.__table__  # type: ignore[attr-defined]
# Review ids per counting query: a bound parameter each, well under SQLite's limit.
_IDS_PER_QUERY = 500


def _kind() -> sa.ColumnElement[str]:
    return sa.case(
        (_ANSWER.c.value_code.is_not(None), sa.literal("c")),
        (_ANSWER.c.value_number.is_not(None), sa.literal("n")),
        (sa.func.substr(_ANSWER.c.value_json, 1, 1) == "[", sa.literal("l")),
        else_=sa.literal("t"),
    )


def _value() -> sa.ColumnElement[str]:
    return sa.case(
        (_ANSWER.c.value_code.is_not(None), _ANSWER.c.value_code),
        (_ANSWER.c.value_number.is_not(None), sa.literal("")),
        (sa.func.substr(_ANSWER.c.value_json, 1, 1) == "[", _ANSWER.c.value_json),
        else_=sa.literal(""),
    )


def _number() -> sa.ColumnElement[float]:
    return sa.case(
        (sa.and_(_ANSWER.c.value_code.is_(None), _ANSWER.c.value_number.is_not(None)), _ANSWER.c.value_number),
        else_=sa.literal(0.0),
    )


@functools.cache
def _counting_query_by_ids() -> sa.Select[Any]:
    """The counting query of the reviews whose ids are bound as `review_ids`, built once: building it took about
    half of an autosave's own time (`docs/benchmarks.md`, shared_database)."""
    return _counting_query(None).where(_REVIEW.c.id.in_(sa.bindparam("review_ids", expanding=True)))


def _counting_query(review_ids: Sequence[int] | None) -> sa.Select[Any]:
    """The answers of the reviews (all with None) grouped by count key. An answer row that holds only a note
    (value 'null') is not an answer and is not counted."""
    key = [
        _CASE.c.round_id,
        sa.type_coerce(_REVIEW.c.status, sa.String),
        sa.type_coerce(_CASE.c.sex, sa.String),
        sa.func.coalesce(_CASE.c.unit, ""),
        sa.func.coalesce(_CASE.c.age_band, ""),
        _REVIEW.c.reviewer,
        _ANSWER.c.question_key,
        _kind(),
        _value(),
        _number(),
    ]
    labelled = [column.label(name) for column, name in zip(key, COUNT_KEY_COLUMNS, strict=True)]
    query = (
        sa.select(*labelled, sa.func.count().label("n"))
        .select_from(
            _ANSWER.join(_REVIEW, _REVIEW.c.id == _ANSWER.c.review_id).join(_CASE, _CASE.c.id == _REVIEW.c.case_id)
        )
        .where(_ANSWER.c.value_json != "null")
        .group_by(*(sa.literal_column(name) for name in COUNT_KEY_COLUMNS))
    )
    if review_ids is not None:
        query = query.where(_REVIEW.c.id.in_(review_ids))
    return query


def _key(row: Sequence[Any]) -> CountKey:
    round_id, status, sex, unit, age_band, reviewer, question_key, kind, value, number = row
    return (int(round_id), status, sex, unit, age_band, reviewer, question_key, kind, value, float(number))


def count(session: Session, review_ids: Iterable[int] | None = None) -> Counter[CountKey]:
    """The counts of these reviews' answers (of every answer with None), computed from the answers themselves."""
    batches: list[Sequence[int] | None] = [None]
    if review_ids is not None:
        ids = sorted(set(review_ids))
        batches = [ids[start : start + _IDS_PER_QUERY] for start in range(0, len(ids), _IDS_PER_QUERY)]
    counted: Counter[CountKey] = Counter()
    for batch in batches:
        rows = (
            session.execute(_counting_query(None))
            if batch is None
            else session.execute(_counting_query_by_ids(), {"review_ids": list(batch)})
        )
        for *key, n in rows:
            counted[_key(key)] += n
    return counted


def _upsert_statement(session: Session) -> Any:
    """INSERT into the counts, to which `_adding` adds ON CONFLICT (SQLite and PostgreSQL spell it alike). The
    dialect is imported here: PostgreSQL's costs start-up a few hundredths of a second, for most users for nothing."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(COUNTS)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(COUNTS)


def _adding(statement: Any) -> Any:
    return statement.on_conflict_do_update(
        index_elements=list(COUNT_KEY_COLUMNS), set_={"n": COUNTS.c.n + statement.excluded.n}
    )


def _upsert(session: Session, rows: list[dict[str, Any]]) -> None:
    session.execute(_adding(_upsert_statement(session)), rows)


def apply(session: Session, delta: Mapping[CountKey, int]) -> None:
    """Add each key's change to the stored counts; a count that falls to zero is removed.

    The rows are changed in key order: two writers that move counts between the same keys in opposite directions
    (one ja → nej, the other nej → ja) then lock them in the same order, and PostgreSQL has no deadlock to break."""
    changes: list[dict[str, Any]] = [
        dict(zip(COUNT_KEY_COLUMNS, key, strict=True)) | {"n": n} for key, n in sorted(delta.items()) if n
    ]
    if not changes:
        return
    _upsert(session, changes)
    fallen = [
        {f"k_{name}": value for name, value in zip(COUNT_KEY_COLUMNS, key, strict=True)}
        for key, n in sorted(delta.items())
        if n < 0
    ]
    if fallen:
        session.execute(
            sa.delete(COUNTS).where(
                *(COUNTS.c[name] == sa.bindparam(f"k_{name}") for name in COUNT_KEY_COLUMNS), COUNTS.c.n <= 0
            ),
            fallen,
        )


def add(session: Session, review_ids: Iterable[int]) -> None:
    """Count the answers of reviews just inserted, inside the database (an import's answers never come back to
    Python to be counted)."""
    ids = sorted(set(review_ids))
    columns = [*COUNT_KEY_COLUMNS, "n"]
    for start in range(0, len(ids), _IDS_PER_QUERY):
        counting = _counting_query(ids[start : start + _IDS_PER_QUERY])
        session.execute(_adding(_upsert_statement(session).from_select(columns, counting)))


@contextmanager
def recounted(session: Session, review_ids: Iterable[int]) -> Iterator[None]:
    """Around a change to existing reviews (their answers, status, or their case): the counts follow the change.

    Pending ORM changes are flushed before and after, so both counts see the database as the change leaves it.
    When the block raises, nothing is counted: the caller rolls the transaction back, and with it the change."""
    ids = sorted(set(review_ids))
    session.flush()
    before = count(session, ids)
    yield
    session.flush()
    after = count(session, ids)
    after.subtract(before)
    apply(session, after)


def stored(session: Session) -> Counter[CountKey]:
    counted: Counter[CountKey] = Counter()
    for *key, n in session.execute(sa.select(*(COUNTS.c[name] for name in COUNT_KEY_COLUMNS), COUNTS.c.n)):
        counted[_key(key)] += n
    return counted


def mismatches(session: Session) -> list[tuple[CountKey, int, int]]:
    """(key, stored, counted) for every key on which the stored counts and the answers disagree."""
    have, want = stored(session), count(session)
    return sorted(
        ((key, have.get(key, 0), want.get(key, 0)) for key in have.keys() | want.keys() if have[key] != want[key]),
        key=repr,
    )


def rebuild(session: Session) -> None:
    """Count every answer anew, inside the database; the caller commits."""
    session.execute(sa.delete(COUNTS))
    session.execute(sa.insert(COUNTS).from_select([*COUNT_KEY_COLUMNS, "n"], _counting_query(None)))
