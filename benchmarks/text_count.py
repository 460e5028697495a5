"""text_count: counting a 5 000-word passage of an utredning against a 2 000-entry lexicon (issue 13: ≤ 50 ms).

Timed: `reviewer.domain.wording.count_text` as the review form calls it on every paste – splitting the passage into
Swedish words, counting its sentences (abbreviations included), and looking every word up among exact forms and
stems of a lexicon of the built-in list plus made-up entries up to 2 000, a third of them stems. The passage has
1 500 distinct words, hyphenated words, numbers, abbreviations and about one lexicon word in twenty, so the cache of
looked-up words does not make the lookup free. The lexicon is prepared once, as the program does per version (its
preparation time is in `extra`). **Baseline:** `re.findall(r"\\w+")` over the same passage with each word lower-cased
and looked up in a set – the least any counting of words against a list costs. **Target: median ≤ 50 ms.**
"""

from __future__ import annotations

import random
import re
import time

from benchmarks._harness import Result, alternate, progress, timed
from reviewer.domain.wording import Lexicon, LexiconEntry, WordGroup, builtin_lexicon, count_text

NAME = "text_count"
DEFAULT_REPEAT = 15
WORDS = 5_000
ENTRIES = 2_000
_LETTERS = "abdefghijklmnoprstuvyåäö"
_PLAIN = [
    "och",
    "i",
    "att",
    "det",
    "som",
    "en",
    "på",
    "är",
    "av",
    "för",
    "med",
    "till",
    "den",
    "har",
    "de",
    "inte",
    "om",
    "ett",
    "han",
    "hon",
    "men",
    "var",
    "sig",
    "från",
    "så",
    "vid",
    "kan",
    "sin",
    "sitt",
    "sina",
    "eller",
    "efter",
    "under",
    "när",
    "nu",
    "också",
    "mycket",
    "hela",
    "hem",
    "dag",
    "vecka",
    "resa",
    "resor",
    "buss",
    "taxi",
    "läkare",
    "vårdcentral",
    "ansökan",
    "beslut",
    "utredning",
    "behov",
    "stöd",
    "hjälp",
    "ledsagare",
    "rullator",
    "trappa",
    "hiss",
    "bostad",
]


def _word(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(_LETTERS) for _ in range(length))


def make_lexicon(rng: random.Random) -> Lexicon:
    entries = list(builtin_lexicon().entries)
    taken = {form.rstrip("*") for entry in entries for form in entry.patterns}
    groups = list(WordGroup)
    while len(entries) < ENTRIES:
        lemma = _word(rng, rng.randint(5, 10))
        if lemma in taken:
            continue
        forms = (f"{lemma}*",) if len(entries) % 3 == 0 else (f"{lemma}t", f"{lemma}a", f"{lemma}are")
        if taken.intersection(form.rstrip("*") for form in forms):
            continue
        taken.update([lemma, *(form.rstrip("*") for form in forms)])
        entries.append(LexiconEntry(lemma, groups[len(entries) % 4], forms))
    return Lexicon(2, tuple(entries))


def make_passage(rng: random.Random, lexicon: Lexicon) -> str:
    vocabulary = _PLAIN + [_word(rng, rng.randint(3, 12)) for _ in range(1_450)]
    hit_words = [entry.lemma for entry in lexicon.entries]
    extras = ("t.ex.", "bl.a.", "ca.", "e-post", "2026-03-01", "12", "3,5", "mamma-roll")
    words: list[str] = []
    while len(words) < WORDS:
        sentence = []
        for _ in range(rng.randint(6, 18)):
            roll = rng.random()
            sentence.append(
                rng.choice(hit_words) if roll < 0.05 else rng.choice(extras) if roll < 0.08 else rng.choice(vocabulary)
            )
        sentence[0] = sentence[0].capitalize()
        words.extend(sentence)
        words[-1] += rng.choice((".", ".", ".", "!", "?"))
    return " ".join(words[:WORDS])


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    rng = random.Random(13)
    started = time.perf_counter()
    lexicon = make_lexicon(rng)
    prepared = time.perf_counter() - started
    passage = make_passage(rng, lexicon)
    plain = {pattern.rstrip("*") for entry in lexicon.entries for pattern in entry.patterns}
    counted: list[tuple[int, int, int]] = []

    def measured(index: int) -> float:
        progress(f"{NAME}: repetition {index + 1} of {repeat}")

        def count() -> None:
            result = count_text(passage, lexicon)
            counted.append((result.words, result.sentences, len(result.hits)))

        return timed(count)

    def baseline(_index: int) -> float:
        return timed(lambda: sum(word.lower() in plain for word in re.findall(r"\w+", passage)))

    samples, baseline_samples = alternate(repeat, measured, baseline)
    words, sentences, hits = counted[0]
    return [
        Result(
            NAME,
            f"count a {words:,}-word passage ({sentences} sentences, {hits} hits) against a {ENTRIES:,}-entry lexicon",
            samples,
            baseline_samples,
            "re.findall(\\w+) + lower() + set lookup",
            max_median=0.05,
            extra={"words": words, "sentences": sentences, "hits": hits, "entries": ENTRIES, "prepare_s": prepared},
        )
    ]
