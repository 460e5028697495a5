"""`reviewer plan`: the files a round needs per sex, and what the files a unit has can find (docs/planning.md)."""

from __future__ import annotations

import argparse
import json
import sys

from reviewer.bootstrap import bootstrap
from reviewer.domain.power import PlanInput
from reviewer.domain.text import language_from_environment
from reviewer.services.checklists import parse_reference
from reviewer.services.files import write_atomically
from reviewer.services.planning import plan_for_checklist
from reviewer.services.planning_text import plan_to_json, render_plan_text


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
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomically(args.output, text)
        print(f"Wrote {args.output}" if language == "en" else f"Skrev {args.output}")
    return 0
