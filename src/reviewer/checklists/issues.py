"""One problem found in a checklist definition, as every checker reports it."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.domain.text import Language, Message, language_from_environment


@dataclass(frozen=True)
class Issue:
    """One problem in a checklist: where (JSON path, and the question key when there is one) and what.

    `where` replaces the JSON path in the text when the definition came from somewhere a user navigates otherwise
    (a workbook's sheet, row and column).
    """

    path: str
    message: Message
    key: str | None = None
    where: Message | None = None

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        where = self.where.text(lang) if self.where else self.path or "/"
        if self.key:
            where = f"{where} ({'question' if lang == 'en' else 'fråga'} '{self.key}')"
        return f"{where}: {self.message.text(lang)}"
