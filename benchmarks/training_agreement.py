"""training_agreement: the facilitator's analysis of a workshop – 30 participants' training exchange files of a pack
of 12 cases on the missbruk checklist – against reading the same files, in the same run.

Made once per run, untimed: a pack of 12 cases (the built-in missbruk pack's four, each three times under new
codes), imported; one participant answers it like the facit through the services and exports the training file;
29 more files are that file's content with another reviewer and yes and no swapped in 15 % of the yes/no answers
of questions no other question depends on (so every review stays complete), each review's checksum made anew.

Rows, alternating the program and the baseline:
- `training_agreement`: what `reviewer training agreement --format json` does once the database is open: read and
  check the 30 files, find the pack, measure every question (Fleiss' kappa, alpha, 1000-sample bootstraps) and
  every participant against the facit (Cohen's kappa), and write the JSON and text documents. Target: median ≤ 1 s.
- `training_agreement_cpu` (INFO): the same runs' CPU time, since this machine is often shared.
Baseline: `read_exchange` of the 30 files (the checked reading any implementation must do), nothing more.
"""

from __future__ import annotations

import copy
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from benchmarks._harness import Result, alternate, progress, timed
from reviewer.bootstrap import App, bootstrap
from reviewer.checklists.answers import content_sha256
from reviewer.services.cases import list_cases
from reviewer.services.exchange import read_exchange
from reviewer.services.exchange.export import write_exchange_file
from reviewer.services.reviews import complete_review, open_review, save_answer
from reviewer.services.rounds import list_rounds
from reviewer.services.training import import_pack, pack_of_round
from reviewer.services.training_agreement import TrainingAgreement, training_agreement
from reviewer.services.training_agreement.json_form import to_json
from reviewer.services.training_agreement.text import render_text
from reviewer.services.training_exchange import export_training_answers
from reviewer.storage.models import RoundKind

NAME = "training_agreement"
DEFAULT_REPEAT = 5
PARTICIPANTS = 30
COPIES = 3  # of each of the built-in pack's four cases: 12 cases
SWAP = 0.15
SEED = 1
MAX_SECONDS = 1.0
PACK = Path(__file__).parents[1] / "resources" / "training" / "missbruk.yaml"


def _pack_file(folder: Path) -> Path:
    data = yaml.safe_load(PACK.read_text("utf-8"))
    data["cases"] = [
        dict(case, code=f"{case['code']}-{copy_}") for copy_ in range(1, COPIES + 1) for case in data["cases"]
    ]
    data.update(slug="workshop-bench", title={"sv": "Benchmark-workshop"})
    path = folder / "pack.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def _first_file(app: App, folder: Path) -> Path:
    """One participant who answers every case like the facit, exported as a participant exports."""
    with app.db.session() as session:
        import_pack(session, _pack_file(folder))
        (round_,) = list_rounds(session, kind=RoundKind.TRAINING)
        pack = pack_of_round(session, round_.uuid)
        assert pack is not None
        for row in list_cases(session, round_.uuid):
            snapshot = open_review(session, row.uuid, "Deltagare 1")
            case = pack.case(row.case_code)
            assert case is not None
            for key, entry in case.facit.items():
                question = snapshot.definition.question(key)
                if entry.answer is not None and question is not None:
                    save_answer(session, snapshot, question, entry.answer, None)
            complete_review(session, snapshot, "Deltagare 1")
        path = folder / "p1.granskning"
        export_training_answers(session, round_.uuid, path, "Deltagare 1")
    return path


def _variant(content: dict[str, Any], number: int, free: set[str], rng: random.Random) -> dict[str, Any]:
    variant = copy.deepcopy(content)
    for review in variant["reviews"]:
        review["reviewer"] = f"Deltagare {number}"
        for key, answer in review["answers"].items():
            if key in free and answer["value"] in ("ja", "nej") and rng.random() < SWAP:
                answer["value"] = "nej" if answer["value"] == "ja" else "ja"
        review["content_sha256"] = content_sha256(
            {key: (json.dumps(a["value"], ensure_ascii=False), a.get("note")) for key, a in review["answers"].items()}
        )
    return variant


def prepare(app: App, folder: Path) -> list[Path]:
    first = _first_file(app, folder)
    file = read_exchange(first)
    content = file.content.model_dump(mode="json")
    definition = next(iter(file.definitions.values()))
    gates = {q.show_if.question for q in definition.questions() if q.show_if is not None}
    free = {q.key for q in definition.questions()} - gates
    rng = random.Random(SEED)
    paths = [first]
    for number in range(2, PARTICIPANTS + 1):
        path = folder / f"p{number}.granskning"
        write_exchange_file(path, _variant(content, number, free, rng), exported_by=f"Deltagare {number}")
        paths.append(path)
    return paths


def analysis_once(app: App, paths: list[Path]) -> TrainingAgreement:
    with app.db.session() as session:
        result = training_agreement(session, paths)
    json.dumps(to_json(result), ensure_ascii=False, indent=2)
    render_text(result, "sv")
    return result


def baseline_once(paths: list[Path]) -> int:
    return sum(len(read_exchange(path).content.reviews) for path in paths)


def _timed_with_cpu(action: Callable[[], object], cpu: list[float]) -> float:
    """Wall-clock seconds, as `timed`; the CPU seconds of this process go to `cpu` (a loaded machine stretches the
    first, hardly the second)."""
    start = time.process_time()
    wall = timed(action)
    cpu.append(time.process_time() - start)
    return wall


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-training-") as tmp:
        app = bootstrap(data_dir=Path(tmp) / "data")
        try:
            progress(f"{NAME}: a pack of {4 * COPIES} cases and {PARTICIPANTS} participants' files (untimed)")
            paths = prepare(app, Path(tmp))
            result = analysis_once(app, paths)  # imports statsmodels and krippendorff
            reviews = baseline_once(paths)
            progress(f"{NAME}: {repeat} repetitions")
            cpu: list[float] = []
            baseline_cpu: list[float] = []
            samples, baseline_samples = alternate(
                repeat,
                lambda _: _timed_with_cpu(lambda: analysis_once(app, paths), cpu),
                lambda _: _timed_with_cpu(lambda: baseline_once(paths), baseline_cpu),
            )
        finally:
            app.close()
    return [
        Result(
            name=NAME,
            description=(
                f"training_agreement + JSON + text: {len(result.participants)} participants' files, "
                f"{result.n_cases} cases, {len(result.questions)} questions"
            ),
            samples=samples,
            baseline_samples=baseline_samples,
            baseline="read_exchange of the same files (decompress, parse, check every record and answer)",
            max_median=MAX_SECONDS,
            extra={
                "participants": len(result.participants),
                "cases": result.n_cases,
                "questions": len(result.questions),
                "reviews_read": reviews,
            },
        ),
        Result(
            name=f"{NAME}_cpu",
            description="the same runs' CPU time of this process: what the wall clock shows on a quiet machine",
            samples=cpu,
            baseline_samples=baseline_cpu,
            baseline="the baseline's CPU time",
        ),
    ]
