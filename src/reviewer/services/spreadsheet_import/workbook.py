"""Reading the first sheet of an XLSX workbook as rows of cell values, refusing what would otherwise be read wrongly.

A formula cell holds its formula and, when the program that saved the file computed it, the result. Excel and
LibreOffice save the result; other tools (scripts, some web exports) often do not, and such a cell would read as empty:
an answer silently missing. So the sheet's XML is searched for formulas without a result, and each one is named (sheet
and cell). The search is a byte scan that finds nothing in a workbook without formulas, and a streamed parse only when
there are some.

An XLSX file is a zip archive; its declared unpacked size is checked before anything is unpacked, so a small file
that unpacks to gigabytes (a zip bomb) is refused at once. Python's zipfile never unpacks more than a member declares.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from typing import IO, Any
from xml.etree import ElementTree

from reviewer.domain.personnummer import redact
from reviewer.domain.text import Message
from reviewer.services.spreadsheet_import.results import MAX_ISSUES, ImportIssue, SpreadsheetImportError, _file_error

Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None

MAX_UNPACKED_RATIO = 100  # XML compresses 5-20 times
MIN_UNPACKED_CAP = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 1 << 30
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_SCAN_CHUNK = 1 << 20


def read_xlsx(name: str, data: bytes) -> list[list[Cell]]:
    """The first sheet's rows, text stripped and empty cells None; raises SpreadsheetImportError."""
    import openpyxl  # imported here: the CLI should not pay for it unless a workbook is read

    not_excel = _file_error(
        f"Filen {name} kunde inte läsas som en Excel-arbetsbok (.xlsx)",
        f"The file {name} could not be read as an Excel workbook (.xlsx)",
    )
    _check_unpacked_size(name, data, not_excel)
    records: list[list[Cell]] = []
    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it does not know; they do not matter for the values.
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:
            raise not_excel from None
        try:
            if not workbook.worksheets:
                raise not_excel
            sheet = workbook.worksheets[0]
            for values in sheet.iter_rows(values_only=True):
                records.append([(v.strip() or None) if isinstance(v, str) else v for v in values])
            without_value = _formulas_without_value(workbook._archive, sheet._worksheet_path)
            title = redact(str(sheet.title))
        except SpreadsheetImportError:
            raise
        except Exception:
            raise not_excel from None
        finally:
            workbook.close()
    if without_value:
        raise _formula_error(name, title, without_value)
    return records


def _check_unpacked_size(name: str, data: bytes, not_excel: SpreadsheetImportError) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise not_excel from None
    limit = min(MAX_UNPACKED_BYTES, max(MIN_UNPACKED_CAP, MAX_UNPACKED_RATIO * len(data)))
    if unpacked > limit:
        raise _file_error(
            f"Filen {name} är skadad eller konstruerad för att fylla minnet: den packas upp till "
            f"{unpacked // 1_000_000} MB, orimligt mycket för en arbetsbok på {max(1, len(data) // 1_000_000)} MB",
            f"The file {name} is damaged or made to fill the memory: it unpacks to {unpacked // 1_000_000} MB, "
            f"unreasonably much for a workbook of {max(1, len(data) // 1_000_000)} MB",
        )


def _formulas_without_value(archive: Any, member: str) -> list[str]:
    """The references of the sheet's cells that hold a formula but no saved result, in sheet order."""
    with archive.open(member) as stream:
        if not _has_formula(stream):
            return []
    found: list[str] = []
    with archive.open(member) as stream:
        # The parser openpyxl reads the sheet with; expat refuses entity expansion and ElementTree never fetches
        # external entities.
        for _event, element in ElementTree.iterparse(stream, events=("end",)):  # noqa: S314
            tag = element.tag.rpartition("}")[2]
            if tag == "c":
                parts = {child.tag.rpartition("}")[2]: child for child in element}
                value = parts.get("v")
                # An empty result is saved as an empty <v> only for a text result (t="str"); openpyxl and others
                # write <v/> for "not computed".
                if "f" in parts and (value is None or (not value.text and element.get("t") != "str")):
                    found.append(element.get("r") or "?")
                element.clear()
            elif tag == "row":
                element.clear()
    return found


def _has_formula(stream: IO[bytes]) -> bool:
    tail = b""
    while chunk := stream.read(_SCAN_CHUNK):
        if _FORMULA_TAG.search(tail + chunk):
            return True
        tail = chunk[-64:]
    return False


def _formula_error(name: str, sheet: str, references: list[str]) -> SpreadsheetImportError:
    issues = []
    for reference in references[:MAX_ISSUES]:
        match = _REFERENCE.fullmatch(reference)
        row, column = (int(match.group(2)), match.group(1)) if match else (None, None)
        issues.append(
            ImportIssue(
                row,
                column,
                Message(
                    f"cellen {reference} på bladet '{sheet}' har en formel men inget sparat resultat, så dess värde "
                    "kan inte läsas",
                    f"the cell {reference} on the sheet '{sheet}' holds a formula but no saved result, so its value "
                    "cannot be read",
                ),
            )
        )
    count = len(references)
    return SpreadsheetImportError(
        Message(
            f"Filen {name} har {count} {'formelcell' if count == 1 else 'formelceller'} utan sparat resultat (den är "
            "sparad av ett annat program än Excel eller LibreOffice). Öppna den i Excel eller LibreOffice och spara "
            "den igen, eller ersätt formlerna med sina värden. Ingenting har sparats.",
            f"The file {name} has {count} formula {'cell' if count == 1 else 'cells'} without a saved result (it was "
            "saved by a program other than Excel or LibreOffice). Open it in Excel or LibreOffice and save it again, "
            "or replace the formulas by their values. Nothing was saved.",
        ),
        issues,
        max(0, count - MAX_ISSUES),
    )
