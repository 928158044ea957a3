"""The :class:`Store` ABC: everything PLynx persists, behind a small async interface.

Backends (``sqlite``, later ``postgresql`` and ``mongodb``) implement the abstract methods and
are chosen by URL (:func:`plynx.store.open_store`). They translate driver errors into
:class:`~plynx.errors.StoreError` and set up a fresh database themselves (idempotently) in
:meth:`Store.open`. Every backend passes the same contract suite in ``tests/store``.

Documents are the pydantic models of :mod:`plynx.model`; listings return a
:class:`~plynx.model.Page`. ``get_*`` raise :class:`~plynx.errors.NotFound` for unknown ids.
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Self, TypeVar

from plynx import collector
from plynx.errors import NotFound
from plynx.model import (
    ArtifactMeta,
    AuditEvent,
    AuditFilter,
    CacheEntry,
    Graph,
    GraphSummary,
    NodeRun,
    Operation,
    OperationStatus,
    Page,
    Run,
    RunStatus,
    Session,
    Token,
    User,
    WorkerRecord,
)
from plynx.model.metrics import MetricPoint, MetricSeries
from plynx.model.sweep import Sweep
from plynx.store.run_json import SLICE

__all__ = [
    "LARGE_DOCUMENT",
    "MANY_DOCUMENTS",
    "Batch",
    "Store",
    "large_graph",
    "oldest_first",
    "parse_document",
]

#: From this many documents (a large run's node runs), a backend validates them in a thread: one
#: small call each, so the event loop gets its turn between two (on the loop, the 10,000 node runs
#: of a finished run read back stopped it for 0.1 to 0.35 s).
MANY_DOCUMENTS = 1000
#: A document from this size (a large run's) is validated in a thread. pydantic's validator
#: holds the interpreter for most of such a call, but not all of it: the 7.6 MB document of a
#: 10,000-node run held the loop 0.45 to 1 s on it, 0.2 to 0.3 s at most from a thread.
LARGE_DOCUMENT = 1024 * 1024

T = TypeVar("T")
R = TypeVar("R")
_PAGE = 200  # documents per listing call when going through a whole listing


async def parse_document(parse: Callable[[], T], size: int) -> T:
    """``parse()`` of a document of ``size`` characters. A large one is parsed in a thread, and
    keeps the garbage collector off until the request that read it is answered: building its
    models would start full collections that stop the loop (:mod:`plynx.collector`)."""
    if size < LARGE_DOCUMENT:
        return parse()
    collector.hold()
    return await asyncio.to_thread(parse)


async def large_graph(graph: Graph, encode: Callable[[Graph], R]) -> R:
    """``encode(graph)`` (a row or document to store, or an answer's body), in a thread for a
    large graph: encoded there a slice at a time (:func:`~plynx.store.run_json.encode_graph`),
    the loop runs between two."""
    if len(graph.nodes) + len(graph.edges) <= SLICE:
        return encode(graph)
    return await asyncio.to_thread(encode, graph)


async def oldest_first(list_page: Callable[[int, int], Awaitable[Page[T]]]) -> AsyncIterator[T]:
    """Every item of a newest-first listing (``list_page(offset, limit)``), oldest first, one
    page in memory at a time."""
    end = (await list_page(0, 1)).total
    while end > 0:
        start = max(0, end - _PAGE)
        page = await list_page(start, end - start)
        for item in reversed(page.items):
            yield item
        end = start


#: Version of the schema this code writes; backends migrate older stores up to it on open.
#: 2: metric points and sweeps (the ``metrics`` and ``sweeps`` tables / collections).
#: 3: an index of node runs by output artifact (lineage).
#: 4: sign-in sessions (the ``sessions`` table / collection).
#: 5: the audit trail (the ``audit`` table / collection): see each backend's ``_audit`` step.
SCHEMA_VERSION = 5


@dataclass
class Batch:
    """Writes the engine makes in one step, stored atomically by :meth:`Store.apply`.

    Runs and node runs are upserted whole (they are small), cache entries are inserted (an
    existing key is kept)."""

    runs: list[Run] = field(default_factory=list)
    node_runs: list[NodeRun] = field(default_factory=list)
    cache_entries: list[CacheEntry] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.runs or self.node_runs or self.cache_entries)


class Store(ABC):
    """Async persistence for operations, graphs, runs, node runs, cache entries, artifact
    metadata, users, tokens and workers. Use as ``async with open_store(url) as store``."""

    url: str

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    # -- life cycle ---------------------------------------------------------------------------
    @abstractmethod
    async def open(self) -> None:
        """Connect, create the schema if the store is new, migrate it if it is older.
        Raises :class:`~plynx.errors.SchemaVersionError` for a newer schema."""

    @abstractmethod
    async def close(self) -> None:
        """Release connections. Safe to call twice."""

    @abstractmethod
    async def schema_version(self) -> int:
        """The schema version recorded in the store."""

    # -- operations ---------------------------------------------------------------------------
    @abstractmethod
    async def create_operation(self, operation: Operation) -> None:
        """Insert a new operation (its ``id`` is set by the caller)."""

    @abstractmethod
    async def get_operation(self, operation_id: str) -> Operation:
        """The operation with this id."""

    @abstractmethod
    async def delete_operation(self, operation_id: str) -> None:
        """Remove an operation from the library; :class:`NotFound` if there is none. (Whether
        anything still uses it is the caller's to check.)"""

    @abstractmethod
    async def update_operation(self, operation: Operation) -> None:
        """Replace a stored operation."""

    @abstractmethod
    async def list_operations(
        self,
        *,
        query: str | None = None,
        kind: str | None = None,
        status: OperationStatus | None = None,
        author: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[Operation]:
        """Operations, newest first. ``query`` matches words of title, description, kind and
        author, case-insensitively (every word must match)."""

    # -- graphs -------------------------------------------------------------------------------
    @abstractmethod
    async def create_graph(self, graph: Graph) -> None:
        """Insert a new graph."""

    @abstractmethod
    async def get_graph(self, graph_id: str) -> Graph:
        """The graph with this id."""

    @abstractmethod
    async def update_graph(self, graph: Graph) -> None:
        """Replace a stored graph."""

    @abstractmethod
    async def list_graphs(
        self,
        *,
        query: str | None = None,
        author: str | None = None,
        include_deleted: bool = False,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[Graph]:
        """Graphs, most recently updated first; ``query`` as for operations. Deleted graphs
        (``deleted_at`` set) are left out unless ``include_deleted``."""

    @abstractmethod
    async def list_graph_summaries(
        self,
        *,
        query: str | None = None,
        author: str | None = None,
        include_deleted: bool = False,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[GraphSummary]:
        """What :meth:`list_graphs` lists, as summaries: the nodes and edges are counted where
        they are stored, not read (a list of large graphs read whole held the loop for
        seconds)."""

    # -- runs ---------------------------------------------------------------------------------
    @abstractmethod
    async def create_run(self, run: Run, node_runs: Sequence[NodeRun]) -> None:
        """Insert a run with all its node runs, atomically."""

    @abstractmethod
    async def get_run(self, run_id: str) -> Run:
        """The run with this id."""

    @abstractmethod
    async def list_runs(
        self,
        *,
        status: RunStatus | None = None,
        graph_id: str | None = None,
        author: str | None = None,
        include_deleted: bool = False,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[Run]:
        """Runs, newest first. Listed runs carry their graph's metadata but not its nodes and
        edges (a snapshot can be large): :meth:`get_run` returns the whole run. Deleted runs
        (``deleted_at`` set) are left out unless ``include_deleted``."""

    @abstractmethod
    async def list_unfinished_runs(self) -> list[Run]:
        """Runs that are queued or running (what the engine reloads on start)."""

    @abstractmethod
    async def get_node_runs(self, run_id: str) -> list[NodeRun]:
        """Every node run of a run, in the run's node order."""

    async def count_node_runs(self, run_ids: Sequence[str]) -> dict[str, dict[str, int]]:
        """For each run, how many of its node runs are in each status (for run lists).
        Backends may override with one grouped query."""
        counts: dict[str, dict[str, int]] = {}
        for run_id in run_ids:
            per_status: dict[str, int] = {}
            try:
                node_runs = await self.get_node_runs(run_id)
            except NotFound:
                node_runs = []
            for node_run in node_runs:
                per_status[node_run.status.value] = per_status.get(node_run.status.value, 0) + 1
            counts[run_id] = per_status
        return counts

    @abstractmethod
    async def get_node_run(self, node_run_id: str) -> NodeRun:
        """One node run."""

    @abstractmethod
    async def node_runs_with_output(self, sha256: str, limit: int = 100) -> list[NodeRun]:
        """Node runs that have the artifact ``sha256`` among their outputs (executed or restored
        from the cache), oldest first, at most ``limit`` (an indexed lookup: lineage)."""

    @abstractmethod
    async def apply(self, batch: Batch) -> None:
        """Store a batch of engine writes in one transaction."""

    # -- metrics ------------------------------------------------------------------------------
    @abstractmethod
    async def add_metrics(self, node_run: NodeRun, points: Sequence[MetricPoint]) -> None:
        """Append metric points reported by ``node_run``, in order."""

    @abstractmethod
    async def get_metrics(self, run_id: str) -> list[MetricSeries]:
        """Every metric series of a run's node runs (empty for a run without metrics)."""

    @abstractmethod
    async def count_metric_points(self, node_run_id: str) -> int:
        """How many metric points ``node_run_id`` has reported."""

    # -- sweeps -------------------------------------------------------------------------------
    @abstractmethod
    async def create_sweep(self, sweep: Sweep) -> None:
        """Insert a new sweep; :class:`~plynx.errors.Conflict` if the id exists."""

    @abstractmethod
    async def get_sweep(self, sweep_id: str) -> Sweep:
        """The sweep with this id."""

    @abstractmethod
    async def list_sweeps(
        self, *, graph_id: str | None = None, offset: int = 0, limit: int = 50
    ) -> Page[Sweep]:
        """Sweeps, newest first (only those of ``graph_id`` if given)."""

    # -- cache --------------------------------------------------------------------------------
    @abstractmethod
    async def get_cache_entry(self, key: str) -> CacheEntry | None:
        """The cache entry for ``key``, or ``None``."""

    async def get_cache_entries(self, keys: Sequence[str]) -> dict[str, CacheEntry]:
        """The entries for those of ``keys`` that exist. Backends may override with one query."""
        found: dict[str, CacheEntry] = {}
        for key in keys:
            entry = await self.get_cache_entry(key)
            if entry is not None:
                found[key] = entry
        return found

    @abstractmethod
    async def delete_cache_entries(self, keys: Sequence[str] | None = None) -> int:
        """Delete these entries (all when ``keys`` is ``None``); returns how many went."""

    @abstractmethod
    async def list_cache_entries(self, *, offset: int = 0, limit: int = 50) -> Page[CacheEntry]:
        """Cache entries, newest first."""

    # -- artifacts ----------------------------------------------------------------------------
    @abstractmethod
    async def put_artifact_meta(self, meta: ArtifactMeta) -> None:
        """Record an artifact (an existing sha256 is kept as it is)."""

    @abstractmethod
    async def get_artifact_meta(self, sha256: str) -> ArtifactMeta:
        """What is known of an artifact."""

    @abstractmethod
    async def list_artifact_meta(self, *, offset: int = 0, limit: int = 50) -> Page[ArtifactMeta]:
        """Artifacts, newest first."""

    @abstractmethod
    async def delete_artifact_meta(self, sha256s: Sequence[str]) -> int:
        """Forget these artifacts (their bytes are the artifact store's business); returns how
        many records went."""

    # -- users and tokens ---------------------------------------------------------------------
    @abstractmethod
    async def put_user(self, user: User) -> None:
        """Insert or replace a user."""

    @abstractmethod
    async def get_user(self, name: str) -> User:
        """The user with this name."""

    @abstractmethod
    async def list_users(self) -> list[User]:
        """All users by name."""

    @abstractmethod
    async def put_token(self, token: Token) -> None:
        """Insert or replace a token."""

    @abstractmethod
    async def get_token(self, token_id: str) -> Token:
        """The token with this id."""

    @abstractmethod
    async def list_tokens(self) -> list[Token]:
        """All tokens, oldest first."""

    @abstractmethod
    async def mark_token_used(self, token_id: str, when: datetime) -> None:
        """Set the token's ``last_used_at`` to ``when``, and nothing else of it (a token
        revoked meanwhile stays revoked); an unknown token is left alone."""

    # -- audit trail --------------------------------------------------------------------------
    @abstractmethod
    async def add_audit_events(self, events: Sequence[AuditEvent]) -> None:
        """Record audit events, in one write. An event whose id is already stored is kept as
        it is, so a batch whose write may or may not have landed can be written again."""

    @abstractmethod
    async def list_audit_events(
        self, where: AuditFilter | None = None, *, offset: int = 0, limit: int = 50
    ) -> Page[AuditEvent]:
        """Audit events matching ``where`` (all when ``None``), newest first (events at the
        same instant: the last recorded first)."""

    # -- sessions -----------------------------------------------------------------------------
    @abstractmethod
    async def put_session(self, session: Session) -> None:
        """Insert a session (its ``id`` is the SHA-256 of the cookie's secret)."""

    @abstractmethod
    async def get_session(self, session_id: str) -> Session:
        """The session with this id (expired or not: the caller decides)."""

    @abstractmethod
    async def delete_sessions(
        self,
        *,
        session_id: str | None = None,
        user: str | None = None,
        expired_at: datetime | None = None,
    ) -> int:
        """Delete the session ``session_id``, every session of ``user``, and/or every session
        expired at ``expired_at`` (the filters given must all hold; at least one is needed);
        returns how many went."""

    # -- workers ------------------------------------------------------------------------------
    @abstractmethod
    async def put_worker(self, worker: WorkerRecord) -> None:
        """Insert or replace a worker record."""

    @abstractmethod
    async def list_workers(self) -> list[WorkerRecord]:
        """Workers seen, by id."""
