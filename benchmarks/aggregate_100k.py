"""aggregate_100k: `services.aggregation.aggregate` over 100 000 completed reviews × 40 answers, against one plain
SQL GROUP BY over the same rows.

The database is built once per run, untimed, in a temporary folder: a 40-question checklist made here (12 yes/no,
6 yes/no/n.a., 6 single choice, 4 multiple choice, 2 integer, 1 decimal, 3 money, 3 days, 2 scale, 1 date), one
round, 100 000 cases (48 % women, 50 % men, 1 % annat, 1 % okänt, five units, six age bands) with one complete review
each answering all 40 questions (4 000 000 answers), then counted into the answer counts as the services count
what they write. Every fifth question differs between women and men, so there are findings to format.

Rows, each alternating the program and its baseline so that a busy spell of the machine hits both:
- `aggregate_100k`: `aggregate()` of the round in a fresh session (target: median ≤ 2 s). Baseline:
  `SELECT question_key, value_code, count(*)` over the same answers (joined to review and case, filtered on the
  round and status) `GROUP BY question_key, value_code`, through the same engine.
- `aggregate_100k_by_unit`: the same with the second breakdown by unit; no target.
- `aggregate_100k_before_after`: `compare_rounds()` of the round against itself as its baseline – the work of two
  rounds of 100 000 reviews (two reads of the counts, two aggregations with their intervals and adjustment, every
  question's tested change) – against the baseline query run twice (target: median ≤ 3 s).
- `aggregate_100k_before_after_distinct`: the same for two rounds that differ in every compared group – the counts
  read twice, the baseline's with women's and men's answers swapped – since against itself the baseline's picture
  reuses the round's comparisons and draws (target: median ≤ 3 s).
- `aggregate_100k_recount`: counting all 4 000 000 answers anew, once (what migration 0002 or `reviewer db
  recount` costs on such a database), against the baseline query once; no target.
- `aggregate_100k_peak_rss`: the peak resident memory (VmHWM) of a fresh process that bootstraps and runs
  `aggregate()` once, against the same process running the baseline query instead (target ≤ 500 MB, the dashboard's
  budget).

PostgreSQL: when `REVIEWER_BENCH_POSTGRES_URL` (or else `REVIEWER_TEST_POSTGRES_URL`) is set, the same data is built
there – **the database's public schema is dropped and recreated** – and the first two rows are repeated on it
(`…_postgresql`). Without either variable those rows are not run.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from benchmarks._harness import Result, alternate, progress, timed
from reviewer.bootstrap import App, bootstrap
from reviewer.checklists.answers import EncodedAnswer, encode
from reviewer.checklists.loader import parse_checklist
from reviewer.checklists.schema import ChecklistDefinition, Question, QuestionType
from reviewer.domain.sex import GROUPS, Sex, SexGroup
from reviewer.services import answer_counts
from reviewer.services.aggregation import AggregateRequest, aggregate, compare_rounds
from reviewer.services.aggregation.before_after import changes_between
from reviewer.services.aggregation.counting import collect
from reviewer.services.checklists import add_definition, get_version
from reviewer.services.rounds import create_round, find_round_by_name
from reviewer.storage.models import Answer, Case, Review, ReviewStatus, new_uuid, utcnow

NAME = "aggregate_100k"
DEFAULT_REPEAT = 5
REVIEWS = 100_000
BATCH = 5_000
SEED = 1
SLUG = "bench_fyrtio"
ROUND_NAME = "Prestanda 100 000 granskningar"
MAX_SECONDS = 2.0
MAX_BEFORE_AFTER_SECONDS = 3.0
MAX_PEAK_MB = 500.0
UNITS = ("Enhet Norr", "Enhet Söder", "Enhet Väst", "Enhet Öst", "Mottagningen")
REVIEWERS = ("AB", "CD", "EF", "GH", "IJ")
AGE_BANDS = ("a18_24", "a25_34", "a35_44", "a45_54", "a55_64", "a65_plus")
POSTGRES_ENV = ("REVIEWER_BENCH_POSTGRES_URL", "REVIEWER_TEST_POSTGRES_URL")
CHILD_TIMEOUT = 300.0
MB = 1_000_000

# (type, number of options) for the 40 questions.
_TYPES: list[tuple[str, int]] = [
    *[("yes_no", 0)] * 12,
    *[("yes_no_na", 0)] * 6,
    ("single_choice", 3),
    ("single_choice", 3),
    ("single_choice", 4),
    ("single_choice", 5),
    ("single_choice", 6),
    ("single_choice", 8),
    *[("multiple_choice", 5)] * 4,
    *[("integer", 0)] * 2,
    ("decimal", 0),
    *[("money", 0)] * 3,
    *[("days", 0)] * 3,
    *[("scale", 0)] * 2,
    ("date", 0),
]
QUESTIONS = len(_TYPES)
SECTIONS = 4
BASELINE_SQL = (
    "SELECT a.question_key, a.value_code, count(*) FROM answer a "
    "JOIN review r ON r.id = a.review_id JOIN review_case c ON c.id = r.case_id "
    "WHERE c.round_id = :round_id AND r.status = 'complete' GROUP BY a.question_key, a.value_code"
)


def checklist_40() -> ChecklistDefinition:
    questions: list[dict[str, object]] = []
    for index, (kind, options) in enumerate(_TYPES, start=1):
        question: dict[str, object] = {
            "key": f"q{index:02d}_{kind}",
            "type": kind,
            "text": {"sv": f"Fråga {index}", "en": f"Question {index}"},
            "compare_by_sex": kind != "date",
        }
        if options:
            question["options"] = [
                {"value": f"o{n}", "label": {"sv": f"Alternativ {n}", "en": f"Option {n}"}}
                for n in range(1, options + 1)
            ]
        questions.append(question)
    per_section = QUESTIONS // SECTIONS
    data = {
        "format_version": 1,
        "slug": SLUG,
        "version": 1,
        "area": "annat",
        "title": {"sv": "Prestandamall med 40 frågor", "en": "Benchmark template with 40 questions"},
        "subject": "adult",
        "age_bands": [{"value": band, "label": band} for band in AGE_BANDS],
        "sections": [
            {
                "key": f"avsnitt_{s + 1}",
                "title": {"sv": f"Avsnitt {s + 1}", "en": f"Section {s + 1}"},
                "questions": questions[s * per_section : (s + 1) * per_section],
            }
            for s in range(SECTIONS)
        ],
    }
    return parse_checklist(json.dumps(data, ensure_ascii=False), f"{SLUG}.json", "json")


def _answer_pool(question: Question, index: int) -> tuple[list[EncodedAnswer], list[EncodedAnswer]]:
    """Encoded answers to draw from for women and for men; every fifth question differs between them."""
    kind = question.type
    biased = index % 5 == 0
    if kind is QuestionType.YES_NO:
        return [encode(question, v) for v in ["ja"] * (6 if biased else 4) + ["nej"] * 4], [
            encode(question, v) for v in ["ja"] * 4 + ["nej"] * 4
        ]
    if kind is QuestionType.YES_NO_NA:
        men = [encode(question, v) for v in ("ja", "ja", "nej", "nej", "nej", "ej_aktuellt")]
        return men + [encode(question, "ja")] * (2 if biased else 0), men
    if kind is QuestionType.SINGLE_CHOICE or kind is QuestionType.MULTIPLE_CHOICE:
        options = [o.value for o in question.options or []]
        if kind is QuestionType.SINGLE_CHOICE:
            pool = [encode(question, v) for v in options]
            return (pool + [pool[0]] * (len(pool) if biased else 0)), pool
        combinations = [options[i : i + width] for width in (1, 2, 3) for i in range(len(options) - width + 1)]
        pool = [encode(question, c) for c in combinations]
        return pool, pool
    if kind is QuestionType.SCALE:
        pool = [encode(question, v) for v in (1, 2, 3, 3, 4, 4, 5)]
        return pool, pool
    if kind is QuestionType.DATE:
        pool = [encode(question, f"2025-{m:02d}-{d:02d}") for m in range(1, 13) for d in (1, 10, 20)]
        return pool, pool
    centre = {QuestionType.INTEGER: 12.0, QuestionType.DECIMAL: 3.0, QuestionType.MONEY: 2400.0}.get(kind, 45.0)
    rng = random.Random(index)
    women = [_number(question, rng.lognormvariate(0, 0.5) * centre * (1.3 if biased else 1.0)) for _ in range(400)]
    men = [_number(question, rng.lognormvariate(0, 0.5) * centre) for _ in range(400)]
    return women, men


def _number(question: Question, value: float) -> EncodedAnswer:
    if question.type in {QuestionType.INTEGER, QuestionType.DAYS}:
        return encode(question, round(value))
    return encode(question, round(value, 2 if question.type is QuestionType.MONEY else 1))


def _driver(session: Any, column: sa.Column[Any], value: object) -> object:
    """The value as the database driver takes it, after the column type's own conversion."""
    dialect = session.connection().dialect
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    return process(value) if process is not None else value


