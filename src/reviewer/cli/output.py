"""Where a command's text goes: the terminal, or a file written whole (and a line saying so)."""

from __future__ import annotations

import sys
from pathlib import Path

from reviewer.domain.text import language_from_environment
from reviewer.services.files import write_atomically


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    write_atomically(output, text)
    print(f"Wrote {output}" if language_from_environment() == "en" else f"Skrev {output}")
