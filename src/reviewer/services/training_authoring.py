"""Making a training pack in the program (issue 11): a facilitator makes a training round by hand, gives each case a
case text, reviews each case once in the ordinary review form – the answers are the facit, the note on each answer
its rationale – and exports the round as a pack file that `reviewer training import-pack` reads.

A round made by hand is a training round like one made from a pack (`services.rounds` keeps it out of every real
list, summary and file); its `training_round` row has no pack and holds the pack's title, description and feedback
mode instead. The exported pack goes through the same loader as every imported one before it is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from reviewer.checklists.answers import AnswerValue
from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.personnummer import guard_text, redact
from reviewer.domain.sex import Sex
from reviewer.domain.text import Message, count_of
from reviewer.services import audit
from reviewer.services.cases import CaseError, CaseInput, CaseStatus, add_case, delete_case, get_case, list_cases
from reviewer.services.cases import round_definition as definition_of_round
from reviewer.services.files import write_atomically
from reviewer.services.rounds import create_round, find_round_by_name, get_round, list_rounds
from reviewer.services.training import TRAINING_PERIOD, TrainingError, checklist_lookup
from reviewer.storage.models import (
    Answer,
    Case,
    ChecklistVersion,
    Review,
    ReviewStatus,
    Round,
    RoundKind,
    TrainingCaseText,
    TrainingRound,
)
from reviewer.training.authoring import CASE_CODE, facit_of_review, slug_from
from reviewer.training.loader import dump_pack, parse_pack
from reviewer.training.schema import FORMAT_VERSION, FeedbackMode, TrainingPack

TITLE_FIELD = Message("Paketets titel", "Pack title")
DESCRIPTION_FIELD = Message("Beskrivning", "Description")
CASE_TEXT_FIELD = Message("Ärendetext", "Case text")
AUTHOR_FIELD = Message("Upphov", "Author")
MAX_TITLE, MAX_DESCRIPTION, MAX_CASE_TEXT = 200, 2_000, 100_000


@dataclass(frozen=True)
class AuthoringRound:
    """A training round made by hand, as its list shows it."""

    uuid: str
    name: str
    title: str
    description: str
    feedback: FeedbackMode
    checklist: str
    case_count: int
    reviewed_count: int


@dataclass(frozen=True)
class AuthoringCase:
    uuid: str
    code: str
    sex: Sex
    age_band: str | None
    text: str
    status: CaseStatus


def _clean(text: str | None, field: Message, limit: int, required: bool) -> str:
    cleaned = (text or "").strip()
    if required and not cleaned:
        raise TrainingError(Message(f"{field.sv} saknas", f"{field.en} is missing"))
    if len(cleaned) > limit:
        raise TrainingError(
            Message(f"{field.sv} är för lång (högst {limit} tecken)", f"{field.en} is too long ({limit} max)")
        )
    guard_text(cleaned, field)
    return cleaned


def create_authoring_round(
    session: Session,
    name: str,
    checklist: ChecklistVersion,
    title: str,
    feedback: FeedbackMode = FeedbackMode.AFTER_EACH_CASE,
    description: str | None = None,
    actor: str = "",
) -> Round:
    """An empty training round whose cases the facilitator adds and reviews; nothing is stored when any field is
    refused."""
    title = " ".join(_clean(title, TITLE_FIELD, MAX_TITLE, required=True).split())
    description = _clean(description, DESCRIPTION_FIELD, MAX_DESCRIPTION, required=False)
    round_ = create_round(
        session, name, checklist, TRAINING_PERIOD, RoundKind.TRAINING, True, actor=actor, commit=False
    )
    assert round_.id is not None
    session.add(
        TrainingRound(round_id=round_.id, title=title, description=description or None, feedback=feedback.value)
    )
    session.commit()
    session.refresh(round_)
    return round_


def _authoring(session: Session, round_: Round) -> TrainingRound:
    """The round's training row; refuses a real round and one made from a pack (whose texts and facit the pack
    says)."""
    row = session.exec(select(TrainingRound).where(TrainingRound.round_id == round_.id)).first()
    if row is None or row.pack_id is not None or round_.kind is not RoundKind.TRAINING:
        raise TrainingError(
            Message(
                f"Omgången {round_.name} är ingen utbildningsomgång som gjorts för hand, så den kan inte bli ett paket "
                "här",
                f"The round {round_.name} is not a training round made by hand, so it cannot become a pack here",
            )
        )
    return row


def list_authoring_rounds(session: Session) -> list[AuthoringRound]:
    """The training rounds made by hand, newest first, with how many cases have a complete (facit) review."""
    made_by_hand = dict(
        session.exec(
            select(Round.uuid, TrainingRound)
            .join(TrainingRound, col(TrainingRound.round_id) == col(Round.id))
            .where(col(TrainingRound.pack_id).is_(None))
        ).all()
    )
    return [
        AuthoringRound(
            uuid=r.uuid,
            name=r.name,
            title=made_by_hand[r.uuid].title or r.name,
            description=made_by_hand[r.uuid].description or "",
            feedback=FeedbackMode(made_by_hand[r.uuid].feedback or FeedbackMode.AFTER_EACH_CASE.value),
            checklist=r.checklist_name,
            case_count=r.case_count,
            reviewed_count=r.completed_count,
        )
        for r in list_rounds(session, kind=RoundKind.TRAINING)
        if r.uuid in made_by_hand
    ]


def authoring_cases(session: Session, round_uuid: str) -> list[AuthoringCase]:
    round_ = get_round(session, round_uuid)
    _authoring(session, round_)
    texts = dict(
        session.exec(
            select(TrainingCaseText.case_id, TrainingCaseText.text)
            .join(Case, col(Case.id) == col(TrainingCaseText.case_id))
            .where(Case.round_id == round_.id)
        ).all()
    )
    ids = dict(session.exec(select(Case.uuid, Case.id).where(Case.round_id == round_.id)).all())
    return [
        AuthoringCase(row.uuid, row.case_code, row.sex, row.age_band, texts.get(ids[row.uuid] or 0, ""), row.status)
        for row in list_cases(session, round_uuid)
    ]


def authoring_definition(session: Session, round_uuid: str) -> ChecklistDefinition:
    """The checklist a round made by hand answers: the sexes and age bands its cases may have."""
    round_ = get_round(session, round_uuid)
    _authoring(session, round_)
    return definition_of_round(session, round_)


def _check_code(code: str) -> None:
    if code.strip() and not CASE_CODE.match(code.strip()):
        raise CaseError(
            Message(
                f"Ärendekoden '{redact(code.strip())}' passar inte i ett paket: använd bara A–Z, a–z, 0–9, - och _ "
                "(högst 64 tecken, börja med en bokstav eller siffra)",
                f"The case code '{redact(code.strip())}' does not fit a pack: use only A–Z, a–z, 0–9, - and _ "
                "(64 at most, starting with a letter or digit)",
            )
        )


def add_training_case(session: Session, round_uuid: str, data: CaseInput, text: str, actor: str = "") -> Case:
    """A case with its text; the text is checked before anything is stored, so a refused one leaves no case."""
    round_ = get_round(session, round_uuid)
    _authoring(session, round_)
    _check_code(data.case_code)
    if data.age_band is None:
        raise CaseError(Message("Åldersgruppen saknas", "The age band is missing"))
    cleaned = _clean(text, CASE_TEXT_FIELD, MAX_CASE_TEXT, required=True)
    case = add_case(session, round_uuid, CaseInput(data.case_code, data.sex, data.age_band), actor)
    assert case.id is not None
    session.add(TrainingCaseText(case_id=case.id, text=cleaned))
    session.commit()
    session.refresh(case)
    return case


def _case_in_authoring_round(session: Session, case_uuid: str) -> Case:
    case = get_case(session, case_uuid)
    round_ = session.get(Round, case.round_id)
    assert round_ is not None
    _authoring(session, round_)
    return case


def set_case_text(session: Session, case_uuid: str, text: str, actor: str = "") -> None:
    case = _case_in_authoring_round(session, case_uuid)
    cleaned = _clean(text, CASE_TEXT_FIELD, MAX_CASE_TEXT, required=True)
    row = session.exec(select(TrainingCaseText).where(TrainingCaseText.case_id == case.id)).first()
    row = row or TrainingCaseText(case_id=case.id or 0, text="")
    row.text = cleaned
    session.add(row)
    audit.record(session, actor, "case", case.uuid, "edit_text", characters=len(cleaned))
    session.commit()


def remove_training_case(session: Session, case_uuid: str, actor: str = "") -> None:
    """The case, its text and its reviews go; only a case of a round made by hand."""
    _case_in_authoring_round(session, case_uuid)
    delete_case(session, case_uuid, actor)


def _case_label(code: str) -> tuple[str, str]:
    return f"fall {code}", f"case {code}"


def _facit_reviews(session: Session, round_: Round) -> tuple[dict[int, list[Review]], dict[int, Case]]:
    cases = {c.id or 0: c for c in session.exec(select(Case).where(Case.round_id == round_.id))}
    reviews: dict[int, list[Review]] = {case_id: [] for case_id in cases}
    for review in session.exec(
        select(Review).where(col(Review.case_id).in_(list(cases)), Review.status != ReviewStatus.NOT_STARTED)
    ):
        reviews[review.case_id].append(review)  # a review only opened holds nothing and is no facit
    return reviews, cases


def _answers_of(session: Session, review: Review) -> tuple[dict[str, AnswerValue], dict[str, str]]:
    answers: dict[str, AnswerValue] = {}
    notes: dict[str, str] = {}
    for answer in session.exec(select(Answer).where(Answer.review_id == review.id)):
        value = json.loads(answer.value_json)
        if value is not None:
            answers[answer.question_key] = value
        if answer.note:
            notes[answer.question_key] = answer.note
    return answers, notes


def export_pack(
    session: Session,
    round_name: str,
    slug: str | None = None,
    version: int = 1,
    author: str | None = None,
) -> TrainingPack:
    """The round as a pack, validated by the loader that reads pack files; refuses with every problem listed (a case
    without its one complete review, a question shown without a rationale) and changes nothing."""
    round_ = find_round_by_name(session, round_name)
    meta = _authoring(session, round_)
    definition = definition_of_round(session, round_)
    reviews, cases = _facit_reviews(session, round_)
    texts = dict(
        session.exec(
            select(TrainingCaseText.case_id, TrainingCaseText.text).where(
                col(TrainingCaseText.case_id).in_(list(cases))
            )
        ).all()
    )
    problems: list[tuple[str, str]] = []
    exported = []
    reviewers: set[str] = set()
    if not cases:
        problems.append(("omgången har inga fall", "the round has no cases"))
    for case_id, case in sorted(cases.items(), key=lambda item: item[1].case_code):
        sv, en = _case_label(case.case_code)
        found = reviews[case_id]
        if not texts.get(case_id, "").strip():
            problems.append((f"{sv}: ärendetexten saknas", f"{en}: the case text is missing"))
        if not found:
            problems.append((f"{sv}: ingen granskning ännu (facit)", f"{en}: not reviewed yet (the facit)"))
            continue
        if len(found) > 1:
            who = ", ".join(sorted(r.reviewer for r in found))
            problems.append(
                (
                    f"{sv}: {len(found)} granskningar ({who}); facit ska vara en enda granskning",
                    f"{en}: {len(found)} reviews ({who}); the facit must be one review",
                )
            )
            continue
        review = found[0]
        if review.status is not ReviewStatus.COMPLETE:
            problems.append(
                (f"{sv}: granskningen är inte markerad som klar", f"{en}: the review is not marked complete")
            )
            continue
        answers, notes = _answers_of(session, review)
        facit, missing = facit_of_review(definition, answers, notes)
        for question in missing:
            problems.append(
                (
                    f"{sv}, fråga '{question.key}' ({question.text.sv}): motivering saknas (skriv den som anteckning "
                    "till svaret)",
                    f"{en}, question '{question.key}' ({question.text.text('en')}): the rationale is missing (write "
                    "it as the answer's note)",
                )
            )
        reviewers.add(review.reviewer)
        exported.append(
            {
                "code": case.case_code,
                "sex": case.sex.value,
                "age_band": case.age_band,
                "text": texts.get(case_id, ""),
                "facit": facit,
            }
        )
    if problems:
        n = len(problems)
        swedish = [
            f"Omgången {round_.name} kan inte exporteras som paket ännu ({count_of(n, 'sak', 'saker')} saknas):",
            *(p[0] for p in problems),
        ]
        english = [
            f"The round {round_.name} cannot be exported as a pack yet ({count_of(n, 'thing', 'things')} missing):"
        ]
        raise TrainingError(Message("\n  ".join(swedish), "\n  ".join(english + [p[1] for p in problems])))
    checklist = session.get(ChecklistVersion, round_.checklist_version_id)
    assert checklist is not None
    data = {
        "format_version": FORMAT_VERSION,
        "slug": slug or slug_from(meta.title or round_.name),
        "version": version,
        "title": meta.title or round_.name,
        "area": round_.area,
        "author": _clean(author or ", ".join(sorted(reviewers)), AUTHOR_FIELD, MAX_TITLE, required=True),
        "checklist": {"slug": checklist.slug, "version": checklist.version},
        "feedback": meta.feedback or FeedbackMode.AFTER_EACH_CASE.value,
        "cases": exported,
    }
    if meta.description:
        data["description"] = meta.description
    return parse_pack(
        json.dumps(data, ensure_ascii=False), round_.name, checklist_lookup(session, retired_too=True), "json"
    )


def write_pack(pack: TrainingPack, path: Path) -> None:
    """The pack as a file the loader reads: JSON for .json, otherwise YAML (.yaml, .yml), written whole or not at
    all."""
    path = Path(path)
    if path.suffix.lower() not in (".json", ".yaml", ".yml"):
        raise TrainingError(
            Message(
                f"Ett paket sparas som .yaml, .yml eller .json, inte {path.suffix or 'utan filändelse'}",
                f"A pack is saved as .yaml, .yml or .json, not {path.suffix or 'without a file extension'}",
            )
        )
    text = dump_pack(pack, "json" if path.suffix.lower() == ".json" else "yaml")
    try:
        write_atomically(path, text)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise TrainingError(
            Message(
                f"Filen {path.name} kunde inte sparas ({reason})", f"The file {path.name} could not be saved ({reason})"
            )
        ) from None
