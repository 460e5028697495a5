"""Finding personnummer and samordningsnummer in free text.

Numbers are built here from a date, a birth number and our own Luhn digit; the only literal ones are Skatteverket's
well-known test number 811228-9874 and its 12-digit form.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from personnummer import personnummer as library

from reviewer.domain.personnummer import (
    REDACTED,
    Match,
    PersonnummerError,
    contains_personnummer,
    find_personnummer,
    guard_text,
    redact,
    unfinished_personnummer,
)
from reviewer.domain.text import Message, ReviewerError

TEST_NUMBER = "811228-9874"
TEST_NUMBER_LONG = "19811228-9874"
FIELD = Message("Ärendekod", "Case code")


def luhn(digits: str) -> str:
    """The check digit for YYMMDDNNN: weights 2, 1, 2, ... from the left, digits of products summed."""
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (2 - index % 2)
        total += product - 9 if product > 9 else product
    return str((10 - total % 10) % 10)


def with_check(yymmdd: str, serial: str, sep: str = "-", *, century: str = "", wrong_by: int = 0) -> str:
    """A number from raw parts (the date part is not checked, so invalid dates can be built too)."""
    check = (int(luhn(yymmdd + serial)) + wrong_by) % 10
    return f"{century}{yymmdd}{sep}{serial}{check}"


def build(
    born: date,
    serial: int,
    *,
    coordination: bool = False,
    long: bool = False,
    sep: str = "-",
    wrong_by: int = 0,
) -> str:
    day = born.day + (60 if coordination else 0)
    yymmdd = f"{born.year % 100:02d}{born.month:02d}{day:02d}"
    century = f"{born.year // 100:02d}" if long else ""
    return with_check(yymmdd, f"{serial:03d}", sep, century=century, wrong_by=wrong_by)


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.kind) for m in find_personnummer(text)]


def test_luhn_helper_agrees_with_skatteverkets_test_number():
    assert luhn("811228987") == "4"


P = "personnummer"
S = "samordningsnummer"
ORDINARY = build(date(1985, 1, 1), 123)
COORDINATION = build(date(1990, 5, 17), 456, coordination=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The forms, alone.
        (TEST_NUMBER, [(TEST_NUMBER, P)]),
        ("811228+9874", [("811228+9874", P)]),
        ("8112289874", [("8112289874", P)]),
        ("811228 9874", [("811228 9874", P)]),
        (TEST_NUMBER_LONG, [(TEST_NUMBER_LONG, P)]),
        ("198112289874", [("198112289874", P)]),
        ("19811228+9874", [("19811228+9874", P)]),
        ("19811228 9874", [("19811228 9874", P)]),
        (ORDINARY, [(ORDINARY, P)]),
        (ORDINARY.replace("-", ""), [(ORDINARY.replace("-", ""), P)]),
        (build(date(1985, 1, 1), 123, long=True), [(build(date(1985, 1, 1), 123, long=True), P)]),
        (build(date(1985, 1, 1), 123, long=True, sep=""), [(build(date(1985, 1, 1), 123, long=True, sep=""), P)]),
        (build(date(1905, 6, 30), 998, sep="+"), [(build(date(1905, 6, 30), 998, sep="+"), P)]),
        (build(date(1899, 12, 31), 1, long=True), [(build(date(1899, 12, 31), 1, long=True), P)]),
        # Samordningsnummer (day + 60), both forms.
        (COORDINATION, [(COORDINATION, S)]),
        (COORDINATION.replace("-", ""), [(COORDINATION.replace("-", ""), S)]),
        (build(date(1990, 5, 17), 456, coordination=True, long=True), [("19" + COORDINATION, S)]),
        (
            build(date(2001, 1, 31), 20, coordination=True, sep=""),
            [(build(date(2001, 1, 31), 20, coordination=True, sep=""), S)],
        ),
        # In running text, at the start and at the end.
        ("Klienten, 811228-9874, kom till mötet", [(TEST_NUMBER, P)]),
        ("811228-9874 kom till mötet", [(TEST_NUMBER, P)]),
        ("Mötet gällde 19811228-9874", [(TEST_NUMBER_LONG, P)]),
        ("Pnr: 8112289874.", [("8112289874", P)]),
        ("(811228-9874)", [(TEST_NUMBER, P)]),
        ("rad ett\n811228-9874\nrad tre", [(TEST_NUMBER, P)]),
        (f"Mamma {TEST_NUMBER} och barnet {COORDINATION}.", [(TEST_NUMBER, P), (COORDINATION, S)]),
        ("8112289874 8112289874", [("8112289874", P), ("8112289874", P)]),
        ("811228-9874-12", [(TEST_NUMBER, P)]),
        ("pnr_811228-9874", [(TEST_NUMBER, P)]),
        # Separators inserted by word processors, and digits of other scripts.
        ("811228\u20139874", [("811228\u20139874", P)]),
        ("811228\u22129874", [("811228\u22129874", P)]),
        ("811228\u00a09874", [("811228\u00a09874", P)]),
        ("19811228\u20119874", [("19811228\u20119874", P)]),
        ("８１１２２８-９８７４", [("８１１２２８-９８７４", P)]),
        # 29 February: 2000 was a leap year, 1900 was not; a 10-digit number is accepted whichever separator.
        (with_check("000229", "123"), [(with_check("000229", "123"), P)]),
        (with_check("000229", "123", "+"), [(with_check("000229", "123", "+"), P)]),
        (with_check("000229", "123", century="20"), [(with_check("000229", "123", century="20"), P)]),
        (with_check("000229", "123", century="19"), []),
        (with_check("840229", "123", ""), [(with_check("840229", "123", ""), P)]),
        # Wrong check digit.
        ("811228-9875", []),
        ("19811228-9870", []),
        (build(date(1985, 1, 1), 123, wrong_by=5), []),
        (build(date(1990, 5, 17), 456, coordination=True, wrong_by=1), []),
        # No such date (the Luhn digit is right).
        (with_check("851301", "123"), []),
        (with_check("850001", "123"), []),
        (with_check("850100", "123"), []),
        (with_check("850230", "123"), []),
        (with_check("850229", "123"), []),
        (with_check("850132", "123"), []),
        (with_check("850160", "123"), []),
        (with_check("850192", "123"), []),
        (with_check("850291", "123"), []),
        (with_check("851301", "123", century="19"), []),
        # Birth number 000 is never issued.
        (with_check("850101", "000"), []),
        # A century nobody has.
        (with_check("811228", "987", century="55"), []),
        (with_check("811228", "987", "", century="21"), []),
        # Inside a longer run of digits.
        ("18112289874", []),
        ("81122898741", []),
        ("12345678112289874", []),
        ("811228-98741", []),
        ("1811228-9874", []),
        ("119811228-9874", []),
        # Glued to letters, underscores or punctuation.
        ("pnr8112289874", [("8112289874", P)]),
        ("8112289874kr", [("8112289874", P)]),
        ("Å811228-9874", [(TEST_NUMBER, P)]),
        ("MB121212-1212", [("121212-1212", P)]),
        ("AB121212-1212", [("121212-1212", P)]),
        ("xx121212-1212yy", [("121212-1212", P)]),
        ("121212-1212x", [("121212-1212", P)]),
        ("__811228-9874__", [(TEST_NUMBER, P)]),
        ("pnr:19811228-9874!", [(TEST_NUMBER_LONG, P)]),
        # Spaced forms.
        ("121212 - 1212", [("121212 - 1212", P)]),
        ("12 12 12-1212", [("12 12 12-1212", P)]),
        ("81 12 28 9874", [("81 12 28 9874", P)]),
        ("19 81 12 28-9874", [("19 81 12 28-9874", P)]),
        ("1981 12 28 - 9874", [("1981 12 28 - 9874", P)]),
        ("811228 -9874", [("811228 -9874", P)]),
        ("811228+ 9874", [("811228+ 9874", P)]),
        # A refused 12-digit reading does not hide the 10-digit number inside it.
        ("Rum 12 811228-9874", [(TEST_NUMBER, P)]),
        # Two separators, a separator elsewhere, or a line break.
        ("811228--9874", []),
        ("811228 98 74", []),
        ("81-12-28-9874", []),
        ("811228\n9874", []),
        ("81\n12\n28-9874", []),
        ("811228  9874", []),
        # Ordinary text that must pass.
        ("2024-01-15", []),
        ("Beslut 2024-01-15, uppföljning 2024-03-31", []),
        ("20240115-20240130", []),
        ("12 345 kr", []),
        ("Bistånd 1 234 567 kr", []),
        ("MB-2024-0012", []),
        ("Tel 070-123 45 67", []),
        ("Tel 070 123 45 67", []),
        ("Tel 08-123 456 78", []),
        ("+46 70 123 45 67", []),
        ("IFO 2024-1234", []),
        ("Dnr SN 2024/123-1", []),
        ("123 45 Stockholm", []),
        ("0731234567", []),
        ("", []),
        ("Klienten kom till mötet.", []),
    ],
)
def test_find_personnummer(text, expected):
    assert spans(text) == expected
    assert contains_personnummer(text) == bool(expected)


def test_match_positions_index_into_the_text():
    text = "Klienten, 811228-9874, kom till mötet"
    assert find_personnummer(text) == [Match(10, 21, "personnummer")]


def test_phone_number_without_spaces_is_refused_when_it_reads_as_a_valid_number():
    """The documented false positive: 070-numbers typed without spaces read as dates in 2007."""
    phone = with_check("070123", "456", "")
    assert phone.startswith("07012345")
    assert contains_personnummer(f"Ring {phone}")
    assert not contains_personnummer(f"Ring {phone[:3]}-{phone[3:6]} {phone[6:8]} {phone[8:]}")


def test_result_does_not_depend_on_todays_date(monkeypatch):
    """The library picks the century of a 10-digit number from today's date; we do not let it matter."""
    leap_day = with_check("000229", "123", "+")
    assert contains_personnummer(leap_day)
    monkeypatch.setattr(library, "_get_current_date", lambda: date(2150, 6, 1))
    assert contains_personnummer(leap_day)
    assert contains_personnummer(leap_day.replace("+", "-"))
    assert contains_personnummer(TEST_NUMBER)


