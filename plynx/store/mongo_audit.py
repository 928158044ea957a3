"""The audit trail of :class:`~plynx.store.mongo.MongoStore`: the ``audit`` collection (created
by the ``_audit`` migration step), one document per event, ordered by ``at_ts`` then ``seq``."""

from __future__ import annotations

from collections.abc import Sequence

import pydantic_core
from pymongo import ASCENDING, DESCENDING, IndexModel
from pymongo.errors import BulkWriteError

from plynx.errors import StoreError
from plynx.model import AuditEvent, AuditFilter, Page
from plynx.store.mongo_base import MongoBase
from plynx.store.mongo_docs import Doc, where

__all__ = ["AUDIT_INDEXES", "MongoAudit", "audit_query"]

_DUPLICATE_KEY = 11000

#: The ``audit`` collection's indexes: by time, and by time per user, object and action.
AUDIT_INDEXES: dict[str, list[IndexModel]] = {
    "audit": [
        IndexModel([("at_ts", DESCENDING), ("seq", DESCENDING)], name="audit_at"),
        IndexModel([("user", ASCENDING), ("at_ts", DESCENDING)], name="audit_user"),
        IndexModel(
            [("object_kind", ASCENDING), ("object_id", ASCENDING), ("at_ts", DESCENDING)],
            name="audit_object",
        ),
        IndexModel([("action", ASCENDING), ("at_ts", DESCENDING)], name="audit_action"),
    ],
}


def audit_query(filter_: AuditFilter | None) -> Doc:
    """The MongoDB filter of a listing."""
    filter_ = filter_ or AuditFilter()
    query = where(
        user=filter_.user,
        action=filter_.action,
        object_kind=filter_.object_kind,
        object_id=filter_.object_id,
    )
    span: Doc = {}
    if filter_.since is not None:
        span["$gte"] = filter_.since.timestamp()
    if filter_.until is not None:
        span["$lt"] = filter_.until.timestamp()
    if span:
        query = {"$and": [*query.get("$and", []), {"at_ts": span}]}
    return query


def _only_duplicates(exc: BulkWriteError) -> bool:
    details = exc.details
    errors = details.get("writeErrors", [])
    return not details.get("writeConcernErrors") and all(
        e.get("code") == _DUPLICATE_KEY for e in errors
    )


class MongoAudit(MongoBase):
    """The audit trail on MongoDB."""

    async def add_audit_events(self, events: Sequence[AuditEvent]) -> None:
        """Insert events (unordered: a known id is kept as it is, the others go in)."""
        if not events:
            return
        try:
            docs = [
                {
                    "_id": e.id,
                    "seq": self._order.next(),
                    "at_ts": e.at.timestamp(),
                    "user": e.user,
                    "action": e.action,
                    "object_kind": e.object_kind,
                    "object_id": e.object_id,
                    "doc": e.model_dump_json(),
                }
                for e in events
            ]
        except pydantic_core.PydanticSerializationError as exc:
            raise StoreError(f"cannot serialise an audit event: {exc}") from exc
        doing = f"record {len(docs)} audit events"
        coll = self._collection("audit", doing)
        with self._driver(doing):
            try:
                await coll.insert_many(docs, ordered=False)
            except BulkWriteError as exc:
                if not _only_duplicates(exc):
                    raise

    async def list_audit_events(
        self, where: AuditFilter | None = None, *, offset: int = 0, limit: int = 50
    ) -> Page[AuditEvent]:
        """Matching events, newest first."""
        order = [("at_ts", -1), ("seq", -1)]
        return await self._page(AuditEvent, "audit", audit_query(where), order, offset, limit)
