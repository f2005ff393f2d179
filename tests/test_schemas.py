"""The committed JSON Schemas match the pydantic models they are generated from."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from linter.engine.registry import all_rules
from linter.schemas import generated, render

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@pytest.mark.parametrize("name", sorted(generated()))
def test_no_drift(name: str) -> None:
    committed = (SCHEMAS / name).read_text(encoding="utf-8")
    assert committed == render(generated()[name]), (
        f"schemas/{name} is stale: run `python -m linter.schemas`"
    )


@pytest.mark.parametrize("name", sorted(generated()))
def test_schema_is_valid_2020_12(name: str) -> None:
    document = generated()[name]
    if name == "openapi.json":  # OpenAPI 3.1: its component schemas are JSON Schema 2020-12
        assert document["openapi"].startswith("3.1")
        for schema in document["components"]["schemas"].values():
            jsonschema.Draft202012Validator.check_schema(schema)
        return
    jsonschema.Draft202012Validator.check_schema(document)


def test_cases_files_validate_against_their_schema() -> None:
    schema = generated()["rule-cases.schema.json"]
    for spec in all_rules():
        jsonschema.validate(yaml.safe_load(spec.cases_path.read_text("utf-8")), schema)
