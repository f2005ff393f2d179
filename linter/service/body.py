"""Reading a request's documents: ``text/plain``, a JSON object, or a multipart upload.

Whatever the content type, the request ends up as one dictionary validated by the
route's pydantic model (:mod:`linter.service.models`): the query string's options, then
the body's (a JSON field wins over the same option in the query). So every way of sending
a text is checked by the same rules and every problem is a 4xx with one line:

* an empty body, a body that is not UTF-8 (the message names the first bad byte's
  offset), JSON that does not parse or is not an object: 400;
* a content type other than the three above, or a charset other than UTF-8: 415;
* a field the model does not know, a value of the wrong type: 422.

The body's size was bounded before it got here (:mod:`linter.service.limits`).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, TypeVar

import pydantic_core
from fastapi import Request
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile

from linter.service.errors import ApiError, problems_message
from linter.source.text import DecodeError, decode

M = TypeVar("M", bound=BaseModel)

TEXT, JSON, MULTIPART = "text/plain", "application/json", "multipart/form-data"
ACCEPTED = (TEXT, JSON, MULTIPART)

#: Upload parts read at most: a report of more documents is sent as JSON.
MAX_FILES = 100


def media_type(request: Request) -> tuple[str, dict[str, str]]:
    """The request's media type, lower case, and its parameters."""
    header = request.headers.get("content-type", "")
    kind, *parameters = header.split(";")
    found = {}
    for parameter in parameters:
        key, _, value = parameter.partition("=")
        found[key.strip().lower()] = value.strip().strip('"')
    return kind.strip().lower(), found


def _kind(request: Request) -> str:
    kind, parameters = media_type(request)
    if kind not in ACCEPTED:
        sent = f"{kind!r}" if kind else "no content type"
        raise ApiError(415, f"send text/plain, application/json or multipart/form-data, not {sent}")
    charset = parameters.get("charset", "utf-8").lower()
    if kind != MULTIPART and charset not in ("utf-8", "utf8"):
        raise ApiError(415, f"only UTF-8 text is accepted, not charset={charset}")
    return kind


def decoded(data: bytes, what: str = "the body") -> str:
    """``data`` as text; not UTF-8 is a 400 naming the byte offset."""
    try:
        return decode(data)
    except DecodeError as error:
        raise ApiError(400, f"{what} is {error} (offsets count from 0)", "invalid_utf8") from None


def upload_name(upload: UploadFile) -> str:
    """An upload's file name as a label (its last component): nothing is read from it."""
    name = (upload.filename or "").replace("\\", "/")
    return PurePosixPath(name).name or "<upload>"


async def _uploads(request: Request, limit: int) -> list[dict[str, str]]:
    """The documents of a multipart body: its parts named ``file`` (options go in the
    query string, so that one form of each option exists)."""
    documents: list[dict[str, str]] = []
    async with request.form(max_files=MAX_FILES, max_fields=MAX_FILES, max_part_size=limit) as form:
        for key, value in form.multi_items():
            if key != "file":
                raise ApiError(
                    422,
                    f"unknown part {key!r}: send the text in parts named 'file', options "
                    "in the query string",
                )
            if isinstance(value, UploadFile):
                name = upload_name(value)
                text = decoded(await value.read(), f"file {name!r}")
                documents.append({"name": name, "text": text})
            else:
                documents.append({"name": "<text>", "text": value})
    if not documents:
        raise ApiError(400, "the multipart body has no part named 'file': send the text as a file")
    return documents


def _json_object(body: bytes) -> dict[str, Any]:
    decoded(body)
    try:
        data = pydantic_core.from_json(body)
    except ValueError as error:
        raise ApiError(400, f"the body is not valid JSON: {error}", "invalid_json") from None
    if not isinstance(data, dict):
        raise ApiError(400, 'the JSON body must be an object, e.g. {"text": "..."}', "invalid_json")
    return data


async def incoming(
    request: Request,
    model: type[M],
    query: dict[str, Any],
    limit: int,
    many: bool = False,
) -> M:
    """The request as ``model``: query options, then the body's fields and documents.

    ``many`` models (reports) take ``documents: [{name, text}]``; the others ``text``
    (and a ``name``, from the upload's file name when there is one)."""
    kind = _kind(request)
    data: dict[str, Any] = {key: value for key, value in query.items() if value is not None}
    # A report's documents carry their own names; the query's names a text/plain body.
    name = data.pop("name", "<text>") if many else None
    if kind == MULTIPART:
        documents = await _uploads(request, limit)
        if many:
            data["documents"] = documents
        elif len(documents) > 1:
            raise ApiError(400, "send one file; several documents go to /v1/report")
        else:
            if documents[0]["name"] != "<text>":
                data.setdefault("name", documents[0]["name"])
            data["text"] = documents[0]["text"]
    else:
        body = await request.body()
        if not body:
            raise ApiError(400, "the body is empty: send the text of a resolution", "empty_body")
        if kind == JSON:
            data.update(_json_object(body))
        elif many:
            data["documents"] = [{"name": name, "text": decoded(body)}]
        else:
            data["text"] = decoded(body)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ApiError(422, problems_message(error.errors(include_url=False))) from None
