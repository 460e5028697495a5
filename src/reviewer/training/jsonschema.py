"""Prints the JSON Schema of the training pack format; `make schema` writes it to the file shipped in the repo."""

from __future__ import annotations

from typing import Any

from reviewer.checklists.jsonschema import render_schema, schema_document
from reviewer.training.schema import TrainingPack

SCHEMA_ID = "https://reviewer.invalid/schema/training-pack-v1.schema.json"


def training_pack_json_schema() -> dict[str, Any]:
    return schema_document(TrainingPack, SCHEMA_ID)


if __name__ == "__main__":
    print(render_schema(training_pack_json_schema()), end="")
