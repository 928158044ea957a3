"""The embedded store: SQLite through aiosqlite, in WAL mode, with one connection (one writer).

Every document is kept whole as JSON (``model_dump_json`` / ``model_validate_json``); the
columns beside it exist to filter and order (see :mod:`plynx.store.sqlite_schema`).

Each method is *one* job on the connection's thread: a transaction (``BEGIN`` … ``COMMIT``, or
``ROLLBACK`` on any error) never spans an ``await``. So jobs cannot interleave, a reader never
sees half of a batch, a cancelled caller cannot leave a transaction open, and :meth:`apply`
costs one thread hop whatever the batch holds. Documents are serialised and parsed on the event
loop; the thread only runs SQL. Driver errors leave this module as
:class:`~plynx.errors.StoreError`.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar, cast

import aiosqlite
import pydantic
import pydantic_core
from pydantic import BaseModel

from plynx.errors import Conflict, NotFound, StoreError
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
from plynx.store.sqlite_audit import SQLiteAudit
from plynx.store.sqlite_experiments import SQLiteExperiments
from plynx.store.sqlite_rows import (
    INSERT_CACHE_ENTRY,
    INSERT_NODE_RUN,
    INSERT_RUN,
    UPSERT_NODE_RUN,
    UPSERT_RUN,
    Where,
    cache_row,
    check_page,
    graph_row,
    node_run_row,
    operation_row,
    run_row,
)
from plynx.store.sqlite_schema import migrate

__all__ = ["SQLiteStore", "parse_sqlite_url"]

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")
Rows = list[tuple[Any, ...]]
_MEMORY = ":memory:"
# SQLite allows at least 999 host parameters in one statement on every build.
_IN_CHUNK = 500
# A run in a listing carries its graph's metadata only: a snapshot can be megabytes.
_RUN_WITHOUT_GRAPH = "json_remove(doc, '$.graph.nodes', '$.graph.edges')"
_GRAPH_SUMMARY = (
    "json_set(json_remove(doc, '$.nodes', '$.edges', '$.parameters'), "
    "'$.node_count', coalesce(json_array_length(doc, '$.nodes'), 0), "
    "'$.edge_count', coalesce(json_array_length(doc, '$.edges'), 0))"
)
_GRAPH_ORDER = "updated_ts DESC, rowid DESC"


def parse_sqlite_url(url: str) -> str:
    """The database path in ``url``: ``sqlite:///abs/path.db`` gives ``/abs/path.db``;
    ``sqlite://:memory:`` and ``sqlite:///:memory:`` give ``:memory:``."""
    scheme, sep, rest = url.partition("://")
    if scheme.lower() != "sqlite" or not sep or not rest:
        raise StoreError(f"{url!r} is not a SQLite URL: use sqlite:///path/to/plynx.db")
    rest = rest.split("?", 1)[0]
    if rest in (_MEMORY, "/" + _MEMORY):
        return _MEMORY
    return rest


def _is_duplicate(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.IntegrityError) and "UNIQUE" in str(exc)


def _transaction(fn: Callable[[sqlite3.Connection], R]) -> Callable[[sqlite3.Connection], R]:
    """``fn`` wrapped in ``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error."""

    def run(db: sqlite3.Connection) -> R:
        db.execute("BEGIN IMMEDIATE")
        try:
            result = fn(db)
            db.execute("COMMIT")
        except BaseException:
            db.rollback()
            raise
        return result

    return run


def _in_chunks(keys: Sequence[str]) -> list[list[str]]:
    unique = list(dict.fromkeys(keys))
    return [unique[i : i + _IN_CHUNK] for i in range(0, len(unique), _IN_CHUNK)]


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


