"""`reviewer audit export`: the audit trail of a period as CSV or XLSX, an internal document (docs/audit-trail.md)."""

from __future__ import annotations

import argparse

from reviewer.bootstrap import bootstrap
from reviewer.domain.text import Message, language_from_environment
from reviewer.reports.audit_export import check_target, write_audit
from reviewer.services.audit_trail import Period, parse_date, period_rows


def _t(sv: str, en: str) -> str:
    return en if language_from_environment() == "en" else sv


def run_audit_export(args: argparse.Namespace) -> int:
    period = Period(parse_date(args.start, Message("--from", "--from")), parse_date(args.end, Message("--to", "--to")))
    check_target(args.output)
    language = language_from_environment()
    app = bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None))
    try:
        with app.db.session() as session:
            rows = period_rows(session, period, language)
    finally:
        app.close()
    write_audit(rows, period, args.output, language)
    print(
        _t(
            f"Skrev {args.output}: {len(rows)} händelser {period.text()}. Intern handling med personuppgifter: "
            "lämna inte ut den med de anonymiserade exporterna.",
            f"Wrote {args.output}: {len(rows)} events {period.text()}. An internal document with personal data: "
            "do not hand it out with the anonymised exports.",
        )
    )
    return 0
