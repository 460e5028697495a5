"""Prints the JSON Schema of the exchange format, generated from its pydantic models; the shipped copy is
`schema/exchange-v1.schema.json` here, which a test keeps equal to this output:

    python -m reviewer.services.exchange.jsonschema > src/reviewer/services/exchange/schema/exchange-v1.schema.json
"""

from __future__ import annotations

import json
from typing import Any

from reviewer.services.exchange.format import ExchangeDocument

SCHEMA_ID = "https://reviewer.invalid/schema/exchange-v1.schema.json"


def exchange_json_schema() -> dict[str, Any]:
    schema = ExchangeDocument.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def render() -> str:
    return json.dumps(exchange_json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(render(), end="")
