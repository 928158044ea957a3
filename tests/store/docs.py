"""Documents for the store tests, with deterministic timestamps."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from plynx.model import (
    ArtifactMeta,
    ArtifactRef,
    CacheEntry,
    Edge,
    Graph,
    Input,
    Node,
    NodeRun,
    NodeRunStatus,
    Operation,
    Output,
    Parameter,
    ParameterType,
    Position,
    ResourceType,
    Run,
    RunStatus,
    Token,
    TokenKind,
    User,
    WorkerRecord,
)

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    """``T0`` plus some minutes."""
    return T0 + timedelta(minutes=minutes)


def sha(text: str) -> str:
    """The sha256 of ``text``."""
    return hashlib.sha256(text.encode()).hexdigest()


def ref(text: str, type: ResourceType = ResourceType.FILE) -> ArtifactRef:
    """A reference to an artifact holding ``text``."""
    return ArtifactRef(sha256=sha(text), size=len(text), type=type, name=f"{text}.txt")


def operation(op_id: str, minute: float = 0, **fields: Any) -> Operation:
    """A bash operation with a port, a parameter and code."""
    values: dict[str, Any] = {
        "id": op_id,
        "kind": "bash_jinja2",
        "title": f"Operation {op_id}",
        "description": "Splits a file into lines",
        "inputs": [Input(name="data", type=ResourceType.CSV, is_array=True, min_count=0)],
        "outputs": [Output(name="out", type=ResourceType.TEXT)],
        "parameters": [Parameter(name="n", type=ParameterType.INT, default=3)],
        "code": "head -n {{ params['n'] }} {{ inputs.data[0] }} > {{ outputs.out }}",
        "author": "alice",
        "created_at": at(minute),
        "updated_at": at(minute),
    }
    values.update(fields)
    return Operation(**values)


def graph(graph_id: str, minute: float = 0, **fields: Any) -> Graph:
    """A two-node graph with an edge and a graph parameter node ``b`` refers to."""
    values: dict[str, Any] = {
        "id": graph_id,
        "title": f"Graph {graph_id}",
        "description": "An experiment",
        "parameters": [Parameter(name="rows", type=ParameterType.INT, default=7)],
        "nodes": [
            Node(id="a", operation=operation(""), params={"n": 5}, position=Position(x=1, y=2)),
            Node(id="b", operation=operation(""), title="second", params={"n": {"ref": "rows"}}),
        ],
        "edges": [Edge(src_node="a", src_port="out", dst_node="b", dst_port="data")],
        "author": "alice",
        "created_at": at(minute),
        "updated_at": at(minute),
    }
    values.update(fields)
    return Graph(**values)


def run(
    run_id: str | None = None, node_ids: list[str] | None = None, minute: float = 0, **fields: Any
) -> tuple[Run, list[NodeRun]]:
    """A run of :func:`graph` (or of a graph with ``node_ids``) and its pending node runs."""
    run_id = run_id or uuid.uuid4().hex
    g = graph("g1")
    if node_ids is not None:
        g.nodes = [Node(id=n, operation=operation("")) for n in node_ids]
        g.edges = []
    values: dict[str, Any] = {
        "id": run_id,
        "graph_id": g.id,
        "title": f"run {run_id}",
        "graph": g,
        "author": "alice",
        "created_at": at(minute),
        "parameters": {"rows": 7},
    }
    values.update(fields)
    the_run = Run(**values)
    node_runs = [
        NodeRun(id=uuid.uuid4().hex, run_id=run_id, node_id=n.id, kind=n.operation.kind)
        for n in g.nodes
    ]
    return the_run, node_runs


def finished(nr: NodeRun, status: NodeRunStatus = NodeRunStatus.SUCCESS) -> NodeRun:
    """A copy of ``nr`` that ran to ``status`` with an output."""
    return nr.model_copy(
        update={
            "status": status,
            "attempt": 1,
            "cache_key": sha(nr.id),
            "outputs": {"out": [ref(nr.id)]},
            "worker_id": "w1",
            "exit_code": 0 if status == NodeRunStatus.SUCCESS else 1,
            "queued_at": at(1),
            "started_at": at(2),
            "finished_at": at(3),
            "seq": 7,
        }
    )


def cache_entry(
    key: str, minute: float = 0, run_id: str = "r", node_run_id: str = "n"
) -> CacheEntry:
    """A cache entry with one output."""
    return CacheEntry(
        key=key,
        outputs={"out": [ref(key)]},
        node_run_id=node_run_id,
        run_id=run_id,
        created_at=at(minute),
    )


def artifact(text: str, minute: float = 0, name: str = "") -> ArtifactMeta:
    """Metadata of an artifact holding ``text``."""
    return ArtifactMeta(
        sha256=sha(text), size=len(text), type=ResourceType.CSV, name=name, created_at=at(minute)
    )


def user(name: str, is_admin: bool = False) -> User:
    """A user."""
    return User(name=name, created_at=T0, is_admin=is_admin)


def token(token_id: str, minute: float = 0, user_name: str = "alice", **fields: Any) -> Token:
    """An API token."""
    values: dict[str, Any] = {
        "id": token_id,
        "kind": TokenKind.API,
        "user": user_name,
        "name": f"token {token_id}",
        "secret_hash": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
        "created_at": at(minute),
    }
    values.update(fields)
    return Token(**values)


def worker(worker_id: str, **fields: Any) -> WorkerRecord:
    """A worker record."""
    values: dict[str, Any] = {
        "id": worker_id,
        "host": "host-1",
        "kinds": ["bash_jinja2", "python"],
        "slots": 4,
        "connected": True,
        "connected_at": T0,
        "last_seen": at(5),
    }
    values.update(fields)
    return WorkerRecord(**values)


__all__ = [
    "T0",
    "RunStatus",
    "artifact",
    "at",
    "cache_entry",
    "finished",
    "graph",
    "operation",
    "ref",
    "run",
    "sha",
    "token",
    "user",
    "worker",
]
