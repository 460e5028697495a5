"""Reading the files users hand the program, and writing the files they keep or send on, so that a failed or
interrupted write never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def read_bytes(path: Path, shown: str, refuse: Callable[[str, str], Exception], max_bytes: int) -> bytes:
    """The file's bytes, or `refuse(sv, en)` raised with the reason in words; `shown` is the name to show for it
    (already free of personnummer). A file larger than `max_bytes` is refused before it is read, and one that grows
    while it is read, or has no size (a device, a pipe), is never read past the limit."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = _read_at_most(handle, size, max_bytes + 1) if size <= max_bytes else b""
    except FileNotFoundError:
        raise refuse(f"Filen {shown} finns inte", f"The file {shown} does not exist") from None
    except IsADirectoryError:
        raise refuse(f"{shown} är en mapp, inte en fil", f"{shown} is a folder, not a file") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise refuse(
            f"Filen {shown} kunde inte läsas ({reason})", f"The file {shown} could not be read ({reason})"
        ) from None
    if size > max_bytes or len(data) > max_bytes:
        (found_sv, found_en), (limit_sv, limit_en) = _size(max(size, len(data))), _size(max_bytes)
        raise refuse(
            f"Filen {shown} är för stor ({found_sv}; högst {limit_sv} kan läsas)",
            f"The file {shown} is too large ({found_en}; at most {limit_en} can be read)",
        )
    return data


def _read_at_most(handle: BinaryIO, size: int, limit: int) -> bytes:
    """Up to `limit` bytes: the `size` the file says it has in one read (read(n) allocates n bytes at once, so never
    ask for the limit itself), then in chunks while a file that grows or has no size goes on."""
    first = handle.read(size + 1) if size else b""
    parts, total = [first], len(first)
    if size and total <= size:
        return first
    while total < limit:
        chunk = handle.read(min(1 << 20, limit - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def _size(size: int) -> tuple[str, str]:
    if size < 1_000_000:
        return f"{size} byte", f"{size} bytes"
    megabytes = f"{size / 1_000_000:.1f}".rstrip("0").rstrip(".")
    return f"{megabytes} MB", f"{megabytes} MB"


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write beside the target, flush it to disk and rename: the target is either the old file or the whole new one.

    Text is written as UTF-8 with `\\n` line ends. The flush matters for exchange files carried away on a USB stick.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
