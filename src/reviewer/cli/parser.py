"""The command line's shape, apart from what the commands do.

Kept free of the storage and service layers so that `reviewer` without a command can put its window on screen
before those (slow to import) are loaded.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewer import __version__


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder for the database, settings, logs and backups (default: the user's data folder; "
        "env REVIEWER_DATA_DIR)",
    )
    common.add_argument(
        "--database-url",
        default=argparse.SUPPRESS,
        help="SQLAlchemy URL of another database, e.g. postgresql+psycopg://user@host/db (env REVIEWER_DATABASE_URL)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="reviewer",
        description="Jämställdhetsgranskning av akter. Without a command, the program window opens.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the window, wait until it has opened the database and built its areas, close any dialog the start "
        "opens, print what it found and quit: exit 0 if it all worked (for IT after an install or upgrade)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    checklist = commands.add_parser(
        "checklist", help="list, show, validate, import, export, publish and retire checklists"
    )
    checklist_commands = checklist.add_subparsers(dest="action", metavar="ACTION", required=True)
    checklist_commands.add_parser("list", parents=[common], help="every checklist version in the database")
    show = checklist_commands.add_parser("show", parents=[common], help="the questions of a checklist")
    show.add_argument("reference", metavar="SLUG[@VERSION]")
    validate = checklist_commands.add_parser(
        "validate", parents=[common], help="check a checklist file (.json, .yaml, .yml or .xlsx)"
    )
    validate.add_argument("file", type=Path)
    imp = checklist_commands.add_parser(
        "import",
        parents=[common],
        help="add a checklist file (.json, .yaml, .yml or .xlsx; the workbook: docs/checklist-excel.md)",
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--draft", action="store_true", help="store it as a draft to edit and publish later")
    exp = checklist_commands.add_parser(
        "export", parents=[common], help="write a checklist to a .json, .yaml or .xlsx file"
    )
    exp.add_argument("reference", metavar="SLUG[@VERSION]")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    publish = checklist_commands.add_parser(
        "publish",
        parents=[common],
        help="publish a draft; every question of the previous version must be accounted for",
    )
    publish.add_argument("reference", metavar="SLUG@VERSION")
    publish.add_argument(
        "--map",
        action="append",
        metavar="NEW=OLD",
        help="the new question NEW continues the previous version's OLD (renamed, or one part of a split); repeatable",
    )
    publish.add_argument(
        "--retire",
        action="append",
        metavar="OLD",
        help="the previous version's question OLD has no successor; repeatable",
    )
    retire = checklist_commands.add_parser(
        "retire", parents=[common], help="stop new rounds from using a version (rounds using it keep working)"
    )
    retire.add_argument("reference", metavar="SLUG@VERSION")

    db = commands.add_parser("db", help="database health and backups")
    db_commands = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    db_commands.add_parser("check", parents=[common], help="integrity, schema version, row counts, answer counts")
    backup = db_commands.add_parser("backup", parents=[common], help="write a backup copy now")
    backup.add_argument("-o", "--output-dir", type=Path, help="folder for the copy (default: the backups folder)")
    restore = db_commands.add_parser(
        "restore",
        parents=[common],
        help="replace the database by a checked backup; the current one is kept as a backup (docs/backups.md)",
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    db_commands.add_parser("backups", parents=[common], help="the backups with their date, size and counts")
    db_commands.add_parser(
        "recount", parents=[common], help="rebuild the answer counts the summaries read from the answers"
    )

    round_ = commands.add_parser("round", help="list and create review rounds")
    round_commands = round_.add_subparsers(dest="action", metavar="ACTION", required=True)
    round_commands.add_parser("list", parents=[common], help="every round with its checklist and progress")
    create = round_commands.add_parser("create", parents=[common], help="create a review round")
    create.add_argument("name", metavar="NAME")
    create.add_argument("--checklist", required=True, metavar="SLUG[@VERSION]", help="the checklist the round uses")
    create.add_argument(
        "--period", required=True, metavar="LABEL", help="the period reviewed, e.g. '2024' or '2025 H1'"
    )
    create.add_argument("--baseline", metavar="NAME", help="the round this one is compared with (before/after)")

    cases = commands.add_parser("cases", help="cases in a round")
    cases_commands = cases.add_subparsers(dest="action", metavar="ACTION", required=True)
    cases_import = cases_commands.add_parser(
        "import",
        parents=[common],
        help="import earlier reviews from a spreadsheet (CSV or XLSX), one row per case "
        "(the format: docs/spreadsheet-import.md)",
    )
    cases_import.add_argument("file", type=Path, metavar="FILE")
    cases_import.add_argument("--round", required=True, metavar="NAME", dest="round_name", help="the round to fill")
    cases_import.add_argument("--reviewer", metavar="NAME", help="the reviewer for rows whose reviewer cell is empty")

    exchange = commands.add_parser(
        "exchange", help="exchange files between a caseworker's program and the unit chief's (docs/exchange-format.md)"
    )
    exchange_commands = exchange.add_subparsers(dest="action", metavar="ACTION", required=True)
    exchange_export = exchange_commands.add_parser(
        "export", parents=[common], help="write rounds with their cases, reviews and answers to one file"
    )
    exchange_export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exchange_export.add_argument(
        "--round", action="append", dest="rounds", metavar="NAME", help="a round to export (repeatable; default: all)"
    )
    exchange_export.add_argument(
        "--passphrase-file", type=Path, metavar="F", help="encrypt with the passphrase on the first line of F"
    )
    exchange_export.add_argument("--by", metavar="NAME", help="who exports (default: the reviewer name in Settings)")
    exchange_import = exchange_commands.add_parser(
        "import", parents=[common], help="import exchange files in one transaction; the same file twice changes nothing"
    )
    exchange_import.add_argument("files", nargs="+", type=Path, metavar="FILE")
    exchange_import.add_argument(
        "--passphrase-file", type=Path, metavar="F", help="the passphrase of encrypted files, on the first line of F"
    )
    exchange_import.add_argument(
        "--on-conflict",
        choices=["keep", "take", "both"],
        help="for reviews that differ from the database: keep the existing, take the incoming, or keep both "
        "(default: stop and list them, importing nothing)",
    )

    agg = commands.add_parser(
        "aggregate",
        parents=[common],
        help="results by sex for one or several rounds, as text or JSON (docs/aggregate-format.md)",
    )
    agg.add_argument(
        "--round", action="append", required=True, dest="rounds", metavar="NAME", help="a round (repeatable)"
    )
    agg.add_argument(
        "--compare",
        nargs="?",
        const="",
        metavar="NAME",
        help="compare the round with this baseline round (without NAME: the round's own baseline)",
    )
    agg.add_argument(
        "--trend",
        action="store_true",
        help="the gap per round and a test for a trend over three or more rounds, in the order given",
    )
    agg.add_argument("--by", choices=["age_band", "unit"], help="a second breakdown besides sex")
    agg.add_argument("--unit", metavar="U", help="only cases of this unit")
    agg.add_argument("--reviewer", metavar="R", help="only this reviewer's reviews")
    agg.add_argument(
        "--include-in-progress", action="store_true", help="count reviews in progress too (default: completed only)"
    )
    agg.add_argument(
        "--min-difference", type=float, metavar="PP", help="flag differences from PP percentage points (default 10)"
    )
    agg.add_argument(
        "--fdr-q",
        type=float,
        metavar="Q",
        help="the false discovery rate: flag when the p-value adjusted across the questions is below Q (default 0.05)",
    )
    agg.add_argument(
        "--alpha", type=float, metavar="A", help="the level of the checklist's primary questions (default 0.05)"
    )
    agg.add_argument("--format", choices=["text", "json"], default="text", help="output format (default text)")
    agg.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of the screen")

    report = commands.add_parser(
        "report", parents=[common], help="the PDF audit report of one or several rounds (docs/report.md)"
    )
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    report.add_argument(
        "--round", action="append", dest="rounds", metavar="NAME", help="a round (repeatable; default: the only round)"
    )
    report.add_argument(
        "--compare", metavar="NAME", help="compare with this round (default: the round's own baseline, if any)"
    )
    report.add_argument(
        "--anonymised", action="store_true", help="hide small numbers, as the anonymised exports do (for others)"
    )
    report.add_argument(
        "--min-cell", type=int, metavar="K", help="with --anonymised: hide cells under K cases (default 5)"
    )
    report.add_argument("--unit", metavar="U", help="only cases of this unit")

    export = commands.add_parser(
        "export",
        parents=[common],
        help="the anonymised, aggregated results as CSV, XLSX or JSON, with small counts hidden "
        "(docs/anonymisation.md, docs/export-format.md); 'reviewer export history' lists what has been released",
    )
    export.add_argument(
        "action",
        nargs="?",
        choices=["history"],
        default=None,
        help="history: list the anonymised exports and reports released so far (the release register)",
    )
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="the file to write (required to export)")
    export.add_argument(
        "--format", choices=["csv", "xlsx", "json"], help="the file's format (default: from the file name's extension)"
    )
    export.add_argument(
        "--round", action="append", dest="rounds", metavar="NAME", help="a round (repeatable; default: the only round)"
    )
    export.add_argument(
        "--min-cell", type=int, metavar="K", help="hide figures resting on fewer than K cases (default 5, at least 3)"
    )
    export.add_argument(
        "--decimal",
        choices=[",", "."],
        help="CSV only: the decimal mark (default ',' for Swedish Excel, '.' for other tools; ';' separates fields)",
    )
    export.add_argument("--unit", metavar="U", help="only cases of this unit")

    audit = commands.add_parser("audit", help="the audit trail: who changed what and when (docs/audit-trail.md)")
    audit_commands = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    audit_export = audit_commands.add_parser(
        "export",
        parents=[common],
        help="the events of a period as CSV or XLSX (an internal document with personal data)",
    )
    audit_export.add_argument("--from", dest="start", required=True, metavar="DATE", help="first day, YYYY-MM-DD")
    audit_export.add_argument("--to", dest="end", required=True, metavar="DATE", help="last day, YYYY-MM-DD")
    audit_export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="a .csv or .xlsx file")

    demo = commands.add_parser("demo", parents=[common], help="create fictitious demo rounds")
    demo.add_argument("--cases", type=int, default=40, help="cases per built-in checklist (default 40)")
    demo.add_argument("--seed", type=int, default=1, help="random seed, for repeatable data (default 1)")
    return parser
