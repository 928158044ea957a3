"""Lineage: which node runs made an artifact and the artifacts it was made from, recursively
(upstream), and which node runs used it and what they made, recursively (downstream).

Built only from what the store already records. The one index it needs is the store's
:meth:`~plynx.store.Store.node_runs_with_output` (artifact -> node runs whose outputs hold it);
what fed a node run is read from its run's graph (the edges into it), the way the engine
computed it (:meth:`RunState.input_refs`). Each run involved is read once per query.

Decisions about the cache: the *producer* of an artifact is the node run that executed and
wrote it. A node run restored from the cache did not make its outputs (its ``cached_from`` did);
it is listed in ``restored_by`` of those outputs, and as a consumer of its own inputs, because
it was given them. An input value written in the graph (no producing node run) has no producer.
"""

from __future__ import annotations

from plynx.engine.state import RunState
from plynx.errors import NotFound
from plynx.model import NodeRun, NodeRunStatus, resolve_params
from plynx.model.lineage import ArtifactLineage, LineageStep
from plynx.store import Store

__all__ = ["artifact_lineage"]

#: Node runs looked at per artifact (an artifact made by thousands of identical runs).
HOLDERS_LIMIT = 50
#: Node runs a lineage lists on each side before it says it is truncated.
STEPS_LIMIT = 100
#: Statuses of a node run that was never given its inputs.
_NOT_STARTED = frozenset({NodeRunStatus.PENDING, NodeRunStatus.SKIPPED})


class _Runs:
    """The runs a query touches, each read from the store once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._states: dict[str, RunState] = {}

    async def state(self, run_id: str) -> RunState:
        if run_id not in self._states:
            run = await self.store.get_run(run_id)
            self._states[run_id] = RunState(run, await self.store.get_node_runs(run_id))
        return self._states[run_id]

    async def step(self, nr: NodeRun, depth: int) -> LineageStep:
        """``nr`` as a lineage step: its operation, parameters, inputs and outputs."""
        rs = await self.state(nr.run_id)
        node = rs.nodes[nr.node_id]
        try:
            params = resolve_params(node.operation, node.params)
        except ValueError:  # a value that did not fit: the node never ran with other values
            params = dict(node.params)
        inputs = rs.input_refs(nr.node_id)
        return LineageStep(
            node_run_id=nr.id,
            run_id=nr.run_id,
            node_id=nr.node_id,
            title=node.label,
            status=nr.status,
            kind=nr.kind,
            operation_id=node.operation.id,
            operation_version=node.operation.version,
            params=params,
            inputs={port: [r.sha256 for r in refs] for port, refs in inputs.items()},
            outputs={port: [r.sha256 for r in refs] for port, refs in nr.outputs.items()},
            cached_from=nr.cached_from,
            depth=depth,
            run_deleted_at=rs.run.deleted_at,
        )

    async def consumers(self, holder: NodeRun, sha256: str) -> list[NodeRun]:
        """Node runs of ``holder``'s run fed ``sha256`` by it (over an edge)."""
        rs = await self.state(holder.run_id)
        found: list[NodeRun] = []
        for node_id in rs.children[holder.node_id]:
            for edge in rs.incoming[node_id]:
                refs = holder.outputs.get(edge.src_port, [])
                if edge.src_node == holder.node_id and any(r.sha256 == sha256 for r in refs):
                    consumer = rs.node_runs[node_id]
                    if consumer.status not in _NOT_STARTED and consumer not in found:
                        found.append(consumer)
        return found


async def _producer(store: Store, holders: list[NodeRun]) -> NodeRun | None:
    """The node run that executed and wrote an artifact, of the node runs that hold it."""
    for nr in holders:
        if nr.status == NodeRunStatus.SUCCESS and nr.cached_from is None:
            return nr
    for nr in holders:
        if nr.cached_from is not None:
            try:
                return await store.get_node_run(nr.cached_from)
            except NotFound:  # the original's run was deleted: the copy is all there is
                return nr
    return None


async def _upstream(runs: _Runs, sha256: str, depth: int) -> tuple[list[LineageStep], bool]:
    steps: list[LineageStep] = []
    seen: set[str] = set()
    frontier, done = [sha256], {sha256}
    for level in range(1, depth + 2):
        following: list[str] = []
        for sha in frontier:
            # the oldest holder made it, or was restored from the node run that did
            producer = await _producer(runs.store, await runs.store.node_runs_with_output(sha, 10))
            if producer is None or producer.id in seen:
                continue
            if level > depth or len(steps) >= STEPS_LIMIT:
                return steps, True  # something made the inputs of the last level
            seen.add(producer.id)
            step = await runs.step(producer, level)
            steps.append(step)
            for digests in step.inputs.values():
                following.extend(d for d in digests if d not in done)
                done.update(digests)
        frontier = following
    return steps, False


async def _downstream(
    runs: _Runs, sha256: str, depth: int, holders: list[NodeRun]
) -> tuple[list[LineageStep], bool]:
    steps: list[LineageStep] = []
    seen: set[str] = set()
    frontier, done = [sha256], {sha256}
    cut = False
    for level in range(1, depth + 2):
        following: list[str] = []
        for sha in frontier:
            held = holders
            if sha != sha256:
                held = await runs.store.node_runs_with_output(sha, HOLDERS_LIMIT)
            # more node runs hold it than are looked at: their users are left out
            cut = cut or (level <= depth and len(held) >= HOLDERS_LIMIT)
            for holder in held:
                for consumer in await runs.consumers(holder, sha):
                    if consumer.id in seen:
                        continue
                    if level > depth or len(steps) >= STEPS_LIMIT:
                        return steps, True
                    seen.add(consumer.id)
                    step = await runs.step(consumer, level)
                    steps.append(step)
                    for digests in step.outputs.values():
                        following.extend(d for d in digests if d not in done)
                        done.update(digests)
        frontier = following
    return steps, cut


async def artifact_lineage(store: Store, sha256: str, depth: int) -> ArtifactLineage:
    """The lineage of the artifact ``sha256``, ``depth`` node runs each way.
    :class:`NotFound` if neither the store's artifacts nor any node run know it."""
    holders = await store.node_runs_with_output(sha256, HOLDERS_LIMIT)
    if not holders:
        await store.get_artifact_meta(sha256)  # NotFound: nothing knows this artifact
    runs = _Runs(store)
    upstream, up_cut = await _upstream(runs, sha256, depth)
    downstream, down_cut = await _downstream(runs, sha256, depth, holders)
    producer = upstream[0].node_run_id if upstream and upstream[0].depth == 1 else None
    return ArtifactLineage(
        sha256=sha256,
        depth=depth,
        produced_by=producer,
        restored_by=[nr.id for nr in holders if nr.status == NodeRunStatus.CACHED],
        upstream=upstream,
        downstream=downstream,
        truncated=up_cut or down_cut,
    )
