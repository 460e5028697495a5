"""A gzip bomb is refused quickly and without unpacking it into memory; every read has a size cap.

The time and memory bounds are loose correctness bounds (what "streamed with a cap" guarantees), not benchmarks: before
the cap, a 0.6 MB bomb took 62 s and 3.8 GB."""

import time
import tracemalloc
import zlib

import pytest

from reviewer.services.exchange import ExchangeFormatError, decode, read_exchange
from reviewer.services.exchange.envelope import seal


def gzip_bomb(unpacked_mb: int) -> bytes:
    """A gzip file that starts like an exchange file and unpacks to `unpacked_mb` MB of spaces."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(b'{"format": "reviewer-exchange", "format_version": 1, "padding": "')]
    block = b" " * (1 << 20)
    parts += [packer.compress(block) for _ in range(unpacked_mb)]
    parts.append(packer.compress(b'"}') + packer.flush())
    return b"".join(parts)


@pytest.fixture(scope="module")
def bomb():
    data = gzip_bomb(1000)
    assert len(data) < 1_100_000  # about a thousand to one
    return data


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_gzip_bomb_is_refused_within_a_second_and_a_few_mb(bomb, tmp_path, encrypted):
    path = tmp_path / "bomb.granskning"
    path.write_bytes(seal(bomb, "lösen") if encrypted else bomb)
    passphrase = "lösen" if encrypted else None
    started = time.perf_counter()
    with pytest.raises(ExchangeFormatError) as caught:
        read_exchange(path, passphrase)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    try:
        with pytest.raises(ExchangeFormatError):
            read_exchange(path, passphrase)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < (1.5 if encrypted else 1.0) * 3  # loose: a shared, loaded machine; scrypt takes 0.1 s more
    assert peak < 50 * 1024 * 1024 + (2 if encrypted else 1) * len(bomb)
    limit = decode.plain_limit(len(bomb)) // 1_000_000
    assert f"packas upp till mer än {limit} MB" in caught.value.text("sv")
    assert f"unpacks to more than {limit} MB" in caught.value.text("en")


def test_the_cap_follows_the_file_size_and_has_a_floor_and_a_ceiling():
    assert decode.plain_limit(1_000) == decode.MIN_PLAIN_CAP
    assert decode.plain_limit(1_000_000) == 50_000_000
    assert decode.plain_limit(10**9) == decode.MAX_PLAIN_BYTES


def test_a_file_that_unpacks_just_within_its_cap_is_read(tmp_path):
    plain = b'{"format": "reviewer-exchange", "format_version": 1}'
    packed = zlib.compress(plain, wbits=16 + zlib.MAX_WBITS)
    assert decode.decompress(packed, "f") == plain


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "stor.granskning"
    path.write_bytes(b"\x1f\x8b" + bytes(5000))
    with pytest.raises(ExchangeFormatError) as caught:
        read_exchange(path)
    assert "Filen stor.granskning är för stor (5002 byte; högst 1000 byte kan läsas)" in caught.value.text("sv")
    assert "The file stor.granskning is too large" in caught.value.text("en")
