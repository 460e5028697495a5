"""autosave: one answer saved by the review service, against a one-row UPDATE + COMMIT with plain sqlite3."""

from __future__ import annotations

import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from benchmarks._checklist60 import REVIEWER, prepare_review
from benchmarks._harness import Result, alternate, progress, timed
from reviewer.checklists.schema import QuestionType
from reviewer.services.reviews import open_review, save_answer

NAME = "autosave"
DEFAULT_REPEAT = 60
MIN_SAMPLES = 50
WARMUP = 5
# A keystroke in a free-text answer, the most frequent autosave: the text grows and shrinks by one letter, so every
# save writes a changed answer (and a note, as the form always sends the note with the answer).
TEXTS = ("Beskrivningen tar upp arbete och boende", "Beskrivningen tar upp arbete och boende.")
NOTE = "Se utredningens avsnitt om boende"


def sqlite_connection(path: Path) -> sqlite3.Connection:
    """A file database with the program's journal and sync settings and one row to update."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE answer (id INTEGER PRIMARY KEY, value_json TEXT NOT NULL, updated_at TEXT)")
    conn.execute("INSERT INTO answer (id, value_json) VALUES (1, 'null')")
    return conn


def run(repeat: int | None = None) -> list[Result]:
    repeat = max(repeat or DEFAULT_REPEAT, MIN_SAMPLES)
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-autosave-") as tmp:
        root = Path(tmp)
        app, case_uuid = prepare_review(root / "data")
        try:
            with app.db.session() as session:
                snapshot = open_review(session, case_uuid, REVIEWER)
            question = next(q for q in snapshot.definition.questions() if q.type is QuestionType.TEXT)

            def save(index: int) -> float:
                # As the form does it: a new session per save, the snapshot kept between saves.
                def action() -> None:
                    with app.db.session() as session:
                        save_answer(session, snapshot, question, TEXTS[index % 2], NOTE)

                return timed(action)

            with closing(sqlite_connection(root / "baseline.sqlite")) as conn:

                def update(index: int) -> float:
                    def action() -> None:
                        conn.execute("BEGIN")
                        conn.execute(
                            "UPDATE answer SET value_json = ?, updated_at = datetime('now') WHERE id = 1",
                            (TEXTS[index % 2],),
                        )
                        conn.execute("COMMIT")

                    return timed(action)

                alternate(WARMUP, save, update)  # untimed: the first saves compile the statements
                progress(f"autosave: {repeat} saves of a text answer, {repeat} sqlite3 UPDATE + COMMIT")
                samples, baseline_samples = alternate(repeat, lambda i: save(i + WARMUP), lambda i: update(i + WARMUP))
            revision = snapshot.revision
        finally:
            app.close()
    return [
        Result(
            name=NAME,
            description=(
                "reviews.save_answer of a text answer with a note, in its own session and transaction, on a review "
                "with ~40 answers (WAL, synchronous=FULL)"
            ),
            samples=samples,
            baseline_samples=baseline_samples,
            baseline="sqlite3: one-row UPDATE + COMMIT on a file database with WAL and synchronous=FULL, same folder",
            max_median=0.020,
            extra={"final_revision": revision},
        )
    ]
