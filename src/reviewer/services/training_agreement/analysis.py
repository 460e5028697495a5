"""The figures of a training session: per question the participants as raters of the pack's cases, per participant
their answers against the facit. Pure: the files are already read (`files`) and the pack found (`facit`).

Questions measured are those `reviewer agreement` measures (not free text, not dates), at the same levels. For
categories and the scale a case the participant reviewed but left the question unanswered counts as the answer "no
answer": a facit can say a question is rightly left empty (a hidden follow-up question), and a participant who
answers it disagrees with one who does not. For numbers an empty answer is left out. A participant who did not
complete a case is no rater of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Mapping

from reviewer.checklists.schema import Question, QuestionType
from reviewer.domain.agreement import Level, Rating, fleiss_standard_error, measure_agreement, rating_table
from reviewer.domain.text import Message
from reviewer.services.aggregation.model import label_message
from reviewer.services.agreement.collect import level_of
from reviewer.services.audit_text import value_text
from reviewer.services.training_agreement.files import SessionFiles, comparable
from reviewer.services.training_agreement.model import (
    AnswerCount,
    CaseAnswers,
    Participant,
    ParticipantResult,
    QuestionResult,
    TrainingAgreement,
    TrainingAgreementError,
)
from reviewer.training.schema import TrainingPack
from reviewer.training.score import SCORED, Outcome, score_case

_NOT_MEASURED = frozenset({QuestionType.TEXT, QuestionType.DATE})
NO_ANSWER = ""  # the category "no answer" in a rating table (no option value is empty)
_FACIT = "facit"


def analyse(
    files: SessionFiles, pack: TrainingPack, progress: Callable[[int, int], None] | None = None
) -> TrainingAgreement:
    definition = files.definition
    if f"{pack.checklist.slug}@{pack.checklist.version}" != files.checklist_ref:
        raise TrainingAgreementError(
            Message(
                f"Filerna är gjorda med checklistan {files.checklist_ref}, men paketet {pack.slug} version "
                f"{pack.version} svarar på {pack.checklist.slug}@{pack.checklist.version}",
                f"The files were made with the checklist {files.checklist_ref}, but the pack {pack.slug} version "
                f"{pack.version} answers {pack.checklist.slug}@{pack.checklist.version}",
            )
        )
    codes = [case.code for case in pack.cases]
    unknown = sorted({code for p in files.participants for code in p.answers} - set(codes))
    if unknown:
        raise TrainingAgreementError(
            Message(
                f"Filerna har ärenden som paketet {pack.slug} version {pack.version} saknar: {', '.join(unknown)}",
                f"The files hold cases the pack {pack.slug} version {pack.version} lacks: {', '.join(unknown)}",
            )
        )
    measured = [
        (section.key, q) for section in definition.sections for q in section.questions if q.type not in _NOT_MEASURED
    ]
    facit = {
        case.code: {
            key: comparable(q, entry.answer) for key, entry in case.facit.items() if (q := definition.question(key))
        }
        for case in pack.cases
    }
    outcomes = {
        p.label: {
            code: {q.key: q.outcome for q in score_case(definition, case, p.raw[code]).questions}
            for code in p.raw
            if (case := pack.case(code)) is not None
        }
        for p in files.participants
    }
    total = len(measured) + len(files.participants)
    questions = []
    for index, (section_key, question) in enumerate(measured):
        questions.append(_question(section_key, question, codes, files.participants, facit, outcomes))
        if progress is not None:
            progress(index + 1, total)
    order = {q.key: i for i, (_, q) in enumerate(measured)}
    questions.sort(key=lambda q: _dispute(q, order[q.key]))
    people = []
    for index, participant in enumerate(files.participants):
        people.append(_participant(participant, [q for _, q in measured], facit, outcomes[participant.label]))
        if progress is not None:
            progress(len(measured) + index + 1, total)
    return TrainingAgreement(
        pack_slug=pack.slug,
        pack_version=pack.version,
        pack_title=label_message(pack.title),
        checklist_slug=definition.slug,
        checklist_version=definition.version,
        n_cases=len(codes),
        participants=people,
        questions=questions,
    )


def _dispute(question: QuestionResult, position: int) -> tuple[float, float, int]:
    """Lowest share of agreeing pairs first, then lowest kappa (or alpha for numbers); a question nobody was
    compared on last."""
    percent = question.agreement.percent
    _, headline = question.agreement.headline
    return (101.0 if percent is None else percent, 2.0 if headline.value is None else headline.value, position)


def _rated(question: Question, value: Hashable) -> Hashable:
    if value is None and level_of(question.type) is Level.NOMINAL:
        return NO_ANSWER
    return value


def _labels(question: Question) -> dict[Hashable, Message]:
    return {o.value: label_message(o.label) for o in question.options or []}


def answer_text(question: Question, value: Hashable, labels: Mapping[Hashable, Message] | None = None) -> Message:
    """An answer as the form shows it ("(inget svar)" for none)."""
    shown = list(value) if isinstance(value, tuple) else value
    if isinstance(shown, float) and shown.is_integer() and question.type is not QuestionType.DECIMAL:
        shown = int(shown)
    return value_text(question, shown, labels if labels is not None else _labels(question))


def _counts(
    question: Question, answers: Counter[Hashable], facits: Counter[Hashable], labels: Mapping[Hashable, Message]
) -> tuple[AnswerCount, ...]:
    """The values in the order of the question's options, then the rest by how often, "no answer" last."""
    options: list[Hashable] = [o.value for o in question.options or []]
    if question.type in (QuestionType.YES_NO, QuestionType.YES_NO_NA):
        options = ["ja", "nej", "ej_aktuellt"]
    values: list[Hashable] = [v for v in options if v in answers or v in facits]
    rest = sorted(
        (v for v in {*answers, *facits} if v not in values and v is not None),
        key=lambda v: (-answers[v], str(v)),
    )
    values += rest + ([None] if None in answers or None in facits else [])
    return tuple(AnswerCount(v, answer_text(question, v, labels), answers[v], facits[v]) for v in values)


