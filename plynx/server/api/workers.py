"""``/workers``: the connected workers, their slots and what they run."""

from __future__ import annotations

from aiohttp import web

from plynx.server import keys
from plynx.server.api.base import Route, json_response
from plynx.server.schemas import WorkerInfo

__all__ = ["ROUTES"]


async def list_workers(request: web.Request) -> web.Response:
    """Connected workers."""
    return json_response([WorkerInfo.of(v) for v in request.app[keys.ENGINE].workers()])


ROUTES = [
    Route(
        "GET",
        "/workers",
        list_workers,
        "Connected workers",
        "workers",
        response=list[WorkerInfo],
        errors=(),
    ),
]
