"""Roles and ownership as people meet them: an editor changes only their own things and is told
whose they are and what to do instead; a viewer reads everything and changes nothing; an admin
changes anything; cloning builds on anyone's work."""

from __future__ import annotations

from typing import Any

from plynx.model import Role
from plynx.server import keys

from .conftest import Team
from .helpers import echo_op, node

API = "/api/v1"


def _graph(title: str = "churn") -> dict[str, Any]:
    op = echo_op(inputs=[], parameters=[{"name": "greet", "type": "str", "default": "hi"}])
    return {"title": title, "nodes": [node("n", op)]}


async def _created(team: Team, who: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    status, created = await team.call(who, "POST", API + path, json=body)
    assert status == 201, created
    return created


def _refusal(body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    error = body["error"]
    assert error["code"] == "forbidden"
    return error["message"], error["problems"][0]


async def test_an_editor_is_refused_on_another_editors_graph_and_told_to_clone(
    team: Team,
) -> None:
    graph = await _created(team, "owner", "/graphs", _graph())
    assert graph["author"] == "alice"
    status, body = await team.call("other", "PUT", f"{API}/graphs/{graph['id']}", json=_graph("x"))
    assert status == 403
    message, problem = _refusal(body)
    assert f"graph '{graph['id']}' belongs to 'alice'" in message and "clone it" in message
    assert problem == {
        "code": "access",
        "rule": "owner(graph)",
        "owner": "alice",
        "message": message,
    }
    status, _ = await team.call("other", "DELETE", f"{API}/graphs/{graph['id']}")
    assert status == 403
    _, unchanged = await team.call("other", "GET", f"{API}/graphs/{graph['id']}")
    assert unchanged["title"] == "churn"  # nothing was changed by the refused requests

    clone = await _created(team, "other", f"/graphs/{graph['id']}/clone", {})
    assert clone["author"] == "bob" and clone["id"] != graph["id"]
    status, saved = await team.call(
        "other", "PUT", f"{API}/graphs/{clone['id']}", json=_graph("mine")
    )
    assert status == 200 and saved["title"] == "mine" and saved["author"] == "bob"

    status, saved = await team.call(
        "owner", "PUT", f"{API}/graphs/{graph['id']}", json=_graph("v2")
    )
    assert status == 200 and saved["author"] == "alice"
    status, saved = await team.call(
        "admin", "PUT", f"{API}/graphs/{graph['id']}", json=_graph("v3")
    )
    assert status == 200 and saved["author"] == "alice"  # an admin's edit keeps the owner


async def test_an_unknown_id_is_404_not_403(team: Team) -> None:
    for method, path in (
        ("PUT", "/graphs/nope"),
        ("DELETE", "/runs/nope"),
        ("POST", "/operations/nope/publish"),
        ("POST", "/sweeps/nope/cancel"),
    ):
        status, body = await team.call("other", method, API + path, json={})
        assert status == 404, (path, body)


async def test_a_viewer_reads_everything_and_changes_nothing(team: Team) -> None:
    graph = await _created(team, "owner", "/graphs", _graph())
    status, page = await team.call("viewer", "GET", f"{API}/graphs")
    assert status == 200 and [g["id"] for g in page["items"]] == [graph["id"]]
    status, _ = await team.call("viewer", "GET", f"{API}/graphs/{graph['id']}")
    assert status == 200
    for method, path, body in (
        ("POST", "/graphs", _graph()),
        ("POST", f"/graphs/{graph['id']}/clone", {}),
        ("POST", "/runs", {"graph_id": graph["id"]}),
        ("PUT", f"/graphs/{graph['id']}", _graph()),
    ):
        status, refused = await team.call("viewer", method, API + path, json=body)
        assert status == 403, path
        message, problem = _refusal(refused)
        assert "needs the editor role" in message and "'vera' is a viewer" in message
        assert problem["rule"] in ("editor", "owner(graph)") and problem["owner"] is None
    status, page = await team.call("viewer", "GET", f"{API}/graphs")
    assert page["total"] == 1  # the clone and the new graph were not made


async def test_runs_are_canceled_rerun_and_cleared_only_by_their_owner(team: Team) -> None:
    graph = await _created(team, "owner", "/graphs", _graph())
    run = (await _created(team, "owner", "/runs", {"graph_id": graph["id"]}))["run"]
    for path in ("cancel", "rerun", "reproduce"):
        status, body = await team.call("other", "POST", f"{API}/runs/{run['id']}/{path}")
        assert status == 403, path
        message, _ = _refusal(body)
        assert f"run '{run['id']}' belongs to 'alice'" in message
    # anyone with the editor role may start a run of a graph they can read, owned by them
    theirs = (await _created(team, "other", "/runs", {"graph_id": graph["id"]}))["run"]
    assert theirs["author"] == "bob"
    status, canceled = await team.call("owner", "POST", f"{API}/runs/{run['id']}/cancel")
    assert status == 200 and canceled["run"]["status"] == "canceled"
    clone = await _created(team, "other", f"/runs/{run['id']}/clone", {})
    assert clone["author"] == "bob" and [n["id"] for n in clone["nodes"]] == ["n"]
    assert clone["title"].endswith("(copy)")


async def test_operations_change_only_by_their_owner_and_anyone_may_version_them(
    team: Team,
) -> None:
    op = await _created(team, "owner", "/operations", echo_op())
    for method, path in (
        ("PUT", ""),
        ("POST", "/publish"),
        ("POST", "/deprecate"),
    ):
        status, body = await team.call(
            "other", method, f"{API}/operations/{op['id']}{path}", json=echo_op()
        )
        assert status == 403, path
        message, _ = _refusal(body)
        assert "create a new version" in message
    version = await _created(team, "other", f"/operations/{op['id']}/versions", {})
    assert version["author"] == "bob" and version["parent_id"] == op["id"]
    status, published = await team.call("owner", "POST", f"{API}/operations/{op['id']}/publish")
    assert status == 200 and published["status"] == "ready"


async def test_an_operation_in_use_is_not_deleted_an_unused_one_is(team: Team) -> None:
    used = await _created(team, "owner", "/operations", echo_op(title="used"))
    unused = await _created(team, "owner", "/operations", echo_op(title="unused"))
    body = {"title": "uses it", "nodes": [node("n", used)]}
    graph = await _created(team, "owner", "/graphs", body)
    status, refused = await team.call("owner", "DELETE", f"{API}/operations/{used['id']}")
    assert status == 409
    message = refused["error"]["message"]
    assert f"graph '{graph['id']}'" in message and "deprecate" in message
    status, _ = await team.call("other", "DELETE", f"{API}/operations/{unused['id']}")
    assert status == 403
    status, _ = await team.call("owner", "DELETE", f"{API}/operations/{unused['id']}")
    assert status == 204
    status, _ = await team.call("viewer", "GET", f"{API}/operations/{unused['id']}")
    assert status == 404
    # a deleted graph still counts: an admin may bring it back
    status, _ = await team.call("owner", "DELETE", f"{API}/graphs/{graph['id']}")
    assert status == 204
    status, _ = await team.call("admin", "DELETE", f"{API}/operations/{used['id']}")
    assert status == 409


async def test_an_upgrade_dry_run_is_anyones_saving_it_the_owners(team: Team) -> None:
    graph = await _created(team, "owner", "/graphs", _graph())
    url = f"{API}/graphs/{graph['id']}/upgrade"
    status, result = await team.call("viewer", "POST", url, json={"dry_run": True})
    assert status == 200 and result["saved"] is False
    status, body = await team.call("other", "POST", url, json={"dry_run": False})
    assert status == 403 and "belongs to 'alice'" in _refusal(body)[0]
    status, _ = await team.call("owner", "POST", url, json={})
    assert status == 200


async def test_only_an_admin_clears_the_whole_cache(team: Team) -> None:
    status, body = await team.call("owner", "DELETE", f"{API}/cache")
    assert status == 403 and "needs the admin role" in _refusal(body)[0]
    status, cleared = await team.call("admin", "DELETE", f"{API}/cache")
    assert status == 200 and cleared == {"deleted": 0}


async def test_a_worker_token_is_refused_outside_artifacts_with_a_reason(team: Team) -> None:
    status, body = await team.call("worker", "GET", f"{API}/graphs")
    assert status == 403 and "worker token only opens" in _refusal(body)[0]


async def test_the_openapi_document_says_who_may_call_each_route(team: Team) -> None:
    status, doc = await team.call("viewer", "GET", f"{API}/openapi.json")
    assert status == 200
    put = doc["paths"][f"{API}/graphs/{{id}}"]["put"]
    assert put["x-plynx-access"] == "owner(graph)" and "403" in put["responses"]
    health = doc["paths"][f"{API}/health"]["get"]
    assert health["x-plynx-access"] == "public" and "403" not in health["responses"]
    assert "content" not in doc["paths"][f"{API}/graphs/{{id}}"]["delete"]["responses"]["204"]


async def test_a_role_change_takes_effect_on_the_next_request(team: Team) -> None:
    store = team.client.app[keys.STORE]
    graph = await _created(team, "owner", "/graphs", _graph())
    alice = await store.get_user("alice")
    await store.put_user(alice.model_copy(update={"role": Role.VIEWER}))
    status, body = await team.call("owner", "PUT", f"{API}/graphs/{graph['id']}", json=_graph())
    assert status == 403 and "'alice' is a viewer" in body["error"]["message"]
    await store.put_user(alice.model_copy(update={"role": Role.ADMIN}))
    status, _ = await team.call("owner", "DELETE", f"{API}/cache")
    assert status == 200
