"""``POST /graphs/{id}/upgrade``: move a graph's nodes off deprecated operations.

The graph's operations and their successor chains are read from the store, then
:func:`plynx.model.upgrade.upgrade_graph` says what moves and what cannot come along. With
``dry_run`` nothing is stored: the dashboard asks this way to mark the nodes and show the banner.
"""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp import web
from pydantic import BaseModel, ConfigDict

from plynx.errors import NotFound
from plynx.model import Graph, Operation, OperationStatus, Role
from plynx.model.upgrade import UpgradeResult, upgrade_graph
from plynx.server import keys
from plynx.server.access import Rule, require_owner
from plynx.server.api.base import Route, identity, json_response, read_body
from plynx.server.api.live import live_graph
from plynx.store import Store

__all__ = ["ROUTES", "UpgradeRequest", "UpgradeResponse"]

#: A dry run only reads (the dashboard asks it for every graph it shows, anyone's); saving
#: changes the graph, so the handler then requires its owner (or an admin).
UPGRADE = Rule("viewer (dry_run) / owner(graph)", Role.VIEWER)
_MAX_LOOKUPS = 1000  # operations read at most for one graph (distinct ids and successors)


class UpgradeRequest(BaseModel):
    """``dry_run``: say what would change, store nothing."""

    model_config = ConfigDict(extra="forbid")
    dry_run: bool = False


class UpgradeResponse(UpgradeResult):
    """What :func:`~plynx.model.upgrade.upgrade_graph` found, and whether it was stored."""

    dry_run: bool
    saved: bool


async def _operations(store: Store, graph: Graph) -> dict[str, Operation]:
    """The graph's operations by id, with the successors of the deprecated ones."""
    found: dict[str, Operation] = {}
    wanted = [n.operation.id for n in graph.nodes if n.operation.id]
    while wanted and len(found) < _MAX_LOOKUPS:
        op_id = wanted.pop()
        if op_id in found:
            continue
        try:
            op = await store.get_operation(op_id)
        except NotFound:
            continue  # an operation removed from the library: the node keeps its copy
        found[op_id] = op
        if op.status == OperationStatus.DEPRECATED and op.successor_id:
            wanted.append(op.successor_id)
    return found


async def upgrade(request: web.Request) -> web.Response:
    """Move every node on a deprecated operation to its successor (or, with ``dry_run``, say
    what that would do)."""
    store = request.app[keys.STORE]
    graph = await live_graph(request, request.match_info["id"])
    body = await read_body(request, UpgradeRequest, optional=True)
    if not body.dry_run:
        require_owner(identity(request), UPGRADE, "graph", graph.id, graph.author)
    result = upgrade_graph(graph, await _operations(store, graph))
    saved = False
    if not body.dry_run and result.upgraded:
        result.graph = result.graph.model_copy(update={"updated_at": datetime.now(UTC)})
        await store.update_graph(result.graph)
        saved = True
    return json_response(UpgradeResponse(**dict(result), dry_run=body.dry_run, saved=saved))


ROUTES = [
    Route(
        "POST",
        "/graphs/{id}/upgrade",
        upgrade,
        "Move the nodes on deprecated operations to their successors (dry_run: only say what)",
        "graphs",
        request=UpgradeRequest,
        response=UpgradeResponse,
        errors=(400, 404),
        access=UPGRADE,
    ),
]
