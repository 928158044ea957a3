"""How documents become rows of the PostgreSQL store: the statements of the engine's hot path,
their parameters (column arrays for ``unnest``, so a whole batch is one statement), and WHERE
clauses for listings.

Documents are passed as JSON text (pydantic's ``model_dump_json``): the store registers a
``json`` codec that sends text as it is, so nothing is encoded twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from plynx.model import CacheEntry, Graph, NodeRun, Operation, Run
from plynx.store.run_json import encode_graph, run_json

__all__ = [
    "APPLY",
    "CREATE_RUN",
    "Where",
    "apply_params",
    "doc",
    "graph_row",
    "instant",
    "node_run_columns",
    "operation_row",
    "run_row",
    "search_text",
]

_RUN_COLUMNS = "id, status, graph_id, author, created_at, finished_at, deleted_at, doc"
_RUN_ARRAYS = "$1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], " + (
    "$6::timestamptz[], $7::timestamptz[], $8::json[]"
)
_NODE_COLUMNS = "id, run_id, node_id, status, cache_key, doc"
_CACHE_COLUMNS = "key, node_run_id, run_id, created_at, doc"

# One statement, hence one round trip and one implicit transaction, for a whole engine batch:
# upsert runs, upsert node runs (an existing row keeps its ``pos``, so its place in the run),
# insert cache entries (an existing key is kept). The arrays may be empty.
APPLY = f"""
WITH upsert_runs AS (
    INSERT INTO runs ({_RUN_COLUMNS})
    SELECT {_RUN_COLUMNS} FROM unnest({_RUN_ARRAYS}) AS t({_RUN_COLUMNS})
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, graph_id = excluded.graph_id,
        author = excluded.author, created_at = excluded.created_at,
        finished_at = excluded.finished_at, deleted_at = excluded.deleted_at, doc = excluded.doc
), upsert_node_runs AS (
    INSERT INTO node_runs ({_NODE_COLUMNS})
    SELECT {_NODE_COLUMNS}
    FROM unnest($9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::json[])
        WITH ORDINALITY AS t({_NODE_COLUMNS}, ord)
    ORDER BY ord
    ON CONFLICT (id) DO UPDATE SET run_id = excluded.run_id, node_id = excluded.node_id,
        status = excluded.status, cache_key = excluded.cache_key, doc = excluded.doc
)
INSERT INTO cache_entries ({_CACHE_COLUMNS})
SELECT {_CACHE_COLUMNS}
FROM unnest($15::text[], $16::text[], $17::text[], $18::timestamptz[], $19::json[])
    WITH ORDINALITY AS t({_CACHE_COLUMNS}, ord)
