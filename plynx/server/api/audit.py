"""``/audit``: the audit trail of state-changing requests (admin only), filtered and paged."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime

from aiohttp import web

from plynx.errors import InvalidInput
from plynx.model import AuditEvent, AuditFilter, Page
from plynx.server import keys
from plynx.server.access import ADMIN
from plynx.server.api.base import (
    API_PREFIX,
    PAGING,
    Query,
    Route,
    identity,
    json_response,
    page_query,
    str_query,
)
from plynx.server.audit import AUDIT_LOG, kind_of

__all__ = ["ROUTES", "audit_filter", "parse_instant"]

#: How long a listing waits for events still on their way to the store (the caller's own
#: requests a moment ago), so that it reads what was just done.
FLUSH_WAIT = 2.0

_QUERY = (
    Query("user", "only requests by this user (the name a sign-in attempt gave)"),
    Query(
        "object",
        "only requests on this object: KIND (graph, run, operation, user, token...) or KIND/ID",
    ),
    Query("action", "only this action, e.g. graph.update, run.cancel, session.create"),
    Query("since", "only events at or after this ISO 8601 instant (UTC if no offset)"),
    Query("until", "only events before this ISO 8601 instant (UTC if no offset)"),
    *PAGING,
)


def parse_instant(name: str, raw: str) -> datetime:
    """An ISO 8601 date or date and time; without an offset it is UTC."""
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(
            f"{name} must be an ISO 8601 date or time such as 2024-05-01 or "
            f"2024-05-01T12:00:00Z, got {raw[:60]!r}"
        ) from None
    return value if value.utcoffset() is not None else value.replace(tzinfo=UTC)


def object_kinds(app: web.Application) -> set[str]:
    """The kinds of object the API's routes act on (what ``object`` may name)."""
    kinds = set()
    for resource in app.router.resources():
        path = resource.canonical
        if path.startswith(API_PREFIX + "/"):
            kinds.add(kind_of(path.removeprefix(API_PREFIX + "/").split("/")[0]))
    return kinds


def audit_filter(request: web.Request) -> AuditFilter:
    """The filter a listing's query asks for; a bad value is a clear 400."""
    object_kind = object_id = None
    if (named := str_query(request, "object")) is not None:
        object_kind, _, rest = named.partition("/")
        object_id = rest or None
        known = object_kinds(request.app)
        if object_kind not in known:
            raise InvalidInput(
                f"object must be KIND or KIND/ID, and {object_kind[:60]!r} is no kind of "
                f"object; the kinds are {', '.join(sorted(known))}"
            )
    since = until = None
    if (raw := str_query(request, "since")) is not None:
        since = parse_instant("since", raw)
    if (raw := str_query(request, "until")) is not None:
        until = parse_instant("until", raw)
    if since is not None and until is not None and since >= until:
        raise InvalidInput(
            f"since ({since.isoformat()}) must be before until ({until.isoformat()})"
        )
    return AuditFilter(
        user=str_query(request, "user"),
        action=str_query(request, "action"),
        object_kind=object_kind,
        object_id=object_id,
        since=since,
        until=until,
    )


async def list_audit(request: web.Request) -> web.Response:
    """Audit events, newest first (admins only)."""
    if not identity(request).is_admin:
        raise web.HTTPForbidden(
            text="the audit trail is for admins only: ask an admin, or sign in as one"
        )
    where = audit_filter(request)
    offset, limit = page_query(request)
    log = request.app.get(AUDIT_LOG)
    if log is not None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(FLUSH_WAIT):
                await log.flush()
    page = await request.app[keys.STORE].list_audit_events(where, offset=offset, limit=limit)
    return json_response(page)


ROUTES = [
    Route(
        "GET",
        "/audit",
        list_audit,
        "The audit trail: every state-changing request, newest first (admin only)",
        "audit",
        response=Page[AuditEvent],
        query=_QUERY,
        errors=(400, 403),
        access=ADMIN,
    ),
]
