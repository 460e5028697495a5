"""spreadsheet_import_10k: importing a 10 000-row CSV of earlier reviews, against csv.reader + sqlite3 executemany.

The file is made once per run for the built-in `missbruk` checklist, the way Swedish Excel saves CSV (UTF-8 with a
byte-order mark, `;`): the five case columns, every required question and seventeen others, answers consistent with
`show_if` (a question hidden by the row's own answers is left empty), a note column, values written as people write
them (labels as well as values, `K`/`M`, `2 450,50`, `a|b`). One row in twenty leaves a required answer empty, so
those reviews are imported as in progress.
"""

from __future__ import annotations

import csv
import random
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from benchmarks._harness import Result, progress, timed
from benchmarks.demo_10k import prepare_answer_table, read_back
from reviewer.bootstrap import DATABASE_FILE, bootstrap
from reviewer.checklists.answers import AnswerValue
from reviewer.checklists.rules import is_visible
from reviewer.checklists.schema import ChecklistDefinition, Question, QuestionType
from reviewer.services.checklists import definition_of, get_version
from reviewer.services.rounds import create_round
from reviewer.services.spreadsheet_import import import_file

NAME = "spreadsheet_import_10k"
DEFAULT_REPEAT = 3
ROWS = 10_000
SEED = 1
SLUG = "missbruk"
FIXED = ["case_code", "sex", "age_band", "unit", "reviewer"]
OPTIONAL = [
    "overklagande_utfall",
    "onskad_insats",
    "planerade_varddygn",
    "faktiska_varddygn",
    "dygnskostnad",
    "total_kostnad",
    "vard_avbruten",
    "substans",
    "har_minderariga_barn",
    "vald_utsatt_framkom",
    "samverkan_region",
    "antal_ord_beskrivning",
    "beskrivningens_fokus",
    "vardeladdade_ord",
    "vardeladdade_exempel",
    "klarsprak_beslut",
    "konsbytestest_kommentar",
]
NOTE_COLUMN = ("beslut", "beslut_anteckning")
LEFT_EMPTY = "samsjuklighet_dokumenterad"  # a required question with no dependants, empty in one row in twenty
SEXES = ("Kvinna", "K", "kvinna", "Man", "M", "man", "Annat/okänt")
SEX_WEIGHTS = (20, 15, 10, 22, 18, 13, 2)
UNITS = ("Vuxenenheten Norr", "Vuxenenheten Söder", "Mottagningen")
REVIEWERS = ("AB", "CD", "EF")
TEXTS = (
    "Barnen beskrivs bara som mammans ansvar",
    "Fokus på relationer och känslor, inte på behov",
    "Beskrivs som labil utan konkreta exempel",
)


def _answer(rng: random.Random, question: Question) -> AnswerValue:
    kind = question.type
    if kind is QuestionType.YES_NO:
        return rng.choice(("ja", "nej", "Ja", "Nej"))
    if kind is QuestionType.YES_NO_NA:
        return rng.choice(("ja", "nej", "ej aktuellt"))
    options = question.options or []
    if kind is QuestionType.SINGLE_CHOICE:
        option = rng.choice(options)
        return option.value if rng.random() < 0.7 else option.label.sv
    if kind is QuestionType.MULTIPLE_CHOICE:
        return "|".join(o.value for o in rng.sample(options, rng.randint(1, min(3, len(options)))))
    if kind is QuestionType.SCALE:
        return str(rng.randint(1, 5))
    if kind is QuestionType.MONEY:
        whole = rng.randint(800, 250_000)
        return f"{whole:,}".replace(",", " ") + rng.choice(("", ",50", " kr"))
    if kind in {QuestionType.DAYS, QuestionType.INTEGER}:
        return str(rng.randint(0, 400))
    if kind is QuestionType.TEXT:
        return rng.choice(TEXTS)
    raise AssertionError(f"no generator for {kind}")


def _visibility_answer(question: Question, cell: AnswerValue) -> AnswerValue:
    """The cell as the answer `is_visible` compares with: option values, lists, scale numbers."""
    if cell is None:
        return None
    text = str(cell)
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return text.split("|")
    if question.type is QuestionType.SCALE:
        return int(text)
    if question.type in {QuestionType.YES_NO, QuestionType.YES_NO_NA}:
        return text.lower().replace(" ", "_")
    if question.type is QuestionType.SINGLE_CHOICE:
        return next(o.value for o in question.options or [] if text in (o.value, o.label.sv))
    return text


