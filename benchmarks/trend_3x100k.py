"""trend_3x100k: `services.aggregation.trend` over three rounds of 100 000 completed reviews × 40 answers each, against
the plain SQL GROUP BY of aggregate_100k once per round.

The database is built once per run, untimed, in a temporary folder: aggregate_100k's 40-question checklist and three
rounds made as aggregate_100k makes its one (each from its own seed, so the rounds differ as real years do), with
their answer counts.

Rows, alternating the program and its baseline so that a busy spell of the machine hits both:
- `trend_3x100k`: `trend()` of the three rounds in a fresh session – each round's counts read, every compared
  question's gap per round with its interval (Newcombe, or the bootstrap of the median ratio), the weighted
  regression and the adjustment across the questions (target: median ≤ 3 s, our own, like before/after). Baseline:
  the plain `GROUP BY question_key, value_code` of aggregate_100k, once per round (three times).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import sqlalchemy as sa

from benchmarks._harness import Result, alternate, progress, timed
from benchmarks.aggregate_100k import BASELINE_SQL, QUESTIONS, REVIEWS, SEED, prepare
from reviewer.bootstrap import App, bootstrap
from reviewer.services.aggregation import AggregateRequest, trend
from reviewer.services.rounds import get_round

NAME = "trend_3x100k"
DEFAULT_REPEAT = 5
ROUNDS = ("Prestanda år 1", "Prestanda år 2", "Prestanda år 3")
MAX_SECONDS = 3.0


def _trend_once(app: App, uuids: tuple[str, ...]) -> int:
    with app.db.session() as session:
        result = trend(session, uuids, AggregateRequest(()))
    if [p.female_n + p.male_n > 0 for p in result.questions[0].points] != [True] * len(ROUNDS):
        raise RuntimeError("the trend found no answers in a round")
    return result.n_tested


def _baseline_once(app: App, uuids: tuple[str, ...]) -> int:
    rows = 0
    with app.db.session() as session:
        for uuid in uuids:
            round_id = get_round(session, uuid).id
            rows += len(session.execute(sa.text(BASELINE_SQL), {"round_id": round_id}).all())
    return rows


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-trend-") as tmp:
        app = bootstrap(data_dir=Path(tmp) / "data")
        try:
            uuids = []
            for index, name in enumerate(ROUNDS):
                progress(f"{NAME}: writing round {index + 1} of {len(ROUNDS)}, {REVIEWS} reviews (not timed)")
                uuids.append(prepare(app, name, SEED + index, with_checklist=index == 0))
            rounds = tuple(uuids)
            tested = _trend_once(app, rounds)  # untimed warm-up of both
            _baseline_once(app, rounds)

            def measured(index: int) -> float:
                progress(f"{NAME}: repetition {index + 1} of {repeat}")
                return timed(lambda: _trend_once(app, rounds))

            samples, baseline = alternate(repeat, measured, lambda _index: timed(lambda: _baseline_once(app, rounds)))
        finally:
            app.close()
    return [
        Result(
            name=NAME,
            description=(
                f"trend() over {len(ROUNDS)} rounds of {REVIEWS} completed reviews × {QUESTIONS} answers on SQLite: "
                "each round's gap with its interval for every compared question, the weighted regression and the "
                f"adjustment across the {tested} trends tested (fresh session)"
            ),
            samples=samples,
            baseline_samples=baseline,
            baseline="the plain GROUP BY of aggregate_100k, once per round (three times), same engine",
            max_median=MAX_SECONDS,
            extra={"tested": tested},
        )
    ]
