"""Writing an exchange file: the selected rounds with their cases, reviews, answers and checklist versions.

Audit events are never exported: they can hold earlier values of answers and notes that the caseworker has since
corrected, which the unit chief has no need of.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from reviewer import __version__
from reviewer.checklists.answers import content_sha256
from reviewer.domain.personnummer import guard_text, redact
from reviewer.domain.text import Language, Message, count_of, language_from_environment
from reviewer.services.exchange.envelope import seal
from reviewer.services.exchange.errors import ExchangeError
from reviewer.services.exchange.format import FORMAT_NAME, FORMAT_VERSION, canonical_json, checklist_ref
from reviewer.services.exchange.reader import EXPORTED_BY_FIELD
from reviewer.services.files import write_atomically
from reviewer.services.memory import collector_paused
from reviewer.services.rounds import get_round, require_real_rounds
from reviewer.storage.models import Answer, Case, ChecklistVersion, Review, Round, RoundKind, utcnow

FILE_SUFFIX = ".granskning"
MAX_EXPORTED_BY = 64


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    encrypted: bool
    checklist_versions: int
    rounds: int
    cases: int
    reviews: int
    answers: int

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        name = redact(self.path.name)
        if lang == "en":
            return (
                f"Wrote {name}{' (encrypted)' if self.encrypted else ''}: {count_of(self.rounds, 'round', 'rounds')}, "
                f"{count_of(self.cases, 'case', 'cases')}, {count_of(self.reviews, 'review', 'reviews')}, "
                f"{count_of(self.answers, 'answer', 'answers')}, "
                f"{count_of(self.checklist_versions, 'checklist version', 'checklist versions')}"
            )
        return (
            f"Skrev {name}{' (krypterad)' if self.encrypted else ''}: {count_of(self.rounds, 'omgång', 'omgångar')}, "
            f"{count_of(self.cases, 'ärende', 'ärenden')}, {count_of(self.reviews, 'granskning', 'granskningar')}, "
            f"{self.answers} svar, {count_of(self.checklist_versions, 'checklistversion', 'checklistversioner')}"
        )


def export_exchange(
    session: Session,
    path: Path,
    round_uuids: Sequence[str] | None = None,
    passphrase: str | None = None,
    exported_by: str = "",
) -> ExportSummary:
    """Write the rounds (all when None) to one file, encrypted when a passphrase is given; reads only."""
    with collector_paused():
        content = build_content(session, round_uuids)
    session.rollback()
    return write_exchange_file(Path(path), content, passphrase, exported_by)


def write_exchange_file(
    path: Path, content: dict[str, Any], passphrase: str | None = None, exported_by: str = ""
) -> ExportSummary:
    """Write content (as `build_content` makes it) with its manifest, gzip-compressed, sealed if a passphrase is
    given, atomically."""
    exported_by = exported_by.strip()
    if len(exported_by) > MAX_EXPORTED_BY:
        raise ExchangeError(
            Message(
                f"Namnet på den som exporterar är för långt (högst {MAX_EXPORTED_BY} tecken)",
                f"The exporter's name is too long ({MAX_EXPORTED_BY} characters at most)",
            )
        )
    guard_text(exported_by, EXPORTED_BY_FIELD)
    if passphrase is not None and not passphrase:
        raise ExchangeError(Message("Lösenfrasen får inte vara tom", "The passphrase must not be empty"))
    plain = document_bytes(content, exported_by, utcnow())
    data = gzip.compress(plain, compresslevel=6, mtime=0)
    if passphrase is not None:
        data = seal(data, passphrase)
    write_atomically(path, data)
    counts = _counts(content)
    return ExportSummary(path, passphrase is not None, **counts)


def _counts(content: dict[str, Any]) -> dict[str, int]:
    return {
        "checklist_versions": len(content["checklist_versions"]),
        "rounds": len(content["rounds"]),
        "cases": len(content["cases"]),
        "reviews": len(content["reviews"]),
        "answers": sum(len(review["answers"]) for review in content["reviews"]),
    }


def document_bytes(content: dict[str, Any], exported_by: str, created_at: datetime) -> bytes:
    """The plain form: the whole document as canonical JSON, the manifest's hash taken over `content` as written."""
    content_json = canonical_json(content)
    manifest = {
        "created_at": created_at.isoformat(),
        "app_version": __version__,
        "exported_by": exported_by,
        "counts": _counts(content),
        "content_sha256": hashlib.sha256(content_json.encode("utf-8")).hexdigest(),
    }
    # Keys in sorted order, so the document is itself canonical JSON.
    document = (
        f'{{"content":{content_json},"format":{json.dumps(FORMAT_NAME)},"format_version":{FORMAT_VERSION},'
        f'"manifest":{canonical_json(manifest)}}}'
    )
    return document.encode("utf-8")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def build_content(session: Session, round_uuids: Sequence[str] | None = None) -> dict[str, Any]:
    """The content section for the rounds (all when None), in a fixed order: rounds by name, cases by code, reviews
    by reviewer."""
    if round_uuids is None:
        rounds = list(
            session.execute(
                select(Round).where(col(Round.kind) == RoundKind.REAL).order_by(col(Round.name), col(Round.uuid))
            ).scalars()
        )
    else:
        require_real_rounds(session, round_uuids)
        chosen = {round_.id: round_ for round_ in (get_round(session, u) for u in round_uuids)}
        rounds = sorted(chosen.values(), key=lambda r: (r.name, r.uuid))
    if not rounds:
        raise ExchangeError(Message("Det finns inga omgångar att exportera", "There are no rounds to export"))
    return rounds_content(session, rounds)


