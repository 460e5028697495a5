"""The command line speaks Swedish, English under an English locale: its --help and argparse's own messages too,
through the entry point the `reviewer` script calls."""

from __future__ import annotations

import argparse
import re

import pytest

from reviewer.cli.parser import build_parser
from reviewer.main import main
from tests.users_words import leaks

# Values the user types as they are (choices of --by, --format, --on-conflict, --decimal; environment variables).
TYPED = {"age_band", "unit", "text", "json", "keep", "take", "both", "csv", "xlsx", "pdf"}
TYPED |= {"annat_okant"}  # a --sex of reviewer training add-case


# What the user types is not prose: options, metavariables and environment variables in capitals, file names,
# addresses, and the commands themselves.
TYPED_PATTERN = re.compile(r"-{1,2}[\w-]+|\b[A-ZÅÄÖ][A-ZÅÄÖ0-9_]+\b|\S+\.(?:md|json|yaml|yml|xlsx|csv|pdf)\b|\S+://\S+")


def prose(text: str, names: set[str]) -> list[str]:
    lines = []
    for line in text.splitlines():
        # names first: the option pattern would leave 'add' of the command 'add-case'
        line = " ".join(w for w in line.split() if w.strip("{},") not in names)
        line = TYPED_PATTERN.sub(" ", line)
        lines.append(" ".join(w for w in line.split() if w.strip("{},") not in names))
    return lines


def commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands(sub, (*prefix, name))
    return found


def run(capsys, monkeypatch, language: str, *argv: str) -> tuple[int, str]:
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", language)
    with pytest.raises(SystemExit) as stop:
        main(list(argv))
    out = capsys.readouterr()
    return int(stop.value.code or 0), out.out + out.err


NAMES = {name for path in commands(build_parser()) for name in path} | {"reviewer", "reviewer:"}
NAMES |= {f"'{name}'" for name in NAMES}


@pytest.mark.parametrize("command", commands(build_parser()), ids=lambda c: " ".join(c) or "reviewer")
def test_every_help_is_swedish_and_english_under_an_english_locale(capsys, monkeypatch, command):
    code, swedish = run(capsys, monkeypatch, "sv_SE.UTF-8", *command, "--help")
    assert code == 0
    assert swedish.startswith("användning: reviewer")
    assert "flaggor:" in swedish
    assert leaks(prose(swedish, NAMES), allowed=TYPED) == []
    code, english = run(capsys, monkeypatch, "en_GB.UTF-8", *command, "--help")
    assert code == 0
    assert english.startswith("usage: reviewer") and "options:" in english
    assert "användning" not in english and "flaggor" not in english


@pytest.mark.parametrize(
    ("argv", "swedish", "english"),
    [
        (
            ("round", "create"),
            "reviewer round create: fel: följande argument krävs: NAMN, --checklist, --period",
            "reviewer round create: error: the following arguments are required: NAME, --checklist, --period",
        ),
        (
            ("aggregate", "--round", "A", "--by", "kön"),
            "argumentet --by: ogiltigt val: 'kön' (välj bland 'age_band', 'unit')",
            "argument --by: invalid choice: 'kön' (choose from 'age_band', 'unit')",
        ),
        (("demo", "--cases", "många"), "argumentet --cases: ogiltigt värde: 'många'", "invalid int value: 'många'"),
        (("round", "list", "--extra"), "okända argument: --extra", "unrecognized arguments: --extra"),
        (("nothing",), "ogiltigt val: 'nothing'", "invalid choice: 'nothing'"),
    ],
)
def test_argparse_messages_follow_the_language(capsys, monkeypatch, argv, swedish, english):
    code, text = run(capsys, monkeypatch, "sv_SE.UTF-8", *argv)
    assert code == 2 and swedish in text and text.startswith("användning: ")
    assert leaks(prose(text.splitlines()[-1], NAMES | {"'nothing'"}), allowed=TYPED) == []
    code, text = run(capsys, monkeypatch, "en_US.UTF-8", *argv)
    assert code == 2 and english in text and text.startswith("usage: ")


def test_what_the_commands_print_is_in_swedish_words(capsys, monkeypatch, tmp_path):
    """The listings and the text report: checklist ids stay (they are typed: --checklist fardtjanst), codes do not."""
    data = str(tmp_path / "data")

    def out(*argv: str) -> str:
        for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("LANG", "sv_SE.UTF-8")
        assert main([*argv, "--data-dir", data]) == 0
        return capsys.readouterr().out

    out("demo", "--cases", "12")
    ids = {"fardtjanst", "barnomsorg", "missbruk", "fardtjanst@3", "barnomsorg@2", "missbruk@3"}
    round_name = "Exempeldata: Barnomsorg – jämställdhetsgranskning (fiktiv)"
    printed = out("round", "list") + out("checklist", "list") + out("aggregate", "--round", round_name)
    assert leaks(prose(printed, NAMES | ids), allowed=ids) == []
    assert "Kön avser: vårdnadshavare som ansökt" in printed
    assert "publicerad" in printed and "färdtjänst" in printed
