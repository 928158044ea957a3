"""``/kinds``: the node kinds this server knows, with their parameters (for editors)."""

from __future__ import annotations

from aiohttp import web

from plynx.nodes import KindInfo
from plynx.server import keys
from plynx.server.api.base import Route, json_response

__all__ = ["ROUTES"]


async def list_kinds(request: web.Request) -> web.Response:
    """Every kind, by name."""
    return json_response(request.app[keys.REGISTRY].infos())


ROUTES = [
    Route(
        "GET",
        "/kinds",
        list_kinds,
        "Node kinds with their parameters",
        "kinds",
        response=list[KindInfo],
        errors=(),
    ),
]
