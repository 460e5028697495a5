"""Measuring the wording of a description instead of guessing it: words, sentences and hits from a lexicon of
value-laden words (issue 13). See docs/wording-lexicon.md for the lexicon and the counting rules.

Pure: no SQL, no Qt.
"""

from reviewer.domain.wording.builtin import BUILTIN_VERSION, builtin_lexicon
from reviewer.domain.wording.count import Hit, TextCount, count_text
from reviewer.domain.wording.lexicon import (
    GROUP_LABELS,
    Lexicon,
    LexiconEntry,
    LexiconError,
    WordGroup,
    entries_from_json,
    entries_to_json,
    format_forms,
    normalise,
    parse_forms,
    parse_group,
)
from reviewer.domain.wording.tokens import Token, count_sentences, tokens

__all__ = [
    "BUILTIN_VERSION",
    "GROUP_LABELS",
    "Hit",
    "Lexicon",
    "LexiconEntry",
    "LexiconError",
    "TextCount",
    "Token",
    "WordGroup",
    "builtin_lexicon",
    "count_sentences",
    "count_text",
    "entries_from_json",
    "entries_to_json",
    "format_forms",
    "normalise",
    "parse_forms",
    "parse_group",
    "tokens",
]
