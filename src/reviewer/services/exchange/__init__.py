"""Exchange files between a caseworker's program and the unit chief's: export, read, plan, apply.

The format is documented in `docs/exchange-format.md`; its JSON Schema is `schema/exchange-v1.schema.json` here.
"""

from reviewer.services.exchange.errors import (
    ExchangeConflictError,
    ExchangeError,
    ExchangeFormatError,
    PassphraseRequiredError,
    UnresolvedConflictError,
    WrongPassphraseError,
)
from reviewer.services.exchange.export import FILE_SUFFIX, ExportSummary, export_exchange
from reviewer.services.exchange.format import FORMAT_VERSION
from reviewer.services.exchange.plan import Conflict, FilePlan, ImportPlan, ReviewSide
from reviewer.services.exchange.planner import plan_import
from reviewer.services.exchange.reader import ExchangeFile, read_exchange
from reviewer.services.exchange.summary import FileSummary, ImportSummary, Resolution, ReviewCounts
from reviewer.services.exchange.writer import apply_import

__all__ = [
    "FILE_SUFFIX",
    "FORMAT_VERSION",
    "Conflict",
    "ExchangeConflictError",
    "ExchangeError",
    "ExchangeFile",
    "ExchangeFormatError",
    "ExportSummary",
    "FilePlan",
    "FileSummary",
    "ImportPlan",
    "ImportSummary",
    "PassphraseRequiredError",
    "Resolution",
    "ReviewCounts",
    "ReviewSide",
    "UnresolvedConflictError",
    "WrongPassphraseError",
    "apply_import",
    "export_exchange",
    "plan_import",
    "read_exchange",
]
