"""The help pages, one per area of the program (the files `help/<topic>.<language>.md`)."""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    START = "start"
    ROUNDS = "rounds"
    CASES = "cases"
    REVIEW = "review"
    CHECKLISTS = "checklists"
    TRAINING = "training"
    SUMMARY = "summary"
    EXPORT = "export"
    SHORTCUTS = "shortcuts"
