"""The headless `reviewer` commands, over the same services as the GUI.

Exit codes: 0 success, 1 the input or the database was refused (the reason on stderr), 2 a usage error.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from reviewer import __version__
from reviewer.bootstrap import App, bootstrap
from reviewer.checklists.loader import FileFormat, dump_checklist, load_checklist_file
from reviewer.domain.text import ReviewerError, language_from_environment
from reviewer.services import checklists as checklist_service
from reviewer.services.demo import create_demo_data
from reviewer.services.maintenance import backup_now, check_database

log = logging.getLogger(__name__)


def _t(sv: str, en: str) -> str:
    return en if language_from_environment() == "en" else sv


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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    checklist = commands.add_parser("checklist", help="list, show, validate, import and export checklists")
    checklist_commands = checklist.add_subparsers(dest="action", metavar="ACTION", required=True)
    checklist_commands.add_parser("list", parents=[common], help="every checklist version in the database")
    show = checklist_commands.add_parser("show", parents=[common], help="the questions of a checklist")
    show.add_argument("reference", metavar="SLUG[@VERSION]")
    validate = checklist_commands.add_parser("validate", parents=[common], help="check a checklist file")
    validate.add_argument("file", type=Path)
    imp = checklist_commands.add_parser("import", parents=[common], help="add a checklist file to the database")
    imp.add_argument("file", type=Path)
    exp = checklist_commands.add_parser("export", parents=[common], help="write a checklist to a .json/.yaml file")
    exp.add_argument("reference", metavar="SLUG[@VERSION]")
    exp.add_argument("-o", "--output", type=Path, required=True)

    db = commands.add_parser("db", help="database health and backups")
    db_commands = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    db_commands.add_parser("check", parents=[common], help="integrity, schema version and row counts")
    backup = db_commands.add_parser("backup", parents=[common], help="write a backup copy now")
    backup.add_argument("-o", "--output-dir", type=Path, help="folder for the copy (default: the backups folder)")

    demo = commands.add_parser("demo", parents=[common], help="create fictitious demo rounds")
    demo.add_argument("--cases", type=int, default=40, help="cases per built-in checklist (default 40)")
    demo.add_argument("--seed", type=int, default=1, help="random seed, for repeatable data (default 1)")
    return parser


def _open(args: argparse.Namespace) -> App:
    return bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None))


def _checklist_list(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        with app.db.session() as session:
            summaries = checklist_service.list_checklists(session)
    finally:
        app.close()
    header = (
        _t("slug", "slug"),
        _t("version", "version"),
        _t("område", "area"),
        _t("status", "status"),
        _t("titel", "title"),
    )
    rows = [(s.slug, str(s.version), s.area, s.status.value, s.title) for s in summaries]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) + "  " + row[4])
    return 0


def _checklist_show(args: argparse.Namespace) -> int:
    slug, version = checklist_service.parse_reference(args.reference)
    app = _open(args)
    try:
        with app.db.session() as session:
            row = checklist_service.get_version(session, slug, version)
            definition = checklist_service.definition_of(row)
            status = row.status.value
    finally:
        app.close()
    lang = language_from_environment()
    print(f"{definition.title.text(lang)} ({definition.slug}@{definition.version}, {definition.area.value}, {status})")
    if definition.description:
        print(definition.description.text(lang))
    for section in definition.sections:
        print(f"\n{section.title.text(lang)}")
        for q in section.questions:
            flags = "".join(
                [
                    "*" if q.required else " ",
                    "K" if q.compare_by_sex else " ",
                    "?" if q.show_if else " ",
                ]
            )
            print(f"  {flags} {q.key:<28} {q.type.value:<16} {q.text.text(lang)}")
    print(
        "\n"
        + _t(
            "* obligatorisk   K jämförs per kön   ? visas villkorligt",
            "* required   K compared by sex   ? shown conditionally",
        )
    )
    return 0


def _checklist_validate(args: argparse.Namespace) -> int:
    definition = load_checklist_file(args.file)
    print(
        _t(
            f"Giltig: {definition.slug} version {definition.version}, {len(definition.questions())} frågor",
            f"Valid: {definition.slug} version {definition.version}, {len(definition.questions())} questions",
        )
    )
    return 0


def _checklist_import(args: argparse.Namespace) -> int:
    definition = load_checklist_file(args.file)
    app = _open(args)
    try:
        with app.db.session() as session:
            outcome = checklist_service.add_definition(session, definition)
    finally:
        app.close()
    name = f"{definition.slug}@{definition.version}"
    if outcome is checklist_service.ImportOutcome.CREATED:
        print(_t(f"Importerad: {name}", f"Imported: {name}"))
    else:
        print(_t(f"Oförändrad: {name} finns redan med samma innehåll", f"Unchanged: {name} already exists"))
    return 0


def _format_for(path: Path) -> FileFormat | None:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in {".yaml", ".yml"}:
        return "yaml"
    return None


def write_atomically(path: Path, text: str) -> None:
    """Write beside the target and rename, so a failed write never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _checklist_export(args: argparse.Namespace) -> int:
    file_format = _format_for(args.output)
    if file_format is None:
        print(
            _t(
                f"fel: okänt filformat '{args.output.suffix}'; använd .json, .yaml eller .yml",
                f"error: unknown file format '{args.output.suffix}'; use .json, .yaml or .yml",
            ),
            file=sys.stderr,
        )
        return 1
    slug, version = checklist_service.parse_reference(args.reference)
    app = _open(args)
    try:
        with app.db.session() as session:
            definition = checklist_service.definition_of(checklist_service.get_version(session, slug, version))
    finally:
        app.close()
    write_atomically(args.output, dump_checklist(definition, file_format))
    print(_t(f"Skrev {args.output}", f"Wrote {args.output}"))
    return 0


