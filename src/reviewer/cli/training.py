"""`reviewer training list`, `import-pack FILE`, `score --round NAME`, `export-answers --round NAME -o FILE`, and
the facilitator's `agreement FILE...` and `report FILE... -o FILE.pdf` (docs/training-packs.md)."""

from __future__ import annotations

import argparse
import json

from reviewer.bootstrap import App, bootstrap
from reviewer.cli.database import warn
from reviewer.cli.output import emit
from reviewer.domain.text import Message, language_from_environment
from reviewer.reports.pdf.training import write_training_pdf
from reviewer.services.rounds import find_round_by_name
from reviewer.services.settings import load_settings
from reviewer.services.training import TrainingError, import_pack, list_packs
from reviewer.services.training_agreement import TrainingAgreement
from reviewer.services.training_agreement import training_agreement as measure_session
from reviewer.services.training_agreement.json_form import to_json
from reviewer.services.training_agreement.text import render_text
from reviewer.services.training_exchange import export_training_answers
from reviewer.services.training_feedback import reviewers_of, round_score, training_round
from reviewer.services.training_score_text import score_json, score_text


def _t(sv: str, en: str) -> str:
    return en if language_from_environment() == "en" else sv


def _open(args: argparse.Namespace) -> App:
    return warn(bootstrap(getattr(args, "data_dir", None), getattr(args, "database_url", None)))


def training_list(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        with app.db.session() as session:
            packs = list_packs(session)
    finally:
        app.close()
    if not packs:
        print(_t("Det finns inga utbildningspaket", "There are no training packs"))
        return 0
    language = language_from_environment()
    header = (
        _t("paket", "pack"),
        _t("version", "version"),
        _t("område", "area"),
        _t("checklista", "checklist"),
        _t("fall", "cases"),
        _t("källa", "source"),
        _t("titel", "title"),
    )
    rows = [
        (
            p.slug,
            str(p.version),
            p.area,
            p.checklist,
            str(p.case_count),
            _t("inbyggt", "built-in") if p.builtin else _t("importerat", "imported"),
            p.title.text(language),
        )
        for p in packs
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    for p in packs:
        for name in p.round_names:
            print(_t(f"  {p.slug}: utbildningsomgången {name}", f"  {p.slug}: the training round {name}"))
    return 0


def training_import_pack(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        actor = load_settings(app.paths.config_dir).reviewer or ""
        with app.db.session() as session:
            imported = import_pack(session, args.file, actor)
    finally:
        app.close()
    pack, n = imported.pack, len(imported.pack.cases)
    if imported.already_imported:
        print(
            _t(
                f"Paketet {pack.slug} version {pack.version} är redan importerat (omgången {imported.round_name}); "
                "inget ändrades",
                f"The pack {pack.slug} version {pack.version} is already imported (the round {imported.round_name}); "
                "nothing changed",
            )
        )
        return 0
    print(
        _t(
            f"Importerade paketet {pack.slug} version {pack.version} ({n} fall) som utbildningsomgången "
            f"{imported.round_name}. Den syns bara under Utbildning, aldrig bland de riktiga omgångarna.",
            f"Imported the pack {pack.slug} version {pack.version} ({n} cases) as the training round "
            f"{imported.round_name}. It appears only under Training, never among the real rounds.",
        )
    )
    return 0


def training_score(args: argparse.Namespace) -> int:
    """The participant's score: the one named, else the one set in Settings, else the round's only participant."""
    app = _open(args)
    try:
        with app.db.session() as session:
            round_ = training_round(session, args.round)
            reviewer = args.reviewer or load_settings(app.paths.config_dir).reviewer or ""
            participants = reviewers_of(session, round_.uuid)
            if reviewer not in participants:
                if args.reviewer or len(participants) != 1:
                    raise TrainingError(_no_participant(reviewer, participants))
                reviewer = participants[0]
            result = round_score(session, round_.uuid, reviewer)
    finally:
        app.close()
    if args.format == "json":
        text = json.dumps(score_json(result), ensure_ascii=False, indent=2) + "\n"
    else:
        text = score_text(result, language_from_environment())
    emit(text, args.output)
    return 0


def training_export_answers(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        exported_by = load_settings(app.paths.config_dir).reviewer or ""
        with app.db.session() as session:
            round_ = find_round_by_name(session, args.round_name)
            summary = export_training_answers(session, round_.uuid, args.output, exported_by)
    finally:
        app.close()
    print(summary.text(language_from_environment()))
    return 0


def _measured(args: argparse.Namespace) -> TrainingAgreement:
    app = _open(args)
    try:
        with app.db.session() as session:
            return measure_session(session, args.files)
    finally:
        app.close()


def training_agreement(args: argparse.Namespace) -> int:
    result = _measured(args)
    if args.format == "json":
        text = json.dumps(to_json(result, args.names), ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_text(result, language_from_environment(), args.names)
    emit(text, args.output)
    return 0


def _no_participant(reviewer: str, participants: list[str]) -> Message:
    names = ", ".join(participants) or "–"
    if reviewer:
        return Message(
            f"{reviewer} har inte svarat i omgången; deltagare: {names}",
            f"{reviewer} has not answered in the round; participants: {names}",
        )
    return Message(
        f"Ange deltagaren med --reviewer; deltagare: {names}",
        f"Name the participant with --reviewer; participants: {names}",
    )


def training_report(args: argparse.Namespace) -> int:
    result = _measured(args)
    write_training_pdf(result, args.output, args.names)
    print(_t(f"Skrev {args.output}", f"Wrote {args.output}"))
    return 0
