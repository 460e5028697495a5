"""Audit events in the words of the people who read them (a data-protection officer, a unit chief): what happened,
to what, and the old and new value, as the reviewer saw them in the form – the question's text rather than its key,
an option's label rather than its code. One event can say two things (an answer and its note), so it gives a list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from reviewer.checklists.schema import ChecklistDefinition, LocalizedText, Question, QuestionType
from reviewer.domain.personnummer import redact
from reviewer.domain.text import Message

EMPTY = Message("", "")
NO_ANSWER = Message("(inget svar)", "(no answer)")
NOTHING = Message("–", "–")


@dataclass(frozen=True)
class Change:
    action: Message
    subject: Message = EMPTY
    old: Message = EMPTY
    new: Message = EMPTY


def plain(text: str) -> Message:
    return Message(text, text)


_SIMPLE = {
    ("case", "create"): Message("Ärende skapat", "Case created"),
    ("review", "reopen"): Message("Granskning öppnad igen för ändringar", "Review reopened for changes"),
    ("round", "archive"): Message("Omgång arkiverad", "Round archived"),
    ("round", "unarchive"): Message("Omgång hämtad ur arkivet", "Round taken out of the archive"),
    ("checklist", "import"): Message("Checklista importerad", "Checklist imported"),
    ("checklist", "publish"): Message("Checklista publicerad", "Checklist published"),
    ("checklist", "retire"): Message("Checklista tillbakadragen", "Checklist retired"),
    ("training_pack", "import"): Message("Utbildningspaket importerat", "Training pack imported"),
    ("training_pack", "store"): Message("Inbyggt utbildningspaket sparat", "Built-in training pack stored"),
}
_YES_NO = {
    "ja": Message("Ja", "Yes"),
    "nej": Message("Nej", "No"),
    "ej_aktuellt": Message("Ej aktuellt", "Not applicable"),
}
_CASE_FIELDS = {
    "case_code": Message("Ärendekod", "Case code"),
    "sex": Message("Kön", "Sex"),
    "age_band": Message("Åldersgrupp", "Age band"),
    "unit": Message("Enhet", "Unit"),
}
_SEX = {
    "kvinna": Message("Kvinna", "Woman"),
    "man": Message("Man", "Man"),
    "flicka": Message("Flicka", "Girl"),
    "pojke": Message("Pojke", "Boy"),
    "annat": Message("Annat", "Other"),
    "okant": Message("Okänt", "Unknown"),
    # changes logged before annat and okänt were told apart keep the value they had then
    "annat_okant": Message("Annat/okänt", "Other/unknown"),
}
_RESOLUTIONS = {
    "keep": Message("Den befintliga granskningen behölls", "The existing review was kept"),
    "take": Message("Den inkommande granskningen togs in", "The incoming review was taken"),
    "both": Message("Båda behölls, den inkommande som kopia", "Both were kept, the incoming one as a copy"),
}
_TEXT_WORDS = (
    Message("Fritextsvar givet", "Free-text answer given"),
    Message("Fritextsvar borttaget", "Free-text answer removed"),
    Message("Fritextsvar ändrat", "Free-text answer changed"),
)
_NOTE_WORDS = (
    Message("Anteckning tillagd", "Note added"),
    Message("Anteckning borttagen", "Note removed"),
    Message("Anteckning ändrad", "Note changed"),
)
_UNITS = {
    QuestionType.MONEY: Message(" kr", " SEK"),
    QuestionType.DAYS: Message(" dagar", " days"),
}


class Vocabulary:
    """A checklist's words for the log, worked out once per checklist rather than once per event: the questions'
    texts, the options' labels and the age bands' labels."""

    def __init__(self, definition: ChecklistDefinition) -> None:
        questions = definition.questions()
        self.questions: dict[str, Question] = {q.key: q for q in questions}
        self.texts = {q.key: _localised(q.text) for q in questions}
        self.options = {q.key: {o.value: _localised(o.label) for o in q.options or []} for q in questions}
        self.bands = {band.value: _localised(band.label) for band in definition.age_bands}
        self.checklist = Message(
            f"{definition.title.sv} (version {definition.version})",
            f"{definition.title.text('en')} (version {definition.version})",
        )

    def text(self, key: str) -> Message:
        return self.texts.get(key) or plain(key)


def _localised(text: LocalizedText) -> Message:
    return Message(text.sv, text.text("en"))


def describe(entity: str, action: str, detail: dict[str, Any], words: Vocabulary | None) -> list[Change]:
    """What one event says; `words` are those of the checklist of the event's round, when there is one."""
    simple = _SIMPLE.get((entity, action))
    if simple is not None:
        subject = plain(str(detail.get("title", ""))) if entity == "checklist" else EMPTY
        return [Change(simple, subject, EMPTY, plain(str(detail.get("checklist", ""))))]
    handler = _HANDLERS.get((entity, action))
    if handler is None:
        return [Change(plain(f"{entity}: {action}"))]
    return handler(detail, words)


