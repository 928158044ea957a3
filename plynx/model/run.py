"""Runs and node runs: immutable snapshots being executed, and the one place that checks their
state transitions."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from plynx.errors import IllegalTransition
from plynx.model.graph import Graph
from plynx.model.resources import ResourceType

__all__ = [
    "ArtifactRef",
    "NodeRun",
    "NodeRunStatus",
    "Run",
    "RunStatus",
    "check_node_transition",
    "check_run_transition",
    "snapshot_seq",
]


class RunStatus(StrEnum):
    """Status of a whole run."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCESS = "success"
    FAILED = "failed"
    CANCELED = "canceled"

    @property
    def finished(self) -> bool:
        """Whether the run will not change any more."""
        return self in _RUN_FINAL


class NodeRunStatus(StrEnum):
    """Status of one node of a run."""

    PENDING = "pending"
    QUEUED = "queued"
    RUNNING = "running"
    SUCCESS = "success"
    FAILED = "failed"
    CANCELED = "canceled"
    CACHED = "cached"
    SKIPPED = "skipped"

    @property
    def finished(self) -> bool:
        """Whether the node run will not change any more."""
        return self in _NODE_FINAL

    @property
    def produced_outputs(self) -> bool:
        """Whether downstream nodes may consume this node's outputs."""
        return self in (NodeRunStatus.SUCCESS, NodeRunStatus.CACHED)


_RUN_FINAL = frozenset({RunStatus.SUCCESS, RunStatus.FAILED, RunStatus.CANCELED})
_NODE_FINAL = frozenset(
    {
        NodeRunStatus.SUCCESS,
        NodeRunStatus.FAILED,
        NodeRunStatus.CANCELED,
        NodeRunStatus.CACHED,
        NodeRunStatus.SKIPPED,
    }
)

_N = NodeRunStatus
# Legal node transitions. QUEUED -> QUEUED and RUNNING -> QUEUED are requeues (a new attempt after
# a lost worker or a retry). QUEUED -> SUCCESS/FAILED happens when a worker's ``started`` was lost
# with a dropped connection and its re-sent result arrives first.
_NODE_TRANSITIONS: dict[NodeRunStatus, frozenset[NodeRunStatus]] = {
    # PENDING -> FAILED: a node that cannot be prepared (a file never uploaded) fails unqueued
    _N.PENDING: frozenset({_N.QUEUED, _N.CACHED, _N.SKIPPED, _N.CANCELED, _N.SUCCESS, _N.FAILED}),
    _N.QUEUED: frozenset({_N.QUEUED, _N.RUNNING, _N.SUCCESS, _N.FAILED, _N.CANCELED}),
    _N.RUNNING: frozenset({_N.QUEUED, _N.SUCCESS, _N.FAILED, _N.CANCELED}),
}
_R = RunStatus
_RUN_TRANSITIONS: dict[RunStatus, frozenset[RunStatus]] = {
    _R.QUEUED: frozenset({_R.RUNNING, _R.SUCCESS, _R.FAILED, _R.CANCELED}),
    _R.RUNNING: frozenset({_R.SUCCESS, _R.FAILED, _R.CANCELED}),
}


def check_node_transition(current: NodeRunStatus, target: NodeRunStatus) -> None:
    """Raise :class:`IllegalTransition` unless a node run may go from ``current`` to
    ``target``."""
    if target in _NODE_TRANSITIONS.get(current, frozenset()):
        return
    reason = (
        "it has already finished"
        if current.finished
        else f"from {current.value} it may only go to "
        + ", ".join(sorted(s.value for s in _NODE_TRANSITIONS[current]))
    )
    raise IllegalTransition("a node run", current.value, target.value, reason)


def check_run_transition(current: RunStatus, target: RunStatus) -> None:
    """Raise :class:`IllegalTransition` unless a run may go from ``current`` to ``target``."""
    if target in _RUN_TRANSITIONS.get(current, frozenset()):
        return
    reason = "it has already finished" if current.finished else "that is not a legal step"
    raise IllegalTransition("a run", current.value, target.value, reason)


class ArtifactRef(BaseModel):
    """A pointer to a stored, content-addressed value."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    type: ResourceType = ResourceType.FILE
    name: str = ""


class Run(BaseModel):
    """An immutable snapshot of a graph (composites expanded) and where its execution is."""

    model_config = ConfigDict(extra="forbid")

    id: str
    graph_id: str | None = None
    title: str = ""
    graph: Graph
    status: RunStatus = RunStatus.QUEUED
    author: str = ""
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    rerun_of: str | None = None
    sweep_id: str | None = Field(default=None, description="the sweep this run is part of")
    reproduces: str | None = Field(
        default=None, description="the run this one executes again, ignoring the cache"
    )
    use_cache: bool = Field(default=True, description="whether nodes may be restored from cache")
    parameters: dict[str, Any] = Field(
        default_factory=dict, description="the value of every graph parameter in this run"
    )
    seq: int = Field(default=0, description="sequence number of the last event of this run")
    deleted_at: datetime | None = Field(
        default=None,
        description="when the run was deleted (soft delete: hidden from lists; its artifacts "
        "stay while a cache entry or another run refers to them)",
    )

    def set_status(self, target: RunStatus) -> None:
        """Move to ``target`` after checking the transition."""
        check_run_transition(self.status, target)
        self.status = target


class NodeRun(BaseModel):
    """The execution of one node of a run. ``attempt`` grows on every (re)dispatch."""

    model_config = ConfigDict(extra="forbid")

    id: str
    run_id: str
    node_id: str
    kind: str
    status: NodeRunStatus = NodeRunStatus.PENDING
    attempt: int = 0
    cache_key: str | None = None
    outputs: dict[str, list[ArtifactRef]] = Field(default_factory=dict)
    cached_from: str | None = Field(default=None, description="node run that produced the outputs")
    cached_from_run: str | None = None
    worker_id: str | None = None
    cache_miss: str | None = Field(
        default=None, description="why the cache was not used although the node is cacheable"
    )
    exit_code: int | None = None
    error: str | None = None
    status_detail: str | None = Field(
        default=None,
        description="why the node stays in its status when that is not obvious, e.g. queued "
        "while no connected worker has its kind: 'waiting for a worker with kind `notebook`'",
    )
    metrics: dict[str, float] = Field(
        default_factory=dict, description="the last reported value of each metric of the node"
    )
    queued_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    seq: int = Field(default=0, description="the run's event sequence number at the last change")

    def set_status(self, target: NodeRunStatus) -> None:
        """Move to ``target`` after checking the transition."""
        check_node_transition(self.status, target)
        self.status = target

    def dump(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return self.model_dump(mode="json")


def snapshot_seq(run: Run, node_runs: list[NodeRun]) -> int:
    """The event sequence number a stored snapshot of a run corresponds to: events with a larger
    ``seq`` are newer than the snapshot."""
    return max([run.seq, *(nr.seq for nr in node_runs)])