def _insert(session: Any, table: sa.Table, rows: list[tuple[Any, ...]]) -> None:
    """Plain executemany through the driver: SQLAlchemy's per-value processing of four million answers would take
    longer than the database's own work (values are already what the driver takes, see `_driver`)."""
    if not rows:
        return
    connection = session.connection()
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    columns = ", ".join(table.c.keys()[1:])  # every column but the id
    statement = f"INSERT INTO {table.name} ({columns}) VALUES ({', '.join([marker] * (len(table.c) - 1))})"
    connection.exec_driver_sql(statement, rows)


def prepare(app: App, round_name: str = ROUND_NAME, seed: int = SEED, with_checklist: bool = True) -> str:
    """The checklist (unless already there: `with_checklist`), the round and its REVIEWS reviews in `app`'s
    database; returns the round's UUID. Another `seed` gives another round of the same kind (trend_3x100k)."""
    rng = random.Random(seed)
    definition = checklist_40()
    pools = [_answer_pool(q, i) for i, q in enumerate(definition.questions(), start=1)]
    keys = [q.key for q in definition.questions()]
    case_table: sa.Table = Case.__table__  # type: ignore[attr-defined]
    review_table: sa.Table = Review.__table__  # type: ignore[attr-defined]
    answer_table: sa.Table = Answer.__table__  # type: ignore[attr-defined]
    with app.db.session() as session:
        if with_checklist:
            add_definition(session, definition)
        checklist = get_version(session, SLUG)
        round_ = create_round(session, round_name, checklist, "2026")
        round_uuid, round_id, checklist_id = round_.uuid, round_.id, checklist.id
        now = utcnow()
        stamp = _driver(session, answer_table.c.updated_at, now)
        complete = _driver(session, review_table.c.status, ReviewStatus.COMPLETE)
        sex_values = {sex: _driver(session, case_table.c.sex, sex) for sex in Sex}
        case_id = session.execute(sa.select(sa.func.coalesce(sa.func.max(case_table.c.id), 0))).scalar_one()
        review_id = session.execute(sa.select(sa.func.coalesce(sa.func.max(review_table.c.id), 0))).scalar_one()
        for start in range(0, REVIEWS, BATCH):
            cases, reviews, answers = [], [], []
            for number in range(start, start + BATCH):
                sex = rng.choices((Sex.KVINNA, Sex.MAN, Sex.ANNAT, Sex.OKANT), (48, 50, 1, 1))[0]
                case_id += 1
                review_id += 1
                cases.append(
                    (
                        case_id,
                        new_uuid(),
                        round_id,
                        f"B-{number + 1:06d}",
                        sex_values[sex],
                        rng.choice(AGE_BANDS),
                        rng.choice(UNITS),
                        stamp,
                    )
                )
                reviews.append(
                    (
                        review_id,
                        new_uuid(),
                        case_id,
                        checklist_id,
                        rng.choice(REVIEWERS),
                        complete,
                        1,
                        None,
                        stamp,
                        stamp,
                        stamp,
                    )
                )
                side = 0 if sex is Sex.KVINNA else 1
                for key, pool in zip(keys, pools, strict=True):
                    encoded = rng.choice(pool[side])
                    answers.append(
                        (
                            new_uuid(),
                            review_id,
                            key,
                            encoded.value_json,
                            encoded.value_code,
                            encoded.value_number,
                            None,
                            stamp,
                        )
                    )
            _insert_with_ids(session, case_table, cases)
            _insert_with_ids(session, review_table, reviews)
            _insert(session, answer_table, answers)
            session.commit()
            progress(f"{NAME}: {start + BATCH} of {REVIEWS} reviews written")
        progress(f"{NAME}: counting the answers as the services do when they write them (not timed)")
        answer_counts.rebuild(session)
        session.commit()
        if session.connection().dialect.name == "postgresql":
            for table in (case_table, review_table):
                session.connection().exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), (SELECT max(id) FROM {table.name}))"
                )
            session.connection().exec_driver_sql("ANALYZE")
            session.commit()
    return round_uuid


