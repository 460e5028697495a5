"""Counting a passage: words, sentences and the lexicon's hits, with offsets for highlighting.

The passage is a reviewer's paste of an utredning; nothing here keeps it. A hyphenated word is looked up whole first
("själv-ständig"), and if the whole is no entry, each part on its own ("mamma-roll" hits "mamma"), so one word can
give more than one hit only through its parts.

Pure: no SQL, no Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from reviewer.domain.wording.lexicon import Lexicon, LexiconEntry, WordGroup, normalise
from reviewer.domain.wording.tokens import count_sentences, tokens


@dataclass(frozen=True)
class Hit:
    start: int  # character offsets into the counted text, end exclusive (Python slicing, QTextCursor positions)
    end: int
    form: str  # the text as written
    lemma: str
    group: WordGroup


@dataclass(frozen=True)
class TextCount:
    words: int
    sentences: int
    hits: tuple[Hit, ...]

    @property
    def hits_per_100_words(self) -> float | None:
        return None if self.words == 0 else 100 * len(self.hits) / self.words

    @property
    def hits_by_group(self) -> Mapping[WordGroup, int]:
        """Every group, zero included, in the groups' order."""
        counts = Counter(hit.group for hit in self.hits)
        return {group: counts[group] for group in WordGroup}


# (offset in the word, length, entry) for each hit a word gives
_WordHits = tuple[tuple[int, int, LexiconEntry], ...]


def _word_hits(word: str, lexicon: Lexicon) -> _WordHits:
    key = normalise(word)
    entry = lexicon.matcher.find(key)
    if entry is not None:
        return ((0, len(word), entry),)
    if "-" not in word:
        return ()
    found = []
    offset = 0
    for part in word.split("-"):
        entry = lexicon.matcher.find(normalise(part)) if part else None
        if entry is not None:
            found.append((offset, len(part), entry))
        offset += len(part) + 1
    return tuple(found)


def count_text(text: str, lexicon: Lexicon) -> TextCount:
    words = list(tokens(text))
    seen: dict[str, _WordHits] = {}  # a passage repeats its words; each distinct word is looked up once
    hits = []
    for word in words:
        found = seen.get(word.text)
        if found is None:
            found = _word_hits(word.text, lexicon) if word.has_letters else ()
            seen[word.text] = found
        for offset, length, entry in found:
            start = word.start + offset
            hits.append(Hit(start, start + length, text[start : start + length], entry.lemma, entry.group))
    return TextCount(len(words), count_sentences(text, words), tuple(hits))
