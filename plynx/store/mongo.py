"""The MongoDB store, through PyMongo's native async client (:class:`pymongo.AsyncMongoClient`).

URL: ``mongodb://user:password@host:27017/dbname?option=value`` (or ``mongodb+srv://``), with any
connection option PyMongo understands. The database is the URL's path (``plynx`` when it has
none). Servers are given ``serverSelectionTimeoutMS=3000`` unless the URL says otherwise, so
an unreachable server is reported in seconds, not half a minute; :meth:`MongoStore.open` pings
it before anything else.

Documents are described in :mod:`plynx.store.mongo_docs`, collections and indexes in
:mod:`plynx.store.mongo_schema` (created or migrated on open), the connection and the generic
reads and writes in :mod:`plynx.store.mongo_base`.

Atomic writes. On a replica set or a sharded cluster (they support transactions)
:meth:`~MongoStore.apply` and :meth:`~MongoStore.create_run` run in one transaction. A standalone
server has none: ``apply`` then sends one ordered ``bulk_write`` of upserts per collection (runs,
node runs, cache entries: three round trips however large the batch), each of which a reader sees
whole on servers that apply a write command as one unit (``nx-27017`` does) but may see half of
on a standalone ``mongod``; ``create_run`` inserts the run first and removes what it inserted if
a node run cannot be. Run MongoDB as a (single-node) replica set for atomic batches. The store
avoids ``$lookup``, ``arrayFilters``, ``$text`` and multi-field ``$group`` keys, which
MongoDB-compatible servers do not all implement faithfully; search is a case-insensitive match
of every word against a stored lower-case text, as in the SQLite store.

Driver and network errors leave this module as :class:`~plynx.errors.StoreError`, naming the
server with its password redacted; a duplicate id is :class:`~plynx.errors.Conflict`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from datetime import datetime

import pydantic
import pydantic_core
from pymongo import UpdateOne
from pymongo.errors import BulkWriteError, PyMongoError

from plynx.errors import NotFound, StoreError
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
    Token,
    User,
    WorkerRecord,
)
from plynx.model import Session as UserSession
from plynx.store.base import MANY_DOCUMENTS, Batch, Store, large_graph, parse_document
from plynx.store.mongo_audit import MongoAudit
from plynx.store.mongo_base import Session, in_chunks, redact
from plynx.store.mongo_docs import (
    Doc,
    artifact_fields,
    cache_fields,
    graph_fields,
    live,
    node_run_fields,
    operation_fields,
    parse_run,
    run_fields,
    text_size,
    token_fields,
    where,
)
from plynx.store.mongo_experiments import MongoExperiments
from plynx.store.mongo_schema import migrate, read_version

__all__ = ["MongoStore"]

_NEWEST_FIRST = [("created_ts", -1), ("seq", -1)]


class MongoStore(MongoExperiments, MongoAudit, Store):
    """The :class:`Store` on one MongoDB database, opened from a ``mongodb://`` URL."""

    def __repr__(self) -> str:
        return f"MongoStore({redact(self.url)!r})"

    # -- life cycle -----------------------------------------------------------------------------
    async def open(self) -> None:
        """Connect, check that the server answers, create or migrate the schema."""
        if self._client is not None:
            return
        client = await self._connect()
        try:
            with self._driver("set up the database"):
                await migrate(client[self.database], self.location)
        except BaseException:
            await client.close()
            raise
        self._client = client

    async def close(self) -> None:
        """Close the client and its connections (safe to call twice)."""
        client, self._client = self._client, None
        if client is not None:
            with self._driver("close the connection"):
                await client.close()

    async def schema_version(self) -> int:
        """The version in the ``meta`` collection."""
        doing = "read the schema version"
        db = self._db(doing)
        with self._driver(doing):
            return await read_version(db)

    # -- operations -----------------------------------------------------------------------------
    async def create_operation(self, operation: Operation) -> None:
        """Insert a new operation; :class:`Conflict` if the id exists."""
        await self._insert("operations", operation.id, operation_fields(operation), "operation")

    async def get_operation(self, operation_id: str) -> Operation:
        """The operation with this id."""
        return await self._one(Operation, "operation", "operations", operation_id)

    async def delete_operation(self, operation_id: str) -> None:
        """Remove an operation; :class:`NotFound` if there is none."""
        doing = f"delete operation {operation_id!r}"
        if not await self._delete_ids(doing, "operations", [operation_id]):
            raise NotFound("operation", operation_id)

    async def update_operation(self, operation: Operation) -> None:
        """Replace a stored operation; :class:`NotFound` if there is none."""
        await self._replace("operations", operation.id, operation_fields(operation), "operation")

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
        match = where(query, kind=kind, status=status, author=author)
        return await self._page(Operation, "operations", match, _NEWEST_FIRST, offset, limit)

    # -- graphs ---------------------------------------------------------------------------------
    async def create_graph(self, graph: Graph) -> None:
        """Insert a new graph; :class:`Conflict` if the id exists."""
        await self._insert("graphs", graph.id, await large_graph(graph, graph_fields), "graph")

    async def get_graph(self, graph_id: str) -> Graph:
        """The graph with this id."""
        return await self._one(Graph, "graph", "graphs", graph_id)

    async def update_graph(self, graph: Graph) -> None:
        """Replace a stored graph; :class:`NotFound` if there is none."""
        await self._replace("graphs", graph.id, await large_graph(graph, graph_fields), "graph")

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
        order = [("updated_ts", -1), ("seq", -1)]
        match = live(where(query, author=author), include_deleted)
        return await self._page(Graph, "graphs", match, order, offset, limit)

    async def list_graph_summaries(
        self,
        *,
        query: str | None = None,
        author: str | None = None,
        include_deleted: bool = False,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[GraphSummary]:
        """Graphs as summaries, most recently updated first (each graph's summary is stored
        beside it; one stored by an older PLynx, without it, is read whole)."""
        order = [("updated_ts", -1), ("seq", -1)]
        match = live(where(query, author=author), include_deleted)
        total, docs = await self._page_docs("graphs", match, order, offset, limit, {"summary": 1})
        items = []
        for doc in docs:
            if isinstance(doc.get("summary"), str):
                try:
                    items.append(GraphSummary.model_validate_json(doc["summary"]))
                except pydantic.ValidationError as exc:
                    raise StoreError(f"a stored graph summary is invalid: {exc}") from exc
            else:
                items.append(GraphSummary.of(await self.get_graph(str(doc["_id"]))))
        return Page(items=items, total=total, offset=offset, limit=limit)

    # -- runs -----------------------------------------------------------------------------------
    def _runs(self, docs: Sequence[Doc], doing: str) -> list[Run]:
        try:
            return [parse_run(doc["doc"], doc.get("graph")) for doc in docs]
        except (pydantic.ValidationError, KeyError, TypeError) as exc:
            raise StoreError(f"a stored document is invalid ({doing}): {exc}") from exc

    async def create_run(self, run: Run, node_runs: Sequence[NodeRun]) -> None:
        """Insert a run and its node runs atomically; :class:`Conflict` if an id exists. The
        documents are serialised in a thread, as the other stores do (a large run takes a
        while; nobody changes a new run yet)."""
        doing = f"create run {run.id!r}"
        first = self._order.next()
        seqs = [self._order.next() for _ in node_runs]  # taken on the loop: in order

        def documents() -> tuple[Doc, list[Doc]]:
            run_doc = {"_id": run.id, "seq": first, **run_fields(run)}
            node_docs = [
                {"_id": nr.id, "seq": seq, **node_run_fields(nr)}
                for nr, seq in zip(node_runs, seqs, strict=True)
            ]
            return run_doc, node_docs

        try:
            run_doc, node_docs = await asyncio.to_thread(documents)
        except pydantic_core.PydanticSerializationError as exc:
            raise StoreError(f"cannot serialise run {run.id!r}: {exc}") from exc
        runs = self._collection("runs", doing)
        nodes = self._collection("node_runs", doing)

        async def write(session: Session) -> None:
            await runs.insert_one(run_doc, session=session)
            if not node_docs:
                return
            try:
                await nodes.insert_many(node_docs, ordered=True, session=session)
            except PyMongoError as exc:
                if session is None:  # no transaction to roll back: undo by hand, if possible
                    done = len(node_docs)
                    if isinstance(exc, BulkWriteError):
                        done = exc.details.get("nInserted", 0)
                    inserted = [doc["_id"] for doc in node_docs[:done]]
                    with contextlib.suppress(PyMongoError):
                        await nodes.delete_many({"_id": {"$in": inserted}, "run_id": run.id})
                        await runs.delete_one({"_id": run.id})
                raise

        duplicate = f"run {run.id!r} or one of its node runs already exists"
        await self._atomically(doing, write, duplicate)

    async def get_run(self, run_id: str) -> Run:
        """The run with this id, with its whole graph snapshot."""
        doing = f"read run {run_id!r}"
        coll = self._collection("runs", doing)
        with self._driver(doing):
            found = await coll.find_one({"_id": run_id}, {"doc": 1, "graph": 1})
        if found is None:
            raise NotFound("run", run_id)
        return (await parse_document(lambda: self._runs([found], doing), text_size(found)))[0]

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
        match = live(where(status=status, graph_id=graph_id, author=author), include_deleted)
        total, docs = await self._page_docs("runs", match, _NEWEST_FIRST, offset, limit, {"doc": 1})
        items = self._runs(docs, "list runs")
        return Page(items=items, total=total, offset=offset, limit=limit)

    async def list_unfinished_runs(self) -> list[Run]:
        """Queued and running runs, oldest first."""
        doing = "list unfinished runs"
        coll = self._collection("runs", doing)
        match = {"status": {"$in": [RunStatus.QUEUED.value, RunStatus.RUNNING.value]}}
        with self._driver(doing):
            cursor = coll.find(match, {"doc": 1, "graph": 1})
            docs = await cursor.sort([("created_ts", 1), ("seq", 1)]).to_list(None)
        return self._runs(docs, doing)

    async def get_node_runs(self, run_id: str) -> list[NodeRun]:
        """The node runs of a run in the order they were created; :class:`NotFound` for an
        unknown run."""
        doing = f"read the node runs of run {run_id!r}"
        nodes = self._collection("node_runs", doing)
        runs = self._collection("runs", doing)
        with self._driver(doing):
            docs = await nodes.find({"run_id": run_id}, {"doc": 1}).sort("seq", 1).to_list(None)
            if not docs and await runs.find_one({"_id": run_id}, {"_id": 1}) is None:
                raise NotFound("run", run_id)
        if len(docs) >= MANY_DOCUMENTS:  # a thread lets the loop run between two documents
            return await asyncio.to_thread(self._parse, NodeRun, docs, doing)
        return self._parse(NodeRun, docs, doing)

    async def count_node_runs(self, run_ids: Sequence[str]) -> dict[str, dict[str, int]]:
        """Node-run status counts per run, from one query (per 1000 runs)."""
        doing = "count node runs"
        coll = self._collection("node_runs", doing)
        counts: dict[str, dict[str, int]] = {run_id: {} for run_id in run_ids}
        for chunk in in_chunks(run_ids):
            match = {"run_id": {"$in": chunk}}
            with self._driver(doing):
                docs = await coll.find(match, {"run_id": 1, "status": 1}).to_list(None)
            for doc in docs:
                per_status = counts[doc["run_id"]]
                per_status[doc["status"]] = per_status.get(doc["status"], 0) + 1
        return counts

    async def node_runs_with_output(self, sha256: str, limit: int = 100) -> list[NodeRun]:
        """Node runs with ``sha256`` among their outputs, oldest first (``outputs`` index)."""
        doing = f"find the node runs that output {sha256}"
        nodes = self._collection("node_runs", doing)
        with self._driver(doing):
            found = nodes.find({"outputs": sha256}, {"doc": 1}).sort("seq", 1).limit(limit)
            docs = await found.to_list(None)
        return self._parse(NodeRun, docs, doing)

    async def get_node_run(self, node_run_id: str) -> NodeRun:
        """One node run."""
        return await self._one(NodeRun, "node run", "node_runs", node_run_id)

    async def apply(self, batch: Batch) -> None:
        """Upsert runs and node runs and insert cache entries: one transaction where the server
        has them, else one ordered bulk write per collection (see the module's docstring).

        Documents are serialised before the first ``await``: the engine keeps mutating its
        objects while the write is in flight, and the call must store their state at the call."""
        if not batch:
            return
        order = self._order
        try:
            runs = [
                UpdateOne(
                    {"_id": run.id},
                    {"$set": run_fields(run), "$setOnInsert": {"seq": order.next()}},
                    upsert=True,
                )
                for run in batch.runs
            ]
            node_runs = [
                UpdateOne(
                    {"_id": nr.id},
                    {"$set": node_run_fields(nr), "$setOnInsert": {"seq": order.next()}},
                    upsert=True,
                )
                for nr in batch.node_runs
            ]
            # An existing key keeps its first entry.
            cache = [
                UpdateOne(
                    {"_id": entry.key},
                    {"$setOnInsert": {"seq": order.next(), **cache_fields(entry)}},
                    upsert=True,
                )
                for entry in batch.cache_entries
            ]
        except pydantic_core.PydanticSerializationError as exc:
            raise StoreError(f"cannot serialise a document of the batch: {exc}") from exc
        doing = f"store a batch of {len(node_runs)} node runs"
        writes = [
            (self._collection(name, doing), ops)
            for name, ops in (("runs", runs), ("node_runs", node_runs), ("cache_entries", cache))
            if ops
        ]

        async def write(session: Session) -> None:
            for coll, ops in writes:
                await coll.bulk_write(ops, ordered=True, session=session)

        await self._atomically(doing, write)

    # -- cache ----------------------------------------------------------------------------------
    async def get_cache_entry(self, key: str) -> CacheEntry | None:
        """The cache entry for ``key``, or ``None``."""
        return (await self.get_cache_entries([key])).get(key)

    async def get_cache_entries(self, keys: Sequence[str]) -> dict[str, CacheEntry]:
        """The entries for those of ``keys`` that exist (one query per 1000 keys)."""
        doing = "read cache entries"
        coll = self._collection("cache_entries", doing)
        docs: list[Doc] = []
        for chunk in in_chunks(keys):
            with self._driver(doing):
                docs.extend(await coll.find({"_id": {"$in": chunk}}, {"doc": 1}).to_list(None))
        return {entry.key: entry for entry in self._parse(CacheEntry, docs, doing)}

    async def delete_cache_entries(self, keys: Sequence[str] | None = None) -> int:
        """Delete these entries, or all of them; return how many went."""
        if keys is None:
            doing = "delete the cache"
            coll = self._collection("cache_entries", doing)
            with self._driver(doing):
                return (await coll.delete_many({})).deleted_count
        return await self._delete_ids("delete cache entries", "cache_entries", keys)

    async def list_cache_entries(self, *, offset: int = 0, limit: int = 50) -> Page[CacheEntry]:
        """Cache entries, newest first."""
        return await self._page(CacheEntry, "cache_entries", {}, _NEWEST_FIRST, offset, limit)

    # -- artifacts ------------------------------------------------------------------------------
    async def put_artifact_meta(self, meta: ArtifactMeta) -> None:
        """Record an artifact; an existing sha256 keeps its first record."""
        doing = f"record artifact {meta.sha256}"
        coll = self._collection("artifacts", doing)
        fields = {"seq": self._order.next(), **artifact_fields(meta)}
        with self._driver(doing):
            await coll.update_one({"_id": meta.sha256}, {"$setOnInsert": fields}, upsert=True)

    async def get_artifact_meta(self, sha256: str) -> ArtifactMeta:
        """What is known of an artifact."""
        return await self._one(ArtifactMeta, "artifact", "artifacts", sha256)

    async def delete_artifact_meta(self, sha256s: Sequence[str]) -> int:
        """Forget these artifacts; return how many records went."""
        return await self._delete_ids("delete artifact records", "artifacts", sha256s)

    async def _delete_ids(self, doing: str, collection: str, ids: Sequence[str]) -> int:
        """Delete the documents of ``collection`` with these ids; how many went."""
        coll = self._collection(collection, doing)
        deleted = 0
        with self._driver(doing):
            for chunk in in_chunks(ids):
                deleted += (await coll.delete_many({"_id": {"$in": chunk}})).deleted_count
        return deleted

    async def list_artifact_meta(self, *, offset: int = 0, limit: int = 50) -> Page[ArtifactMeta]:
        """Artifacts, newest first."""
        return await self._page(ArtifactMeta, "artifacts", {}, _NEWEST_FIRST, offset, limit)

    # -- users and tokens -----------------------------------------------------------------------
    async def put_user(self, user: User) -> None:
        """Insert or replace a user."""
        fields = {"doc": user.model_dump_json()}
        await self._upsert("users", user.name, fields, f"store user {user.name!r}")

    async def get_user(self, name: str) -> User:
        """The user with this name."""
        return await self._one(User, "user", "users", name)

    async def list_users(self) -> list[User]:
        """All users, by name."""
        return await self._find(User, "users", "list users", {}, [("_id", 1)])

    async def put_token(self, token: Token) -> None:
        """Insert or replace a token."""
        await self._upsert("tokens", token.id, token_fields(token), f"store token {token.id!r}")

    async def get_token(self, token_id: str) -> Token:
        """The token with this id."""
        return await self._one(Token, "token", "tokens", token_id)

    async def list_tokens(self) -> list[Token]:
        """All tokens, oldest first."""
        order = [("created_ts", 1), ("seq", 1)]
        return await self._find(Token, "tokens", "list tokens", {}, order)

    async def mark_token_used(self, token_id: str, when: datetime) -> None:
        """Set the token's ``last_used_at``: its document is rewritten only if it is still the
        one read (a token revoked in between stays revoked; this use is then not recorded)."""
        doing = f"mark token {token_id!r} used"
        coll = self._collection("tokens", doing)
        with self._driver(doing):
            found = await coll.find_one({"_id": token_id}, {"doc": 1})
        if found is None:
            return
        token = self._parse(Token, [found], doing)[0]
        new = token.model_copy(update={"last_used_at": when}).model_dump_json()
        with self._driver(doing):
            await coll.update_one({"_id": token_id, "doc": found["doc"]}, {"$set": {"doc": new}})

    # -- sessions -------------------------------------------------------------------------------
    async def put_session(self, session: UserSession) -> None:
        """Insert a session."""
        fields = {
            "user": session.user,
            "expires_ts": session.expires_at.timestamp(),
            "doc": session.model_dump_json(),
        }
        await self._insert("sessions", session.id, fields, "session")

    async def get_session(self, session_id: str) -> UserSession:
        """The session with this id."""
        return await self._one(UserSession, "session", "sessions", session_id)

    async def delete_sessions(
        self,
        *,
        session_id: str | None = None,
        user: str | None = None,
        expired_at: datetime | None = None,
    ) -> int:
        """Delete the sessions that match every filter given."""
        query: Doc = {}
        if session_id is not None:
            query["_id"] = session_id
        if user is not None:
            query["user"] = user
        if expired_at is not None:
            query["expires_ts"] = {"$lte": expired_at.timestamp()}
        if not query:
            raise ValueError("delete_sessions needs a filter")
        doing = "delete sessions"
        coll = self._collection("sessions", doing)
        with self._driver(doing):
            return (await coll.delete_many(query)).deleted_count

    # -- workers --------------------------------------------------------------------------------
    async def put_worker(self, worker: WorkerRecord) -> None:
        """Insert or replace a worker record."""
        fields = {"doc": worker.model_dump_json()}
        await self._upsert("workers", worker.id, fields, f"store worker {worker.id!r}")

    async def list_workers(self) -> list[WorkerRecord]:
        """Workers seen, by id."""
        return await self._find(WorkerRecord, "workers", "list workers", {}, [("_id", 1)])
