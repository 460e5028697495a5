"""The encrypted container: only the right passphrase opens it, and any change or cut is noticed."""

import struct
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.services.exchange.envelope import HEADER_BYTES, MAGIC, TAG_BYTES, is_sealed, seal, unseal
from reviewer.services.exchange.errors import ExchangeFormatError, PassphraseRequiredError, WrongPassphraseError

PLAIN = b'{"format":"reviewer-exchange"}' * 20


@pytest.fixture(scope="module")
def sealed():
    return seal(PLAIN, "rätt lösenfras")


def test_round_trip_and_layout(sealed):
    assert is_sealed(sealed)
    assert sealed.startswith(MAGIC)
    version, log2_n, r, p = sealed[10:14]
    assert (version, log2_n, r, p) == (1, 15, 8, 1)
    (length,) = struct.unpack(">Q", sealed[42:50])
    assert length == len(PLAIN) + TAG_BYTES == len(sealed) - HEADER_BYTES
    assert PLAIN not in sealed
    assert unseal(sealed, "rätt lösenfras", "f") == PLAIN


def test_salt_and_nonce_are_fresh_each_time():
    first, second = seal(b"x", "p"), seal(b"x", "p")
    assert first[14:42] != second[14:42]


def test_passphrase_is_compared_after_unicode_normalisation():
    composed = unicodedata.normalize("NFC", "lösenfras")
    decomposed = unicodedata.normalize("NFD", "lösenfras")
    assert composed != decomposed
    assert unseal(seal(b"data", composed), decomposed, "f") == b"data"


def test_wrong_passphrase(sealed):
    with pytest.raises(WrongPassphraseError) as info:
        unseal(sealed, "fel lösenfras", "fil.granskning")
    assert "fel lösenfras, eller så har filen ändrats" in info.value.text("sv")
    assert "fil.granskning" in info.value.text("sv")


@pytest.mark.parametrize("passphrase", [None, ""])
def test_missing_passphrase(sealed, passphrase):
    with pytest.raises(PassphraseRequiredError) as info:
        unseal(sealed, passphrase, "f")
    assert "krypterad" in info.value.text("sv")


def test_empty_passphrase_is_refused_when_sealing():
    with pytest.raises(PassphraseRequiredError):
        seal(b"x", "")


@pytest.mark.parametrize(
    "offset",
    [14, 29, 30, 41, HEADER_BYTES, HEADER_BYTES + 5, -1],
    ids=["salt", "salt-end", "nonce", "nonce-end", "body", "body-later", "tag"],
)
def test_a_flipped_byte_fails_authentication(sealed, offset):
    changed = bytearray(sealed)
    changed[offset] ^= 0x01
    with pytest.raises(WrongPassphraseError):
        unseal(bytes(changed), "rätt lösenfras", "f")


def test_changed_cost_parameters_fail_authentication_too(sealed):
    changed = bytearray(sealed)
    changed[12] = 4  # r
    with pytest.raises(WrongPassphraseError):
        unseal(bytes(changed), "rätt lösenfras", "f")


def test_a_newer_container_version_asks_for_an_update(sealed):
    changed = bytearray(sealed)
    changed[10] = 2
    with pytest.raises(ExchangeFormatError) as info:
        unseal(bytes(changed), "rätt lösenfras", "f")
    assert "nyare version" in info.value.text("sv")


@pytest.mark.parametrize(("field", "value"), [(11, 40), (12, 0), (13, 0), (11, 21)])
def test_absurd_parameters_are_refused_before_any_key_is_derived(sealed, field, value):
    changed = bytearray(sealed)
    changed[field] = value
    with pytest.raises(ExchangeFormatError) as info:
        unseal(bytes(changed), "rätt lösenfras", "f")
    assert "skadad" in info.value.text("sv")


def test_trailing_bytes_are_refused(sealed):
    with pytest.raises(ExchangeFormatError):
        unseal(sealed + b"\x00", "rätt lösenfras", "f")


@settings(max_examples=60)
@given(cut=st.integers(min_value=0))
def test_truncation_anywhere_is_called_truncated(sealed, cut):
    cut %= len(sealed)
    with pytest.raises(ExchangeFormatError) as info:
        unseal(sealed[:cut], "rätt lösenfras", "f")
    assert "avkortad" in info.value.text("sv")
    assert "truncated" in info.value.text("en")
