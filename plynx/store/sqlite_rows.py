"""How documents become rows of the SQLite store: the statements the engine's hot path uses, the
row tuples (in the column order of those statements) and WHERE clauses for listings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from plynx.errors import InvalidInput
from plynx.model import CacheEntry, Graph, NodeRun, Operation, Run
from plynx.store.run_json import encode_graph, run_json

__all__ = [
    "INSERT_CACHE_ENTRY",
    "INSERT_NODE_RUN",
    "INSERT_RUN",
    "UPSERT_NODE_RUN",
    "UPSERT_RUN",
    "Where",
    "cache_row",
    "check_page",
    "graph_row",
    "node_run_row",
    "operation_row",
    "run_row",
    "ts",
]

UPSERT_RUN = (
    "INSERT INTO runs (id, status, graph_id, author, created_ts, finished_ts, doc) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, "
    "graph_id = excluded.graph_id, author = excluded.author, created_ts = excluded.created_ts, "
    "finished_ts = excluded.finished_ts, doc = excluded.doc"
)
INSERT_RUN = UPSERT_RUN.split(" ON CONFLICT", maxsplit=1)[0]
# An upsert keeps the row (and its rowid, hence the node order) of an existing node run.
UPSERT_NODE_RUN = (
    "INSERT INTO node_runs (id, run_id, node_id, status, cache_key, doc) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET run_id = excluded.run_id, "
    "node_id = excluded.node_id, status = excluded.status, cache_key = excluded.cache_key, "
    "doc = excluded.doc"
)
INSERT_NODE_RUN = UPSERT_NODE_RUN.split(" ON CONFLICT", maxsplit=1)[0]
INSERT_CACHE_ENTRY = (
    "INSERT INTO cache_entries (key, node_run_id, run_id, created_ts, doc) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING"
)


def ts(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Where:
    """A WHERE clause built from optional filters and a word search."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.params: list[Any] = []

    def eq(self, column: str, value: str | None) -> Where:
        if value is not None:
            self.terms.append(f"{column} = ?")
            self.params.append(str(value))
        return self

    def search(self, query: str | None) -> Where:
        for word in (query or "").lower().split():
            self.terms.append("search_text LIKE ? ESCAPE '\\'")
            self.params.append(_like(word))
        return self

    def live(self, include_deleted: bool) -> Where:
        """Leave out soft-deleted documents (``deleted_at`` set) unless ``include_deleted``."""
        if not include_deleted:
            self.terms.append("json_extract(doc, '$.deleted_at') IS NULL")
        return self

    def sql(self) -> str:
        return f" WHERE {' AND '.join(self.terms)}" if self.terms else ""


def check_page(offset: int, limit: int) -> None:
    if offset < 0 or limit < 0:
        raise InvalidInput(f"offset ({offset}) and limit ({limit}) must not be negative")


def run_row(run: Run) -> tuple[Any, ...]:
    return (
        run.id,
        run.status.value,
        run.graph_id,
        run.author,
        run.created_at.timestamp(),
        ts(run.finished_at),
        run_json(run),  # the graph encoded once per run
    )


def node_run_row(nr: NodeRun) -> tuple[Any, ...]:
    return (nr.id, nr.run_id, nr.node_id, nr.status.value, nr.cache_key, nr.model_dump_json())


def cache_row(entry: CacheEntry) -> tuple[Any, ...]:
    return (
        entry.key,
        entry.node_run_id,
        entry.run_id,
        entry.created_at.timestamp(),
        entry.model_dump_json(),
    )


def operation_row(op: Operation) -> tuple[Any, ...]:
    return (
        op.kind,
        op.status.value,
        op.author,
        ts(op.created_at),
        ts(op.updated_at),
        op.searchable_text().lower(),
        op.model_dump_json(),
        op.id,
    )


def graph_row(graph: Graph) -> tuple[Any, ...]:
    # updated_ts is the listing order: the last update, or the creation for a new graph.
    return (
        graph.author,
        ts(graph.created_at),
        ts(graph.updated_at or graph.created_at),
        graph.searchable_text().lower(),
        encode_graph(graph).decode(),
        graph.id,
    )
