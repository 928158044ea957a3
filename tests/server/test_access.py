"""The authorization table against the real router: every route has the rule this file lists,
and every route answers every principal as its rule says (a new route without a rule, or with
another rule than the one reviewed here, fails)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from aiohttp import web

from plynx.server.access import rules
from plynx.server.api.base import Route

from .conftest import PRINCIPALS, Team
from .helpers import echo_op, node

API = "/api/v1"

#: Every REST route and its rule, as reviewed. Changing a rule or adding a route means
#: changing this table too (and the README's "Users and roles").
EXPECTED: dict[tuple[str, str], str] = {
    ("GET", "/health"): "public",
    ("GET", "/audit"): "admin",
    ("GET", "/openapi.json"): "viewer",
    ("GET", "/kinds"): "viewer",
    ("GET", "/resource-types"): "viewer",
    ("GET", "/operations"): "viewer",
    ("POST", "/operations"): "editor",
    ("GET", "/operations/{id}"): "viewer",
    ("PUT", "/operations/{id}"): "owner(operation)",
    ("DELETE", "/operations/{id}"): "owner(operation)",
    ("POST", "/operations/{id}/publish"): "owner(operation)",
    ("POST", "/operations/{id}/versions"): "editor",
    ("POST", "/operations/{id}/deprecate"): "owner(operation)",
    ("GET", "/graphs"): "viewer",
    ("POST", "/graphs"): "editor",
    ("POST", "/graphs/validate"): "viewer",
    ("GET", "/graphs/{id}"): "viewer",
    ("PUT", "/graphs/{id}"): "owner(graph)",
    ("DELETE", "/graphs/{id}"): "owner(graph)",
    ("POST", "/graphs/{id}/clone"): "editor",
    ("GET", "/graphs/{id}/runs"): "viewer",
    ("POST", "/graphs/{id}/upgrade"): "viewer (dry_run) / owner(graph)",
    ("POST", "/runs"): "editor",
    ("GET", "/runs"): "viewer",
    ("GET", "/runs/{id}"): "viewer",
    ("DELETE", "/runs/{id}"): "owner(run)",
    ("POST", "/runs/{id}/clone"): "editor",
    ("DELETE", "/runs/{id}/cache"): "owner(run)",
    ("POST", "/runs/{id}/cancel"): "owner(run)",
    ("POST", "/runs/{id}/rerun"): "owner(run)",
    ("GET", "/runs/{id}/metrics"): "viewer",
    ("POST", "/runs/{id}/reproduce"): "owner(run)",
    ("GET", "/runs/{id}/reproduction"): "viewer",
    ("POST", "/sweeps"): "editor",
    ("GET", "/sweeps"): "viewer",
    ("GET", "/sweeps/{id}"): "viewer",
    ("POST", "/sweeps/{id}/cancel"): "owner(sweep)",
    ("GET", "/node-runs/{id}/log"): "viewer",
    ("GET", "/runs/{run_id}/nodes/{node_id}/log"): "viewer",
    ("POST", "/artifacts"): "editor+worker",
    ("GET", "/artifacts/{sha256}"): "viewer+worker",
    ("GET", "/artifacts/{sha256}/preview"): "viewer+worker",
    ("GET", "/artifacts/{sha256}/lineage"): "viewer",
    ("GET", "/workers"): "viewer",
    ("GET", "/workers/fencing"): "viewer",
    ("GET", "/cache"): "viewer",
    ("DELETE", "/cache"): "admin",
    ("GET", "/me"): "self",
    ("POST", "/me/password"): "self",
    ("GET", "/users"): "admin",
    ("POST", "/users"): "admin",
    ("GET", "/users/{name}"): "admin",
    ("PATCH", "/users/{name}"): "admin",
    ("GET", "/tokens"): "self",
    ("POST", "/tokens"): "self",
    ("DELETE", "/tokens/{id}"): "self",
    ("GET", "/session"): "public",
    ("POST", "/session"): "public",
    ("DELETE", "/session"): "public",
}
#: The routes outside the REST API; any other is one of the dashboard's pages or files.
OTHER = {
    "/ws/events": "viewer",
    "/ws/worker": "worker",
    "/local-login": "public",
    "/auth/oidc/login": "public",
    "/auth/oidc/callback": "public",
}
UNAUTHENTICATED = ("anonymous", "wrong", "revoked")


def allowed(rule: str, principal: str) -> bool:
    """Whether ``rule`` lets ``principal`` through, written out independently of the code."""
    if rule in ("public", "worker"):
        return True
    if principal in UNAUTHENTICATED:
        return False
    if principal == "worker":
        return rule.endswith("+worker")
    if rule in ("viewer", "self", "viewer+worker"):
        return True
    if principal == "viewer":
        return False
    if rule in ("editor", "editor+worker"):
        return True
    if rule == "admin":
        return principal == "admin"
    assert "owner(" in rule, rule  # owner(kind), and the upgrade without dry_run
    return principal in ("owner", "admin")


def _canonical(route: web.AbstractRoute) -> str:
    assert route.resource is not None
    return re.sub(r"{(\w+):[^}]*}", r"{\1}", route.resource.canonical)


def _table(team: Team) -> dict[tuple[str, str], str]:
    return {
        (route.method, _canonical(route)): rule.name
        for route, rule in rules(team.client.app).items()
    }


async def test_every_route_of_the_router_has_the_reviewed_rule(team: Team) -> None:
    table = _table(team)
    router = [(r.method, _canonical(r)) for r in team.client.app.router.routes()]
    missing = [key for key in router if key not in table]
    assert missing == [], "routes without an access rule"
    api = {(m, p.removeprefix(API)): rule for (m, p), rule in table.items() if p.startswith(API)}
    assert {key: rule for key, rule in api.items() if key[0] != "HEAD"} == EXPECTED
    for (method, path), rule in table.items():
        if method == "HEAD":
            assert rule == table[("GET", path)], path
        elif not path.startswith(API):
            assert rule == OTHER.get(path, "public"), path
    assert sum(1 for m, p in router if not p.startswith(API) and p not in OTHER) > 3  # pages


def test_a_route_without_a_rule_is_refused_at_import() -> None:
    async def handler(request: web.Request) -> web.Response:
        return web.Response()

    with pytest.raises(TypeError, match="access"):
        Route("GET", "/new", handler, "A new route", "x")  # type: ignore[call-arg]


class Objects:
    """Fresh objects owned by the ``owner`` principal, made for one request."""

    def __init__(self, team: Team) -> None:
        self.team = team
        self.sha256 = ""

    async def make(self, path: str) -> dict[str, str]:
        """Path parameters for ``path``: new objects of the kinds it names."""
        values: dict[str, str] = {"tail": "x", "tree": "app", "path": "main.js"}
        if "{sha256}" in path:
            values["sha256"] = await self._artifact()
        if path.startswith(f"{API}/operations/"):
            values["id"] = await self._create("/operations", echo_op())
        elif path.startswith((f"{API}/graphs/", f"{API}/runs/", f"{API}/node-runs/")):
            graph_id = await self._graph()
            values["id"] = graph_id
            if not path.startswith(f"{API}/graphs/"):
                status, run = await self.team.call(
                    "owner", "POST", f"{API}/runs", json={"graph_id": graph_id}
                )
                assert status == 201, run
                values["id"] = values["run_id"] = run["run"]["id"]
                values["node_id"] = "n"
                if path.startswith(f"{API}/node-runs/"):
                    values["id"] = run["node_runs"][0]["id"]
        elif path.startswith(f"{API}/users/"):
            values["name"] = self.team.users["owner"]
        elif path.startswith(f"{API}/tokens/"):
            status, token = await self.team.call("owner", "POST", f"{API}/tokens", json={})
            assert status == 201, token
            values["id"] = token["id"]
        elif path.startswith(f"{API}/sweeps/"):
            body = {"graph_id": await self._graph(), "parameters": {"n.greet": ["a", "b"]}}
            status, sweep = await self.team.call("owner", "POST", f"{API}/sweeps", json=body)
            assert status == 201, sweep
            values["id"] = sweep["sweep"]["id"]
        return values

    async def _create(self, path: str, body: dict[str, Any]) -> str:
        status, created = await self.team.call("owner", "POST", API + path, json=body)
        assert status == 201, created
        return str(created["id"])

    async def _graph(self) -> str:
        op = echo_op(inputs=[], parameters=[{"name": "greet", "type": "str", "default": "hi"}])
        return await self._create("/graphs", {"title": "g", "nodes": [node("n", op)]})

    async def _artifact(self) -> str:
        if not self.sha256:
            resp = await self.team.client.post(
                f"{API}/artifacts", data=b"hello", headers=self.team.headers("owner")
            )
            assert resp.status == 201
            self.sha256 = (await resp.json())["sha256"]
        return self.sha256


def _denied_by_access(status: int, body: Any) -> bool:
    if status == 401:
        return True
    if status != 403 or not isinstance(body, dict):
        return False
    problems = body["error"]["problems"]
    return bool(problems) and problems[0]["code"] == "access"


@pytest.mark.timeout(120)
async def test_every_route_answers_every_principal_as_its_rule_says(team: Team) -> None:
    objects = Objects(team)
    table = _table(team)
    wrong: list[str] = []
    for route in team.client.app.router.routes():
        if route.method == "HEAD":
            continue
        path = _canonical(route)
        rule = table[(route.method, path)]
        for principal in PRINCIPALS:
            url = path.format(**await objects.make(path))
            kwargs: dict[str, Any] = {}
            if url == f"{API}/artifacts":
                kwargs["data"] = b"payload"
            elif route.method in ("POST", "PUT"):
                kwargs["json"] = {}
            status, body = await team.call(principal, route.method, url, **kwargs)
            denied = _denied_by_access(status, body)
            if allowed(rule, principal):
                ok = not denied
            elif principal in UNAUTHENTICATED:
                ok = status == 401
            else:
                ok = status == 403 and denied
            if not ok:
                shown = f"{status} {body!r:.200}"
                wrong.append(f"{route.method} {path} [{rule}] as {principal}: {shown}")
    assert wrong == []
