"""How PLynx's models become MongoDB documents, and back.

A model is kept whole as JSON text in ``doc`` (``model_dump_json`` / ``model_validate_json``), not
as a BSON sub-document: parameter values are user data whose keys may start with ``$`` or hold
dots, which MongoDB treats specially, and text round-trips exactly, as in the SQLite and
PostgreSQL stores. Beside ``doc`` are copies of the fields that are filtered and ordered on
(timestamps as POSIX seconds) and ``search_text``, the lower-cased text a word search matches.

A run's graph snapshot can be large, so its nodes and edges are kept apart from the rest of the
run, in ``graph``: listings leave that field out and :func:`parse_run` puts the two together.
"""

from __future__ import annotations

import re
import time
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from plynx.model import (
    ArtifactMeta,
    CacheEntry,
    Edge,
    Graph,
    GraphSummary,
    Node,
    NodeRun,
    Operation,
    Run,
    Token,
)
from plynx.store.run_json import encode_graph, graph_json

__all__ = [
    "Doc",
    "InsertOrder",
    "artifact_fields",
    "cache_fields",
    "graph_fields",
    "live",
    "node_run_fields",
    "operation_fields",
    "output_digests",
    "parse_run",
    "run_fields",
    "text_size",
    "token_fields",
    "where",
]

#: A MongoDB document as the driver gives and takes it.
Doc = dict[str, Any]

_RUN_GRAPH_BODY = {"graph": {"nodes", "edges"}}


class InsertOrder:
    """Numbers that grow with every call, to order documents inserted with equal timestamps as
    SQLite's ``rowid`` does (``seq`` in the collections).

    They come from the wall clock in nanoseconds, forced to grow within this process: no round
    trip to the server is needed, and documents inserted by different processes (the server and
    an admin command) still interleave in time order, as far as their clocks agree."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        """A number greater than every one this object gave before."""
        self._last = max(time.time_ns(), self._last + 1)
        return self._last


class _GraphBody(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


def _ts(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


def operation_fields(op: Operation) -> Doc:
    """Everything stored for an operation except ``_id`` and ``seq``."""
    return {
        "kind": op.kind,
        "status": op.status.value,
        "author": op.author,
        "created_ts": _ts(op.created_at),
        "updated_ts": _ts(op.updated_at),
        "search_text": op.searchable_text().lower(),
        "doc": op.model_dump_json(),
    }


def text_size(doc: Doc) -> int:
    """The characters of a stored document's JSON text (``doc``, and a run's ``graph``)."""
    return sum(len(part) for part in (doc.get("doc"), doc.get("graph")) if isinstance(part, str))


def graph_fields(graph: Graph) -> Doc:
    """Everything stored for a graph except ``_id`` and ``seq``."""
    # updated_ts is the listing order: the last update, or the creation for a new graph.
    return {
        "author": graph.author,
        "created_ts": _ts(graph.created_at),
        "updated_ts": _ts(graph.updated_at or graph.created_at),
        "search_text": graph.searchable_text().lower(),
        "deleted": graph.deleted_at is not None,
        "doc": encode_graph(graph).decode(),
        "summary": GraphSummary.of(graph).model_dump_json(),  # lists read it, not the graph
    }


def _graph_body(graph: Graph) -> bytes:
    return graph.model_dump_json(include={"nodes", "edges"}).encode()


def run_fields(run: Run) -> Doc:
    """Everything stored for a run except ``_id`` and ``seq``: the run without its graph's
    nodes and edges in ``doc``, those in ``graph``."""
    return {
        "status": run.status.value,
        "graph_id": run.graph_id,
        "author": run.author,
        "created_ts": run.created_at.timestamp(),
        "finished_ts": _ts(run.finished_at),
        "deleted": run.deleted_at is not None,
        "doc": run.model_dump_json(exclude=_RUN_GRAPH_BODY),
        # encoded once per run: a run's graph never changes
        "graph": graph_json(run, "body", _graph_body).decode(),
    }


def parse_run(head: str, body: str | None) -> Run:
    """The run stored as ``head`` (``doc``) and ``body`` (``graph``, ``None`` to leave the
    graph's nodes and edges empty). Raises :class:`pydantic.ValidationError`."""
    run = Run.model_validate_json(head)
    if body is not None:
        parts = _GraphBody.model_validate_json(body)
        run.graph.nodes, run.graph.edges = parts.nodes, parts.edges
    return run


def node_run_fields(nr: NodeRun) -> Doc:
    """Everything stored for a node run except ``_id`` and ``seq``."""
    return {
        "run_id": nr.run_id,
        "node_id": nr.node_id,
        "status": nr.status.value,
        "cache_key": nr.cache_key,
        "outputs": output_digests(nr),
        "doc": nr.model_dump_json(),
    }


def output_digests(nr: NodeRun) -> list[str]:
    """The sha256 of every output artifact of a node run (indexed, for lineage)."""
    return sorted({ref.sha256 for refs in nr.outputs.values() for ref in refs})


def cache_fields(entry: CacheEntry) -> Doc:
    """Everything stored for a cache entry except ``_id`` (its key) and ``seq``."""
    return {
        "node_run_id": entry.node_run_id,
        "run_id": entry.run_id,
        "created_ts": entry.created_at.timestamp(),
        "doc": entry.model_dump_json(),
    }


def artifact_fields(meta: ArtifactMeta) -> Doc:
    """Everything stored for an artifact except ``_id`` (its sha256) and ``seq``."""
    return {"created_ts": meta.created_at.timestamp(), "doc": meta.model_dump_json()}


def token_fields(token: Token) -> Doc:
    """Everything stored for a token except ``_id`` and ``seq``."""
    return {
        "user": token.user,
        "created_ts": token.created_at.timestamp(),
        "doc": token.model_dump_json(),
    }


def where(query: str | None = None, **equal: str | None) -> Doc:
    """A filter: each given field equal to its value, and every word of ``query`` somewhere in
    ``search_text``, case-insensitively and literally (regex characters are escaped)."""
    terms: list[Doc] = [{field: str(value)} for field, value in equal.items() if value is not None]
    for word in (query or "").lower().split():
        terms.append({"search_text": {"$regex": re.escape(word)}})
    return {"$and": terms} if terms else {}


def live(match: Doc, include_deleted: bool) -> Doc:
    """``match`` that also leaves out soft-deleted documents unless ``include_deleted``
    (documents stored before soft delete have no ``deleted`` field: they are live)."""
    if include_deleted:
        return match
    alive: Doc = {"deleted": {"$ne": True}}
    return {"$and": [match, alive]} if match else alive
