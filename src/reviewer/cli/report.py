"""`reviewer report`: the PDF audit report of one or several rounds, internal or anonymised (docs/report.md)."""

from __future__ import annotations

import argparse

from reviewer.bootstrap import bootstrap
from reviewer.cli.export import linked_note
from reviewer.domain.disclosure import Rules, RulesError
from reviewer.domain.text import Message, language_from_environment
from reviewer.reports.guard import ExportGuard
from reviewer.reports.pdf import write_pdf
from reviewer.services.anonymisation import checklist_texts, forbidden_strings, record_release
from reviewer.services.report import ReportError, ReportRequest, build_report
from reviewer.services.rounds import find_round_by_name, list_rounds


def _t(sv: str, en: str) -> str:
    return en if language_from_environment() == "en" else sv


def _check_arguments(args: argparse.Namespace) -> None:
    if args.output.suffix.lower() != ".pdf":
        raise ReportError(
            Message(
                f"Rapporten skrivs som PDF; ge filen ändelsen .pdf ({args.output.name})",
                f"The report is written as PDF; give the file the extension .pdf ({args.output.name})",
            )
        )
    if args.trend and args.compare is not None:
        raise ReportError(Message("Välj antingen --trend eller --compare", "Choose either --trend or --compare"))
    if args.min_cell is not None and not args.anonymised:
        raise ReportError(
            Message(
                "--min-cell gäller bara den anonymiserade rapporten (--anonymised)",
                "--min-cell applies only to the anonymised report (--anonymised)",
            )
        )


def _rules(min_cell: int | None) -> Rules:
    if min_cell is None:
        return Rules()
    try:
        return Rules(min_cell=min_cell)
    except RulesError as error:
        raise ReportError(error.message) from error


def run_report(args: argparse.Namespace) -> int:
    _check_arguments(args)
    rules = _rules(args.min_cell)
    app = bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None))
    try:
        with app.db.session() as session:
            names = args.rounds
            if not names:
                every = [r.name for r in list_rounds(session)]
                if len(every) != 1:
                    raise ReportError(
                        Message(
                            "Ange vilken omgång rapporten gäller med --round NAMN (se 'reviewer round list')",
                            "Say which round the report is about with --round NAME (see 'reviewer round list')",
                        )
                    )
                names = every
            request = ReportRequest(
                round_uuids=tuple(find_round_by_name(session, name).uuid for name in names),
                compare_with=find_round_by_name(session, args.compare).uuid if args.compare else None,
                anonymised=args.anonymised,
                rules=rules,
                unit=args.unit,
                trend=args.trend,
            )
            data = build_report(session, request)
            guard = ExportGuard(forbidden_strings(session), checklist_texts(session, data.checklist_slug))
        write_pdf(data, args.output, guard)
        if data.anonymised is not None:
            with app.db.session() as session:  # written: later releases are checked against this one
                record_release(session, data.anonymised, "pdf")
    finally:
        app.close()
    print(_t(f"Skrev {args.output}", f"Wrote {args.output}"))
    if data.anonymised is not None and linked_note(data.anonymised.method):
        print(linked_note(data.anonymised.method))
    return 0
