"""The lexicon as rows of a table – the shape of the spreadsheet the unit chief edits and of the built-in list.

Three columns, found by their heading in either language: lemma/grundform, group/grupp, forms/former. A row with no
lemma is skipped (Excel leaves empty rows behind); any other bad row is refused with its row number, as the
spreadsheet shows it, so the unit chief can find it.

Pure: no SQL, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reviewer.domain.text import Message
from reviewer.domain.wording.lexicon import (
    Lexicon,
    LexiconEntry,
    LexiconError,
    WordGroup,
    format_forms,
    normalise,
    parse_forms,
    parse_group,
)

# Written in Swedish, for the unit chief who edits the sheet; read in either language, and a group by its code too.
HEADER = ("grundform", "grupp", "former")
GROUP_NAMES = {
    WordGroup.EMOTION: "känslor",
    WordGroup.CHARACTER: "karaktär",
    WordGroup.APPEARANCE: "utseende",
    WordGroup.FAMILY_ROLE: "familjeroller",
}
_HEADINGS = {
    "lemma": ("lemma", "grundform", "ord"),
    "group": ("group", "grupp", "ordgrupp"),
    "forms": ("forms", "former", "böjningsformer", "ordformer"),
}


def entries_to_rows(entries: Iterable[LexiconEntry]) -> list[tuple[str, str, str]]:
    return [HEADER, *((entry.lemma, GROUP_NAMES[entry.group], format_forms(entry.forms)) for entry in entries)]


def _columns(header: Sequence[str]) -> dict[str, int]:
    names = [normalise(str(cell or "").strip()) for cell in header]
    columns = {}
    for key, headings in _HEADINGS.items():
        found = [i for i, name in enumerate(names) if name in headings]
        if not found:
            raise LexiconError(
                Message(
                    f"Rad 1 saknar kolumnen ”{headings[1]}” (rubrikerna ska vara grundform, grupp, former).",
                    f"Row 1 has no column “{key}” (the headings are lemma, group, forms).",
                )
            )
        columns[key] = found[0]
    return columns


def _cell(row: Sequence[object], index: int) -> str:
    value = row[index] if index < len(row) else None
    return "" if value is None else str(value).strip()


def entries_from_rows(rows: Iterable[Sequence[object]]) -> tuple[LexiconEntry, ...]:
    """Entries from a table whose first row is the heading; raises LexiconError naming the row of the first fault,
    including a form two rows share."""
    iterator = iter(rows)
    header = next(iterator, None)
    if header is None:
        raise LexiconError(Message("Filen är tom.", "The file is empty."))
    columns = _columns([str(cell or "") for cell in header])
    entries: list[LexiconEntry] = []
    numbers: list[int] = []
    for number, row in enumerate(iterator, start=2):
        lemma = _cell(row, columns["lemma"])
        if not lemma:
            if any(_cell(row, i) for i in columns.values()):
                raise LexiconError(Message(f"Rad {number}: grundform saknas.", f"Row {number}: the lemma is missing."))
            continue
        try:
            group = parse_group(_cell(row, columns["group"]))
            entries.append(LexiconEntry(lemma, group, parse_forms(_cell(row, columns["forms"]))))
        except LexiconError as error:
            raise in_row(error, number) from error
        numbers.append(number)
    try:
        Lexicon(1, tuple(entries))
    except LexiconError as error:
        raise in_row(error, numbers[error.index or 0]) from error
    return tuple(entries)


def in_row(error: LexiconError, number: int) -> LexiconError:
    """The error with the row it is in, as the unit chief sees the row numbered."""
    return LexiconError(Message(f"Rad {number}: {error.message.sv}", f"Row {number}: {error.message.en}"), error.index)
