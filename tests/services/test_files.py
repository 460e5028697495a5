"""Files are replaced whole or not at all."""

import os
from pathlib import Path

import pytest

from reviewer.services.files import read_bytes, write_atomically


def test_writes_text_as_utf8_and_bytes_as_they_are(tmp_path):
    write_atomically(tmp_path / "sub" / "a.txt", "Färdtjänst\n")
    write_atomically(tmp_path / "b.bin", b"\x00\xff")
    assert (tmp_path / "sub" / "a.txt").read_bytes() == "Färdtjänst\n".encode()
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text("gammal", encoding="utf-8")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, "ny")
    assert target.read_text("utf-8") == "gammal"
    assert list(tmp_path.iterdir()) == [target]


def refuse(sv, en):
    return ValueError(sv)


def test_read_bytes_refuses_a_file_over_its_cap_and_reads_one_at_it(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * 2_000_001)
    with pytest.raises(ValueError, match=r"Filen a.bin är för stor \(2 MB; högst 2 MB kan läsas\)"):
        read_bytes(path, "a.bin", refuse, 2_000_000)
    assert read_bytes(path, "a.bin", refuse, 2_000_001) == b"x" * 2_000_001


def test_read_bytes_never_reads_past_the_cap_of_a_file_without_a_size(tmp_path):
    with pytest.raises(ValueError, match="för stor"):
        read_bytes(Path("/dev/zero"), "noll", refuse, 1_000_000)


@pytest.mark.parametrize(("make", "words"), [(lambda p: None, "finns inte"), (lambda p: p.mkdir(), "är en mapp")])
def test_read_bytes_says_why_a_file_cannot_be_read(tmp_path, make, words):
    path = tmp_path / "x"
    make(path)
    with pytest.raises(ValueError, match=words):
        read_bytes(path, "x", refuse, 100)
