"""The facit of a facilitator's review: every question the answers show, with the note as its rationale; the hidden
ones left out; a shown question without a note named."""

from __future__ import annotations

import pytest

from reviewer.checklists.loader import builtin_checklists
from reviewer.checklists.rules import is_visible
from reviewer.training.authoring import facit_of_review, slug_from

MISSBRUK = next(d for d in builtin_checklists() if d.slug == "missbruk")


def test_hidden_questions_are_left_out_and_a_shown_one_without_a_note_is_named():
    answers = {"beslut": "beviljat", "overklagat": "nej"}
    notes = {
        "beslut": "Beslutet beviljar öppenvård.",
        "overklagande_utfall": "Överklagades inte.",  # hidden by overklagat = nej
        "avslagsgrund": "Inget avslag.",  # hidden by beslut = beviljat
    }
    facit, missing = facit_of_review(MISSBRUK, answers, notes)
    assert facit["beslut"] == {"answer": "beviljat", "rationale": "Beslutet beviljar öppenvård."}
    assert "overklagande_utfall" not in facit and "avslagsgrund" not in facit
    missing_keys = [q.key for q in missing]
    assert "overklagat" in missing_keys and "beslut" not in missing_keys
    assert "overklagande_utfall" not in missing_keys and "avslagsgrund" not in missing_keys
    shown = [q.key for q in MISSBRUK.questions() if is_visible(q, answers, MISSBRUK)]
    assert sorted([*facit, *missing_keys]) == sorted(shown), "every shown question once: a facit or named missing"


def test_an_empty_answer_with_a_note_is_a_facit_of_rightly_left_empty():
    facit, _missing = facit_of_review(MISSBRUK, {}, {"beslut": "  Går inte att avgöra av texten.  "})
    assert facit["beslut"] == {"rationale": "Går inte att avgöra av texten."}


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Vår kurs i färdtjänst", "var-kurs-i-fardtjanst"),
        ("2026: Öppenvård & LVM", "oppenvard-lvm"),
        ("???", "paket"),
        ("Å" * 80, "a" * 63),
    ],
)
def test_a_slug_is_made_from_a_title(title, slug):
    assert slug_from(title) == slug
