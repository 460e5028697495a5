"""The agreement in words: the cells every reader shows (CLI, dashboard, PDF) and the CLI's text report."""

from __future__ import annotations

from reviewer.domain.agreement import Estimate, KappaKind, RaterAgreement, strength
from reviewer.domain.text import Language, Message
from reviewer.services.aggregation.text import format_number, format_percent, table_lines, truncate
from reviewer.services.agreement.model import AgreementResult, QuestionAgreement

MEASURE_NAMES: dict[str, Message] = {
    "cohen": Message("Cohens kappa", "Cohen's kappa"),
    "fleiss": Message("Fleiss kappa", "Fleiss' kappa"),
    "alpha": Message("Krippendorffs alfa", "Krippendorff's alpha"),
}

SHORT_NAMES = {"kappa": Message("kappa", "kappa"), "alpha": Message("alfa", "alpha")}

CONVENTION = Message(
    "Bedömningen följer Landis och Kochs (1977) indelning: under 0 ingen, till 0,20 obetydlig, 0,40 svag, 0,60 "
    "måttlig, 0,80 god och däröver mycket god överensstämmelse. Det är en konvention för att läsa talen, inte ett "
    "omdöme om granskarna.",
    "The reading follows Landis and Koch's (1977) bands: below 0 poor, up to 0.20 slight, 0.40 fair, 0.60 moderate, "
    "0.80 substantial and above that almost perfect agreement. It is a convention for reading the figures, not a "
    "verdict on the reviewers.",
)


def format_estimate(estimate: Estimate | None, language: Language) -> str:
    """ "0,63 (0,51 till 0,74)"; the value alone when it has no interval; "–" when there is no value."""
    if estimate is None or estimate.value is None:
        return "–"
    value = f"{estimate.value:.2f}"
    if estimate.ci_low is None or estimate.ci_high is None:
        text = value
    else:
        word = "to" if language == "en" else "till"
        text = f"{value} ({estimate.ci_low:.2f} {word} {estimate.ci_high:.2f})"
    return text if language == "en" else text.replace(".", ",")


def kappa_label(kind: KappaKind | None, language: Language) -> str:
    return "" if kind is None else MEASURE_NAMES[kind].text(language)


def percent_cell(agreement: RaterAgreement, language: Language) -> str:
    return "–" if agreement.percent is None else format_percent(agreement.percent, language)


def reading_of(agreement: RaterAgreement) -> Message:
    """A table's short reading of the question's headline figure: Landis and Koch's band and the measure it reads
    ("god (kappa)"), or "kan inte skattas" (the reason is given below the table)."""
    measure, estimate = agreement.headline
    if estimate.value is None:
        return Message("kan inte skattas", "not estimable")
    words = strength(estimate.value)
    short = SHORT_NAMES["alpha" if measure == "alpha" else "kappa"]
    return Message(f"{words.sv} ({short.sv})", f"{words.en} ({short.en})")


def not_estimable_notes(agreement: RaterAgreement) -> list[Message]:
    """Why a figure or an interval is missing, once per reason."""
    notes: list[Message] = []
    for estimate in (agreement.kappa, agreement.alpha):
        if estimate is not None and estimate.reason is not None and estimate.reason.message not in notes:
            notes.append(estimate.reason.message)
    return notes


def notes_by_reason(result: AgreementResult) -> list[tuple[Message, list[QuestionAgreement]]]:
    """Each reason a figure or an interval is missing, with the questions it applies to: one note per reason under a
    table, not one per question."""
    grouped: dict[Message, list[QuestionAgreement]] = {}
    for question in result.questions:
        for note in not_estimable_notes(question.agreement):
            grouped.setdefault(note, []).append(question)
    return list(grouped.items())


def summary(result: AgreementResult, language: Language) -> str:
    """The overall sentence: cases, reviewers, share alike, mean kappa."""
    sv = language == "sv"
    if not result.n_cases:
        return (
            "Inget ärende i urvalet har två eller fler klara granskningar, så överensstämmelsen kan inte mätas."
            if sv
            else "No case in the selection has two or more completed reviews, so agreement cannot be measured."
        )
    share = "–" if result.percent is None else format_percent(result.percent, language)
    mean = (
        ""
        if result.mean_kappa is None
        else (
            f"; kappa är i genomsnitt {format_number(result.mean_kappa, language, 2)}"
            if sv
            else f"; the mean kappa is {format_number(result.mean_kappa, language, 2)}"
        )
    )
    return (
        f"{result.n_cases} ärenden har granskats av två eller fler ({result.n_reviews} granskningar av "
        f"{result.n_reviewers} granskare). Svaren var lika i {share} av {result.pairs} par av svar på samma ärende"
        f"{mean}."
        if sv
        else f"{result.n_cases} cases were reviewed by two or more ({result.n_reviews} reviews by "
        f"{result.n_reviewers} reviewers). The answers were alike in {share} of {result.pairs} pairs of answers to "
        f"the same case{mean}."
    )


def render_text(result: AgreementResult, language: Language) -> str:
    sv = language == "sv"
    lines = [
        ("Överensstämmelse mellan granskare: " if sv else "Agreement between reviewers: ")
        + ", ".join(f"{r.name} ({r.period_label})" for r in result.rounds),
        ("checklista " if sv else "checklist ")
        + f"{result.checklist_slug}@{result.checklist_version}"
        + ("" if result.unit is None else (f", enhet {result.unit}" if sv else f", unit {result.unit}")),
        summary(result, language),
    ]
    if result.questions:
        rows = [
            [
                "fråga" if sv else "question",
                "ärenden" if sv else "cases",
                "granskare" if sv else "raters",
                "par" if sv else "pairs",
                "lika" if sv else "alike",
                "kappa (95 % KI)" if sv else "kappa (95% CI)",
                "alfa (95 % KI)" if sv else "alpha (95% CI)",
                "bedömning (Landis & Koch)" if sv else "reading (Landis & Koch)",
            ]
        ]
        for question in result.questions:
            a = question.agreement
            kappa = format_estimate(a.kappa, language)
            if a.kappa is not None and a.kappa.value is not None:
                kappa = f"{kappa_label(a.kappa_kind, language)} {kappa}"
            rows.append(
                [
                    truncate(question.text.text(language), 50),
                    str(a.n_cases),
                    str(a.n_raters),
                    str(a.pairs),
                    percent_cell(a, language),
                    kappa,
                    format_estimate(a.alpha, language),
                    reading_of(a).text(language),
                ]
            )
        lines += ["", *table_lines(rows)]
        notes = notes_by_reason(result)
        if notes:
            lines += ["", "Saknade tal och intervall:" if sv else "Missing figures and intervals:"]
            lines += [f"  {note.text(language)}: {', '.join(q.key for q in questions)}" for note, questions in notes]
        lines += [
            "",
            (
                "Intervallen är 95 % percentilintervall från 1000 bootstrapurval av ärendena (fast startvärde)."
                if sv
                else "The intervals are 95% percentile intervals from 1000 bootstrap samples of the cases (fixed seed)."
            ),
            CONVENTION.text(language),
        ]
    return "\n".join(lines) + "\n"
