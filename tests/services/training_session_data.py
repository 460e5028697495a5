"""Participants of a training session, made as a participant makes them: a training round of a built-in pack,
answered in the review form's services and exported with `export_training_answers`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewer.bootstrap import App
from reviewer.services.cases import list_cases
from reviewer.services.reviews import complete_review, open_review, save_answer
from reviewer.services.training import builtin_training_packs, start_training_round
from reviewer.services.training_exchange import export_training_answers

# (case code, question key, facit answer) → the participant's answer
Answering = Callable[[str, str, Any], Any]


def like_facit(case: str, key: str, facit: Any) -> Any:
    return facit


def flipped(*keys: str, cases: tuple[str, ...] | None = None) -> Answering:
    """Like the facit, but yes and no swapped in the given questions (of the given cases, or all)."""

    def answer(case: str, key: str, facit: Any) -> Any:
        if key in keys and (cases is None or case in cases) and facit in ("ja", "nej"):
            return "nej" if facit == "ja" else "ja"
        return facit

    return answer


def training_round(app: App, pack_slug: str = "missbruk-ovning") -> str:
    with app.db.session() as session:
        pack = next(p for p in builtin_training_packs(session) if p.slug == pack_slug)
        return start_training_round(session, pack, builtin=True, actor="KF").uuid


def answer_round(app: App, round_uuid: str, reviewer: str, answering: Answering = like_facit) -> None:
    from reviewer.services.training import pack_of_round

    with app.db.session() as session:
        pack = pack_of_round(session, round_uuid)
        assert pack is not None
        for row in list_cases(session, round_uuid):
            snapshot = open_review(session, row.uuid, reviewer)
            case = pack.case(row.case_code)
            assert case is not None
            for key, entry in case.facit.items():
                question = snapshot.definition.question(key)
                value = answering(row.case_code, key, entry.answer)
                if value is not None and question is not None:
                    save_answer(session, snapshot, question, value, None)
            complete_review(session, snapshot, reviewer)


def participant_file(
    app: App, path: Path, reviewer: str, answering: Answering = like_facit, pack_slug: str = "missbruk-ovning"
) -> Path:
    """One participant's training exchange file: a new training round of the pack, answered and exported."""
    round_uuid = training_round(app, pack_slug)
    answer_round(app, round_uuid, reviewer, answering)
    with app.db.session() as session:
        export_training_answers(session, round_uuid, path, exported_by=reviewer)
    return path
