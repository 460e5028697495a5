"""Prints the JSON Schema of the checklist format; `make schema` writes it to the file shipped in the repo."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from reviewer.checklists.schema import ChecklistDefinition

SCHEMA_ID = "https://reviewer.invalid/schema/checklist-v1.schema.json"


def schema_document(model: type[BaseModel], schema_id: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a file format's pydantic model, as the repo ships it."""
    schema = model.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": schema_id, **schema}


def render_schema(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def checklist_json_schema() -> dict[str, Any]:
    return schema_document(ChecklistDefinition, SCHEMA_ID)


def render() -> str:
    return render_schema(checklist_json_schema())


if __name__ == "__main__":
    print(render(), end="")
