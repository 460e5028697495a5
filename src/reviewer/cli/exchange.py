"""`reviewer exchange export|import`: exchange files between a caseworker's program and the unit chief's."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewer.bootstrap import App, bootstrap
from reviewer.cli.database import warn
from reviewer.domain.personnummer import redact
from reviewer.domain.text import Message, language_from_environment
from reviewer.services.exchange import (
    ExchangeError,
    Resolution,
    UnresolvedConflictError,
    apply_import,
    export_exchange,
    plan_import,
    read_exchange,
)
from reviewer.services.files import read_bytes
from reviewer.services.rounds import find_round_by_name
from reviewer.services.settings import load_settings

MAX_PASSPHRASE_FILE_BYTES = 64 * 1024


def _t(sv: str, en: str) -> str:
    return en if language_from_environment() == "en" else sv


def _open(args: argparse.Namespace) -> App:
    return warn(bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None)))


def read_passphrase(path: Path) -> str:
    """The first line of the file, without its line end; a file keeps the passphrase out of the shell's history."""
    name = redact(path.name)

    def refuse(sv: str, en: str) -> ExchangeError:
        return ExchangeError(
            Message(f"Lösenfrasfilen kunde inte läsas: {sv}", f"The passphrase file could not be read: {en}")
        )

    data = read_bytes(path, name, refuse, MAX_PASSPHRASE_FILE_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExchangeError(
            Message(
                f"Lösenfrasfilen {name} kunde inte läsas ({error.reason})",
                f"The passphrase file {name} could not be read ({error.reason})",
            )
        ) from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise ExchangeError(
            Message(
                f"Lösenfrasfilen {name} är tom; lösenfrasen ska stå på första raden",
                f"The passphrase file {name} is empty; the passphrase goes on its first line",
            )
        )
    return lines[0]


def exchange_export(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args.passphrase_file) if args.passphrase_file else None
    app = _open(args)
    try:
        exported_by = args.by if args.by is not None else load_settings(app.paths.config_dir).reviewer or ""
        with app.db.session() as session:
            uuids = [find_round_by_name(session, name).uuid for name in args.rounds] if args.rounds else None
            summary = export_exchange(session, args.output, uuids, passphrase, exported_by)
    finally:
        app.close()
    print(summary.text())
    return 0


def exchange_import(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args.passphrase_file) if args.passphrase_file else None
    files = [read_exchange(path, passphrase) for path in args.files]
    app = _open(args)
    try:
        actor = load_settings(app.paths.config_dir).reviewer or ""
        resolution: Resolution | dict[str, Resolution] = Resolution(args.on_conflict) if args.on_conflict else {}
        with app.db.session() as session:
            plan = plan_import(session, files)
            try:
                summary = apply_import(session, plan, resolution, actor)
            except UnresolvedConflictError as error:
                print(_t("fel: ", "error: ") + error.text(), file=sys.stderr)
                print(
                    _t(
                        "Välj vad som ska gälla med --on-conflict keep (behåll de befintliga), take (ta de "
                        "inkommande) eller both (behåll båda; de inkommande sparas som 'NAMN (2)').",
                        "Choose with --on-conflict keep (keep the existing ones), take (take the incoming ones) or "
                        "both (keep both; the incoming ones are stored as 'NAME (2)').",
                    ),
                    file=sys.stderr,
                )
                return 1
    finally:
        app.close()
    for line in summary.lines():
        print(line)
    return 0
