"""The audit trail of a period as CSV or XLSX for the unit chief or the data-protection officer.

Unlike the anonymised exports this file holds personal data (case codes, reviewers' initials): it says so in its first
line (CSV) or first row and document properties (XLSX), is written only by `reviewer audit export` or the menu
action, and is created readable by its owner alone (mode 0600 on POSIX, from `write_atomically`'s temporary file).
The CSV shares the anonymised CSV's writer, so Swedish Excel opens both alike (docs/audit-trail.md).
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reviewer import __version__
from reviewer.domain.personnummer import redact
from reviewer.domain.text import Language, Message, ReviewerError
from reviewer.reports.csv_export import excel_csv
from reviewer.services.audit_trail import COLUMNS, INTERNAL, TITLE, AuditRow, Period, local_time
from reviewer.services.files import write_atomically

FORMATS = ("csv", "xlsx")
PROGRAM = f"reviewer {__version__}"
_WIDTHS = (20, 8, 26, 16, 10, 30, 44, 24, 36)


class AuditExportError(ReviewerError):
    pass


def export_format(path: Path) -> str:
    """csv or xlsx by the file name's extension; checked before any work is done."""
    chosen = path.suffix.lower().lstrip(".")
    if chosen not in FORMATS:
        raise AuditExportError(
            Message(
                f"Filen {redact(path.name)} ska sluta på .csv eller .xlsx",
                f"The file {redact(path.name)} must end in .csv or .xlsx",
            )
        )
    return chosen


def check_target(path: Path) -> None:
    """Refuse a target that cannot be written before the events are read, so a mistake costs nothing."""
    export_format(path)
    folder = path.parent
    shown = redact(str(path))
    if path.is_dir():
        raise _cannot_write(shown, Message("det är en mapp", "it is a folder"))
    if not folder.is_dir():
        raise _cannot_write(shown, Message("mappen finns inte", "the folder does not exist"))
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise _cannot_write(shown, Message("skrivrättighet saknas", "no permission to write"))


def _cannot_write(shown: str, reason: Message) -> AuditExportError:
    return AuditExportError(
        Message(
            f"Händelseloggen kan inte sparas som {shown} ({reason.sv}). Ingenting har skrivits.",
            f"The audit trail cannot be saved as {shown} ({reason.en}). Nothing was written.",
        )
    )


def _heading(period: Period, language: Language) -> list[str]:
    exported = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    return [
        f"{TITLE.text(language)} {period.text()}",
        Message(f"exporterad {exported}", f"exported {exported}").text(language),
        PROGRAM,
    ]


def render_csv(rows: Sequence[AuditRow], period: Period, language: Language) -> str:
    header = [c.text(language) for c in COLUMNS]
    lines: list[Sequence[str]] = [[INTERNAL.text(language)], _heading(period, language), [], header]
    lines.extend([local_time(row.at), *row[1:]] for row in rows)
    return excel_csv(lines)


def render_xlsx(rows: Sequence[AuditRow], period: Period, language: Language) -> bytes:
    """A write-only workbook: 200 000 rows stream out without a cell object kept per value."""
    workbook = Workbook(write_only=True)
    sheet: WriteOnlyWorksheet = workbook.create_sheet(TITLE.text(language))
    for index, width in enumerate(_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A5"
    sheet.auto_filter.ref = f"A4:I{len(rows) + 4}"
    warning = WriteOnlyCell(sheet, INTERNAL.text(language))
    warning.font = Font(bold=True, size=13, color="C00000")
    sheet.append([warning])
    sheet.append(_heading(period, language))
    sheet.append([])
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, column.text(language))
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        when = WriteOnlyCell(sheet, row.at.astimezone().replace(tzinfo=None, microsecond=0))
        when.number_format = "yyyy-mm-dd hh:mm:ss"
        sheet.append([when, *row[1:]])
    workbook.properties.creator = PROGRAM
    workbook.properties.title = f"{TITLE.text(language)} {period.text()}"
    workbook.properties.subject = INTERNAL.text(language)
    workbook.properties.category = INTERNAL.text(language)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_audit(rows: Sequence[AuditRow], period: Period, path: Path, language: Language) -> None:
    """Render in the format the name asks for and write atomically: on any failure the target is left as it was."""
    chosen = export_format(path)
    data: str | bytes = render_csv(rows, period, language) if chosen == "csv" else render_xlsx(rows, period, language)
    try:
        write_atomically(path, data)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise _cannot_write(redact(str(path)), Message(reason, reason)) from None
