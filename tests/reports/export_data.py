"""A round built to tempt the anonymised exports: the aggregation tests' checklist and known answers (50 women, 49
men, 3 annat/okänt), with distinctive case codes, reviewer names, an audit actor, free-text answers and notes that
must never appear in an exported file."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from reviewer.bootstrap import App, bootstrap
from reviewer.reports.guard import ExportGuard
from reviewer.services.anonymisation import (
    AnonymisedResult,
    ExportRequest,
    build_anonymised,
    checklist_texts,
    forbidden_strings,
)
from reviewer.services.checklists import ChecklistNotFoundError, get_version
from tests.services.aggregation_data import SLUG, Case, add_checklist, add_round, checklist_data, known_cases

ROUND = "Granskning 2026"
CODE_PREFIX = "HEMLIGKOD"
REVIEWERS = ("Zelmira Quistgaard", "Oddvar Yxhammar", "QX")
ACTOR = "Ulvhild Brännström-Pettersson"
FREE_TEXT = "Klienten Xylofonsson berättade om sin bror"
NOTE = "Anteckning om Zebulon Wärmland"


def secrets() -> list[str]:
    """Every string that must not be in an export."""
    return [f"{CODE_PREFIX}-0007", f"{CODE_PREFIX}-0101", *REVIEWERS, ACTOR, FREE_TEXT, NOTE, "Xylofonsson", "Zebulon"]


def tempting_cases() -> list[Case]:
    cases = known_cases()
    tempting = []
    for number, case in enumerate(cases):
        answers = dict(case.answers)
        notes = dict(case.notes)
        if "kommentar" in answers:
            answers["kommentar"] = FREE_TEXT
        if number % 7 == 0:
            notes["fragat"] = NOTE
        tempting.append(replace(case, answers=answers, notes=notes, reviewer=REVIEWERS[number % len(REVIEWERS)]))
    return tempting


def add_tempting_round(session: Any, name: str = ROUND, cases: list[Case] | None = None) -> str:
    """The round (creating the test checklist if needed); returns its UUID."""
    try:
        get_version(session, SLUG)
    except ChecklistNotFoundError:
        add_checklist(session, checklist_data())
    cases = cases if cases is not None else tempting_cases()
    return add_round(session, name, cases, code_prefix=CODE_PREFIX, actor=ACTOR)


def build(app: Any, round_uuid: str, **request: Any) -> tuple[AnonymisedResult, ExportGuard]:
    """The anonymised result and the guard the CLI would use."""
    with app.db.session() as session:
        result = build_anonymised(session, ExportRequest((round_uuid,), **request))
        guard = ExportGuard(forbidden_strings(session), checklist_texts(session, result.method.checklist_slug))
    return result, guard


def tempting_app(tmp_path_factory: Any) -> Iterator[tuple[App, str]]:
    """A data folder with the tempting round, for a whole test module (building it takes a second)."""
    app = bootstrap(data_dir=tmp_path_factory.mktemp("exports") / "data")
    try:
        with app.db.session() as session:
            round_uuid = add_tempting_round(session)
        yield app, round_uuid
    finally:
        app.close()


def readable(data: bytes) -> str:
    """All the text of an exported file: the file itself, or every part of a workbook."""
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return data.decode("utf-8")


def assert_no_secrets(data: bytes) -> None:
    text = readable(data).casefold()
    for secret in secrets():
        assert secret.casefold() not in text, secret
    assert CODE_PREFIX.casefold() not in text
