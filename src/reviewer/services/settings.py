"""The user's settings: one declarative schema with defaults, stored as JSON in the config folder.

A missing or unreadable file gives the defaults (and is reported in the log), so a damaged settings file can never
keep a caseworker out of their reviews.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from reviewer.domain.personnummer import contains_personnummer
from reviewer.services.files import read_bytes

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
MAX_SETTINGS_BYTES = 1_000_000
LanguageSetting = Literal["auto", "sv", "en"]


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    reviewer: str | None = Field(
        default=None,
        max_length=32,
        description="The reviewer's initials or pseudonym, recorded on every review they make.",
    )
    language: LanguageSetting = Field(default="auto", description="auto follows the system locale.")
    backups_kept: int = Field(
        default=10,
        ge=1,
        le=100,
        description="How many automatic backups of each kind (daily, before a migration, before a restore) are kept.",
    )

    exchange_folder: str | None = Field(
        default=None,
        max_length=4096,
        description="The folder the last exchange file was saved in; the next export offers it again.",
    )

    @field_validator("reviewer")
    @classmethod
    def _no_personnummer(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        if not value:
            return None
        if contains_personnummer(value):
            raise ValueError("a personnummer is not a pseudonym")
        return value


def _unreadable(sv: str, en: str) -> Exception:
    return OSError(en)


def load_settings(config_dir: Path) -> Settings:
    path = config_dir / SETTINGS_FILE
    if not path.exists():
        return Settings()
    try:
        return Settings.model_validate_json(read_bytes(path, SETTINGS_FILE, _unreadable, MAX_SETTINGS_BYTES))
    except (OSError, ValueError, ValidationError):
        log.warning("settings file %s is unreadable; using defaults", path.name)
        return Settings()


def save_settings(config_dir: Path, settings: Settings) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=config_dir, prefix=".settings.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(settings.model_dump(), ensure_ascii=False, indent=2))
        os.replace(tmp, config_dir / SETTINGS_FILE)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
