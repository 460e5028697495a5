"""What a user reads must be in the user's words: no slug@version, no snake_case key or type code, and in the Swedish
UI and CLI no English word. Shared by the screen walk (tests/ui) and the command line's (tests/cli)."""

from __future__ import annotations

import re
from collections.abc import Iterable

SLUG = re.compile(r"\b[a-z][a-z0-9_-]*@\d+\b")
RAW_KEY = re.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w./-])")
PATH = re.compile(r"\S*/\S*/\S*")  # a file path is the user's own, not prose
WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+(?:\(s\))?")
# Words that are English and never Swedish; short ones that are also Swedish words (in, is, by, be, sex, export,
# import, status, period, median) are left out, so a hit is a real leak.
ENGLISH = frozenset(
    re.findall(
        r"\S+",
        """the and with of for to from this that these those which are was were been has have not yes or on at
    case cases case(s) question questions round rounds review reviews reviewer reviewers choose show help usage
    options error save open close cancel settings summary before after share answer answers checklist
    checklists file files folder database women girls boys other unknown none every each only when what who
    where why how could should would will must need needs new old edit delete add remove list name date
    difference differences gap mean ratio flagged missing unit units kind training fictitious archived completed
    progress passphrase encrypt exchange selection comparison compared option positional arguments message
    exit""",
    )
)
INTERNAL = frozenset({"fardtjanst"})


def leaks(texts: Iterable[str], swedish: bool = True, allowed: Iterable[str] = ()) -> list[str]:
    """Every text that gives away an internal name, or (in Swedish) an English word, each with what gave it away."""
    allowed = set(allowed)
    found = []
    for text in texts:
        text = PATH.sub(" ", text)
        for match in [*SLUG.findall(text), *RAW_KEY.findall(text)]:
            if match not in allowed:
                found.append(f"{match!r} in {text!r}")
        for word in WORD.findall(text):
            lower = word.lower()
            if lower in INTERNAL and word not in allowed:
                found.append(f"{word!r} in {text!r}")
            elif swedish and lower in ENGLISH and word not in allowed:
                found.append(f"English {word!r} in {text!r}")
    return sorted(set(found))