def test_library_is_only_asked_about_candidates(monkeypatch):
    def must_not_be_called(*args, **kwargs):
        raise AssertionError("the library was asked about a text without a candidate")

    monkeypatch.setattr(library, "Personnummer", must_not_be_called)
    text = "Beslut 2024-01-15 om 12 345 kr i ärende MB-2024-0012, tel 070-123 45 67. " * 10
    assert not contains_personnummer(text)
    assert find_personnummer(text) == []
    guard_text(text, FIELD)


# --- guard_text and the message ------------------------------------------------------------------------------------


def test_guard_text_accepts_text_without_numbers():
    text = "Klienten kom till mötet 2024-01-15. Kod MB-2024-0012."
    assert guard_text(text, FIELD) is None
    assert find_personnummer(text) == []


def test_guard_text_names_field_and_place_in_swedish_without_the_number():
    with pytest.raises(PersonnummerError) as caught:
        guard_text("Kod 811228-9874 ny", FIELD)
    swedish = caught.value.text("sv")
    assert swedish == (
        "Fältet Ärendekod innehåller något som ser ut som ett personnummer (tecken 5–15). "
        "Personnummer och samordningsnummer får inte sparas i programmet; använd en pseudonym."
    )
    assert caught.value.matches == (Match(4, 15, "personnummer"),)
    assert caught.value.field == FIELD


