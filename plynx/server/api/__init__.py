"""The REST API under ``/api/v1``: one module per resource, each with its ``ROUTES`` table.

The same table registers the handlers (:func:`setup_api_routes`) and describes them in the
OpenAPI document (:mod:`plynx.server.openapi`)."""

from __future__ import annotations

import re

from aiohttp import web

from plynx.server.access import declare
from plynx.server.api import (
    artifacts,
    audit,
    cache,
    graphs,
    health,
    kinds,
    lineage,
    logs,
    metrics,
    operations,
    reproduce,
    runs,
    sweeps,
)
from plynx.server.api import session as session_api
from plynx.server.api import tokens as tokens_api
from plynx.server.api import upgrade as upgrade_api
from plynx.server.api import users as users_api
from plynx.server.api import workers as workers_api
from plynx.server.api.base import API_PREFIX, Query, Route

__all__ = ["API_PREFIX", "ROUTES", "Query", "Route", "setup_api_routes"]

ROUTES: list[Route] = [
    *health.ROUTES,
    *kinds.ROUTES,
    *operations.ROUTES,
    *graphs.ROUTES,
    *upgrade_api.ROUTES,
    *runs.ROUTES,
    *metrics.ROUTES,
    *reproduce.ROUTES,
    *sweeps.ROUTES,
    *logs.ROUTES,
    *artifacts.ROUTES,
    *lineage.ROUTES,
    *workers_api.ROUTES,
    *cache.ROUTES,
    *audit.ROUTES,
    *users_api.ROUTES,
    *tokens_api.ROUTES,
    *session_api.ROUTES,
]


def _exclusive_paths(routes: list[Route]) -> dict[str, str]:
    """Each route path, with a path parameter that sits beside fixed segments (``{id}`` beside
    ``validate`` under ``/graphs``) told not to match them: else ``/graphs/validate`` would also
    be ``/graphs/{id}``, and a 405 there would list the methods of both."""
    fixed: dict[str, set[str]] = {}
    for route in routes:
        parent, _, last = route.path.rpartition("/")
        if not last.startswith("{"):
            fixed.setdefault(parent, set()).add(last)
    paths: dict[str, str] = {}
    for route in routes:
        parts = route.path.split("/")
        for i, part in enumerate(parts):
            siblings = fixed.get("/".join(parts[:i]), set())
            if part.startswith("{") and siblings:
                names = "|".join(re.escape(s) for s in sorted(siblings))
                parts[i] = f"{{{part[1:-1]}:(?!(?:{names})$)[^/]+}}"
        paths[route.path] = "/".join(parts)
    return paths


def setup_api_routes(app: web.Application, routes: list[Route] | None = None) -> None:
    """Register every route of the table under :data:`API_PREFIX`, each with its access
    rule."""
    table = routes if routes is not None else ROUTES
    paths = _exclusive_paths(table)
    for route in table:
        path = API_PREFIX + paths[route.path]
        with declare(app, route.access):
            if route.method == "GET":  # HEAD too
                app.router.add_get(path, route.handler)
            else:
                app.router.add_route(route.method, path, route.handler)
