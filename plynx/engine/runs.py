"""Submitting, rerunning, canceling and reloading runs, and reading them back.

:class:`Runs` validates a graph, expands its composites and stores the new run with its node
runs before it starts (the heavy work over every node goes to a thread, off the loop); it
reloads the unfinished runs at start, leaving the attempts a worker may still run to wait for
that worker (:meth:`~plynx.engine.dispatcher.Dispatcher.orphan`). It answers the queries of the
API about runs: live from memory for active and just finished runs, from the store otherwise.
What happens to a node once its run has started is left to the resolver
(:mod:`plynx.engine.resolver`) and to the transitions (:mod:`plynx.engine.transitions`).
"""

from __future__ import annotations

import asyncio
import logging
import os
import uuid
from collections.abc import Mapping
from typing import Any

from plynx.engine.prepare import store_values
from plynx.engine.state import RunState
from plynx.engine.transitions import Transitions, utc_now
from plynx.errors import Conflict, GraphInvalid
from plynx.model import (
    Graph,
    GraphIssue,
    NodeRun,
    NodeRunStatus,
    Run,
    RunStatus,
    parameter_values,
    snapshot_seq,
    validate_graph,
)
from plynx.nodes.composite import expand_composites
from plynx.nodes.file import FileNode

__all__ = ["Runs"]

logger = logging.getLogger(__name__)

_S = NodeRunStatus
_CANCEL_SLICE = 500  # node runs canceled between two turns of the loop


