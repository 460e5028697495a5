"""Nothing typed is lost: SIGKILL a running program in the middle of typing, reopen, and everything is there."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from reviewer.bootstrap import bootstrap
from reviewer.checklists.loader import parse_checklist
from reviewer.domain.sex import Sex
from reviewer.services import cases
from reviewer.services.cases import CaseInput
from reviewer.services.checklists import add_definition, get_version
from reviewer.services.rounds import create_round
from reviewer.storage.models import Answer
from tests.ui.helpers import ALL_TYPES
from tests.ui.kill_child import TEXT

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parents[2]


def prepare(data_dir: Path) -> str:
    app = bootstrap(data_dir=data_dir)
    with app.db.session() as session:
        add_definition(session, parse_checklist(json.dumps(ALL_TYPES), "alla_typer.json"))
        round_ = create_round(session, "Avbrott", get_version(session, "alla_typer"), "2026")
        case_uuid = cases.add_case(session, round_.uuid, CaseInput("K-1", Sex.KVINNA)).uuid
    app.close()
    return case_uuid


@pytest.mark.parametrize("kill_after", [1, 37, 150])
def test_killing_the_program_loses_at_most_the_keystroke_in_flight(tmp_path, kill_after):
    data_dir = tmp_path / "data"
    case_uuid = prepare(data_dir)
    errors = tmp_path / "child-stderr.txt"
    confirmed = 0
    with (
        errors.open("w") as stderr,
        subprocess.Popen(
            [sys.executable, str(ROOT / "tests/ui/kill_child.py"), str(data_dir), case_uuid],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
        ) as child,
    ):
        try:
            for line in child.stdout:
                if line.startswith("typed "):
                    confirmed = int(line.split()[1])
                    if confirmed >= kill_after:
                        child.send_signal(signal.SIGKILL)
                        break
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
    assert child.returncode == -signal.SIGKILL, errors.read_text()

    app = bootstrap(data_dir=data_dir)
    try:
        with app.db.session() as session:
            answers = {a.question_key: json.loads(a.value_json) for a in session.exec(select(Answer))}
    finally:
        app.close()
    assert answers["beviljat"] == "nej"
    saved = answers["skal"]
    assert TEXT.startswith(saved)
    assert confirmed <= len(saved) <= confirmed + 1, "at most the keystroke in flight may be lost"
