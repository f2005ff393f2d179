"""The /v1 endpoints through the ASGI test client: the CLI's answers, over HTTP."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from linter import api
from linter.cli.main import run
from tests.conftest import SEED
from tests.report.helpers import read_marks, span_text

TEXT = {"content-type": "text/plain"}
ROOT = Path(__file__).resolve().parents[2]


def cli_json(*argv: str) -> Any:
    out = io.StringIO()
    run(list(argv), out, io.StringIO())
    return json.loads(out.getvalue())


@pytest.fixture(scope="module")
def seed_json() -> Any:
    return cli_json("check", "--isolated", "--format", "json", str(SEED))


def _findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    [file] = report["files"]
    findings: list[dict[str, Any]] = file["findings"]
    return findings


def test_check_text_plain_json_and_upload_equal_the_cli(client: TestClient, seed_json: Any) -> None:
    data = SEED.read_bytes()
    expected = _findings(seed_json)
    assert len(expected) > 200
    plain = client.post("/v1/check", content=data, headers=TEXT)
    as_json = client.post("/v1/check", json={"text": data.decode(), "name": "seed.txt"})
    upload = client.post("/v1/check", files={"file": ("dir/seed.txt", data, "text/plain")})
    for answer in (plain, as_json, upload):
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/json"
        assert _findings(answer.json()) == expected
        assert answer.json()["summary"] == seed_json["summary"]
    assert plain.json()["files"][0]["path"] == "<text>"
    assert as_json.json()["files"][0]["path"] == "seed.txt"
    assert upload.json()["files"][0]["path"] == "seed.txt"  # a label: its last component


def test_options_in_the_query_and_in_json(client: TestClient, seed_text: str) -> None:
    data = seed_text.encode()
    only = client.post("/v1/check?select=A001&select=A006&ignore=A006", content=data, headers=TEXT)
    assert set(only.json()["summary"]["by_rule"]) == {"A001"}
    body = {"text": seed_text, "select": ["A005"]}
    wins = client.post("/v1/check?select=A001", json=body)  # the body's field wins
    assert set(wins.json()["summary"]["by_rule"]) == {"A005"}


def test_outcome_header_follows_fail_on(client: TestClient, seed_text: str) -> None:
    data = seed_text.encode()
    assert client.post("/v1/check", content=data, headers=TEXT).headers["reslint-outcome"] == "fail"
    passing = client.post("/v1/check?fail_on=error", content=data, headers=TEXT)
    assert passing.headers["reslint-outcome"] == "pass"
    clean = api.fix_text(seed_text).text
    answer = client.post("/v1/check", json={"text": clean, "select": ["A"]})
    assert answer.json()["summary"]["findings"] == 0
    assert answer.headers["reslint-outcome"] == "pass"


def test_fix_is_the_api_fix(client: TestClient, seed_text: str) -> None:
    answer = client.post("/v1/fix", content=seed_text.encode(), headers=TEXT)
    assert answer.status_code == 200
    assert answer.json() == api.fix_text(seed_text).model_dump(mode="json")
    assert answer.json()["changed"] and answer.json()["refused"] is None
    skipped = client.post("/v1/fix", json={"text": "not a resolution\n"})
    assert skipped.status_code == 200 and skipped.json()["refused"] is None
    assert "structure" in skipped.json()["skipped"]


def test_parse_is_the_cli_parse(client: TestClient) -> None:
    expected = cli_json("parse", "--format", "json", str(SEED))
    answer = client.post(f"/v1/parse?name={SEED}", content=SEED.read_bytes(), headers=TEXT)
    assert answer.status_code == 200
    assert answer.json() == expected


def test_report_of_several_documents(client: TestClient, seed_text: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SERVER-SIDE CONTENT\n", encoding="utf-8")
    documents = [
        {"name": str(secret), "text": seed_text},  # a name is a label, never opened
        {"name": "b.txt", "text": "The General Assembly,\n\n1. Decides.\n"},
    ]
    html = client.post("/v1/report", json={"documents": documents, "title": "Two texts"})
    assert html.status_code == 200
    assert html.headers["content-type"] == "text/html; charset=utf-8"
    assert "Two texts" in html.text and "b.txt" in html.text
    assert "SERVER-SIDE CONTENT" not in html.text
    assert "经济及社会理事会" in html.text  # the text sent is the one shown
    markdown = client.post(
        "/v1/report?format=markdown", files=[("file", ("a.txt", seed_text.encode()))]
    )
    assert markdown.headers["content-type"] == "text/markdown; charset=utf-8"
    assert "**1** documents checked" in markdown.text


def test_a_report_compares_the_language_versions_it_holds(
    client: TestClient, tmp_path: Path
) -> None:
    from tests.test_api import versions

    documents = [{"name": Path(p).name, "text": t} for p, t in versions(tmp_path).items()]
    answer = client.post("/v1/report", json={"documents": documents, "format": "markdown"})
    assert answer.status_code == 200
    expected = api.check_texts([(d["name"], d["text"]) for d in documents]).summary
    assert expected.by_rule["X001"] == 2
    assert f"**{expected.findings}** findings" in answer.text


def test_rules_and_one_rule(client: TestClient) -> None:
    assert client.get("/v1/rules").json() == cli_json("rules", "--format", "json")
    by_name = client.get("/v1/rules/repeated-emphasis").json()
    assert by_name["code"] == "A001" and by_name["sections"]["Why"]
    unknown = client.get("/v1/rules/repeated-emphasi")
    assert unknown.status_code == 404
    message = "no rule 'repeated-emphasi'; did you mean 'repeated-emphasis'?"
    assert unknown.json()["error"]["message"] == message


def test_health_and_metrics(client: TestClient, seed_text: str) -> None:
    health = client.get("/v1/healthz").json()
    assert health["status"] == "ok" and health["workers"] == 2 and health["capacity"] == 10
    before = client.get("/v1/metrics").text
    client.post("/v1/check?select=A001", content=seed_text.encode(), headers=TEXT)
    after = client.get("/v1/metrics")
    assert after.headers["content-type"].startswith("text/plain")

    def value(text: str, series: str) -> float:
        lines = [line for line in text.splitlines() if line.startswith(series + " ")]
        return float(lines[0].split()[-1]) if lines else 0.0

    a001 = 'reslint_findings_total{rule="A001"}'
    assert value(after.text, a001) - value(before, a001) == 35
    requests = 'reslint_requests_total{method="POST",route="/v1/check",status="200"}'
    assert value(after.text, requests) - value(before, requests) == 1
    assert 'reslint_request_duration_seconds_bucket{le="0.005",route="/v1/check"}' in after.text


def test_openapi_is_served_and_committed(client: TestClient) -> None:
    served = client.get("/openapi.json").json()
    committed = json.loads((ROOT / "schemas" / "openapi.json").read_text(encoding="utf-8"))
    assert served == committed
    paths = set(served["paths"])
    assert {
        "/v1/check",
        "/v1/fix",
        "/v1/parse",
        "/v1/report",
        "/v1/rules",
        "/v1/rules/{code}",
        "/v1/healthz",
        "/v1/metrics",
    } <= paths
    assert all(path.startswith(("/v1/", "/editor/")) for path in paths)
    check = served["paths"]["/v1/check"]["post"]
    assert set(check["requestBody"]["content"]) == {
        "text/plain",
        "application/json",
        "multipart/form-data",
    }
    assert check["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Report"
    }


def test_the_editor_view_marks_each_finding(client: TestClient, seed_text: str) -> None:
    answer = client.post("/editor/check", json={"text": seed_text})
    assert answer.status_code == 200
    view = answer.json()
    findings = _findings(view["report"])
    marks = read_marks(view["html"])
    assert "".join(marks.text) == seed_text
    for index, finding in enumerate(findings):
        assert "".join(marks.by_key[str(index)]) == span_text(seed_text, finding)
    layout = {i for i, f in enumerate(findings) if f["rule"] in ("A002", "A004", "A006")}
    assert set(view["layout"]) == layout


def test_the_editor_page_and_its_assets(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    for asset in ("editor.js", "editor.css", "report.css"):
        loaded = client.get(f"/assets/{asset}")
        assert loaded.status_code == 200 and loaded.content, asset
        assert f'"assets/{asset}"' in page.text  # relative: works under a path prefix
    assert client.get("/assets/../../pyproject.toml").status_code == 404
    assert client.get("/assets/secret.py").status_code == 404
