"""The shipped JSON Schema and the format's documentation must not drift from the models."""

import json
import re
from pathlib import Path

from reviewer.services.exchange.jsonschema import exchange_json_schema

ROOT = Path(__file__).parents[3]
SCHEMA = ROOT / "src/reviewer/services/exchange/schema/exchange-v1.schema.json"
DOC = ROOT / "docs/exchange-format.md"


def test_committed_json_schema_is_current():
    committed = json.loads(SCHEMA.read_text("utf-8"))
    assert committed == exchange_json_schema(), (
        "run: python -m reviewer.services.exchange.jsonschema > src/reviewer/services/exchange/schema/"
        "exchange-v1.schema.json"
    )


def test_every_field_is_documented():
    documented = set(re.findall(r"^\| `([a-z_0-9]+)` \|", DOC.read_text("utf-8"), re.MULTILINE))
    schema = exchange_json_schema()
    fields = set(schema["properties"])
    for definition in schema["$defs"].values():
        fields |= set(definition.get("properties", {}))
    assert fields - documented == set()
