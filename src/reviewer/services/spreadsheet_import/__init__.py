"""Importing earlier reviews from a spreadsheet (CSV or XLSX) into a round, e.g. to make it a baseline round.

One row per reviewed case: the fixed columns `case_code`, `sex`, `age_band`, `unit`, `reviewer`, then one column per
question key of the round's checklist, and optionally a note column `<key>_note` (or `<key>_anteckning`) per
question. The format is documented in `docs/spreadsheet-import.md`.

The whole file is read and validated first, collecting every problem with its row (as Excel numbers it: the header
is row 1) and column; only a file without any problem is written, in one transaction, with Core bulk inserts (as in
`services.demo`), so ten thousand rows take seconds and a failure leaves nothing behind.
"""

from reviewer.services.spreadsheet_import.columns import column_letter
from reviewer.services.spreadsheet_import.importing import (
    IMPORT_KIND,
    SPREADSHEET_FORMAT_VERSION,
    import_file,
    validate_file,
)
from reviewer.services.spreadsheet_import.results import (
    MAX_ISSUES,
    ImportIssue,
    ImportSummary,
    SpreadsheetImportError,
)

__all__ = [
    "IMPORT_KIND",
    "MAX_ISSUES",
    "SPREADSHEET_FORMAT_VERSION",
    "ImportIssue",
    "ImportSummary",
    "SpreadsheetImportError",
    "column_letter",
    "import_file",
    "validate_file",
]
