"""`reviewer export`: the anonymised, aggregated export of one or several rounds as CSV, XLSX or JSON
(docs/anonymisation.md for the rules, docs/export-format.md for the files)."""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewer.bootstrap import bootstrap
from reviewer.domain.disclosure import Rules, RulesError
from reviewer.domain.text import Message, language_from_environment
from reviewer.reports.csv_export import write_csv
from reviewer.reports.guard import ExportGuard
from reviewer.reports.json_export import write_json
from reviewer.reports.xlsx_export import write_xlsx
from reviewer.services.anonymisation import (
    ExportError,
    ExportRequest,
    build_anonymised,
    checklist_texts,
    forbidden_strings,
)
from reviewer.services.rounds import find_round_by_name, list_rounds

FORMATS = ("csv", "xlsx", "json")


def _t(sv: str, en: str) -> str:
    return en if language_from_environment() == "en" else sv


def _format(args: argparse.Namespace) -> str:
    chosen: str | None = args.format
    if chosen is None:
        chosen = Path(args.output).suffix.lower().lstrip(".")
        if chosen not in FORMATS:
            raise ExportError(
                Message(
                    "Ange --format csv, xlsx eller json (filändelsen säger inte vilket)",
                    "Give --format csv, xlsx or json (the file name's extension does not say which)",
                )
            )
    if args.decimal is not None and chosen != "csv":
        raise ExportError(Message("--decimal gäller bara CSV", "--decimal applies to CSV only"))
    return chosen


def _rules(args: argparse.Namespace) -> Rules:
    try:
        return Rules() if args.min_cell is None else Rules(min_cell=args.min_cell)
    except RulesError as error:
        raise ExportError(error.message) from error


def run_export(args: argparse.Namespace) -> int:
    chosen = _format(args)
    rules = _rules(args)
    app = bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None))
    try:
        with app.db.session() as session:
            if args.rounds:
                uuids = tuple(find_round_by_name(session, name).uuid for name in args.rounds)
            else:
                rounds = list_rounds(session)
                if len(rounds) != 1:
                    raise ExportError(
                        Message(
                            "Ange vilka omgångar som ska exporteras med --round (se 'reviewer round list')",
                            "Say which rounds to export with --round (see 'reviewer round list')",
                        )
                    )
                uuids = (rounds[0].uuid,)
            result = build_anonymised(session, ExportRequest(uuids, rules, args.unit))
            guard = ExportGuard(forbidden_strings(session), checklist_texts(session, result.method.checklist_slug))
    finally:
        app.close()
    if chosen == "csv":
        write_csv(result, args.output, guard, decimal=args.decimal or ",")
    elif chosen == "xlsx":
        write_xlsx(result, args.output, guard)
    else:
        write_json(result, args.output, guard)
    hidden = result.method.n_hidden
    print(
        _t(
            f"Skrev {args.output} ({result.method.n_hidden} dolda uppgifter, minst {rules.min_cell} ärenden per "
            "uppgift)",
            f"Wrote {args.output} ({hidden} hidden figures, at least {rules.min_cell} cases per figure)",
        )
    )
    return 0