def _insert_with_ids(session: Any, table: sa.Table, rows: list[tuple[Any, ...]]) -> None:
    connection = session.connection()
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    statement = f"INSERT INTO {table.name} ({', '.join(table.c.keys())}) VALUES ({', '.join([marker] * len(table.c))})"
    connection.exec_driver_sql(statement, rows)


def _aggregate_once(app: App, round_uuid: str, breakdown: str | None = None) -> int:
    with app.db.session() as session:
        result = aggregate(session, AggregateRequest((round_uuid,), breakdown=breakdown))  # type: ignore[arg-type]
    if result.n_cases != REVIEWS:
        raise RuntimeError(f"aggregate counted {result.n_cases} cases, expected {REVIEWS}")
    return len(result.findings)


def _compare_once(app: App, round_uuid: str) -> int:
    """The round against itself as its baseline: the work of two rounds of REVIEWS reviews (two reads of the counts,
    two summaries with their bootstraps, and every question's tested change)."""
    with app.db.session() as session:
        result = compare_rounds(session, round_uuid, round_uuid, AggregateRequest(()))
    if result.before.n_cases != REVIEWS or result.after.n_cases != REVIEWS:
        raise RuntimeError("before/after counted the wrong number of cases")
    return sum(1 for change in result.questions if change.verdict == "unchanged")