def rounds_content(
    session: Session, rounds: Sequence[Round], packs: dict[str, tuple[str, int]] | None = None
) -> dict[str, Any]:
    """The content section for rounds already chosen (and checked) by the caller, in the order given; `packs`: a
    training round's pack (slug, version) by round UUID, written as its `training_pack`."""
    packs = packs or {}
    round_ids = [r.id for r in rounds]
    round_uuid_of: dict[int, str] = dict(session.execute(select(col(Round.id), col(Round.uuid))).all())
    order = {r.id: index for index, r in enumerate(rounds)}
    cases = sorted(
        session.execute(select(Case).where(col(Case.round_id).in_(round_ids))).scalars(),
        key=lambda c: (order[c.round_id], c.case_code),
    )
    case_uuid_of = {c.id: c.uuid for c in cases}
    position = {c.id: index for index, c in enumerate(cases)}
    reviews = sorted(
        session.execute(
            select(Review).join(Case, col(Case.id) == col(Review.case_id)).where(col(Case.round_id).in_(round_ids))
        ).scalars(),
        key=lambda r: (position[r.case_id], r.reviewer),
    )
    answers: dict[int, dict[str, dict[str, Any]]] = {}
    written: dict[int, dict[str, tuple[str, str | None]]] = {}
    decoded: dict[str, tuple[Any, str]] = {}  # each distinct stored value once: its JSON value and JSON text
    for review_id, key, value_json, note in session.execute(
        select(col(Answer.review_id), col(Answer.question_key), col(Answer.value_json), col(Answer.note))
        .join(Review, col(Review.id) == col(Answer.review_id))
        .join(Case, col(Case.id) == col(Review.case_id))
        .where(col(Case.round_id).in_(round_ids))
    ):
        known = decoded.get(value_json)
        if known is None:
            value = json.loads(value_json)
            known = decoded[value_json] = (value, json.dumps(value, ensure_ascii=False))
        answer: dict[str, Any] = {"value": known[0]}
        if note is not None:
            answer["note"] = note
        answers.setdefault(review_id, {})[key] = answer
        written.setdefault(review_id, {})[key] = (known[1], note)
    checklist_ids = {r.checklist_version_id for r in rounds} | {r.checklist_version_id for r in reviews}
    checklists = (
        session.execute(
            select(ChecklistVersion)
            .where(col(ChecklistVersion.id).in_(checklist_ids))
            .order_by(col(ChecklistVersion.slug), col(ChecklistVersion.version))
        )
        .scalars()
        .all()
    )
    ref_of = {c.id: checklist_ref(c.slug, c.version) for c in checklists}
    return {
        "checklist_versions": [
            {
                "slug": c.slug,
                "version": c.version,
                "uuid": c.uuid,
                "status": c.status.value,
                "sha256": c.sha256,
                "definition": json.loads(c.definition_json),
            }
            for c in checklists
        ],
        "rounds": [
            _round(
                r,
                ref_of[r.checklist_version_id],
                round_uuid_of.get(r.baseline_round_id) if r.baseline_round_id else None,
                packs.get(r.uuid),
            )
            for r in rounds
        ],
        "cases": [
            {
                "uuid": c.uuid,
                "round_uuid": round_uuid_of[c.round_id],
                "case_code": c.case_code,
                "sex": c.sex.value,
                "age_band": c.age_band,
                "unit": c.unit,
                "created_at": c.created_at.isoformat(),
            }
            for c in cases
        ],
        "reviews": [
            _review(
                review,
                case_uuid_of[review.case_id],
                ref_of[review.checklist_version_id],
                answers.get(review.id, {}),
                written.get(review.id, {}),
            )
            for review in reviews
        ],
    }


def _round(r: Round, ref: str, baseline_uuid: str | None, pack: tuple[str, int] | None = None) -> dict[str, Any]:
    """A round record; the sampling record only for a round whose cases were drawn, and the training pack only for a
    training round's answers (`services.training_exchange`), so a file without them stays readable by versions
    before them."""
    record: dict[str, Any] = {
        "uuid": r.uuid,
        "name": r.name,
        "area": r.area,
        "checklist": ref,
        "period_label": r.period_label,
        "kind": r.kind.value,
        "fictitious": r.fictitious,
        "baseline_round_uuid": baseline_uuid,
        "archived": r.archived,
        "created_at": r.created_at.isoformat(),
    }
    if r.sampling_json is not None:
        record["sampling"] = json.loads(r.sampling_json)
    if pack is not None:
        record["training_pack"] = {"slug": pack[0], "version": pack[1]}
    return record


def _review(
    review: Review,
    case_uuid: str,
    ref: str,
    answers: dict[str, dict[str, Any]],
    written: dict[str, tuple[str, str | None]],
) -> dict[str, Any]:
    """A review record; its checksum is over the values' JSON text as the file gives them (see the format)."""
    return {
        "uuid": review.uuid,
        "case_uuid": case_uuid,
        "checklist": ref,
        "reviewer": review.reviewer,
        "status": review.status.value,
        "revision": review.revision,
        "content_sha256": content_sha256(written),
        "created_at": review.created_at.isoformat(),
        "updated_at": review.updated_at.isoformat(),
        "completed_at": _iso(review.completed_at),
        "answers": answers,
    }