def _answer(detail: dict[str, Any], words: Vocabulary | None) -> list[Change]:
    key = str(detail.get("question", ""))
    question = words.questions.get(key) if words is not None else None
    labels = words.options.get(key, {}) if words is not None else {}
    subject = words.text(key) if words is not None else plain(key)
    changes = []
    if "value" in detail:
        old, new = detail["value"]
        if isinstance(new, bool):  # a free text, kept only as there or not
            changes.append(Change(_presence(old, new, _TEXT_WORDS), subject))
        else:
            if old is None:
                action = Message("Svar givet", "Answer given")
            elif new is None:
                action = Message("Svar borttaget", "Answer removed")
            else:
                action = Message("Svar ändrat", "Answer changed")
            old_text, new_text = value_text(question, old, labels), value_text(question, new, labels)
            changes.append(Change(action, subject, old_text, new_text))
    if "note" in detail:
        old, new = detail["note"]
        changes.append(Change(_presence(old, new, _NOTE_WORDS), subject))
    return changes


def _presence(old: bool, new: bool, words: tuple[Message, Message, Message]) -> Message:
    added, removed, changed = words
    return added if not old else removed if not new else changed


def value_text(question: Question | None, value: Any, labels: Mapping[Any, Message]) -> Message:
    """An answer as the form shows it: the option's label, a number with a decimal comma in Swedish."""
    if value is None or value == []:
        return NO_ANSWER
    if question is None:
        return plain(str(value))
    if question.type in (QuestionType.YES_NO, QuestionType.YES_NO_NA):
        return _YES_NO.get(str(value), plain(str(value)))
    if labels:
        if not isinstance(value, list):
            return labels.get(value) or plain(str(value))
        texts = [labels.get(v) or plain(str(v)) for v in value]
        return Message(", ".join(t.sv for t in texts), ", ".join(t.en for t in texts))
    if isinstance(value, int | float) and not isinstance(value, bool):
        english = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
        swedish = english.replace(",", "\u00a0").replace(".", ",")
        unit = _UNITS.get(question.type, EMPTY)
        return Message(swedish + unit.sv, english + unit.en)
    return plain(str(value))


def _complete(detail: dict[str, Any], words: Vocabulary | None) -> list[Change]:
    dropped = [str(key) for key in detail.get("dropped_hidden") or []]
    note = EMPTY
    if dropped:
        texts = [words.text(key) if words is not None else plain(key) for key in dropped]
        note = Message(
            "Svar på frågor som inte längre visas togs bort: " + "; ".join(t.sv for t in texts),
            "Answers to questions no longer shown were removed: " + "; ".join(t.en for t in texts),
        )
    return [Change(Message("Granskning markerad som klar", "Review marked complete"), EMPTY, EMPTY, note)]


def _conflict_resolved(detail: dict[str, Any], words: Vocabulary | None) -> list[Change]:
    def named(key: str) -> list[Message]:
        return [words.text(str(k)) if words is not None else plain(str(k)) for k in detail.get(key) or []]

    kept, taken = named("kept_mine"), named("took_theirs")
    parts = [
        Message(f"{sv}: " + "; ".join(t.sv for t in texts), f"{en}: " + "; ".join(t.en for t in texts))
        for sv, en, texts in (
            ("egna svar behölls", "own answers kept", kept),
            ("den andra versionens svar togs", "the other version's answers taken", taken),
        )
        if texts
    ]
    return [
        Change(
            Message("Ändring gjord på annat håll jämförd", "Change made elsewhere compared"),
            EMPTY,
            EMPTY,
            Message("; ".join(p.sv for p in parts), "; ".join(p.en for p in parts)),
        )
    ]


def _case_update(detail: dict[str, Any], words: Vocabulary | None) -> list[Change]:
    changes = []
    bands = words.bands if words is not None else {}
    for field, (old, new) in sorted((detail.get("changes") or {}).items()):

        def shown(value: str, field: str = field) -> Message:
            if value in ("None", ""):
                return NOTHING
            if field == "sex":
                return _SEX.get(value, plain(value))
            if field == "age_band" and value in bands:
                return bands[value]
            return plain(value)

        changes.append(
            Change(
                Message("Ärende ändrat", "Case changed"),
                _CASE_FIELDS.get(field, plain(field)),
                shown(str(old)),
                shown(str(new)),
            )
        )
    return changes


def _case_delete(detail: dict[str, Any], _words: Vocabulary | None) -> list[Change]:
    reviews, answers = int(detail.get("reviews", 0)), int(detail.get("answers", 0))
    return [
        Change(
            Message("Ärende borttaget", "Case deleted"),
            EMPTY,
            EMPTY,
            Message(
                f"{reviews} {'granskning' if reviews == 1 else 'granskningar'} och {answers} svar togs bort med "
                "ärendet",
                f"{reviews} review{'' if reviews == 1 else 's'} and {answers} answer{'' if answers == 1 else 's'} "
                "were deleted with the case",
            ),
        )
    ]


