"""The facilitator's figures in words: the cells the CLI, the summary PDF and the facilitator view all show, and the
CLI's text report. Participants are P1, P2, … unless names are asked for."""

from __future__ import annotations

from reviewer.domain.text import Language, Message
from reviewer.services.aggregation.text import format_percent, table_lines, truncate
from reviewer.services.agreement.text import CONVENTION, MEASURE_NAMES, format_estimate, reading_of
from reviewer.services.training_agreement.model import ParticipantResult, QuestionResult, TrainingAgreement

ORDER_NOTE = Message(
    "Deltagarna heter P1, P2, … i ordningen av filernas innehåll (SHA-256), så att samma filer ger samma nummer "
    "oavsett filnamn och ordning; numret säger inget om vem som är vem.",
    "Participants are named P1, P2, … in the order of their files' content (SHA-256), so that the same files give "
    "the same numbers whatever their names or order; a number says nothing about who is who.",
)
NO_ANSWER_NOTE = Message(
    'Ett ärende som deltagaren granskat men där frågan lämnats obesvarad räknas som svaret "inget svar" (facit kan '
    "säga att frågan ska lämnas tom); för tal räknas tomma svar inte. Bara klarmarkerade granskningar räknas.",
    'A case the participant reviewed but where the question was left unanswered counts as the answer "no answer" '
    "(the facit can say the question is rightly left empty); for numbers empty answers are left out. Only reviews "
    "marked complete count.",
)


def _percent(value: float | None, language: Language) -> str:
    return "–" if value is None else format_percent(value, language)


def _decimal(value: float, language: Language) -> str:
    text = f"{value:.2f}"
    return text if language == "en" else text.replace(".", ",").replace("-", "−")


def kappa_cell(question: QuestionResult, language: Language) -> str:
    """ "Fleiss kappa 0,42 (SE 0,11)"; for numbers Krippendorff's alpha; "–" where there is no figure."""
    agreement = question.agreement
    measure, estimate = agreement.headline
    if estimate.value is None:
        return "–"
    text = f"{MEASURE_NAMES[measure].text(language)} {_decimal(estimate.value, language)}"
    if measure != "alpha" and question.standard_error is not None:
        text += f" (SE {_decimal(question.standard_error, language)})"
    return text


def agreement_cell(question: QuestionResult, language: Language) -> str:
    return _percent(question.agreement.percent, language)


def like_facit_cell(question: QuestionResult, language: Language) -> str:
    return _percent(question.percent_like_facit, language)


def distribution_cell(question: QuestionResult, language: Language) -> str:
    """ "ja 20, nej 10, (inget svar) 2" """
    return ", ".join(f"{a.text.text(language)} {a.count}" for a in question.distribution if a.count)


def facit_cell(question: QuestionResult, language: Language) -> str:
    """The facit's answers over the cases: "ja 3, nej 1"."""
    return ", ".join(f"{a.text.text(language)} {a.facit}" for a in question.distribution if a.facit)


def participant_kappa_cell(participant: ParticipantResult, language: Language) -> str:
    kappa = participant.kappa.kappa
    return format_estimate(kappa, language)


def summary(result: TrainingAgreement, language: Language) -> str:
    sv = language == "sv"
    share = _percent(result.percent, language)
    n = len(result.participants)
    return (
        f"{n} deltagare har granskat paketets {result.n_cases} ärenden. Svaren var lika i {share} av "
        f"{result.pairs} par av svar på samma ärende och fråga. De mest omstridda frågorna står först."
        if sv
        else f"{n} participants reviewed the pack's {result.n_cases} cases. The answers were alike in {share} of "
        f"{result.pairs} pairs of answers to the same case and question. The most disputed questions come first."
    )


def question_rows(result: TrainingAgreement, language: Language, width: int = 50) -> list[list[str]]:
    sv = language == "sv"
    rows = [
        [
            "fråga" if sv else "question",
            "deltagare" if sv else "participants",
            "lika svar" if sv else "alike",
            "kappa (SE)",
            "som facit" if sv else "like facit",
            "svar" if sv else "answers",
            "facit",
        ]
    ]
    for q in result.questions:
        rows.append(
            [
                truncate(q.text.text(language), width),
                str(q.n_participants),
                agreement_cell(q, language),
                kappa_cell(q, language),
                like_facit_cell(q, language),
                truncate(distribution_cell(q, language), 2 * width),
                truncate(facit_cell(q, language), 2 * width),
            ]
        )
    return rows


def participant_rows(result: TrainingAgreement, language: Language, names: bool) -> list[list[str]]:
    sv = language == "sv"
    rows = [
        [
            "deltagare" if sv else "participant",
            "ärenden" if sv else "cases",
            "jämförda svar" if sv else "answers compared",
            "som facit" if sv else "like facit",
            "Cohens kappa mot facit (95 % KI)" if sv else "Cohen's kappa against facit (95% CI)",
            "bedömning (Landis & Koch)" if sv else "reading (Landis & Koch)",
        ]
    ]
    for p in result.participants:
        rows.append(
            [
                p.shown_as(names),
                str(p.n_cases),
                str(p.compared),
                _percent(p.percent_correct, language),
                participant_kappa_cell(p, language),
                reading_of(p.kappa).text(language),
            ]
        )
    return rows


def render_text(result: TrainingAgreement, language: Language, names: bool = False) -> str:
    sv = language == "sv"
    lines = [
        ("Utbildningssammanställning: " if sv else "Training summary: ")
        + f"{result.pack_title.text(language)} ({result.pack_slug} version {result.pack_version})",
        ("checklista " if sv else "checklist ") + f"{result.checklist_slug}@{result.checklist_version}",
        summary(result, language),
        "",
        "Per fråga, mest omstridd först:" if sv else "Per question, most disputed first:",
        *table_lines(question_rows(result, language)),
        "",
        "Per deltagare mot facit:" if sv else "Per participant against the facit:",
        *table_lines(participant_rows(result, language, names)),
        "",
        ORDER_NOTE.text(language),
        NO_ANSWER_NOTE.text(language),
        CONVENTION.text(language),
    ]
    return "\n".join(lines) + "\n"
