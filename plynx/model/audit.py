"""The audit trail: one :class:`AuditEvent` per state-changing request to the REST API (who,
what, which object, when, from where, and how it ended)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["AuditEvent", "AuditFilter", "AuditOutcome", "outcome_of"]


class AuditOutcome(StrEnum):
    """How a request ended: ``ok`` (2xx/3xx), ``denied`` (401, 403, 429: the caller was not
    let in) or ``error`` (any other 4xx/5xx: bad input, unknown object, conflict, failure)."""

    OK = "ok"
    DENIED = "denied"
    ERROR = "error"


_DENIED = frozenset({401, 403, 429})


def outcome_of(status: int) -> AuditOutcome:
    """The outcome of a request answered with HTTP ``status``."""
    if status < 400:
        return AuditOutcome.OK
    return AuditOutcome.DENIED if status in _DENIED else AuditOutcome.ERROR


class AuditEvent(BaseModel):
    """One state-changing request, as recorded.

    ``user`` is who made it: the signed-in user, the user a sign-in attempt named, or ``""``
    for an anonymous caller (and for the single user of local mode, whose ``user`` is empty
    too). ``action`` is ``<object kind>.<verb>`` (``graph.update``, ``run.cancel``,
    ``session.create``); ``object_kind`` and ``object_id`` name what it acted on (``""`` when
    nothing is known, e.g. a creation that failed). ``address`` is the client's address as
    the server saw it. Nothing secret is ever recorded: no body, no query, no password."""

    model_config = ConfigDict(extra="forbid")

    id: str
    at: datetime
    user: str = ""
    action: str
    method: str
    path: str
    object_kind: str = ""
    object_id: str = ""
    status: int = Field(ge=100, le=599)
    outcome: AuditOutcome
    address: str = ""


class AuditFilter(BaseModel):
    """Which audit events a listing returns: each given field must match exactly; ``since`` is
    inclusive, ``until`` exclusive."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    user: str | None = None
    action: str | None = None
    object_kind: str | None = None
    object_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
