"""Reading a CSV or XLSX file into a header and rows of cells, refusing what cannot be read faithfully."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer.domain.personnummer import redact
from reviewer.domain.text import Message
from reviewer.services.spreadsheet_import.results import ImportIssue, SpreadsheetImportError, _file_error
from reviewer.services.spreadsheet_import.workbook import Cell, read_xlsx


@dataclass
class _Table:
    header: list[Cell]
    rows: list[tuple[int, list[Cell]]]  # (row number as Excel shows it, cells)


def _read_table(path: Path, data: bytes) -> _Table:
    name = redact(path.name)
    suffix = path.suffix.lower()
    if suffix in {".csv", ".txt"}:
        return _read_csv(name, data)
    if suffix in {".xlsx", ".xlsm"}:
        return _table_from_records(name, read_xlsx(name, data))
    if suffix == ".xls":
        raise _file_error(
            f"Filen {name} är i Excels gamla format (.xls). Spara den som Excel-arbetsbok (.xlsx) eller som "
            "”CSV UTF-8” och försök igen.",
            f"The file {name} is in Excel's old format (.xls). Save it as an Excel workbook (.xlsx) or as "
            "'CSV UTF-8' and try again.",
        )
    raise _file_error(
        f"Filen {name} är varken CSV (.csv) eller Excel (.xlsx); de två formaten kan importeras",
        f"The file {name} is neither CSV (.csv) nor Excel (.xlsx), the two formats that can be imported",
    )


def _delimiter(header_line: str) -> str:
    """`;` (Swedish Excel), `,` or a tab: whichever the header line has most of; `;` on a tie."""
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts.values())
    if best == 0:
        return ","
    return next(d for d in (";", ",", "\t") if counts[d] == best)


def _read_csv(name: str, data: bytes) -> _Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SpreadsheetImportError(
            Message(
                f"Filen {name} är inte sparad som UTF-8. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” "
                "och försök igen.",
                f"The file {name} is not saved as UTF-8. Save it in Excel as 'CSV UTF-8 (comma delimited)' and "
                "try again.",
            ),
            [
                ImportIssue(
                    line,
                    None,
                    Message(
                        "första tecknet som inte är UTF-8 finns på den här raden",
                        "the first character that is not UTF-8 is on this row",
                    ),
                )
            ],
        ) from None
    delimiter = _delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[Cell]] = []
    try:
        for record in reader:
            cells: list[Cell] = [c.strip() or None for c in record]
            records.append(cells)
    except csv.Error as error:
        raise SpreadsheetImportError(
            Message(f"Filen {name} är inte en giltig CSV-fil", f"The file {name} is not a valid CSV file"),
            [ImportIssue(len(records) + 1, None, Message(str(error), str(error)))],
        ) from None
    return _table_from_records(name, records)


def _table_from_records(name: str, records: list[list[Cell]]) -> _Table:
    if not records or _blank_row(records[0]):
        raise _file_error(
            f"Filen {name} har ingen rubrikrad; rad 1 ska ha kolumnnamnen (case_code, sex …)",
            f"The file {name} has no header row; row 1 must hold the column names (case_code, sex …)",
        )
    rows = [(number, cells) for number, cells in enumerate(records[1:], start=2) if not _blank_row(cells)]
    if not rows:
        raise _file_error(
            f"Filen {name} har inga rader att importera under rubrikraden",
            f"The file {name} has no rows to import below the header row",
        )
    return _Table(records[0], rows)


def _blank(cell: Cell) -> bool:
    """Cells are stripped when read, and an empty one becomes None."""
    return cell is None


def _blank_row(cells: Sequence[Cell]) -> bool:
    return all(c is None for c in cells)


def _cell_text(cell: Cell) -> str:
    """A cell as the user sees it: numbers without a trailing '.0', dates in ISO form, text stripped."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(sep=" ")
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    return str(cell).strip()
