"""The server store: PostgreSQL through an asyncpg connection pool, opened from a
``postgresql://`` URL whose pool parameters (``?pool_min=1&pool_max=10``) are described in
:mod:`plynx.store.postgres_pool`.

Documents are kept whole as ``json``, beside indexed columns for what is filtered and ordered
(see :mod:`plynx.store.postgres_schema`; the schema is created or migrated on open). Writes that
touch several rows (:meth:`PostgresStore.apply`, :meth:`PostgresStore.create_run`) are one
statement each, so one round trip and one transaction however many rows they hold.

Driver and network errors leave this module as :class:`~plynx.errors.StoreError`, naming the
database with its password redacted; a duplicate id is :class:`~plynx.errors.Conflict`. A read
on a connection the server dropped is tried once more on a fresh one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

import asyncpg
import pydantic
import pydantic_core
from pydantic import BaseModel

from plynx.errors import Conflict, InvalidInput, NotFound, StoreError
from plynx.model import (
    ArtifactMeta,
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
from plynx.store.base import MANY_DOCUMENTS, Batch, Store, large_graph, parse_document
from plynx.store.postgres_audit import PostgresAudit
from plynx.store.postgres_experiments import PostgresExperiments
from plynx.store.postgres_pool import CONNECTION_LOST, DRIVER_ERRORS, PostgresURL, create_pool
from plynx.store.postgres_rows import (
    APPLY,
    CREATE_RUN,
    Where,
    apply_params,
    doc,
    graph_row,
    instant,
    node_run_columns,
    operation_row,
    run_row,
)
from plynx.store.postgres_schema import OUTPUT_DIGESTS, migrate, read_version

__all__ = ["PostgresStore"]

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)
#: An ``asyncpg.Record``: indexable by position.
Row = Sequence[Any]

_CLOSE_TIMEOUT = 10.0
# A run in a listing carries its graph's metadata only: a snapshot can be megabytes.
# Rebuilt with json_each / json_object_agg, which keep the order of keys and the text of values.
# Those functions refuse a document holding an escaped NUL: such a (rare) one is sent whole and
# trimmed by list_runs itself.
_GRAPH_SUMMARY = (
    "CASE WHEN strpos(doc::text, '\\u0000') > 0 THEN json_build_object('graph', doc) ELSE "
    "json_build_object('summary', (SELECT json_object_agg(key, value) FROM ("
    "SELECT key, value FROM json_each(doc) WHERE key NOT IN ('nodes', 'edges', 'parameters') "
    "UNION ALL SELECT 'node_count', to_json(coalesce(json_array_length(doc -> 'nodes'), 0)) "
    "UNION ALL SELECT 'edge_count', to_json(coalesce(json_array_length(doc -> 'edges'), 0))"
    ") AS f)) END"
)
_GRAPH_ORDER = "updated_at DESC NULLS LAST, pos DESC"


class _ListedGraph(BaseModel):
    """A row of :data:`_GRAPH_SUMMARY`: the summary, or the whole graph."""

    summary: GraphSummary | None = None
    graph: Graph | None = None

    def summarized(self) -> GraphSummary:
        if self.summary is not None:
            return self.summary
        if self.graph is None:
            raise StoreError("a listed graph came back with neither its summary nor itself")
        return GraphSummary.of(self.graph)


_RUN_WITHOUT_GRAPH = (
    "CASE WHEN strpos(doc::text, '\\u0000') > 0 THEN doc ELSE "
    "(SELECT json_object_agg(key, CASE WHEN key = 'graph' THEN (SELECT json_object_agg(k, v) "
    "FROM json_each(value) AS g(k, v) WHERE k NOT IN ('nodes', 'edges')) ELSE value END) "
    "FROM json_each(doc)) END"
)


def _count(status: str) -> int:
    """The row count of a command status such as ``UPDATE 3``."""
    return int(status.rsplit(" ", 1)[-1])


def _check_page(offset: int, limit: int) -> None:
    if offset < 0 or limit < 0:
        raise InvalidInput(f"offset ({offset}) and limit ({limit}) must not be negative")


class PostgresStore(PostgresExperiments, PostgresAudit, Store):
    """The :class:`Store` on a PostgreSQL database, opened from a ``postgresql://`` URL (see
    :mod:`plynx.store.postgres_pool` for its pool parameters). The database must exist; the
    schema is created in it on first open."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.config = PostgresURL.parse(url)
        self.shown = self.config.shown
        self._pool: Any = None  # asyncpg.Pool

    def __repr__(self) -> str:
        return f"PostgresStore({self.shown!r})"

    # -- plumbing -------------------------------------------------------------------------------
    @contextmanager
    def _translate(self, doing: str, duplicate: str | None = None) -> Iterator[None]:
        """Driver errors inside become :class:`StoreError` (a unique key violation becomes
        :class:`Conflict` with the message ``duplicate``, if given)."""
        try:
            yield
        except asyncpg.UniqueViolationError as exc:
            if duplicate is not None:
                raise Conflict(duplicate) from exc
            raise StoreError(f"PostgreSQL failed to {doing} in {self.shown}: {exc}") from exc
        except DRIVER_ERRORS as exc:
            reason = str(exc) or type(exc).__name__
            if isinstance(exc, CONNECTION_LOST):
                reason = f"the connection was lost ({reason}); the next call reconnects"
            raise StoreError(f"PostgreSQL failed to {doing} in {self.shown}: {reason}") from exc

    def _open_pool(self, doing: str) -> Any:
        if self._pool is None:
            raise StoreError(f"cannot {doing}: the store {self.shown} is not open")
        return self._pool

    async def _fetch(self, doing: str, sql: str, *args: Any) -> list[Row]:
        """Rows of a read, tried a second time on a fresh connection if the first one was
        lost (reads are safe to repeat; writes are left to the caller, e.g. the engine)."""
        pool = self._open_pool(doing)
        with self._translate(doing):
            try:
                rows: list[Row] = await pool.fetch(sql, *args)
            except CONNECTION_LOST as exc:
                logger.warning("%s: connection lost (%s); trying again", self.shown, exc)
                rows = await pool.fetch(sql, *args)
        return rows

    async def _execute(self, doing: str, sql: str, *args: Any, duplicate: str | None = None) -> int:
        """One write statement; the number of rows it changed."""
        pool = self._open_pool(doing)
        with self._translate(doing, duplicate):
            try:
                status: str = await pool.execute(sql, *args)
            except asyncpg.InternalClientError as exc:
                if "cannot switch to state" not in str(exc):
                    raise
                # asyncpg refused to send on a connection that is going away (the statement
                # never left), so it is safe to send it again on a fresh one.
                logger.warning("%s: connection lost (%s); trying again", self.shown, exc)
                status = await pool.execute(sql, *args)
        return _count(status)

    @staticmethod
    def _parse(model: type[M], docs: Sequence[str], doing: str) -> list[M]:
        try:
            return [model.model_validate_json(text) for text in docs]
        except pydantic.ValidationError as exc:
            raise StoreError(f"a stored document is invalid ({doing}): {exc}") from exc

    async def _one(self, model: type[M], what: str, sql: str, ident: str) -> M:
        doing = f"read {what} {ident!r}"
        rows = await self._fetch(doing, sql, ident)
        if not rows:
            raise NotFound(what, ident)
        text = rows[0][0]
        return (await parse_document(lambda: self._parse(model, [text], doing), len(text)))[0]

    async def _all(self, model: type[M], sql: str, doing: str) -> list[M]:
        rows = await self._fetch(doing, sql)
        return self._parse(model, [row[0] for row in rows], doing)

    async def _page(
        self,
        model: type[M],
        table: str,
        where: Where,
        order: str,
        offset: int,
        limit: int,
        column: str = "doc",
    ) -> Page[M]:
        """One statement (one snapshot) for the total and the page."""
        _check_page(offset, limit)
        clause, n = where.sql(), len(where.params)
        sql = (
            f"SELECT (SELECT count(*) FROM {table}{clause}), "
            f"array(SELECT {column} FROM {table}{clause} ORDER BY {order} "
            f"LIMIT ${n + 1} OFFSET ${n + 2})"
        )
        doing = f"list {table}"
        rows = await self._fetch(doing, sql, *where.params, limit, offset)
        total, docs = rows[0]
        size = sum(len(doc) for doc in docs)
        items = await parse_document(lambda: self._parse(model, docs, doing), size)
        return Page(items=items, total=int(total), offset=offset, limit=limit)

    # -- life cycle -----------------------------------------------------------------------------
    async def open(self) -> None:
        """Open the pool, then create or migrate the schema."""
        if self._pool is not None:
            return
        pool = await create_pool(self.config)
        try:
            with self._translate("set up the database"):
                async with pool.acquire() as conn:
                    await migrate(conn, self.shown)
        except BaseException:
            pool.terminate()
            raise
        self._pool = pool

    async def close(self) -> None:
        """Close the pool, waiting a little for queries in flight (safe to call twice)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        try:
            await asyncio.wait_for(pool.close(), _CLOSE_TIMEOUT)
        except TimeoutError:
            pool.terminate()
        except DRIVER_ERRORS as exc:
            pool.terminate()
            raise StoreError(f"closing the pool of {self.shown} failed: {exc}") from exc

    async def schema_version(self) -> int:
        """The version in the ``meta`` table."""
        doing = "read the schema version"
        pool = self._open_pool(doing)
        with self._translate(doing):
            async with pool.acquire() as conn:
                return await read_version(conn)

    # -- operations -----------------------------------------------------------------------------
    async def create_operation(self, operation: Operation) -> None:
        """Insert a new operation; :class:`Conflict` if the id exists."""
        sql = (
            "INSERT INTO operations (id, kind, status, author, created_at, updated_at, "
            "search_text, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        )
        await self._execute(
            f"create operation {operation.id!r}",
            sql,
            *operation_row(operation),
            duplicate=f"operation {operation.id!r} already exists",
        )

    async def get_operation(self, operation_id: str) -> Operation:
        """The operation with this id."""
        sql = "SELECT doc FROM operations WHERE id = $1"
        return await self._one(Operation, "operation", sql, operation_id)

    async def delete_operation(self, operation_id: str) -> None:
        """Remove an operation; :class:`NotFound` if there is none."""
        sql = "DELETE FROM operations WHERE id = $1"
        if not await self._execute(f"delete operation {operation_id!r}", sql, operation_id):
            raise NotFound("operation", operation_id)

    async def update_operation(self, operation: Operation) -> None:
        """Replace a stored operation; :class:`NotFound` if there is none."""
        sql = (
            "UPDATE operations SET kind = $2, status = $3, author = $4, created_at = $5, "
            "updated_at = $6, search_text = $7, doc = $8 WHERE id = $1"
        )
        doing = f"update operation {operation.id!r}"
        if not await self._execute(doing, sql, *operation_row(operation)):
            raise NotFound("operation", operation.id)

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
        """Operations, newest first, filtered and searched."""
        where = Where().eq("kind", kind).eq("status", status).eq("author", author).search(query)
        order = "created_at DESC NULLS LAST, pos DESC"
        return await self._page(Operation, "operations", where, order, offset, limit)

    # -- graphs ---------------------------------------------------------------------------------
    async def create_graph(self, graph: Graph) -> None:
        """Insert a new graph; :class:`Conflict` if the id exists."""
        sql = (
            "INSERT INTO graphs (id, author, created_at, updated_at, search_text, deleted_at, doc) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7)"
        )
        await self._execute(
            f"create graph {graph.id!r}",
            sql,
            *await large_graph(graph, graph_row),
            duplicate=f"graph {graph.id!r} already exists",
        )

    async def get_graph(self, graph_id: str) -> Graph:
        """The graph with this id."""
        return await self._one(Graph, "graph", "SELECT doc FROM graphs WHERE id = $1", graph_id)

    async def update_graph(self, graph: Graph) -> None:
        """Replace a stored graph; :class:`NotFound` if there is none."""
        sql = (
            "UPDATE graphs SET author = $2, created_at = $3, updated_at = $4, "
            "search_text = $5, deleted_at = $6, doc = $7 WHERE id = $1"
        )
        row = await large_graph(graph, graph_row)
        if not await self._execute(f"update graph {graph.id!r}", sql, *row):
            raise NotFound("graph", graph.id)

    async def list_graphs(
        self,
        *,
        query: str | None = None,
        author: str | None = None,
        include_deleted: bool = False,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[Graph]:
        """Graphs, most recently updated first."""
        where = Where().eq("author", author).search(query).live(include_deleted)
        return await self._page(Graph, "graphs", where, _GRAPH_ORDER, offset, limit)

    async def list_graph_summaries(
        self,
        *,
        query: str | None = None,
        author: str | None = None,
        include_deleted: bool = False,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[GraphSummary]:
        """Graphs as summaries, most recently updated first (counted by PostgreSQL; a graph
        whose text holds a ``\\u0000`` escape, which its JSON functions refuse, is read whole)."""
        where = Where().eq("author", author).search(query).live(include_deleted)
        page = await self._page(
            _ListedGraph, "graphs", where, _GRAPH_ORDER, offset, limit, _GRAPH_SUMMARY
        )
        items = [listed.summarized() for listed in page.items]
        return Page(items=items, total=page.total, offset=offset, limit=limit)

    # -- runs -----------------------------------------------------------------------------------
    async def create_run(self, run: Run, node_runs: Sequence[NodeRun]) -> None:
        """Insert a run and its node runs in one statement; :class:`Conflict` if an id exists.
        The documents are serialised in a thread (a large run takes a while; nobody changes a
        new run yet)."""
        params = await asyncio.to_thread(lambda: [*run_row(run), *node_run_columns(node_runs)])
        await self._execute(
            f"create run {run.id!r}",
            CREATE_RUN,
            *params,
            duplicate=f"run {run.id!r} or one of its node runs already exists",
        )

    async def get_run(self, run_id: str) -> Run:
        """The run with this id."""
        return await self._one(Run, "run", "SELECT doc FROM runs WHERE id = $1", run_id)

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
        """Runs, newest first, without their graph's nodes and edges."""
        where = Where().eq("status", status).eq("graph_id", graph_id).eq("author", author)
        where.live(include_deleted)
        order = "created_at DESC, pos DESC"
        page = await self._page(Run, "runs", where, order, offset, limit, _RUN_WITHOUT_GRAPH)
        for listed in page.items:
            listed.graph.nodes, listed.graph.edges = [], []
        return page

    async def list_unfinished_runs(self) -> list[Run]:
        """Queued and running runs, oldest first."""
        sql = "SELECT doc FROM runs WHERE status IN ('queued', 'running') ORDER BY created_at, pos"
        return await self._all(Run, sql, "list unfinished runs")

    async def get_node_runs(self, run_id: str) -> list[NodeRun]:
        """The node runs of a run in the order they were created; :class:`NotFound` for an
        unknown run."""
        # One query tells both: no row means no run, one row with a NULL doc means no nodes.
        sql = (
            "SELECT n.doc FROM runs r LEFT JOIN node_runs n ON n.run_id = r.id "
            "WHERE r.id = $1 ORDER BY n.pos"
        )
        doing = f"read the node runs of run {run_id!r}"
        rows = await self._fetch(doing, sql, run_id)
        if not rows:
            raise NotFound("run", run_id)
        docs = [row[0] for row in rows if row[0] is not None]
        if len(docs) >= MANY_DOCUMENTS:  # a thread lets the loop run between two documents
            return await asyncio.to_thread(self._parse, NodeRun, docs, doing)
        return self._parse(NodeRun, docs, doing)

    async def count_node_runs(self, run_ids: Sequence[str]) -> dict[str, dict[str, int]]:
        """Node-run status counts per run, in one grouped query."""
        ids = list(run_ids)
        counts: dict[str, dict[str, int]] = {run_id: {} for run_id in ids}
        if ids:
            sql = (
                "SELECT run_id, status, count(*) FROM node_runs WHERE run_id = ANY($1::text[]) "
                "GROUP BY run_id, status"
            )
            for run_id, status, count in await self._fetch("count node runs", sql, ids):
                counts[run_id][status] = int(count)
        return counts

    async def get_node_run(self, node_run_id: str) -> NodeRun:
        """One node run."""
        sql = "SELECT doc FROM node_runs WHERE id = $1"
        return await self._one(NodeRun, "node run", sql, node_run_id)

    async def node_runs_with_output(self, sha256: str, limit: int = 100) -> list[NodeRun]:
        """Node runs with ``sha256`` among their outputs, oldest first (a GIN index on the
        documents' output digests: schema version 3)."""
        sql = (
            f"SELECT doc FROM node_runs WHERE {OUTPUT_DIGESTS} @> $1::text[] ORDER BY pos LIMIT $2"
        )
        doing = f"find the node runs that output {sha256}"
        rows = await self._fetch(doing, sql, [sha256], limit)
        return self._parse(NodeRun, [row[0] for row in rows], doing)

    async def apply(self, batch: Batch) -> None:
        """Upsert runs and node runs and insert cache entries, in one statement.

        Documents are serialised before the first ``await``: the engine keeps mutating its
        objects while the write is in flight, and the call must store their state at the call."""
        if not batch:
            return
        try:
            params = apply_params(batch.runs, batch.node_runs, batch.cache_entries)
        except pydantic_core.PydanticSerializationError as exc:
            raise StoreError(f"cannot serialise a document of the batch: {exc}") from exc
        await self._execute(f"store a batch of {len(batch.node_runs)} node runs", APPLY, *params)

    # -- cache ----------------------------------------------------------------------------------
    async def get_cache_entry(self, key: str) -> CacheEntry | None:
        """The cache entry for ``key``, or ``None``."""
        return (await self.get_cache_entries([key])).get(key)

    async def get_cache_entries(self, keys: Sequence[str]) -> dict[str, CacheEntry]:
        """The entries for those of ``keys`` that exist, in one query."""
        if not keys:
            return {}
        sql = "SELECT doc FROM cache_entries WHERE key = ANY($1::text[])"
        doing = "read cache entries"
        rows = await self._fetch(doing, sql, list(dict.fromkeys(keys)))
        entries = self._parse(CacheEntry, [row[0] for row in rows], doing)
        return {entry.key: entry for entry in entries}

    async def delete_cache_entries(self, keys: Sequence[str] | None = None) -> int:
        """Delete these entries, or all of them; return how many went."""
        if keys is None:
            return await self._execute("delete the cache", "DELETE FROM cache_entries")
        if not keys:
            return 0
        sql = "DELETE FROM cache_entries WHERE key = ANY($1::text[])"
        return await self._execute("delete cache entries", sql, list(keys))

    async def list_cache_entries(self, *, offset: int = 0, limit: int = 50) -> Page[CacheEntry]:
        """Cache entries, newest first."""
        order = "created_at DESC, pos DESC"
        return await self._page(CacheEntry, "cache_entries", Where(), order, offset, limit)

    # -- artifacts ------------------------------------------------------------------------------
    async def put_artifact_meta(self, meta: ArtifactMeta) -> None:
        """Record an artifact; an existing sha256 keeps its first record."""
        sql = (
            "INSERT INTO artifacts (sha256, created_at, doc) VALUES ($1, $2, $3) "
            "ON CONFLICT (sha256) DO NOTHING"
        )
        await self._execute(
            f"record artifact {meta.sha256}", sql, meta.sha256, instant(meta.created_at), doc(meta)
        )

    async def get_artifact_meta(self, sha256: str) -> ArtifactMeta:
        """What is known of an artifact."""
        sql = "SELECT doc FROM artifacts WHERE sha256 = $1"
        return await self._one(ArtifactMeta, "artifact", sql, sha256)

    async def delete_artifact_meta(self, sha256s: Sequence[str]) -> int:
        """Forget these artifacts; return how many records went."""
        if not sha256s:
            return 0
        sql = "DELETE FROM artifacts WHERE sha256 = ANY($1::text[])"
        return await self._execute("delete artifact records", sql, list(sha256s))

    async def list_artifact_meta(self, *, offset: int = 0, limit: int = 50) -> Page[ArtifactMeta]:
        """Artifacts, newest first."""
        order = "created_at DESC, pos DESC"
        return await self._page(ArtifactMeta, "artifacts", Where(), order, offset, limit)

    # -- users and tokens -----------------------------------------------------------------------
    async def put_user(self, user: User) -> None:
        """Insert or replace a user."""
        sql = (
            "INSERT INTO users (name, doc) VALUES ($1, $2) "
            "ON CONFLICT (name) DO UPDATE SET doc = excluded.doc"
        )
        await self._execute(f"store user {user.name!r}", sql, user.name, doc(user))

    async def get_user(self, name: str) -> User:
        """The user with this name."""
        return await self._one(User, "user", "SELECT doc FROM users WHERE name = $1", name)

    async def list_users(self) -> list[User]:
        """All users, by name."""
        return await self._all(User, "SELECT doc FROM users ORDER BY name", "list users")

    async def put_token(self, token: Token) -> None:
        """Insert or replace a token."""
        sql = (
            "INSERT INTO tokens (id, user_name, created_at, doc) VALUES ($1, $2, $3, $4) "
            "ON CONFLICT (id) DO UPDATE SET user_name = excluded.user_name, "
            "created_at = excluded.created_at, doc = excluded.doc"
        )
        row = (token.id, token.user, instant(token.created_at), doc(token))
        await self._execute(f"store token {token.id!r}", sql, *row)

    async def get_token(self, token_id: str) -> Token:
        """The token with this id."""
        return await self._one(Token, "token", "SELECT doc FROM tokens WHERE id = $1", token_id)

    async def list_tokens(self) -> list[Token]:
        """All tokens, oldest first."""
        sql = "SELECT doc FROM tokens ORDER BY created_at, pos"
        return await self._all(Token, sql, "list tokens")

    async def mark_token_used(self, token_id: str, when: datetime) -> None:
        """Set the token's ``last_used_at`` (in its document, in place)."""
        sql = (
            "UPDATE tokens SET doc = jsonb_set(doc::jsonb, '{last_used_at}', to_jsonb($1::text))"
            "::json WHERE id = $2"
        )
        await self._execute(f"mark token {token_id!r} used", sql, when.isoformat(), token_id)

    # -- sessions -------------------------------------------------------------------------------
    async def put_session(self, session: Session) -> None:
        """Insert a session."""
        sql = "INSERT INTO sessions (id, user_name, expires_at, doc) VALUES ($1, $2, $3, $4)"
        row = (session.id, session.user, instant(session.expires_at), doc(session))
        await self._execute("store a session", sql, *row, duplicate="that session already exists")

    async def get_session(self, session_id: str) -> Session:
        """The session with this id."""
        sql = "SELECT doc FROM sessions WHERE id = $1"
        return await self._one(Session, "session", sql, session_id)

    async def delete_sessions(
        self,
        *,
        session_id: str | None = None,
        user: str | None = None,
        expired_at: datetime | None = None,
    ) -> int:
        """Delete the sessions that match every filter given."""
        where = Where().eq("id", session_id).eq("user_name", user)
        if expired_at is not None:
            where.params.append(instant(expired_at))
            where.terms.append(f"expires_at <= ${len(where.params)}")
        if not where.terms:
            raise ValueError("delete_sessions needs a filter")
        sql = f"DELETE FROM sessions{where.sql()}"
        return await self._execute("delete sessions", sql, *where.params)

    # -- workers --------------------------------------------------------------------------------
    async def put_worker(self, worker: WorkerRecord) -> None:
        """Insert or replace a worker record."""
        sql = (
            "INSERT INTO workers (id, doc) VALUES ($1, $2) "
            "ON CONFLICT (id) DO UPDATE SET doc = excluded.doc"
        )
        await self._execute(f"store worker {worker.id!r}", sql, worker.id, doc(worker))

    async def list_workers(self) -> list[WorkerRecord]:
        """Workers seen, by id."""
        return await self._all(WorkerRecord, "SELECT doc FROM workers ORDER BY id", "list workers")
