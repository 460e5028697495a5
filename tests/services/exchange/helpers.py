"""Building exchange files for the tests: real exports from real databases, and hand-made changes to them."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

from sqlalchemy import text

from reviewer.checklists.answers import content_sha256
from reviewer.domain.sex import Sex
from reviewer.services.cases import CaseInput, add_case
from reviewer.services.checklists import get_version
from reviewer.services.exchange import export_exchange
from reviewer.services.exchange.format import canonical_json
from reviewer.services.reviews import complete_review, open_review, save_answer
from reviewer.services.rounds import create_round

TABLES = ("checklist_version", "review_round", "review_case", "review", "answer", "audit_event", "import_record")

# Every required question of the missbruk checklist, so a review can be completed.
COMPLETE = {
    "arendets_start": "anmalan",
    "beslut": "beviljat",
    "handlaggningstid_dagar": 30,
    "overklagat": "nej",
    "insats": ["oppenvard"],
    "strukturerad_bedomning": ["asi"],
    "fragat_om_barn": "ja",
    "fragat_om_vald_utsatt": "ja",
    "fragat_om_vald_utovat": "nej",
    "samsjuklighet_dokumenterad": "ja",
    "egen_uppfattning_dokumenterad": "ja",
    "bedomning_motiverad": "ja",
    "stereotypa_antaganden": "nej",
    "konsbytestest": "ja",
}


def fingerprint(app) -> dict[str, tuple[int, str]]:
    """Row count and a hash of every row of every table: equal fingerprints mean nothing was written."""
    result = {}
    with app.db.engine.connect() as conn:
        for table in TABLES:
            rows = conn.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()
            result[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return result


def make_round(app, name: str = "Missbruk 2024", period: str = "2024", **kwargs: Any) -> str:
    with app.db.session() as session:
        return create_round(session, name, get_version(session, "missbruk"), period, **kwargs).uuid


def add_reviewed_case(
    app,
    round_uuid: str,
    code: str,
    reviewer: str = "AB",
    sex: Sex = Sex.KVINNA,
    answers: dict[str, Any] | None = None,
    notes: dict[str, str] | None = None,
    complete: bool = False,
) -> tuple[str, str]:
    """A case with one review answered through the review service, as a caseworker makes it; (case, review) uuids."""
    with app.db.session() as session:
        case = add_case(session, round_uuid, CaseInput(code, sex, "a25_34", "Norr"))
        case_uuid = case.uuid
    review_uuid = answer(app, case_uuid, reviewer, answers or {"fragat_om_barn": "ja"}, notes)
    if complete:
        with app.db.session() as session:
            snapshot = open_review(session, case_uuid, reviewer)
            for key, value in COMPLETE.items():
                if key not in snapshot.answers:
                    save_answer(session, snapshot, snapshot.definition.question(key), value, None)
            complete_review(session, snapshot, reviewer)
    return case_uuid, review_uuid


def answer(app, case_uuid: str, reviewer: str, answers: dict[str, Any], notes: dict[str, str] | None = None) -> str:
    """Save answers (and notes) to the reviewer's review of the case, one autosave each; the review's uuid."""
    notes = notes or {}
    with app.db.session() as session:
        snapshot = open_review(session, case_uuid, reviewer)
        for key in answers.keys() | notes.keys():
            save_answer(session, snapshot, snapshot.definition.question(key), answers.get(key), notes.get(key))
        return snapshot.review_uuid


def load_document(path: Path) -> dict[str, Any]:
    return json.loads(gzip.decompress(path.read_bytes()))


def save_document(path: Path, document: dict[str, Any], rehash: bool = True) -> Path:
    """Write a (changed) document as plain JSON; with `rehash`, its checksums and counts are made to fit again, as a
    careful forger would, so that what is tested is the check behind them."""
    if rehash:
        content = document["content"]
        for review in content["reviews"]:
            answers = {key: a if isinstance(a, dict) else {"value": a} for key, a in review["answers"].items()}
            review["content_sha256"] = content_sha256(
                {key: (json.dumps(a.get("value"), ensure_ascii=False), a.get("note")) for key, a in answers.items()}
            )
        document["manifest"]["counts"] = {
            "checklist_versions": len(content["checklist_versions"]),
            "rounds": len(content["rounds"]),
            "cases": len(content["cases"]),
            "reviews": len(content["reviews"]),
            "answers": sum(len(r["answers"]) for r in content["reviews"]),
        }
        document["manifest"]["content_sha256"] = hashlib.sha256(canonical_json(content).encode()).hexdigest()
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def contents(app) -> dict[str, Any]:
    """Everything an exchange file carries, keyed by what travels (names, codes, uuids), not by local ids."""
    from sqlmodel import select

    from reviewer.storage.models import Answer, Case, ChecklistVersion, Review, Round

    with app.db.session() as session:
        rounds = {r.id: r for r in session.exec(select(Round))}
        checklists = {c.id: f"{c.slug}@{c.version}:{c.sha256}" for c in session.exec(select(ChecklistVersion))}
        cases = {c.id: c for c in session.exec(select(Case))}
        answers: dict[int, dict[str, tuple[Any, ...]]] = {}
        for a in session.exec(select(Answer)):
            answers.setdefault(a.review_id, {})[a.question_key] = (a.value_json, a.value_code, a.value_number, a.note)
        result: dict[str, Any] = {}
        for r in rounds.values():
            baseline = rounds[r.baseline_round_id].name if r.baseline_round_id else None
            result[r.name] = {
                "round": (r.uuid, r.area, checklists[r.checklist_version_id], r.period_label, r.kind, r.fictitious),
                "archived": r.archived,
                "baseline": baseline,
                "cases": {},
            }
        for c in cases.values():
            result[rounds[c.round_id].name]["cases"][c.case_code] = {
                "case": (c.uuid, c.sex, c.age_band, c.unit),
                "reviews": {},
            }
        for review in session.exec(select(Review)):
            case = cases[review.case_id]
            result[rounds[case.round_id].name]["cases"][case.case_code]["reviews"][review.reviewer] = {
                "review": (
                    review.uuid,
                    checklists[review.checklist_version_id],
                    review.status,
                    review.revision,
                    review.content_sha256 or content_sha256({}),  # a review never saved has no hash yet
                    review.created_at,
                    review.updated_at,
                    review.completed_at,
                ),
                "answers": answers.get(review.id, {}),
            }
    return result


def export_two_cases(app, path: Path) -> Path:
    """A plain export of one round: two cases, one complete review with a note and a text answer (MB-1 by AB), one
    in progress (MB-2 by CD)."""
    round_uuid = make_round(app)
    add_reviewed_case(
        app,
        round_uuid,
        "MB-1",
        answers={
            "fragat_om_barn": "ja",
            "konsbytestest": "nej",
            "konsbytestest_kommentar": "Mannen fick inte samma frågor",
        },
        notes={"fragat_om_barn": "Frågan ställdes vid andra besöket"},
        complete=True,
    )
    add_reviewed_case(app, round_uuid, "MB-2", reviewer="CD", sex=Sex.MAN, answers={"handlaggningstid_dagar": 12})
    with app.db.session() as session:
        export_exchange(session, path, exported_by="AB")
    return path
