"""Many caseworkers saving answers into one database at once: the load of the shared-database test and benchmark.

Each writer is a process of its own (as each caseworker's program is), with its own engine, and reviews its own cases
the way the form does: every answer saved in its own session and transaction (`reviews.save_answer`), some answers
corrected afterwards, then the review marked complete. Writers share reviewer identities in groups, so their saves
change the same answer-count rows in opposite directions (ja → nej in one, nej → ja in another): the pattern that
deadlocks when two transactions lock those rows in different orders.

Writers are forked from a fork server that has imported the program once, so twenty of them start in a fraction of a
second instead of importing SQLAlchemy twenty times on a two-core machine.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.synchronize import Barrier

from reviewer.checklists.loader import parse_checklist
from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.sex import Sex
from reviewer.services.cases import CaseInput, add_case
from reviewer.services.checklists import add_definition, get_version
from reviewer.services.reviews import complete_review, open_review, save_answer
from reviewer.services.rounds import create_round
from reviewer.storage.database import Database, make_engine

SLUG = "lastprov"
QUESTIONS = 20
# Of every case's answers, this many are changed after they were first given.
CORRECTIONS = 5
SAVES_PER_CASE = QUESTIONS + CORRECTIONS
IDENTITIES = 4


def checklist() -> ChecklistDefinition:
    data = {
        "format_version": 1,
        "slug": SLUG,
        "version": 1,
        "area": "annat",
        "title": {"sv": "Lastprov: ja/nej-frågor", "en": "Load test: yes/no questions"},
        "subject": "adult",
        "age_bands": [{"value": "vuxen", "label": {"sv": "Vuxen", "en": "Adult"}}],
        "sections": [
            {
                "key": "fragor",
                "title": {"sv": "Frågor", "en": "Questions"},
                "questions": [
                    {"key": f"q{n:02d}", "type": "yes_no", "text": {"sv": f"Fråga {n}", "en": f"Question {n}"}}
                    for n in range(1, QUESTIONS + 1)
                ],
            }
        ],
    }
    return parse_checklist(json.dumps(data, ensure_ascii=False), "last.json", "json")


@dataclass(frozen=True)
class WriterPlan:
    index: int
    reviewer: str
    case_uuids: tuple[str, ...]
    seed: int

    @property
    def saves(self) -> int:
        return len(self.case_uuids) * SAVES_PER_CASE


@dataclass
class WriterReport:
    index: int
    # (case uuid, question key) → the value this writer saved last: what the database must hold.
    final: dict[tuple[str, str], str] = field(default_factory=dict)
    revisions: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None


def prepare(db: Database, writers: int, saves_per_writer: int) -> list[WriterPlan]:
    """The load checklist, one round, and each writer's own cases (all women of one unit and age band, so that every
    writer of an identity shares its answer-count rows)."""
    cases_per_writer = max(1, saves_per_writer // SAVES_PER_CASE)
    plans = []
    with db.session() as session:
        add_definition(session, checklist())
        round_uuid = create_round(session, "Lastprov", get_version(session, SLUG), "2026").uuid
        for index in range(writers):
            uuids = tuple(
                add_case(session, round_uuid, CaseInput(f"L{index:02d}-{n:03d}", Sex.KVINNA, "vuxen", "Norr")).uuid
                for n in range(cases_per_writer)
            )
            plans.append(WriterPlan(index, f"G{index % IDENTITIES}", uuids, seed=1000 + index))
    return plans


def _case_saves(rng: random.Random) -> list[tuple[str, str]]:
    """A case's saves in order: every question answered, then some answers changed to the other value."""
    first = {f"q{n:02d}": rng.choice(("ja", "nej")) for n in range(1, QUESTIONS + 1)}
    saves = list(first.items())
    for key in rng.sample(sorted(first), CORRECTIONS):
        saves.append((key, "nej" if first[key] == "ja" else "ja"))
    return saves


def write(url: str, plan: WriterPlan, start: Barrier | None) -> WriterReport:
    """One caseworker's program: review every case of the plan, timing each save; an error ends the writer and is
    reported (by type and text: the load's texts are no case data) instead of raised."""
    report = WriterReport(plan.index)
    db = Database(make_engine(url))
    rng = random.Random(plan.seed)
    try:
        if start is not None:
            start.wait(timeout=60)
        began = time.perf_counter()
        for case_uuid in plan.case_uuids:
            with db.session() as session:
                snapshot = open_review(session, case_uuid, plan.reviewer)
            for key, value in _case_saves(rng):
                question = snapshot.definition.question(key)
                moment = time.perf_counter()
                with db.session() as session:
                    save_answer(session, snapshot, question, value, None)
                report.latencies.append(time.perf_counter() - moment)
                report.final[(case_uuid, key)] = value
            with db.session() as session:
                complete_review(session, snapshot, plan.reviewer)
            report.revisions[case_uuid] = snapshot.revision
        report.seconds = time.perf_counter() - began
    except Exception as error:  # reported to the parent, which fails on it
        report.error = f"{type(error).__name__}: {error}"
    finally:
        db.dispose()
    return report


def _run_one(url: str, plan: WriterPlan, start: Barrier, results: multiprocessing.Queue[WriterReport]) -> None:
    results.put(write(url, plan, start))


def run_writers(url: str, plans: Sequence[WriterPlan], timeout: float = 300) -> list[WriterReport]:
    """Every plan in a process of its own, all starting together; the reports in plan order. A writer that has not
    finished within `timeout` seconds (a deadlock nobody broke) is killed and reported as hanging."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    start = context.Barrier(len(plans))
    results: multiprocessing.Queue[WriterReport] = context.Queue()
    processes = [context.Process(target=_run_one, args=(url, plan, start, results)) for plan in plans]
    for process in processes:
        process.start()
    reports: dict[int, WriterReport] = {}
    deadline = time.monotonic() + timeout
    try:
        while len(reports) < len(plans) and time.monotonic() < deadline:
            try:
                report = results.get(timeout=max(0.1, min(5.0, deadline - time.monotonic())))
            except Exception:  # queue.Empty: check the deadline again
                continue
            reports[report.index] = report
    finally:
        for process in processes:
            process.join(timeout=max(0.1, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
    for plan in plans:
        reports.setdefault(plan.index, WriterReport(plan.index, error=f"hung: no report within {timeout:.0f} s"))
    return [reports[plan.index] for plan in plans]


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (share 0.95 for p95)."""
    ordered = sorted(values)
    rank = min(len(ordered), max(1, math.ceil(share * len(ordered))))
    return ordered[rank - 1]
