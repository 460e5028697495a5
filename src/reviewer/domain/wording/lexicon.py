"""The lexicon of value-laden words: what an entry is, how its forms are written, and the prepared matcher.

Forms notation (the same in the built-in list, the spreadsheet and the editor): an entry has a lemma and any number of
forms. Each form – and the lemma itself, which always matches – is either
- a whole word, matched exactly: ``arg`` matches "arg" and "Arg", not "argsint";
- a stem ending in ``*``, matched as the start of a word: ``ångest*`` matches "ångest", "ångesten", "ångestfylld".
Matching ignores case and Unicode composition (a pasted "å" written as a + ring matches too). A stem needs at least
three letters before the star, so that one short entry cannot hit half the text. A word matched both exactly and by a
stem belongs to the exact entry; of two stems the longer wins. The same form in two entries is refused: a hit must
belong to one lemma and one group.

Pure: no SQL, no Qt.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from reviewer.domain.text import Message, ReviewerError

MIN_STEM = 3
_FORM = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\*?")


class WordGroup(StrEnum):
    EMOTION = "emotion"  # känslor och psykiska tillstånd
    CHARACTER = "character"  # omdömen om karaktär
    APPEARANCE = "appearance"  # utseende
    FAMILY_ROLE = "family_role"  # familjeroller


GROUP_LABELS: dict[WordGroup, Message] = {
    WordGroup.EMOTION: Message("Känslor och psykiska tillstånd", "Emotions and mental states"),
    WordGroup.CHARACTER: Message("Omdömen om karaktär", "Judgements of character"),
    WordGroup.APPEARANCE: Message("Utseende", "Appearance"),
    WordGroup.FAMILY_ROLE: Message("Familjeroller", "Family roles"),
}
# Short Swedish names a unit chief may write in the group column of a spreadsheet instead of the code.
_GROUP_ALIASES = {
    "känslor": WordGroup.EMOTION,
    "känsla": WordGroup.EMOTION,
    "karaktär": WordGroup.CHARACTER,
    "utseende": WordGroup.APPEARANCE,
    "familjeroll": WordGroup.FAMILY_ROLE,
    "familjeroller": WordGroup.FAMILY_ROLE,
}


class LexiconError(ReviewerError):
    """An entry or a lexicon that cannot be matched unambiguously; the message says which word, and `index` which
    entry of the list (the later of two that clash), when a list was checked."""

    def __init__(self, message: Message, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


def normalise(word: str) -> str:
    """The key a word is matched by: composed Unicode, lower case, typographic apostrophe as plain."""
    return unicodedata.normalize("NFC", word).lower().replace("’", "'")


def parse_group(text: str) -> WordGroup:
    """A group from its code ("emotion") or its Swedish name ("känslor", "Känslor och psykiska tillstånd")."""
    key = normalise(text.strip())
    for group in WordGroup:
        if key in (group.value, normalise(GROUP_LABELS[group].sv), normalise(GROUP_LABELS[group].en)):
            return group
    if key in _GROUP_ALIASES:
        return _GROUP_ALIASES[key]
    names = ", ".join(group.value for group in WordGroup)
    raise LexiconError(
        Message(f"Okänd ordgrupp ”{text}” (välj bland {names}).", f"Unknown word group “{text}” (one of {names}).")
    )


def parse_forms(text: str) -> tuple[str, ...]:
    """The forms of a spreadsheet cell or the editor's field: separated by commas, semicolons or spaces."""
    return tuple(part for part in re.split(r"[,;\s]+", text.strip()) if part)


def format_forms(forms: Iterable[str]) -> str:
    return ", ".join(forms)


def _checked_form(form: str, lemma: str) -> str:
    key = normalise(form.strip())
    if not _FORM.fullmatch(key):
        raise LexiconError(
            Message(
                f"”{form}” hos ”{lemma}” är ingen ordform: bara bokstäver och bindestreck, och * sist för en ordstam.",
                f"“{form}” of “{lemma}” is not a word form: letters and hyphens only, and * last for a stem.",
            )
        )
    if key.endswith("*") and len(key) - 1 < MIN_STEM:
        raise LexiconError(
            Message(
                f"Ordstammen ”{form}” hos ”{lemma}” är för kort: minst {MIN_STEM} bokstäver före *.",
                f"The stem “{form}” of “{lemma}” is too short: at least {MIN_STEM} letters before *.",
            )
        )
    return key


