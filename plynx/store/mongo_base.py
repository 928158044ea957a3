"""Plumbing of the MongoDB store: connecting, translating driver errors, and the generic reads
and writes its methods are made of (see :mod:`plynx.store.mongo` for the store itself).

Every driver call runs inside :meth:`MongoBase._driver`, which turns PyMongo's and BSON's errors
into :class:`~plynx.errors.StoreError` (naming the server, password redacted) or, for a
duplicate id, :class:`~plynx.errors.Conflict`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlsplit

import pydantic
from bson.errors import BSONError
from pydantic import BaseModel
from pymongo import AsyncMongoClient
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import BulkWriteError, ConnectionFailure, DuplicateKeyError, PyMongoError

from plynx.errors import Conflict, InvalidInput, NotFound, StoreError
from plynx.model import Page
from plynx.store.base import parse_document
from plynx.store.mongo_docs import Doc, InsertOrder, text_size

__all__ = [
    "DEFAULT_DATABASE",
    "SERVER_SELECTION_TIMEOUT_MS",
    "Collection",
    "MongoBase",
    "Session",
    "check_page",
    "database_name",
    "in_chunks",
    "redact",
]

M = TypeVar("M", bound=BaseModel)
Collection = AsyncCollection[Doc]
#: A session in a transaction, or ``None`` where the server has no transactions.
Session = AsyncClientSession | None

DEFAULT_DATABASE = "plynx"
SERVER_SELECTION_TIMEOUT_MS = 3000
_DUPLICATE_KEY = 11000
# Keys per query of a lookup by many ids: well below the 16 MB command size limit.
_IN_CHUNK = 1000
_DRIVER_ERRORS = (PyMongoError, BSONError)
# user:password@ in the authority of a URL (the last @ ends it: a password may hold an @).
_PASSWORD = re.compile(r"^([^:/?#]+://[^:/?#@]*):[^/?#]*@")


def redact(url: str) -> str:
    """``url`` with its password replaced by ``***`` (for messages and logs); works on URLs
    that do not parse, too."""
    return _PASSWORD.sub(r"\1:***@", url)


def database_name(url: str) -> str:
    """The database named by the path of ``url`` (``plynx`` when there is none)."""
    try:
        name = urlsplit(url).path.lstrip("/")
    except ValueError as exc:
        raise StoreError(
            f"{redact(url)!r} is not a MongoDB URL ({exc}): use mongodb://user@host:27017/dbname"
        ) from exc
    return name or DEFAULT_DATABASE


def _has_option(url: str, option: str) -> bool:
    return any(key.lower() == option.lower() for key, _ in parse_qsl(urlsplit(url).query))


def _reason(exc: BaseException) -> str:
    """The driver's message without its topology dump and timeout settings."""
    text = str(exc).split(", Timeout: ", 1)[0]
    return re.sub(r" \(configured timeouts: [^)]*\)", "", text)


def _is_duplicate(exc: BaseException) -> bool:
    if isinstance(exc, DuplicateKeyError):
        return True
    if isinstance(exc, BulkWriteError):
        return any(e.get("code") == _DUPLICATE_KEY for e in exc.details.get("writeErrors", []))
    return False


def in_chunks(keys: Sequence[str]) -> list[list[str]]:
    """``keys`` without repeats, in lists short enough for one ``$in`` query each."""
    unique = list(dict.fromkeys(keys))
    return [unique[i : i + _IN_CHUNK] for i in range(0, len(unique), _IN_CHUNK)]


def check_page(offset: int, limit: int) -> None:
    """Refuse a negative offset or limit with :class:`InvalidInput`."""
    if offset < 0 or limit < 0:
        raise InvalidInput(f"offset ({offset}) and limit ({limit}) must not be negative")


