"""The authorization table: who may call each route, decided in one place.

Every route of the app has a :class:`Rule`: REST routes name theirs in their
:class:`~plynx.server.api.base.Route` (``access=`` is required, so a route without one is a
``TypeError`` at import), the other routes (websockets, the dashboard's files, the local login)
get theirs where :func:`~plynx.server.app.create_app` registers them (:func:`declare`).
:func:`access_middleware` runs after authentication, finds the rule of the matched route and
applies it; a route that has none is refused, so forgetting a rule fails closed (and the
route-by-principal test in ``tests/server/test_access.py`` fails).

The rules, weakest first:

========================  =====================================================================
``public``                anyone, no token (health, the dashboard's files, sign-in)
``worker``                ``/ws/worker``: the worker's ``hello`` carries and checks its token
``viewer``                any signed-in user: read everything
``self``                  any signed-in user, acting on their own things (the handler scopes)
``editor``                an editor or admin: create (graphs, operations, runs, clones)
``owner(kind)``           the editor who owns the object the path names, or an admin
``admin``                 admins only
``viewer+worker``         ``viewer``, and worker tokens (artifact downloads and previews)
``editor+worker``         ``editor``, and worker tokens (artifact uploads)
========================  =====================================================================

A worker token is never a user: it passes only rules that say so (``worker=True``: artifact
transfers, which :mod:`plynx.server.api.artifacts` narrows to the attempts its worker holds).
A module may define a rule of its own where a route's body decides (the graph upgrade: a
``dry_run`` is a viewer's, saving is the owner's).

An ``owner`` rule loads the object (``{id}`` of the path) from the store to learn its owner
(its ``author``): an unknown id stays a 404 and a deleted one says so, before any 403. This
module knows nothing of what the handlers do; handlers that decide by their body (an upgrade's
``dry_run``) call :func:`require_owner` themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from aiohttp import web
from aiohttp.web_urldispatcher import AbstractRoute

from plynx.errors import AuthError, Forbidden, NotFound
from plynx.model import Role, TokenKind
from plynx.server import keys
from plynx.server.auth import HOW_TO_GET_A_TOKEN, Identity

__all__ = [
    "ADMIN",
    "ARTIFACT_READ",
    "ARTIFACT_WRITE",
    "EDITOR",
    "OWNED_KINDS",
    "PUBLIC",
    "RULES",
    "SELF",
    "VIEWER",
    "WORKER_SOCKET",
    "Rule",
    "access_middleware",
    "check",
    "declare",
    "deleted",
    "owner",
    "require_owner",
    "rule_of",
    "rules",
]

logger = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_RANK = {Role.VIEWER: 0, Role.EDITOR: 1, Role.ADMIN: 2}
_A_ROLE = {Role.VIEWER: "a viewer", Role.EDITOR: "an editor", Role.ADMIN: "an admin"}


@dataclass(frozen=True)
class Rule:
    """Who may call a route: a user of at least ``role`` (``None``: nobody needs to sign in);
    with ``owns``, an editor must also own the object of that kind named by the path's
    ``{id}`` (admins need not); with ``worker``, worker tokens pass too."""

    name: str
    role: Role | None
    owns: str | None = None
    worker: bool = False

    def __str__(self) -> str:
        return self.name


PUBLIC = Rule("public", None)
WORKER_SOCKET = Rule("worker", None)
VIEWER = Rule("viewer", Role.VIEWER)
SELF = Rule("self", Role.VIEWER)
EDITOR = Rule("editor", Role.EDITOR)
ADMIN = Rule("admin", Role.ADMIN)
ARTIFACT_READ = Rule("viewer+worker", Role.VIEWER, worker=True)
ARTIFACT_WRITE = Rule("editor+worker", Role.EDITOR, worker=True)

#: What an editor who does not own an object of each kind can do instead.
OWNED_KINDS = {
    "graph": "clone it to build on it",
    "run": "clone it into a graph of your own to build on it",
    "operation": "create a new version of it to build on it",
    "sweep": "start a sweep of your own",
}


def owner(kind: str) -> Rule:
    """The rule of a route that changes the ``kind`` object its path names."""
    if kind not in OWNED_KINDS:
        raise ValueError(f"unknown owned kind {kind!r} (one of {', '.join(OWNED_KINDS)})")
    return Rule(f"owner({kind})", Role.EDITOR, owns=kind)


#: Every rule by name (the README's table and the tests read it).
RULES = {
    r.name: r
    for r in (PUBLIC, WORKER_SOCKET, VIEWER, SELF, EDITOR, ADMIN, ARTIFACT_READ, ARTIFACT_WRITE)
}


_ACCESS: web.AppKey[dict[AbstractRoute, Rule]] = web.AppKey("access_rules")


def _table(app: web.Application) -> dict[AbstractRoute, Rule]:
    if _ACCESS not in app:
        app[_ACCESS] = {}
    return app[_ACCESS]


@contextmanager
def declare(app: web.Application, rule: Rule) -> Iterator[None]:
    """Give ``rule`` to every route registered on ``app`` inside the block."""
    before = set(app.router.routes())
    yield
    table = _table(app)
    for route in set(app.router.routes()) - before:
        table[route] = rule


def rule_of(request: web.Request) -> Rule | None:
    """The rule of the route ``request`` matched (``None``: no route matched, or a route
    without a rule)."""
    table = request.app.get(_ACCESS)
    route = request.match_info.route
    return None if table is None else table.get(route)


def rules(app: web.Application) -> dict[AbstractRoute, Rule]:
    """Every route of ``app`` that has a rule, with it (for the tests and the README)."""
    return dict(_table(app))


def deleted(kind: str, ident: str) -> NotFound:
    """The error for an object that was deleted (a 404 that says so)."""
    error = NotFound(kind, ident)
    error.message = f"{kind} {ident!r} was deleted."
    return error


async def _owner_of(app: web.Application, kind: str, ident: str) -> str:
    """The owner of an object; :class:`NotFound` if unknown or deleted."""
    store = app[keys.STORE]
    if kind == "run" and app[keys.ENGINE].is_active(ident):  # in memory: no store read
        return (await app[keys.ENGINE].get_run(ident))[0].author
    if kind == "graph":
        graph = await store.get_graph(ident)
        if graph.deleted_at is not None:
            raise deleted("graph", ident)
        return graph.author
    if kind == "run":
        run = await store.get_run(ident)
        if run.deleted_at is not None:
            raise deleted("run", ident)
        return run.author
    if kind == "operation":
        return (await store.get_operation(ident)).author
    if kind == "sweep":
        return (await store.get_sweep(ident)).author
    raise ValueError(f"unknown owned kind {kind!r}")


def _whose(author: str) -> str:
    return repr(author) if author else "no one (it was made without an account)"


def require_owner(who: Identity, rule: Rule, kind: str, ident: str, author: str) -> None:
    """Refuse (403) ``who`` unless they are an admin or ``author``."""
    if who.is_admin or (who.user and who.user == author):
        return
    raise Forbidden(
        f"{kind} {ident!r} belongs to {_whose(author)}; you ({who.user!r}, {who.role.value}) "
        f"may change only your own {kind}s ({OWNED_KINDS[kind]})",
        rule.name,
        owner=author,
    )


def check(rule: Rule, who: Identity | None) -> None:
    """Refuse ``who`` if ``rule`` does not let them in (ownership aside)."""
    if rule.role is None:
        return
    if who is None:  # the auth middleware let a request through without an identity
        raise AuthError(f"this needs a token: {HOW_TO_GET_A_TOKEN}")
    if who.kind == TokenKind.WORKER:
        if rule.worker:
            return
        raise Forbidden(
            "a worker token only opens /ws/worker and artifact transfers; use an API token "
            f"here: {HOW_TO_GET_A_TOKEN}",
            rule.name,
        )
    if _RANK[who.role] < _RANK[rule.role]:
        raise Forbidden(
            f"this needs the {rule.role.value} role (or higher); {who.user!r} is "
            f"{_A_ROLE[who.role]}" + (" and may only read" if who.role == Role.VIEWER else ""),
            rule.name,
        )


@web.middleware
async def access_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Apply the matched route's rule (after authentication set the caller's identity)."""
    route = request.match_info.route
    if request.match_info.http_exception is not None:
        return await handler(request)  # no route matched: the handler answers 404 or 405
    rule = rule_of(request)
    if rule is None:
        logger.error("no access rule for %s %s: refused", request.method, route.resource)
        raise web.HTTPForbidden(text="this route has no access rule (a bug): refused")
    who = request.get(keys.IDENTITY)
    check(rule, who)
    if rule.owns is not None and who is not None:
        ident = request.match_info["id"]
        author = await _owner_of(request.app, rule.owns, ident)
        require_owner(who, rule, rule.owns, ident, author)
    return await handler(request)
