"""Request and response bodies of the REST API that are not plain model documents.

Handlers validate requests with these models and the OpenAPI document
(:mod:`plynx.server.openapi`) is generated from them, so the two never disagree.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from plynx.engine import WorkerView
from plynx.engine.workers import RunningNode
from plynx.model import Graph, GraphIssue, GraphSummary, NodeRun, Run, RunStatus

__all__ = [
    "CreateRun",
    "Deleted",
    "DeprecateOperation",
    "ErrorBody",
    "ErrorDetail",
    "GraphSummary",
    "Health",
    "LoopLag",
    "Preview",
    "RunDetail",
    "RunSummary",
    "ValidateResult",
    "WorkerInfo",
]


class ErrorDetail(BaseModel):
    """What went wrong: a sentence for people, a stable code for programs, and every problem
    found (graph issues, or one entry per invalid field)."""

    message: str
    code: str
    problems: list[Any] = Field(default_factory=list)


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class Health(BaseModel):
    """The server is up; how responsive its event loop is (``loop``)."""

    status: Literal["ok"] = "ok"
    version: str
    loop: LoopLag | None = None


class DeprecateOperation(BaseModel):
    """Deprecate a published operation, optionally naming the one to use instead."""

    model_config = ConfigDict(extra="forbid")

    successor_id: str | None = None


class ValidateResult(BaseModel):
    """Whether a graph can run, and every problem if not."""

    ok: bool
    problems: list[GraphIssue]


class CreateRun(BaseModel):
    """Start a run of a stored graph (``graph_id``) or of a graph sent inline (``graph``)."""

    model_config = ConfigDict(extra="forbid")

    graph_id: str | None = None
    graph: Graph | None = None
    title: str = ""
    parameters: dict[str, Any] = Field(
        default_factory=dict,
        description="values of the graph's parameters, over their defaults; an unknown name or "
        "a value of the wrong type is refused (400) naming it",
    )

    @model_validator(mode="after")
    def _one_source(self) -> CreateRun:
        if (self.graph_id is None) == (self.graph is None):
            raise ValueError("give exactly one of 'graph_id' (a stored graph) and 'graph'")
        return self


class RunSummary(BaseModel):
    """A run without its graph, with how many node runs are in each status."""

    id: str
    graph_id: str | None = None
    title: str = ""
    status: RunStatus
    author: str = ""
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    rerun_of: str | None = None
    sweep_id: str | None = None
    reproduces: str | None = None
    use_cache: bool = True
    parameters: dict[str, Any] = Field(default_factory=dict)
    seq: int = 0
    deleted_at: datetime | None = None
    counts: dict[str, int]
    node_count: int
    metrics: dict[str, float] | None = Field(
        default=None,
        description="the last value of each metric, by node_id.name (only with ?metrics=true)",
    )

    @classmethod
    def of(cls, run: Run, node_runs: list[NodeRun]) -> RunSummary:
        """The summary of ``run``."""
        counts: dict[str, int] = {}
        for nr in node_runs:
            counts[nr.status.value] = counts.get(nr.status.value, 0) + 1
        return cls.from_counts(run, counts)

    @classmethod
    def from_counts(cls, run: Run, counts: dict[str, int]) -> RunSummary:
        """The summary of ``run`` whose node runs are in ``counts`` (status -> how many)."""
        data = run.model_dump(exclude={"graph"})
        return cls(**data, counts=counts, node_count=sum(counts.values()))


class RunDetail(BaseModel):
    """A run with its graph snapshot and every node run."""

    run: Run
    node_runs: list[NodeRun]


class WorkerInfo(BaseModel):
    """A connected worker: what it runs, its slots, and the attempts it holds."""

    id: str
    host: str
    kinds: list[str]
    slots: int
    running: list[RunningNode]
    connected_at: datetime
    last_heartbeat: datetime

    @classmethod
    def of(cls, view: WorkerView) -> WorkerInfo:
        """The API form of the engine's view of a worker."""
        return cls(
            id=view.id,
            host=view.host,
            kinds=list(view.kinds),
            slots=view.slots,
            running=list(view.running),
            connected_at=view.connected_at,
            last_heartbeat=view.last_heartbeat,
        )


class Deleted(BaseModel):
    """How many things were deleted."""

    deleted: int


class Preview(BaseModel):
    """A preview of an artifact. ``kind`` says which other fields are present: ``table``
    (``columns``, ``rows``), ``json`` (``value``), ``text`` (``text``), ``image`` (``url``,
    ``mime``), ``directory`` (``entries``) or ``binary`` (``size``); ``truncated`` tells whether
    only the beginning is shown."""

    model_config = ConfigDict(extra="allow")

    kind: Literal["table", "json", "text", "image", "directory", "binary"]
    truncated: bool = False


# -- summaries and load figures (the "loop" area: list endpoints and /health detail) -----------


class LoopLag(BaseModel):
    """How late the server's event loop wakes up (see :mod:`plynx.server.looplag`): the last
    sample, the 99th percentile of the last minute and the worst since start, in milliseconds,
    and how many samples were stalls (longer than ``stall_threshold_ms``)."""

    lag_ms: float
    p99_ms: float
    max_ms: float
    stalls: int
    stall_threshold_ms: float
    samples: int


Health.model_rebuild()