ORDER BY ord
ON CONFLICT (key) DO NOTHING
"""

# A run and its node runs in one statement: a duplicate id anywhere fails all of it.
CREATE_RUN = f"""
WITH insert_run AS (
    INSERT INTO runs ({_RUN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
)
INSERT INTO node_runs ({_NODE_COLUMNS})
SELECT {_NODE_COLUMNS}
FROM unnest($9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::json[])
    WITH ORDINALITY AS t({_NODE_COLUMNS}, ord)
ORDER BY ord
"""


def doc(model: BaseModel) -> str:
    """``model`` as JSON text for a ``json`` column."""
    return model.model_dump_json()


def instant(value: datetime | None) -> datetime | None:
    """``value`` for a ``timestamptz`` column: a naive time is local time, as
    :meth:`datetime.timestamp` (and so the SQLite store) reads it."""
    if value is None or value.utcoffset() is not None:
        return value
    return value.astimezone(UTC)


def search_text(text: str) -> str:
    """What word search matches against: lower-cased like the query words, without NULs."""
    return text.lower().replace("\x00", "")


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Where:
    """A WHERE clause with numbered parameters, built from optional filters and a word
    search (every word must occur in ``search_text``)."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.params: list[Any] = []

    def _param(self, value: Any) -> str:
        self.params.append(value)
        return f"${len(self.params)}"

    def eq(self, column: str, value: str | None) -> Where:
        """``column = value`` unless ``value`` is ``None``."""
        if value is not None:
            self.terms.append(f"{column} = {self._param(str(value))}")
        return self

    def search(self, query: str | None) -> Where:
        """Every word of ``query`` must occur in ``search_text``, in any case."""
        for word in (query or "").lower().split():
            self.terms.append(f"search_text LIKE {self._param(_like(word))} ESCAPE E'\\\\'")
        return self

    def live(self, include_deleted: bool) -> Where:
        """Leave out soft-deleted documents (``deleted_at`` set) unless ``include_deleted``."""
        if not include_deleted:
            # a column, not ``doc->>'deleted_at'``: that parses the document, and PostgreSQL's
            # json parser refuses a \u0000 anywhere in it
            self.terms.append("deleted_at IS NULL")
        return self

    def sql(self) -> str:
        """The clause, with a leading space, or nothing."""
        return f" WHERE {' AND '.join(self.terms)}" if self.terms else ""


def run_row(run: Run) -> tuple[Any, ...]:
    """The parameters of a run, in ``_RUN_COLUMNS`` order."""
    return (
        run.id,
        run.status.value,
        run.graph_id,
        run.author,
        instant(run.created_at),
        instant(run.finished_at),
        instant(run.deleted_at),
        run_json(run),  # the graph encoded once per run
    )


def _node_run_row(nr: NodeRun) -> tuple[Any, ...]:
    return (nr.id, nr.run_id, nr.node_id, nr.status.value, nr.cache_key, doc(nr))


def _cache_row(entry: CacheEntry) -> tuple[Any, ...]:
    return (entry.key, entry.node_run_id, entry.run_id, instant(entry.created_at), doc(entry))


def _columns(rows: Iterable[tuple[Any, ...]], width: int) -> list[list[Any]]:
    """Rows turned into ``width`` column lists (for ``unnest``)."""
    columns: list[list[Any]] = [[] for _ in range(width)]
    for row in rows:
        for column, value in zip(columns, row, strict=True):
            column.append(value)
    return columns


def node_run_columns(node_runs: Iterable[NodeRun]) -> list[list[Any]]:
    """The node-run arrays of :data:`APPLY` and :data:`CREATE_RUN`."""
    return _columns((_node_run_row(nr) for nr in node_runs), 6)


def apply_params(
    runs: Iterable[Run], node_runs: Iterable[NodeRun], cache_entries: Iterable[CacheEntry]
) -> list[list[Any]]:
    """The 19 arrays of :data:`APPLY`. A document that appears twice is written once: the last
    state of a run or node run (at the place of its first appearance), the first cache entry
    of a key."""
    last_runs = {run.id: run for run in runs}
    last_node_runs = {nr.id: nr for nr in node_runs}
    first_entries: dict[str, CacheEntry] = {}
    for entry in cache_entries:
        first_entries.setdefault(entry.key, entry)
    return [
        *_columns((run_row(run) for run in last_runs.values()), 8),
        *node_run_columns(last_node_runs.values()),
        *_columns((_cache_row(entry) for entry in first_entries.values()), 5),
    ]


def operation_row(op: Operation) -> tuple[Any, ...]:
    """``id, kind, status, author, created_at, updated_at, search_text, doc``."""
    return (
        op.id,
        op.kind,
        op.status.value,
        op.author,
        instant(op.created_at),
        instant(op.updated_at),
        search_text(op.searchable_text()),
        doc(op),
    )


def graph_row(graph: Graph) -> tuple[Any, ...]:
    """``id, author, created_at, updated_at, search_text, deleted_at, doc``; ``updated_at`` is
    the listing order: the last update, or the creation for a new graph."""
    return (
        graph.id,
        graph.author,
        instant(graph.created_at),
        instant(graph.updated_at or graph.created_at),
        search_text(graph.searchable_text()),
        instant(graph.deleted_at),
        encode_graph(graph).decode(),
    )
