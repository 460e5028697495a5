"""Where a value came from (sheet, row, column) and how a cell is read: text, yes/no, numbers."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from reviewer.checklists.rules import Issue
from reviewer.checklists.xlsx.layout import FALSE, NO, TRUE, YES
from reviewer.domain.personnummer import redact
from reviewer.domain.text import Message


@dataclass(frozen=True)
class Place:
    sheet: str
    row: int | None = None
    column: str | None = None  # the heading as written in the file

    def message(self) -> Message:
        sv, en = self.sheet, self.sheet
        if self.row is not None:
            sv, en = f"{sv}, rad {self.row}", f"{en}, row {self.row}"
        if self.column is not None:
            column = redact(self.column)
            sv, en = f"{sv}, kolumn '{column}'", f"{en}, column '{column}'"
        return Message(sv, en)


@dataclass
class Reader:
    """Builds the file-format dict from the sheets and remembers which cell each JSON path came from."""

    places: dict[str, Place] = field(default_factory=dict)
    issues: list[tuple[Place, Issue]] = field(default_factory=list)

    def error(self, place: Place, path: str, sv: str, en: str, key: str | None = None) -> None:
        self.issues.append((place, Issue(path, Message(sv, en), key, place.message())))

    def place_of(self, path: str) -> Place | None:
        while True:
            if path in self.places:
                return self.places[path]
            shorter = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", path)
            if shorter == path:
                return None
            path = shorter


@dataclass
class Sheet:
    name: str  # as found in the workbook
    headings: dict[str, str]  # field name → heading as written
    index: dict[str, int]  # field name → 0-based column
    rows: list[tuple[int, tuple[Any, ...]]]

    def cell(self, values: tuple[Any, ...], name: str) -> Any:
        index = self.index.get(name)
        if index is None or index >= len(values):
            return None
        value = values[index]
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def place(self, row: int, name: str | None = None) -> Place:
        return Place(self.name, row, self.headings.get(name, name) if name else None)


def normalised(text: str) -> str:
    return " ".join(text.casefold().split())


def without_diacritics(text: str) -> str:
    """'Färdtjänst' → 'fardtjanst': the area codes are Swedish words without diacritics."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def cell_text(value: Any) -> str:
    """A cell as the user sees it: numbers without a trailing '.0', dates in ISO form, text stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def quoted(text: str, limit: int = 40) -> str:
    """A cell quoted in a message: shortened, and never with a personnummer in it."""
    text = redact(text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def read_yes_no(reader: Reader, place: Place, path: str, value: Any, key: str | None) -> bool:
    text = normalised(cell_text(value))
    if text in TRUE:
        return True
    if text in FALSE or not text:
        return False
    reader.error(place, path, f"{quoted(text)} är varken ja eller nej", f"{quoted(text)} is neither ja nor nej", key)
    return False


def read_number(reader: Reader, place: Place, path: str, value: Any, key: str | None) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = cell_text(value).replace("\u2212", "-").replace(",", ".").replace(" ", "").replace("\u00a0", "")
        try:
            number = float(text)
        except ValueError:
            number = math.nan
    if math.isfinite(number):
        return number
    shown = quoted(cell_text(value))
    reader.error(place, path, f"{shown} är inget tal", f"{shown} is not a number", key)
    return None


def read_whole_number(reader: Reader, place: Place, path: str, value: Any) -> int | None:
    """Excel stores every number as a decimal: a version typed as 2 may come back as 2.0."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = cell_text(value)
    if re.fullmatch(r"\d+", text):
        return int(text)
    reader.error(place, path, f"{quoted(text)} är inget heltal", f"{quoted(text)} is not a whole number")
    return None
