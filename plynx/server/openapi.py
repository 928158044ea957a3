"""The OpenAPI 3.1 document of the REST API, generated from the route table
(:data:`plynx.server.api.ROUTES`) and the pydantic models that validate requests and shape
responses, and served at ``/api/v1/openapi.json``."""

from __future__ import annotations

import functools
import re
from typing import Any

from aiohttp import web
from pydantic import TypeAdapter

from plynx import __version__
from plynx.server.access import VIEWER
from plynx.server.api import API_PREFIX
from plynx.server.api import ROUTES as API_ROUTES
from plynx.server.api.base import PATH_PATTERNS, Route, json_response
from plynx.server.schemas import ErrorBody
from plynx.server.sessions import CSRF_HEADER, SESSION_COOKIE

__all__ = ["ROUTES", "all_routes", "build_openapi"]

_REF = "#/components/schemas/{model}"
_PATH_PARAM = re.compile(r"{(\w+)}")
_REASONS = {
    400: "Bad input: the message says what is wrong and where; problems lists every one",
    401: "Missing or invalid token or session",
    403: "Not allowed: the caller's role, or another user's object (the message names the "
    "owner), or a browser request without its CSRF token or from another origin",
    404: "Not found",
    409: "Not allowed in the current state",
    413: "Too large",
    415: "The body is not application/json",
    429: "Too many requests with a wrong token from this address: retry after Retry-After seconds",
}


async def openapi_json(request: web.Request) -> web.Response:
    """The OpenAPI document."""
    return json_response(build_openapi())


ROUTES = [
    Route(
        "GET",
        "/openapi.json",
        openapi_json,
        "This OpenAPI document",
        "server",
        errors=(),
        access=VIEWER,
    ),
]


def all_routes() -> list[Route]:
    """Every route under :data:`~plynx.server.api.API_PREFIX`."""
    return [*API_ROUTES, *ROUTES]


def _error(status: int) -> dict[str, Any]:
    return {
        "description": _REASONS.get(status, "Error"),
        "content": {"application/json": {"schema": {"$ref": _REF.format(model="ErrorBody")}}},
    }


def _operation(
    route: Route, request_schema: dict[str, Any] | None, response_schema: dict[str, Any] | None
) -> dict[str, Any]:
    parameters: list[dict[str, Any]] = [
        {
            "name": name,
            "in": "path",
            "required": True,
            "schema": {"type": "string", "pattern": PATH_PATTERNS.get(name, "^[^/]+$")},
        }
        for name in _PATH_PARAM.findall(route.path)
    ]
    for query in route.query:
        schema: dict[str, Any] = {"type": query.type}
        if query.enum:
            schema["enum"] = list(query.enum)
        if query.default is not None:
            schema["default"] = query.default
        if query.minimum is not None:
            schema["minimum"] = query.minimum
        if query.maximum is not None:
            schema["maximum"] = query.maximum
        if query.pattern is not None:
            schema["pattern"] = query.pattern
        parameters.append(
            {
                "name": query.name,
                "in": "query",
                "required": False,
                "schema": schema,
                "description": query.description,
            }
        )
    if route.status == 204:
        content = None
    elif response_schema is not None:
        content = {route.content: {"schema": response_schema}}
    elif route.content == "application/json":
        content = {route.content: {"schema": {"type": "object"}}}
    else:
        binary = route.content != "text/plain"
        content = {
            route.content: {"schema": {"type": "string"} | ({"format": "binary"} if binary else {})}
        }
    success: dict[str, Any] = {"description": route.summary}
    if route.status != 204:  # No Content
        success["content"] = content
    doc: dict[str, Any] = {
        "operationId": route.handler.__name__,
        "summary": route.summary,
        "tags": [route.tag],
        "parameters": parameters,
        "responses": {
            str(route.status): success,
            **{str(status): _error(status) for status in route.errors},
        },
    }
    # who may call it (plynx.server.access); any rule that needs a user refuses some (403)
    doc["x-plynx-access"] = route.access.name
    if route.access.role is not None:
        doc["responses"]["401"] = _error(401)
        doc["responses"]["403"] = _error(403)
        doc["responses"]["429"] = _error(429)
    else:
        doc["security"] = []
    if request_schema is not None:
        doc["responses"]["415"] = _error(415)
        doc["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": request_schema}},
        }
    elif route.request_content != ("application/json",):
        doc["requestBody"] = {
            # an empty raw body is an empty file
            "required": False,
            "content": {
                kind: {"schema": {"type": "string", "format": "binary"}}
                if kind != "multipart/form-data"
                else {
                    "schema": {
                        "type": "object",
                        "properties": {"file": {"type": "string", "format": "binary"}},
                        "required": ["file"],
                    }
                }
                for kind in route.request_content
            },
        }
    return doc


def _new_id(response: Any) -> str | None:
    """Where the id of what a route creates is in its response (a JSON pointer), if it has one."""
    fields = getattr(response, "model_fields", {})
    if "id" in fields:
        return "/id"
    if "sha256" in fields:
        return "/sha256"
    if "run" in fields:  # a run with its node runs
        return "/run/id"
    return None


def _links(route: Route, routes: list[Route]) -> dict[str, Any]:
    """OpenAPI links from a route that creates something (``POST /graphs``) to every route
    under it that takes its id (``GET /graphs/{id}``...): how a client, or a fuzzer, goes on
    from what it created."""
    pointer = _new_id(route.response)
    if route.method != "POST" or route.status != 201 or pointer is None or "{" in route.path:
        return {}
    links: dict[str, Any] = {}
    for target in routes:
        rest = target.path.removeprefix(route.path + "/")
        match = _PATH_PARAM.match(rest) if rest != target.path else None
        if match is not None:
            links[target.handler.__name__] = {
                "operationId": target.handler.__name__,
                "parameters": {match.group(1): f"$response.body#{pointer}"},
            }
    return links


@functools.cache
def build_openapi() -> dict[str, Any]:
    """The whole document (built once)."""
    routes = all_routes()
    inputs: list[tuple[tuple[int, str], Any, TypeAdapter[Any]]] = [
        ((-1, "error"), "validation", TypeAdapter(ErrorBody))
    ]
    for index, route in enumerate(routes):
        if route.request is not None:
            inputs.append(((index, "request"), "validation", TypeAdapter(route.request)))
        if route.response is not None:
            inputs.append(((index, "response"), "validation", TypeAdapter(route.response)))
    schemas, definitions = TypeAdapter.json_schemas(inputs, ref_template=_REF)
    paths: dict[str, dict[str, Any]] = {}
    for index, route in enumerate(routes):
        operation = _operation(
            route,
            schemas.get(((index, "request"), "validation")),
            schemas.get(((index, "response"), "validation")),
        )
        links = _links(route, routes)
        if links:
            operation["responses"][str(route.status)]["links"] = links
        paths.setdefault(API_PREFIX + route.path, {})[route.method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "PLynx",
            "version": __version__,
            "description": "Reproducible experiments and data-oriented workflows. Errors have "
            'the body {"error": {"message", "code", "problems"}}.',
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}, {"session": []}],
        "paths": paths,
        "components": {
            "schemas": definitions.get("$defs", {}),
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "an API token from `plynx token create` (no token is "
                    "needed in local mode)",
                },
                "session": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": SESSION_COOKIE,
                    "description": "a browser's sign-in session (POST /api/v1/session); a "
                    f"request that changes something also needs the {CSRF_HEADER} header "
                    "(GET /api/v1/me gives it)",
                },
            },
        },
    }
