"""Hypothesis strategies for valid checklist definitions, as the raw dicts a file would hold."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from reviewer.checklists.schema import QuestionType

keys = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)
option_values = st.from_regex(r"[a-z0-9][a-z0-9_]{0,10}", fullmatch=True)
# "=" and "'" start formulas and forced text in a spreadsheet; a text beginning with them must still stay text.
swedish = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzåäöÅÄÖ ,.–?\n0123456789='"), min_size=1, max_size=40
).filter(lambda s: s.strip())
bounds = st.one_of(st.integers(-1000, 100_000).map(float), st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False))


@st.composite
def localized(draw: st.DrawFn) -> Any:
    sv = draw(swedish)
    if draw(st.booleans()):
        return sv
    return {"sv": sv, "en": draw(st.one_of(st.none(), swedish))} if draw(st.booleans()) else {"sv": sv}


@st.composite
def options(draw: st.DrawFn) -> list[dict[str, Any]]:
    values = draw(st.lists(option_values, min_size=2, max_size=5, unique=True))
    return [{"value": v, "label": draw(localized())} for v in values]


@st.composite
def definitions(draw: st.DrawFn) -> dict[str, Any]:
    question_keys = draw(st.lists(keys, min_size=1, max_size=12, unique=True))
    section_count = draw(st.integers(1, min(3, len(question_keys))))
    section_keys = draw(st.lists(keys, min_size=section_count, max_size=section_count, unique=True))
    questions: list[dict[str, Any]] = []
    answers_of: dict[str, list[Any]] = {}
    for key in question_keys:
        kind = draw(st.sampled_from(list(QuestionType)))
        question: dict[str, Any] = {"key": key, "type": kind.value, "text": draw(localized())}
        if draw(st.booleans()):
            question["help"] = draw(localized())
        if kind in {QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE}:
            question["options"] = draw(options())
            answers_of[key] = [o["value"] for o in question["options"]]
        elif kind is QuestionType.YES_NO:
            answers_of[key] = ["ja", "nej"]
        elif kind is QuestionType.YES_NO_NA:
            answers_of[key] = ["ja", "nej", "ej_aktuellt"]
        elif kind is QuestionType.SCALE:
            answers_of[key] = [1, 2, 3, 4, 5]
            if draw(st.booleans()):
                question["anchors"] = {"low": draw(localized()), "high": draw(localized())}
        earlier = [k for k in answers_of if k != key]
        if earlier and draw(st.booleans()):
            target = draw(st.sampled_from(earlier))
            accepted = draw(st.lists(st.sampled_from(answers_of[target]), min_size=1, max_size=3, unique=True))
            question["show_if"] = (
                {"question": target, "equals": accepted[0]}
                if len(accepted) == 1
                else {"question": target, "in": accepted}
            )
        if kind in {QuestionType.INTEGER, QuestionType.DECIMAL, QuestionType.MONEY, QuestionType.DAYS}:
            low, high = sorted([draw(bounds), draw(bounds)])
            question |= {"min": low} if draw(st.booleans()) else {}
            question |= {"max": high} if draw(st.booleans()) else {}
        question["required"] = draw(st.booleans())
        question["compare_by_sex"] = draw(st.booleans())
        questions.append(question)
    cuts = (
        sorted(draw(st.sets(st.integers(1, len(questions) - 1), max_size=section_count - 1)))
        if section_count > 1
        else []
    )
    cut = [0, *cuts, len(questions)]
    sections = [
        {"key": section_keys[i], "title": draw(localized()), "questions": questions[cut[i] : cut[i + 1]]}
        for i in range(len(cut) - 1)
    ]
    for section in sections:
        if draw(st.booleans()):
            section["description"] = draw(localized())
    version = draw(st.integers(1, 50))
    data = {
        "format_version": 1,
        "slug": draw(st.from_regex(r"[a-z][a-z0-9_-]{0,20}", fullmatch=True)),
        "version": version,
        "area": draw(st.sampled_from(["fardtjanst", "barnomsorg", "missbruk", "annat"])),
        "title": draw(localized()),
        "subject": draw(st.sampled_from(["adult", "child"])),
        "age_bands": draw(options()),
        "sections": sections,
    }
    if draw(st.booleans()):
        data["description"] = draw(localized())
    if version > 1 and draw(st.booleans()):
        data["previous"] = draw(previous_versions(version, question_keys))
    return data


@st.composite
def previous_versions(draw: st.DrawFn, version: int, question_keys: list[str]) -> dict[str, Any]:
    """A mapping to an earlier version: renamed keys, splits (two new keys from one old) and retired keys."""
    old_keys = draw(st.lists(keys, min_size=1, max_size=6, unique=True))
    mapped = draw(st.lists(st.sampled_from(question_keys), max_size=4, unique=True))
    key_map = {new: draw(st.sampled_from(old_keys)) for new in mapped}
    retired = draw(st.lists(keys.filter(lambda k: k not in key_map.values()), max_size=3, unique=True))
    return {"version": draw(st.integers(1, version - 1)), "key_map": key_map, "retired": retired}