def write_csv(path: Path, definition: ChecklistDefinition, rows: int, seed: int) -> int:
    """The file; returns the number of answer cells written."""
    rng = random.Random(seed)
    keys = [q.key for q in definition.questions() if q.required or q.key in OPTIONAL]
    assert set(OPTIONAL) <= set(keys)
    questions = [definition.question(key) for key in keys]
    bands = [(b.value, b.label.sv) for b in definition.age_bands]
    header = [*FIXED, *keys, NOTE_COLUMN[1]]
    answers = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        for number in range(1, rows + 1):
            band = rng.choice(bands)
            fixed = [
                f"MB-{2020 + number % 5}-{number:05d}",
                rng.choices(SEXES, SEX_WEIGHTS)[0],
                rng.choice((band[0], band[1], "")),
                rng.choice(UNITS),
                rng.choice(REVIEWERS),
            ]
            given: dict[str, AnswerValue] = {}
            cells: list[AnswerValue] = []
            for question in questions:
                assert question is not None
                cell = None
                if is_visible(question, given, definition) and not (question.key == LEFT_EMPTY and number % 20 == 0):
                    cell = _answer(rng, question)
                    given[question.key] = _visibility_answer(question, cell)
                    answers += 1
                cells.append(cell)
            note = "Beslutet fattades efter förvaltningsrättens dom" if number % 7 == 0 else None
            writer.writerow([*fixed, *("" if c is None else c for c in cells), note or ""])
    return answers


def import_once(data_dir: Path, csv_file: Path) -> tuple[float, dict[str, int]]:
    """Seconds `import_file` takes into a new round of a freshly bootstrapped data folder (bootstrap not timed)."""
    app = bootstrap(data_dir=data_dir)
    try:
        with app.db.session() as session:
            round_ = create_round(session, "Missbruk före-mätning", get_version(session, SLUG), "2024")
            round_uuid = round_.uuid
        with app.db.session() as session:
            summaries = []
            elapsed = timed(lambda: summaries.append(import_file(session, round_uuid, csv_file, actor="Bench")))
        summary = summaries[0]
        counts = {
            "cases": summary.cases,
            "answers": summary.answers,
            "complete": summary.complete,
            "in_progress": summary.in_progress,
        }
    finally:
        app.close()
    return elapsed, counts


def baseline_once(database: Path, csv_file: Path, ddl: list[str], rows: list[tuple[object, ...]]) -> float:
    """Seconds to parse the file with csv.reader and store `rows` in an answer table of the program's shape with
    plain sqlite3 (WAL, synchronous=FULL, one transaction, as the import commits once)."""
    with closing(sqlite3.connect(database)) as conn:
        insert = prepare_answer_table(conn, ddl)

        def parse_and_store() -> None:
            with csv_file.open(encoding="utf-8-sig", newline="") as handle:
                parsed = list(csv.reader(handle, delimiter=";"))
            assert len(parsed) == ROWS + 1
            conn.executemany(insert, rows)
            conn.commit()

        return timed(parse_and_store)


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    samples: list[float] = []
    baseline_samples: list[float] = []
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-import-") as tmp:
        root = Path(tmp)
        csv_file = root / "tidigare-granskningar.csv"
        definition_app = bootstrap(data_dir=root / "definition")
        try:
            with definition_app.db.session() as session:
                definition = definition_of(get_version(session, SLUG))
        finally:
            definition_app.close()
        cells = write_csv(csv_file, definition, ROWS, SEED)
        file_bytes = csv_file.stat().st_size
        for index in range(repeat):
            progress(f"spreadsheet_import_10k: repetition {index + 1} of {repeat}")
            data_dir = root / f"app-{index}"
            elapsed, counts = import_once(data_dir, csv_file)
            samples.append(elapsed)
            ddl, rows, _reviews = read_back(data_dir / DATABASE_FILE)
            shutil.rmtree(data_dir)
            if counts["answers"] != len(rows) or counts["cases"] != ROWS:
                raise RuntimeError(f"import stored {counts}, {len(rows)} answer rows; expected {ROWS} cases")
            baseline_dir = root / f"baseline-{index}"
            baseline_dir.mkdir()
            baseline_samples.append(baseline_once(baseline_dir / "baseline.sqlite", csv_file, ddl, rows))
            del rows
            shutil.rmtree(baseline_dir)
    return [
        Result(
            name=NAME,
            description=(
                f"import_file of a {ROWS}-row CSV for '{SLUG}' into a new round: validation and writing, "
                f"{counts.get('answers', 0)} answers (bootstrap and round not timed)"
            ),
            samples=samples,
            baseline_samples=baseline_samples,
            baseline=(
                f"csv.reader of the same file + sqlite3 executemany of the same {counts.get('answers', 0)} answer "
                "rows into a table of the same shape, one commit"
            ),
            max_median=10.0,
            extra={**counts, "answer_cells": cells, "file_bytes": file_bytes},
        )
    ]