def test_guard_text_message_in_english_without_the_number():
    with pytest.raises(PersonnummerError) as caught:
        guard_text("Kod 811228-9874 ny", FIELD)
    english = caught.value.text("en")
    assert english == (
        "The field Case code contains something that looks like a Swedish personal identity number (personnummer) "
        "(characters 5–15). Personal identity and coordination numbers must not be stored in the program; "
        "use a pseudonym."
    )
    assert str(caught.value) == english


def test_guard_text_says_samordningsnummer_and_counts_further_places():
    text = f"{COORDINATION} och {TEST_NUMBER} och {TEST_NUMBER_LONG}"
    with pytest.raises(PersonnummerError) as caught:
        guard_text(text, FIELD)
    assert "ser ut som ett samordningsnummer (tecken 1–11, och 2 ställen till)" in caught.value.text("sv")
    assert "coordination number (samordningsnummer) (characters 1–11, and 2 more places)" in caught.value.text("en")
    assert len(caught.value.matches) == 3


def test_guard_text_one_further_place_is_singular():
    with pytest.raises(PersonnummerError) as caught:
        guard_text(f"{TEST_NUMBER} {TEST_NUMBER}", FIELD)
    assert "och 1 ställe till" in caught.value.text("sv")
    assert "and 1 more place)" in caught.value.text("en")


@pytest.mark.parametrize(
    "number", [TEST_NUMBER, "8112289874", TEST_NUMBER_LONG, "198112289874", COORDINATION, "811228 9874"]
)
def test_message_never_contains_the_number_or_its_parts(number):
    with pytest.raises(PersonnummerError) as caught:
        guard_text(f"Anteckning: {number}", FIELD)
    error = caught.value
    assert isinstance(error, ReviewerError)
    digits = "".join(ch for ch in number if ch.isdigit())
    for message in (error.text("sv"), error.text("en"), str(error), repr(error), repr(error.args)):
        assert number not in message
        assert digits[:6] not in message
        assert digits[-4:] not in message
        assert digits[-10:] not in "".join(ch for ch in message if ch.isdigit())


def test_error_needs_a_match():
    with pytest.raises(ValueError, match="at least one match"):
        PersonnummerError(FIELD, [])


# --- redact -----------------------------------------------------------------------------------------------------------


