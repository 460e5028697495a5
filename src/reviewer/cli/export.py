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
    Method,
    build_anonymised,
    checklist_texts,
    forbidden_strings,
    list_releases,
    record_release,
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
    if args.output is None:
        raise ExportError(
            Message(
                "Ange filen att skriva med -o FIL (eller 'reviewer export history' för tidigare utlämnade)",
                "Give the file to write with -o FILE (or 'reviewer export history' for earlier releases)",
            )
        )
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
        if chosen == "csv":
            write_csv(result, args.output, guard, decimal=args.decimal or ",")
        elif chosen == "xlsx":
            write_xlsx(result, args.output, guard)
        else:
            write_json(result, args.output, guard)
        with app.db.session() as session:  # written: later releases are checked against this one
            record_release(session, result, chosen)
    finally:
        app.close()
    hidden = result.method.n_hidden
    print(
        _t(
            f"Skrev {args.output} ({result.method.n_hidden} dolda uppgifter, minst {rules.min_cell} ärenden per "
            "uppgift)",
            f"Wrote {args.output} ({hidden} hidden figures, at least {rules.min_cell} cases per figure)",
        )
    )
    linked = linked_note(result.method)
    if linked:
        print(linked)
    return 0


def linked_note(method: Method) -> str:
    """What the CLI says when figures were hidden for the sake of earlier releases (empty when none were)."""
    n, earlier = method.n_hidden_for_earlier, method.n_earlier_releases
    if not n:
        return ""
    return _t(
        f"{n} av dem är dolda för att de annars, tillsammans med {earlier} tidigare utlämnade "
        f"{'sammanställning' if earlier == 1 else 'sammanställningar'} av överlappande urval, skulle låta någon "
        "räkna fram en dold uppgift (se 'reviewer export history')",
        f"{n} of them are hidden because, together with {earlier} earlier "
        f"{'release' if earlier == 1 else 'releases'} of overlapping selections, they would let someone work out a "
        "hidden figure (see 'reviewer export history')",
    )


def run_export_history(args: argparse.Namespace) -> int:
    """`reviewer export history`: every anonymised export and report released so far, oldest first."""
    app = bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None))
    try:
        with app.db.session() as session:
            releases = list_releases(session)
    finally:
        app.close()
    if not releases:
        print(_t("Inga anonymiserade sammanställningar har lämnats ut ännu", "No anonymised releases yet"))
        return 0
    for release in releases:
        when = release.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        unit = release.unit or _t("alla enheter", "all units")
        hidden = _t(f"{release.n_hidden} dolda", f"{release.n_hidden} hidden")
        if release.n_hidden_for_earlier:
            hidden += _t(
                f", varav {release.n_hidden_for_earlier} för tidigare utlämnade",
                f", {release.n_hidden_for_earlier} of them for earlier releases",
            )
        print(
            f"{when}  {release.kind.upper():4}  {release.checklist_slug}@{release.checklist_version}  "
            f"{'; '.join(release.rounds)}  {unit}  k={release.min_cell}  ({hidden})"
        )
    return 0
