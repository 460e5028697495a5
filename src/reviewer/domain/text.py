"""Bilingual messages for the layers that cannot use Qt's translator.

Errors raised below the UI carry both languages, so the CLI and the GUI can each show the one the user reads,
without any global language state in the lower layers.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Language = Literal["sv", "en"]


def language_from_environment(environ: Mapping[str, str] | None = None) -> Language:
    """English when the POSIX locale variables ask for it; Swedish otherwise (the product's first language)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "sv"
    return "sv"


def count_of(n: int | str, one: str, many: str) -> str:
    """ "1 ärende", "2 ärenden": Swedish and English both take the singular for one only (Qt's %n does the UI).
    A count may be a mark for a hidden figure ("x"), which takes the plural."""
    return f"{n} {one if str(n) == '1' else many}"


@dataclass(frozen=True)
class Message:
    sv: str
    en: str

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        return self.en if lang == "en" else self.sv

    def __str__(self) -> str:
        return self.text()


class ReviewerError(Exception):
    """An expected failure with a message meant for the user; anything else is a bug."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message

    def text(self, language: Language | None = None) -> str:
        return self.message.text(language)

    def __str__(self) -> str:
        return self.text("en")
