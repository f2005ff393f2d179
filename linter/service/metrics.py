"""``GET /v1/metrics``: requests, latency and findings by rule, for Prometheus.

Counted in the server process (the workers hand back what they found), in a registry of
the app's own, written by ``prometheus_client`` in its text exposition format.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_TYPE = CONTENT_TYPE_LATEST

#: Latency buckets in seconds: a seed-size document takes some 20 ms, a 5 MiB one 20 s.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)


class Metrics:
    """The service's counters, in a registry of their own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "reslint_requests",
            "HTTP requests answered, by route and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "reslint_request_duration_seconds",
            "Time to answer a request, by route.",
            ["route"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.documents = Counter(
            "reslint_documents",
            "Documents checked, fixed, parsed or reported, by route.",
            ["route"],
            registry=self.registry,
        )
        self.findings = Counter(
            "reslint_findings",
            "Findings reported, by rule.",
            ["rule"],
            registry=self.registry,
        )
        self.in_progress = Gauge(
            "reslint_documents_in_progress",
            "Documents being checked or waiting for a worker.",
            registry=self.registry,
        )

    def found(self, route: str, documents: int, by_rule: Mapping[str, int]) -> None:
        self.documents.labels(route).inc(documents)
        for rule, count in by_rule.items():
            self.findings.labels(rule).inc(count)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


def route_of(scope: Scope) -> str:
    """The route's path template (``/v1/rules/{code}``), so labels stay few."""
    app = scope.get("app")
    router = getattr(app, "router", None)
    for route in getattr(router, "routes", ()):
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return str(getattr(route, "path", "other"))
    return "unmatched"


class MetricsMiddleware:
    """Count every HTTP request and time it, from the first byte in to the last out."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = route_of(scope)
            self.metrics.requests.labels(route, scope.get("method", ""), str(status)).inc()
            self.metrics.latency.labels(route).observe(time.perf_counter() - start)
