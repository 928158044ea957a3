"""``/operations``: the library of reusable steps.

An operation is edited as a ``draft``, published (``ready``: checked by its kind, then
immutable), and finally ``deprecated``, optionally naming a successor. A published operation
changes only by creating a new version: a draft copy with ``version + 1`` and ``parent_id``.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

from aiohttp import web

from plynx.errors import Conflict, InvalidInput, NotFound
from plynx.model import (
    Graph,
    GraphIssue,
    Node,
    Operation,
    OperationStatus,
    Page,
    validate_graph,
)
from plynx.nodes import Registry
from plynx.server import keys
from plynx.server.access import EDITOR, VIEWER, owner
from plynx.server.api.base import (
    PAGING,
    Query,
    Route,
    author_of,
    enum_query,
    identity,
    json_response,
    page_query,
    read_body,
    str_query,
)
from plynx.server.schemas import DeprecateOperation
from plynx.store import Store, oldest_first

__all__ = ["ROUTES", "check_operation"]

logger = logging.getLogger(__name__)

_PROBE = "operation"
# Issues that depend on how a graph uses the operation, not on the operation itself.
_USAGE_CODES = frozenset({"missing_input", "missing_parameter"})


def check_operation(operation: Operation, registry: Registry) -> list[GraphIssue]:
    """Every problem that prevents publishing ``operation``: unknown kind, the kind's own check,
    repeated names, defaults of the wrong type, and (composites) problems of the body."""
    issues: list[GraphIssue] = []
    for what, names in (
        ("input", [i.name for i in operation.inputs]),
        ("output", [o.name for o in operation.outputs]),
        ("parameter", [p.name for p in operation.parameters]),
    ):
        issues.extend(
            GraphIssue(code="duplicate_name", port=name, message=f"two {what}s are called {name!r}")
            for name, count in Counter(names).items()
            if count > 1
        )
    probe = Graph(nodes=[Node(id=_PROBE, operation=operation)])
    for issue in validate_graph(probe, registry.checks()):
        if issue.code in _USAGE_CODES and issue.node == _PROBE:
            continue
        node = issue.node.removeprefix(_PROBE).removeprefix("/") if issue.node else ""
        issues.append(issue.model_copy(update={"node": node or None}))
    return issues


def _now() -> datetime:
    return datetime.now(UTC)


async def list_operations(request: web.Request) -> web.Response:
    """Search the library."""
    offset, limit = page_query(request)
    page = await request.app[keys.STORE].list_operations(
        query=str_query(request, "q"),
        kind=str_query(request, "kind"),
        status=enum_query(request, "status", OperationStatus),
        author=str_query(request, "author"),
        offset=offset,
        limit=limit,
    )
    return json_response(page)


async def create_operation(request: web.Request) -> web.Response:
    """Create a draft; ``id``, ``status``, ``version`` and timestamps are set by the server."""
    body = await read_body(request, Operation)
    now = _now()
    operation = body.model_copy(
        update={
            "id": uuid.uuid4().hex,
            "status": OperationStatus.DRAFT,
            "version": 1,
            "parent_id": None,
            "successor_id": None,
            "author": author_of(request, body.author),
            "created_at": now,
            "updated_at": now,
        }
    )
    await request.app[keys.STORE].create_operation(operation)
    return json_response(operation, status=201)


async def get_operation(request: web.Request) -> web.Response:
    """One operation."""
    return json_response(await request.app[keys.STORE].get_operation(request.match_info["id"]))


def _editable(operation: Operation) -> None:
    if operation.status != OperationStatus.DRAFT:
        raise Conflict(
            f"operation {operation.id} is {operation.status.value} and can no longer change; "
            f"create a new version with POST /api/v1/operations/{operation.id}/versions"
        )


async def update_operation(request: web.Request) -> web.Response:
    """Replace a draft's content (its identity, status and history are kept)."""
    store = request.app[keys.STORE]
    current = await store.get_operation(request.match_info["id"])
    body = await read_body(request, Operation)
    _editable(current)
    operation = body.model_copy(
        update={
            "id": current.id,
            "status": current.status,
            "version": current.version,
            "parent_id": current.parent_id,
            "successor_id": current.successor_id,
            "author": current.author,
            "created_at": current.created_at,
            "updated_at": _now(),
        }
    )
    await store.update_operation(operation)
    return json_response(operation)


async def publish_operation(request: web.Request) -> web.Response:
    """Check a draft with its kind and make it ``ready`` (immutable)."""
    store = request.app[keys.STORE]
    operation = await store.get_operation(request.match_info["id"])
    _editable(operation)
    problems = check_operation(operation, request.app[keys.REGISTRY])
    if problems:
        raise InvalidInput(
            f"operation {operation.id} cannot be published: {len(problems)} problem(s)", problems
        )
    operation = operation.model_copy(update={"status": OperationStatus.READY, "updated_at": _now()})
    await store.update_operation(operation)
    return json_response(operation)


async def new_version(request: web.Request) -> web.Response:
    """A new draft copied from an operation, with ``version + 1`` and ``parent_id``."""
    store = request.app[keys.STORE]
    source = await store.get_operation(request.match_info["id"])
    now = _now()
    operation = source.model_copy(
        update={
            "id": uuid.uuid4().hex,
            "status": OperationStatus.DRAFT,
            "version": source.version + 1,
            "parent_id": source.id,
            "successor_id": None,
            "author": author_of(request, source.author),
            "created_at": now,
            "updated_at": now,
        },
        deep=True,
    )
    await store.create_operation(operation)
    return json_response(operation, status=201)