def _compare_distinct_once(app: App, round_uuid: str) -> int:
    """Before/after of two rounds that differ in every compared group, as two real rounds do: the round's counts are
    read twice, and the baseline's have women's and men's answers swapped, so no comparison, table test or bootstrap
    of one round is the other's (against itself, the baseline's picture reuses the round's)."""
    swap = {SexGroup.FEMALE: SexGroup.MALE, SexGroup.MALE: SexGroup.FEMALE} | {g: g for g in GROUPS[2:]}
    request = AggregateRequest((round_uuid,))
    with app.db.session() as session:
        after = collect(session, request)
        read = collect(session, request)
    tallies = {key: {(s, swap[g]): t for (s, g), t in cells.items()} for key, cells in read.tallies.items()}
    before = replace(read, tallies=tallies)
    result = changes_between(after, before, {q.key: q.key for q in after.definition.questions()}, request, request)
    if result.before.n_cases != REVIEWS or result.after.n_cases != REVIEWS:
        raise RuntimeError("before/after counted the wrong number of cases")
    return sum(1 for change in result.questions if change.verdict == "unchanged")


def _baseline_once(app: App, round_uuid: str) -> int:
    with app.db.session() as session:
        round_id = find_round_by_name(session, ROUND_NAME).id
        rows = session.execute(sa.text(BASELINE_SQL), {"round_id": round_id}).all()
    return len(rows)


def _recount_once(app: App) -> int:
    with app.db.session() as session:
        answer_counts.rebuild(session)
        session.commit()
        return int(session.execute(sa.select(sa.func.count()).select_from(answer_counts.COUNTS)).scalar_one())


