"""Property-based fuzzing of the API from its own OpenAPI document (schemathesis).

Every operation gets generated requests, valid and invalid (bodies in each of the
declared content types, query strings, path parameters); none may be answered with a
server error, every answer must fit the document (status, content type, headers,
schema), a request that fits the document must be accepted and one that does not must
be refused. The one exception: a multipart body that breaks its schema is not required
to be refused, because on the wire every part is text (an "object" part and a file
holding ``{}`` are the same bytes). The number of examples is bounded so that CI stays
fast.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection

from linter.service.app import ServiceConfig, create_app

# A generous time limit: the suite may run on a loaded machine, and a timeout is no
# server error this test is about.
APP = create_app(ServiceConfig(workers=1, time_limit=60))
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _stop_workers() -> Iterator[None]:
    yield
    APP.state.service.pool.close()


@SCHEMA.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_server_error_and_answers_fit_the_document(case: schemathesis.Case) -> None:
    multipart = case.media_type == "multipart/form-data"
    case.call_and_validate(excluded_checks=[negative_data_rejection] if multipart else None)
