"""``/workers``: the connected workers, their slots and what they run; ``/workers/fencing``:
the worker messages the server ignored, for operators and the chaos benchmark."""

from __future__ import annotations

from aiohttp import web
from pydantic import BaseModel, Field

from plynx.server import keys
from plynx.server.access import VIEWER
from plynx.server.api.base import Route, json_response
from plynx.server.schemas import WorkerInfo

__all__ = ["ROUTES", "FencingInfo"]


class FencingInfo(BaseModel):
    """Counters since the server started."""

    forged: int = Field(
        description="messages about an attempt the sending connection was never given (ignored)"
    )
    late: int = Field(
        description="messages about an attempt its worker no longer holds on that connection "
        "(ignored)"
    )
    forged_by_worker: dict[str, int] = Field(description="forged messages per worker id")
    requeued_on_reconnect: int = Field(
        description="attempts requeued because their worker reconnected without listing them"
    )
    audit_repairs: int = Field(description="stuck nodes the periodic run audit moved on")


async def list_workers(request: web.Request) -> web.Response:
    """Connected workers."""
    return json_response([WorkerInfo.of(v) for v in request.app[keys.ENGINE].workers()])


async def fencing(request: web.Request) -> web.Response:
    """Worker messages ignored by fencing, and lost work recovered."""
    return json_response(FencingInfo(**request.app[keys.ENGINE].fencing().to_dict()))


ROUTES = [
    Route(
        "GET",
        "/workers",
        list_workers,
        "Connected workers",
        "workers",
        response=list[WorkerInfo],
        errors=(),
        access=VIEWER,
    ),
    Route(
        "GET",
        "/workers/fencing",
        fencing,
        "Worker messages ignored by fencing (forged or late), attempts requeued on reconnect, "
        "stuck nodes repaired by the run audit",
        "workers",
        response=FencingInfo,
        errors=(),
        access=VIEWER,
    ),
]