@dataclass
class _Timings:
    samples: list[float]
    baseline: list[float]
    by_unit: list[float]
    before_after: list[float]
    before_after_distinct: list[float]
    before_after_baseline: list[float]


def _timings(app: App, round_uuid: str, repeat: int, label: str) -> _Timings:
    """Untimed warm-up of both, then `repeat` alternating rounds of: aggregate, baseline, aggregate by unit, before/
    after, and the baseline twice (the before/after's baseline: the plain query over both rounds)."""
    _aggregate_once(app, round_uuid)
    _baseline_once(app, round_uuid)
    by_unit: list[float] = []
    before_after: list[float] = []
    before_after_distinct: list[float] = []
    before_after_baseline: list[float] = []

    def measured(index: int) -> float:
        progress(f"{NAME}{label}: repetition {index + 1} of {repeat}")
        elapsed = timed(lambda: _aggregate_once(app, round_uuid))
        by_unit.append(timed(lambda: _aggregate_once(app, round_uuid, "unit")))
        before_after.append(timed(lambda: _compare_once(app, round_uuid)))
        before_after_distinct.append(timed(lambda: _compare_distinct_once(app, round_uuid)))
        before_after_baseline.append(timed(lambda: (_baseline_once(app, round_uuid), _baseline_once(app, round_uuid))))
        return elapsed

    samples, baseline = alternate(repeat, measured, lambda _index: timed(lambda: _baseline_once(app, round_uuid)))
    return _Timings(samples, baseline, by_unit, before_after, before_after_distinct, before_after_baseline)


