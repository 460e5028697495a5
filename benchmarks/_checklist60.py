"""A 60-question checklist with every question type, and a review of it, for review_form_open and autosave.

Six sections of ten questions: yes/no (10), yes/no/n.a. (6), short single choice shown as buttons (5), long single
choice shown as a list (3, with 9, 12 and 20 options), multiple choice (6), integer (4), decimal (3), money (4),
days (4), date (3), scale (6) and free text (6); every question has guidance, a third are required, and six have a
`show_if` condition. Two thirds of the questions are answered, as in a review well under way.
"""

from __future__ import annotations

import json
from pathlib import Path

from reviewer.bootstrap import App, bootstrap
from reviewer.checklists.answers import AnswerValue
from reviewer.checklists.loader import parse_checklist
from reviewer.checklists.rules import is_visible
from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.sex import Sex
from reviewer.services.cases import CaseInput, add_case
from reviewer.services.checklists import add_definition, get_version
from reviewer.services.reviews import open_review, save_answer
from reviewer.services.rounds import create_round

SLUG = "bench_sextio"
REVIEWER = "AB"

# (type, number of options for choice types) in the order they are spread over the sections.
_TYPES: list[tuple[str, int]] = [
    *[("yes_no", 0)] * 10,
    *[("yes_no_na", 0)] * 6,
    *[("single_choice", 4)] * 5,
    ("single_choice", 9),
    ("single_choice", 12),
    ("single_choice", 20),
    *[("multiple_choice", 5)] * 6,
    *[("integer", 0)] * 4,
    *[("decimal", 0)] * 3,
    *[("money", 0)] * 4,
    *[("days", 0)] * 4,
    *[("date", 0)] * 3,
    *[("scale", 0)] * 6,
    *[("text", 0)] * 6,
]
QUESTIONS = len(_TYPES)
SECTIONS = 6


def _interleaved() -> list[tuple[str, int]]:
    """The types dealt out round-robin, so that every section has a mix of them."""
    by_type: dict[str, list[tuple[str, int]]] = {}
    for item in _TYPES:
        by_type.setdefault(item[0], []).append(item)
    order: list[tuple[str, int]] = []
    while any(by_type.values()):
        for items in by_type.values():
            if items:
                order.append(items.pop(0))
    return order


def _question(index: int, kind: str, options: int, previous: list[dict[str, object]]) -> dict[str, object]:
    question: dict[str, object] = {
        "key": f"q{index:02d}_{kind}",
        "type": kind,
        "text": {
            "sv": f"Fråga {index}: framgår det av utredningen hur handläggaren bedömde punkt {index}?",
            "en": f"Question {index}: does the investigation show how the caseworker assessed point {index}?",
        },
        "help": {
            "sv": f"Läs utredningens avsnitt om punkt {index}. Svara utifrån vad som står, inte vad som antas.",
            "en": f"Read the investigation's section on point {index}. Answer from what is written, not assumed.",
        },
        "required": index % 3 == 0,
        "compare_by_sex": kind != "text",
    }
    if options:
        question["options"] = [
            {"value": f"o{n}", "label": {"sv": f"Alternativ {n} för fråga {index}", "en": f"Option {n}"}}
            for n in range(1, options + 1)
        ]
    if kind in {"integer", "days", "money"}:
        question["min"] = 0
    # Six conditions, each on the nearest earlier question of a kind that show_if can depend on.
    if index % 10 == 5:
        for earlier in reversed(previous):
            if earlier["type"] in {"yes_no", "yes_no_na"}:
                question["show_if"] = {"question": earlier["key"], "equals": "ja"}
                break
            if earlier["type"] == "scale":
                question["show_if"] = {"question": earlier["key"], "in": [4, 5]}
                break
            if earlier["type"] in {"single_choice", "multiple_choice"}:
                question["show_if"] = {"question": earlier["key"], "in": ["o1", "o2"]}
                break
    return question


def checklist_60() -> ChecklistDefinition:
    questions: list[dict[str, object]] = []
    for index, (kind, options) in enumerate(_interleaved(), start=1):
        questions.append(_question(index, kind, options, questions))
    per_section = QUESTIONS // SECTIONS
    data = {
        "format_version": 1,
        "slug": SLUG,
        "version": 1,
        "area": "annat",
        "title": {"sv": "Prestandamall med 60 frågor", "en": "Benchmark template with 60 questions"},
        "subject": "adult",
        "age_bands": [
            {"value": "a18_29", "label": "18–29 år"},
            {"value": "a30_64", "label": "30–64 år"},
            {"value": "a65", "label": "65 år och äldre"},
        ],
        "sections": [
            {
                "key": f"avsnitt_{s + 1}",
                "title": {"sv": f"Avsnitt {s + 1}", "en": f"Section {s + 1}"},
                "description": {"sv": f"Frågor om del {s + 1} av utredningen.", "en": f"Part {s + 1}."},
                "questions": questions[s * per_section : (s + 1) * per_section],
            }
            for s in range(SECTIONS)
        ],
    }
    definition = parse_checklist(json.dumps(data, ensure_ascii=False), f"{SLUG}.json", "json")
    assert len(definition.questions()) == QUESTIONS
    assert sum(q.show_if is not None for q in definition.questions()) == SECTIONS
    return definition


def _sample_answer(kind: str, index: int) -> AnswerValue:
    return {
        "yes_no": "ja",
        "yes_no_na": "ja" if index % 2 else "ej_aktuellt",
        "single_choice": "o1",
        "multiple_choice": ["o1", "o3"],
        "integer": 7,
        "decimal": 2.5,
        "money": 2450.5,
        "days": 34,
        "date": "2026-03-01",
        "scale": 4,
        "text": "Beskrivningen tar upp arbete och boende men inte föräldraskap.",
    }[kind]


def prepare_review(data_dir: Path) -> tuple[App, str]:
    """A bootstrapped data folder with the 60-question checklist, one round, one case, and the reviewer's review of
    it with two questions in three answered (the conditional ones when shown). Returns the app and the case."""
    app = bootstrap(data_dir=data_dir)
    definition = checklist_60()
    with app.db.session() as session:
        add_definition(session, definition)
        round_ = create_round(session, "Prestanda 60 frågor", get_version(session, SLUG), "2026 H1", actor=REVIEWER)
        case = add_case(session, round_.uuid, CaseInput("BENCH-0001", Sex.KVINNA, "a30_64", "Enhet Norr"), REVIEWER)
        case_uuid = case.uuid
        snapshot = open_review(session, case_uuid, REVIEWER)
        for index, question in enumerate(definition.questions(), start=1):
            if index % 3 != 0 and is_visible(question, snapshot.answers, definition):
                save_answer(session, snapshot, question, _sample_answer(question.type.value, index), None)
    return app, case_uuid
