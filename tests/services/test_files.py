"""Files are replaced whole or not at all."""

import os

import pytest

from reviewer.services.files import write_atomically


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
