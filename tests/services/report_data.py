"""Rounds for the report and agreement tests: the aggregation tests' known round, plus second reviews of some of its
cases (double-reviewed files) and distinctive strings that must never reach a report."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from reviewer.checklists.answers import AnswerValue, encode
from reviewer.domain.sex import Sex
from reviewer.services import answer_counts
from reviewer.services.checklists import definition_of
from reviewer.storage.models import Answer, Case, ChecklistVersion, Review, ReviewStatus, Round
from tests.services.aggregation_data import Case as KnownCase
from tests.services.aggregation_data import add_checklist, add_round, checklist_data, known_cases

# Planted in the database; a report holding any of them leaks personal data or free text.
SECRET_REVIEWER = "Hemliga Granskarsson"
SECOND_REVIEWER = "Andra Dubbelgranskare"
SECRET_TEXT = "FRITEXTHEMLIGHET"
SECRET_NOTE = "ANTECKNINGHEMLIGHET"
SECRETS = (SECRET_REVIEWER, SECOND_REVIEWER, SECRET_TEXT, SECRET_NOTE, "T-0001", "T-0042")


def add_review(
    session: Any,
    round_uuid: str,
    case_code: str,
    reviewer: str,
    answers: dict[str, AnswerValue],
    status: ReviewStatus = ReviewStatus.COMPLETE,
    notes: dict[str, str] | None = None,
) -> None:
    """Another reviewer's review of an existing case (a double-reviewed file)."""
    round_ = session.exec(select(Round).where(Round.uuid == round_uuid)).one()
    case = session.exec(select(Case).where(Case.round_id == round_.id, Case.case_code == case_code)).one()
    checklist = session.get(ChecklistVersion, round_.checklist_version_id)
    definition = definition_of(checklist)
    review = Review(case_id=case.id, checklist_version_id=round_.checklist_version_id, reviewer=reviewer, status=status)
    session.add(review)
    session.flush()
    for key, value in answers.items():
        question = definition.question(key)
        assert question is not None, key
        encoded = encode(question, value)
        session.add(
            Answer(
                review_id=review.id,
                question_key=key,
                value_json=encoded.value_json,
                value_code=encoded.value_code,
                value_number=encoded.value_number,
                note=(notes or {}).get(key),
            )
        )
    session.flush()
    answer_counts.add(session, [review.id])
    session.commit()


def known_round_with_secrets(session: Any) -> tuple[str, str]:
    """The aggregation tests' known round (102 cases) with a baseline round, planted secrets, and second reviews
    of eight cases; returns (round UUID, baseline UUID)."""
    add_checklist(session, checklist_data())
    baseline_cases = [KnownCase(Sex.KVINNA, {"fragat": "ja"})] * 6 + [KnownCase(Sex.MAN, {"fragat": "nej"})] * 6
    baseline = add_round(session, "Före 2024", baseline_cases)
    cases = known_cases()
    cases[0].reviewer = SECRET_REVIEWER
    cases[0].answers["kommentar"] = SECRET_TEXT
    cases[0].notes["fragat"] = SECRET_NOTE
    round_uuid = add_round(session, "Känd 2026", cases, baseline_uuid=baseline)
    # The first reviews said "fragat" ja for women 1–21 and men 51–85, nej for women 22–50 and men 86–99. The
    # second reviewer agrees on 6 of 8: rows ja 4/8, nej 4/8, columns the same, so kappa = (0.75 − 0.5) / 0.5 = 0.5.
    second = {1: "ja", 2: "ja", 3: "nej", 30: "nej", 31: "nej", 32: "ja", 51: "ja", 86: "nej"}
    for number, answer in second.items():
        add_review(session, round_uuid, f"T-{number:04d}", SECOND_REVIEWER, {"fragat": answer})
    return round_uuid, baseline
