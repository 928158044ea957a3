"""What every REST handler module uses: the route table entry, body and query parsing, JSON
responses and the caller's identity."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

import pydantic_core
from aiohttp import web
from pydantic import BaseModel, ValidationError

from plynx.errors import Forbidden, InvalidInput
from plynx.server import keys
from plynx.server.access import Rule
from plynx.server.auth import LOCAL_IDENTITY, Identity

__all__ = [
    "API_PREFIX",
    "INCLUDE_DELETED",
    "Handler",
    "Query",
    "Route",
    "author_of",
    "body_text",
    "bool_query",
    "decode_body",
    "decode_large",
    "enum_query",
    "identity",
    "include_deleted",
    "int_query",
    "json_response",
    "not_json",
    "page_query",
    "read_body",
    "read_raw",
]

API_PREFIX = "/api/v1"
MAX_LIMIT = 500
#: The largest integer a query parameter may hold: every store's integers (64-bit) hold it.
MAX_QUERY_INT = 2**31 - 1
#: How deep a JSON body may nest (the parser's own limit).
MAX_JSON_DEPTH = 200
#: Bodies larger than this are decoded and validated off the event loop.
OFF_LOOP_BYTES = 64 * 1024
JSON_TYPE = "application/json"
_INTEGER = re.compile(r"-?[0-9]+")
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
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None


#: The pattern of each kind of path parameter, by name (any other is a non-empty segment).
PATH_PATTERNS = {"sha256": "^[0-9a-f]{64}$"}


PAGING = (
    Query(
        "offset", "how many items to skip", "integer", default=0, minimum=0, maximum=MAX_QUERY_INT
    ),
    Query(
        "limit",
        f"how many items to return (at most {MAX_LIMIT})",
        "integer",
        default=50,
        minimum=1,
        maximum=MAX_LIMIT,
    ),
)


@dataclass(frozen=True)
class Route:
    """One endpoint: what aiohttp routes and what the OpenAPI document describes.

    ``path`` is relative to :data:`API_PREFIX`. ``response`` is any type pydantic can describe
    (a model, ``list[Model]``, ``Page[Model]``) or ``None`` when ``content`` is not JSON.
    ``access`` is who may call it (:mod:`plynx.server.access`): required, with no default, so
    a route nobody thought about is an error at import."""

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
    access: Rule = field(kw_only=True)


def json_response(value: Any, status: int = 200) -> web.Response:
    """``value`` (models, lists of models, plain JSON data) as a JSON response."""
    return web.Response(
        body=pydantic_core.to_json(value), status=status, content_type="application/json"
    )


def _field_problem(error: Any) -> dict[str, str]:
    where = ".".join(str(part) for part in error["loc"]) or "(body)"
    return {"code": str(error["type"]), "field": where, "message": f"{where}: {error['msg']}"}


def _json_problem(message: str) -> str:
    """A parser's complaint in words that say what to change."""
    if "recursion limit" in message:
        return f"it nests deeper than {MAX_JSON_DEPTH} levels"
    if "hex escape" in message or "unicode code point" in message:
        return f"it holds a lone surrogate escape (\\ud800-\\udfff), which is not text ({message})"
    return message


def not_json(problem: str) -> InvalidInput:
    """The error for a body that is not JSON; ``problem`` is a parser's complaint (that of
    pydantic's parser is put in words that say what to change)."""
    return InvalidInput(f"the request body is not valid JSON: {_json_problem(problem)}")


