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

from sqlmodel import Session, col, select

from reviewer.checklists.answers import AnswerValue, EncodedAnswer, encode
from reviewer.checklists.rules import is_visible
from reviewer.checklists.schema import LEXICON_KINDS, ChecklistDefinition, Question, QuestionType, implicit_options
from reviewer.domain.sex import Sex, SexGroup, Subject, categories_for, group_of
from reviewer.domain.text import Message, ReviewerError
from reviewer.services.bulk_reviews import ReviewedCase, insert_reviewed_cases
from reviewer.services.checklists import definition_of, get_version
from reviewer.services.rounds import create_round
from reviewer.storage.models import ReviewStatus, Round, RoundKind

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
    "vardeladdade_per_100": Bias(number_factor=1.5, centre=4.0),
    "kansloord_per_100": Bias(number_factor=1.8, centre=1.5),
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
    female, male, other, unknown = categories_for(subject)
    draw = rng.random()
    if draw < SHARE_OTHER:
        return other if draw < SHARE_OTHER / 2 else unknown
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

    def report(written: int) -> None:
        if progress is not None:
            progress(done + written, total)

    for row, definition, name in zip(checklists, definitions, names, strict=True):
        round_ = create_round(session, name, row, DEMO_PERIOD, RoundKind.REAL, fictitious=True)
        assert round_.id is not None
        assert row.id is not None
        counted = random.Random(f"{seed}/{definition.slug}/counted")  # noqa: S311 - as above
        reviewed = [_reviewed_case(rng, counted, definition, number) for number in range(cases)]
        insert_reviewed_cases(session, round_.id, row.id, reviewed, report)
        done += cases
        session.commit()
    return names


def _reviewed_case(
    rng: random.Random, counted: random.Random, definition: ChecklistDefinition, number: int
) -> ReviewedCase:
    """`counted` draws the lexicon rates of checklist version 3 from a stream of their own, so every other answer of
    a seed is what it was before they were added."""
    sex = _pick_sex(rng, definition.subject, definition.area.value)
    age_band = rng.choice(definition.age_bands).value
    unit = rng.choice(DEMO_UNITS)
    female = group_of(sex) is SexGroup.FEMALE
    answers: dict[str, AnswerValue] = {}
    encoded: dict[str, tuple[EncodedAnswer, str | None]] = {}
    for question in definition.questions():
        if is_visible(question, answers, definition):
            lexicon_rate = question.measure is not None and question.measure.kind in LEXICON_KINDS
            value = _answer(counted if lexicon_rate else rng, definition.slug, question, female)
            if value is not None:
                answers[question.key] = value
                encoded[question.key] = (encode(question, value), None)
    return ReviewedCase(
        f"FIKTIV-{number + 1:05d}", sex, age_band, unit, rng.choice(DEMO_REVIEWERS), ReviewStatus.COMPLETE, encoded
    )
