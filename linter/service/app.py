"""The ASGI app: the ``/v1`` endpoints, the editor page, the OpenAPI document.

Routes read the request (:mod:`linter.service.body`), check the options in the server
process (an unknown rule is a 422 before any work starts), hand the text to a worker
(:mod:`linter.service.pool`, :mod:`linter.service.jobs`) and pass the worker's bytes on.
Answers are the Python API's models, which are the command line's JSON contracts.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import Response

from linter import __version__, api
from linter.parse.document_json import ParsedDocument
from linter.report.schema import Report
from linter.service import jobs
from linter.service.body import incoming
from linter.service.editor import install as install_editor
from linter.service.errors import ApiError, responses
from linter.service.errors import install as install_errors
from linter.service.limits import MIB, BodyLimit
from linter.service.metrics import CONTENT_TYPE, Metrics, MetricsMiddleware
from linter.service.models import (
    CheckRequest,
    EditorView,
    FailOn,
    FixRequest,
    Health,
    Language,
    Name,
    OneText,
    ParseRequest,
    ReportRequest,
    Selection,
    Selectors,
)
from linter.service.openapi import body_doc
from linter.service.openapi import install as install_openapi
from linter.service.pool import WorkerPool, cores
from linter.source.frozen import record


@record(slots=False)
class ServiceConfig:
    """The server's limits and the configuration file its rule selection comes from."""

    workers: int = 0  # worker processes; 0: one per core
    max_body: int = 5 * MIB  # bytes of a request body
    time_limit: float = 30.0  # seconds per document
    queue: int = 0  # documents waiting for a worker beyond those running; 0: 4 per worker
    config: str | None = None  # a [tool.reslint] file; None: every rule, default severities

    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else cores()

    def capacity(self) -> int:
        workers = self.worker_count()
        return workers + (self.queue if self.queue > 0 else 4 * workers)


LanguageQuery = Annotated[Language | None, Query(description="ISO 639 code (else detected).")]
SelectQuery = Annotated[Selectors | None, Query(description="Rules to run, as --select.")]
IgnoreQuery = Annotated[Selectors | None, Query(description="Rules not to run, as --ignore.")]
NameQuery = Annotated[Name | None, Query(description="A label for the text; never opened.")]
FailOnQuery = Annotated[FailOn | None, Query(description="Severity that fails the outcome.")]


class Service:
    """The state the routes share: limits, pool, metrics, the configuration's defaults."""

    def __init__(self, config: ServiceConfig) -> None:
        self.config = config
        defaults = api.settings(config=config.config)  # ReslintError: a bad configuration
        self.fail_on: FailOn = defaults.fail_on.value
        self.pool = WorkerPool(
            config.worker_count(), config.capacity(), config.time_limit, jobs.warm
        )
        self.metrics = Metrics()

    def options(self, request: Selection, **extra: Any) -> jobs.Options:
        """The job options of a request; an unknown rule selector is a 422 here."""
        select = tuple(request.select) if request.select is not None else None
        ignore = tuple(request.ignore or ())
        try:
            api.settings(select=select, ignore=ignore, config=self.config.config)
        except api.ReslintError as error:
            raise ApiError(422, str(error), "invalid_selection") from None
        name = request.name if isinstance(request, OneText) else "<text>"
        return jobs.Options(
            language=request.language,
            select=select,
            ignore=ignore,
            config=self.config.config,
            name=name,
            **extra,
        )

    async def read(
        self, request: Request, model: type[Any], query: dict[str, Any], many: bool = False
    ) -> Any:
        return await incoming(request, model, query, self.config.max_body, many)

    async def run_text(self, route: str, job: Any, text: str, options: jobs.Options) -> jobs.Answer:
        answer: jobs.Answer = await self.pool.run(job, text, options)
        self.metrics.found(route, 1, answer.by_rule)
        return answer

    async def check(
        self, request: Request, query: dict[str, Any], route: str, job: Any
    ) -> Response:
        """A check of one text (``/v1/check``, the editor's view): the outcome in a header."""
        parsed: CheckRequest = await self.read(request, CheckRequest, query)
        options = self.options(parsed, fail_on=parsed.fail_on or self.fail_on)
        return _json(await self.run_text(route, job, parsed.text, options), outcome=True)


