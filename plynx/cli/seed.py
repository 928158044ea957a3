"""The examples' operations and graphs, loaded into a server's library the first time
``plynx local`` starts (and skipped afterwards: a graph or operation whose title is already
there is not loaded again)."""

from __future__ import annotations

import logging

from plynx.cli.files import list_examples, read_graph_file
from plynx.client import ApiError, PlynxClient
from plynx.errors import InvalidInput
from plynx.model import FILE_KIND, Operation

__all__ = ["load_examples"]

logger = logging.getLogger(__name__)


async def _operation_exists(client: PlynxClient, operation: Operation) -> bool:
    found = await client.list_operations(q=operation.title)
    return any(op.title == operation.title and op.kind == operation.kind for op in found)


async def load_examples(client: PlynxClient) -> int:
    """Store the examples' graphs and operations that the server does not have yet; return
    how many things were added."""
    added = 0
    for example in list_examples():
        try:
            graph_file = read_graph_file(example.path)
        except InvalidInput as exc:
            logger.warning("example %s is broken: %s", example.name, exc.message)
            continue
        graph = graph_file.graph
        for node in graph.nodes:
            op = node.operation
            if op.kind == FILE_KIND or not op.title or await _operation_exists(client, op):
                continue
            created = await client.create_operation(op)
            try:
                await client.publish_operation(created.id)
            except ApiError as exc:
                logger.warning("operation %r stays a draft: %s", op.title, exc.message)
            added += 1
        if any(g["title"] == graph.title for g in await client.list_graphs(q=graph.title)):
            continue
        graph = await client.attach_files(graph, graph_file.files, graph_file.base_dir)
        await client.create_graph(graph)
        added += 1
        logger.info("example graph %r loaded", graph.title)
    return added