class SQLiteStore(SQLiteExperiments, SQLiteAudit, Store):
    """The :class:`Store` on one SQLite file (or ``:memory:``), opened from a ``sqlite://`` URL.

    WAL journal with ``synchronous=NORMAL``: a commit survives a crash of PLynx without an fsync
    per transaction; the parent directory of the file is created if it is missing."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = parse_sqlite_url(url)
        self._conn: aiosqlite.Connection | None = None

    def __repr__(self) -> str:
        return f"SQLiteStore({self.url!r})"

    # -- plumbing -------------------------------------------------------------------------------
    async def _call(
        self,
        doing: str,
        fn: Callable[[sqlite3.Connection], R],
        duplicate: str | None = None,
    ) -> R:
        """Run ``fn`` on the connection's thread as one job, translating driver errors (a unique
        key violation becomes :class:`Conflict` with the message ``duplicate``, if given)."""
        conn = self._conn
        if conn is None:
            raise StoreError(f"cannot {doing}: the store {self.url} is not open")
        try:
            # aiosqlite has no public way to run a function on its thread; ``_execute`` is what
            # its own methods use. One hop per call keeps apply() fast and transactions whole.
            return cast(R, await conn._execute(lambda: fn(conn._conn)))  # type: ignore[no-untyped-call]
        except sqlite3.Error as exc:
            if duplicate is not None and _is_duplicate(exc):
                raise Conflict(duplicate) from exc
            raise StoreError(f"SQLite failed to {doing} in {self.path}: {exc}") from exc
        except ValueError as exc:  # aiosqlite: the connection was closed meanwhile
            raise StoreError(f"cannot {doing}: {exc}") from exc

    async def _write(
        self, doing: str, fn: Callable[[sqlite3.Connection], R], duplicate: str | None = None
    ) -> R:
        """Run ``fn`` in a write transaction."""
        return await self._call(doing, _transaction(fn), duplicate)

    async def _execute(self, doing: str, sql: str, params: Sequence[Any] = ()) -> int:
        """One write statement in a transaction; the number of rows it changed."""
        return await self._write(doing, lambda db: db.execute(sql, params).rowcount)

    async def _fetch(self, doing: str, sql: str, params: Sequence[Any] = ()) -> Rows:
        return await self._call(doing, lambda db: db.execute(sql, params).fetchall())

    @staticmethod
    def _parse(model: type[M], rows: Rows, doing: str) -> list[M]:
        try:
            return [model.model_validate_json(row[0]) for row in rows]
        except pydantic.ValidationError as exc:
            raise StoreError(f"a stored document is invalid ({doing}): {exc}") from exc

    async def _one(self, model: type[M], what: str, sql: str, ident: str) -> M:
        doing = f"read {what} {ident!r}"
        rows = await self._fetch(doing, sql, (ident,))
        if not rows:
            raise NotFound(what, ident)
        parsed = await parse_document(lambda: self._parse(model, rows, doing), len(rows[0][0]))
        return parsed[0]

    async def _all(self, model: type[M], sql: str, doing: str) -> list[M]:
        return self._parse(model, await self._fetch(doing, sql), doing)

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
        check_page(offset, limit)
        clause, params = where.sql(), where.params
        count_sql = f"SELECT COUNT(*) FROM {table}{clause}"
        page_sql = f"SELECT {column} FROM {table}{clause} ORDER BY {order} LIMIT ? OFFSET ?"

        def read(db: sqlite3.Connection) -> tuple[int, Rows]:
            total = db.execute(count_sql, params).fetchone()[0]
            return int(total), db.execute(page_sql, [*params, limit, offset]).fetchall()

        doing = f"list {table}"
        total, rows = await self._call(doing, read)
        size = sum(len(row[0]) for row in rows)
        items = await parse_document(lambda: self._parse(model, rows, doing), size)
        return Page(items=items, total=total, offset=offset, limit=limit)

    # -- life cycle -----------------------------------------------------------------------------
    async def open(self) -> None:
        """Connect, set WAL mode, create or migrate the schema."""
        if self._conn is not None:
            return
        try:
            if self.path != _MEMORY:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            conn = await aiosqlite.connect(self.path, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the SQLite database {self.path}: {exc}") from exc

        def setup(db: sqlite3.Connection) -> None:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            # Other processes (the CLI's admin commands) may hold the write lock for a moment.
            db.execute("PRAGMA busy_timeout = 10000")
            migrate(db, self.path)

        self._conn = conn
        try:
            await self._call("set up the database", setup)
        except BaseException:
            self._conn = None
            await conn.close()
            raise

    async def close(self) -> None:
        """Close the connection (safe to call twice)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                await conn.close()
            except sqlite3.Error as exc:
                raise StoreError(f"closing {self.path} failed: {exc}") from exc

    async def schema_version(self) -> int:
        """The version in the ``meta`` table."""
        sql = "SELECT value FROM meta WHERE key = 'schema_version'"
        rows = await self._fetch("read the schema version", sql)
        return int(rows[0][0]) if rows else 0

    # -- operations -----------------------------------------------------------------------------
    async def create_operation(self, operation: Operation) -> None:
        """Insert a new operation; :class:`Conflict` if the id exists."""
        row = operation_row(operation)
        sql = (
            "INSERT INTO operations (kind, status, author, created_ts, updated_ts, search_text, "
            "doc, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        )
        await self._write(
            f"create operation {operation.id!r}",
            lambda db: db.execute(sql, row),
            duplicate=f"operation {operation.id!r} already exists",
        )

    async def get_operation(self, operation_id: str) -> Operation:
        """The operation with this id."""
        sql = "SELECT doc FROM operations WHERE id = ?"
        return await self._one(Operation, "operation", sql, operation_id)

    async def delete_operation(self, operation_id: str) -> None:
        """Remove an operation; :class:`NotFound` if there is none."""
        doing = f"delete operation {operation_id!r}"
        if not await self._delete_where_in(doing, "operations", "id", [operation_id]):
            raise NotFound("operation", operation_id)

    async def update_operation(self, operation: Operation) -> None:
        """Replace a stored operation; :class:`NotFound` if there is none."""
        sql = (
            "UPDATE operations SET kind = ?, status = ?, author = ?, created_ts = ?, "
            "updated_ts = ?, search_text = ?, doc = ? WHERE id = ?"
        )
        doing = f"update operation {operation.id!r}"
        if not await self._execute(doing, sql, operation_row(operation)):
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
        order = "created_ts DESC, rowid DESC"
        return await self._page(Operation, "operations", where, order, offset, limit)

    # -- graphs ---------------------------------------------------------------------------------
    async def create_graph(self, graph: Graph) -> None:
        """Insert a new graph; :class:`Conflict` if the id exists."""
        row = await large_graph(graph, graph_row)
        sql = (
            "INSERT INTO graphs (author, created_ts, updated_ts, search_text, doc, id) "
            "VALUES (?, ?, ?, ?, ?, ?)"
        )
        await self._write(
            f"create graph {graph.id!r}",
            lambda db: db.execute(sql, row),
            duplicate=f"graph {graph.id!r} already exists",
        )

    async def get_graph(self, graph_id: str) -> Graph:
        """The graph with this id."""
        return await self._one(Graph, "graph", "SELECT doc FROM graphs WHERE id = ?", graph_id)

    async def update_graph(self, graph: Graph) -> None:
        """Replace a stored graph; :class:`NotFound` if there is none."""
        sql = (
            "UPDATE graphs SET author = ?, created_ts = ?, updated_ts = ?, search_text = ?, "
            "doc = ? WHERE id = ?"
        )
        row = await large_graph(graph, graph_row)
        if not await self._execute(f"update graph {graph.id!r}", sql, row):
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
        """Graphs as summaries, most recently updated first (counted by SQLite)."""
        where = Where().eq("author", author).search(query).live(include_deleted)
        return await self._page(
            GraphSummary, "graphs", where, _GRAPH_ORDER, offset, limit, _GRAPH_SUMMARY
        )

    # -- runs -----------------------------------------------------------------------------------
    async def create_run(self, run: Run, node_runs: Sequence[NodeRun]) -> None:
        """Insert a run and its node runs in one transaction; :class:`Conflict` if an id
        exists. The documents are serialised on the connection's thread: a new run is not
        changed by anyone yet, and a large one takes a while."""

        def insert(db: sqlite3.Connection) -> None:
            db.execute(INSERT_RUN, run_row(run))
            db.executemany(INSERT_NODE_RUN, [node_run_row(nr) for nr in node_runs])

        await self._write(
            f"create run {run.id!r}",
            insert,
            duplicate=f"run {run.id!r} or one of its node runs already exists",
        )

    async def get_run(self, run_id: str) -> Run:
        """The run with this id."""
        return await self._one(Run, "run", "SELECT doc FROM runs WHERE id = ?", run_id)

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
        """Runs, newest first."""
        where = Where().eq("status", status).eq("graph_id", graph_id).eq("author", author)
        where.live(include_deleted)
        return await self._page(
            Run, "runs", where, "created_ts DESC, rowid DESC", offset, limit, _RUN_WITHOUT_GRAPH
        )

    async def list_unfinished_runs(self) -> list[Run]:
        """Queued and running runs, oldest first."""
        sql = (
            "SELECT doc FROM runs WHERE status IN ('queued', 'running') ORDER BY created_ts, rowid"
        )
        return await self._all(Run, sql, "list unfinished runs")

    async def get_node_runs(self, run_id: str) -> list[NodeRun]:
        """The node runs of a run in the order they were created; :class:`NotFound` for an
        unknown run."""

        def read(db: sqlite3.Connection) -> Rows | None:
            sql = "SELECT doc FROM node_runs WHERE run_id = ? ORDER BY rowid"
            rows = db.execute(sql, (run_id,)).fetchall()
            if rows or db.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone():
                return rows
            return None  # no such run

        doing = f"read the node runs of run {run_id!r}"
        rows = await self._call(doing, read)
        if rows is None:
            raise NotFound("run", run_id)
        if len(rows) >= MANY_DOCUMENTS:  # a thread lets the loop run between two documents
            return await asyncio.to_thread(self._parse, NodeRun, rows, doing)
        return self._parse(NodeRun, rows, doing)

    async def count_node_runs(self, run_ids: Sequence[str]) -> dict[str, dict[str, int]]:
        """Node-run status counts per run, in one grouped query."""
        ids = list(run_ids)
        marks = ",".join("?" * len(ids))
        sql = (
            f"SELECT run_id, status, COUNT(*) FROM node_runs WHERE run_id IN ({marks}) "
            "GROUP BY run_id, status"
        )
        counts: dict[str, dict[str, int]] = {run_id: {} for run_id in ids}
        if ids:
            for run_id, status, count in await self._fetch("count node runs", sql, ids):
                counts[run_id][status] = int(count)
        return counts

    async def get_node_run(self, node_run_id: str) -> NodeRun:
        """One node run."""
        sql = "SELECT doc FROM node_runs WHERE id = ?"
        return await self._one(NodeRun, "node run", sql, node_run_id)

    async def node_runs_with_output(self, sha256: str, limit: int = 100) -> list[NodeRun]:
        """Node runs with ``sha256`` among their outputs, oldest first (``node_run_outputs``)."""
        sql = (
            "SELECT n.doc FROM node_run_outputs o JOIN node_runs n ON n.id = o.node_run_id "
            "WHERE o.sha256 = ? ORDER BY n.rowid LIMIT ?"
        )
        doing = f"find the node runs that output {sha256}"
        return self._parse(NodeRun, await self._fetch(doing, sql, (sha256, limit)), doing)

    async def apply(self, batch: Batch) -> None:
        """Upsert runs and node runs and insert cache entries, in one transaction.

        Documents are serialised before the first ``await``: the engine keeps mutating its
        objects while the write is in flight, and the call must store their state at the call."""
        if not batch:
            return
        try:
            runs = [run_row(run) for run in batch.runs]
            node_runs = [node_run_row(nr) for nr in batch.node_runs]
            cache = [cache_row(entry) for entry in batch.cache_entries]
        except pydantic_core.PydanticSerializationError as exc:
            raise StoreError(f"cannot serialise a document of the batch: {exc}") from exc

        def write(db: sqlite3.Connection) -> None:
            if runs:
                db.executemany(UPSERT_RUN, runs)
            if node_runs:
                db.executemany(UPSERT_NODE_RUN, node_runs)
            if cache:
                db.executemany(INSERT_CACHE_ENTRY, cache)

        await self._write(f"store a batch of {len(node_runs)} node runs", write)

    # -- cache ----------------------------------------------------------------------------------
    async def get_cache_entry(self, key: str) -> CacheEntry | None:
        """The cache entry for ``key``, or ``None``."""
        return (await self.get_cache_entries([key])).get(key)

    async def get_cache_entries(self, keys: Sequence[str]) -> dict[str, CacheEntry]:
        """The entries for those of ``keys`` that exist (one query per 500 keys)."""
        chunks = _in_chunks(keys)

        def read(db: sqlite3.Connection) -> Rows:
            rows: Rows = []
            for chunk in chunks:
                sql = f"SELECT doc FROM cache_entries WHERE key IN ({_marks(chunk)})"
                rows.extend(db.execute(sql, chunk).fetchall())
            return rows

        doing = "read cache entries"
        rows = await self._call(doing, read) if chunks else []
        return {entry.key: entry for entry in self._parse(CacheEntry, rows, doing)}

    async def delete_cache_entries(self, keys: Sequence[str] | None = None) -> int:
        """Delete these entries, or all of them; return how many went."""
        if keys is None:
            return await self._execute("delete the cache", "DELETE FROM cache_entries")
        return await self._delete_where_in("delete cache entries", "cache_entries", "key", keys)

    async def list_cache_entries(self, *, offset: int = 0, limit: int = 50) -> Page[CacheEntry]:
        """Cache entries, newest first."""
        order = "created_ts DESC, rowid DESC"
        return await self._page(CacheEntry, "cache_entries", Where(), order, offset, limit)

    # -- artifacts ------------------------------------------------------------------------------
    async def put_artifact_meta(self, meta: ArtifactMeta) -> None:
        """Record an artifact; an existing sha256 keeps its first record."""
        sql = (
            "INSERT INTO artifacts (sha256, created_ts, doc) VALUES (?, ?, ?) "
            "ON CONFLICT (sha256) DO NOTHING"
        )
        row = (meta.sha256, meta.created_at.timestamp(), meta.model_dump_json())
        await self._execute(f"record artifact {meta.sha256}", sql, row)

    async def get_artifact_meta(self, sha256: str) -> ArtifactMeta:
        """What is known of an artifact."""
        sql = "SELECT doc FROM artifacts WHERE sha256 = ?"
        return await self._one(ArtifactMeta, "artifact", sql, sha256)

    async def delete_artifact_meta(self, sha256s: Sequence[str]) -> int:
        """Forget these artifacts; return how many records went."""
        return await self._delete_where_in(
            "delete artifact records", "artifacts", "sha256", sha256s
        )

    async def _delete_where_in(
        self, doing: str, table: str, column: str, values: Sequence[str]
    ) -> int:
        """Delete the rows of ``table`` whose ``column`` is one of ``values`` (our own table and
        column names only); how many went."""
        chunks = _in_chunks(values)

        def delete(db: sqlite3.Connection) -> int:
            deleted = 0
            for chunk in chunks:
                sql = f"DELETE FROM {table} WHERE {column} IN ({_marks(chunk)})"
                deleted += db.execute(sql, chunk).rowcount
            return deleted

        return await self._write(doing, delete) if chunks else 0

    async def list_artifact_meta(self, *, offset: int = 0, limit: int = 50) -> Page[ArtifactMeta]:
        """Artifacts, newest first."""
        order = "created_ts DESC, rowid DESC"
        return await self._page(ArtifactMeta, "artifacts", Where(), order, offset, limit)

    # -- users and tokens -----------------------------------------------------------------------
    async def put_user(self, user: User) -> None:
        """Insert or replace a user."""
        sql = (
            "INSERT INTO users (name, doc) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET doc = excluded.doc"
        )
        await self._execute(f"store user {user.name!r}", sql, (user.name, user.model_dump_json()))

    async def get_user(self, name: str) -> User:
        """The user with this name."""
        return await self._one(User, "user", "SELECT doc FROM users WHERE name = ?", name)

    async def list_users(self) -> list[User]:
        """All users, by name."""
        return await self._all(User, "SELECT doc FROM users ORDER BY name", "list users")

    async def put_token(self, token: Token) -> None:
        """Insert or replace a token."""
        sql = (
            "INSERT INTO tokens (id, user, created_ts, doc) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET user = excluded.user, "
            "created_ts = excluded.created_ts, doc = excluded.doc"
        )
        row = (token.id, token.user, token.created_at.timestamp(), token.model_dump_json())
        await self._execute(f"store token {token.id!r}", sql, row)

    async def get_token(self, token_id: str) -> Token:
        """The token with this id."""
        return await self._one(Token, "token", "SELECT doc FROM tokens WHERE id = ?", token_id)

    async def list_tokens(self) -> list[Token]:
        """All tokens, oldest first."""
        sql = "SELECT doc FROM tokens ORDER BY created_ts, rowid"
        return await self._all(Token, sql, "list tokens")

    async def mark_token_used(self, token_id: str, when: datetime) -> None:
        """Set the token's ``last_used_at`` (in its document, in place)."""
        sql = "UPDATE tokens SET doc = json_set(doc, '$.last_used_at', ?) WHERE id = ?"
        await self._execute(f"mark token {token_id!r} used", sql, (when.isoformat(), token_id))

    # -- sessions -------------------------------------------------------------------------------
    async def put_session(self, session: Session) -> None:
        """Insert a session."""
        sql = "INSERT INTO sessions (id, user, expires_ts, doc) VALUES (?, ?, ?, ?)"
        row = (session.id, session.user, session.expires_at.timestamp(), session.model_dump_json())
        await self._write(
            "store a session",
            lambda db: db.execute(sql, row),
            duplicate="that session already exists",
        )

    async def get_session(self, session_id: str) -> Session:
        """The session with this id."""
        sql = "SELECT doc FROM sessions WHERE id = ?"
        return await self._one(Session, "session", sql, session_id)

    async def delete_sessions(
        self,
        *,
        session_id: str | None = None,
        user: str | None = None,
        expired_at: datetime | None = None,
    ) -> int:
        """Delete the sessions that match every filter given."""
        where = Where().eq("id", session_id).eq("user", user)
        if expired_at is not None:
            where.terms.append("expires_ts <= ?")
            where.params.append(expired_at.timestamp())
        if not where.terms:
            raise ValueError("delete_sessions needs a filter")
        return await self._execute(
            "delete sessions", f"DELETE FROM sessions{where.sql()}", where.params
        )

    # -- workers --------------------------------------------------------------------------------
    async def put_worker(self, worker: WorkerRecord) -> None:
        """Insert or replace a worker record."""
        sql = (
            "INSERT INTO workers (id, doc) VALUES (?, ?) "
            "ON CONFLICT (id) DO UPDATE SET doc = excluded.doc"
        )
        await self._execute(
            f"store worker {worker.id!r}", sql, (worker.id, worker.model_dump_json())
        )

    async def list_workers(self) -> list[WorkerRecord]:
        """Workers seen, by id."""
        sql = "SELECT doc FROM workers ORDER BY id"
        return await self._all(WorkerRecord, sql, "list workers")
