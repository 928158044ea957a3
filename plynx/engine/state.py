"""The in-memory state of one active run: its expanded graph, node runs and readiness."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from plynx.model import ArtifactRef, Edge, Node, NodeRun, NodeRunStatus, Run, RunStatus
from plynx.model.values import value_ref

__all__ = ["RunState"]


class RunState:
    """One run being executed: who feeds whom, and which node runs are left.

    Mutations of statuses go through the engine (which persists and announces them); this
    class answers questions about the graph."""

    def __init__(self, run: Run, node_runs: list[NodeRun]) -> None:
        self.run = run
        self.nodes: dict[str, Node] = {n.id: n for n in run.graph.nodes}
        self.node_runs: dict[str, NodeRun] = {nr.node_id: nr for nr in node_runs}
        self.incoming: dict[str, list[Edge]] = {n: [] for n in self.nodes}
        self.children: dict[str, list[str]] = {n: [] for n in self.nodes}
        for edge in run.graph.edges:
            self.incoming[edge.dst_node].append(edge)
            if edge.dst_node not in self.children[edge.src_node]:
                self.children[edge.src_node].append(edge.dst_node)
        self.unfinished = sum(1 for nr in node_runs if not nr.status.finished)
        # kept up to date by moved(): counting 10,000 node runs for every summary is too slow
        self._counts = Counter(nr.status.value for nr in node_runs)
        self.canceling = False
        self.held = False  # submitted with hold: its first nodes wait for release()
        self.summary_published_at = 0.0

    @property
    def id(self) -> str:
        """The run id."""
        return self.run.id

    def __iter__(self) -> Iterator[NodeRun]:
        return iter(self.node_runs.values())

    def parents_done(self, node_id: str) -> bool:
        """Whether every upstream node has produced its outputs."""
        return all(
            self.node_runs[e.src_node].status.produced_outputs for e in self.incoming[node_id]
        )

    def input_refs(self, node_id: str) -> dict[str, list[ArtifactRef]]:
        """Artifacts feeding each input of ``node_id``, in edge order (parents must be done)."""
        node = self.nodes[node_id]
        refs: dict[str, list[ArtifactRef]] = {i.name: [] for i in node.operation.inputs}
        for edge in self.incoming[node_id]:
            produced = self.node_runs[edge.src_node].outputs.get(edge.src_port, [])
            refs.setdefault(edge.dst_port, []).extend(produced)
        for name, text in node.values.items():
            inp = node.operation.input(name)
            if inp is not None:
                refs[name] = [value_ref(inp, text)]
        return refs

    def descendants(self, node_id: str) -> list[str]:
        """Every node downstream of ``node_id`` (not itself), breadth first."""
        seen: set[str] = set()
        order: list[str] = []
        frontier = list(self.children[node_id])
        while frontier:
            current = frontier.pop(0)
            if current in seen:
                continue
            seen.add(current)
            order.append(current)
            frontier.extend(self.children[current])
        return order

    def outcome(self) -> RunStatus:
        """The run's final status once every node run has finished."""
        statuses = {nr.status for nr in self.node_runs.values()}
        if self.canceling or NodeRunStatus.CANCELED in statuses:
            return RunStatus.CANCELED
        if statuses <= {NodeRunStatus.SUCCESS, NodeRunStatus.CACHED}:
            return RunStatus.SUCCESS
        return RunStatus.FAILED

    def moved(self, previous: NodeRunStatus, status: NodeRunStatus) -> None:
        """A node run went from ``previous`` to ``status`` (keeps :meth:`counts` current)."""
        self._counts[previous.value] -= 1
        self._counts[status.value] += 1

    def counts(self) -> dict[str, int]:
        """How many node runs are in each status."""
        return {status: n for status, n in self._counts.items() if n}

    def summary(self) -> dict[str, Any]:
        """The run without its graph, with status counts (for run lists)."""
        data = self.run.model_dump(mode="json", exclude={"graph"})
        data["counts"] = self.counts()
        data["node_count"] = len(self.node_runs)
        return data
