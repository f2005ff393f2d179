"""The request body limit, enforced while the body arrives, whoever reads it.

An ASGI middleware: a declared ``Content-Length`` over the limit is answered 413 at
once, before a byte of the body is read; a body sent without one (chunked) is counted as
it arrives and the read fails with 413 as soon as it passes the limit. So neither a JSON
body, a ``text/plain`` one nor a multipart upload can make the server hold more than the
limit, and the limit holds for routes that read bodies in any way.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from linter.service.errors import ApiError, error_response

MIB = 1024 * 1024


def describe(size: int) -> str:
    """``5 MiB``, ``512 KiB``, ``100 bytes``: a limit as people write it."""
    if size >= MIB and size % MIB == 0:
        return f"{size // MIB} MiB"
    if size >= 1024 and size % 1024 == 0:
        return f"{size // 1024} KiB"
    return f"{size} bytes"


def too_large(limit: int) -> ApiError:
    return ApiError(413, f"the request body is over the {describe(limit)} limit")


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            response = error_response(too_large(self.limit))
            response.headers["Connection"] = "close"
            await response(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise too_large(self.limit)
            return message

        await self.app(scope, counted, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