def _operation_ids(graph: Graph) -> Iterator[str]:
    """The ids of the operations ``graph`` uses, inside its composites too."""
    for graph_node in graph.nodes:
        if graph_node.operation.id:
            yield graph_node.operation.id
        if graph_node.operation.body is not None:
            yield from _operation_ids(graph_node.operation.body)


async def _used_by(store: Store, operation_id: str, limit: int = 5) -> list[str]:
    """Up to ``limit`` graphs (deleted ones too: an admin may bring them back) and composite
    operations that use ``operation_id``, as ``kind 'id'``."""
    users: list[str] = []
    graphs = oldest_first(lambda o, n: store.list_graphs(include_deleted=True, offset=o, limit=n))
    async for graph in graphs:
        if operation_id in _operation_ids(graph):
            users.append(f"graph {graph.id!r}")
            if len(users) >= limit:
                return users
    async for op in oldest_first(lambda o, n: store.list_operations(offset=o, limit=n)):
        if (
            op.body is not None
            and op.id != operation_id
            and operation_id in _operation_ids(op.body)
        ):
            users.append(f"operation {op.id!r}")
            if len(users) >= limit:
                break
    return users


async def delete_operation(request: web.Request) -> web.Response:
    """Remove an operation from the library, unless a graph or composite uses it (409:
    deprecate it instead)."""
    store = request.app[keys.STORE]
    operation_id = request.match_info["id"]
    users = await _used_by(store, operation_id)
    if users:
        raise Conflict(
            f"operation {operation_id} is used by {', '.join(users)}; an operation in use is "
            f"deprecated, not deleted (POST /api/v1/operations/{operation_id}/deprecate)"
        )
    await store.delete_operation(operation_id)
    logger.info("operation %s deleted by %s", operation_id, identity(request).user or "local")
    return web.Response(status=204)


async def deprecate_operation(request: web.Request) -> web.Response:
    """Deprecate a published operation, optionally naming its successor."""
    store = request.app[keys.STORE]
    operation = await store.get_operation(request.match_info["id"])
    body = await read_body(request, DeprecateOperation, optional=True)
    if operation.status != OperationStatus.READY:
        raise Conflict(
            f"operation {operation.id} is {operation.status.value}; only a published (ready) "
            "operation can be deprecated"
        )
    if body.successor_id is not None:
        if body.successor_id == operation.id:
            raise InvalidInput("an operation cannot be its own successor")
        try:
            await store.get_operation(body.successor_id)
        except NotFound:
            raise InvalidInput(f"the successor {body.successor_id!r} is not an operation") from None
    operation = operation.model_copy(
        update={
            "status": OperationStatus.DEPRECATED,
            "successor_id": body.successor_id,
            "updated_at": _now(),
        }
    )
    await store.update_operation(operation)
    return json_response(operation)


_TAG = "operations"
ROUTES = [
    Route(
        "GET",
        "/operations",
        list_operations,
        "Search operations, newest first",
        _TAG,
        response=Page[Operation],
        query=(
            Query("q", "words that must all appear in title, description, kind or author"),
            Query("kind", "only this kind"),
            Query("status", "only this status", enum=[s.value for s in OperationStatus]),
            Query("author", "only by this author"),
            *PAGING,
        ),
        access=VIEWER,
    ),
    Route(
        "POST",
        "/operations",
        create_operation,
        "Create a draft operation",
        _TAG,
        request=Operation,
        response=Operation,
        status=201,
        access=EDITOR,
    ),
    Route(
        "GET",
        "/operations/{id}",
        get_operation,
        "Get an operation",
        _TAG,
        response=Operation,
        errors=(404,),
        access=VIEWER,
    ),
    Route(
        "PUT",
        "/operations/{id}",
        update_operation,
        "Edit a draft operation (409 once published)",
        _TAG,
        request=Operation,
        response=Operation,
        errors=(400, 404, 409),
        access=owner("operation"),
    ),
    Route(
        "DELETE",
        "/operations/{id}",
        delete_operation,
        "Remove an operation no graph or composite uses (409 while one does: deprecate it)",
        _TAG,
        status=204,
        content="",
        errors=(404, 409),
        access=owner("operation"),
    ),
    Route(
        "POST",
        "/operations/{id}/publish",
        publish_operation,
        "Check a draft with its kind and publish it (status ready)",
        _TAG,
        response=Operation,
        errors=(400, 404, 409),
        access=owner("operation"),
    ),
    Route(
        "POST",
        "/operations/{id}/versions",
        new_version,
        "Create a new draft version (version + 1, parent_id)",
        _TAG,
        response=Operation,
        status=201,
        errors=(404,),
        access=EDITOR,
    ),
    Route(
        "POST",
        "/operations/{id}/deprecate",
        deprecate_operation,
        "Deprecate a published operation, optionally naming its successor",
        _TAG,
        request=DeprecateOperation,
        response=Operation,
        errors=(400, 404, 409),
        access=owner("operation"),
    ),
]