def test_redact_replaces_each_number():
    text = f"Mamma {TEST_NUMBER}, barn {COORDINATION}; möte 2024-01-15."
    assert redact(text) == f"Mamma {REDACTED}, barn {REDACTED}; möte 2024-01-15."
    assert REDACTED == "[personnummer borttaget]"


def test_redact_leaves_other_text_alone():
    text = "Beslut 2024-01-15, 12 345 kr, MB-2024-0012, 811228-9875"
    assert redact(text) == text


# --- properties -------------------------------------------------------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ "
SEPARATORS = ["", "-", "+", " ", " - ", " + ", "- ", " -", "\u2013", "\u00a0"]
# What may stand right beside a number: anything but a digit (a digit would make it part of a longer number).
BOUNDARIES = [
    "",
    " ",
    "\n",
    "\t",
    "(",
    ")",
    ", ",
    ": ",
    ".",
    "/",
    "-",
    "+",
    "_",
    "x",
    "MB",
    "AB",
    "Å",
    "é",
    "#",
    "nr",
    "*",
]

words = st.text(alphabet=LETTERS, max_size=40)
born = st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31))
serials = st.integers(min_value=1, max_value=999)


@st.composite
def numbers(draw: st.DrawFn, *, wrong: bool = False) -> tuple[str, str]:
    coordination = draw(st.booleans())
    long = draw(st.booleans())
    number = build(
        draw(born),
        draw(serials),
        coordination=coordination,
        long=long,
        sep=draw(st.sampled_from(SEPARATORS)),
        wrong_by=draw(st.integers(min_value=1, max_value=9)) if wrong else 0,
    )
    if draw(st.booleans()):  # the date's pairs spaced: "81 12 28-9874", "19 81 12 28-9874", "1981 12 28-9874"
        date_length = 8 if long else 6
        pairs = [number[i : i + 2] for i in range(0, date_length, 2)]
        joined = " ".join(pairs) if not long or draw(st.booleans()) else pairs[0] + " ".join(pairs[1:])
        number = joined + number[date_length:]
    return number, S if coordination else P


@given(
    numbers(),
    words,
    st.sampled_from(BOUNDARIES),
    st.sampled_from(BOUNDARIES),
    words,
)
def test_any_valid_number_in_text_is_found(number_kind, before, left, right, after):
    number, kind = number_kind
    text = before + left + number + right + after
    start = len(before + left)
    assert find_personnummer(text) == [Match(start, start + len(number), kind)]
    assert contains_personnummer(text)
    assert contains_personnummer(number)
    with pytest.raises(PersonnummerError):
        guard_text(text, FIELD)


@given(numbers(wrong=True), words, st.sampled_from(BOUNDARIES), st.sampled_from(BOUNDARIES), words)
def test_a_wrong_check_digit_is_not_found(number_kind, before, left, right, after):
    number, _ = number_kind
    text = before + left + number + right + after
    assert find_personnummer(text) == []
    assert not contains_personnummer(text)
    guard_text(text, FIELD)


pieces = st.one_of(
    numbers().map(lambda pair: pair[0]),
    numbers(wrong=True).map(lambda pair: pair[0]),
    st.text(alphabet="0123456789", min_size=1, max_size=14),
    words,
    st.sampled_from([*BOUNDARIES, "+", "", "kr", "2024-01-15", "\u2013", "\u00a0"]),
)
texts = st.lists(pieces, max_size=12).map("".join)


@given(texts)
def test_redact_output_never_contains_a_match(text):
    redacted = redact(text)
    assert find_personnummer(redacted) == []
    assert not contains_personnummer(redacted)
    assert redacted.count(REDACTED) == len(find_personnummer(text))


@given(texts)
def test_matches_are_ordered_disjoint_and_found_alone(text):
    matches = find_personnummer(text)
    assert contains_personnummer(text) == bool(matches)
    for earlier, later in itertools.pairwise(matches):
        assert earlier.end <= later.start
    for match in matches:
        alone = text[match.start : match.end]
        assert find_personnummer(alone) == [Match(0, len(alone), match.kind)]
    if not matches:
        assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "unfinished"),
    [
        ("Se 19811228-987", True),
        ("Se 811228-9", True),
        ("Se 811228", True),
        ("Se 8112289", True),
        ("Se 81 12 28 - 98", True),
        ("Beslut 20240115", True),  # a bare date at the end waits for the next character too
        ("Se 19811228-9874", False),  # complete: the guard's own business
        ("Beslut 2024-01-15", False),
        ("IFO 2024-1234", False),
        ("Tel 070-123 45", False),
        ("Rum 123456", False),  # month 34
        ("Se 811228 och sedan", False),
        ("12 345 kr", False),
    ],
)
def test_the_start_of_a_number_being_typed_is_recognised(text, unfinished):
    assert unfinished_personnummer(text) is unfinished
