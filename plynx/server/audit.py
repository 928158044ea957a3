"""The audit trail: every state-changing request to the REST API (``POST``, ``PUT``, ``PATCH``,
``DELETE`` under ``/api/``) becomes an :class:`~plynx.model.AuditEvent`, whatever its outcome:
done, denied (401, 403, 429) or failed.

:func:`audit_middleware` is the outermost middleware, so it sees the status every client sees,
errors included, and the identity the auth middleware found. It describes the request
(:func:`describe`) and hands the event to the :class:`AuditLog` without waiting: the request
never waits for the store and never fails because of the audit. The log writes its queue to the
store in batches from a task of its own (:func:`audit_ctx`); when the store fails it keeps the
events and tries again with backoff; when its queue is full (the store has been down a long
time) new events are dropped and counted, with a warning.

What is recorded of a request: who (the identity's user; for a sign-in attempt, the user name
it gave, never the password), the route's action (``graph.update``, ``run.cancel``), the object
(from the path, or for a creation from the ``id`` of a small JSON response), the path without
its query, the status, and the client's address. Never a body, a query or a header.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import uuid
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime

import pydantic_core
from aiohttp import web

from plynx.model import AuditEvent, outcome_of
from plynx.server import keys
from plynx.store import Store

__all__ = [
    "AUDIT_LOG",
    "SIGN_IN_PATHS",
    "STATE_CHANGING",
    "AuditLog",
    "audit_ctx",
    "audit_middleware",
    "describe",
    "kind_of",
    "record_sign_in",
]

logger = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

#: The methods whose requests are audited.
STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Sign-in routes: their ``user`` field names who tried (the request has no identity yet).
SIGN_IN_PATHS = frozenset({"/api/v1/session"})
_API = "/api/v1/"
#: Responses larger than this are not parsed for the id of what a request created.
_MAX_ID_BODY = 128 * 1024
_MAX_SIGN_IN_BODY = 8 * 1024
_MAX_PATH = 1024
_MAX_FIELD = 200
# Collections whose name does not end in a plural "s".
_SINGULAR = {"cache": "cache", "me": "me", "session": "session", "status": "status"}
# A route's last fixed segment that reads better as another verb.
_VERBS = {"versions": "new_version"}
# Where a created object's id is in a response, by object kind (``id`` for the others).
_ID_FIELDS = {"artifact": "sha256", "user": "name"}
_PARAM = re.compile(r"^\{(\w+)")
#: Failed writes of the same batch before its events are tried one by one.
_ISOLATE_AFTER = 3


def kind_of(collection: str) -> str:
    """The object kind of a collection in an API path (``graphs`` -> ``graph``)."""
    if collection in _SINGULAR:
        return _SINGULAR[collection]
    return collection[:-1] if collection.endswith("s") else collection


def _clip(text: str, size: int = _MAX_FIELD) -> str:
    """``text`` cut to ``size`` characters, as text every store keeps: a NUL (``%00`` in a
    path) or a lone surrogate would make PostgreSQL refuse the whole batch."""
    if len(text) > size:
        text = text[: size - 1] + "…"
    return text.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")


def _created_id(kind: str, response: web.StreamResponse) -> str:
    """The id of what a creation made, from its response: ``id`` (``sha256`` of an artifact,
    ``name`` of a user; ``run.id`` of a run with its node runs, ``sweep.id`` of a sweep with
    its runs) of a small JSON body."""
    if not isinstance(response, web.Response) or response.content_type != "application/json":
        return ""
    body = response.body
    if not isinstance(body, bytes) or len(body) > _MAX_ID_BODY:
        return ""
    try:
        doc = pydantic_core.from_json(body)
    except ValueError:
        return ""
    field = _ID_FIELDS.get(kind, "id")
    if isinstance(doc, dict) and field not in doc and isinstance(doc.get(kind), dict):
        doc = doc[kind]  # a detail document: {"run": {...}, "node_runs": [...]}
    value = doc.get(field) if isinstance(doc, dict) else None
    return _clip(value) if isinstance(value, str) else ""


def describe(request: web.Request, response: web.StreamResponse | None) -> tuple[str, str, str]:
    """``(action, object_kind, object_id)`` of a request, from the route it matched.

    ``/graphs/{id}``: ``PUT`` is ``graph.update`` of that graph, ``DELETE`` ``graph.delete``;
    ``POST /graphs`` is ``graph.create`` (the object's id comes from the response); a fixed
    last segment is the verb (``POST /runs/{id}/cancel`` is ``run.cancel``). A request that
    matched no route is ``unknown``, with no object."""
    resource = request.match_info.route.resource
    canonical = resource.canonical if resource is not None else ""
    if not canonical.startswith(_API):
        return "unknown", "", ""
    segments = canonical.removeprefix(_API).split("/")
    kind = kind_of(segments[0])
    params = [m.group(1) for s in segments if (m := _PARAM.match(s))]
    fixed = [s for s in segments[1:] if not _PARAM.match(s)]
    if fixed:
        verb = _VERBS.get(fixed[-1], fixed[-1])
    else:
        verb = {"POST": "create", "DELETE": "delete"}.get(request.method, "update")
    object_id = ""
    if params:
        object_id = _clip(request.match_info.get(params[0], ""))
    elif request.method == "POST" and response is not None and response.status < 300:
        object_id = _created_id(kind, response)
    return f"{kind}.{verb}", kind, object_id


async def _claimed_user(request: web.Request) -> str:
    """The user name a sign-in attempt gives (read before the handler; aiohttp keeps the
    body for it). Only a small JSON body is looked at; the password is never kept."""
    if request.path not in SIGN_IN_PATHS or request.content_type != "application/json":
        return ""
    length = request.content_length
    if length is None or length > _MAX_SIGN_IN_BODY:
        return ""
    try:
        doc = pydantic_core.from_json(await request.read())
    except Exception:  # not JSON, cut short...: the handler will say what is wrong
        return ""
    user = doc.get("user") if isinstance(doc, dict) else None
    return _clip(user) if isinstance(user, str) else ""


class AuditLog:
    """Audit events waiting for the store, written in batches by :meth:`run`.

    :meth:`record` never blocks and never raises: an event that does not fit (``capacity``
    events wait already) is dropped and counted in :attr:`dropped`. A batch is written when
    ``batch`` events wait or ``linger`` seconds after the first one, so a burst of requests
    costs a few writes. A failed write is tried again, with backoff, until it lands."""

    def __init__(
        self, store: Store, *, capacity: int = 20_000, batch: int = 500, linger: float = 0.1
    ) -> None:
        self.store = store
        self.capacity = capacity
        self.batch = batch
        self.linger = linger
        #: How long :meth:`close` tries to write what is left.
        self.close_wait = 5.0
        self.written = 0
        self.dropped = 0
        self._queue: deque[AuditEvent] = deque()
        self._accepted = 0  # events ever queued
        self._settled = 0  # of those, how many were written or dropped at close
        self._wake = asyncio.Event()
        self._hurry = False
        self._progress = asyncio.Condition()

    @property
    def pending(self) -> int:
        """Events waiting to be written."""
        return len(self._queue)

    def record(self, event: AuditEvent) -> None:
        """Queue ``event`` for the store (never blocks, never raises)."""
        if len(self._queue) >= self.capacity:
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 1000 == 0:
                logger.warning(
                    "the audit log is full (%d events wait for the store): %d events dropped",
                    len(self._queue),
                    self.dropped,
                )
            return
        self._queue.append(event)
        self._accepted += 1
        self._wake.set()

    async def flush(self) -> None:
        """Wait until every event queued before the call is in the store."""
        target = self._accepted
        self._hurry = True
        self._wake.set()
        async with self._progress:
            await self._progress.wait_for(lambda: self._settled >= target)

    async def run(self) -> None:
        """Write queued events until cancelled (the task of :func:`audit_ctx`)."""
        delay = 0.5
        while True:
            await self._wake.wait()
            if not self._hurry and len(self._queue) < self.batch:
                await asyncio.sleep(self.linger)  # let a burst gather into one write
            self._wake.clear()
            self._hurry = False
            failures = 0
            while self._queue:
                if await self._write_batch():
                    delay, failures = 0.5, 0
                    continue
                failures += 1
                if failures >= _ISOLATE_AFTER and await self._drop_poison():
                    continue
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)

    async def _write_batch(self) -> bool:
        """Write the oldest waiting events; whether that worked (they stay queued if not)."""
        events = [self._queue[i] for i in range(min(self.batch, len(self._queue)))]
        try:
            await self.store.add_audit_events(events)
        except Exception as exc:  # the store may fail in any way; the audit must go on
            logger.warning("cannot write %d audit events (will retry): %s", len(events), exc)
            return False
        for _ in events:
            self._queue.popleft()
        self.written += len(events)
        await self._settle(len(events))
        return True

    async def _drop_poison(self) -> bool:
        """After a batch failed again and again: write its events one by one. When some land,
        the store works and the others are events it will never take: they are dropped (with
        an error) so that they do not hold up the trail. When none lands, the store is down
        and everything stays queued. Whether anything was written or dropped."""
        events = [self._queue[i] for i in range(min(self.batch, len(self._queue)))]
        refused: list[AuditEvent] = []
        problem: Exception | None = None
        for event in events:
            try:
                await self.store.add_audit_events([event])
            except Exception as exc:
                refused.append(event)
                problem = exc
        if len(refused) == len(events):
            return False
        for event in refused:
            logger.error("dropping an audit event the store refuses (%s): %r", problem, event)
        for _ in events:
            self._queue.popleft()
        self.written += len(events) - len(refused)
        self.dropped += len(refused)
        await self._settle(len(events))
        return True

    async def _settle(self, count: int) -> None:
        async with self._progress:
            self._settled += count
            self._progress.notify_all()

    async def close(self) -> None:
        """Write what is left (for at most :attr:`close_wait` seconds); what cannot be written
        is lost, with a warning."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self.close_wait):
                while self._queue and await self._write_batch():
                    pass
        if self._queue:
            logger.warning("%d audit events could not be written at shutdown", len(self._queue))
            lost, self._queue = len(self._queue), deque()
            await self._settle(lost)


#: The application's audit log (set while the app runs, by :func:`audit_ctx`).
AUDIT_LOG = web.AppKey("audit_log", AuditLog)


async def audit_ctx(app: web.Application) -> AsyncIterator[None]:
    """``cleanup_ctx`` (after the store is open): run the audit log's writer while the app
    runs; at shutdown write what is left, before the store closes."""
    log = AuditLog(app[keys.STORE])
    app[AUDIT_LOG] = log
    task = asyncio.create_task(log.run(), name="audit log writer")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await log.close()


def _event(
    request: web.Request, status: int, response: web.StreamResponse | None, claimed: str
) -> AuditEvent:
    action, kind, object_id = describe(request, response)
    who = request.get(keys.IDENTITY)
    return AuditEvent(
        id=uuid.uuid4().hex,
        at=datetime.now(UTC),
        user=claimed or (who.user if who is not None else ""),
        action=action,
        method=request.method,
        path=_clip(request.path, _MAX_PATH),
        object_kind=kind,
        object_id=object_id,
        status=status,
        outcome=outcome_of(status),
        address=_clip(request.remote or ""),
    )


def _record(
    request: web.Request, status: int, response: web.StreamResponse | None, claimed: str
) -> None:
    log = request.app.get(AUDIT_LOG)
    if log is None:
        return
    try:
        log.record(_event(request, status, response, claimed))
    except Exception:  # describing a request must never fail it
        logger.exception("cannot audit %s %s", request.method, request.path)


def record_sign_in(request: web.Request, status: int, user: str, action: str) -> None:
    """Record a sign-in outside the REST API (the OpenID Connect callback, a browser's
    ``GET``): ``action`` names it, ``user`` is who it signed in (``""``: not known)."""
    log = request.app.get(AUDIT_LOG)
    if log is None:
        return
    try:
        log.record(
            AuditEvent(
                id=uuid.uuid4().hex,
                at=datetime.now(UTC),
                user=_clip(user),
                action=action,
                method=request.method,
                path=_clip(request.path, _MAX_PATH),
                object_kind="session",
                status=status,
                outcome=outcome_of(status),
                address=_clip(request.remote or ""),
            )
        )
    except Exception:  # auditing must never fail a sign-in
        logger.exception("cannot audit %s %s", request.method, request.path)


@web.middleware
async def audit_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Record every state-changing API request with its outcome (see the module's doc)."""
    if request.method not in STATE_CHANGING or not request.path.startswith("/api/"):
        return await handler(request)
    claimed = await _claimed_user(request)
    try:
        response = await handler(request)
    except web.HTTPException as exc:  # only what the error middleware lets through
        _record(request, exc.status, None, claimed)
        raise
    except asyncio.CancelledError:  # the client went away before the answer
        _record(request, 499, None, claimed)
        raise
    except BaseException:
        _record(request, 500, None, claimed)
        raise
    _record(request, response.status, response, claimed)
    return response
