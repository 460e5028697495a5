"""Counting words, sentences and lexicon hits in a Swedish passage (issue 13, point 3)."""

from __future__ import annotations

import tomllib
import unicodedata
from fnmatch import fnmatch
from pathlib import Path

import pytest

from reviewer.domain.wording import (
    Lexicon,
    LexiconEntry,
    LexiconError,
    WordGroup,
    builtin_lexicon,
    count_text,
    entries_from_json,
    entries_to_json,
    parse_forms,
    parse_group,
    tokens,
)
from reviewer.domain.wording.rows import entries_from_rows, entries_to_rows

E, C, A, F = WordGroup.EMOTION, WordGroup.CHARACTER, WordGroup.APPEARANCE, WordGroup.FAMILY_ROLE


def lexicon(*entries: LexiconEntry) -> Lexicon:
    return Lexicon(1, entries)


SMALL = lexicon(
    LexiconEntry("arg", E, ("argt", "arga")),
    LexiconEntry("ångest", E, ("ångest*",)),
    LexiconEntry("ångestfri", C),
    LexiconEntry("mamma", F, ("mammas", "mamman")),
    LexiconEntry("självständig", C, ("självständig*",)),
    LexiconEntry("vårdad", A, ("välvårdad*",)),
)


def words(text: str) -> list[str]:
    return [token.text for token in tokens(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hon är ängslig och öm.", ["Hon", "är", "ängslig", "och", "öm"]),
        ("e-post och själv-ständig", ["e-post", "och", "själv-ständig"]),
        ("t.ex. bl.a. ca. c:a", ["t.ex", "bl.a", "ca", "c:a"]),
        ("3,5 timmar kl. 12.30 den 2024-05-01", ["3,5", "timmar", "kl", "12.30", "den", "2024-05-01"]),
        ("café och idé", ["café", "och", "idé"]),
        ("– ”Nej”, sa hon (igen).", ["Nej", "sa", "hon", "igen"]),
        ("och/eller", ["och/eller"]),
        ("", []),
        ("  … – ! ", []),
    ],
)
def test_words_are_split_the_way_a_reader_counts_them(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("", 0),
        ("...", 0),
        ("Hon bor ensam", 1),
        ("Hon bor ensam. Han bor med sin fru.", 2),
        ("Hon bor ensam! Vill hon flytta? Ja…  Det vill hon.", 4),
        ("Hon har t.ex. svårt att gå, bl.a. i trappor. Han har ca. 2 km.", 2),
        ("Sökande, A. Berg, kom kl. 10. Hon var nöjd.", 2),
        ("Hon tar bussen, går till affären osv. Han kör bil.", 2),
        ("Hon har katter, hundar m.m. och en häst.", 1),
        ("Bakgrund\n\nHon bor ensam", 2),
        ("Hon bor\nensam", 1),
        ("Kostnaden är 3.5 tusen per år.", 1),
    ],
)
def test_sentences_end_at_terminators_but_not_at_abbreviations(text: str, sentences: int) -> None:
    assert count_text(text, SMALL).sentences == sentences


def test_numbers_count_as_words_but_never_hit() -> None:
    count = count_text("Hon beviljas 12 resor per månad", SMALL)
    assert count.words == 6
    assert count.hits == ()


def test_inflected_forms_match_exactly_and_stems_match_the_start() -> None:
    text = "Arga ord, argt svar; argument och ångesten, Ångestfylld men ångestfri."
    count = count_text(text, SMALL)
    assert [(hit.form, hit.lemma) for hit in count.hits] == [
        ("Arga", "arg"),
        ("argt", "arg"),
        ("ångesten", "ångest"),
        ("Ångestfylld", "ångest"),
        ("ångestfri", "ångestfri"),  # the exact entry beats the stem
    ]
    assert all(text[hit.start : hit.end] == hit.form for hit in count.hits)


def test_a_hyphenated_word_is_looked_up_whole_then_by_its_parts() -> None:
    text = "Hennes mamma-roll och själv-ständiga liv, mammas välvårdade hem."
    hits = count_text(text, SMALL).hits
    found = [(hit.form, hit.lemma) for hit in hits]
    assert found == [("mamma", "mamma"), ("mammas", "mamma"), ("välvårdade", "vårdad")]
    assert text[hits[0].start : hits[0].end] == "mamma"
    with_whole = lexicon(LexiconEntry("själv-ständig", C, ("själv-ständiga",)))
    assert [hit.lemma for hit in count_text(text, with_whole).hits] == ["själv-ständig"]


def test_decomposed_unicode_and_capitals_match_with_offsets_into_the_original() -> None:
    text = unicodedata.normalize("NFD", "ÅNGEST hos Mamman")
    hits = count_text(text, SMALL).hits
    assert [hit.lemma for hit in hits] == ["ångest", "mamma"]
    assert [text[hit.start : hit.end] for hit in hits] == [hit.form for hit in hits]


