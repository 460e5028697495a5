"""`reviewer db …`: health, backups and restore of the database."""

from __future__ import annotations

import argparse
import sys

import sqlalchemy as sa

from reviewer.bootstrap import App, bootstrap, prepare, release_logging
from reviewer.domain.text import count_of, language_from_environment
from reviewer.services.maintenance import backup_now, check_database, recount_answers, restore_database
from reviewer.services.settings import load_settings
from reviewer.storage.backups import BackupInfo, list_backups
from reviewer.storage.database import sqlite_path
from reviewer.storage.restore import newest_good_backup


def _t(sv: str, en: str) -> str:
    return en if language_from_environment() == "en" else sv


def warn(app: App) -> App:
    """What went wrong at start without stopping it (today's backup could not be made) goes to stderr."""
    for warning in app.warnings:
        print(_t("varning: ", "warning: ") + warning.text(), file=sys.stderr)
    return app


def _open(args: argparse.Namespace) -> App:
    return warn(bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None)))


def describe(info: BackupInfo) -> str:
    """One line per backup: local time, kind, size, what it holds, file name."""
    when = info.created.astimezone().strftime("%Y-%m-%d %H:%M")
    size = f"{info.size / 1_000_000:.1f} MB"
    if info.readable:
        held = _t(
            f"{count_of(info.rounds or 0, 'omgång', 'omgångar')}, {count_of(info.cases or 0, 'ärende', 'ärenden')}, "
            f"{count_of(info.reviews or 0, 'granskning', 'granskningar')}",
            f"{count_of(info.rounds or 0, 'round', 'rounds')}, {count_of(info.cases or 0, 'case', 'cases')}, "
            f"{count_of(info.reviews or 0, 'review', 'reviews')}",
        )
    else:
        held = _t("kan inte läsas", "cannot be read")
    return f"{when}  {info.reason:<16} {size:>10}  {held}  {info.path.name}"


def db_check(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        report = check_database(app.db, app.paths.backup_dir)
    finally:
        app.close()
    print(f"{_t('databas', 'database')}: {report.url}")
    print(f"{_t('schemaversion', 'schema revision')}: {report.schema_revision} (head {report.head_revision})")
    print(f"{_t('integritet', 'integrity')}: {report.integrity}")
    for table, count in report.counts.items():
        print(f"  {table}: {count}")
    if report.answer_counts_wrong:
        print(
            _t(
                f"svarsräkningen: {report.answer_counts_wrong} rader stämmer inte med svaren; "
                "kör 'reviewer db recount'",
                f"answer counts: {report.answer_counts_wrong} rows differ from the answers; run 'reviewer db recount'",
            )
        )
    else:
        print(_t("svarsräkningen: stämmer med svaren", "answer counts: equal to the answers"))
    if report.backend != "sqlite":
        print(_t("säkerhetskopior: görs av IT med pg_dump", "backups: made by IT with pg_dump"))
    elif report.newest_backup is not None:
        newest = report.newest_backup.astimezone().strftime("%Y-%m-%d %H:%M")
        print(_t(f"säkerhetskopior: {report.backups}, senast {newest}", f"backups: {report.backups}, newest {newest}"))
    else:
        print(_t("säkerhetskopior: inga än", "backups: none yet"))
    return 0 if report.healthy else 1


def db_recount(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        wrong = recount_answers(app.db)
    finally:
        app.close()
    print(
        _t(
            f"Svarsräkningen är byggd om från svaren ({wrong} rader var fel)",
            f"The answer counts were rebuilt from the answers ({wrong} rows were wrong)",
        )
    )
    return 0


def db_backup(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        target = backup_now(app.db, args.output_dir or app.paths.backup_dir)
    finally:
        app.close()
    print(_t(f"Säkerhetskopia: {target}", f"Backup: {target}"))
    return 0


def db_backups(args: argparse.Namespace) -> int:
    paths, url, handler = prepare(getattr(args, "data_dir", None), getattr(args, "database_url", None))
    release_logging(handler)
    if sqlite_path(sa.make_url(url)) is None:
        print(_t("En PostgreSQL-databas säkerhetskopieras av IT med pg_dump.", "IT backs up PostgreSQL with pg_dump."))
        return 0
    found = list_backups(paths.backup_dir)
    if not found:
        print(_t(f"Inga säkerhetskopior i {paths.backup_dir}", f"No backups in {paths.backup_dir}"))
    for info in found:
        print(describe(info))
    return 0


def db_restore(args: argparse.Namespace) -> int:
    """Works without opening the current database first: it may be the damaged one being replaced."""
    paths, url, handler = prepare(getattr(args, "data_dir", None), getattr(args, "database_url", None))
    try:
        kept = restore_database(url, paths.backup_dir, args.file, load_settings(paths.config_dir).backups_kept)
    finally:
        release_logging(handler)
    bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None)).close()
    print(_t(f"Återställde {args.file}", f"Restored {args.file}"))
    if kept is not None:
        print(_t(f"Den tidigare databasen finns kvar som {kept}", f"The previous database is kept as {kept}"))
    return 0


def recovery_hint(args: argparse.Namespace) -> str | None:
    """For a damaged database: the newest good backup and the command that restores it."""
    paths, _url, handler = prepare(getattr(args, "data_dir", None), getattr(args, "database_url", None))
    release_logging(handler)
    good = newest_good_backup(paths.backup_dir)
    if good is None:
        return _t(
            f"Det finns ingen fungerande säkerhetskopia i {paths.backup_dir}.",
            f"There is no good backup in {paths.backup_dir}.",
        )
    when = good.created.astimezone().strftime("%Y-%m-%d %H:%M")
    return _t(
        f"Den senaste fungerande säkerhetskopian är från {when}. Återställ den med:\n  reviewer db restore {good.path}",
        f"The newest good backup is from {when}. Restore it with:\n  reviewer db restore {good.path}",
    )
