"""Fictitious demo data: one round per built-in checklist, with differences between women and men built in.

Everything generated is marked fictitious (the round flag, "FIKTIV" case codes, "Exempel" reviewers) so it can never
be mistaken for real findings. The built-in differences follow the findings in DOMAIN.md (women asked more often about
children, described with more emotional wording, longer handling times in färdtjänst …) so the dashboard has
something to show; everything else gets a small, seeded, per-question difference.
"""

from __future__ import annotations

import functools
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import insert
from sqlmodel import Session, col, select

from reviewer.checklists.answers import AnswerValue, EncodedAnswer, content_sha256, encode
from reviewer.checklists.rules import is_visible
from reviewer.checklists.schema import ChecklistDefinition, Question, QuestionType, implicit_options
from reviewer.domain.sex import Sex, SexGroup, Subject, categories_for, group_of
from reviewer.domain.text import Message, ReviewerError
from reviewer.services.checklists import definition_of, get_version
from reviewer.services.rounds import create_round
from reviewer.storage.models import Answer, Case, Review, ReviewStatus, Round, RoundKind, new_uuid, utcnow

DEMO_PERIOD = "Exempel"
DEMO_UNITS = ("Enhet Norr", "Enhet Söder", "Enhet Väst")
DEMO_REVIEWERS = ("Exempel A", "Exempel B", "Exempel C")
SHARE_FEMALE = {"fardtjanst": 0.62, "barnomsorg": 0.7, "missbruk": 0.32}
SHARE_OTHER = 0.02

Progress = Callable[[int, int], None]


class DemoDataError(ReviewerError):
    pass


@dataclass(frozen=True)
class Bias:
    """How a women's (girls') answer differs from a men's (boys'): a probability shift or a factor on numbers."""

    yes_shift: float = 0.0
    number_factor: float = 1.0
    favoured_option: str | None = None
    centre: float | None = None


KNOWN_BIASES: dict[str, Bias] = {
    "fragat_om_barn": Bias(yes_shift=0.35),
    "fragat_om_vald_utsatt": Bias(yes_shift=0.3),
    "fragat_om_vald_utovat": Bias(yes_shift=-0.3),
    "vardeladdade_ord": Bias(number_factor=1.5),
    "antal_ord_beskrivning": Bias(number_factor=1.6, centre=220.0),
    "handlaggningstid_dagar": Bias(number_factor=1.25),
    "dygnskostnad": Bias(number_factor=0.85),
    "lakarintyg_begart": Bias(yes_shift=0.2),
    "ledsagare_beviljad": Bias(yes_shift=-0.15),
    "beslut": Bias(favoured_option="avslag"),
}