class MongoBase:
    """A client for one MongoDB database, opened from a ``mongodb://`` URL, with the helpers the
    store's methods are made of."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.database = database_name(url)
        self._client: AsyncMongoClient[Doc] | None = None
        self._transactions = False
        self._order = InsertOrder()

    @property
    def location(self) -> str:
        """The database for messages: ``name at url`` with the password redacted."""
        return f"{self.database!r} at {redact(self.url)}"

    # -- plumbing -------------------------------------------------------------------------------
    def _error(self, doing: str, exc: BaseException, duplicate: str | None) -> Exception:
        if duplicate is not None and _is_duplicate(exc):
            return Conflict(duplicate)
        if isinstance(exc, ConnectionFailure):
            return StoreError(
                f"cannot {doing}: MongoDB at {redact(self.url)} is not reachable "
                f"({_reason(exc)}); check that it is running and that the URL is right"
            )
        return StoreError(f"MongoDB failed to {doing} in the database {self.location}: {exc}")

    @contextmanager
    def _driver(self, doing: str, duplicate: str | None = None) -> Iterator[None]:
        """Translate driver errors raised inside (a duplicate key becomes :class:`Conflict`
        with the message ``duplicate``, if given)."""
        try:
            yield
        except _DRIVER_ERRORS as exc:
            raise self._error(doing, exc, duplicate) from exc

    def _db(self, doing: str) -> AsyncDatabase[Doc]:
        if self._client is None:
            raise StoreError(f"cannot {doing}: the store {redact(self.url)} is not open")
        return self._client[self.database]

    def _collection(self, name: str, doing: str) -> Collection:
        return self._db(doing)[name]

    async def _atomically(
        self,
        doing: str,
        write: Callable[[Session], Awaitable[None]],
        duplicate: str | None = None,
    ) -> None:
        """Run ``write`` in a transaction where the server has them, else without a session."""
        client = self._client
        if client is None:
            raise StoreError(f"cannot {doing}: the store {redact(self.url)} is not open")
        with self._driver(doing, duplicate):
            if not self._transactions:
                await write(None)
                return
            async with client.start_session() as session:
                await session.with_transaction(write)

    @staticmethod
    def _parse(model: type[M], docs: Sequence[Mapping[str, Any]], doing: str) -> list[M]:
        try:
            return [model.model_validate_json(doc["doc"]) for doc in docs]
        except (pydantic.ValidationError, KeyError, TypeError) as exc:
            raise StoreError(f"a stored document is invalid ({doing}): {exc}") from exc

    async def _find(
        self,
        model: type[M],
        name: str,
        doing: str,
        query: Doc,
        sort: list[tuple[str, int]],
    ) -> list[M]:
        coll = self._collection(name, doing)
        with self._driver(doing):
            docs = await coll.find(query, {"doc": 1}).sort(sort).to_list(None)
        return self._parse(model, docs, doing)

    async def _one(self, model: type[M], what: str, name: str, ident: str) -> M:
        doing = f"read {what} {ident!r}"
        coll = self._collection(name, doing)
        with self._driver(doing):
            found = await coll.find_one({"_id": ident}, {"doc": 1})
        if found is None:
            raise NotFound(what, ident)
        parse = functools.partial(self._parse, model, [found], doing)
        return (await parse_document(parse, text_size(found)))[0]

    async def _page_docs(
        self,
        name: str,
        query: Doc,
        sort: list[tuple[str, int]],
        offset: int,
        limit: int,
        projection: Doc,
    ) -> tuple[int, list[Doc]]:
        check_page(offset, limit)
        doing = f"list {name}"
        coll = self._collection(name, doing)
        with self._driver(doing):
            total = await coll.count_documents(query)
            docs: list[Doc] = []
            # MongoDB reads a limit of 0 as "no limit".
            if limit and offset < total:
                cursor = coll.find(query, projection).sort(sort).skip(offset).limit(limit)
                docs = await cursor.to_list(None)
        return total, docs

    async def _page(
        self,
        model: type[M],
        name: str,
        query: Doc,
        sort: list[tuple[str, int]],
        offset: int,
        limit: int,
    ) -> Page[M]:
        total, docs = await self._page_docs(name, query, sort, offset, limit, {"doc": 1})
        parse = functools.partial(self._parse, model, docs, f"list {name}")
        items = await parse_document(parse, sum(text_size(doc) for doc in docs))
        return Page(items=items, total=total, offset=offset, limit=limit)

    async def _insert(self, name: str, ident: str, fields: Doc, what: str) -> None:
        doing = f"create {what} {ident!r}"
        coll = self._collection(name, doing)
        with self._driver(doing, duplicate=f"{what} {ident!r} already exists"):
            await coll.insert_one({"_id": ident, "seq": self._order.next(), **fields})

    async def _replace(self, name: str, ident: str, fields: Doc, what: str) -> None:
        doing = f"update {what} {ident!r}"
        coll = self._collection(name, doing)
        with self._driver(doing):
            result = await coll.update_one({"_id": ident}, {"$set": fields})
        if not result.matched_count:
            raise NotFound(what, ident)

    async def _upsert(self, name: str, ident: str, fields: Doc, doing: str) -> None:
        """Insert or replace, keeping the place (``seq``) of an existing document."""
        coll = self._collection(name, doing)
        update = {"$set": fields, "$setOnInsert": {"seq": self._order.next()}}
        with self._driver(doing):
            await coll.update_one({"_id": ident}, update, upsert=True)

    async def _connect(self) -> AsyncMongoClient[Doc]:
        """A client whose server has answered a ping; notes whether it has transactions."""
        options: dict[str, Any] = {"appname": "plynx"}
        if not _has_option(self.url, "serverSelectionTimeoutMS"):
            options["serverSelectionTimeoutMS"] = SERVER_SELECTION_TIMEOUT_MS
        with self._driver("connect"):
            client: AsyncMongoClient[Doc] = AsyncMongoClient(self.url, **options)
        try:
            with self._driver("connect"):
                await client.admin.command("ping")
                hello = await client.admin.command("hello")
        except StoreError:
            await client.close()
            raise
        except Exception as exc:
            # A server that only speaks part of the protocol can trip the driver itself (e.g.
            # answering an authentication step with a reply it cannot parse).
            await client.close()
            raise StoreError(
                f"cannot connect to MongoDB at {redact(self.url)}: the server's answer was not "
                f"understood ({type(exc).__name__}: {exc})"
            ) from exc
        except BaseException:
            await client.close()
            raise
        # Transactions need a replica set member or a mongos.
        self._transactions = "setName" in hello or hello.get("msg") == "isdbgrid"
        return client
