"""`reviewer training new-round`, `add-case` and `export-pack`: making a pack in the program
(docs/training-packs.md, "Making a pack in the program")."""

from __future__ import annotations

import argparse

from reviewer.cli.training import _open, _t
from reviewer.domain.sex import Sex
from reviewer.domain.text import Message
from reviewer.services import checklists as checklist_service
from reviewer.services.cases import CaseInput
from reviewer.services.files import read_bytes
from reviewer.services.rounds import find_round_by_name
from reviewer.services.settings import load_settings
from reviewer.services.training import TrainingError
from reviewer.services.training_authoring import (
    MAX_CASE_TEXT,
    add_training_case,
    create_authoring_round,
    export_pack,
    write_pack,
)
from reviewer.training.schema import FeedbackMode


def training_new_round(args: argparse.Namespace) -> int:
    slug, version = checklist_service.parse_reference(args.checklist)
    app = _open(args)
    try:
        actor = load_settings(app.paths.config_dir).reviewer or ""
        with app.db.session() as session:
            checklist = checklist_service.get_version(session, slug, version)
            round_ = create_authoring_round(
                session,
                args.name,
                checklist,
                args.title or args.name,
                FeedbackMode.AT_END if args.feedback_at_end else FeedbackMode.AFTER_EACH_CASE,
                args.description,
                actor,
            )
            name, reference = round_.name, f"{checklist.slug}@{checklist.version}"
    finally:
        app.close()
    print(
        _t(
            f"Skapade övningsomgången {name} ({reference}). Lägg till fall med 'reviewer training add-case', "
            "granska varje fall en gång med motiveringen som anteckning och exportera med "
            "'reviewer training export-pack'.",
            f"Created the training round {name} ({reference}). Add cases with 'reviewer training add-case', review "
            "each case once with the rationale as the note and export with 'reviewer training export-pack'.",
        )
    )
    return 0


def _case_text(args: argparse.Namespace) -> str:
    def refuse(sv: str, en: str) -> Exception:
        return TrainingError(Message(sv, en))

    data = read_bytes(args.text_file, args.text_file.name, refuse, MAX_CASE_TEXT * 4)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise refuse(
            f"Filen {args.text_file.name} är inte en UTF-8-textfil",
            f"The file {args.text_file.name} is not a UTF-8 text file",
        ) from None


def training_add_case(args: argparse.Namespace) -> int:
    text = _case_text(args)
    app = _open(args)
    try:
        actor = load_settings(app.paths.config_dir).reviewer or ""
        with app.db.session() as session:
            round_ = find_round_by_name(session, args.round_name)
            case = add_training_case(
                session, round_.uuid, CaseInput(args.code, Sex(args.sex), args.age_band), text, actor
            )
            code, name = case.case_code, round_.name
    finally:
        app.close()
    print(
        _t(
            f"Lade till fallet {code} i övningsomgången {name} ({len(text.strip())} tecken text)",
            f"Added the case {code} to the training round {name} ({len(text.strip())} characters of text)",
        )
    )
    return 0


def training_export_pack(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        with app.db.session() as session:
            pack = export_pack(session, args.round_name, args.slug, args.version, args.author)
    finally:
        app.close()
    write_pack(pack, args.output)
    print(
        _t(
            f"Sparade paketet {pack.slug} version {pack.version} ({len(pack.cases)} fall) i {args.output}",
            f"Saved the pack {pack.slug} version {pack.version} ({len(pack.cases)} cases) to {args.output}",
        )
    )
    return 0
