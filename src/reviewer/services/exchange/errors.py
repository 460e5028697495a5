"""Why an exchange file was refused. Every refusal leaves the database as it was."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from reviewer.domain.text import Language, Message, ReviewerError, language_from_environment


class Described(Protocol):
    """What an error needs of a conflict (`plan.Conflict`): its line of text. A protocol, so that the errors, which
    every module of the package raises, import none of them."""

    def text(self, language: Language | None = None) -> str: ...


class ExchangeError(ReviewerError):
    """Anything that stops an export or an import; the message names the file, never a case's personal data."""


class PassphraseRequiredError(ExchangeError):
    """The file is encrypted and no passphrase was given: ask for one and read it again."""


class WrongPassphraseError(ExchangeError):
    """The encryption's authentication failed: a wrong passphrase, or the encrypted file was changed."""


class ExchangeFormatError(ExchangeError):
    """Not an exchange file, or one that is truncated, changed by hand, from a newer version, or holds invalid data."""


class ExchangeConflictError(ExchangeError):
    """The file is sound but contradicts the database in a way no choice can settle (a checklist version with other
    content, a case with another sex); one of the two sides has to be corrected first."""


class UnresolvedConflictError(ExchangeError):
    """Reviews differ between the file and the database and no one has said which to keep."""

    def __init__(self, message: Message, conflicts: Sequence[Described]) -> None:
        super().__init__(message)
        self.conflicts = list(conflicts)

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        return "\n".join([self.message.text(lang), *(f"  {c.text(lang)}" for c in self.conflicts)])
