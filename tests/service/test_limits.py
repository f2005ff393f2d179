"""Bad requests get a 4xx with one line, limits hold, and nothing is ever a 500."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from linter.cli.main import run
from linter.service.app import ServiceConfig, create_app
from linter.service.errors import ApiError
from linter.service.pool import WorkerPool
from tests.conftest import CORPUS, SEED

TEXT = {"content-type": "text/plain"}
MIB = 1024 * 1024

CASES: list[tuple[str, dict[str, Any], int, str, str]] = [
    # (route, request, status, code, words of the message)
    ("/v1/check", {"content": b"x" * (10 * MIB), "headers": TEXT}, 413, "body_too_large", "5 MiB"),
    ("/v1/check", {"content": b"ab\xffc", "headers": TEXT}, 400, "invalid_utf8", "at byte 2"),
    (
        "/v1/fix",
        {"content": "é".encode() + b"\xc3", "headers": TEXT},
        400,
        "invalid_utf8",
        "byte 2",
    ),
    (
        "/v1/check",
        {"files": {"file": ("a.txt", b"\n\n\x80")}},
        400,
        "invalid_utf8",
        "file 'a.txt' is not valid UTF-8 at byte 2",
    ),
    (
        "/v1/check",
        {"content": b'{"text": "\xfe"}', "headers": {"content-type": "application/json"}},
        400,
        "invalid_utf8",
        "at byte 10",
    ),
    ("/v1/check", {"content": b"", "headers": TEXT}, 400, "empty_body", "empty"),
    (
        "/v1/parse",
        {"content": b"", "headers": {"content-type": "application/json"}},
        400,
        "empty_body",
        "empty",
    ),
    (
        "/v1/check",
        {"content": b"text=1", "headers": {"content-type": "application/x-www-form-urlencoded"}},
        415,
        "unsupported_media_type",
        "send text/plain, application/json or multipart/form-data",
    ),
    ("/v1/check", {"content": b"abc"}, 415, "unsupported_media_type", "no content type"),
    (
        "/v1/check",
        {"content": b"abc", "headers": {"content-type": "text/plain; charset=latin-1"}},
        415,
        "unsupported_media_type",
        "only UTF-8",
    ),
    (
        "/v1/check?select=Z999",
        {"content": b"abc", "headers": TEXT},
        422,
        "invalid_request",
        "query.select.0: Value error, unknown rule selector 'Z999'",
    ),
    (
        "/v1/check",
        {"json": {"text": "x", "ignore": ["hard-wrp"]}},
        422,
        "invalid_request",
        "did you mean 'hard-wrap'",
    ),
    (
        "/v1/check",
        {"json": {"text": "x", "bogus": 1}},
        422,
        "invalid_request",
        "bogus: Extra inputs",
    ),
    ("/v1/check", {"json": {"text": ""}}, 422, "invalid_request", "text:"),
    ("/v1/check", {"json": ["text"]}, 400, "invalid_json", "must be an object"),
    (
        "/v1/check",
        {"content": b'{"text": ', "headers": {"content-type": "application/json"}},
        400,
        "invalid_json",
        "not valid JSON",
    ),
    (
        "/v1/check",
        {"content": b'{"text": "\\ud800"}', "headers": {"content-type": "application/json"}},
        400,
        "invalid_json",
        "not valid JSON",
    ),
    (
        "/v1/check",
        {"content": b"[" * 100_000, "headers": {"content-type": "application/json"}},
        400,
        "invalid_json",
        "recursion",
    ),
    (
        "/v1/check?language=../../etc/passwd",
        {"content": b"abc", "headers": TEXT},
        422,
        "invalid_request",
        "language",
    ),
    (
        "/v1/check",
        {"json": {"text": "x", "language": "zh/../../x"}},
        422,
        "invalid_request",
        "language",
    ),
    (
        "/v1/check?fail_on=fatal",
        {"content": b"abc", "headers": TEXT},
        422,
        "invalid_request",
        "fail_on",
    ),
    (
        "/v1/check",
        {"files": {"other": (None, "x")}},
        422,
        "invalid_request",
        "unknown part 'other'",
    ),
    (
        "/v1/parse",
        {"files": [("file", ("a", b"x")), ("file", ("b", b"y"))]},
        400,
        "bad_request",
        "send one file",
    ),
    ("/v1/report", {"json": {"documents": []}}, 422, "invalid_request", "documents"),
    (
        "/v1/report?format=pdf",
        {"content": b"abc", "headers": TEXT},
        422,
        "invalid_request",
        "format",
    ),
]


@pytest.mark.parametrize(("route", "request_", "status", "code", "words"), CASES)
def test_bad_requests_are_4xx_with_one_line(
    client: TestClient, route: str, request_: dict[str, Any], status: int, code: str, words: str
) -> None:
    answer = client.post(route, **request_)
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert (error["status"], error["code"]) == (status, code)
    assert words in error["message"] and "\n" not in error["message"]


def test_a_body_without_length_is_cut_at_the_limit(client: TestClient) -> None:
    sent = 0

    def chunks() -> Iterator[bytes]:
        nonlocal sent
        for _ in range(12):  # 12 MiB offered, in chunks, with no Content-Length
            sent += MIB
            yield b"x" * MIB

    answer = client.post("/v1/check", content=chunks(), headers=TEXT)
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "body_too_large"


def test_routes_and_methods_that_do_not_exist(client: TestClient) -> None:
    missing = client.get("/v1/nothing")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    wrong = client.get("/v1/check")
    assert wrong.status_code == 405 and wrong.json()["error"]["code"] == "method_not_allowed"


def _big_document() -> bytes:
    texts = [path.read_bytes() for path in sorted(CORPUS.rglob("*.txt"))]
    return b"\n".join(texts)[: 2 * MIB].decode("utf-8", "ignore").encode()


def test_a_document_over_the_time_limit_is_stopped_and_the_pool_recovers() -> None:
    app = create_app(ServiceConfig(workers=1, time_limit=0.3))
    with TestClient(app) as client:
        slow = client.post("/v1/check", content=_big_document(), headers=TEXT)
        assert slow.status_code == 422, slow.text
        assert slow.json()["error"]["code"] == "time_limit"
        assert "0.3 s limit" in slow.json()["error"]["message"]
        after = client.post("/v1/check", content=SEED.read_bytes(), headers=TEXT)
        assert after.status_code == 200
        assert after.json()["summary"]["findings"] > 200


def test_a_full_pool_answers_503_at_once() -> None:
    pool = WorkerPool(workers=1, capacity=1, time_limit=30)

    async def both() -> tuple[Any, ApiError]:
        first = asyncio.ensure_future(pool.run(time.sleep, 1.0))
        await asyncio.sleep(0)  # the first is now in the pool
        try:
            await pool.run(time.sleep, 0)  # queued, it would succeed after the first
        except ApiError as error:
            refused = error
        else:
            raise AssertionError("the second task was accepted")
        return await first, refused

    try:
        result, refused = asyncio.run(both())
    finally:
        pool.close()
    assert result is None  # the first ran to its end
    assert (refused.status, refused.code, refused.headers) == (503, "busy", {"Retry-After": "1"})


def test_serve_without_the_extra_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setitem(sys.modules, "pebble", None)  # import pebble now raises ImportError
    err = io.StringIO()
    code = run(["serve"], io.StringIO(), err)
    assert code == 2
    assert err.getvalue() == (
        "reslint: error: serve needs the server extra (module 'pebble' is missing): "
        "pip install 'reslint[server]'\n"
    )


def test_check_imports_nothing_of_the_server() -> None:
    probe = (
        "import sys, io\n"
        "from linter.cli.main import run\n"
        f"run(['check', '--isolated', {str(SEED)!r}], io.StringIO(), io.StringIO())\n"
        "heavy = ('fastapi', 'starlette', 'uvicorn', 'pebble', 'prometheus_client',"
        " 'multipart', 'linter.service', 'linter.api', 'pydantic')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(heavy)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout
