"""What every REST handler module uses: the route table entry, body and query parsing, JSON
responses and the caller's identity."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

import pydantic_core
from aiohttp import web
from pydantic import BaseModel, ValidationError

from plynx.errors import InvalidInput
from plynx.server import keys
from plynx.server.auth import LOCAL_IDENTITY, Identity

__all__ = [
    "API_PREFIX",
    "Handler",
    "Query",
    "Route",
    "author_of",
    "enum_query",
    "identity",
    "int_query",
    "json_response",
    "page_query",
    "read_body",
]

API_PREFIX = "/api/v1"
MAX_LIMIT = 500
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
M = TypeVar("M", bound=BaseModel)
E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class Query:
    """A query parameter, for the OpenAPI document."""

    name: str
    description: str = ""
    type: str = "string"
    enum: Sequence[str] = ()
    default: Any = None


PAGING = (
    Query("offset", "how many items to skip", "integer", default=0),
    Query("limit", f"how many items to return (at most {MAX_LIMIT})", "integer", default=50),
)


@dataclass(frozen=True)
class Route:
    """One endpoint: what aiohttp routes and what the OpenAPI document describes.

    ``path`` is relative to :data:`API_PREFIX`. ``response`` is any type pydantic can describe
    (a model, ``list[Model]``, ``Page[Model]``) or ``None`` when ``content`` is not JSON."""

    method: str
    path: str
    handler: Handler
    summary: str
    tag: str
    request: type[BaseModel] | None = None
    response: Any = None
    status: int = 200
    query: Sequence[Query] = ()
    content: str = "application/json"
    request_content: Sequence[str] = ("application/json",)
    errors: Sequence[int] = field(default=(400,))


def json_response(value: Any, status: int = 200) -> web.Response:
    """``value`` (models, lists of models, plain JSON data) as a JSON response."""
    return web.Response(
        body=pydantic_core.to_json(value), status=status, content_type="application/json"
    )


def _field_problem(error: Any) -> dict[str, str]:
    where = ".".join(str(part) for part in error["loc"]) or "(body)"
    return {"code": str(error["type"]), "field": where, "message": f"{where}: {error['msg']}"}


async def read_body(request: web.Request, model: type[M], *, optional: bool = False) -> M:
    """The JSON body validated as ``model``; :class:`~plynx.errors.InvalidInput` naming every
    bad field, or saying the body is not JSON. An ``optional`` empty body means ``model()``."""
    raw = await request.read()
    if not raw.strip():
        if optional:
            return model()
        raise InvalidInput(f"the request needs a JSON body ({model.__name__})")
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise InvalidInput("the request body is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"the request body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [_field_problem(e) for e in exc.errors()]
        raise InvalidInput(
            f"the request body is not a valid {model.__name__}: "
            + "; ".join(p["message"] for p in problems[:5])
            + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""),
            problems,
        ) from None


def int_query(
    request: web.Request, name: str, default: int, *, low: int = 0, high: int | None = None
) -> int:
    """An integer query parameter within ``[low, high]``."""
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidInput(f"query parameter {name!r} must be an integer, got {raw!r}") from None
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise InvalidInput(f"query parameter {name!r} must be {bounds}, got {value}")
    return value


def page_query(request: web.Request) -> tuple[int, int]:
    """``(offset, limit)`` from the query."""
    return (
        int_query(request, "offset", 0),
        int_query(request, "limit", 50, low=1, high=MAX_LIMIT),
    )


def enum_query(request: web.Request, name: str, enum: type[E]) -> E | None:
    """An enum query parameter, or ``None`` when absent."""
    raw = request.query.get(name)
    if not raw:
        return None
    try:
        return enum(raw)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise InvalidInput(
            f"query parameter {name!r} must be one of {allowed}, got {raw!r}"
        ) from None


def str_query(request: web.Request, name: str) -> str | None:
    """A string query parameter, or ``None`` when absent or empty."""
    return request.query.get(name) or None


def identity(request: web.Request) -> Identity:
    """Who made the request (the local identity when the server has no authentication)."""
    try:
        return request[keys.IDENTITY]
    except KeyError:
        return LOCAL_IDENTITY


def author_of(request: web.Request, given: str = "") -> str:
    """The author to record: the caller's user, or ``given`` when there is no user (local
    mode)."""
    return identity(request).user or given
