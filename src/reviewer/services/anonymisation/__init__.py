"""The anonymised result: what of the sex-split aggregation of some rounds may leave the unit, with what was hidden
and why. The CSV, XLSX and JSON exports and the anonymised PDF report are written from it, so they agree.

The counts come from the aggregation service (`services.aggregation.aggregate`), never from a second counting code;
this module only decides what to hide (`domain.disclosure`) and fetches the one thing the aggregation does not
return: the largest amounts of each money question, which the dominance rule needs. What never enters the result:
free-text and date questions, notes, case codes, reviewer names or initials (the method gives only how many
reviewers), dates finer than a round's period label (the export's own date is a day), the smallest and largest
value of a number (each describes a single case), and any figure about fewer than k cases.

Every release that leaves the unit is recorded in the release register (`register`), and a new one is checked
against the earlier ones of overlapping selections (`domain.releases`), so that releases are protected together.

The rules and their reasons are documented in `docs/anonymisation.md`.
"""

from reviewer.services.anonymisation.build import build_anonymised
from reviewer.services.anonymisation.model import (
    CASES_LABEL,
    COLUMNS,
    COMPARISON_LABEL,
    FIGURES_LABEL,
    NOT_APPLICABLE_LABEL,
    SUM_LABEL,
    TOTAL_LABEL,
    AnonymisedQuestion,
    AnonymisedResult,
    AnonymisedSection,
    Cell,
    Column,
    ExportError,
    ExportRequest,
    HiddenCell,
    Method,
    NumberCell,
    Progress,
    RoundLabel,
    Row,
)
from reviewer.services.anonymisation.register import ReleaseSummary, list_releases, record_release
from reviewer.services.anonymisation.vocabulary import ForbiddenStrings, checklist_texts, forbidden_strings

__all__ = [
    "CASES_LABEL",
    "COLUMNS",
    "COMPARISON_LABEL",
    "FIGURES_LABEL",
    "NOT_APPLICABLE_LABEL",
    "SUM_LABEL",
    "TOTAL_LABEL",
    "AnonymisedQuestion",
    "AnonymisedResult",
    "AnonymisedSection",
    "Cell",
    "Column",
    "ExportError",
    "ExportRequest",
    "ForbiddenStrings",
    "HiddenCell",
    "Method",
    "NumberCell",
    "Progress",
    "ReleaseSummary",
    "RoundLabel",
    "Row",
    "build_anonymised",
    "checklist_texts",
    "forbidden_strings",
    "list_releases",
    "record_release",
]
