"""Generate the JSON Schemas in ``schemas/`` from the pydantic models, and the service's
OpenAPI document (``openapi.json``, needs the server extra) from its app; read the
published ones. It also writes the rule catalogue's index
(``linter/engine/rule_index.tsv``, what a run reads of the rules without importing them).

Run ``python -m linter.schemas [DIRECTORY]`` after changing a model, a route or a rule's
declaration; a test fails while the committed files and the code disagree. The files
install with the package (as data of ``linter.json_schemas``), so a program that
validates reslint's output against them needs no copy of the repository:
:func:`published`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def generated() -> dict[str, dict[str, Any]]:
    """File name → schema, for every published contract."""
    from linter.engine.baseline import Baseline
    from linter.engine.cases import CasesFile
    from linter.engine.config_model import ReslintConfig
    from linter.parse.document_json import ParsedDocument
    from linter.report.schema import Report
    from linter.service.app import create_app

    return {
        "report.schema.json": Report.model_json_schema(),
        "document.schema.json": ParsedDocument.model_json_schema(),
        "rule-cases.schema.json": CasesFile.model_json_schema(),
        "config.schema.json": ReslintConfig.model_json_schema(by_alias=True),
        "baseline.schema.json": Baseline.model_json_schema(),
        "openapi.json": create_app().openapi(),
    }


#: The package the files of ``schemas/`` install as (data only: no module in it).
PUBLISHED = "linter.json_schemas"


def published(name: str) -> dict[str, Any]:
    """The installed schema ``name`` (``report.schema.json``, ...)."""
    from importlib import resources

    text = resources.files(PUBLISHED).joinpath(name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("schemas")
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in generated().items():
        (folder / name).write_text(render(schema), encoding="utf-8")
        print(f"wrote {folder / name}")
    from linter.engine.registry import INDEX_FILE, render_index

    INDEX_FILE.write_text(render_index(), encoding="utf-8")
    print(f"wrote {INDEX_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
