"""The editor page at ``/``: paste or drop a resolution, see its findings, fix, download.

Plain HTML, a stylesheet and a small script, all served by the package (no CDN, and a
Content-Security-Policy that allows nothing but this server). The page draws what
``POST /editor/check`` returns: the text marked by
:func:`linter.report.highlight.highlight_findings`, styled by the audit report's own
stylesheet (served beside the editor's), so a finding looks the same in both. Fixes go
through ``POST /v1/fix``. URLs in the page are relative, so it works behind a reverse
proxy that serves the app under a path prefix.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Annotated

from fastapi import FastAPI, Path
from fastapi.responses import Response

from linter.service.errors import ApiError

POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

#: name → (package, file, media type) of what the page loads.
ASSETS = {
    "editor.js": ("linter.service", "editor.js", "text/javascript"),
    "editor.css": ("linter.service", "editor.css", "text/css"),
    "report.css": ("linter.report", "report.css", "text/css"),
}

HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


@cache
def asset(package: str, name: str) -> bytes:
    return (resources.files(package) / "assets" / name).read_bytes()


def install(app: FastAPI) -> None:
    """``GET /`` (the page) and ``GET /assets/{name}`` (its script and stylesheets); the
    page talks to the API over HTTP like any other client."""

    @app.get("/", include_in_schema=False)
    async def page() -> Response:
        body = asset("linter.service", "editor.html")
        return Response(body, media_type="text/html; charset=utf-8", headers=HEADERS)

    @app.get("/assets/{name}", include_in_schema=False)
    async def editor_asset(name: Annotated[str, Path(max_length=40)]) -> Response:
        if name not in ASSETS:
            raise ApiError(404, f"no editor asset {name!r}")
        package, file, kind = ASSETS[name]
        return Response(asset(package, file), media_type=f"{kind}; charset=utf-8", headers=HEADERS)
