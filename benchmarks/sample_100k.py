"""sample_100k: drawing a round's sample from a case-system list of 100 000 closed cases (issue 13: ≤ 2 s).

Timed: `services.sampling.sample_round` as `reviewer round sample` runs it once the database is open – reading the
CSV (every cell through the personnummer guard), drawing 100 women and 100 men within each of five units with 20 %
double-reviewed, and writing the 1 000 drawn cases and the round's sampling record in one transaction – into a fresh
empty round each time. **Baseline:** `csv.reader` over the same file and `random.sample` of the same number of rows,
the least any sampling from such a file costs. **Target: median ≤ 2 s.**
"""

from __future__ import annotations

import csv
import io
import random
import tempfile
from pathlib import Path

from benchmarks._harness import Result, alternate, progress, timed
from reviewer.bootstrap import bootstrap
from reviewer.domain.sampling import Allocation, Design
from reviewer.services.checklists import get_version
from reviewer.services.rounds import create_round
from reviewer.services.sampling import sample_round

NAME = "sample_100k"
DEFAULT_REPEAT = 5
ROWS = 100_000
UNITS = ("Vuxenenheten Norr", "Vuxenenheten Söder", "Mottagningen", "Beroendeenheten", "Socialjouren")
PER_SEX = 100


def write_list(path: Path, rows: int, seed: int = 1) -> None:
    """A case-system export as Swedish Excel saves it, with a column of case officers' names the guard must read."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["Ärende", "Kön", "Åldersgrupp", "Enhet", "Beslutsdatum", "Handläggare"])
    for i in range(rows):
        sex = rng.choices(("Kvinna", "Man", "Okänt"), (48, 50, 2))[0]
        band = rng.choice(("18–24 år", "25–34 år", "a35_44", "45–54 år", "a55_64", "65 år och äldre"))
        decided = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        writer.writerow([f"VUX-2026-{i:06d}", sex, band, rng.choice(UNITS), decided, f"Handläggare {i % 40}"])
    path.write_text(out.getvalue(), encoding="utf-8-sig")


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-sample-") as tmp:
        root = Path(tmp)
        listed = root / "avslutade-arenden.csv"
        write_list(listed, ROWS)
        app = bootstrap(data_dir=root / "data")
        design = Design(
            Allocation.EQUAL, PER_SEX, seed=2027, by_unit=True, double_share=0.2, reviewers=("AB", "CD", "EF", "GH")
        )
        drawn: list[int] = []
        try:

            def measured(index: int) -> float:
                progress(f"{NAME}: repetition {index + 1} of {repeat}")
                with app.db.session() as session:
                    uuid = create_round(session, f"Urval {index}", get_version(session, "missbruk"), "2026").uuid

                def sample() -> None:
                    with app.db.session() as session:
                        drawn.append(len(sample_round(session, uuid, listed, design).result.cases))

                return timed(sample)

            def baseline(_index: int) -> float:
                def read_and_pick() -> None:
                    with listed.open(encoding="utf-8-sig", newline="") as handle:
                        rows = list(csv.reader(handle, delimiter=";"))[1:]
                    random.Random(2027).sample(rows, drawn[-1] if drawn else 1000)

                return timed(read_and_pick)

            samples, baseline_samples = alternate(repeat, measured, baseline)
        finally:
            app.close()
    return [
        Result(
            NAME,
            f"draw {drawn[0]} cases (100 per sex in each of 5 units, 20 % double) from a {ROWS:,}-row CSV list",
            samples,
            baseline_samples,
            "csv.reader of the file + random.sample",
            max_median=2.0,
            extra={"rows": ROWS, "drawn": drawn[0]},
        )
    ]
