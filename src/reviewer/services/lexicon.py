"""The lexicon of value-laden words in numbered versions, and which version a round counts with.

A saved version never changes: editing the list saves the next number, so the counts of a round stay what they were
and two rounds are comparable exactly when they were counted with the same version. A round pins the current
version when it is created; a round from before lexicons existed counts with the built-in version 1. Files to edit
the list in Excel are `services.lexicon_files`; what the list is and where it comes from is docs/wording-lexicon.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from reviewer.domain.text import Message, ReviewerError
from reviewer.domain.wording import (
    BUILTIN_VERSION,
    Lexicon,
    LexiconEntry,
    builtin_lexicon,
    entries_from_json,
    entries_to_json,
)
from reviewer.services import audit
from reviewer.storage.models import LexiconVersion, Round

NOTE_LENGTH = 500


@dataclass(frozen=True)
class LexiconSummary:
    version: int
    builtin: bool
    note: str
    created_by: str
    created_at: datetime
    entries: int
    rounds: int  # rounds pinned to this version


def _audit_key(version: int) -> str:
    return f"lexicon:{version}"


def _store(session: Session, lexicon: Lexicon, builtin: bool, note: str, actor: str) -> LexiconVersion:
    text = entries_to_json(lexicon.entries)
    row = LexiconVersion(
        version=lexicon.version,
        entries_json=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        builtin=builtin,
        note=note,
        created_by=actor,
    )
    session.add(row)
    session.flush()
    return row


def ensure_builtin(session: Session, *, commit: bool = True) -> bool:
    """Store the built-in version 1 in a database that lacks it (a new one, or one from before lexicons); returns
    whether it was added. `commit=False` leaves it in the caller's transaction (a round being created)."""
    if session.exec(select(LexiconVersion).where(LexiconVersion.version == BUILTIN_VERSION)).first() is not None:
        return False
    _store(session, builtin_lexicon(), True, "", "")
    if commit:
        session.commit()
    return True


def _row(session: Session, version: int | None = None) -> LexiconVersion:
    """The stored version `version`, or the newest; the built-in one is added first when nothing is stored."""
    ensure_builtin(session, commit=False)
    query = select(LexiconVersion)
    if version is None:
        query = query.order_by(col(LexiconVersion.version).desc()).limit(1)
    else:
        query = query.where(LexiconVersion.version == version)
    row = session.exec(query).first()
    if row is None:
        raise ReviewerError(
            Message(f"Ordlistan har ingen version {version}.", f"The lexicon has no version {version}.")
        )
    return row


def _lexicon(row: LexiconVersion) -> Lexicon:
    return Lexicon(row.version, entries_from_json(row.entries_json))


def current_lexicon(session: Session) -> Lexicon:
    """The newest version: what a new round counts with."""
    return _lexicon(_row(session))


def get_lexicon(session: Session, version: int) -> Lexicon:
    return _lexicon(_row(session, version))


def current_version_id(session: Session) -> int:
    """The row id of the newest version, for a new round to pin."""
    row = _row(session)
    assert row.id is not None
    return row.id


def lexicon_for_round(session: Session, round_uuid: str) -> Lexicon:
    """The version the round was created with; a round from before lexicons counts with the built-in version 1."""
    round_ = session.exec(select(Round).where(Round.uuid == round_uuid)).first()
    if round_ is None:
        raise ReviewerError(Message("Omgången finns inte.", "The round does not exist."))
    if round_.lexicon_version_id is None:
        return get_lexicon(session, BUILTIN_VERSION)
    row = session.get(LexiconVersion, round_.lexicon_version_id)
    assert row is not None  # a foreign key
    return _lexicon(row)


def save_lexicon(session: Session, entries: Iterable[LexiconEntry], actor: str, note: str) -> int:
    """Store the entries as the next version and return its number; refuses a list equal to the newest version or
    one that cannot be matched unambiguously, and changes nothing then. Commits, with an audit event."""
    note = " ".join(note.split())
    if len(note) > NOTE_LENGTH:
        raise ReviewerError(
            Message(
                f"Anteckningen är för lång (högst {NOTE_LENGTH} tecken).",
                f"The note is too long (at most {NOTE_LENGTH} characters).",
            )
        )
    newest = _row(session)
    lexicon = Lexicon(newest.version + 1, tuple(entries))
    if not lexicon.entries:
        raise ReviewerError(Message("Ordlistan är tom.", "The lexicon is empty."))
    if entries_to_json(lexicon.entries) == newest.entries_json:
        raise ReviewerError(
            Message(
                f"Ordlistan är densamma som version {newest.version}; ingen ny version sparades.",
                f"The lexicon is the same as version {newest.version}; no new version was saved.",
            )
        )
    before = {entry.lemma for entry in entries_from_json(newest.entries_json)}
    after = {entry.lemma for entry in lexicon.entries}
    _store(session, lexicon, False, note, actor)
    audit.record(
        session,
        actor,
        "lexicon",
        _audit_key(lexicon.version),
        "save",
        version=lexicon.version,
        previous=newest.version,
        entries=len(lexicon.entries),
        added=len(after - before),
        removed=len(before - after),
        note=note,
    )
    session.commit()
    return lexicon.version


def list_versions(session: Session) -> list[LexiconSummary]:
    """Every version, newest first, with how many rounds count with it."""
    ensure_builtin(session, commit=False)
    pinned = dict(
        session.exec(
            select(Round.lexicon_version_id, func.count())
            .where(col(Round.lexicon_version_id).is_not(None))
            .group_by(col(Round.lexicon_version_id))
        ).all()
    )
    unpinned = session.exec(select(func.count()).where(col(Round.lexicon_version_id).is_(None))).one()
    rows = session.exec(select(LexiconVersion).order_by(col(LexiconVersion.version).desc())).all()
    return [
        LexiconSummary(
            version=row.version,
            builtin=row.builtin,
            note=row.note,
            created_by=row.created_by,
            created_at=row.created_at,
            entries=len(entries_from_json(row.entries_json)),
            rounds=pinned.get(row.id, 0) + (unpinned if row.version == BUILTIN_VERSION else 0),
        )
        for row in rows
    ]