@dataclass(frozen=True)
class LexiconEntry:
    """One value-laden word: the lemma shown in hits and lists, its group, and its other forms (see module doc)."""

    lemma: str
    group: WordGroup
    forms: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        lemma = unicodedata.normalize("NFC", self.lemma.strip())
        if not lemma:
            raise LexiconError(Message("Ett ord saknar grundform.", "An entry has no lemma."))
        object.__setattr__(self, "lemma", lemma)
        object.__setattr__(self, "group", WordGroup(self.group))
        _checked_form(lemma, lemma)
        forms: list[str] = []
        for form in self.forms:
            key = _checked_form(form, lemma)
            if key != normalise(lemma) and key not in forms:
                forms.append(key)
        object.__setattr__(self, "forms", tuple(forms))

    @property
    def patterns(self) -> tuple[str, ...]:
        """The lemma and the forms, normalised: what the matcher looks for."""
        return (normalise(self.lemma), *self.forms)


@dataclass(frozen=True)
class _Matcher:
    """Exact words in one dictionary; stems in one dictionary per length, tried longest first."""

    exact: dict[str, LexiconEntry]
    stems: dict[str, LexiconEntry]
    stem_lengths: tuple[int, ...]

    def find(self, word: str) -> LexiconEntry | None:
        entry = self.exact.get(word)
        if entry is not None:
            return entry
        for length in self.stem_lengths:
            if length <= len(word):
                entry = self.stems.get(word[:length])
                if entry is not None:
                    return entry
        return None


def _prepare(entries: Iterable[LexiconEntry]) -> _Matcher:
    exact: dict[str, LexiconEntry] = {}
    stems: dict[str, LexiconEntry] = {}
    lemmas: dict[str, LexiconEntry] = {}
    for index, entry in enumerate(entries):
        key = normalise(entry.lemma)
        if key in lemmas:
            raise LexiconError(
                Message(
                    f"Grundformen ”{entry.lemma}” finns två gånger.", f"The lemma “{entry.lemma}” is listed twice."
                ),
                index,
            )
        lemmas[key] = entry
        for pattern in entry.patterns:
            target, word = (stems, pattern[:-1]) if pattern.endswith("*") else (exact, pattern)
            other = target.get(word)
            if other is not None and other is not entry:
                raise LexiconError(
                    Message(
                        f"Formen ”{pattern}” finns både hos ”{other.lemma}” och ”{entry.lemma}”.",
                        f"The form “{pattern}” belongs to both “{other.lemma}” and “{entry.lemma}”.",
                    ),
                    index,
                )
            target[word] = entry
    lengths = tuple(sorted({len(stem) for stem in stems}, reverse=True))
    return _Matcher(exact, stems, lengths)


@dataclass(frozen=True)
class Lexicon:
    """A numbered version of the word list with its matcher prepared once (a version never changes)."""

    version: int
    entries: tuple[LexiconEntry, ...]
    matcher: _Matcher = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "entries", tuple(self.entries))
        object.__setattr__(self, "matcher", _prepare(self.entries))

    def find(self, word: str) -> LexiconEntry | None:
        """The entry a word of a text belongs to, or None."""
        return self.matcher.find(normalise(word))


def entries_to_json(entries: Iterable[LexiconEntry]) -> str:
    """The stored form of a version: a JSON list, stable key order, so equal lists give equal checksums."""
    rows = [{"lemma": e.lemma, "group": e.group.value, "forms": list(e.forms)} for e in entries]
    return json.dumps(rows, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entries_from_json(text: str) -> tuple[LexiconEntry, ...]:
    return tuple(LexiconEntry(row["lemma"], WordGroup(row["group"]), tuple(row["forms"])) for row in json.loads(text))
