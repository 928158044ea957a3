"""The audit trail of :class:`~plynx.store.postgres.PostgresStore` (the ``audit`` table,
created by the ``_audit`` migration step), as a mixin over the store's plumbing."""

from __future__ import annotations

from collections.abc import Sequence

import pydantic_core

from plynx.errors import StoreError
from plynx.model import AuditEvent, AuditFilter, Page
from plynx.store.plumbing import PostgresPlumbing
from plynx.store.postgres_rows import Where, instant

__all__ = ["AUDIT_SCHEMA", "PostgresAudit"]


#: The ``audit`` table: ``user_name`` because ``user`` is reserved; indexes by time, and by
#: time per user, object and action (what the listing filters on).
AUDIT_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id          text COLLATE "C" PRIMARY KEY,
    pos         bigint GENERATED ALWAYS AS IDENTITY,
    at          timestamptz NOT NULL,
    user_name   text NOT NULL,
    action      text NOT NULL,
    object_kind text NOT NULL,
    object_id   text COLLATE "C" NOT NULL,
    doc         json NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_at ON audit (at DESC, pos DESC);
CREATE INDEX IF NOT EXISTS audit_user ON audit (user_name, at DESC);
CREATE INDEX IF NOT EXISTS audit_object ON audit (object_kind, object_id, at DESC);
CREATE INDEX IF NOT EXISTS audit_action ON audit (action, at DESC);
"""

_COLUMNS = "id, at, user_name, action, object_kind, object_id, doc"
# One statement for a batch; ``pos`` follows the order of the batch.
_INSERT = f"""
INSERT INTO audit ({_COLUMNS})
SELECT {_COLUMNS}
FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
    $7::json[]) WITH ORDINALITY AS t({_COLUMNS}, ord)
ORDER BY ord
ON CONFLICT (id) DO NOTHING
"""


def _column(value: str) -> str:
    """``value`` for a ``text`` column, which cannot hold a NUL (the document keeps it)."""
    return value.replace("\x00", "\ufffd")


def _eq(value: str | None) -> str | None:
    return _column(value) if value is not None else None


def audit_where(where: AuditFilter | None) -> Where:
    """The WHERE clause of a listing."""
    where = where or AuditFilter()
    clause = (
        Where()
        .eq("user_name", _eq(where.user))
        .eq("action", _eq(where.action))
        .eq("object_kind", _eq(where.object_kind))
        .eq("object_id", _eq(where.object_id))
    )
    if where.since is not None:
        clause.terms.append(f"at >= {clause._param(instant(where.since))}")
    if where.until is not None:
        clause.terms.append(f"at < {clause._param(instant(where.until))}")
    return clause


class PostgresAudit:
    """The audit trail on PostgreSQL."""

    async def add_audit_events(self: PostgresPlumbing, events: Sequence[AuditEvent]) -> None:
        """Insert events in one statement; a known id is kept as it is."""
        if not events:
            return
        try:
            docs = [e.model_dump_json() for e in events]
        except pydantic_core.PydanticSerializationError as exc:
            raise StoreError(f"cannot serialise an audit event: {exc}") from exc
        await self._execute(
            f"record {len(events)} audit events",
            _INSERT,
            [e.id for e in events],
            [instant(e.at) for e in events],
            [_column(e.user) for e in events],
            [_column(e.action) for e in events],
            [_column(e.object_kind) for e in events],
            [_column(e.object_id) for e in events],
            docs,
        )

    async def list_audit_events(
        self: PostgresPlumbing,
        where: AuditFilter | None = None,
        *,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[AuditEvent]:
        """Matching events, newest first."""
        order = "at DESC, pos DESC"
        return await self._page(AuditEvent, "audit", audit_where(where), order, offset, limit)
