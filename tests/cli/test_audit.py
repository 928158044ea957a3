"""``plynx audit``: the audit trail from the terminal, filtered, as a table or JSON lines; and
end to end, the requests a real ``plynx server`` answered."""

from __future__ import annotations

import asyncio
import json
import subprocess
import urllib.request
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from plynx.cli.audit import parse_when
from plynx.model import AuditEvent, AuditOutcome
from plynx.settings import load_settings
from plynx.store import open_store

from .conftest import Plynx, free_port, http_json, wait_until


def event(
    ident: str, ago: timedelta, user: str, action: str, object_id: str, status: int
) -> AuditEvent:
    kind = action.split(".", maxsplit=1)[0]
    return AuditEvent(
        id=ident,
        at=datetime.now(UTC) - ago,
        user=user,
        action=action,
        method="POST",
        path=f"/api/v1/{kind}s",
        object_kind=kind,
        object_id=object_id,
        status=status,
        outcome=AuditOutcome.OK if status < 400 else AuditOutcome.DENIED,
        address="192.0.2.10",
    )


def seed(plynx: Plynx, events: list[AuditEvent]) -> None:
    url = load_settings(environ={}, data_dir=plynx.data_dir).store_url

    async def add() -> None:
        plynx.data_dir.mkdir(parents=True, exist_ok=True)
        async with open_store(url) as store:
            await store.add_audit_events(events)

    asyncio.run(add())


def json_lines(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_audit_filters_and_shows_the_trail(plynx: Plynx) -> None:
    seed(
        plynx,
        [
            event("e0", timedelta(days=4), "", "graph.create", "", 401),
            event("e1", timedelta(days=3), "alice", "graph.create", "g1", 201),
            event("e2", timedelta(hours=5), "bob", "graph.update", "g1", 403),
            event("e3", timedelta(minutes=10), "alice", "run.cancel", "r1", 200),
        ],
    )
    data = ["--data-dir", str(plynx.data_dir)]

    def ids(*args: str) -> list[str]:
        return [e["id"] for e in json_lines(plynx("audit", "--json", *args, *data))]

    assert ids() == ["e3", "e2", "e1", "e0"]
    assert ids("--user", "") == ["e0"]
    assert ids("--user", "alice") == ["e3", "e1"]
    assert ids("--object", "graph/g1") == ["e2", "e1"]
    assert ids("--object", "run") == ["e3"]
    assert ids("--action", "graph.update") == ["e2"]
    assert ids("--since", "1d") == ["e3", "e2"]
    assert ids("--since", "1d", "--until", "1h") == ["e2"]
    assert ids("--limit", "1") == ["e3"]

    table = plynx("audit", *data)
    assert table.returncode == 0, table.stderr
    rows = [line for line in table.stdout.splitlines() if "192.0.2.10" in line]
    assert len(rows) == 4
    assert "bob" in rows[1] and "graph/g1" in rows[1] and "403 denied" in rows[1]
    short = plynx("audit", "--limit", "2", *data)
    assert "2 of 4 events" in short.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--since", "yesterday"], "neither a time ago"),
        (["--object", "/g1"], "give KIND or KIND/ID"),
        (["--since", "1h", "--until", "2h"], "--since must be before --until"),
    ],
)
def test_a_bad_filter_is_one_clear_error(plynx: Plynx, args: list[str], message: str) -> None:
    result = plynx("audit", *args, "--data-dir", str(plynx.data_dir))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_times_are_ago_or_iso_8601() -> None:
    now = datetime(2024, 5, 1, 12, tzinfo=UTC)
    assert parse_when("90m", now) == now - timedelta(minutes=90)
    assert parse_when("2w", now) == now - timedelta(weeks=2)
    assert parse_when("2024-04-30") == datetime(2024, 4, 30, tzinfo=UTC)
    assert parse_when("2024-04-30T10:00:00+02:00") == datetime(2024, 4, 30, 8, tzinfo=UTC)


def _post(url: str, token: str | None, body: dict[str, Any]) -> int:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


@pytest.mark.slow
def test_a_servers_requests_show_up_in_plynx_audit(
    plynx: Plynx, background: list[subprocess.Popen[str]]
) -> None:
    data = ["--data-dir", str(plynx.data_dir)]
    token = plynx("token", "create", "--user", "alice", *data).stdout.strip()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    background.append(plynx.start("server", "--port", str(port), *data))
    wait_until(lambda: http_json(url + "/api/v1/health")[0] == 200, what="the server")

    assert _post(url + "/api/v1/graphs", token, {"title": "mine"}) == 201
    assert _post(url + "/api/v1/graphs", None, {"title": "sneaky"}) == 401
    assert _post(url + "/api/v1/graphs", token, {"title": 7}) == 400

    def trail() -> list[dict[str, Any]]:
        found = json_lines(plynx("audit", "--json", *data))
        return found if len(found) == 3 else []

    events = wait_until(trail, what="three audit events")
    assert [(e["user"], e["action"], e["status"], e["outcome"]) for e in events] == [
        ("alice", "graph.create", 400, "error"),
        ("", "graph.create", 401, "denied"),
        ("alice", "graph.create", 201, "ok"),
    ]
    assert events[-1]["object_id"] and events[-1]["address"] == "127.0.0.1"
