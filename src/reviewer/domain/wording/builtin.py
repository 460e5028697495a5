"""The built-in Swedish lexicon, version 1: the list every database starts with (sources in docs/wording-lexicon.md).

The list is a data file beside this module in the spreadsheet's own format, so it can be read and corrected like any
exported version. Changing the file changes what version 1 means for every round pinned to it: add a new built-in
version instead.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

from reviewer.domain.wording.lexicon import Lexicon
from reviewer.domain.wording.rows import entries_from_rows

BUILTIN_VERSION = 1
_FILE = "builtin_v1.csv"


@cache
def builtin_lexicon() -> Lexicon:
    text = resources.files(__package__).joinpath(_FILE).read_text(encoding="utf-8")
    return Lexicon(BUILTIN_VERSION, entries_from_rows(csv.reader(io.StringIO(text))))