def test_rates_and_groups() -> None:
    count = count_text("Hon är arg och mamman är arg.", SMALL)
    assert (count.words, len(count.hits)) == (7, 3)
    assert count.hits_per_100_words == pytest.approx(300 / 7)
    assert count.hits_by_group == {E: 2, C: 0, A: 0, F: 1}
    empty = count_text("  ", SMALL)
    assert empty.hits_per_100_words is None
    assert empty.hits_by_group == {E: 0, C: 0, A: 0, F: 0}


@pytest.mark.parametrize(
    ("entry", "fault"),
    [
        (lambda: LexiconEntry("", E), "lemma"),
        (lambda: LexiconEntry("arg", E, ("ar*",)), "too short"),
        (lambda: LexiconEntry("arg", E, ("a*g",)), "not a word form"),
        (lambda: LexiconEntry("arg3", E), "not a word form"),
        (lambda: LexiconEntry("arg", "mood"), "mood"),  # type: ignore[arg-type]
    ],
)
def test_a_bad_entry_is_refused(entry: object, fault: str) -> None:
    with pytest.raises((LexiconError, ValueError), match=fault):
        entry()  # type: ignore[operator]


def test_a_form_in_two_entries_or_a_lemma_twice_is_refused() -> None:
    with pytest.raises(LexiconError, match="both “arga” and “arg”"):
        lexicon(LexiconEntry("arga", E), LexiconEntry("arg", E, ("arga",)))
    with pytest.raises(LexiconError, match="listed twice"):
        lexicon(LexiconEntry("Arg", E), LexiconEntry("arg", C))
    with pytest.raises(LexiconError, match="both"):
        lexicon(LexiconEntry("ångest", E, ("ångest*",)), LexiconEntry("ångesten", E, ("ångest*",)))


def test_forms_are_normalised_and_deduplicated() -> None:
    entry = LexiconEntry(" Arg ", E, ("ARGT", "argt", "arg", "Ånger*"))
    assert entry.lemma == "Arg"
    assert entry.forms == ("argt", "ånger*")
    assert parse_forms("argt, arga;argare  argast") == ("argt", "arga", "argare", "argast")


def test_groups_are_read_from_code_or_swedish_name() -> None:
    assert parse_group("emotion") is E
    assert parse_group("Känslor och psykiska tillstånd") is E
    assert parse_group("familjeroller") is F
    with pytest.raises(LexiconError, match="Unknown word group"):
        parse_group("humör")


def test_json_and_rows_round_trip() -> None:
    assert entries_from_json(entries_to_json(SMALL.entries)) == SMALL.entries
    assert entries_from_rows(entries_to_rows(SMALL.entries)) == SMALL.entries


def test_rows_name_the_row_at_fault_and_skip_empty_rows() -> None:
    rows = [("Grundform", "Grupp", "Former"), ("arg", "känslor", "argt"), (None, None, None), ("mamma", "??", "")]
    with pytest.raises(LexiconError, match="Row 4: Unknown word group") as error:
        entries_from_rows(rows)
    assert error.value.message.sv.startswith("Rad 4: Okänd ordgrupp")
    with pytest.raises(LexiconError, match="Row 3: The form “argt” belongs to both"):
        entries_from_rows([("lemma", "group", "forms"), ("arg", "emotion", "argt"), ("sur", "emotion", "argt")])
    with pytest.raises(LexiconError, match="Row 1 has no column “forms”"):
        entries_from_rows([("lemma", "group")])
    with pytest.raises(LexiconError, match="Row 2: the lemma is missing"):
        entries_from_rows([("lemma", "group", "forms"), ("", "emotion", "argt")])


def test_the_builtin_lexicon_covers_the_four_groups_with_inflected_forms() -> None:
    builtin = builtin_lexicon()
    assert builtin.version == 1
    assert len(builtin.entries) >= 300
    by_group = {group: sum(entry.group is group for entry in builtin.entries) for group in WordGroup}
    assert min(by_group.values()) >= 40
    text = (
        "Hon är ledsen och gråter ofta, känner ångest och är orolig för sin dotter. Hon är välvårdad och vänlig. "
        "Han är trött. Han behöver hjälp till trygghetslarmet och använder e-post."
    )
    hits = [(hit.form, hit.group) for hit in count_text(text, builtin).hits]
    assert hits == [
        ("ledsen", E),
        ("gråter", E),
        ("ångest", E),
        ("orolig", E),
        ("dotter", F),
        ("välvårdad", A),
        ("vänlig", C),
        ("trött", E),
    ]


def test_the_builtin_list_is_package_data_of_the_wheel() -> None:
    root = Path(__file__).parents[2]
    package_data = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]
    patterns = package_data["reviewer.domain.wording"]
    shipped = list((root / "src/reviewer/domain/wording").glob("*.csv"))
    assert shipped
    assert all(any(fnmatch(path.name, pattern) for pattern in patterns) for path in shipped)
