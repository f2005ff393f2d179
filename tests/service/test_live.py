"""``reslint serve`` as a user runs it: a real server on a loopback port."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import urllib.request
from typing import Any

from linter.cli.main import run
from tests.service.conftest import ROOT, LiveServer

EXAMPLE = ROOT / "examples" / "E-RES-2012-19.zh.txt"


def test_curl_post_of_the_example_equals_check_format_json(live_server: LiveServer) -> None:
    # curl -s localhost:PORT/v1/check --data-binary @examples/E-RES-2012-19.zh.txt \
    #      -H 'content-type: text/plain'
    request = urllib.request.Request(
        live_server.url + "/v1/check",
        data=EXAMPLE.read_bytes(),
        headers={"content-type": "text/plain"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        served: dict[str, Any] = json.loads(answer.read())
        outcome = answer.headers["Reslint-Outcome"]
    out = io.StringIO()
    code = run(["check", "--isolated", "--format", "json", str(EXAMPLE)], out, io.StringIO())
    expected = json.loads(out.getvalue())
    assert served["files"][0]["findings"] == expected["files"][0]["findings"]
    assert served["summary"] == expected["summary"]
    assert len(served["files"][0]["findings"]) > 200
    assert (outcome, code) == ("fail", 1)


def test_a_port_in_use_is_one_line_and_exit_2(live_server: LiveServer) -> None:
    port = live_server.url.rsplit(":", 1)[1]
    done = subprocess.run(
        [sys.executable, "-m", "linter", "serve", "--isolated", "--port", port],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    last = done.stderr.strip().splitlines()[-1]
    assert last == f"reslint: error: could not listen on 127.0.0.1:{port}"


def test_a_bad_configuration_stops_serve_before_it_listens(tmp_path: Any) -> None:
    config = tmp_path / "reslint.toml"
    config.write_text('selct = ["A"]\n', encoding="utf-8")
    err = io.StringIO()
    code = run(["serve", "--config", str(config)], io.StringIO(), err)
    assert code == 2
    assert (
        err.getvalue().startswith("reslint: error: ") and "did you mean 'select'" in err.getvalue()
    )
    assert err.getvalue().count("\n") == 1