def _question(
    section_key: str,
    question: Question,
    codes: list[str],
    participants: list[Participant],
    facit: dict[str, dict[str, Hashable]],
    outcomes: dict[str, dict[str, dict[str, Outcome]]],
) -> QuestionResult:
    key, labels = question.key, _labels(question)
    ratings: list[Rating] = []
    per_case: dict[str, Counter[Hashable]] = {code: Counter() for code in codes}
    compared = like = 0
    raters = set()
    for participant in participants:
        for code, answers in participant.answers.items():
            value = answers.get(key)
            per_case[code][value] += 1
            rated = _rated(question, value)
            if rated is not None:
                ratings.append((code, participant.label, rated))
                raters.add(participant.label)
            outcome = outcomes[participant.label][code].get(key)
            compared += outcome in SCORED
            like += outcome is Outcome.RIGHT
    agreement = measure_agreement(ratings, level_of(question.type))
    error = agreement.kappa.standard_error if agreement.kappa is not None else None
    if (
        error is None
        and agreement.kappa_kind == "fleiss"
        and agreement.kappa is not None
        and agreement.kappa.value is not None
    ):
        error = fleiss_standard_error(rating_table(ratings, agreement.level))
    cases = []
    all_facits: Counter[Hashable] = Counter()
    for code in codes:
        has_facit = key in facit[code]
        value = facit[code].get(key)
        if has_facit:
            all_facits[value] += 1
        own = Counter({value: 1}) if has_facit else Counter()
        cases.append(
            CaseAnswers(
                code,
                has_facit,
                value,
                answer_text(question, value, labels) if has_facit else Message("–", "–"),
                _counts(question, per_case[code], own, labels),
            )
        )
    distribution = _counts(question, sum(per_case.values(), Counter()), all_facits, labels)
    return QuestionResult(
        key=key,
        section_key=section_key,
        text=label_message(question.text),
        type=question.type,
        n_participants=len(raters),
        agreement=agreement,
        standard_error=error,
        distribution=distribution,
        cases=tuple(cases),
        compared=compared,
        like_facit=like,
    )


def _participant(
    participant: Participant,
    measured: list[Question],
    facit: dict[str, dict[str, Hashable]],
    outcomes: dict[str, dict[str, Outcome]],
) -> ParticipantResult:
    """The share right by the training score over the completed cases; Cohen's kappa over the measured questions
    the facit answers by categories or on the scale, each (case, question) an item and the facit the second rater."""
    ratings: list[Rating] = []
    scored = [outcome for case in outcomes.values() for outcome in case.values() if outcome in SCORED]
    for code, answers in participant.answers.items():
        for question in measured:
            if question.key not in facit[code]:
                continue
            value, expected = answers.get(question.key), facit[code][question.key]
            if level_of(question.type) is not Level.INTERVAL:
                item = (code, question.key)
                ratings.append((item, participant.label, _nominal(question, value)))
                ratings.append((item, _FACIT, _nominal(question, expected)))
    return ParticipantResult(
        label=participant.label,
        name=participant.name,
        n_cases=len(participant.answers),
        incomplete=participant.incomplete,
        compared=len(scored),
        correct=sum(outcome is Outcome.RIGHT for outcome in scored),
        kappa=measure_agreement(ratings, Level.NOMINAL),
    )


def _nominal(question: Question, value: Hashable) -> Hashable:
    """A scale step or a category as a category of the pooled table; no answer is a category too."""
    return NO_ANSWER if value is None else value
