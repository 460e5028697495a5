"""`reviewer plan` (the files a round needs per sex, and what the files a unit has can find) and `reviewer round
sample` (drawing them from the case system's list): docs/planning.md."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from reviewer.bootstrap import bootstrap
from reviewer.cli.output import emit
from reviewer.domain.power import PlanInput
from reviewer.domain.sampling import Allocation, Design, SamplingError, parse_reviewers
from reviewer.domain.text import Message, language_from_environment
from reviewer.services.checklists import parse_reference
from reviewer.services.planning import plan_for_checklist
from reviewer.services.planning_text import plan_to_json, render_plan_text, render_sample_text
from reviewer.services.rounds import find_round_by_name
from reviewer.services.sampling import sample_round
from reviewer.services.settings import load_settings


def run_plan(args: argparse.Namespace) -> int:
    language = language_from_environment()
    slug, version = parse_reference(args.checklist)
    request = PlanInput(
        difference_pp=args.difference,
        base_pct=args.base,
        power=args.power,
        alpha=args.alpha,
        available_women=args.available_women,
        available_men=args.available_men,
    )
    app = bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None))
    try:
        with app.db.session() as session:
            result = plan_for_checklist(session, slug, version, request)
    finally:
        app.close()
    if args.format == "json":
        text = json.dumps(plan_to_json(result), ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_plan_text(result, language)
    emit(text, args.output)
    return 0


def _date(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise SamplingError(
            Message(f"{option} ska vara ett datum (ÅÅÅÅ-MM-DD)", f"{option} must be a date (YYYY-MM-DD)")
        ) from None


def run_sample(args: argparse.Namespace) -> int:
    language = language_from_environment()
    design = Design(
        allocation=Allocation.EQUAL if args.per_sex is not None else Allocation.PROPORTIONAL,
        size=args.per_sex if args.per_sex is not None else args.total,
        seed=args.seed,
        by_unit=args.by_unit,
        double_share=args.double,
        reviewers=parse_reviewers(args.reviewers),
    )
    start, end = _date(args.decided_from, "--from"), _date(args.decided_to, "--to")
    app = bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None))
    try:
        with app.db.session() as session:
            round_uuid = find_round_by_name(session, args.round_name).uuid
            actor = load_settings(app.paths.config_dir).reviewer or ""
            summary = sample_round(session, round_uuid, args.file, design, actor, start, end)
    finally:
        app.close()
    sys.stdout.write(render_sample_text(summary.record, summary.round_name, summary.subject, language))
    return 0
