"""`reviewer agreement`: how alike the reviewers answered the cases two or more of them reviewed, per question, as
text or as JSON (docs/agreement-format.md)."""

from __future__ import annotations

import argparse
import json
import sys

from reviewer.bootstrap import bootstrap
from reviewer.domain.text import language_from_environment
from reviewer.services.agreement import inter_rater_agreement
from reviewer.services.agreement.json_form import to_json
from reviewer.services.agreement.text import render_text
from reviewer.services.files import write_atomically
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
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomically(args.output, text)
        print(f"Wrote {args.output}" if language == "en" else f"Skrev {args.output}")
    return 0
