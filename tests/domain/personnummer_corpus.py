"""A corpus of texts that are not personnummer, and how often the guard refuses them.

The texts are the numbers caseworkers write into notes, case codes and unit names: phone numbers in the Swedish
formats, dates, amounts, diarienummer, postcodes, case codes and invoice references. They are drawn from a seeded
random generator, so the figures are the same on every run. `python -m tests.domain.personnummer_corpus` prints the
table given in docs/personnummer-guard.md; the test beside it keeps the rates there.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from reviewer.domain.personnummer import contains_personnummer

SEED = 20240115
PER_FORMAT = 2_000


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def _day(rng: random.Random) -> date:
    return date(1990, 1, 1) + timedelta(days=rng.randrange(50 * 365))


def _amount(rng: random.Random) -> str:
    return f"{rng.randrange(1, 10_000_000):,}".replace(",", " ")


# Category → formats; each format makes one text from the generator.
FORMATS: dict[str, list[Callable[[random.Random], str]]] = {
    "mobilnummer med mellanrum": [
        lambda r: f"07{r.choice('02369')}-{_digits(r, 3)} {_digits(r, 2)} {_digits(r, 2)}",
        lambda r: f"07{r.choice('02369')} {_digits(r, 3)} {_digits(r, 2)} {_digits(r, 2)}",
        lambda r: f"+46 7{r.choice('02369')} {_digits(r, 3)} {_digits(r, 2)} {_digits(r, 2)}",
        lambda r: f"+46 (0)7{r.choice('02369')}-{_digits(r, 3)} {_digits(r, 2)} {_digits(r, 2)}",
        lambda r: f"07{r.choice('02369')}-{_digits(r, 7)}",
        lambda r: f"+467{r.choice('02369')}{_digits(r, 7)}",
    ],
    "mobilnummer utan mellanrum": [lambda r: f"Ring 07{r.choice('02369')}{_digits(r, 7)}"],
    "fast telefon": [
        lambda r: f"08-{_digits(r, 3)} {_digits(r, 3)} {_digits(r, 2)}",
        lambda r: f"08-{_digits(r, 2)} {_digits(r, 2)} {_digits(r, 2)}",
        lambda r: f"0{r.randrange(11, 99)}-{_digits(r, 2)} {_digits(r, 2)} {_digits(r, 2)}",
        lambda r: f"0{r.randrange(11, 99)}-{_digits(r, 6)}",
        lambda r: f"08-{_digits(r, 7)}",
        lambda r: f"tel. 0{r.randrange(100, 999)}-{_digits(r, 3)} {_digits(r, 2)}",
    ],
    "datum": [
        lambda r: _day(r).isoformat(),
        lambda r: _day(r).strftime("%Y%m%d"),
        lambda r: _day(r).strftime("%d/%m %Y"),
        lambda r: f"{_day(r).isoformat()}–{_day(r).isoformat()}",
        lambda r: f"{_day(r).isoformat()} kl. {r.randrange(24):02d}:{r.randrange(60):02d}",
        lambda r: f"{_day(r):%Y%m%d}-{_day(r):%Y%m%d}",
        lambda r: f"Beslut {_day(r).isoformat()}, {r.randrange(1, 400)} dagar",
    ],
    "belopp": [
        lambda r: f"{_amount(r)} kr",
        lambda r: f"{_amount(r)},{_digits(r, 2)} kr",
        lambda r: f"SEK {r.randrange(1, 10**7)}.{_digits(r, 2)}",
        lambda r: f"{r.randrange(1, 10**6)} kr/dygn",
        lambda r: f"Totalt {_amount(r)} kr för {r.randrange(1, 365)} dygn",
    ],
    "diarienummer": [
        lambda r: f"IFO {r.randrange(2000, 2031)}-{_digits(r, 4)}",
        lambda r: f"SN {r.randrange(2000, 2031)}/{r.randrange(1, 9999)}",
        lambda r: f"KS-{r.randrange(2000, 2031)}-{_digits(r, 5)}",
        lambda r: f"Dnr {r.randrange(2000, 2031)}.{_digits(r, 4)}",
        lambda r: f"SOC {r.randrange(2000, 2031)}/{_digits(r, 4)}:{r.randrange(1, 99)}",
        lambda r: f"Dnr SN {r.randrange(2000, 2031)}/{r.randrange(1, 999)}-{r.randrange(1, 9)}",
    ],
    "postnummer": [
        lambda r: f"{_digits(r, 3)} {_digits(r, 2)} Stad",
        lambda r: f"Box {r.randrange(1, 9999)}, {_digits(r, 5)} Stad",
        lambda r: f"SE-{_digits(r, 3)} {_digits(r, 2)}",
    ],
    "ärendekoder": [
        lambda r: f"MB-{r.randrange(2000, 2031)}-{r.randrange(1, 999):03d}",
        lambda r: f"ÄR{r.randrange(2000, 2031)}-{_digits(r, 4)}",
        lambda r: f"FT{r.randrange(0, 31):02d}-{_digits(r, 4)}",
        lambda r: f"BO-{r.randrange(0, 31):02d}-{_digits(r, 4)}",
        lambda r: f"Akt {_digits(r, 6)}",
        lambda r: f"LVM{r.randrange(2000, 2031)}{_digits(r, 3)}",
    ],
    # Shaped exactly like a personnummer glued to letters: refused whenever the last digit happens to be the Luhn digit.
    "ärendekoder BOKSTÄVER+ÅÅMMDD-NNNN": [lambda r: f"MB{_day(r):%y%m%d}-{_digits(r, 4)}"],
    "referensnummer (10 siffror)": [
        lambda r: f"OCR {_digits(r, 10)}",
        lambda r: f"Faktura {_digits(r, 10)}",
    ],
}


def refusal_rates(per_format: int = PER_FORMAT, seed: int = SEED) -> dict[str, tuple[int, int]]:
    """Category → (texts refused, texts tried)."""
    rng = random.Random(seed)
    rates: dict[str, tuple[int, int]] = {}
    for category, formats in FORMATS.items():
        refused = tried = 0
        for make in formats:
            for _ in range(per_format):
                tried += 1
                refused += contains_personnummer(make(rng))
        rates[category] = (refused, tried)
    return rates


def main() -> None:
    rates = refusal_rates()
    print("| Kategori | Prövade | Vägrade | Andel |")
    print("|---|---:|---:|---:|")
    for category, (refused, tried) in rates.items():
        print(f"| {category} | {tried} | {refused} | {100 * refused / tried:.2f} % |")
    refused = sum(r for r, _ in rates.values())
    tried = sum(t for _, t in rates.values())
    print(f"| **alla** | {tried} | {refused} | {100 * refused / tried:.2f} % |")


if __name__ == "__main__":
    main()
