"""The command line's shape, apart from what the commands do.

Kept free of the storage and service layers so that `reviewer` without a command can put its window on screen
before those (slow to import) are loaded.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any, NoReturn

from reviewer import __version__
from reviewer.domain.text import language_from_environment


def _t(sv: str, en: str) -> str:
    return en if language_from_environment() == "en" else sv


# argparse's own words, in the order of its source; the English ones are argparse's (and so left alone in English).
_ARGPARSE_SV = (
    (r"^the following arguments are required: (.*)$", r"följande argument krävs: \1"),
    (r"^unrecognized arguments: (.*)$", r"okända argument: \1"),
    (
        r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$",
        r"argumentet \1: ogiltigt val: \2 (välj bland \3)",
    ),
    (r"^argument (\S+): invalid (\w+) value: (.*)$", r"argumentet \1: ogiltigt värde: \3"),
    (r"^argument (\S+): expected one argument$", r"argumentet \1: ett värde behövs"),
    (r"^argument (\S+): expected at least one argument$", r"argumentet \1: minst ett värde behövs"),
    (r"^argument (\S+): expected at most one argument$", r"argumentet \1: högst ett värde"),
    (r"^argument (\S+): ignored explicit argument (.*)$", r"argumentet \1: värdet \2 ignoreras"),
    (r"^argument (\S+): not allowed with argument (.*)$", r"argumentet \1: kan inte kombineras med \2"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"flertydig flagga: \1 kan betyda \2"),
    (r"^one of the arguments (.*) is required$", r"ett av argumenten \1 krävs"),
)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        return super().add_usage(usage, actions, groups, _t("användning: ", "usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with its own words in Swedish under a Swedish (or no) locale, in English under an English one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        parents = kwargs.pop("parents", [])
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        # Renamed before the parents' arguments join, so that theirs go under the same headings.
        self._positionals.title = _t("argument", "positional arguments")
        self._optionals.title = _t("flaggor", "options")
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=_t("visa den här hjälpen och avsluta", "show this help message and exit"),
            )
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def error(self, message: str) -> NoReturn:
        if language_from_environment() != "en":
            for pattern, replacement in _ARGPARSE_SV:
                message = re.sub(pattern, replacement, message)
        self.print_usage(sys.stderr)
        self.exit(
            2,
            _t("%(prog)s: fel: %(message)s\n", "%(prog)s: error: %(message)s\n")
            % {"prog": self.prog, "message": message},
        )


def _common() -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar=_t("MAPP", "DIR"),
        type=Path,
        default=argparse.SUPPRESS,
        help=_t(
            "mapp för databasen, inställningarna, loggarna och säkerhetskopiorna (standard: användarens"
            " datamapp; miljövariabeln REVIEWER_DATA_DIR)",
            "folder for the database, settings, logs and backups (default: the user's data folder; env "
            "REVIEWER_DATA_DIR)",
        ),
    )
    common.add_argument(
        "--database-url",
        metavar=_t("ADRESS", "URL"),
        default=argparse.SUPPRESS,
        help=_t(
            "SQLAlchemy-adress till en annan databas, t.ex. postgresql+psycopg://användare@värd/db "
            "(miljövariabeln REVIEWER_DATABASE_URL)",
            "SQLAlchemy URL of another database, e.g. postgresql+psycopg://user@host/db (env REVIEWER_DATABASE_URL)",
        ),
    )
    return common


def _rounds_or_the_only_one(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--round",
        action="append",
        dest="rounds",
        metavar=_t("NAMN", "NAME"),
        help=_t(
            "en omgång (kan upprepas; standard: den enda omgången)", "a round (repeatable; default: the only round)"
        ),
    )


def _unit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--unit", metavar="U", help=_t("bara ärenden från den här enheten", "only cases of this unit"))


def _text_or_json(parser: argparse.ArgumentParser) -> None:
    """--format text|json and -o FILE, as every report-like command has them."""
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help=_t("utdataformat (standard text)", "output format (default text)"),
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar=_t("FIL", "FILE"),
        help=_t("skriv till FIL i stället för till skärmen", "write to FILE instead of the screen"),
    )


def _lexicon_commands(commands: Any, common: _Parser) -> None:
    """`lexicon list|show|export|import` and `words` (docs/wording-lexicon.md)."""
    lexicon = commands.add_parser(
        "lexicon",
        help=_t(
            "ordlistan över värdeladdade ord: versioner, visa, exportera och importera (docs/wording-lexicon.md)",
            "the lexicon of value-laden words: versions, show, export and import (docs/wording-lexicon.md)",
        ),
    )
    actions = lexicon.add_subparsers(dest="action", metavar=_t("ÅTGÄRD", "ACTION"), required=True)
    actions.add_parser("list", parents=[common], help=_t("ordlistans versioner", "the versions of the lexicon"))
    version_help = _t("versionen (standard: den senaste)", "the version (default: the newest)")
    show = actions.add_parser("show", parents=[common], help=_t("orden i en version", "the words of a version"))
    show.add_argument("--version", type=int, metavar="N", help=version_help)
    export = actions.add_parser(
        "export",
        parents=[common],
        help=_t(
            "skriv ordlistan till en fil att redigera i Excel (.xlsx, .csv eller .yaml)",
            "write the lexicon to a file to edit in Excel (.xlsx, .csv or .yaml)",
        ),
    )
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar=_t("FIL", "FILE"), help=_t("filen att skriva", "the file")
    )
    export.add_argument("--version", type=int, metavar="N", help=version_help)
    imp = actions.add_parser(
        "import",
        parents=[common],
        help=_t(
            "kontrollera en redigerad ordlista (.xlsx, .csv eller .yaml) och spara den som en ny version",
            "check an edited lexicon (.xlsx, .csv or .yaml) and save it as a new version",
        ),
    )
    imp.add_argument("file", type=Path, metavar=_t("FIL", "FILE"))
    imp.add_argument(
        "--note", metavar=_t("TEXT", "TEXT"), help=_t("varför ordlistan ändrades", "why the lexicon was changed")
    )
    words = commands.add_parser(
        "words",
        parents=[common],
        help=_t(
            "räkna ord, meningar och träffar i ordlistan i en text (FIL eller - för standard in); texten sparas aldrig",
            "count the words, sentences and lexicon hits of a text (FILE or - for standard input); the text is "
            "never stored",
        ),
    )
    words.add_argument(
        "file", metavar=_t("FIL", "FILE"), help=_t("textfil i UTF-8, eller -", "a UTF-8 text file, or -")
    )
    _text_or_json(words)


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = _Parser(
        prog="reviewer",
        description=_t(
            "Jämställdhetsgranskning av akter. Utan kommando öppnas programfönstret.",
            "Jämställdhetsgranskning av akter. Without a command, the program window opens.",
        ),
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"reviewer {__version__}",
        help=_t("visa programmets version och avsluta", "show program's version number and exit"),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_t(
            "öppna fönstret, vänta tills det har öppnat databasen och byggt sina områden, stäng "
            "dialoger som starten öppnar, skriv ut vad som hittades och avsluta: slutkod 0 om allt "
            "fungerade (för IT efter installation eller uppgradering)",
            "open the window, wait until it has opened the database and built its areas, close any "
            "dialog the start opens, print what it found and quit: exit 0 if it all worked (for IT "
            "after an install or upgrade)",
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar=_t("KOMMANDO", "COMMAND"))

    checklist = commands.add_parser(
        "checklist",
        help=_t(
            "lista, visa, kontrollera, importera, exportera, publicera och pensionera checklistor",
            "list, show, validate, import, export, publish and retire checklists",
        ),
    )
    checklist_commands = checklist.add_subparsers(dest="action", metavar=_t("ÅTGÄRD", "ACTION"), required=True)
    checklist_commands.add_parser(
        "list",
        parents=[common],
        help=_t("alla checklistversioner i databasen", "every checklist version in the database"),
    )
    show = checklist_commands.add_parser(
        "show", parents=[common], help=_t("en checklistas frågor", "the questions of a checklist")
    )
    show.add_argument("reference", metavar=_t("ID[@VERSION]", "SLUG[@VERSION]"))
    validate = checklist_commands.add_parser(
        "validate",
        parents=[common],
        help=_t(
            "kontrollera en checklistfil (.json, .yaml, .yml eller .xlsx)",
            "check a checklist file (.json, .yaml, .yml or .xlsx)",
        ),
    )
    validate.add_argument("file", type=Path, metavar=_t("FIL", "FILE"))
    imp = checklist_commands.add_parser(
        "import",
        parents=[common],
        help=_t(
            "lägg till en checklistfil (.json, .yaml, .yml eller .xlsx; arbetsboken: docs/checklist-excel.md)",
            "add a checklist file (.json, .yaml, .yml or .xlsx; the workbook: docs/checklist-excel.md)",
        ),
    )
    imp.add_argument("file", type=Path, metavar=_t("FIL", "FILE"))
    imp.add_argument(
        "--draft",
        action="store_true",
        help=_t(
            "spara den som utkast att redigera och publicera senare",
            "store it as a draft to edit and publish later",
        ),
    )
    exp = checklist_commands.add_parser(
        "export",
        parents=[common],
        help=_t(
            "skriv en checklista till en .json-, .yaml- eller .xlsx-fil",
            "write a checklist to a .json, .yaml or .xlsx file",
        ),
    )
    exp.add_argument("reference", metavar=_t("ID[@VERSION]", "SLUG[@VERSION]"))
    exp.add_argument("-o", "--output", type=Path, required=True, metavar=_t("FIL", "FILE"))
    publish = checklist_commands.add_parser(
        "publish",
        parents=[common],
        help=_t(
            "publicera ett utkast; varje fråga i föregående version måste redovisas",
            "publish a draft; every question of the previous version must be accounted for",
        ),
    )
    publish.add_argument("reference", metavar=_t("ID@VERSION", "SLUG@VERSION"))
    publish.add_argument(
        "--map",
        action="append",
        metavar=_t("NY=GAMMAL", "NEW=OLD"),
        help=_t(
            "den nya frågan NY fortsätter föregående versions GAMMAL (bytt namn eller en del av en "
            "delning); kan upprepas",
            "the new question NEW continues the previous version's OLD (renamed, or one part of a split); repeatable",
        ),
    )
    publish.add_argument(
        "--retire",
        action="append",
        metavar=_t("GAMMAL", "OLD"),
        help=_t(
            "föregående versions fråga GAMMAL har ingen efterföljare; kan upprepas",
            "the previous version's question OLD has no successor; repeatable",
        ),
    )
    retire = checklist_commands.add_parser(
        "retire",
        parents=[common],
        help=_t(
            "hindra nya omgångar från att använda en version (omgångar som använder den fungerar som förut)",
            "stop new rounds from using a version (rounds using it keep working)",
        ),
    )
    retire.add_argument("reference", metavar=_t("ID@VERSION", "SLUG@VERSION"))

    db = commands.add_parser("db", help=_t("databasens hälsa och säkerhetskopior", "database health and backups"))
    db_commands = db.add_subparsers(dest="action", metavar=_t("ÅTGÄRD", "ACTION"), required=True)
    db_commands.add_parser(
        "check",
        parents=[common],
        help=_t(
            "integritet, schemaversion, antal rader, antal svar",
            "integrity, schema version, row counts, answer counts",
        ),
    )
    backup = db_commands.add_parser(
        "backup", parents=[common], help=_t("skriv en säkerhetskopia nu", "write a backup copy now")
    )
    backup.add_argument(
        "-o",
        "--output-dir",
        type=Path,
        help=_t(
            "mapp för kopian (standard: mappen för säkerhetskopior)",
            "folder for the copy (default: the backups folder)",
        ),
    )
    restore = db_commands.add_parser(
        "restore",
        parents=[common],
        help=_t(
            "ersätt databasen med en kontrollerad säkerhetskopia; den nuvarande sparas som "
            "säkerhetskopia (docs/backups.md)",
            "replace the database by a checked backup; the current one is kept as a backup (docs/backups.md)",
        ),
    )
    restore.add_argument("file", type=Path, metavar=_t("FIL", "FILE"))
    db_commands.add_parser(
        "backups",
        parents=[common],
        help=_t(
            "säkerhetskopiorna med datum, storlek och antal",
            "the backups with their date, size and counts",
        ),
    )
    db_commands.add_parser(
        "recount",
        parents=[common],
        help=_t(
            "bygg om svarsräkningarna som sammanställningarna läser, från svaren",
            "rebuild the answer counts the summaries read from the answers",
        ),
    )

    round_ = commands.add_parser(
        "round", help=_t("lista och skapa granskningsomgångar", "list and create review rounds")
    )
    round_commands = round_.add_subparsers(dest="action", metavar=_t("ÅTGÄRD", "ACTION"), required=True)
    round_commands.add_parser(
        "list",
        parents=[common],
        help=_t(
            "alla omgångar med checklista och hur långt de kommit",
            "every round with its checklist and progress",
        ),
    )
    create = round_commands.add_parser(
        "create", parents=[common], help=_t("skapa en granskningsomgång", "create a review round")
    )
    create.add_argument("name", metavar=_t("NAMN", "NAME"))
    create.add_argument(
        "--checklist",
        required=True,
        metavar=_t("ID[@VERSION]", "SLUG[@VERSION]"),
        help=_t("checklistan som omgången använder", "the checklist the round uses"),
    )
    create.add_argument(
        "--period",
        required=True,
        metavar=_t("BENÄMNING", "LABEL"),
        help=_t(
            "perioden som granskas, t.ex. '2024' eller '2025 H1'",
            "the period reviewed, e.g. '2024' or '2025 H1'",
        ),
    )
    create.add_argument(
        "--baseline",
        metavar=_t("NAMN", "NAME"),
        help=_t(
            "omgången som den här jämförs med (före/efter)",
            "the round this one is compared with (before/after)",
        ),
    )
    sample = round_commands.add_parser(
        "sample",
        parents=[common],
        help=_t(
            "dra en tom omgångs ärenden slumpmässigt ur verksamhetssystemets lista över avslutade ärenden "
            "(docs/planning.md)",
            "draw an empty round's cases at random from the case system's list of closed cases (docs/planning.md)",
        ),
    )
    sample.add_argument(
        "file",
        type=Path,
        metavar=_t("FIL", "FILE"),
        help=_t(
            "listan, .csv eller .xlsx: ärende, kön, åldersgrupp, enhet",
            "the list, .csv or .xlsx: case_code, sex, age_band, unit",
        ),
    )
    sample.add_argument(
        "--round",
        dest="round_name",
        required=True,
        metavar=_t("NAMN", "NAME"),
        help=_t("den tomma omgången som får ärendena", "the empty round that gets the cases"),
    )
    size = sample.add_mutually_exclusive_group(required=True)
    size.add_argument(
        "--per-sex",
        type=int,
        metavar="N",
        help=_t("N kvinnor och N män (per enhet med --by-unit)", "N women and N men (per unit with --by-unit)"),
    )
    size.add_argument(
        "--total",
        type=int,
        metavar="N",
        help=_t("N totalt, fördelade i proportion till listan", "N in all, shared out in proportion to the list"),
    )
    sample.add_argument("--by-unit", action="store_true", help=_t("dra inom varje enhet", "draw within each unit"))
    sample.add_argument(
        "--seed",
        type=int,
        required=True,
        metavar=_t("FRÖ", "SEED"),
        help=_t(
            "ett heltal; samma lista och frö ger samma urval", "any whole number; the same list and seed, the same draw"
        ),
    )
    sample.add_argument(
        "--double",
        type=float,
        default=0.0,
        metavar=_t("ANDEL", "SHARE"),
        help=_t("andel som granskas två gånger, t.ex. 0.2", "share to review twice, e.g. 0.2"),
    )
    sample.add_argument(
        "--reviewers",
        metavar="AB,CD,…",
        help=_t("granskarnas initialer, att fördela ärendena på", "the reviewers' initials, to share the cases out"),
    )
    sample.add_argument(
        "--from",
        dest="decided_from",
        metavar=_t("DATUM", "DATE"),
        help=_t("bara ärenden beslutade DATUM eller senare", "only cases decided on or after DATE"),
    )
    sample.add_argument(
        "--to",
        dest="decided_to",
        metavar=_t("DATUM", "DATE"),
        help=_t("bara ärenden beslutade DATUM eller tidigare", "only cases decided on or before DATE"),
    )

    cases = commands.add_parser("cases", help=_t("ärenden i en omgång", "cases in a round"))
    cases_commands = cases.add_subparsers(dest="action", metavar=_t("ÅTGÄRD", "ACTION"), required=True)
    cases_import = cases_commands.add_parser(
        "import",
        parents=[common],
        help=_t(
            "importera tidigare granskningar från ett kalkylark (CSV eller XLSX), en rad per ärende "
            "(formatet: docs/spreadsheet-import.md)",
            "import earlier reviews from a spreadsheet (CSV or XLSX), one row per case (the format: "
            "docs/spreadsheet-import.md)",
        ),
    )
    cases_import.add_argument("file", type=Path, metavar=_t("FIL", "FILE"))
    cases_import.add_argument(
        "--round",
        required=True,
        metavar=_t("NAMN", "NAME"),
        dest="round_name",
        help=_t("omgången som ska fyllas", "the round to fill"),
    )
    cases_import.add_argument(
        "--reviewer",
        metavar=_t("NAMN", "NAME"),
        help=_t(
            "granskaren för rader där granskarcellen är tom",
            "the reviewer for rows whose reviewer cell is empty",
        ),
    )

    exchange = commands.add_parser(
        "exchange",
        help=_t(
            "utbytesfiler mellan handläggarens program och enhetschefens (docs/exchange-format.md)",
            "exchange files between a caseworker's program and the unit chief's (docs/exchange-format.md)",
        ),
    )
    exchange_commands = exchange.add_subparsers(dest="action", metavar=_t("ÅTGÄRD", "ACTION"), required=True)
    exchange_export = exchange_commands.add_parser(
        "export",
        parents=[common],
        help=_t(
            "skriv omgångar med ärenden, granskningar och svar till en fil",
            "write rounds with their cases, reviews and answers to one file",
        ),
    )
    exchange_export.add_argument("-o", "--output", type=Path, required=True, metavar=_t("FIL", "FILE"))
    exchange_export.add_argument(
        "--round",
        action="append",
        dest="rounds",
        metavar=_t("NAMN", "NAME"),
        help=_t(
            "en omgång att exportera (kan upprepas; standard: alla)",
            "a round to export (repeatable; default: all)",
        ),
    )
    exchange_export.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="F",
        help=_t(
            "kryptera med lösenfrasen på första raden i F",
            "encrypt with the passphrase on the first line of F",
        ),
    )
    exchange_export.add_argument(
        "--by",
        metavar=_t("NAMN", "NAME"),
        help=_t(
            "vem som exporterar (standard: granskarnamnet i Inställningar)",
            "who exports (default: the reviewer name in Settings)",
        ),
    )
    exchange_import = exchange_commands.add_parser(
        "import",
        parents=[common],
        help=_t(
            "importera utbytesfiler i en transaktion; samma fil två gånger ändrar ingenting",
            "import exchange files in one transaction; the same file twice changes nothing",
        ),
    )
    exchange_import.add_argument("files", nargs="+", type=Path, metavar=_t("FIL", "FILE"))
    exchange_import.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="F",
        help=_t(
            "lösenfrasen till krypterade filer, på första raden i F",
            "the passphrase of encrypted files, on the first line of F",
        ),
    )
    exchange_import.add_argument(
        "--on-conflict",
        choices=["keep", "take", "both"],
        help=_t(
            "för granskningar som skiljer sig från databasen: behåll den befintliga (keep), ta den "
            "inkommande (take) eller behåll båda (both) (standard: stanna och lista dem, utan att "
            "importera något)",
            "for reviews that differ from the database: keep the existing, take the incoming, or keep "
            "both (default: stop and list them, importing nothing)",
        ),
    )

    agg = commands.add_parser(
        "aggregate",
        parents=[common],
        help=_t(
            "resultat per kön för en eller flera omgångar, som text eller JSON (docs/aggregate-format.md)",
            "results by sex for one or several rounds, as text or JSON (docs/aggregate-format.md)",
        ),
    )
    agg.add_argument(
        "--round",
        action="append",
        required=True,
        dest="rounds",
        metavar=_t("NAMN", "NAME"),
        help=_t("en omgång (kan upprepas)", "a round (repeatable)"),
    )
    agg.add_argument(
        "--compare",
        nargs="?",
        const="",
        metavar=_t("NAMN", "NAME"),
        help=_t(
            "jämför omgången med den här utgångsomgången (utan NAMN: omgångens egen utgångsomgång)",
            "compare the round with this baseline round (without NAME: the round's own baseline)",
        ),
    )
    agg.add_argument(
        "--trend",
        action="store_true",
        help=_t(
            "skillnaden per omgång och ett test av trend över tre eller fler omgångar, i den ordning de anges",
            "the gap per round and a test for a trend over three or more rounds, in the order given",
        ),
    )
    agg.add_argument(
        "--by",
        choices=["age_band", "unit"],
        metavar=_t("UPPDELNING", "BREAKDOWN"),
        help=_t(
            "en andra uppdelning utöver kön: age_band (åldersgrupp) eller unit (enhet)",
            "a second breakdown besides sex: age_band or unit",
        ),
    )
    _unit(agg)
    agg.add_argument(
        "--reviewer", metavar="R", help=_t("bara den här granskarens granskningar", "only this reviewer's reviews")
    )
    agg.add_argument(
        "--include-in-progress",
        action="store_true",
        help=_t(
            "räkna även påbörjade granskningar (standard: bara klara)",
            "count reviews in progress too (default: completed only)",
        ),
    )
    agg.add_argument(
        "--min-difference",
        type=float,
        metavar="PP",
        help=_t(
            "markera skillnader från PP procentenheter (standard 10)",
            "flag differences from PP percentage points (default 10)",
        ),
    )
    agg.add_argument(
        "--fdr-q",
        type=float,
        metavar="Q",
        help=_t(
            "andelen falska upptäckter: markera när p-värdet justerat över frågorna är under Q (standard 0.05)",
            "the false discovery rate: flag when the p-value adjusted across the questions is below Q (default 0.05)",
        ),
    )
    agg.add_argument(
        "--alpha",
        type=float,
        metavar="A",
        help=_t(
            "nivån för checklistans huvudfrågor (standard 0.05)",
            "the level of the checklist's primary questions (default 0.05)",
        ),
    )
    _text_or_json(agg)

    agreement = commands.add_parser(
        "agreement",
        parents=[common],
        help=_t(
            "hur lika granskarna svarade på de ärenden som två eller fler granskade: kappa och alfa per fråga, som "
            "text eller JSON (docs/agreement-format.md)",
            "how alike reviewers answered the cases two or more of them reviewed: kappa and alpha per question, "
            "as text or JSON (docs/agreement-format.md)",
        ),
    )
    agreement.add_argument(
        "--round",
        action="append",
        required=True,
        dest="rounds",
        metavar=_t("NAMN", "NAME"),
        help=_t("en omgång (kan upprepas)", "a round (repeatable)"),
    )
    _unit(agreement)
    _text_or_json(agreement)

    report = commands.add_parser(
        "report",
        parents=[common],
        help=_t(
            "granskningsrapporten som PDF för en eller flera omgångar (docs/report.md)",
            "the PDF audit report of one or several rounds (docs/report.md)",
        ),
    )
    report.add_argument("-o", "--output", type=Path, required=True, metavar=_t("FIL.pdf", "FILE.pdf"))
    _rounds_or_the_only_one(report)
    report.add_argument(
        "--compare",
        metavar=_t("NAMN", "NAME"),
        help=_t(
            "jämför med den här omgången (standard: omgångens egen utgångsomgång, om den har en)",
            "compare with this round (default: the round's own baseline, if any)",
        ),
    )
    report.add_argument(
        "--anonymised",
        action="store_true",
        help=_t(
            "dölj små tal, som de anonymiserade exporterna gör (för andra)",
            "hide small numbers, as the anonymised exports do (for others)",
        ),
    )
    report.add_argument(
        "--min-cell",
        type=int,
        metavar="K",
        help=_t(
            "med --anonymised: dölj celler med färre än K ärenden (standard 5)",
            "with --anonymised: hide cells under K cases (default 5)",
        ),
    )
    _unit(report)

    export = commands.add_parser(
        "export",
        parents=[common],
        help=_t(
            "de anonymiserade, sammanställda resultaten som CSV, XLSX eller JSON, med små antal dolda "
            "(docs/anonymisation.md, docs/export-format.md); kommandot export history listar vad som har lämnats ut",
            "the anonymised, aggregated results as CSV, XLSX or JSON, with small counts hidden "
            "(docs/anonymisation.md, docs/export-format.md); 'reviewer export history' lists what has been released",
        ),
    )
    export.add_argument(
        "action",
        nargs="?",
        choices=["history"],
        default=None,
        metavar="history",
        help=_t(
            "history: lista de anonymiserade exporter och rapporter som lämnats ut hittills (utlämningsregistret)",
            "history: list the anonymised exports and reports released so far (the release register)",
        ),
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar=_t("FIL", "FILE"),
        help=_t("filen som skrivs (krävs för en export)", "the file to write (required to export)"),
    )
    export.add_argument(
        "--format",
        choices=["csv", "xlsx", "json"],
        help=_t(
            "filens format (standard: från filnamnets ändelse)",
            "the file's format (default: from the file name's extension)",
        ),
    )
    _rounds_or_the_only_one(export)
    export.add_argument(
        "--min-cell",
        type=int,
        metavar="K",
        help=_t(
            "dölj uppgifter som bygger på färre än K ärenden (standard 5, minst 3)",
            "hide figures resting on fewer than K cases (default 5, at least 3)",
        ),
    )
    export.add_argument(
        "--decimal",
        choices=[",", "."],
        help=_t(
            "bara CSV: decimaltecknet (standard ',' för svenskt Excel, '.' för andra verktyg; ';' skiljer fälten åt)",
            "CSV only: the decimal mark (default ',' for Swedish Excel, '.' for other tools; ';' separates fields)",
        ),
    )
    _unit(export)

    audit = commands.add_parser(
        "audit",
        help=_t(
            "granskningsloggen: vem som ändrade vad och när (docs/audit-trail.md)",
            "the audit trail: who changed what and when (docs/audit-trail.md)",
        ),
    )
    audit_commands = audit.add_subparsers(dest="action", metavar=_t("ÅTGÄRD", "ACTION"), required=True)
    audit_export = audit_commands.add_parser(
        "export",
        parents=[common],
        help=_t(
            "händelserna under en period som CSV eller XLSX (en intern handling med personuppgifter)",
            "the events of a period as CSV or XLSX (an internal document with personal data)",
        ),
    )
    audit_export.add_argument(
        "--from",
        dest="start",
        required=True,
        metavar=_t("DATUM", "DATE"),
        help=_t("första dagen, ÅÅÅÅ-MM-DD", "first day, YYYY-MM-DD"),
    )
    audit_export.add_argument(
        "--to",
        dest="end",
        required=True,
        metavar=_t("DATUM", "DATE"),
        help=_t("sista dagen, ÅÅÅÅ-MM-DD", "last day, YYYY-MM-DD"),
    )
    audit_export.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar=_t("FIL", "FILE"),
        help=_t("en .csv- eller .xlsx-fil", "a .csv or .xlsx file"),
    )

    plan = commands.add_parser(
        "plan",
        parents=[common],
        help=_t(
            "hur många akter per kön en omgång behöver för att upptäcka en skillnad, och vad ett givet antal kan "
            "upptäcka (docs/planning.md)",
            "how many files per sex a round needs to find a difference, and what a given number can find "
            "(docs/planning.md)",
        ),
    )
    plan.add_argument(
        "--checklist",
        required=True,
        metavar=_t("ID[@VERSION]", "SLUG[@VERSION]"),
        help=_t("checklistan som omgången använder", "the checklist the round uses"),
    )
    plan.add_argument(
        "--difference",
        type=float,
        default=20.0,
        metavar=_t("PE", "PP"),
        help=_t("skillnaden att upptäcka, procentenheter (20)", "difference to find, percentage points (20)"),
    )
    plan.add_argument(
        "--base",
        type=float,
        default=50.0,
        metavar=_t("PROCENT", "PCT"),
        help=_t(
            "andelen för det ena könet, procent (50, det svåraste)", "the share for one sex, per cent (50, the hardest)"
        ),
    )
    plan.add_argument(
        "--power",
        type=float,
        default=0.8,
        metavar=_t("STYRKA", "POWER"),
        help=_t("chansen att hitta en verklig skillnad (0.8)", "chance to find a real difference (0.8)"),
    )
    plan.add_argument(
        "--alpha",
        type=float,
        default=0.05,
        metavar=_t("ALFA", "ALPHA"),
        help=_t("signifikansnivå, tvåsidig (0.05)", "significance level, two-sided (0.05)"),
    )
    plan.add_argument(
        "--available-women",
        type=int,
        metavar="N",
        help=_t("akter att dra ur, kvinnor", "files there are to draw from, women"),
    )
    plan.add_argument(
        "--available-men", type=int, metavar="N", help=_t("akter att dra ur, män", "files there are to draw from, men")
    )
    _text_or_json(plan)

    training = commands.add_parser(
        "training",
        help=_t(
            "övningspaket med fiktiva ärenden och facit (docs/training-packs.md)",
            "training packs of fictitious cases with reference answers (docs/training-packs.md)",
        ),
    )
    training_commands = training.add_subparsers(dest="action", metavar=_t("ÅTGÄRD", "ACTION"), required=True)
    training_commands.add_parser(
        "list",
        parents=[common],
        help=_t("de inbyggda och importerade övningspaketen", "the built-in and imported training packs"),
    )
    import_pack = training_commands.add_parser(
        "import-pack",
        parents=[common],
        help=_t(
            "kontrollera ett övningspaket (.json, .yaml eller .yml) och spara det som en övningsomgång med dess "
            "ärenden",
            "check a training pack file (.json, .yaml or .yml) and store it as a training round of its cases",
        ),
    )
    import_pack.add_argument("file", type=Path, metavar=_t("FIL", "FILE"))

    _lexicon_commands(commands, common)

    demo = commands.add_parser(
        "demo", parents=[common], help=_t("skapa fiktiva demoomgångar", "create fictitious demo rounds")
    )
    demo.add_argument(
        "--cases",
        type=int,
        default=40,
        help=_t(
            "ärenden per inbyggd checklista (standard 40)",
            "cases per built-in checklist (default 40)",
        ),
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=1,
        help=_t(
            "slumpfrö, för upprepbara data (standard 1)",
            "random seed, for repeatable data (default 1)",
        ),
    )
    return parser
