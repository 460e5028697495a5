"""audit_export_200k: `reviewer audit export` of a period holding 200 000 audit events, as CSV and as XLSX, against
writing the same rows with the standard tools.

The database is built once per run, untimed: demo data (2 000 cases per built-in checklist, so 6 000 reviews) and
200 000 events inserted straight into `audit_event` in the shape the services write them – answers to choice, number
and yes/no questions of those reviews (with their case), notes, completions, case changes – spread over the last 30
days.

Rows, each alternating the program and its baseline so that a busy spell of the machine hits both:
- `audit_export_csv_200k`: in a fresh session, `period_rows` (the query, names for every uuid, the question's text and
  the option labels in Swedish) and `write_audit` to a .csv (rendering with the anonymised CSV's writer, the atomic
  write). Target: ratio ≤ 20. Baseline: `csv.writer` of the same rows (lists of strings) to a StringIO.
- `audit_export_xlsx_200k`: the same to a .xlsx (openpyxl write-only). Target: ratio ≤ 3. Baseline: an openpyxl
  write-only workbook of the same rows (strings, no styles), saved to memory.

The targets are ratios: the export is a chief's occasional job, so what matters is that the program adds little to
what writing that many rows costs anyway, and a ratio holds on a busy machine where seconds do not.
"""

from __future__ import annotations

import csv
import io
import json
import random
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import insert
from sqlmodel import select

from benchmarks._harness import Result, alternate, progress, timed
from reviewer.bootstrap import App, bootstrap
from reviewer.reports.audit_export import write_audit
from reviewer.services.audit_trail import AuditRow, Period, local_time, period_rows
from reviewer.services.checklists import definition_of
from reviewer.services.demo import create_demo_data
from reviewer.storage.models import AuditEvent, Case, ChecklistVersion, Review, Round, new_uuid

NAME = "audit_export_200k"
DEFAULT_REPEAT = 3
EVENTS = 200_000
CASES = 2_000
SEED = 1
DAYS = 30
MAX_CSV_RATIO = 20.0
MAX_XLSX_RATIO = 3.0
_BATCH = 10_000


def prepare(app: App) -> Period:
    """Demo data and EVENTS audit events over the last DAYS days; the period that holds them all."""
    rng = random.Random(SEED)
    with app.db.session() as session:
        create_demo_data(session, CASES, SEED)
        reviews = session.exec(
            select(Review.uuid, Review.reviewer, Case.uuid, Round.checklist_version_id)
            .join(Case, Case.id == Review.case_id)
            .join(Round, Round.id == Case.round_id)
        ).all()
        questions = {}
        for version_id in {r[3] for r in reviews}:
            row = session.get(ChecklistVersion, version_id)
            assert row is not None
            questions[version_id] = [
                (q.key, list(q.options or []), q.type.value)
                for q in definition_of(row).questions()
                if q.type.value != "text"
            ]
        now = datetime.now(UTC)
        start = now - timedelta(days=DAYS)
        step = (now - start) / EVENTS
        rows = []
        for index in range(EVENTS):
            review_uuid, reviewer, case_uuid, version_id = rng.choice(reviews)
            at = start + step * index
            kind = rng.random()
            if kind < 0.85:
                key, options, qtype = rng.choice(questions[version_id])
                if options:
                    old, new = rng.choice([None, options[0].value]), options[-1].value
                elif qtype in ("yes_no", "yes_no_na"):
                    old, new = None, rng.choice(["ja", "nej"])
                else:
                    old, new = rng.choice([None, 3]), rng.randint(1, 500)
                detail = {"case": case_uuid, "question": key, "value": [old, new]}
                if kind < 0.1:
                    detail["note"] = [False, True]
                entity, uuid, action = "review", review_uuid, "answer"
            elif kind < 0.95:
                entity, uuid, action, detail = "review", review_uuid, "complete", {"case": case_uuid}
            else:
                changes = {"unit": ["Norr", "Söder"]}
                entity, uuid, action, detail = "case", case_uuid, "update", {"changes": changes}
            rows.append(
                {
                    "uuid": new_uuid(),
                    "at": at,
                    "actor": reviewer,
                    "entity": entity,
                    "entity_uuid": uuid,
                    "action": action,
                    "detail_json": json.dumps(detail, ensure_ascii=False, sort_keys=True),
                }
            )
            if len(rows) == _BATCH:
                session.execute(insert(AuditEvent), rows)
                rows = []
        if rows:
            session.execute(insert(AuditEvent), rows)
        session.commit()
    return Period(date.today() - timedelta(days=DAYS + 1), date.today())


def export_once(app: App, period: Period, target: Path) -> list[AuditRow]:
    with app.db.session() as session:
        rows = period_rows(session, period, "sv")
    write_audit(rows, period, target, "sv")
    return rows


def _strings(rows: list[AuditRow]) -> list[list[str]]:
    return [[local_time(r.at), *r[1:]] for r in rows]


def _csv_baseline(rows: list[list[str]]) -> Callable[[int], float]:
    def run(_index: int) -> float:
        def write() -> None:
            csv.writer(io.StringIO(), delimiter=";").writerows(rows)

        return timed(write)

    return run


def _xlsx_baseline(rows: list[list[str]]) -> Callable[[int], float]:
    def run(_index: int) -> float:
        def write() -> None:
            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("Blad 1")
            for row in rows:
                sheet.append(row)
            workbook.save(io.BytesIO())

        return timed(write)

    return run


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    results = []
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-audit-") as tmp:
        root = Path(tmp)
        app = bootstrap(data_dir=root / "data")
        try:
            progress(f"{NAME}: writing demo data and {EVENTS} audit events (not timed)")
            period = prepare(app)
            warm = export_once(app, period, root / "warm-up.csv")
            if len(warm) < EVENTS:
                raise RuntimeError(f"the export held {len(warm)} rows, expected at least {EVENTS}")
            strings = _strings(warm)
            formats = [
                (
                    "csv",
                    _csv_baseline(strings),
                    f"csv.writer of the same {len(strings)} rows to a StringIO",
                    MAX_CSV_RATIO,
                ),
                (
                    "xlsx",
                    _xlsx_baseline(strings),
                    f"openpyxl write-only workbook of the same {len(strings)} rows (strings), saved to memory",
                    MAX_XLSX_RATIO,
                ),
            ]
            for suffix, baseline, described, target in formats:

                def measured(index: int, suffix: str = suffix) -> float:
                    progress(f"{NAME} {suffix}: repetition {index + 1} of {repeat}")
                    return timed(lambda: export_once(app, period, root / f"audit-{index}.{suffix}"))

                samples, baseline_samples = alternate(repeat, measured, baseline)
                results.append(
                    Result(
                        name=f"audit_export_{suffix}_200k",
                        description=(
                            f"reviewer audit export -o FILE.{suffix} of {len(warm)} rows from {EVENTS} events once "
                            "the database is open: period_rows in a fresh session (query, names, question texts, "
                            "option labels) and write_audit"
                        ),
                        samples=samples,
                        baseline_samples=baseline_samples,
                        baseline=described,
                        max_ratio=target,
                        extra={"rows": len(warm), "bytes": (root / f"audit-0.{suffix}").stat().st_size},
                    )
                )
        finally:
            app.close()
    return results
