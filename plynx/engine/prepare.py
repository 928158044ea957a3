"""What a ready node needs before it can run: its cache key and its dispatch (or, for a
``file`` node, its uploaded artifact), and the artifacts of a new run's inline values.

Pure of engine state: the engine decides what to do with the result (restore from the cache,
queue, or fail the node with the reason)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

from plynx.artifacts import ArtifactStore
from plynx.engine.state import RunState
from plynx.errors import NotFound
from plynx.model import ArtifactMeta, ArtifactRef, Graph, Node, cache_key, resolve_params
from plynx.model.values import graph_values
from plynx.nodes import BaseNode
from plynx.nodes.file import FileNode
from plynx.protocol import Dispatch
from plynx.store import Store

__all__ = ["file_output", "prepare_dispatch", "store_values"]


def prepare_dispatch(
    rs: RunState, node_id: str, kind: type[BaseNode], lease: float
) -> tuple[str, Dispatch] | str:
    """``(cache key, dispatch template)`` of a node whose inputs are all there, or the reason
    it cannot run (a parameter value that does not fit)."""
    node = rs.nodes[node_id]
    inputs = rs.input_refs(node_id)
    try:
        params = resolve_params(node.operation, node.params)
    except ValueError as exc:
        return str(exc)
    key = cache_key(
        node.operation,
        kind.version,
        params,
        {name: [r.sha256 for r in refs] for name, refs in inputs.items()},
    )
    dispatch = Dispatch(
        node_run_id=rs.node_runs[node_id].id,
        run_id=rs.id,
        node_id=node_id,
        attempt=0,
        lease=lease,
        kind=node.operation.kind,
        code=node.operation.code,
        params=params,
        inputs=inputs,
        input_arrays=[i.name for i in node.operation.inputs if i.is_array],
        outputs=node.operation.outputs,
        timeout=node.operation.timeout,
    )
    return key, dispatch


async def file_output(node: Node, store: Store) -> ArtifactRef | str:
    """The output of a ``file`` node (its uploaded artifact), or why there is none."""
    sha = node.params.get("artifact")
    problem = FileNode.artifact_problem(sha)
    if problem is not None:
        return problem
    try:
        meta = await store.get_artifact_meta(str(sha))
    except NotFound:
        return f"artifact {sha} has not been uploaded"
    return ArtifactRef(
        sha256=meta.sha256,
        size=meta.size,
        type=node.operation.outputs[0].type,
        name=str(node.params.get("filename") or meta.name),
    )


async def store_values(graph: Graph, artifacts: ArtifactStore, store: Store) -> None:
    """Store the inline input values of ``graph`` as the artifacts that feed their inputs."""
    for name, data, ref in graph_values(graph):

        async def chunks(data: bytes = data) -> AsyncIterator[bytes]:
            yield data

        await artifacts.put(chunks(), ref.sha256)
        meta = ArtifactMeta(
            sha256=ref.sha256, size=ref.size, type=ref.type, name=name, created_at=datetime.now(UTC)
        )
        await store.put_artifact_meta(meta)
