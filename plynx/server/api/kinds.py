"""``/kinds`` and ``/resource-types``: what the installed plugins provide (for editors).

A plugin that failed to load is listed too, with ``error`` saying why (import failure, wrong
class, unsupported PLynx API range), so that the dashboard's palette can show it."""

from __future__ import annotations

from aiohttp import web

from plynx.nodes import KindInfo
from plynx.nodes.resource_types import ResourceTypeInfo
from plynx.server import keys
from plynx.server.access import VIEWER
from plynx.server.api.base import Route, json_response

__all__ = ["ROUTES"]


async def list_kinds(request: web.Request) -> web.Response:
    """Every kind, by name, then the kinds whose plugin failed to load."""
    return json_response(request.app[keys.REGISTRY].infos())


async def list_resource_types(request: web.Request) -> web.Response:
    """Every resource type, with what it may feed, its icon and colour."""
    return json_response(request.app[keys.REGISTRY].resource_type_infos())


ROUTES = [
    Route(
        "GET",
        "/kinds",
        list_kinds,
        "Node kinds with their parameters (and plugins that failed to load, with 'error')",
        "kinds",
        response=list[KindInfo],
        errors=(),
        access=VIEWER,
    ),
    Route(
        "GET",
        "/resource-types",
        list_resource_types,
        "Resource types: what each may feed, file extensions, icon and colour",
        "kinds",
        response=list[ResourceTypeInfo],
        errors=(),
        access=VIEWER,
    ),
]