def _db_check(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        report = check_database(app.db)
    finally:
        app.close()
    print(f"{_t('databas', 'database')}: {report.url}")
    print(f"{_t('schemaversion', 'schema revision')}: {report.schema_revision} (head {report.head_revision})")
    print(f"{_t('integritet', 'integrity')}: {report.integrity}")
    for table, count in report.counts.items():
        print(f"  {table}: {count}")
    return 0 if report.healthy else 1


def _db_backup(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        target = backup_now(app.db, args.output_dir or app.paths.backup_dir)
    finally:
        app.close()
    print(_t(f"Säkerhetskopia: {target}", f"Backup: {target}"))
    return 0


def _demo(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        with app.db.session() as session:
            names = create_demo_data(session, args.cases, args.seed)
    finally:
        app.close()
    for name in names:
        print(
            _t(f"Skapade {name} med {args.cases} fiktiva ärenden", f"Created {name} with {args.cases} fictitious cases")
        )
    return 0


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("checklist", "list"): _checklist_list,
    ("checklist", "show"): _checklist_show,
    ("checklist", "validate"): _checklist_validate,
    ("checklist", "import"): _checklist_import,
    ("checklist", "export"): _checklist_export,
    ("db", "check"): _db_check,
    ("db", "backup"): _db_backup,
    ("demo", None): _demo,
}


def run_command(args: argparse.Namespace) -> int:
    handler = COMMANDS[(args.command, getattr(args, "action", None))]
    try:
        return handler(args)
    except ReviewerError as error:
        print(_t("fel: ", "error: ") + error.text(), file=sys.stderr)
        return 1
    except Exception as error:
        log.exception("command failed")
        print(
            _t(
                f"oväntat fel ({type(error).__name__}); detaljerna finns i loggfilen",
                f"unexpected error ({type(error).__name__}); the details are in the log file",
            ),
            file=sys.stderr,
        )
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Headless commands only; `reviewer.main` decides between this and the window."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 2
    return run_command(args)
