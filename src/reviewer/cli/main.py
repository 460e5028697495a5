"""The headless `reviewer` commands, over the same services as the GUI.

Exit codes: 0 success, 1 the input or the database was refused (the reason on stderr), 2 a usage error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import sqlalchemy as sa

from reviewer.bootstrap import App, bootstrap
from reviewer.cli import database as db_commands
from reviewer.cli.aggregate import run_aggregate
from reviewer.cli.agreement import run_agreement
from reviewer.cli.audit import run_audit_export
from reviewer.cli.database import warn
from reviewer.cli.exchange import exchange_export, exchange_import
from reviewer.cli.export import run_export, run_export_history
from reviewer.cli.lexicon import lexicon_export, lexicon_import, lexicon_list, lexicon_show, run_words
from reviewer.cli.parser import build_parser
from reviewer.cli.plan import run_plan, run_sample
from reviewer.cli.report import run_report
from reviewer.cli.training import training_import_pack, training_list
from reviewer.domain.text import Message, ReviewerError, count_of, language_from_environment
from reviewer.reports.common import QUESTION_TYPE_NAMES
from reviewer.services import checklists as checklist_service
from reviewer.services import rounds as round_service
from reviewer.services import spreadsheet_import
from reviewer.services.aggregation.model import label_message, sex_heading
from reviewer.services.demo import create_demo_data
from reviewer.services.settings import load_settings
from reviewer.storage.database import DatabaseError
from reviewer.storage.failures import DatabaseDamagedError, known_failure

log = logging.getLogger(__name__)


def _t(sv: str, en: str) -> str:
    return en if language_from_environment() == "en" else sv


# The words the window uses for the codes, so that a listing reads as prose; the codes stay where they are typed.
_AREAS = {
    "fardtjanst": Message("färdtjänst", "paratransit"),
    "barnomsorg": Message("barnomsorg", "childcare"),
    "missbruk": Message("missbruk", "substance abuse"),
    "annat": Message("annat", "other"),
}
_STATUSES = {
    "draft": Message("utkast", "draft"),
    "published": Message("publicerad", "published"),
    "retired": Message("pensionerad", "retired"),
}


def _word(words: dict[str, Message], code: str) -> str:
    return words[code].text() if code in words else code


def _open(args: argparse.Namespace) -> App:
    return warn(bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None)))


def _actor(app: App) -> str:
    """Who the audit trail names for a change made from the command line: the reviewer set in Settings."""
    return load_settings(app.paths.config_dir).reviewer or ""


def _checklist_list(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        with app.db.session() as session:
            summaries = checklist_service.list_checklists(session)
    finally:
        app.close()
    header = (
        _t("id", "slug"),
        _t("version", "version"),
        _t("område", "area"),
        _t("status", "status"),
        _t("titel", "title"),
    )
    rows = [
        (s.slug, str(s.version), _word(_AREAS, s.area), _word(_STATUSES, s.status.value), s.title) for s in summaries
    ]
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
    area, status = _word(_AREAS, definition.area.value), _word(_STATUSES, status)
    print(f"{definition.title.text(lang)} ({definition.slug}@{definition.version}, {area}, {status})")
    print(sex_heading(label_message(definition.sex_of()), lang))
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
            print(f"  {flags} {q.key:<28} {QUESTION_TYPE_NAMES[q.type].text(lang):<24} {q.text.text(lang)}")
    print(
        "\n"
        + _t(
            "* obligatorisk   K jämförs per kön   ? visas villkorligt",
            "* required   K compared by sex   ? shown conditionally",
        )
    )
    return 0


def _checklist_validate(args: argparse.Namespace) -> int:
    definition = checklist_service.read_checklist_file(args.file)
    print(
        _t(
            f"Giltig: {definition.slug} version {definition.version}, {len(definition.questions())} frågor",
            f"Valid: {definition.slug} version {definition.version}, {len(definition.questions())} questions",
        )
    )
    return 0


def _checklist_import(args: argparse.Namespace) -> int:
    checklist_service.checklist_file_format(args.file)
    app = _open(args)
    try:
        with app.db.session() as session:
            outcome, slug, version = checklist_service.import_checklist_file(
                session, args.file, as_draft=args.draft, actor=_actor(app)
            )
    finally:
        app.close()
    name = f"{slug}@{version}"
    if args.draft:
        print(_t(f"Importerad som utkast: {name}", f"Imported as a draft: {name}"))
    elif outcome is checklist_service.ImportOutcome.CREATED:
        print(_t(f"Importerad: {name}", f"Imported: {name}"))
    else:
        print(_t(f"Oförändrad: {name} finns redan med samma innehåll", f"Unchanged: {name} already exists"))
    return 0


def _checklist_export(args: argparse.Namespace) -> int:
    checklist_service.checklist_file_format(args.output)
    slug, version = checklist_service.parse_reference(args.reference)
    app = _open(args)
    try:
        with app.db.session() as session:
            checklist_service.export_checklist_file(session, slug, version, args.output)
    finally:
        app.close()
    print(_t(f"Skrev {args.output}", f"Wrote {args.output}"))
    return 0


def _exact_reference(reference: str) -> tuple[str, int]:
    slug, version = checklist_service.parse_reference(reference)
    if version is None:
        raise checklist_service.ChecklistNotFoundError(
            Message(
                f"Ange vilken version som avses: {slug}@VERSION (se 'reviewer checklist list')",
                f"Say which version: {slug}@VERSION (see 'reviewer checklist list')",
            )
        )
    return slug, version


def _key_changes(pairs: list[str]) -> dict[str, str]:
    key_map: dict[str, str] = {}
    for pair in pairs:
        new, sep, old = (part.strip() for part in pair.partition("="))
        if not (sep and new and old):
            raise checklist_service.ChecklistConflictError(
                Message(
                    f"--map {pair!r} ska skrivas NY_NYCKEL=GAMMAL_NYCKEL",
                    f"--map {pair!r} must be written NEW_KEY=OLD_KEY",
                )
            )
        key_map[new] = old
    return key_map


def _checklist_publish(args: argparse.Namespace) -> int:
    slug, version = _exact_reference(args.reference)
    given_map, given_retired = _key_changes(args.map or []), args.retire or []
    app = _open(args)
    try:
        with app.db.session() as session:
            key_map: dict[str, str] | None = None
            retired: list[str] | None = None
            if given_map or given_retired:
                plan = checklist_service.publish_plan(session, slug, version)
                key_map = plan.key_map | given_map
                retired = list(dict.fromkeys([*plan.retired, *given_retired]))
            try:
                checklist_service.publish(session, slug, version, key_map, retired, actor=_actor(app))
            except checklist_service.ChecklistInvalidError as error:
                print(_t("fel: ", "error: ") + error.text(), file=sys.stderr)
                accounted = {*(key_map or {}).values(), *(retired or [])}
                if set(checklist_service.publish_plan(session, slug, version).unresolved) - accounted:
                    print(
                        _t(
                            "tips: ange för varje fråga som saknas --map NY_NYCKEL=GAMMAL_NYCKEL (bytt nyckel eller "
                            "delad) eller --retire GAMMAL_NYCKEL (borttagen)",
                            "hint: give --map NEW_KEY=OLD_KEY (renamed or split) or --retire OLD_KEY (removed) for "
                            "each missing question",
                        ),
                        file=sys.stderr,
                    )
                return 1
    finally:
        app.close()
    print(_t(f"Publicerad: {slug}@{version}", f"Published: {slug}@{version}"))
    return 0


def _checklist_retire(args: argparse.Namespace) -> int:
    slug, version = _exact_reference(args.reference)
    app = _open(args)
    try:
        with app.db.session() as session:
            checklist_service.retire(session, slug, version, actor=_actor(app))
    finally:
        app.close()
    print(
        _t(
            f"Tillbakadragen: {slug}@{version}; omgångar som använder den fungerar som förut, nya kan inte välja den",
            f"Retired: {slug}@{version}; rounds using it work as before, new ones cannot choose it",
        )
    )
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
            _t(
                f"Skapade {name} med {count_of(args.cases, 'fiktivt ärende', 'fiktiva ärenden')}",
                f"Created {name} with {count_of(args.cases, 'fictitious case', 'fictitious cases')}",
            )
        )
    return 0


def _round_list(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        with app.db.session() as session:
            summaries = round_service.list_rounds(session)
    finally:
        app.close()
    if not summaries:
        print(_t("Det finns inga omgångar än", "There are no rounds yet"))
        return 0
    header = (
        _t("namn", "name"),
        _t("område", "area"),
        _t("checklista", "checklist"),
        _t("period", "period"),
        _t("ärenden", "cases"),
        _t("klara", "completed"),
    )
    archived = _t(" (arkiverad)", " (archived)")
    rows = [
        (
            s.name + (archived if s.archived else ""),
            _word(_AREAS, s.area),
            f"{s.checklist_slug}@{s.checklist_version}",
            s.period_label,
            str(s.case_count),
            str(s.completed_count),
        )
        for s in summaries
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 0


def _round_create(args: argparse.Namespace) -> int:
    slug, version = checklist_service.parse_reference(args.checklist)
    app = _open(args)
    try:
        with app.db.session() as session:
            checklist = checklist_service.get_version(session, slug, version)
            baseline = round_service.find_round_by_name(session, args.baseline).uuid if args.baseline else None
            created = round_service.create_round(
                session, args.name, checklist, args.period, baseline_uuid=baseline, actor=_actor(app)
            )
            name, reference = created.name, f"{checklist.slug}@{checklist.version}"
    finally:
        app.close()
    print(
        _t(
            f"Skapade omgången {name} ({reference}, {args.period})",
            f"Created the round {name} ({reference}, {args.period})",
        )
    )
    return 0


def _cases_import(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        with app.db.session() as session:
            round_uuid = round_service.find_round_by_name(session, args.round_name).uuid
            summary = spreadsheet_import.import_file(
                session, round_uuid, args.file, default_reviewer=args.reviewer, actor=args.reviewer or ""
            )
    finally:
        app.close()
    lang = language_from_environment()
    print(
        _t(
            f"Importerade {summary.file_name} till omgången {summary.round_name}: {summary.text(lang)}",
            f"Imported {summary.file_name} into the round {summary.round_name}: {summary.text(lang)}",
        )
    )
    return 0


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("checklist", "list"): _checklist_list,
    ("checklist", "show"): _checklist_show,
    ("checklist", "validate"): _checklist_validate,
    ("checklist", "import"): _checklist_import,
    ("checklist", "export"): _checklist_export,
    ("checklist", "publish"): _checklist_publish,
    ("checklist", "retire"): _checklist_retire,
    ("db", "check"): db_commands.db_check,
    ("db", "backup"): db_commands.db_backup,
    ("db", "backups"): db_commands.db_backups,
    ("db", "restore"): db_commands.db_restore,
    ("db", "recount"): db_commands.db_recount,
    ("round", "list"): _round_list,
    ("round", "create"): _round_create,
    ("round", "sample"): run_sample,
    ("cases", "import"): _cases_import,
    ("exchange", "export"): exchange_export,
    ("exchange", "import"): exchange_import,
    ("aggregate", None): run_aggregate,
    ("agreement", None): run_agreement,
    ("report", None): run_report,
    ("export", None): run_export,
    ("export", "history"): run_export_history,
    ("demo", None): _demo,
    ("plan", None): run_plan,
    ("audit", "export"): run_audit_export,
    ("training", "list"): training_list,
    ("training", "import-pack"): training_import_pack,
    ("lexicon", "list"): lexicon_list,
    ("lexicon", "show"): lexicon_show,
    ("lexicon", "export"): lexicon_export,
    ("lexicon", "import"): lexicon_import,
    ("words", None): run_words,
}


def _database_file(args: argparse.Namespace) -> Path | None:
    from reviewer.bootstrap import AppPaths, database_url_for
    from reviewer.storage.database import sqlite_path

    paths = AppPaths.resolve(getattr(args, "data_dir", None))
    return sqlite_path(sa.make_url(database_url_for(paths, getattr(args, "database_url", None))))


def run_command(args: argparse.Namespace) -> int:
    """Every failure ends in a sentence on stderr and exit code 1; the details of an unexpected one go to the log,
    never a traceback to the terminal."""
    handler = COMMANDS[(args.command, getattr(args, "action", None))]
    # Without it, a failure before the log file is open would reach Python's last-resort handler: stderr.
    quiet = logging.NullHandler()
    logging.getLogger("reviewer").addHandler(quiet)
    try:
        return _run(handler, args)
    finally:
        logging.getLogger("reviewer").removeHandler(quiet)


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except DatabaseError as error:
        print(_t("fel: ", "error: ") + error.text(), file=sys.stderr)
        if error.recoverable and (args.command, getattr(args, "action", None)) != ("db", "restore"):
            hint = _hint(args)
            if hint:
                print(hint, file=sys.stderr)
        return 1
    except ReviewerError as error:
        print(_t("fel: ", "error: ") + error.text(), file=sys.stderr)
        if isinstance(error, DatabaseDamagedError):
            print(_hint(args) or "", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_t("avbrutet", "interrupted"), file=sys.stderr)
        return 130
    except Exception as error:
        known = known_failure(error, _database_file(args))
        if known is not None:
            log.warning("command failed: %s", type(known).__name__)
            print(_t("fel: ", "error: ") + known.text(), file=sys.stderr)
            return 1
        log.exception("command failed")
        print(
            _t(
                f"oväntat fel ({type(error).__name__}); detaljerna finns i loggfilen",
                f"unexpected error ({type(error).__name__}); the details are in the log file",
            ),
            file=sys.stderr,
        )
        return 1


def _hint(args: argparse.Namespace) -> str | None:
    try:
        return db_commands.recovery_hint(args)
    except ReviewerError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Headless commands only; `reviewer.main` decides between this and the window."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 2
    return run_command(args)
