"""Prints the JSON Schema of the checklist format; `make schema` writes it to the file shipped in the repo."""

from __future__ import annotations

import json
from typing import Any

from reviewer.checklists.schema import ChecklistDefinition

SCHEMA_ID = "https://reviewer.invalid/schema/checklist-v1.schema.json"


def checklist_json_schema() -> dict[str, Any]:
    schema = ChecklistDefinition.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def render() -> str:
    return json.dumps(checklist_json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(render(), end="")
