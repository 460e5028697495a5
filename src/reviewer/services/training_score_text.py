"""A training round's score as text and as JSON: one wording for the session page and `reviewer training score`."""

from __future__ import annotations

from typing import Any

from reviewer.checklists.answers import AnswerValue
from reviewer.checklists.schema import ChecklistDefinition, Question
from reviewer.domain.text import Language, Message
from reviewer.services.aggregation.text import format_percent
from reviewer.services.audit_text import value_text
from reviewer.services.training_feedback import CaseResult, RoundScore
from reviewer.storage.models import ReviewStatus
from reviewer.training.schema import FeedbackMode
from reviewer.training.score import CaseScore, Outcome, QuestionScore, Tally

OUTCOMES = {
    Outcome.RIGHT: Message("Rätt", "Right"),
    Outcome.NEAR: Message("Ett steg ifrån (inte rätt)", "One step off (not right)"),
    Outcome.WRONG: Message("Fel", "Wrong"),
    Outcome.NOT_SCORED: Message("Räknas inte (fritext)", "Not scored (free text)"),
    Outcome.SKIPPED: Message("Visas inte", "Not shown"),
}
STATUSES = {
    ReviewStatus.NOT_STARTED: Message("Ej påbörjat", "Not started"),
    ReviewStatus.IN_PROGRESS: Message("Pågår", "In progress"),
    ReviewStatus.COMPLETE: Message("Klart", "Complete"),
}
FEEDBACK_MODES = {
    FeedbackMode.AFTER_EACH_CASE: Message("efter varje ärende", "after each case"),
    FeedbackMode.AT_END: Message("när alla ärenden är klara", "when all cases are complete"),
}


def answer_text(question: Question, value: AnswerValue, language: Language) -> str:
    """An answer as the form shows it (option labels, not codes), worded as the audit trail words it."""
    labels = {o.value: Message(o.label.sv, o.label.text("en")) for o in question.options or []}
    return value_text(question, value, labels).text(language)


def tally_text(tally: Tally, language: Language) -> str:
    """ "8 av 10 rätt (80 %)"; a dash when nothing was scored."""
    if tally.share is None:
        return "–"
    of = "of" if language == "en" else "av"
    right = "right" if language == "en" else "rätt"
    return f"{tally.right} {of} {tally.scored} {right} ({format_percent(100 * tally.share, language)})"


def release_note(result: RoundScore, language: Language) -> str:
    """Why a score is not shown yet, or an empty string."""
    if result.feedback is FeedbackMode.AT_END and not result.all_complete:
        done, n = result.complete_count, len(result.cases)
        return Message(
            f"Facit och poäng visas när alla ärenden är klara ({done} av {n} klara).",
            f"The facit and scores are shown once every case is complete ({done} of {n} complete).",
        ).text(language)
    return ""


def section_title(definition: ChecklistDefinition, key: str, language: Language) -> str:
    return next((s.title.text(language) for s in definition.sections if s.key == key), key)


def _case_line(case: CaseResult, language: Language) -> tuple[str, str, str]:
    score = tally_text(case.score.total, language) if case.score is not None else "–"
    return case.code, STATUSES[case.status].text(language), score


def score_text(result: RoundScore, language: Language) -> str:
    """Per case, per section and overall, for what the feedback mode has released."""
    lines = [
        Message(f"Utbildningsomgång: {result.round_name}", f"Training round: {result.round_name}").text(language),
        Message(
            f"Paket: {result.pack.title.text('sv')} · facit {FEEDBACK_MODES[result.feedback].sv}",
            f"Pack: {result.pack.title.text('en')} · facit {FEEDBACK_MODES[result.feedback].en}",
        ).text(language),
        Message(f"Deltagare: {result.reviewer}", f"Participant: {result.reviewer}").text(language),
        "",
    ]
    rows = [_case_line(c, language) for c in result.cases]
    header = (Message("Ärende", "Case").text(language), Message("Status", "Status").text(language), "")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(2)]
    for row in [header, *rows]:
        lines.append(f"{row[0].ljust(widths[0])}  {row[1].ljust(widths[1])}  {row[2]}".rstrip())
    note = release_note(result, language)
    if note:
        lines += ["", note]
    if result.released():
        lines += ["", Message("Per avsnitt:", "Per section:").text(language)]
        for key, tally in result.sections().items():
            if tally.scored:
                lines.append(f"  {section_title(result.definition, key, language)}: {tally_text(tally, language)}")
        lines += ["", Message("Totalt: ", "Overall: ").text(language) + tally_text(result.total(), language)]
    return "\n".join(lines) + "\n"


def _tally_json(tally: Tally) -> dict[str, Any]:
    return {"right": tally.right, "scored": tally.scored, "share": tally.share}


def _question_json(question: QuestionScore) -> dict[str, Any]:
    return {
        "key": question.key,
        "section": question.section,
        "outcome": question.outcome.value,
        "answer": question.answer,
        "facit": question.facit,
    }


def _case_json(case: CaseResult) -> dict[str, Any]:
    score: CaseScore | None = case.score
    return {
        "code": case.code,
        "status": case.status.value,
        "released": score is not None,
        "total": _tally_json(score.total) if score else None,
        "sections": {k: _tally_json(t) for k, t in score.sections().items()} if score else None,
        "questions": [_question_json(q) for q in score.questions] if score else None,
    }


def score_json(result: RoundScore) -> dict[str, Any]:
    """The same figures as `score_text`, for a program (docs/training-packs.md)."""
    return {
        "round": result.round_name,
        "pack": {"slug": result.pack.slug, "version": result.pack.version},
        "reviewer": result.reviewer,
        "feedback": result.feedback.value,
        "complete": result.complete_count,
        "cases": [_case_json(c) for c in result.cases],
        "sections": {k: _tally_json(t) for k, t in result.sections().items()},
        "overall": _tally_json(result.total()),
    }