class Runs(Transitions):
    """The runs half of :class:`~plynx.engine.Engine`'s API: submit, rerun, cancel, read."""

    def validate(
        self, graph: Graph, parameters: Mapping[str, Any] | None = None
    ) -> list[GraphIssue]:
        """Every problem of ``graph`` run with these graph ``parameters`` (empty when it can
        run)."""
        issues = validate_graph(graph, self.registry.checks(), parameters=parameters)
        for node in graph.nodes:
            if node.operation.kind == "file" and "artifact" in node.params:
                problem = FileNode.artifact_problem(node.params["artifact"])
                if problem:
                    issues.append(
                        GraphIssue(
                            code="bad_parameter", node=node.id, port="artifact", message=problem
                        )
                    )
        return issues

    async def submit(
        self,
        graph: Graph,
        *,
        graph_id: str | None = None,
        author: str = "",
        title: str = "",
        rerun_of: str | None = None,
        parameters: Mapping[str, Any] | None = None,
        sweep_id: str | None = None,
        reproduces: str | None = None,
        hold: bool = False,
    ) -> Run:
        """Validate (raises :class:`~plynx.errors.GraphInvalid` listing every issue), expand
        composites, store the run and start it. ``parameters`` override the defaults of the
        graph's parameters; references to them resolve before any cache key is computed.
        ``reproduces``: the run this one executes again, every node, ignoring the cache.
        ``hold``: the run is ``running`` but its first nodes wait for :meth:`release` (the
        API answers the submission first: see :func:`~plynx.server.api.runs.create_run`)."""
        # work over every node (a large graph takes a second): in a thread, so that the loop
        # goes on serving meanwhile
        expanded, values = await asyncio.to_thread(self._expand_valid, graph, parameters)
        await store_values(expanded, self.artifacts, self.store)
        run = Run(
            id=uuid.uuid4().hex,
            graph_id=graph_id,
            title=title or graph.title,
            graph=expanded,
            author=author,
            created_at=utc_now(),
            rerun_of=rerun_of,
            sweep_id=sweep_id,
            reproduces=reproduces,
            use_cache=reproduces is None,
            parameters=values,
        )
        node_runs, state = await asyncio.to_thread(_new_run_state, run)
        await self.store.create_run(run, node_runs)
        rs = self._register(run, node_runs, state)
        logger.info(
            "run %s submitted: %d nodes (%s)", run.id, len(node_runs), run.title or "untitled"
        )
        self._set_run(rs, RunStatus.RUNNING)
        rs.held = hold
        if not hold:
            self._start_roots(rs)
        self._check_finished(rs)
        return run

    def release(self, run_id: str) -> None:
        """Start the nodes of a run submitted with ``hold`` (nothing if it is not held: it
        was released already, has finished or was canceled meanwhile)."""
        rs = self._runs.get(run_id)
        if rs is None or not rs.held:
            return
        rs.held = False
        if not rs.canceling:
            self._start_roots(rs)

    def _start_roots(self, rs: RunState) -> None:
        """Resolve the nodes without inputs from other nodes: the run's first ones."""
        for node_id, edges in rs.incoming.items():
            if not edges:
                self._to_resolve(rs, node_id)

    async def rerun(self, run_id: str, *, author: str = "") -> Run:
        """Start a new run of the same graph snapshot (unchanged nodes are restored from the
        cache)."""
        run, _ = await self.get_run(run_id)
        return await self.submit(
            run.graph,
            graph_id=run.graph_id,
            author=author or run.author,
            title=run.title,
            rerun_of=run.id,
            parameters=run.parameters,
        )

    async def get_run(self, run_id: str) -> tuple[Run, list[NodeRun]]:
        """A run and its node runs, live for active runs. :class:`NotFound` if unknown."""
        rs = self._runs.get(run_id)
        if rs is not None:
            return rs.run, list(rs.node_runs.values())
        recent = self._recent.get(run_id)
        if recent is not None:
            return recent[0], list(recent[1])
        run = await self.store.get_run(run_id)
        node_runs = await self.store.get_node_runs(run_id)
        run.seq = snapshot_seq(run, node_runs)
        return run, node_runs

    def is_active(self, run_id: str) -> bool:
        """Whether ``run_id`` is still active here (until its last writes are stored)."""
        return run_id in self._runs

    def forget_finished(self, run_id: str) -> None:
        """Drop the copy of a finished run kept for whoever asks right after it finished: the
        store's is newer (the run was deleted)."""
        self._recent.pop(run_id, None)

    def held_node_runs(self) -> int:
        """How many node runs the engine holds: the active runs' and those of the runs that
        just finished (kept for the clients that waited for them)."""
        return len(self._node_runs) + sum(len(nrs) for _, nrs in self._recent.values())

    def active_node_runs(self) -> int:
        """How many node runs the active runs hold (a measure of the engine's memory)."""
        return len(self._node_runs)

    async def cancel(self, run_id: str) -> Run:
        """Cancel a run: waiting nodes are dropped, running ones killed on their worker.
        :class:`NotFound` if unknown; :class:`Conflict` if it has finished."""
        rs = self._runs.get(run_id)
        run = rs.run if rs is not None else await self.store.get_run(run_id)  # or NotFound
        if rs is None or run.status.finished:
            raise Conflict(f"run {run_id} has already finished ({run.status.value}).")
        rs.canceling = True  # nothing of it starts any more
        now = utc_now()
        unfinished = [nr for nr in rs if not nr.status.finished]
        for nr in unfinished:  # none is dispatched from now on
            self._dispatcher.revoke(nr.id, "the run was canceled")
            self._dispatcher.forget(nr.id)
        for count, nr in enumerate(unfinished, start=1):
            if not nr.status.finished:  # (a result may have come in meanwhile)
                self._set_node(rs, nr, _S.CANCELED, finished_at=now, error="canceled")
            if count % _CANCEL_SLICE == 0:
                await asyncio.sleep(0)  # 10,000 node runs at once held the loop 0.1-0.45 s
        self._check_finished(rs)
        logger.info("run %s canceled", run_id)
        return rs.run

    def _expand_valid(
        self, graph: Graph, parameters: Mapping[str, Any] | None
    ) -> tuple[Graph, dict[str, Any]]:
        """``graph`` with its composites expanded and references resolved, and the values of
        its graph ``parameters``; :class:`GraphInvalid` listing every issue."""
        issues = self.validate(graph, parameters)
        if issues:
            raise GraphInvalid(f"the graph has {len(issues)} problem(s)", issues)
        values, _ = parameter_values(graph.parameters, parameters or {})
        return expand_composites(graph, values), values

    async def _recover(self) -> None:
        runs = await self.store.list_unfinished_runs()
        for run in runs:
            node_runs = await self.store.get_node_runs(run.id)
            run.seq = snapshot_seq(run, node_runs)
            rs = self._register(run, node_runs)
            if run.status == RunStatus.QUEUED:
                self._set_run(rs, RunStatus.RUNNING)
            waiting = 0
            for nr in rs:
                if nr.status == _S.RUNNING or (nr.status == _S.QUEUED and nr.attempt > 0):
                    # its worker may still run it: wait for it to re-attach, else requeue
                    refs = rs.input_refs(nr.node_id).values()
                    inputs = frozenset(ref.sha256 for group in refs for ref in group)
                    self._dispatcher.orphan(nr.id, nr.attempt, nr.worker_id, inputs)
                    waiting += 1
                elif nr.status == _S.QUEUED or (
                    nr.status == _S.PENDING and rs.parents_done(nr.node_id)
                ):
                    self._to_resolve(rs, nr.node_id)
            logger.info(
                "run %s reloaded: %d of %d nodes unfinished, %d waiting for their worker",
                run.id,
                rs.unfinished,
                len(node_runs),
                waiting,
            )
            self._check_finished(rs)


def _new_run_state(run: Run) -> tuple[list[NodeRun], RunState]:
    """The node runs of a new run and its state (not yet registered)."""
    ids = uuid4_hexes(len(run.graph.nodes))
    node_runs = [
        NodeRun(id=node_run_id, run_id=run.id, node_id=n.id, kind=n.operation.kind)
        for node_run_id, n in zip(ids, run.graph.nodes, strict=True)
    ]
    return node_runs, RunState(run, node_runs)


def uuid4_hexes(count: int) -> list[str]:
    """``count`` random ids as ``uuid.uuid4().hex`` makes them (version 4, RFC 4122 variant),
    from one read of the system's random source: a tenth of the time for 10,000."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = bytes(b & 0x0F | 0x40 for b in raw[6::16])  # version 4
    raw[8::16] = bytes(b & 0x3F | 0x80 for b in raw[8::16])  # variant 10
    text = raw.hex()
    return [text[start : start + 32] for start in range(0, len(text), 32)]