@functools.cache
def _stable_unit_interval(*parts: str) -> float:
    digest = hashlib.sha256("/".join(parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _bias_for(slug: str, question: Question) -> Bias:
    if question.key in KNOWN_BIASES:
        return KNOWN_BIASES[question.key]
    if not question.compare_by_sex:
        return Bias()
    u = _stable_unit_interval(slug, question.key)
    return Bias(yes_shift=(u - 0.5) * 0.3, number_factor=0.85 + u * 0.3)


_NUMBER_CENTRE = {
    QuestionType.INTEGER: 8.0,
    QuestionType.DECIMAL: 3.0,
    QuestionType.MONEY: 2400.0,
    QuestionType.DAYS: 45.0,
}


def _answer(rng: random.Random, slug: str, question: Question, female: bool) -> AnswerValue:
    bias = _bias_for(slug, question)
    base = _stable_unit_interval("base", slug, question.key)
    kind = question.type
    if kind in {QuestionType.YES_NO, QuestionType.YES_NO_NA}:
        if kind is QuestionType.YES_NO_NA and rng.random() < 0.08:
            return "ej_aktuellt"
        p_yes = 0.35 + 0.45 * base + (bias.yes_shift / 2 if female else -bias.yes_shift / 2)
        return "ja" if rng.random() < min(max(p_yes, 0.02), 0.98) else "nej"
    if kind is QuestionType.SINGLE_CHOICE:
        values = [str(v) for v in implicit_options(question)]
        weights = [1.0 + 2.0 * _stable_unit_interval(slug, question.key, v) for v in values]
        if bias.favoured_option in values and female:
            weights[values.index(bias.favoured_option)] *= 1.8
        return rng.choices(values, weights)[0]
    if kind is QuestionType.MULTIPLE_CHOICE:
        values = [str(v) for v in implicit_options(question)]
        shift = bias.yes_shift if female else -bias.yes_shift
        chosen = [v for v in values if rng.random() < 0.25 + 0.3 * _stable_unit_interval(slug, v) + shift / 2]
        return chosen or [rng.choice(values)]
    if kind is QuestionType.SCALE:
        centre = 2.5 + base + (bias.number_factor - 1.0) * (2 if female else -2)
        return min(5, max(1, round(rng.gauss(centre, 0.9))))
    if kind is QuestionType.DATE:
        return f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if kind is QuestionType.TEXT:
        return None
    centre = (bias.centre or _NUMBER_CENTRE[kind] * (0.5 + base)) * (bias.number_factor if female else 1.0)
    value = rng.lognormvariate(0.0, 0.45) * centre
    if question.min is not None:
        value = max(value, question.min)
    if question.max is not None:
        value = min(value, question.max)
    if kind in {QuestionType.INTEGER, QuestionType.DAYS}:
        return round(value)
    return round(value, 2 if kind is QuestionType.MONEY else 1)


def _pick_sex(rng: random.Random, subject: Subject, area: str) -> Sex:
    female, male, other = categories_for(subject)
    if rng.random() < SHARE_OTHER:
        return other
    return female if rng.random() < SHARE_FEMALE.get(area, 0.5) else male


def demo_round_name(definition: ChecklistDefinition) -> str:
    return f"Exempeldata: {definition.title.sv} (fiktiv)"


def create_demo_data(session: Session, cases: int, seed: int, progress: Progress | None = None) -> list[str]:
    """Create one fictitious round per built-in checklist with `cases` completed reviews each; returns round names."""
    if cases < 1:
        raise DemoDataError(Message("Antalet ärenden måste vara minst 1", "The number of cases must be at least 1"))
    rng = random.Random(seed)  # noqa: S311 - fictitious data, repeatable by seed
    slugs = ["fardtjanst", "barnomsorg", "missbruk"]
    checklists = [get_version(session, slug) for slug in slugs]
    definitions = [definition_of(row) for row in checklists]
    names = [demo_round_name(d) for d in definitions]
    taken = session.exec(select(Round.name).where(col(Round.name).in_(names))).all()
    if taken:
        raise DemoDataError(
            Message(
                f"Exempeldata finns redan (omgången '{taken[0]}'). Ta bort den först om du vill skapa nya.",
                f"Demo data already exists (the round '{taken[0]}'). Remove it first to create new data.",
            )
        )
    total = cases * len(checklists)
    done = 0
    for row, definition, name in zip(checklists, definitions, names, strict=True):
        round_ = create_round(session, name, row, DEMO_PERIOD, RoundKind.REAL, fictitious=True)
        assert round_.id is not None
        assert row.id is not None
        for start in range(0, cases, 1000):
            batch = range(start, min(cases, start + 1000))
            _insert_batch(session, rng, definition, round_.id, row.id, batch)
            done += len(batch)
            if progress is not None:
                progress(done, total)
        session.commit()
    return names


def _insert_batch(
    session: Session,
    rng: random.Random,
    definition: ChecklistDefinition,
    round_id: int,
    checklist_id: int,
    numbers: range,
) -> None:
    now = utcnow()
    case_rows = []
    for number in numbers:
        sex = _pick_sex(rng, definition.subject, definition.area.value)
        case_rows.append(
            {
                "uuid": new_uuid(),
                "round_id": round_id,
                "case_code": f"FIKTIV-{number + 1:05d}",
                "sex": sex,
                "age_band": rng.choice(definition.age_bands).value,
                "unit": rng.choice(DEMO_UNITS),
                "created_at": now,
            }
        )
    case_ids = session.scalars(insert(Case).returning(col(Case.id), sort_by_parameter_order=True), case_rows).all()
    review_rows = []
    answer_sets = []
    for case_row in case_rows:
        female = group_of(case_row["sex"]) is SexGroup.FEMALE  # type: ignore[arg-type]
        answers: dict[str, AnswerValue] = {}
        encoded: dict[str, EncodedAnswer] = {}
        for question in definition.questions():
            if is_visible(question, answers, definition):
                value = _answer(rng, definition.slug, question, female)
                if value is not None:
                    answers[question.key] = value
                    encoded[question.key] = encode(question, value)
        answer_sets.append(encoded)
        review_rows.append(
            {
                "uuid": new_uuid(),
                "checklist_version_id": checklist_id,
                "reviewer": rng.choice(DEMO_REVIEWERS),
                "status": ReviewStatus.COMPLETE,
                "revision": 1,
                "content_sha256": content_sha256({k: (e.value_json, None) for k, e in encoded.items()}),
                "created_at": now,
                "updated_at": now,
                "completed_at": now,
            }
        )
    for review_row, case_id in zip(review_rows, case_ids, strict=True):
        review_row["case_id"] = case_id
    review_ids = session.scalars(
        insert(Review).returning(col(Review.id), sort_by_parameter_order=True), review_rows
    ).all()
    answer_rows = [
        {
            "uuid": new_uuid(),
            "review_id": review_id,
            "question_key": key,
            "value_json": enc.value_json,
            "value_code": enc.value_code,
            "value_number": enc.value_number,
            "updated_at": now,
        }
        for review_id, encoded in zip(review_ids, answer_sets, strict=True)
        for key, enc in encoded.items()
    ]
    # A Core insert on the table: the ORM's bulk path leaves out None values and splits the batch
    # each time the pattern of NULLs changes, which made this thousands of statements instead of one.
    session.execute(insert(Answer.__table__), answer_rows)  # type: ignore[attr-defined]
