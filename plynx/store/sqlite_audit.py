"""The audit trail of :class:`~plynx.store.sqlite.SQLiteStore` (the ``audit`` table, created
by the ``_audit`` migration step), as a mixin over the store's plumbing."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import pydantic_core

from plynx.errors import StoreError
from plynx.model import AuditEvent, AuditFilter, Page
from plynx.store.plumbing import SQLitePlumbing
from plynx.store.sqlite_rows import Where

__all__ = ["AUDIT_TABLE", "SQLiteAudit", "create_audit_table"]


AUDIT_TABLE = "audit"
_INSERT = (
    "INSERT INTO audit (id, at_ts, user, action, object_kind, object_id, doc) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
)


def create_audit_table(db: sqlite3.Connection) -> None:
    """The ``audit`` table and its indexes: by time, and by time per user, object and action
    (what the listing filters on)."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS audit (id TEXT PRIMARY KEY, at_ts REAL NOT NULL,"
        " user TEXT NOT NULL, action TEXT NOT NULL, object_kind TEXT NOT NULL,"
        " object_id TEXT NOT NULL, doc TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS audit_at ON audit (at_ts)")
    db.execute("CREATE INDEX IF NOT EXISTS audit_user ON audit (user, at_ts)")
    db.execute("CREATE INDEX IF NOT EXISTS audit_object ON audit (object_kind, object_id, at_ts)")
    db.execute("CREATE INDEX IF NOT EXISTS audit_action ON audit (action, at_ts)")


def audit_where(where: AuditFilter | None) -> Where:
    """The WHERE clause of a listing."""
    where = where or AuditFilter()
    clause = (
        Where()
        .eq("user", where.user)
        .eq("action", where.action)
        .eq("object_kind", where.object_kind)
        .eq("object_id", where.object_id)
    )
    if where.since is not None:
        clause.terms.append("at_ts >= ?")
        clause.params.append(where.since.timestamp())
    if where.until is not None:
        clause.terms.append("at_ts < ?")
        clause.params.append(where.until.timestamp())
    return clause


class SQLiteAudit:
    """The audit trail on SQLite."""

    async def add_audit_events(self: SQLitePlumbing, events: Sequence[AuditEvent]) -> None:
        """Insert events in one transaction; a known id is kept as it is."""
        try:
            rows = [
                (
                    e.id,
                    e.at.timestamp(),
                    e.user,
                    e.action,
                    e.object_kind,
                    e.object_id,
                    e.model_dump_json(),
                )
                for e in events
            ]
        except pydantic_core.PydanticSerializationError as exc:
            raise StoreError(f"cannot serialise an audit event: {exc}") from exc
        if rows:
            await self._write(
                f"record {len(rows)} audit events", lambda db: db.executemany(_INSERT, rows)
            )

    async def list_audit_events(
        self: SQLitePlumbing, where: AuditFilter | None = None, *, offset: int = 0, limit: int = 50
    ) -> Page[AuditEvent]:
        """Matching events, newest first."""
        order = "at_ts DESC, rowid DESC"
        return await self._page(AuditEvent, AUDIT_TABLE, audit_where(where), order, offset, limit)
