"""`reviewer agreement`: how alike the reviewers answered the cases two or more of them reviewed, per question, as
text or as JSON (docs/agreement-format.md)."""

from __future__ import annotations

import argparse
import json

from reviewer.bootstrap import bootstrap
from reviewer.cli.output import emit
from reviewer.domain.text import language_from_environment
from reviewer.services.agreement import inter_rater_agreement
from reviewer.services.agreement.json_form import to_json
from reviewer.services.agreement.text import render_text
from reviewer.services.rounds import find_round_by_name


def run_agreement(args: argparse.Namespace) -> int:
    language = language_from_environment()
    app = bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None))
    try:
        with app.db.session() as session:
            uuids = [find_round_by_name(session, name).uuid for name in args.rounds]
            result = inter_rater_agreement(session, uuids, args.unit)
    finally:
        app.close()
    if args.format == "json":
        text = json.dumps(to_json(result), ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_text(result, language)
    emit(text, args.output)
    return 0
