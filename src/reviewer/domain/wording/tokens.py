"""Swedish words and sentences, counted the way a reader (and a word processor) would.

Words: a run of letters or digits, with hyphens, apostrophes, periods, commas, colons or slashes *inside* it kept in
the same word – "e-post", "själv-ständig", "t.ex", "3,5", "2024-05-01", "12.30", "och/eller" are one word each.
Numbers count as words: the measure is how long the description is, and "beviljas 3 resor" is three words in any
word processor. Only words with letters are looked up in the lexicon.

Sentences: a sentence ends at ".", "!", "?" or "…" between two words, or at a blank line (a heading or a list item
without a full stop is a sentence of its own). A period that belongs to an abbreviation does not end a sentence
("t.ex.", "bl.a.", "ca.", "dvs.", "kl.", an initial as in "A. Berg"); "osv.", "etc.", "m.m." and "m.fl." do when the
next word begins with a capital letter, since they often close a sentence. A text with words has at least one sentence.

Pure: no SQL, no Qt.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

_LETTERS = r"[^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*"  # combining accents too: a pasted "å" may be a + ring
_WORD = re.compile(rf"{_LETTERS}(?:[-'’.,:/]{_LETTERS})*")
_TERMINATOR = re.compile(r"[.!?…]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_HAS_LETTER = re.compile(r"[^\W\d_]")

# Abbreviations written with a final period, without it (as the word regex keeps inner periods): "t.ex." -> "t.ex".
_ABBREVIATIONS = """t.ex bl.a ca c:a dvs d.v.s pga p.g.a s.k fr.o.m t.o.m o.d jfr resp ev inkl exkl enl ang avd kl nr
st tel forts f.d fd f.ö m.a.o t.v mha m.h.a p.s obs sid s fig d.ä d.y sek kap jan feb mar apr jun jul aug sep sept
okt nov dec ff"""
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split())
CLOSING_ABBREVIATIONS = frozenset(("osv", "o.s.v", "etc", "m.m", "mm", "m.fl", "mfl"))


class Token(NamedTuple):  # a tuple, not a dataclass: a passage makes thousands, and tuples are made fastest
    start: int
    end: int
    text: str

    @property
    def has_letters(self) -> bool:
        return _HAS_LETTER.search(self.text) is not None


def tokens(text: str) -> Iterator[Token]:
    for match in _WORD.finditer(text):
        yield Token(*match.span(), match.group())


def _ends_sentence(token: Token, gap: str, following: Token) -> bool:
    if _BLANK_LINE.search(gap):
        return True
    if gap.startswith("."):
        word = token.text.lower()
        initial = len(word) == 1 and token.text.isupper()
        closing = word in CLOSING_ABBREVIATIONS and not following.text[:1].isupper()
        if word in ABBREVIATIONS or initial or closing:
            gap = gap[1:]
    return _TERMINATOR.search(gap) is not None


def count_sentences(text: str, words: Sequence[Token]) -> int:
    """How many sentences the words of `text` (from `tokens`) make; 0 without words."""
    if not words:
        return 0
    ends = 0
    for word, following in itertools.pairwise(words):
        gap = text[word.end : following.start]
        if gap != " " and _ends_sentence(word, gap, following):  # most words are followed by one space alone
            ends += 1
    return ends + 1
