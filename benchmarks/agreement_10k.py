"""agreement_10k: `reviewer agreement` over a round of 10 000 reviews of which 1 000 are second reviews, against the
SQL that reads the double-reviewed cases' answers, in the same run.

The database is built once per run, untimed: `create_demo_data(cases=9_000)` (one round per built-in checklist),
and in the missbruk round – 9 000 reviews of the 38-question checklist, with `show_if` – 1 000 cases get a second
review by another of four reviewers (so the pairs of reviewers vary and Fleiss' kappa is the measure), the same
answers with yes and no swapped in 15 % and numbers moved by a few percent in 20 %, so no question is degenerate.

Rows, alternating the program and the baseline so that a busy spell of the machine hits both:
- `agreement_10k`: what `reviewer agreement --format json` does once the database is open: `inter_rater_agreement`
  in a fresh session (every question: tables, statsmodels, krippendorff, a 1000-sample bootstrap per measure) and
  the JSON and text documents. Target: median ≤ 2 s.
Baseline: one plain SQL query through the driver for the answer rows of the completed reviews of the cases with two
or more of them (what any implementation must read), fetched into a list.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections import defaultdict
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import col, select

from benchmarks._harness import Result, alternate, progress, timed
from reviewer.bootstrap import App, bootstrap
from reviewer.services import answer_counts
from reviewer.services.agreement import AgreementResult, inter_rater_agreement
from reviewer.services.agreement.json_form import to_json
from reviewer.services.agreement.text import render_text
from reviewer.services.demo import create_demo_data
from reviewer.services.rounds import find_round_by_name
from reviewer.storage.models import Answer, Case, Review, ReviewStatus

NAME = "agreement_10k"
DEFAULT_REPEAT = 5
CASES = 9_000
DOUBLE_REVIEWED = 1_000
SEED = 1
MAX_SECONDS = 2.0
REVIEWERS = ("Exempel A", "Exempel B", "Exempel C", "Exempel D")

BASELINE_SQL = """
SELECT a.review_id, a.question_key, a.value_code, a.value_number, a.value_json
FROM answer a JOIN review r ON r.id = a.review_id JOIN review_case c ON c.id = r.case_id
WHERE c.round_id = :round_id AND r.status = 'complete' AND r.case_id IN (
    SELECT r2.case_id FROM review r2 JOIN review_case c2 ON c2.id = r2.case_id
    WHERE c2.round_id = :round_id AND r2.status = 'complete' GROUP BY r2.case_id HAVING count(*) > 1)
"""


def _changed(rng: random.Random, answer: Answer) -> Answer:
    code, number, value_json = answer.value_code, answer.value_number, answer.value_json
    if code in {"ja", "nej"} and rng.random() < 0.15:
        code = "nej" if code == "ja" else "ja"
        value_json = json.dumps(code)
    elif number is not None and answer.value_code is None and rng.random() < 0.2:
        number = float(round(number * rng.uniform(0.9, 1.1)))
        value_json = json.dumps(int(number)) if value_json.lstrip("-").isdigit() else json.dumps(number)
    return Answer(question_key=answer.question_key, value_json=value_json, value_code=code, value_number=number)


def prepare(app: App) -> tuple[str, int]:
    """Demo data with CASES reviews per checklist and second reviews in the missbruk round; its UUID and id."""
    with app.db.session() as session:
        names = create_demo_data(session, CASES, SEED)
        round_ = find_round_by_name(session, next(n for n in names if "Missbruk" in n))
        rng = random.Random(SEED)
        firsts = session.exec(
            select(Review).join(Case, col(Case.id) == col(Review.case_id)).where(Case.round_id == round_.id)
        ).all()
        chosen = rng.sample(sorted(firsts, key=lambda r: r.id or 0), DOUBLE_REVIEWED)
        answers: dict[int, list[Answer]] = defaultdict(list)
        for answer in session.exec(select(Answer).where(col(Answer.review_id).in_([r.id for r in chosen]))).all():
            answers[answer.review_id].append(answer)
        added = []
        for first in chosen:
            second = Review(
                case_id=first.case_id,
                checklist_version_id=first.checklist_version_id,
                reviewer=rng.choice([name for name in REVIEWERS if name != first.reviewer]),
                status=ReviewStatus.COMPLETE,
            )
            session.add(second)
            session.flush()
            assert second.id is not None
            for answer in answers[first.id or 0]:
                copy = _changed(rng, answer)
                copy.review_id = second.id
                session.add(copy)
            added.append(second.id)
        session.flush()
        answer_counts.add(session, added)
        session.commit()
        assert round_.id is not None
        return round_.uuid, round_.id


def agreement_once(app: App, round_uuid: str) -> AgreementResult:
    """What `reviewer agreement` does after opening the database (both output forms, so neither is left out)."""
    with app.db.session() as session:
        result = inter_rater_agreement(session, [round_uuid])
    json.dumps(to_json(result), ensure_ascii=False, indent=2)
    render_text(result, "sv")
    return result


def baseline_once(app: App, round_id: int) -> int:
    with app.db.engine.connect() as connection:
        return len(connection.execute(sa.text(BASELINE_SQL), {"round_id": round_id}).all())


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-agreement-") as tmp:
        app = bootstrap(data_dir=Path(tmp) / "data")
        try:
            progress(f"{NAME}: demo data, {CASES} cases per checklist and {DOUBLE_REVIEWED} second reviews (untimed)")
            round_uuid, round_id = prepare(app)
            result = agreement_once(app, round_uuid)  # imports statsmodels and krippendorff
            rows = baseline_once(app, round_id)
            progress(f"{NAME}: {repeat} repetitions")
            samples, baseline_samples = alternate(
                repeat,
                lambda _: timed(lambda: agreement_once(app, round_uuid)),
                lambda _: timed(lambda: baseline_once(app, round_id)),
            )
        finally:
            app.close()
    return [
        Result(
            name=NAME,
            description=(
                f"inter_rater_agreement + JSON + text of the missbruk round: {result.n_reviews} reviews of "
                f"{result.n_cases} double-reviewed cases, {len(result.questions)} questions"
            ),
            samples=samples,
            baseline_samples=baseline_samples,
            baseline="one SQL query for the answer rows of the double-reviewed cases' completed reviews, fetched",
            max_median=MAX_SECONDS,
            extra={
                "reviews_in_round": CASES + DOUBLE_REVIEWED,
                "double_reviewed": result.n_cases,
                "reviewers": result.n_reviewers,
                "questions": len(result.questions),
                "answer_rows_read": rows,
            },
        )
    ]