def _peak_rss_kib() -> int:
    """The peak of this process's own resident memory since exec (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def _child(data_dir: str, round_uuid: str, mode: str) -> None:
    """In a fresh process: bootstrap, run the aggregation (or the baseline query) once, print the peak memory."""
    app = bootstrap(data_dir=Path(data_dir))
    try:
        if mode == "aggregate":
            _aggregate_once(app, round_uuid)
        else:
            _baseline_once(app, round_uuid)
    finally:
        app.close()
    print(json.dumps({"vmhwm_kib": _peak_rss_kib()}), flush=True)


def _peak_mb(data_dir: Path, round_uuid: str, mode: str) -> float:
    command = [sys.executable, "-m", "benchmarks.aggregate_100k", "--child", str(data_dir), round_uuid, mode]
    env = {k: v for k, v in os.environ.items() if k not in {"REVIEWER_DATA_DIR", "REVIEWER_DATABASE_URL"}}
    child = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        env=env,
        cwd=Path(__file__).parents[1],
        check=False,
    )
    if child.returncode != 0:
        raise RuntimeError(f"the {mode} child failed (exit {child.returncode}):\n{child.stderr[-2000:]}")
    return int(json.loads(child.stdout.strip().splitlines()[-1])["vmhwm_kib"]) * 1024 / MB


def _postgres_url() -> str | None:
    return next((os.environ[name] for name in POSTGRES_ENV if os.environ.get(name)), None)


def _reset_postgres(url: str) -> None:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
    finally:
        engine.dispose()


def _rows(suffix: str, where: str, timings: _Timings, findings: int) -> list[Result]:
    plain = (
        "SELECT question_key, value_code, count(*) over the same answers (joined to review and case, the round and "
        f"status filter) GROUP BY question_key, value_code, same engine ({where})"
    )
    return [
        Result(
            name=f"{NAME}{suffix}",
            description=(
                f"aggregate() of one round of {REVIEWS} completed reviews × {QUESTIONS} answers on {where}, from "
                "the answer counts kept at write time: counts, percentages, Wilson intervals, medians, tests, "
                f"{findings} findings (fresh session)"
            ),
            samples=timings.samples,
            baseline_samples=timings.baseline,
            baseline=plain,
            max_median=MAX_SECONDS if suffix == "" else None,
            extra={"findings": findings},
        ),
        Result(
            name=f"{NAME}_by_unit{suffix}",
            description=f"the same aggregate() with the second breakdown by unit (5 units) on {where}; no target",
            samples=timings.by_unit,
            baseline_samples=timings.baseline,
            baseline=plain,
        ),
        Result(
            name=f"{NAME}_before_after{suffix}",
            description=(
                f"compare_rounds() of the round against itself as baseline on {where}: the work of two rounds of "
                f"{REVIEWS} reviews – both aggregations with their intervals and adjustment, and every question's "
                "tested change (difference in differences, bootstrap ratio of ratios)"
            ),
            samples=timings.before_after,
            baseline_samples=timings.before_after_baseline,
            baseline="the plain GROUP BY above, once per round (twice)",
            max_median=MAX_BEFORE_AFTER_SECONDS if suffix == "" else None,
        ),
        Result(
            name=f"{NAME}_before_after_distinct{suffix}",
            description=(
                f"the same work for two rounds that differ in every compared group on {where}: the counts read "
                "twice, the baseline's with women's and men's answers swapped, so nothing of one round's picture is "
                "the other's (changes_between)"
            ),
            samples=timings.before_after_distinct,
            baseline_samples=timings.before_after_baseline,
            baseline="the plain GROUP BY above, once per round (twice)",
            max_median=MAX_BEFORE_AFTER_SECONDS if suffix == "" else None,
        ),
    ]


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-aggregate-") as tmp:
        data_dir = Path(tmp) / "data"
        app = bootstrap(data_dir=data_dir)
        try:
            progress(f"{NAME}: writing {REVIEWS} reviews × {QUESTIONS} answers on SQLite (not timed)")
            round_uuid = prepare(app)
            findings = _aggregate_once(app, round_uuid)
            timings = _timings(app, round_uuid, repeat, "")
            progress(f"{NAME}: counting every answer anew once, as migration 0002 and 'reviewer db recount' do")
            recount = [timed(lambda: _recount_once(app))]
            recount_baseline = [timed(lambda: _baseline_once(app, round_uuid))]
        finally:
            app.close()
        results += _rows("", "SQLite", timings, findings)
        results.append(
            Result(
                name=f"{NAME}_recount",
                description=(
                    f"answer_counts.rebuild() of the {REVIEWS * QUESTIONS} answers, once: what migrating a database "
                    "made before the answer counts, or 'reviewer db recount', costs; no target"
                ),
                samples=recount,
                baseline_samples=recount_baseline,
                baseline="the plain GROUP BY of aggregate_100k, once",
            )
        )
        progress(f"{NAME}: peak memory of a fresh process running aggregate() once")
        peaks = [_peak_mb(data_dir, round_uuid, "aggregate") for _ in range(min(repeat, 3))]
        plain_peaks = [_peak_mb(data_dir, round_uuid, "baseline") for _ in range(min(repeat, 3))]
        results.append(
            Result(
                name=f"{NAME}_peak_rss",
                description=(
                    f"peak resident memory (VmHWM) of a fresh process that bootstraps and runs aggregate() of the "
                    f"{REVIEWS}-review round once (MB = 10^6 bytes)"
                ),
                samples=peaks,
                baseline_samples=plain_peaks,
                baseline="the same process running the plain GROUP BY instead of aggregate()",
                max_median=MAX_PEAK_MB,
                unit="MB",
            )
        )
    url = _postgres_url()
    if url is None:
        progress(f"{NAME}: PostgreSQL not run (set REVIEWER_BENCH_POSTGRES_URL or REVIEWER_TEST_POSTGRES_URL)")
        return results
    _reset_postgres(url)
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-aggregate-pg-") as tmp:
        app = bootstrap(data_dir=Path(tmp) / "data", database_url=url)
        try:
            progress(f"{NAME}: writing {REVIEWS} reviews × {QUESTIONS} answers on PostgreSQL (not timed)")
            round_uuid = prepare(app)
            findings = _aggregate_once(app, round_uuid)
            timings = _timings(app, round_uuid, repeat, "_postgresql")
        finally:
            app.close()
    results += _rows("_postgresql", "PostgreSQL", timings, findings)
    return results


def _main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "--child":
        _child(argv[1], argv[2], argv[3])
        return 0
    print("usage: python -m benchmarks --only aggregate_100k", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
