"""The format's documentation and schema file must not drift from the code."""

import json
import re
from pathlib import Path

from reviewer.checklists.jsonschema import checklist_json_schema
from reviewer.checklists.loader import parse_checklist
from reviewer.checklists.schema import QuestionType

ROOT = Path(__file__).parents[2]


def test_committed_json_schema_is_current():
    committed = json.loads((ROOT / "src/reviewer/checklists/schema/checklist-v1.schema.json").read_text("utf-8"))
    assert committed == checklist_json_schema(), "run 'make schema'"


def test_documented_example_is_a_valid_checklist():
    text = (ROOT / "docs/checklist-format.md").read_text("utf-8")
    example = re.search(r"```yaml\n(format_version.*?)```", text, re.DOTALL)
    assert example is not None
    definition = parse_checklist(example.group(1), "docs/checklist-format.md")
    assert definition.question("antal_barn_under_18").show_if.equals == "ja"


def test_every_question_type_is_documented():
    text = (ROOT / "docs/checklist-format.md").read_text("utf-8")
    for kind in QuestionType:
        assert f"| `{kind.value}` |" in text, kind


def test_every_builtin_question_has_a_documented_reason():
    from reviewer.checklists.loader import builtin_checklists

    text = (ROOT / "docs/checklists.md").read_text("utf-8")
    for definition in builtin_checklists():
        for question in definition.questions():
            assert f"`{question.key}`" in text, f"{definition.slug}: {question.key} missing from docs/checklists.md"
