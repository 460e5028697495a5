"""The `reviewer` entry point: the window without a command, the headless commands with one."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from reviewer.cli.parser import build_parser

    args = build_parser().parse_args(argv)
    if args.command is not None:
        from reviewer.cli.main import run_command

        return run_command(args)
    from reviewer.ui.app import run_gui

    return run_gui(getattr(args, "data_dir", None), getattr(args, "database_url", None), sys.argv[:1], args.self_test)
