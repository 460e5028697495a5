"""The lexicon as a file the unit chief edits in Excel (XLSX or CSV) or a text editor (YAML), and back.

Every format holds the same three columns (grundform, grupp, former; reviewer.domain.wording.rows). A file is read
completely and checked before anything is saved, and a fault names its row – as Excel numbers rows – so importing a
broken file changes nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import Session

from reviewer.domain.personnummer import redact
from reviewer.domain.text import Message, ReviewerError
from reviewer.domain.wording import Lexicon, LexiconEntry
from reviewer.domain.wording.rows import HEADER, entries_from_rows, entries_to_rows
from reviewer.services.lexicon import save_lexicon
from reviewer.services.spreadsheet_import.table import _delimiter
from reviewer.services.spreadsheet_import.workbook import read_xlsx

FORMATS = (".xlsx", ".csv", ".yaml", ".yml")
MAX_FILE_BYTES = 20 * 1024 * 1024
_SHEET = "Ordlista"


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ReviewerError(
            Message(
                f"Filen {redact(path.name)} är varken Excel (.xlsx), CSV (.csv) eller YAML (.yaml).",
                f"The file {redact(path.name)} is neither Excel (.xlsx), CSV (.csv) nor YAML (.yaml).",
            )
        )
    return ".yaml" if suffix == ".yml" else suffix


def _text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReviewerError(
            Message(
                f"Filen {name} är inte sparad som UTF-8. Spara den i Excel som ”CSV UTF-8” och försök igen.",
                f"The file {name} is not saved as UTF-8. Save it in Excel as 'CSV UTF-8' and try again.",
            )
        ) from None


def _yaml_rows(name: str, text: str) -> list[Sequence[object]]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        data = None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ReviewerError(
            Message(
                f"Filen {name} är ingen ordlista i YAML: en lista med grundform, grupp och former väntades.",
                f"The file {name} is not a lexicon in YAML: a list with lemma, group and forms was expected.",
            )
        )
    rows: list[Sequence[object]] = [HEADER]
    for item in data:
        forms = item.get(HEADER[2], item.get("forms", ""))
        rows.append(
            (
                item.get(HEADER[0], item.get("lemma")),
                item.get(HEADER[1], item.get("group")),
                ", ".join(str(form) for form in forms) if isinstance(forms, list) else forms,
            )
        )
    return rows


def read_lexicon_file(path: Path) -> tuple[LexiconEntry, ...]:
    """The entries of a file, checked; raises ReviewerError naming the file, and the row of the first fault."""
    kind = _format_of(path)
    name = redact(path.name)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ReviewerError(Message(f"Filen {name} är för stor för en ordlista.", f"The file {name} is too large."))
        data = path.read_bytes()
    except OSError as error:
        raise ReviewerError(
            Message(f"Filen {name} kunde inte läsas ({error.strerror}).", f"Could not read {name} ({error.strerror}).")
        ) from None
    rows: list[Sequence[object]]
    if kind == ".xlsx":
        rows = list(read_xlsx(name, data))
    elif kind == ".csv":
        text = _text(name, data)
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0])))
    else:
        rows = _yaml_rows(name, _text(name, data))
    try:
        entries = entries_from_rows(rows)
    except ReviewerError as error:
        raise ReviewerError(Message(f"{name}: {error.message.sv}", f"{name}: {error.message.en}")) from error
    if not entries:
        raise ReviewerError(Message(f"Filen {name} har inga ord.", f"The file {name} has no entries."))
    return entries


def import_lexicon(session: Session, path: Path, actor: str, note: str) -> int:
    """Read, check and save a file as the next version; returns its number."""
    return save_lexicon(session, read_lexicon_file(path), actor, note or f"Importerad från {redact(path.name)}")


def write_lexicon_file(lexicon: Lexicon, path: Path) -> None:
    """XLSX with bold frozen headings, CSV with semicolons for Swedish Excel, or YAML – by the file's suffix."""
    kind = _format_of(path)
    rows = entries_to_rows(lexicon.entries)
    if kind == ".csv":
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    elif kind == ".yaml":
        items: list[dict[str, Any]] = [
            {HEADER[0]: lemma, HEADER[1]: group, HEADER[2]: [form for form in forms.split(", ") if form]}
            for lemma, group, forms in rows[1:]
        ]
        path.write_text(yaml.safe_dump(items, allow_unicode=True, sort_keys=False), encoding="utf-8")
    else:
        _write_xlsx(rows, path)


def _write_xlsx(rows: list[tuple[str, str, str]], path: Path) -> None:
    import openpyxl  # imported here: starting the program should not pay for it
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _SHEET
    for row in rows:
        sheet.append(list(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABC", (24, 16, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    workbook.save(path)
