"""Reproduction checks: a run executed again without the cache, compared output by output
with the run it reproduces.

A node *reproduced* when it succeeded again and every output has the same sha256 as before; a
node whose outputs differ (an unseeded random number, a timestamp) is flagged with the outputs
that differ. ``file`` nodes never execute and are left out.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from plynx.model.run import NodeRun, NodeRunStatus, Run

__all__ = ["NodeCheck", "OutputCheck", "Reproduction", "compare_runs"]


class OutputCheck(BaseModel):
    """One output of a node in both runs (sha256 of each artifact, in order)."""

    name: str
    original: list[str]
    reproduced: list[str]
    same: bool


class NodeCheck(BaseModel):
    """Whether a node reproduced (``None`` while the reproduction has not finished it)."""

    node_id: str
    reproduced: bool | None
    status: NodeRunStatus
    outputs: list[OutputCheck] = Field(default_factory=list)
    error: str | None = None


class Reproduction(BaseModel):
    """The comparison of a reproduction run with the run it reproduces."""

    run_id: str
    original_run_id: str
    finished: bool
    reproduced: bool | None = Field(description="every node reproduced (None until finished)")
    nodes: list[NodeCheck]


def _shas(node_run: NodeRun | None, name: str) -> list[str]:
    refs = node_run.outputs.get(name, []) if node_run is not None else []
    return [ref.sha256 for ref in refs]


def compare_runs(original: list[NodeRun], run: Run, node_runs: list[NodeRun]) -> Reproduction:
    """Compare the node runs of a reproduction (``run``) with those of the original."""
    before = {nr.node_id: nr for nr in original}
    nodes = []
    for nr in node_runs:
        if nr.kind == "file":
            continue
        old = before.get(nr.node_id)
        names = sorted(set(nr.outputs) | set(old.outputs if old is not None else {}))
        outputs = [
            OutputCheck(
                name=name,
                original=_shas(old, name),
                reproduced=_shas(nr, name),
                same=_shas(old, name) == _shas(nr, name),
            )
            for name in names
        ]
        reproduced: bool | None = None
        if nr.status.finished:
            reproduced = nr.status == NodeRunStatus.SUCCESS and all(o.same for o in outputs)
        nodes.append(
            NodeCheck(
                node_id=nr.node_id,
                reproduced=reproduced,
                status=nr.status,
                outputs=outputs,
                error=nr.error,
            )
        )
    finished = run.status.finished
    return Reproduction(
        run_id=run.id,
        original_run_id=run.reproduces or "",
        finished=finished,
        reproduced=all(n.reproduced for n in nodes) if finished else None,
        nodes=nodes,
    )
