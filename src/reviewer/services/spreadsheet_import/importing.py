"""Validating a whole file against a round, and storing it in one transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from reviewer.domain.personnummer import redact
from reviewer.domain.text import Message
from reviewer.services import audit
from reviewer.services.bulk_reviews import ReviewedCase, insert_reviewed_cases
from reviewer.services.cases import round_definition
from reviewer.services.files import read_bytes
from reviewer.services.rounds import get_round, require_real_rounds
from reviewer.services.spreadsheet_import.columns import CASE_CODE, _Column, _read_header
from reviewer.services.spreadsheet_import.results import ImportSummary, SpreadsheetImportError, _file_error, _Issues
from reviewer.services.spreadsheet_import.rows import _Plan, _RowValidator
from reviewer.services.spreadsheet_import.table import _blank, _cell_text, _read_table, _Table
from reviewer.storage.models import (
    Case,
    ImportRecord,
    Round,
)

SPREADSHEET_FORMAT_VERSION = 1
IMPORT_KIND = "spreadsheet"
PROGRESS_EVERY = 250
MAX_FILE_BYTES = 200 * 1024 * 1024  # ten thousand rows of a 60-question checklist are a few MB

Progress = Callable[[int, int], None]


def _prior_import(session: Session, round_: Round, digest: str) -> ImportRecord | None:
    for record in session.exec(select(ImportRecord).where(ImportRecord.file_sha256 == digest)).all():
        try:
            summary = json.loads(record.summary_json)
        except ValueError:
            continue
        if (
            isinstance(summary, dict)
            and summary.get("kind") == IMPORT_KIND
            and summary.get("round_uuid") == round_.uuid
        ):
            return record
    return None


def _codes_in_file(table: _Table, columns: list[_Column]) -> set[str]:
    code_column = next((c for c in columns if c.kind == "fixed" and c.key == CASE_CODE), None)
    if code_column is None:
        return set()
    return {
        _cell_text(cells[code_column.index])
        for _, cells in table.rows
        if code_column.index < len(cells) and not _blank(cells[code_column.index])
    }


def _plan(
    session: Session,
    round_uuid: str,
    path: Path,
    default_reviewer: str | None,
    tick: Callable[[int, int], None],
) -> _Plan:
    path = Path(path)
    require_real_rounds(session, [round_uuid])
    round_ = get_round(session, round_uuid)
    definition = round_definition(session, round_)
    name = redact(path.name)
    # a file name is not exempt from the personnummer rule in messages
    data = read_bytes(path, redact(str(path)), _file_error, MAX_FILE_BYTES)
    digest = hashlib.sha256(data).hexdigest()
    table = _read_table(path, data)
    issues = _Issues()
    columns = _read_header(table.header, definition, issues)
    existing = set(session.exec(select(Case.case_code).where(Case.round_id == round_.id)).all())
    prior = _prior_import(session, round_, digest)
    if prior is not None and existing & _codes_in_file(table, columns):
        raise _file_error(
            f"Filen {name} har redan importerats till omgången '{round_.name}' "
            f"({prior.imported_at.date().isoformat()}); ingenting har ändrats.",
            f"The file {name} was already imported into the round '{round_.name}' "
            f"({prior.imported_at.date().isoformat()}); nothing was changed.",
        )
    validator = _RowValidator(definition, columns, existing, default_reviewer, issues)
    rows: list[ReviewedCase] = []
    total = len(table.rows)
    for done, (number, cells) in enumerate(table.rows, start=1):
        row = validator.validate(number, cells)
        if row is not None:
            rows.append(row)
        if done % PROGRESS_EVERY == 0:
            tick(done, total)
    tick(total, total)
    if issues.total:
        raise SpreadsheetImportError(
            Message(
                f"Filen {name} kan inte importeras: {issues.total} fel. Ingenting har sparats; rätta felen och "
                "försök igen.",
                f"The file {name} cannot be imported: {issues.total} error{'s' if issues.total != 1 else ''}. "
                "Nothing was saved; correct the errors and try again.",
            ),
            issues.kept,
            issues.total - len(issues.kept),
        )
    return _Plan(round_, definition, name[:260], digest, rows)


def validate_file(
    session: Session,
    round_uuid: str,
    path: Path,
    default_reviewer: str | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Read and check the whole file against the round; raises SpreadsheetImportError listing every problem.

    Writes nothing; the summary says what an import would store.
    """
    plan = _plan(session, round_uuid, path, default_reviewer, progress or (lambda _d, _t: None))
    session.rollback()
    return plan.summary()


def import_file(
    session: Session,
    round_uuid: str,
    path: Path,
    default_reviewer: str | None = None,
    actor: str = "",
    progress: Progress | None = None,
) -> ImportSummary:
    """Validate the whole file, then store every row as a case with one review in one transaction.

    `default_reviewer` is used for rows whose reviewer cell is empty (without it such rows are errors). A review is
    complete when every shown required question is answered, otherwise in progress. Progress is reported as
    (done, total) over validation and writing together.
    """
    report = progress or (lambda _d, _t: None)
    plan_total: list[int] = [0]

    def tick(done: int, total: int) -> None:
        plan_total[0] = total
        report(done, 2 * total)

    plan = _plan(session, round_uuid, path, default_reviewer, tick)
    try:
        _write(session, plan, actor, lambda done: report(plan_total[0] + done, 2 * plan_total[0]))
        session.commit()
    except IntegrityError:
        session.rollback()
        raise _file_error(
            "Omgången ändrades medan filen importerades (en ärendekod finns nu redan). Ingenting har sparats; "
            "försök igen.",
            "The round changed while the file was being imported (a case code now exists already). Nothing was "
            "saved; try again.",
        ) from None
    except BaseException:
        session.rollback()
        raise
    return plan.summary()


def _write(session: Session, plan: _Plan, actor: str, written: Callable[[int], None]) -> None:
    round_ = plan.round_
    assert round_.id is not None
    insert_reviewed_cases(session, round_.id, round_.checklist_version_id, plan.rows, written)
    summary = plan.summary()
    counts = {
        "cases": summary.cases,
        "reviews": summary.reviews,
        "answers": summary.answers,
        "complete": summary.complete,
        "in_progress": summary.in_progress,
    }
    audit.record(
        session,
        actor,
        "round",
        round_.uuid,
        "import_spreadsheet",
        file=plan.file_name,
        sha256=plan.file_sha256,
        **counts,
    )
    session.add(
        ImportRecord(
            file_name=plan.file_name,
            file_sha256=plan.file_sha256,
            format_version=SPREADSHEET_FORMAT_VERSION,
            summary_json=json.dumps(
                {
                    "kind": IMPORT_KIND,
                    "round_uuid": round_.uuid,
                    "round_name": round_.name,
                    "checklist": f"{plan.definition.slug}@{plan.definition.version}",
                    **counts,
                },
                ensure_ascii=False,
                sort_keys=True,
            ),
        )
    )
    session.flush()
