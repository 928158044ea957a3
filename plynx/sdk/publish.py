"""``g.publish()``: a graph and its operations stored on a server, for the dashboard.

Publishing is idempotent: an operation whose content (kind, title, ports, parameters,
code…) is already published in the library is reused rather than stored again, and a graph
published before (it has an id) is updated in place."""

from __future__ import annotations

from plynx.client import ApiError, PlynxClient
from plynx.model import FILE_KIND, Graph, Operation, OperationStatus, canonical_json

__all__ = ["library_operation", "publish_graph"]

#: What makes two operations the same step (not their identity, versions or authors).
_CONTENT = {
    "kind",
    "title",
    "description",
    "inputs",
    "outputs",
    "parameters",
    "code",
    "timeout",
    "retries",
    "body",
    "input_bindings",
    "output_bindings",
}


def _content(operation: Operation) -> bytes:
    return canonical_json(operation.model_dump(mode="json", include=_CONTENT))


async def library_operation(client: PlynxClient, operation: Operation) -> Operation:
    """The published operation of the library with ``operation``'s content, publishing it
    first if there is none."""
    wanted = _content(operation)
    query = {"q": operation.title, "kind": operation.kind, "status": "ready", "limit": 100}
    page = await client.request("GET", "/operations", params=query)
    for item in page["items"]:
        if item.get("title") != operation.title:
            continue
        candidate = Operation.model_validate(
            await client.request("GET", f"/operations/{item['id']}")
        )
        if candidate.status == OperationStatus.READY and _content(candidate) == wanted:
            return candidate
    draft = await client.create_operation(operation)
    return await client.publish_operation(draft.id)


async def publish_graph(client: PlynxClient, graph: Graph) -> Graph:
    """Store ``graph`` (its file nodes already uploaded) with every node's operation taken
    from the library; update the stored graph ``graph.id`` if it still exists."""
    graph = graph.model_copy(deep=True)
    published: dict[bytes, Operation] = {}
    for node in graph.nodes:
        if node.operation.kind == FILE_KIND:
            continue
        key = _content(node.operation)
        if key not in published:
            published[key] = await library_operation(client, node.operation)
        node.operation = published[key]
    if graph.id:
        try:
            body = await client.request(
                "PUT", f"/graphs/{graph.id}", json=graph.model_dump(mode="json")
            )
            return Graph.model_validate(body)
        except ApiError as exc:
            if exc.status != 404:
                raise
    return await client.create_graph(graph.model_copy(update={"id": ""}))
