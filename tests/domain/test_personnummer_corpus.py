"""The guard's false refusals on ordinary texts stay at the rates docs/personnummer-guard.md states."""

from __future__ import annotations

from tests.domain.personnummer_corpus import refusal_rates

NEVER_REFUSED = ["mobilnummer med mellanrum", "fast telefon", "datum", "belopp", "diarienummer", "postnummer"]


def test_false_refusal_rates_stay_low():
    rates = refusal_rates(per_format=500)
    for category in NEVER_REFUSED:
        assert rates[category][0] == 0, category
    assert rates["ärendekoder"][0] == 0
    # A 10-digit run refused is a valid date (about half) times the right check digit (one in ten).
    assert rates["mobilnummer utan mellanrum"][0] / rates["mobilnummer utan mellanrum"][1] < 0.03
    assert rates["referensnummer (10 siffror)"][0] / rates["referensnummer (10 siffror)"][1] < 0.03
    assert 0.05 < rates["ärendekoder BOKSTÄVER+ÅÅMMDD-NNNN"][0] / rates["ärendekoder BOKSTÄVER+ÅÅMMDD-NNNN"][1] < 0.15
    ordinary = [c for c in rates if c != "ärendekoder BOKSTÄVER+ÅÅMMDD-NNNN"]
    refused = sum(rates[c][0] for c in ordinary)
    tried = sum(rates[c][1] for c in ordinary)
    assert refused / tried < 0.002
