"""Finding Swedish personnummer and samordningsnummer in free text, so the program can refuse to store them.

The program must never store or export a personnummer (personal identity number) or a samordningsnummer
(coordination number): every free text the user types or imports goes through `guard_text` (or
`contains_personnummer`) before it is saved, and `redact` is for anything written to a log.

Forms recognised, wherever they stand (next to letters, underscores or punctuation too, only never inside a longer
run of digits)::

    YYMMDD-NNNC     YYYYMMDD-NNNC     (the separator may be "-" or "+", with or without a space on either side,
                                       one space, or nothing)
    YY MM DD-NNNC   YYYY MM DD-NNNC   (the date's pairs may be spaced)

C is a Luhn check digit over YYMMDDNNN; a samordningsnummer has 60 added to the day (61-91).

How the work is split
---------------------
Finding candidates in running text is ours: at every digit that starts a run of digits, two regexes compiled at
import time try the 12- and the 10-digit form (both, so that a refused reading such as "Rum 12 811228-9874" as a
12-digit number does not hide the 10-digit one inside it). Only those few candidates are handed to the PyPI package
`personnummer`, which checks the Luhn digit and that the date exists on the calendar, and knows the samordningsnummer
day+60 rule (`python-stdnum` rejects samordningsnummer, so it cannot be used). A text without such a run of digits
never reaches the library, so the check is cheap enough for every keystroke and every cell of a large spreadsheet.

What the library does, and how it is wrapped (personnummer 3.2.1)
------------------------------------------------------------------
- It accepts "-" and "+" or no separator, but not a space: we strip whatever separator we found and always pass
  digits only.
- For a 10-digit number it infers the century from *today's date* and the separator ("+" = 100 years or more ago).
  The century only matters for 29 February in a year ending in 00 (2000 was a leap year, 1900 was not). To be
  independent of the clock and of which separator the user happened to type, we pass a 10-digit number as
  "20YYMMDDNNNC": it is a candidate if its date exists in some century (we err on the side of refusing).
- For a 12-digit number it accepts any century ("55811228-9874" is "valid", year 5581). We only accept centuries
  18, 19 and 20 - nobody alive has another one - so that long reference numbers are less often refused.
- It rejects the birth number 000 (never issued), and a day 60 or 92+ (no such date); we keep both.
- It checks that the date exists, not that it is in the past; neither do we.

Trade-offs (false positives and negatives)
------------------------------------------
We err on the side of refusing: a refused text can be rewritten, a stored personnummer cannot be taken back. A number
glued to letters ("MB121212-1212", "pnr8112289874") is refused, because case codes and notes are written that way.
The measured false-refusal rate on a corpus of ordinary texts is in `docs/personnummer-guard.md`
(`python -m benchmarks.personnummer_false_refusals`).

- Any 10-digit run whose first six digits are a real date (or a date with day+60) and whose last digit is the right
  Luhn digit is refused, whatever it really is. About one such run in 10-15 of random digits passes (a valid date
  about half the time, then the check digit one time in ten). A mobile number typed without spaces, "0701234567",
  reads as 2007-01-23 and is refused when its last digit happens to be the check digit (about one 070 number in 20;
  072/073/076/079 give month 2x-9x and never pass). Typed the usual ways, "070-123 45 67" or "070 123 45 67", it is
  never a candidate.
- A 12-digit run is only refused if it starts with 18, 19 or 20 and the rest passes as above.
- Dates ("2024-01-15"), amounts ("12 345 kr"), diarienummer ("IFO 2024-1234"), postcodes ("123 45"), case codes
  ("MB-2024-0012") and longer runs of digits are never candidates. A case code made of letters and ten digits that
  happen to read as a date and a Luhn digit ("AB2401151234") is, about one time in ten.
- Besides "-", "+" and a space, the look-alikes that word processors and spreadsheets insert (en and em dash, minus
  sign, hyphen, non-breaking hyphen, figure dash, full-width hyphen and plus, no-break space, narrow no-break space)
  also count as separators, and digits from other scripts (e.g. full-width) count as digits. A line break or a tab
  never does, so texts joined by line breaks can be searched at once.
- Not caught: a number split in other places ("811228 98 74", "81-12-28-9874") or with more than one separator
  character between the date and the birth number besides the spaces around a dash. These are rare in practice;
  catching them would refuse much more ordinary text (dates like "2024-01-15" followed by a number).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from personnummer import personnummer as _lib  # type: ignore[import-untyped]

from reviewer.domain.text import Message, ReviewerError

Kind = Literal["personnummer", "samordningsnummer"]

REDACTED = "[personnummer borttaget]"

_CENTURIES = frozenset({"18", "19", "20"})

_DASHES = "-+\u2010\u2011\u2012\u2013\u2014\u2212\uff0b\uff0d"
_SPACES = " \u00a0\u202f"
_GAP = f"[{_SPACES}]?"  # between the date's pairs
_SEPARATOR = f"(?:[{_SPACES}]?[{_DASHES}][{_SPACES}]?|[{_SPACES}])?"  # between the date and the birth number
# A digit not preceded by a digit: the search skips ahead to the next digit at C speed, so a long text without digits
# costs next to nothing.
_START = re.compile(r"\d(?<!\d\d)")
_LONG = re.compile(rf"\d\d{_GAP}\d\d{_GAP}\d\d{_GAP}\d\d{_SEPARATOR}\d{{4}}(?!\d)")
_SHORT = re.compile(rf"\d\d{_GAP}\d\d{_GAP}\d\d{_SEPARATOR}\d{{4}}(?!\d)")
# Either form at the start of a run of digits, found at C speed: a text where it finds nothing has no candidate, so
# long lists of dates and case codes are passed without trying each run in Python.
_ANY = re.compile(rf"(?<!\d)(?:{_LONG.pattern}|{_SHORT.pattern})")
# The first digits of a number still being typed, at the end of the text: a date, its separator, up to three digits.
_UNFINISHED = re.compile(rf"(?<!\d)(?:\d\d{_GAP})?\d\d{_GAP}\d\d{_GAP}\d\d(?:{_SEPARATOR}\d{{0,3}})?$")


@dataclass(frozen=True)
class Match:
    """Where a personnummer or samordningsnummer is in a text: text[start:end]. Holds no digits of the number."""

    start: int
    end: int
    kind: Kind


def _digits(span: str) -> str:
    """The decimal digits of span as ASCII (full-width and other scripts' digits included)."""
    return "".join(str(int(ch)) for ch in span if ch.isdecimal())


def _classify(digits: str) -> Kind | None:
    """What a 10- or 12-digit string is, or None if it is neither a personnummer nor a samordningsnummer."""
    if len(digits) == 12:
        if digits[:2] not in _CENTURIES:
            return None
        full = digits
    else:
        # Century 20 makes 29 February of a year ending in 00 valid (2000 was a leap year) and keeps the answer
        # independent of today's date, which the library would otherwise use to choose the century.
        full = "20" + digits
    try:
        number = _lib.Personnummer(full)
    except _lib.PersonnummerException:
        return None
    return "samordningsnummer" if number.is_coordination_number() else "personnummer"


def _matches(text: str) -> Iterator[Match]:
    if _ANY.search(text) is None:
        return
    position = 0
    while (start := _START.search(text, position)) is not None:
        position = start.start()
        found = None
        for form in (_LONG, _SHORT):
            candidate = form.match(text, position)
            if candidate is not None:
                kind = _classify(_digits(candidate.group()))
                if kind is not None:
                    found = Match(position, candidate.end(), kind)
                    break
        if found is None:
            position += 1
        else:
            yield found
            position = found.end


def find_personnummer(text: str) -> list[Match]:
    """Every personnummer and samordningsnummer in text, in order, non-overlapping."""
    return list(_matches(text))


def contains_personnummer(text: str) -> bool:
    """Whether text contains a personnummer or samordningsnummer; stops at the first one."""
    return next(_matches(text), None) is not None


def redact(text: str) -> str:
    """text with every personnummer and samordningsnummer replaced by "[personnummer borttaget]" (for logs)."""
    parts: list[str] = []
    position = 0
    for match in find_personnummer(text):
        parts.append(text[position : match.start])
        parts.append(REDACTED)
        position = match.end
    parts.append(text[position:])
    return "".join(parts)


_KIND_WORDS: dict[Kind, tuple[str, str]] = {
    "personnummer": ("ett personnummer", "a Swedish personal identity number (personnummer)"),
    "samordningsnummer": ("ett samordningsnummer", "a Swedish coordination number (samordningsnummer)"),
}


class PersonnummerError(ReviewerError):
    """A text the user wants to store contains a personnummer or samordningsnummer.

    The message names the field and the character positions (1-based, inclusive) but never the number itself, since
    messages may end up in a log. `matches` lets a UI highlight the places.
    """

    def __init__(self, field: Message, matches: list[Match]) -> None:
        if not matches:
            raise ValueError("PersonnummerError needs at least one match")
        first = matches[0]
        more = len(matches) - 1
        kind_sv, kind_en = _KIND_WORDS[first.kind]
        where_sv = f"tecken {first.start + 1}–{first.end}"
        where_en = f"characters {first.start + 1}–{first.end}"
        if more:
            where_sv += f", och {more} {'ställe' if more == 1 else 'ställen'} till"
            where_en += f", and {more} more {'place' if more == 1 else 'places'}"
        super().__init__(
            Message(
                sv=(
                    f"Fältet {field.sv} innehåller något som ser ut som {kind_sv} ({where_sv}). "
                    "Personnummer och samordningsnummer får inte sparas i programmet; använd en pseudonym."
                ),
                en=(
                    f"The field {field.en} contains something that looks like {kind_en} ({where_en}). "
                    "Personal identity and coordination numbers must not be stored in the program; use a pseudonym."
                ),
            )
        )
        self.field = field
        self.matches = tuple(matches)


def unfinished_personnummer(text: str) -> bool:
    """Whether text ends in what may be a personnummer being typed: a date of birth (six or eight digits) and at most
    three digits of the birth number. Saved keystroke by keystroke, such a prefix would store the whole number – the
    last digit is only a check digit – before the guard ever sees it complete."""
    found = _UNFINISHED.search(text)
    if found is None:
        return False
    digits = _digits(found.group())
    if len(digits) >= 8 and digits[:2] in _CENTURIES and len(digits) - 8 <= 3 and _date_like(digits[2:8]):
        return True
    return len(digits) - 6 <= 3 and _date_like(digits[:6])


def _date_like(yymmdd: str) -> bool:
    """A month and a day (or a samordningsnummer's day + 60) that can exist."""
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    return 1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91)


def guard_text(text: str, field: Message) -> None:
    """Raise PersonnummerError if text contains a personnummer or samordningsnummer; field names it to the user."""
    matches = find_personnummer(text)
    if matches:
        raise PersonnummerError(field, matches)
