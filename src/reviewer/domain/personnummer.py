"""Finding Swedish personnummer and samordningsnummer in free text, so the program can refuse to store them.

The program must never store or export a personnummer (personal identity number) or a samordningsnummer
(coordination number): every free text the user types or imports goes through `guard_text` (or
`contains_personnummer`) before it is saved, and `redact` is for anything written to a log.

Forms recognised, each as a whole "word" (not flanked by a letter or a digit, so never part of a longer run of digits)::

    YYMMDD-NNNC     YYYYMMDD-NNNC     (the separator may be "-", "+", one space, or nothing)

C is a Luhn check digit over YYMMDDNNN; a samordningsnummer has 60 added to the day (61-91).

How the work is split
---------------------
Finding candidates in running text is ours: one regex compiled at import time looks for 10 or 12 digits with an
optional separator and the right boundaries. Only those few candidates are handed to the PyPI package `personnummer`,
which checks the Luhn digit and that the date exists on the calendar, and knows the samordningsnummer day+60 rule
(`python-stdnum` rejects samordningsnummer, so it cannot be used). A text without such a run of digits never reaches
the library, so the check is cheap enough for every keystroke and every cell of a large spreadsheet.

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
We err on the side of refusing: a refused text can be rewritten, a stored personnummer cannot be taken back.

- Any 10-digit run whose first six digits are a real date (or a date with day+60) and whose last digit is the right
  Luhn digit is refused, whatever it really is. About one such run in 10-15 of random digits passes (a valid date
  about half the time, then the check digit one time in ten). A mobile number typed without spaces, "0701234567",
  reads as 2007-01-23 and is refused when its last digit happens to be the check digit (about one 070 number in 20;
  072/073/076/079 give month 2x-9x and never pass). Typed the usual way, "070-123 45 67", it is never a candidate.
- A 12-digit run is only refused if it starts with 18, 19 or 20 and the rest passes as above.
- Dates ("2024-01-15"), amounts ("12 345 kr"), case codes ("MB-2024-0012") and longer runs of digits are never
  candidates.
- Besides "-", "+" and a space, the look-alikes that word processors and spreadsheets insert (en dash, minus sign,
  hyphen, non-breaking hyphen, figure dash, no-break space, narrow no-break space) also count as separators, and
  digits from other scripts (e.g. full-width) count as digits.
- Not caught: a number glued to a letter ("pnr8112289874"), split in other places ("811228 98 74", "81-12-28-9874"),
  or with more than one separator character. These are rare in practice; catching them would refuse much more
  ordinary text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from personnummer import personnummer as _lib  # type: ignore[import-untyped]

from reviewer.domain.text import Message, ReviewerError

Kind = Literal["personnummer", "samordningsnummer"]

REDACTED = "[personnummer borttaget]"

_CENTURIES = frozenset({"18", "19", "20"})

# "[^\W_]" is a letter or a digit (any script). The first digit is consumed before the look-behind so that the
# regex engine can skip ahead to the next digit instead of trying the look-behind at every position: a long text
# without digits is scanned at C speed.
_CANDIDATE = re.compile(
    r"""
    \d(?<![^\W_]\d)                             # a first digit not preceded by a letter or a digit
    (?:
        (?P<long>\d{7})  [-+ \u00a0\u202f\u2010\u2011\u2012\u2013\u2212]?  (?P<long_tail>\d{4})
      | (?P<short>\d{5}) [-+ \u00a0\u202f\u2010\u2011\u2012\u2013\u2212]?  (?P<short_tail>\d{4})
    )
    (?![^\W_])                                  # not followed by a letter or a digit
    """,
    re.VERBOSE,
)


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


def find_personnummer(text: str) -> list[Match]:
    """Every personnummer and samordningsnummer in text, in order, non-overlapping."""
    found: list[Match] = []
    for candidate in _CANDIDATE.finditer(text):
        kind = _classify(_digits(candidate.group()))
        if kind is not None:
            found.append(Match(candidate.start(), candidate.end(), kind))
    return found


def contains_personnummer(text: str) -> bool:
    """Whether text contains a personnummer or samordningsnummer; stops at the first one."""
    return any(_classify(_digits(candidate.group())) is not None for candidate in _CANDIDATE.finditer(text))


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


def guard_text(text: str, field: Message) -> None:
    """Raise PersonnummerError if text contains a personnummer or samordningsnummer; field names it to the user."""
    matches = find_personnummer(text)
    if matches:
        raise PersonnummerError(field, matches)
