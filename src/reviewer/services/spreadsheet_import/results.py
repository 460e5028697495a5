"""What a spreadsheet import reports: the problems found, with their row and column, and what was stored."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.domain.text import Language, Message, ReviewerError, count_of, language_from_environment

MAX_ISSUES = 200


@dataclass(frozen=True)
class ImportIssue:
    """One problem in the file: the row as Excel numbers it (header = 1; None for the file as a whole) and the
    column (its heading, or its letter when it has none)."""

    row: int | None
    column: str | None
    message: Message

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        parts = []
        if self.row is not None:
            parts.append(f"{'Row' if lang == 'en' else 'Rad'} {self.row}")
        if self.column is not None:
            parts.append(f"{'column' if lang == 'en' else 'kolumn'} '{self.column}'")
        where = ", ".join(parts)
        where = where[:1].upper() + where[1:]
        return f"{where}: {self.message.text(lang)}" if where else self.message.text(lang)


class SpreadsheetImportError(ReviewerError):
    """The file cannot be imported; `issues` says where and why (at most MAX_ISSUES; `more` counts the rest)."""

    def __init__(self, message: Message, issues: Sequence[ImportIssue] = (), more: int = 0) -> None:
        super().__init__(message)
        self.issues = list(issues)
        self.more = more

    def lines(self, language: Language | None = None) -> list[str]:
        """One line per issue, plus a last line counting the issues left out."""
        lang = language or language_from_environment()
        lines = [issue.text(lang) for issue in self.issues]
        if self.more:
            lines.append(f"… and {self.more} more" if lang == "en" else f"… och {self.more} fel till")
        return lines

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        return "\n".join([self.message.text(lang), *(f"  {line}" for line in self.lines(lang))])


@dataclass(frozen=True)
class ImportSummary:
    """What a valid file holds (after `validate_file`) or what was stored (after `import_file`)."""

    file_name: str
    round_name: str
    cases: int
    reviews: int
    answers: int
    complete: int
    in_progress: int

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        if lang == "en":
            return (
                f"{count_of(self.cases, 'case', 'cases')}, {count_of(self.reviews, 'review', 'reviews')} "
                f"({self.complete} complete, {self.in_progress} in progress), "
                f"{count_of(self.answers, 'answer', 'answers')}"
            )
        return (
            f"{count_of(self.cases, 'ärende', 'ärenden')}, {count_of(self.reviews, 'granskning', 'granskningar')} "
            f"({self.complete} {'klar' if self.complete == 1 else 'klara'}, {self.in_progress} "
            f"{'påbörjad' if self.in_progress == 1 else 'påbörjade'}), {self.answers} svar"
        )


def _file_error(sv: str, en: str) -> SpreadsheetImportError:
    return SpreadsheetImportError(Message(sv, en))


class _Issues:
    """Collects issues, keeping the first MAX_ISSUES and counting the rest."""

    def __init__(self) -> None:
        self.kept: list[ImportIssue] = []
        self.total = 0

    def add(self, row: int | None, column: str | None, sv: str, en: str) -> None:
        self.add_message(row, column, Message(sv, en))

    def add_message(self, row: int | None, column: str | None, message: Message) -> None:
        self.total += 1
        if len(self.kept) < MAX_ISSUES:
            self.kept.append(ImportIssue(row, column, message))