def body_text(raw: bytes) -> str:
    """``raw`` as text, or :class:`~plynx.errors.InvalidInput` when it is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("the request body is not UTF-8 text") from None


def _integral_float(error: Any) -> bool:
    value = error.get("input")
    return error["type"] == "int_type" and isinstance(value, float) and value.is_integer()


def decode_body(raw: bytes, model: type[M], *, optional: bool = False) -> M:
    """``raw`` (a JSON document) validated as ``model``, or
    :class:`~plynx.errors.InvalidInput` naming every bad field or saying why it is not JSON.

    Validation is strict, as the OpenAPI document says: a date is an ISO 8601 string, a number
    is not a string. The rules of the JSON itself are pydantic's parser's: duplicate keys (the
    last one counts), at most :data:`MAX_JSON_DEPTH` levels, no lone surrogate escape.
    Synchronous and proportional to the body: :func:`decode_large` runs it in a thread when
    the body is large (:mod:`plynx.server.api.json_slices` parses a large graph in slices
    instead)."""
    if not raw.strip():
        if optional and not raw:  # no body at all; whitespace alone is not a JSON document
            return model()
        raise InvalidInput(f"the request needs a JSON body ({model.__name__})")
    body_text(raw)
    try:
        return model.model_validate_json(raw, strict=True)
    except ValidationError as exc:
        failure = exc
    errors = failure.errors(include_url=False)
    if errors and all(_integral_float(e) for e in errors):
        # 3.0 is an integer to JSON Schema (and so to the OpenAPI document), not to strict
        # pydantic: only then is lax validation right
        try:
            return model.model_validate_json(raw)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
    if errors and errors[0]["type"] == "json_invalid":
        raise not_json(str(errors[0].get("ctx", {}).get("error", errors[0]["msg"])))
    problems = [_field_problem(e) for e in errors]
    raise InvalidInput(
        f"the request body is not a valid {model.__name__}: "
        + "; ".join(p["message"] for p in problems[:5])
        + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""),
        problems,
    )


async def decode_large(raw: bytes, model: type[M], *, optional: bool = False) -> M:
    """:func:`decode_body`, in a thread when ``raw`` is large (the loop serves others
    meanwhile, at least between two of the parser's calls)."""
    if len(raw) > OFF_LOOP_BYTES:
        return await asyncio.to_thread(decode_body, raw, model, optional=optional)
    return decode_body(raw, model, optional=optional)


async def read_raw(request: web.Request) -> bytes:
    """The body, read whole; a body sent as anything but ``application/json`` is refused
    (415) unread."""
    if request.body_exists and request.content_type != JSON_TYPE:
        raise web.HTTPUnsupportedMediaType(
            text=f"send the body as JSON with 'Content-Type: {JSON_TYPE}' "
            f"(got {request.content_type!r})"
        )
    return await request.read()


async def read_body(request: web.Request, model: type[M], *, optional: bool = False) -> M:
    """The JSON body validated as ``model`` (see :func:`decode_body`). A body sent as anything
    but ``application/json`` is refused (415) unread; an ``optional`` empty body means
    ``model()``."""
    return await decode_large(await read_raw(request), model, optional=optional)


def int_query(
    request: web.Request, name: str, default: int, *, low: int = 0, high: int = MAX_QUERY_INT
) -> int:
    """An integer query parameter within ``[low, high]``."""
    raw = request.query.get(name)
    if raw is None:
        return default
    if not _INTEGER.fullmatch(raw):
        raise InvalidInput(f"query parameter {name!r} must be an integer, got {raw[:40]!r}")
    # past 30 digits it is out of range anyway (and int() of thousands of digits is refused)
    value = int(raw) if len(raw) <= 30 else (high + 1 if raw[0] != "-" else low - 1)
    if not low <= value <= high:
        raise InvalidInput(
            f"query parameter {name!r} must be between {low} and {high}, got {raw[:40]}"
        )
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
    if raw is None:
        return None
    try:
        return enum(raw)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise InvalidInput(
            f"query parameter {name!r} must be one of {allowed}, got {raw!r}"
        ) from None


def bool_query(request: web.Request, name: str) -> bool:
    """A boolean query parameter (``true``/``false``, ``1``/``0``; absent: false)."""
    raw = request.query.get(name)
    if raw is None or raw.lower() in ("false", "0"):
        return False
    if raw.lower() in ("true", "1"):
        return True
    raise InvalidInput(f"query parameter {name!r} must be true or false, got {raw[:40]!r}")


def include_deleted(request: web.Request, kind: str) -> bool:
    """Whether the request asks for deleted ``kind`` too (``?include_deleted=true``): only an
    admin may (403 for anyone else, rather than silently leaving them out)."""
    if not bool_query(request, "include_deleted"):
        return False
    who = identity(request)
    if not who.is_admin:
        raise Forbidden(
            f"only an admin may see deleted {kind}s (include_deleted); {who.user!r} is a "
            f"{who.role.value}",
            "admin",
        )
    return True


#: The query parameter of routes that can show deleted objects to an admin.
INCLUDE_DELETED = Query(
    "include_deleted", "also deleted ones (admins only)", "boolean", default=False
)


def str_query(request: web.Request, name: str) -> str | None:
    """A string query parameter, or ``None`` when absent or empty."""
    return request.query.get(name) or None


async def settled(request: web.Request) -> None:
    """Wait until what the engine changed so far is stored (it writes in rounds, up to
    :data:`~plynx.engine.unit_of_work.FLUSH_INTERVAL` apart): a query of the store then agrees
    with what the engine already told, e.g. lists a run just seen finished as finished."""
    await request.app[keys.ENGINE].flush()


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
