"""``plynx users`` and ``plynx token`` against a real ``plynx server``: a user made by the CLI
signs in with the password given on stdin, and a role change or disable by the CLI (another
process, straight to the store) applies to their very next request."""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie
from typing import Any

import pytest

from .conftest import Plynx, free_port, http_json, wait_until

pytestmark = pytest.mark.slow

PASSWORD = "a long enough password"


def _post_json(url: str, body: dict[str, Any]) -> tuple[int, Any, str]:
    """``(status, JSON body, Set-Cookie)`` of a POST."""
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, json.loads(resp.read()), resp.headers.get("Set-Cookie", "")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null"), ""


def _me(url: str, cookie: str) -> tuple[int, Any]:
    request = urllib.request.Request(url + "/api/v1/me", headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def test_users_made_by_the_cli_sign_in_and_lose_access_when_changed(
    plynx: Plynx, background: list[subprocess.Popen[str]]
) -> None:
    data = ["--data-dir", str(plynx.data_dir)]
    added = plynx(
        "users",
        "add",
        "alice",
        "--role",
        "editor",
        "--password-stdin",
        *data,
        input=PASSWORD + "\n",
    )
    assert added.returncode == 0, added.stderr
    assert "alice added (editor, with a password)" in added.stdout
    assert plynx("users", "add", "root", "--admin", *data).returncode == 0

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    background.append(plynx.start("server", "--port", str(port), *data))
    wait_until(lambda: http_json(url + "/api/v1/health")[0] == 200, what="the server")

    status, body, set_cookie = _post_json(
        url + "/api/v1/session", {"user": "alice", "password": PASSWORD}
    )
    assert status == 200 and body["role"] == "editor", body
    morsel = SimpleCookie(set_cookie)["plynx_session"]
    cookie = f"plynx_session={morsel.value}"
    assert _me(url, cookie) == (
        200,
        {"name": "alice", "role": "editor", "local": False, "csrf_token": body["csrf_token"]},
    )

    assert plynx("users", "set-role", "alice", "viewer", *data).returncode == 0
    assert _me(url, cookie)[1]["role"] == "viewer"
    assert plynx("users", "disable", "alice", *data).returncode == 0
    assert _me(url, cookie)[0] == 401
    listed = plynx("users", "list", *data).stdout
    alice_row = next(line for line in listed.splitlines() if "alice" in line)
    assert "viewer" in alice_row and "disabled" in alice_row and "yes" in alice_row
    assert plynx("users", "enable", "alice", *data).returncode == 0
    status, _, _ = _post_json(url + "/api/v1/session", {"user": "alice", "password": PASSWORD})
    assert status == 200

    # a new password from stdin replaces the old one
    changed = plynx("users", "set-password", "alice", *data, input="another long password\n")
    assert changed.returncode == 0, changed.stderr
    old = _post_json(url + "/api/v1/session", {"user": "alice", "password": PASSWORD})
    assert old[0] == 401
    new = _post_json(
        url + "/api/v1/session", {"user": "alice", "password": "another long password"}
    )
    assert new[0] == 200


def test_users_commands_refuse_what_they_cannot_do(plynx: Plynx) -> None:
    data = ["--data-dir", str(plynx.data_dir)]
    assert plynx("users", "add", "root", "--role", "admin", *data).returncode == 0
    for args, words in [
        (("users", "set-role", "root", "editor"), "last enabled admin"),
        (("users", "disable", "root"), "last enabled admin"),
        (("users", "set-role", "nobody", "viewer"), "'nobody' was not found"),
        (("users", "set-role", "root", "owner"), "'owner' is not one of"),
        (("users", "add", "bad name"), "not a user name"),
        (("users", "add", "bob", "--admin", "--role", "viewer"), "disagree"),
    ]:
        done = plynx(*args, *data)
        assert done.returncode != 0, args
        assert words in done.stderr, (args, done.stderr)
    short = plynx("users", "add", "bob", "--password-stdin", *data, input="short\n")
    assert short.returncode != 0 and "at least 8" in short.stderr
    listed = plynx("users", "list", *data).stdout
    assert "bob" not in listed and "admin" in listed


def test_tokens_expire_and_are_listed_per_user(plynx: Plynx) -> None:
    data = ["--data-dir", str(plynx.data_dir)]
    made = plynx("token", "create", "--user", "alice", "--expires", "30d", *data)
    assert made.returncode == 0 and made.stdout.strip().startswith("plx_")
    assert plynx("token", "create", "--user", "bob", *data).returncode == 0
    listed = plynx("token", "list", "--user", "alice", *data)
    assert "alice" in listed.stdout and "bob" not in listed.stdout
    expected = (datetime.now(UTC) + timedelta(days=30)).strftime("%Y-%m-%d")
    assert expected in listed.stdout
    assert "last used" in listed.stdout and "never" in listed.stdout  # made, not used yet
    assert "never" in plynx("token", "list", "--user", "bob", *data).stdout
    bad = plynx("token", "create", "--expires", "soon", *data)
    assert bad.returncode != 0 and "not a duration" in bad.stderr
