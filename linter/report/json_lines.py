"""One JSON object per line and finding, for streaming tools (``jq``, log shippers).

Each line has the fields of a finding in the JSON report (``schemas/report.schema.json``,
``FindingModel``) plus ``path`` and ``fingerprint`` (the content key SARIF and the
baseline use). A file that could not be checked gives one line ``{"path", "error"}``.
Built with the standard library only: no pydantic on this path.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import TextIO

from linter.engine.fingerprint import keys_of
from linter.engine.results import FileResult
from linter.report.json_format import finding_json


class Writer:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def add(self, result: FileResult) -> None:
        if result.error:
            self.stream.write(json.dumps({"path": result.path, "error": result.error}) + "\n")
        path = encode_basestring(result.path)
        self.stream.writelines(
            f'{{"path": {path}, {finding_json(finding)[1:-1]}, '
            f'"fingerprint": "{key.fingerprint}"}}\n'
            for finding, key in zip(result.findings, keys_of(result), strict=True)
        )

    def close(self) -> None:
        pass
