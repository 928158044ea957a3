"""The REST API under ``/api/v1``: one module per resource, each with its ``ROUTES`` table.

The same table registers the handlers (:func:`setup_api_routes`) and describes them in the
OpenAPI document (:mod:`plynx.server.openapi`)."""

from __future__ import annotations

from aiohttp import web

from plynx.server.api import (
    artifacts,
    cache,
    graphs,
    health,
    kinds,
    logs,
    metrics,
    operations,
    reproduce,
    runs,
    sweeps,
)
from plynx.server.api import workers as workers_api
from plynx.server.api.base import API_PREFIX, Query, Route

__all__ = ["API_PREFIX", "ROUTES", "Query", "Route", "setup_api_routes"]

ROUTES: list[Route] = [
    *health.ROUTES,
    *kinds.ROUTES,
    *operations.ROUTES,
    *graphs.ROUTES,
    *runs.ROUTES,
    *metrics.ROUTES,
    *reproduce.ROUTES,
    *sweeps.ROUTES,
    *logs.ROUTES,
    *artifacts.ROUTES,
    *workers_api.ROUTES,
    *cache.ROUTES,
]


def setup_api_routes(app: web.Application, routes: list[Route] | None = None) -> None:
    """Register every route of the table under :data:`API_PREFIX`."""
    for route in routes if routes is not None else ROUTES:
        if route.method == "GET":  # HEAD too
            app.router.add_get(API_PREFIX + route.path, route.handler)
        else:
            app.router.add_route(route.method, API_PREFIX + route.path, route.handler)
