"""pdf_report_10k: the PDF audit report of a round of 10 000 completed reviews, from the database to the file,
against a plain reportlab document of the same number of paragraphs and table rows.

The database is built once per run, untimed: `create_demo_data(cases=10_000)` (one round per built-in checklist),
and in the missbruk round – 10 000 reviews of the 38-question checklist, with `show_if` – 200 cases get a second
reviewer's review (the same answers, a few changed), so the agreement section has something to measure.

Rows, each alternating the program and its baseline so that a busy spell of the machine hits both:
- `pdf_report_10k`: what `reviewer report` does once the database is open – `build_report` (aggregation,
  agreement, units, reviewers) in a fresh session, the guard's strings, and `write_pdf` (guard, cover, contents with
  multiBuild, tables, one chart per section and per compared number). Target: median ≤ 3 s.
- `pdf_report_10k_anonymised`: the same with `--anonymised` (`build_anonymised` with its suppression). Target:
  median ≤ 3 s.
- `pdf_report_10k_write`: `write_pdf` alone of the internal report's data, no target: how much is reportlab.
Baseline for both: reportlab's `SimpleDocTemplate.build` (one pass, no contents, no charts, a built-in font) of as
many paragraphs as the report has findings and method paragraphs, and one plain table per checklist section with a
row per summarised question and seven columns of short strings.
"""

from __future__ import annotations

import random
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from sqlmodel import col, select

from benchmarks._harness import Result, alternate, progress, timed
from reviewer.bootstrap import App, bootstrap
from reviewer.reports.guard import ExportGuard
from reviewer.reports.pdf import write_pdf
from reviewer.services.aggregation import Aggregate
from reviewer.services.anonymisation import checklist_texts, forbidden_strings
from reviewer.services.demo import create_demo_data
from reviewer.services.report import ReportData, ReportRequest, build_report
from reviewer.services.rounds import find_round_by_name
from reviewer.storage.models import Answer, Case, Review, ReviewStatus

NAME = "pdf_report_10k"
DEFAULT_REPEAT = 5
REVIEWS = 10_000
DOUBLE_REVIEWED = 200
SEED = 1
MAX_SECONDS = 3.0
# Paragraphs of the report besides the findings: summary, method, agreement, explanations, section introductions.
OTHER_PARAGRAPHS = 25


def prepare(app: App) -> str:
    """Demo data with REVIEWS reviews per checklist and second reviews in the missbruk round; its UUID."""
    with app.db.session() as session:
        names = create_demo_data(session, REVIEWS, SEED)
        round_ = find_round_by_name(session, next(n for n in names if "Missbruk" in n))
        rng = random.Random(SEED)
        cases = session.exec(select(Case.id).where(Case.round_id == round_.id).order_by(col(Case.id))).all()
        for case_id in rng.sample(list(cases), DOUBLE_REVIEWED):
            first = session.exec(select(Review).where(Review.case_id == case_id)).one()
            second = Review(
                case_id=case_id,
                checklist_version_id=first.checklist_version_id,
                reviewer="Exempel D",
                status=ReviewStatus.COMPLETE,
            )
            session.add(second)
            session.flush()
            for answer in session.exec(select(Answer).where(Answer.review_id == first.id)).all():
                changed = answer.value_code in {"ja", "nej"} and rng.random() < 0.15
                code = {"ja": "nej", "nej": "ja"}.get(answer.value_code or "") if changed else answer.value_code
                session.add(
                    Answer(
                        review_id=second.id,
                        question_key=answer.question_key,
                        value_json=f'"{code}"' if changed else answer.value_json,
                        value_code=code,
                        value_number=answer.value_number,
                    )
                )
        session.commit()
        return round_.uuid


def report_once(app: App, round_uuid: str, target: Path, anonymised: bool = False) -> ReportData:
    """What `reviewer report` does after opening the database."""
    with app.db.session() as session:
        data = build_report(session, ReportRequest((round_uuid,), anonymised=anonymised))
        guard = ExportGuard(forbidden_strings(session), checklist_texts(session, data.checklist_slug))
    write_pdf(data, target, guard)
    return data


def baseline_once(aggregate: Aggregate, target: Path) -> None:
    styles = getSampleStyleSheet()
    story: list[object] = []
    for number in range(len(aggregate.findings) + OTHER_PARAGRAPHS):
        story.append(
            Paragraph(f"Stycke {number}: en mening om resultatet, ungefär så lång som en skillnad.", styles["Normal"])
        )
    for section in aggregate.sections:
        rows = [["Fråga", "Kvinnor", "Män", "Annat", "Skillnad", "p", "Flagga"]]
        rows += [
            [question.key, "42 %", "58 %", "50 %", "-16 p.e.", "0,03", "Ja"]
            for question in section.questions
            if question.kind != "not_aggregated"
        ]
        story.append(Paragraph(section.title.sv, styles["Heading2"]))
        story.append(Table(rows, repeatRows=1))
    SimpleDocTemplate(str(target), pagesize=A4).build(story)


def _alternate(
    repeat: int, action: Callable[[int], object], baseline: Callable[[int], object]
) -> tuple[list[float], list[float]]:
    return alternate(repeat, lambda i: timed(lambda: action(i)), lambda i: timed(lambda: baseline(i)))


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-pdf-") as tmp:
        root = Path(tmp)
        app = bootstrap(data_dir=root / "data")
        try:
            progress(f"{NAME}: demo data, {REVIEWS} reviews per checklist (untimed)")
            round_uuid = prepare(app)
            data = report_once(app, round_uuid, root / "warm-up.pdf")  # imports, font registration
            report_once(app, round_uuid, root / "warm-up-anonymised.pdf", anonymised=True)
            pages = len(re.findall(rb"/Type /Page\b(?!s)", (root / "warm-up.pdf").read_bytes()))
            aggregate = data.aggregate
            assert aggregate is not None
            with app.db.session() as session:
                guard = ExportGuard(forbidden_strings(session), checklist_texts(session, data.checklist_slug))
            actions: dict[str, Callable[[int], object]] = {
                NAME: lambda i: report_once(app, round_uuid, root / f"report-{i}.pdf"),
                f"{NAME}_anonymised": lambda i: report_once(app, round_uuid, root / f"anon-{i}.pdf", True),
                f"{NAME}_write": lambda i: write_pdf(data, root / f"write-{i}.pdf", guard),
            }
            results = {}
            for name, action in actions.items():
                progress(f"{name}: {repeat} repetitions")
                results[name] = _alternate(repeat, action, lambda i: baseline_once(aggregate, root / f"base-{i}.pdf"))
        finally:
            app.close()
    baseline = (
        "reportlab SimpleDocTemplate.build of as many plain paragraphs and one plain table per section with as many "
        "rows (built-in font, no contents, no charts)"
    )
    extra = {
        "reviews": aggregate.n_reviews,
        "cases": aggregate.n_cases,
        "double_reviewed": data.agreement.n_cases,
        "findings": len(aggregate.findings),
        "pages": pages,
    }
    descriptions = {
        NAME: f"build_report + write_pdf of the missbruk round, {aggregate.n_reviews} reviews, {pages} pages",
        f"{NAME}_anonymised": "the same, anonymised (build_anonymised and its suppression instead of aggregate)",
        f"{NAME}_write": "write_pdf alone of the internal report's data (guard and reportlab)",
    }
    return [
        Result(
            name=name,
            description=descriptions[name],
            samples=samples,
            baseline_samples=baseline_samples,
            baseline=baseline,
            max_median=None if name.endswith("_write") else MAX_SECONDS,
            extra=extra,
        )
        for name, (samples, baseline_samples) in results.items()
    ]
