"""The last guard of an anonymised export: before anything is written, the finished file is read back and every text
in it is scanned for a personnummer or samordningsnummer and for every case code and name in the database. One hit
and nothing is written; the error names the kind of thing found, never the thing.

The result types already leave all of this out; the guard is there for the mistake nobody foresaw (a round named
after a case, a checklist option typed with a case code, a label changed in code).

How a text is searched: texts are split into words (runs of letters and digits) and compared case-insensitively; a
case code or name matches when its words occur in a row ("MB-2024-0012" matches "mb 2024 0012", never "MB-2024-00123"),
the last one also in the Swedish genitive ("Anna Bergs omgång").
Strings shorter than two characters are ignored. Numbers the program computed (counts, percentages, sums) are not
scanned: a sum of 1 912 011 234 kr is not a personnummer, and a count of 12 is not case 12.

False positives: a reviewer called "Man", "En" or "Av" (or with those initials) would otherwise stop every export,
since the words occur in the checklist's questions and the export's own headings. A case code or name made only of
such words – the export's vocabulary: the checklist's texts from the database and the program's fixed texts – is not
searched for: in the file it cannot be told apart from the ordinary word, so finding it would prove nothing and
refusing would protect no one. The same goes for a single number of fewer than five digits (a case numbered "12" or
"2024"), which reads as a count or a year. Everything else is searched for everywhere, also inside longer texts
such as a round's name, which is refused if it contains a reviewer's full name or a case code.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any, Literal
from xml.etree import ElementTree

from reviewer.domain.personnummer import find_personnummer
from reviewer.domain.text import Message, ReviewerError
from reviewer.reports.common import program_texts
from reviewer.services.anonymisation import ForbiddenStrings

Kind = Literal["personnummer", "samordningsnummer", "case_code", "name"]

_WORD = re.compile(r"[^\W_]+")
_MIN_LENGTH = 2
_MIN_NUMBER_DIGITS = 5

_KIND_WORDS: dict[Kind, tuple[str, str]] = {
    "personnummer": ("ett personnummer", "a personal identity number (personnummer)"),
    "samordningsnummer": ("ett samordningsnummer", "a coordination number (samordningsnummer)"),
    "case_code": ("ett ärendes kod", "a case code"),
    "name": ("en granskares eller användares namn", "a reviewer's or user's name"),
}


class ExportRefusedError(ReviewerError):
    """The finished export contained something that identifies a person or a case; nothing was written."""

    def __init__(self, kind: Kind, where: Message) -> None:
        kind_sv, kind_en = _KIND_WORDS[kind]
        super().__init__(
            Message(
                f"Exporten stoppades: {where.sv} skulle ha innehållit {kind_sv}. Ingenting skrevs. Kontrollera "
                "omgångarnas namn och checklistans texter.",
                f"The export was stopped: {where.en} would have contained {kind_en}. Nothing was written. Check the "
                "rounds' names and the checklist's texts.",
            )
        )
        self.kind = kind


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


class ExportGuard:
    def __init__(self, forbidden: ForbiddenStrings, ordinary_texts: Iterable[str] = ()) -> None:
        vocabulary = {w for text in [*ordinary_texts, *program_texts()] for w in words(text)}
        self._by_first_word: dict[str, list[tuple[tuple[str, ...], Kind]]] = {}
        for strings, kind in ((forbidden.case_codes, "case_code"), (forbidden.names, "name")):
            for string in strings:
                sequence = tuple(words(string))
                if len(string.strip()) < _MIN_LENGTH or not sequence or all(w in vocabulary for w in sequence):
                    continue
                if len(sequence) == 1 and sequence[0].isdecimal() and len(sequence[0]) < _MIN_NUMBER_DIGITS:
                    continue
                self._by_first_word.setdefault(sequence[0], []).append((sequence, kind))  # type: ignore[arg-type]

    def find(self, text: str) -> Kind | None:
        """What identifying thing `text` contains, if any."""
        found = find_personnummer(text)
        if found:
            return found[0].kind
        sequence = words(text)
        for start, word in enumerate(sequence):
            for pattern, kind in self._by_first_word.get(word, ()) or self._by_first_word.get(word[:-1], ()):
                found_words = sequence[start : start + len(pattern)]
                if len(found_words) == len(pattern) and all(
                    w == p or (last and w == p + "s")  # the Swedish genitive: "Anna Bergs omgång"
                    for w, p, last in zip(found_words, pattern, _last_flags(len(pattern)), strict=True)
                ):
                    return kind
        return None

    def check(self, texts: Iterable[str], where: Message) -> None:
        for text in set(texts):  # a question's text is on every row of the CSV: once is enough
            kind = self.find(text)
            if kind is not None:
                raise ExportRefusedError(kind, where)


def _last_flags(length: int) -> list[bool]:
    return [False] * (length - 1) + [True]


# ---------------------------------------------------------------------------------------------------------------
# The texts of a finished file


def csv_texts(text: str, delimiter: str, numeric_columns: Iterable[str]) -> Iterator[str]:
    """Every field of a CSV file except those in the named numeric columns (by the header row)."""
    rows = csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter)
    header = next(rows, [])
    yield from header
    skip = {i for i, name in enumerate(header) if name in set(numeric_columns)}
    for row in rows:
        yield from (field for i, field in enumerate(row) if i not in skip)


def json_texts(text: str) -> Iterator[str]:
    """Every string of a JSON document, keys included; numbers are the program's own."""

    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for key, value in node.items():
                yield key
                yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    yield from walk(json.loads(text))


_SPREADSHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def xlsx_texts(data: bytes) -> Iterator[str]:
    """Every text of a workbook: cell strings (shared and inline), sheet names, chart texts and document
    properties. Numeric cells and a chart's cached numbers are the program's own; styles and themes hold none of
    the user's text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.endswith(".xml") or name.startswith(("xl/styles", "xl/theme")):
                continue
            root = ElementTree.fromstring(archive.read(name))  # noqa: S314 - our own file, just written
            if name.startswith("xl/worksheets/"):
                yield from _sheet_strings(root)
            elif name == "xl/workbook.xml":
                yield from (sheet.get("name", "") for sheet in root.iter(f"{_SPREADSHEET}sheet"))
                yield from (element.text or "" for element in root.iter(f"{_SPREADSHEET}definedName"))
            else:
                yield from _element_texts(root, skip={f"{_CHART}numCache", f"{_CHART}numLit"})


def _sheet_strings(root: ElementTree.Element) -> Iterator[str]:
    for cell in root.iter(f"{_SPREADSHEET}c"):
        kind = cell.get("t")
        if kind == "inlineStr":
            yield from (t.text or "" for t in cell.iter(f"{_SPREADSHEET}t"))
        elif kind == "str":
            value = cell.find(f"{_SPREADSHEET}v")
            if value is not None and value.text:
                yield value.text


def _element_texts(element: ElementTree.Element, skip: set[str]) -> Iterator[str]:
    if element.tag in skip:
        return
    if element.text and element.text.strip():
        yield element.text
    for child in element:
        yield from _element_texts(child, skip)