def _file(detail: dict[str, Any]) -> Message:
    return plain(redact(str(detail.get("file", ""))))


def _conflict(detail: dict[str, Any], _words: Vocabulary | None) -> list[Change]:
    resolution = _RESOLUTIONS.get(str(detail.get("resolution")), plain(str(detail.get("resolution"))))
    differing = int(detail.get("differing_answers") or 0)
    return [
        Change(
            Message("Konflikt vid import av utbytesfil", "Conflict when importing an exchange file"),
            _file(detail),
            Message(f"{differing} svar skilde sig", f"{differing} answers differed"),
            resolution,
        )
    ]


def _round_create(detail: dict[str, Any], words: Vocabulary | None) -> list[Change]:
    """The round's checklist by its title; the slug@version in the detail only when the checklist is unknown."""
    checklist = words.checklist if words is not None else plain(str(detail.get("checklist", "")))
    return [Change(Message("Omgång skapad", "Round created"), EMPTY, EMPTY, checklist)]


def _round_rename(detail: dict[str, Any], _words: Vocabulary | None) -> list[Change]:
    return [
        Change(
            Message("Omgång bytte namn", "Round renamed"),
            EMPTY,
            plain(str(detail.get("old", ""))),
            plain(str(detail.get("new", ""))),
        )
    ]


def _spreadsheet(detail: dict[str, Any], _words: Vocabulary | None) -> list[Change]:
    cases, reviews, answers = (int(detail.get(k, 0)) for k in ("cases", "reviews", "answers"))
    return [
        Change(
            Message("Import från kalkylblad", "Spreadsheet import"),
            _file(detail),
            EMPTY,
            Message(
                f"{cases} ärenden, {reviews} granskningar, {answers} svar",
                f"{cases} cases, {reviews} reviews, {answers} answers",
            ),
        )
    ]


def _exchange_import(detail: dict[str, Any], _words: Vocabulary | None) -> list[Change]:
    new, unchanged, conflicts = (int(detail.get(k) or 0) for k in ("new", "unchanged", "conflicts"))
    return [
        Change(
            Message("Import av utbytesfil", "Exchange file import"),
            _file(detail),
            EMPTY,
            Message(
                f"{new} nya granskningar, {unchanged} oförändrade, {conflicts} konflikter",
                f"{new} new reviews, {unchanged} unchanged, {conflicts} conflicts",
            ),
        )
    ]


def _exchange_round(sv: str, en: str) -> Callable[[dict[str, Any], Vocabulary | None], list[Change]]:
    def handler(detail: dict[str, Any], _words: Vocabulary | None) -> list[Change]:
        old, new = str(detail.get("old", "")), str(detail.get("new", ""))
        return [Change(Message(sv, en), _file(detail), plain(old) if old else EMPTY, plain(new) if new else EMPTY)]

    return handler


def _lexicon_save(detail: dict[str, Any], _words: Vocabulary | None) -> list[Change]:
    """The version saved, with the unit chief's note, and how many words came and went."""
    version, added, removed = detail.get("version", ""), detail.get("added", 0), detail.get("removed", 0)
    return [
        Change(
            Message(f"Ordlista sparad som version {version}", f"Lexicon saved as version {version}"),
            plain(str(detail.get("note", ""))),
            plain(f"version {detail.get('previous', '')}"),
            Message(f"{added} ord tillagda, {removed} borttagna", f"{added} words added, {removed} removed"),
        )
    ]


_HANDLERS: dict[tuple[str, str], Callable[[dict[str, Any], Vocabulary | None], list[Change]]] = {
    ("lexicon", "save"): _lexicon_save,
    ("review", "answer"): _answer,
    ("review", "complete"): _complete,
    ("review", "exchange_conflict"): _conflict,
    ("review", "resolve_conflict"): _conflict_resolved,
    ("case", "update"): _case_update,
    ("case", "delete"): _case_delete,
    ("round", "create"): _round_create,
    ("round", "rename"): _round_rename,
    ("round", "import_spreadsheet"): _spreadsheet,
    ("round", "exchange_create"): _exchange_round(
        "Omgång skapad från utbytesfil", "Round created from an exchange file"
    ),
    ("round", "exchange_merge"): _exchange_round(
        "Utbytesfil förd in i omgången", "Exchange file merged into the round"
    ),
    ("round", "exchange_rename"): _exchange_round(
        "Omgång från utbytesfil fick nytt namn", "Round from an exchange file renamed"
    ),
    ("import", "exchange_import"): _exchange_import,
}