def create_app(config: ServiceConfig | None = None) -> FastAPI:
    """The app, with its pool of workers started on first use (or at start-up)."""
    service = Service(config or ServiceConfig())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        service.pool.start()
        try:
            yield
        finally:
            service.pool.close()

    app = FastAPI(
        title="reslint",
        version=__version__,
        summary="Lint, fix and parse PDF-extracted texts of United Nations resolutions.",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: none here
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = service
    install_errors(app)
    _routes(app, service)
    install_editor(app)
    install_openapi(app)
    app.add_middleware(BodyLimit, limit=service.config.max_body)
    app.add_middleware(MetricsMiddleware, metrics=service.metrics)
    return app


def _json(answer: jobs.Answer, outcome: bool = False) -> Response:
    headers = {"Reslint-Outcome": "fail" if answer.failing else "pass"} if outcome else None
    return Response(answer.body, media_type="application/json", headers=headers)


_OUTCOME = {
    "Reslint-Outcome": {
        "description": "fail when a finding is at or above fail_on, else pass",
        "schema": {"type": "string", "enum": ["pass", "fail"]},
    }
}
_DOCUMENT_ERRORS = responses(400, 413, 415, 422, 503)


def _routes(app: FastAPI, service: Service) -> None:
    _check_route(app, service, "/v1/check", Report, jobs.check, "documents")
    _check_route(app, service, "/editor/check", EditorView, jobs.editor, "editor")

    @app.post(
        "/v1/fix",
        response_model=api.FixResult,
        responses=_DOCUMENT_ERRORS,
        openapi_extra=body_doc("FixRequest"),
        tags=["documents"],
        summary="The text repaired by the safe fixes (reslint fix), or why it was refused",
    )
    async def fix(
        request: Request,
        language: LanguageQuery = None,
        select: SelectQuery = None,
        ignore: IgnoreQuery = None,
        name: NameQuery = None,
        unsafe: Annotated[bool | None, Query(description="Also unsafe fixes.")] = None,
    ) -> Response:
        query = {"language": language, "select": select, "ignore": ignore, "name": name}
        parsed: FixRequest = await service.read(request, FixRequest, query | {"unsafe": unsafe})
        options = service.options(parsed, unsafe=parsed.unsafe)
        return _json(await service.run_text("/v1/fix", jobs.fix, parsed.text, options))

    @app.post(
        "/v1/parse",
        response_model=ParsedDocument,
        responses=_DOCUMENT_ERRORS,
        openapi_extra=body_doc("ParseRequest"),
        tags=["documents"],
        summary="The structure of one text (reslint parse --format json)",
    )
    async def parse(
        request: Request, language: LanguageQuery = None, name: NameQuery = None
    ) -> Response:
        query = {"language": language, "name": name}
        parsed: ParseRequest = await service.read(request, ParseRequest, query)
        options = jobs.Options(language=parsed.language, name=parsed.name)
        return _json(await service.run_text("/v1/parse", jobs.parse, parsed.text, options))

    @app.post(
        "/v1/report",
        response_class=Response,
        responses={
            200: {
                "description": "The audit report",
                "content": {
                    "text/html": {"schema": {"type": "string"}},
                    "text/markdown": {"schema": {"type": "string"}},
                },
            },
            **_DOCUMENT_ERRORS,
        },
        openapi_extra=body_doc("ReportRequest", many=True),
        tags=["documents"],
        summary="The audit of one or several texts, as HTML or Markdown (reslint report)",
    )
    async def report(
        request: Request,
        language: LanguageQuery = None,
        select: SelectQuery = None,
        ignore: IgnoreQuery = None,
        name: NameQuery = None,
        format: Annotated[str | None, Query(pattern="^(html|markdown)$")] = None,
        title: Annotated[str | None, Query(max_length=200)] = None,
    ) -> Response:
        query = {"language": language, "select": select, "ignore": ignore, "name": name}
        query |= {"format": format, "title": title}
        parsed: ReportRequest = await service.read(request, ReportRequest, query, many=True)
        options = service.options(parsed)
        documents = [(document.name, document.text) for document in parsed.documents]
        answer: jobs.Answer = await service.pool.run(
            jobs.report, documents, options, parsed.format, parsed.title, documents=len(documents)
        )
        service.metrics.found("/v1/report", len(documents), answer.by_rule)
        kind = "text/markdown" if parsed.format == "markdown" else "text/html"
        return Response(answer.body, media_type=f"{kind}; charset=utf-8")

    @app.get("/v1/rules", response_model=list[api.RuleSummary], tags=["rules"])
    async def rules() -> list[api.RuleSummary]:
        """Every rule (reslint rules --format json)."""
        return api.rules()

    @app.get(
        "/v1/rules/{code}",
        response_model=api.RuleDoc,
        responses=responses(404, 422),
        tags=["rules"],
    )
    async def rule(code: Annotated[str, Path(max_length=100)]) -> api.RuleDoc:
        """One rule by code or name, with its documentation (reslint rule CODE)."""
        try:
            return api.rule_doc(code)
        except api.ReslintError as error:
            raise ApiError(404, str(error), "unknown_rule") from None

    @app.get("/v1/healthz", response_model=Health, tags=["service"])
    async def healthz() -> Health:
        """The server answers (without waiting for a worker)."""
        pool = service.pool
        return Health(
            version=__version__,
            workers=pool.workers,
            in_progress=pool.pending,
            capacity=pool.capacity,
        )

    @app.get(
        "/v1/metrics",
        response_class=Response,
        responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
        tags=["service"],
    )
    async def metrics() -> Response:
        """Requests, latency and findings by rule, in Prometheus' text format."""
        service.metrics.in_progress.set(service.pool.pending)
        return Response(service.metrics.exposition(), media_type=CONTENT_TYPE)


_SUMMARIES = {
    "/v1/check": "The findings of one text (reslint check --format json)",
    "/editor/check": "What the editor page draws: the report and the text with findings marked",
}


def _check_route(
    app: FastAPI, service: Service, path: str, model: type[Any], job: Any, tag: str
) -> None:
    """A route that checks one text and answers ``model`` with the Reslint-Outcome header:
    ``/v1/check`` (the report) and ``/editor/check`` (the report and the marked text)."""

    @app.post(
        path,
        response_model=model,
        responses={200: {"headers": _OUTCOME}, **_DOCUMENT_ERRORS},
        openapi_extra=body_doc("CheckRequest"),
        tags=[tag],
        summary=_SUMMARIES[path],
    )
    async def check(
        request: Request,
        language: LanguageQuery = None,
        select: SelectQuery = None,
        ignore: IgnoreQuery = None,
        name: NameQuery = None,
        fail_on: FailOnQuery = None,
    ) -> Response:
        query = {"language": language, "select": select, "ignore": ignore, "name": name}
        return await service.check(request, query | {"fail_on": fail_on}, path, job)
