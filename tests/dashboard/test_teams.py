"""Users and roles in the dashboard (issue 11), against a server with accounts (not local
mode): sign in and out, someone else's graph read-only with a Clone button, an editor refused
on another's graph with the server's message, the admin's Users page, My tokens.

Each person has a browser context of their own (their own session cookie). The admin
``root`` is made through the store (as ``plynx users add`` does); everyone else through the
REST API with root's token, as the dashboard itself would.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from e2e.conftest import LOCAL_TOKEN, Cluster, running_cluster
from playwright.async_api import Browser, Dialog, expect
from server.test_oidc import CLIENT_ID, CLIENT_SECRET, Provider

from plynx.model import Role, TokenKind, User
from plynx.server import keys
from plynx.server.auth import create_token

from .conftest import Dashboard
from .test_editor import cell
from .test_library import two_steps

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORDS = {"alice": "alice-secret-1", "bob": "bob-secret-22", "root": "root-secret-333"}


@dataclass
class Team:
    """A server with accounts, root's API token, and a way to open browsers as someone."""

    cluster: Cluster
    browser: Browser
    http: aiohttp.ClientSession
    worker_token: str
    boards: list[Dashboard] = dataclasses.field(default_factory=list)
    workers: list[subprocess.Popen[bytes]] = dataclasses.field(default_factory=list)

    @property
    def url(self) -> str:
        return self.cluster.url

    async def api(self, method: str, path: str, token: str | None = None, **kw: Any) -> Any:
        """Call the API as root (or with ``token``); returns ``(status, body)``."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        async with self.http.request(method, self.url + path, headers=headers, **kw) as resp:
            if resp.content_type == "application/json":
                return resp.status, await resp.json()
            return resp.status, await resp.text()

    async def add_user(self, name: str, role: str) -> None:
        status, body = await self.api(
            "POST", "/api/v1/users", json={"name": name, "role": role, "password": PASSWORDS[name]}
        )
        assert status == 201, body

    async def token_of(self, name: str) -> str:
        status, body = await self.api("POST", "/api/v1/tokens", json={"user": name})
        assert status == 201, body
        return str(body["token"])

    async def board(self) -> Dashboard:
        """A fresh browser context (nobody signed in); fails the test on console errors."""
        context = await self.browser.new_context(viewport={"width": 1400, "height": 900})
        page = await context.new_page()
        page.set_default_timeout(20_000)
        board = Dashboard(page=page, base=self.url)

        async def on_dialog(dialog: Dialog) -> None:
            board.dialogs.append(f"{dialog.type}: {dialog.message}")
            await dialog.dismiss()

        page.on("console", lambda m: m.type == "error" and board.errors.append(m.text))
        page.on("pageerror", lambda exc: board.errors.append(f"uncaught: {exc}"))
        page.on("dialog", on_dialog)
        # the first page of someone not signed in asks who they are (GET /me: 401)
        board.allow(r"401 \(Unauthorized\)")
        self.boards.append(board)
        return board

    async def signed_in(self, name: str, path: str = "/", password: str = "") -> Dashboard:
        """A browser where ``name`` signed in through the sign-in page, now at ``path``."""
        board = await self.board()
        page = board.page
        await board.open(path)
        await expect(page).to_have_url(re.compile(r"/signin\?next="))
        await page.get_by_label("User name").fill(name)
        await page.get_by_label("Password").fill(password or PASSWORDS[name])
        await page.get_by_role("button", name="Sign in").click()
        await expect(page.get_by_test_id("whoami")).to_contain_text(name)
        await expect(page).to_have_url(re.compile(re.escape(path) + "$"))
        return board

    def start_worker(self) -> None:
        """A worker process that shows a worker token of the store."""
        tmp = self.cluster.tmp
        n = len(self.workers)
        with open(tmp / f"team-worker-{n}.log", "wb") as log:
            self.workers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "plynx", "worker", "--server", self.url, "--token",
                     self.worker_token, "--slots", "2", "--work-dir", str(tmp / f"tw-{n}")],
                    stdout=subprocess.DEVNULL,
                    stderr=log,
                )
            )  # fmt: skip


@pytest.fixture
async def team(tmp_path: Path, browser: Browser) -> AsyncIterator[Team]:
    """A server with accounts: root (admin, with a password), alice and bob (editors)."""
    async with running_cluster(None, tmp_path) as cluster:
        await cluster.stop_server()
        cluster.settings = dataclasses.replace(cluster.settings, local_mode=False)
        await cluster.start_server()
        assert cluster.server is not None
        store = cluster.server.app[keys.STORE]
        now = datetime.now(UTC)
        await store.put_user(User(name="root", role=Role.ADMIN, created_at=now))
        root_token = await create_token(store, TokenKind.API, "root")
        worker_token = await create_token(store, TokenKind.WORKER, "workers")
        async with aiohttp.ClientSession(headers={"Authorization": f"Bearer {root_token}"}) as http:
            t = Team(cluster=cluster, browser=browser, http=http, worker_token=worker_token)
            status, body = await t.api(
                "PATCH", "/api/v1/users/root", json={"password": PASSWORDS["root"]}
            )
            assert status == 200, body
            for name in ("alice", "bob"):
                await t.add_user(name, "editor")
            try:
                yield t
            finally:
                for proc in t.workers:
                    proc.send_signal(signal.SIGTERM)
                for proc in t.workers:
                    try:
                        proc.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.wait()
                for board in t.boards:
                    await board.page.context.close()
    for board in t.boards:
        assert not board.dialogs, f"dialogs were opened: {board.dialogs}"
        assert not board.unexpected(), f"console errors: {board.unexpected()}"


async def alices_graph(team: Team) -> str:
    """A two-step graph that alice saved (with her own token)."""
    status, graph = await team.api(
        "POST", "/api/v1/graphs", token=await team.token_of("alice"), json=two_steps("hers")
    )
    assert status == 201, graph
    assert graph["author"] == "alice"
    return str(graph["id"])


async def test_sign_in_then_someone_elses_graph_is_read_only_and_a_clone_of_it_runs(
    team: Team,
) -> None:
    graph_id = await alices_graph(team)
    team.start_worker()
    board = await team.board()
    page = board.page
    await board.open(f"/graphs/{graph_id}/edit")
    await expect(page).to_have_url(re.compile(r"/signin\?next="))
    # a wrong password: the server's answer, the same for an unknown user
    await page.get_by_label("User name").fill("bob")
    await page.get_by_label("Password").fill("not-his-password")
    await page.get_by_role("button", name="Sign in").click()
    refusal = page.locator(".signin-form .error-text")
    await expect(refusal).to_be_visible()
    wrong_password = await refusal.inner_text()
    await page.get_by_label("User name").fill("nobody")
    await page.get_by_label("Password").fill("not-his-password")
    await page.get_by_role("button", name="Sign in").click()
    await expect(refusal).to_have_text(wrong_password)
    await page.get_by_label("User name").fill("bob")
    await page.get_by_label("Password").fill(PASSWORDS["bob"])
    await page.get_by_role("button", name="Sign in").click()
    await expect(page).to_have_url(re.compile(f"/graphs/{graph_id}/edit$"))
    await expect(page.get_by_test_id("whoami")).to_contain_text("bob")
    await expect(page.get_by_test_id("whoami")).to_contain_text("editor")
    await expect(page.get_by_role("link", name="Users")).to_have_count(0)  # not an admin

    # alice's graph: her name, read-only, a Clone button; nothing to edit it with
    await expect(page.locator("[data-testid=editor-canvas][data-ready=true]")).to_have_count(1)
    await expect(page.get_by_test_id("owner")).to_contain_text("alice")
    banner = page.get_by_test_id("read-only")
    await expect(banner).to_contain_text("belongs to alice")
    await expect(page.get_by_role("button", name="Save", exact=True)).to_have_count(0)
    await expect(page.locator(".palette")).to_have_count(0)
    await expect(page.locator(".editor-side").get_by_label("Title")).to_be_disabled()
    await cell(page, "b").click()
    await expect(page.locator(".node-form")).to_have_attribute("data-node", "b")
    await expect(page.locator(".editor-side input").first).to_be_disabled()

    # dragging a node moves it not (the view may pan: compare it with the other node)
    async def offset() -> tuple[float, float]:
        a = await cell(page, "a").bounding_box()
        b = await cell(page, "b").bounding_box()
        assert a is not None and b is not None
        return b["x"] - a["x"], b["y"] - a["y"]

    before = await offset()
    box = await cell(page, "b").bounding_box()
    assert box is not None
    await page.mouse.move(box["x"] + 20, box["y"] + 10)
    await page.mouse.down()
    await page.mouse.move(box["x"] + 220, box["y"] + 150, steps=5)
    await page.mouse.up()
    after = await offset()
    assert abs(after[0] - before[0]) < 1 and abs(after[1] - before[1]) < 1, (before, after)
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")
    await board.screenshot("teams-read-only")

    # Clone: bob's own copy, editable, runs
    await banner.get_by_role("button", name="Clone").click()
    await expect(page).not_to_have_url(re.compile(graph_id))
    await expect(page.get_by_test_id("owner")).to_contain_text("bob (you)")
    await expect(page.get_by_test_id("read-only")).to_have_count(0)
    await expect(page.get_by_role("button", name="Save", exact=True)).to_be_enabled()
    copy_id = page.url.split("/graphs/")[1].split("/")[0]
    status, copy = await team.api("GET", f"/api/v1/graphs/{copy_id}")
    assert status == 200 and copy["author"] == "bob", copy
    # a file dropped in goes up with the session's CSRF token (a raw POST, not the JSON client)
    await page.locator(".editor-page input[type=file]").set_input_files(
        files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"hello\n"}]
    )
    await expect(cell(page, "notes_txt_1")).to_contain_text("out: text")
    await page.get_by_role("button", name="Save", exact=True).click()
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "false")
    status, original = await team.api("GET", f"/api/v1/graphs/{graph_id}")
    assert original["author"] == "alice" and original["title"] == "two steps", original

    await page.get_by_role("button", name="Run", exact=True).click()
    await expect(page).to_have_url(re.compile(r"/runs/[0-9a-f]+$"))
    await expect(page.locator(".run-page")).to_have_attribute(
        "data-status", "success", timeout=60_000
    )
    await expect(page.get_by_test_id("owner")).to_contain_text("bob")
    run_id = page.url.rsplit("/", 1)[1]
    status, detail = await team.api("GET", f"/api/v1/runs/{run_id}")
    assert detail["run"]["author"] == "bob" and detail["run"]["graph_id"] == copy_id, detail

    # his own run and graph he may delete (asked in place, no dialog)
    await page.get_by_role("button", name="Delete", exact=True).click()
    await page.get_by_role("button", name="Yes, delete this run").click()
    await expect(page).to_have_url(re.compile(r"/runs$"))
    status, gone = await team.api("GET", f"/api/v1/runs/{run_id}")
    assert status == 404 and "deleted" in gone["error"]["message"], gone
    await board.open(f"/graphs/{copy_id}/edit")
    await page.get_by_role("button", name="Delete", exact=True).click()
    await page.get_by_role("button", name="Yes, delete this graph").click()
    await expect(page).to_have_url(re.compile(r"/graphs$"))
    status, gone = await team.api("GET", f"/api/v1/graphs/{copy_id}")
    assert status == 404, gone

    # alice's run page, seen by bob: no Cancel or Re-run (hers), Clone to graph (anyone's)
    status, hers = await team.api(
        "POST", "/api/v1/runs", token=await team.token_of("alice"), json={"graph_id": graph_id}
    )
    assert status == 201, hers
    await board.open(f"/runs/{hers['run']['id']}")
    await expect(page.get_by_test_id("owner")).to_contain_text("alice")
    await expect(page.get_by_role("button", name="Clone to graph")).to_be_visible()
    await expect(page.get_by_role("button", name="Re-run")).to_have_count(0)
    await expect(page.get_by_role("button", name="Cancel")).to_have_count(0)
    await expect(page.get_by_role("button", name="Delete", exact=True)).to_have_count(0)


async def test_an_editor_refused_on_anothers_graph_sees_the_servers_message_and_keeps_the_edits(
    team: Team,
) -> None:
    graph_id = await alices_graph(team)
    status, body = await team.api("PATCH", "/api/v1/users/bob", json={"role": "admin"})
    assert status == 200, body
    board = await team.signed_in("bob", f"/graphs/{graph_id}/edit")
    page = board.page
    await expect(page.locator("[data-testid=editor-canvas][data-ready=true]")).to_have_count(1)
    # an admin may change alice's graph: the editor is editable
    await expect(page.get_by_test_id("read-only")).to_have_count(0)
    title = page.locator(".editor-side").get_by_label("Title")
    await title.fill("bob's better steps")
    await title.press("Tab")
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "true")

    # meanwhile bob is made an editor again: the next request counts
    status, body = await team.api("PATCH", "/api/v1/users/bob", json={"role": "editor"})
    assert status == 200, body
    board.allow(r"403 \(Forbidden\)")
    await page.get_by_role("button", name="Save", exact=True).click()
    refused = page.get_by_test_id("refused")
    await expect(refused).to_contain_text("belongs to 'alice'")
    await expect(refused).to_contain_text("editor")
    toast = page.locator(".toast-error")
    await expect(toast).to_contain_text("belongs to 'alice'")
    assert (await toast.inner_text()).count("belongs to") == 1  # said once
    await expect(page.locator(".editor-page")).to_have_attribute("data-dirty", "true")
    status, original = await team.api("GET", f"/api/v1/graphs/{graph_id}")
    assert original["title"] == "two steps", original  # unchanged
    await board.screenshot("teams-refused")

    # the edits are not lost: saved as bob's own copy
    await refused.get_by_role("button", name="Save as my copy").click()
    await expect(page).not_to_have_url(re.compile(graph_id))
    await expect(page.get_by_test_id("owner")).to_contain_text("bob (you)")
    await expect(page.locator(".editor-title")).to_have_text("bob's better steps (copy)")
    copy_id = page.url.split("/graphs/")[1].split("/")[0]
    status, copy = await team.api("GET", f"/api/v1/graphs/{copy_id}")
    assert copy["author"] == "bob" and len(copy["nodes"]) == 2, copy


async def test_the_admin_adds_a_user_who_signs_in_and_is_disabled(team: Team) -> None:
    admin = await team.signed_in("root", "/")
    page = admin.page
    await page.get_by_role("link", name="Users").click()
    await expect(page).to_have_url(re.compile(r"/users$"))
    rows = page.locator("tr[data-user]")
    await expect(rows).to_have_count(4)  # root, alice, bob and the workers' token's user
    await page.get_by_label("New user name").fill("carol")
    await page.get_by_label("New user role").select_option("viewer")
    await page.get_by_label("New user password").fill("carol-secret-4444")
    await page.get_by_role("button", name="Add user").click()
    carol = page.locator("tr[data-user=carol]")
    await expect(carol).to_have_attribute("data-role", "viewer")
    await expect(carol).to_contain_text("set")  # has a password
    status, body = await team.api("GET", "/api/v1/users/carol")
    assert status == 200 and body["role"] == "viewer", body

    # a viewer reads, and is offered nothing to change
    graph_id = await alices_graph(team)
    viewer = await team.signed_in("carol", f"/graphs/{graph_id}/edit", "carol-secret-4444")
    await expect(viewer.page.get_by_test_id("whoami")).to_contain_text("viewer")
    await expect(viewer.page.get_by_test_id("read-only")).to_contain_text("not change or clone")
    await expect(viewer.page.get_by_role("button", name="Clone")).to_have_count(0)
    await expect(viewer.page.get_by_role("button", name="Run", exact=True)).to_be_disabled()
    await viewer.open("/")
    await expect(viewer.page.get_by_role("link", name="Open").first).to_be_visible()
    await expect(viewer.page.get_by_role("button", name="Run", exact=True)).to_have_count(0)

    # made an editor: the role counts on carol's next request
    await page.get_by_label("Role of carol").select_option("editor")
    await expect(carol).to_have_attribute("data-role", "editor")
    await viewer.open(f"/graphs/{graph_id}/edit")
    await expect(viewer.page.get_by_test_id("whoami")).to_contain_text("editor")
    await expect(
        viewer.page.get_by_test_id("read-only").get_by_role("button", name="Clone")
    ).to_be_visible()

    # the last admin cannot be demoted: the server's reason is shown, the role stays
    admin.allow(r"409 \(Conflict\)")
    await page.get_by_label("Role of root").select_option("editor")
    await expect(page.locator(".toast-error")).to_contain_text("admin")
    await expect(page.locator("tr[data-user=root]")).to_have_attribute("data-role", "admin")
    await expect(page.get_by_label("Role of root")).to_have_value("admin")

    # a password reset lets carol in with the new one
    await carol.get_by_role("button", name="Reset password").click()
    await page.get_by_label("New password for carol").fill("carol-new-55555")
    await carol.get_by_role("button", name="Set", exact=True).click()
    await expect(page.locator(".toast").last).to_contain_text("Password of carol set")
    again = await team.signed_in("carol", "/runs", "carol-new-55555")

    # disabled: carol's sessions stop working on their next request
    await carol.get_by_role("button", name="Disable").click()
    await expect(carol).to_have_attribute("data-disabled", "true")
    await again.page.get_by_role("link", name="Graphs", exact=True).click()
    await expect(again.page).to_have_url(re.compile(r"/signin\?next="))
    await admin.screenshot("teams-users")

    # an admin's tokens page: worker tokens, tokens for others, everyone's tokens
    await page.get_by_role("link", name="My tokens").click()
    await page.get_by_label("Token name").fill("gpu box")
    await page.get_by_label("Kind").select_option("worker")
    await page.get_by_role("button", name="Create token").click()
    await expect(page.get_by_label("New token")).to_have_value(re.compile(r"^plx_"))
    await expect(page.locator("tr[data-token]", has_text="gpu box")).to_contain_text("worker")
    await page.get_by_role("button", name="Done").click()
    await expect(page.get_by_label("Kind")).to_have_value("api")  # asked again each time
    await page.get_by_label("Token name").fill("for alice")
    await page.get_by_label("For user").fill("alice")
    await page.get_by_role("button", name="Create token").click()
    await expect(page.get_by_label("New token")).to_have_value(re.compile(r"^plx_"))
    # mine only: the fixture's API token and the worker token, not alice's
    await expect(page.locator("tr[data-token]")).to_have_count(2)
    await page.get_by_label("everyone's tokens").check()
    alices = page.locator("tr[data-token]", has_text="for alice")
    await expect(alices).to_contain_text("alice")
    status, listed = await team.api("GET", "/api/v1/tokens", params={"user": "alice"})
    made = [t for t in listed["items"] if t["name"] == "for alice"]
    assert status == 200 and [t["kind"] for t in made] == ["api"], listed


async def test_a_token_is_shown_once_revoked_and_signing_out_ends_the_session(
    team: Team,
) -> None:
    board = await team.signed_in("alice", "/graphs")
    page = board.page
    await page.get_by_role("link", name="My tokens").click()
    await expect(page).to_have_url(re.compile(r"/tokens$"))
    await expect(page.locator("tr[data-token]")).to_have_count(0)
    await page.get_by_label("Token name").fill("laptop")
    await page.get_by_role("button", name="Create token").click()
    shown = page.get_by_label("New token")
    await expect(shown).to_have_value(re.compile(r"^plx_"))
    secret = await shown.input_value()
    await board.screenshot("teams-new-token")
    row = page.locator("tr[data-token]")
    await expect(row).to_have_count(1)
    await expect(row).to_contain_text("laptop")
    await expect(row).to_have_attribute("data-state", "active")
    await expect(row.locator(".token-last-used")).to_have_text("never")

    # the token works, as alice; when it was last used is recorded (in the background)
    status, who = await team.api("GET", "/api/v1/me", token=secret)
    assert status == 200 and who["name"] == "alice", who
    async with asyncio.timeout(10):
        while not (await team.api("GET", "/api/v1/tokens", token=secret))[1]["items"][0][
            "last_used_at"
        ]:
            await asyncio.sleep(0.05)

    # shown once: gone when dismissed, and not on the page after a reload
    await page.get_by_role("button", name="Done").click()
    await expect(page.get_by_test_id("new-token")).to_have_count(0)
    await page.reload()
    await expect(row).to_have_count(1)
    assert secret not in await page.content()
    await expect(row.locator(".token-last-used")).not_to_have_text("never")

    await row.get_by_role("button", name="Revoke").click()
    await row.get_by_role("button", name="Yes, revoke").click()
    await expect(row).to_have_attribute("data-state", "revoked")
    status, _ = await team.api("GET", "/api/v1/me", token=secret)
    assert status == 401

    # a new password: the old one must be given, and the session goes on
    board.allow(r"400 \(Bad Request\)")
    await page.get_by_label("Current password").fill("not-it")
    await page.get_by_label("New password", exact=True).fill("alice-new-secret-9")
    await page.get_by_label("New password again").fill("alice-new-secret-9")
    await page.get_by_role("button", name="Change password").click()
    await expect(page.locator(".signin-form .error-text")).to_contain_text("old password")
    await page.get_by_label("Current password").fill(PASSWORDS["alice"])
    await page.get_by_role("button", name="Change password").click()
    await expect(page.locator(".toast").last).to_contain_text("Password changed")
    await page.reload()
    await expect(page.get_by_test_id("whoami")).to_contain_text("alice")

    # sign out: back to the sign-in page, and the session is over on the server too
    cookies = await page.context.cookies()
    session = next(c["value"] for c in cookies if c["name"] == "plynx_session")
    await page.get_by_role("button", name="Sign out").click()
    await expect(page).to_have_url(re.compile(r"/signin$"))
    await expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    await expect(page.get_by_test_id("whoami")).to_have_count(0)
    assert not [c for c in await page.context.cookies() if c["name"] == "plynx_session"]
    async with (
        aiohttp.ClientSession() as anonymous,
        anonymous.get(
            f"{team.url}/api/v1/me", headers={"Cookie": f"plynx_session={session}"}
        ) as resp,
    ):
        assert resp.status == 401, await resp.text()
    await board.open("/graphs")
    await expect(page).to_have_url(re.compile(r"/signin\?next=%2Fgraphs$"))
    await team.signed_in("alice", "/graphs", "alice-new-secret-9")


async def test_local_mode_has_no_sign_in_and_its_one_user_changes_everything(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    status, graph = await cluster.request("POST", "/api/v1/graphs", json=two_steps("x"))
    assert status == 201, graph
    page = dashboard.page
    await dashboard.open(f"/graphs/{graph['id']}/edit")
    await expect(page.locator("[data-testid=editor-canvas][data-ready=true]")).to_have_count(1)
    await expect(page.get_by_test_id("read-only")).to_have_count(0)
    await expect(page.get_by_role("button", name="Save", exact=True)).to_be_visible()
    await expect(page.get_by_test_id("whoami")).to_have_count(0)
    await expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    await dashboard.open("/signin")
    await expect(page.locator("h1")).to_have_text("Local server")
    # the old token page's address leads there too
    await dashboard.open("/token?next=/runs")
    await expect(page).to_have_url(re.compile(r"/signin\?next=/runs$"))
    await page.get_by_role("link", name="Go on").click()
    await expect(page).to_have_url(re.compile(r"/runs$"))


async def test_someone_elses_operation_is_read_only_and_a_new_version_of_it_is_mine(
    team: Team,
) -> None:
    alice = await team.token_of("alice")
    body = {"kind": "bash_jinja2", "title": "Count words", "code": "wc -w"}
    status, draft = await team.api("POST", "/api/v1/operations", token=alice, json=body)
    assert status == 201, draft
    status, op = await team.api("POST", f"/api/v1/operations/{draft['id']}/publish", token=alice)
    assert status == 200, op
    status, hers = await team.api("POST", "/api/v1/operations", token=alice, json=body)
    assert status == 201, hers

    board = await team.signed_in("bob", f"/operations/{op['id']}")
    page = board.page
    await expect(page.get_by_test_id("owner")).to_contain_text("alice")
    await expect(page.get_by_test_id("read-only")).to_contain_text("belongs to alice")
    await expect(page.get_by_role("button", name="Deprecate")).to_have_count(0)
    # her draft: nothing to save or publish
    await board.open(f"/operations/{hers['id']}")
    await expect(page.get_by_test_id("owner")).to_contain_text("alice")
    await expect(page.get_by_role("button", name="Save draft")).to_have_count(0)
    await expect(page.get_by_role("button", name="Publish")).to_have_count(0)
    await expect(page.get_by_label("Kind")).to_be_disabled()

    # a new version of the published one is bob's draft
    await board.open(f"/operations/{op['id']}")
    await page.get_by_role("button", name="New version").click()
    await expect(page).not_to_have_url(re.compile(op["id"]))
    await expect(page.get_by_test_id("owner")).to_contain_text("bob")
    await expect(page.get_by_role("button", name="Save draft")).to_be_visible()
    await expect(page.get_by_test_id("read-only")).to_have_count(0)


@pytest.fixture
async def provider() -> AsyncIterator[Provider]:
    """The OpenID provider of tests/server/test_oidc.py, on a port of its own."""
    the_provider = Provider()
    server = TestServer(the_provider.app(), host="127.0.0.1")
    await server.start_server()
    the_provider.issuer = str(server.make_url("")).rstrip("/")
    try:
        yield the_provider
    finally:
        await server.close()


async def test_single_sign_on_creates_the_user_on_first_sign_in(
    team: Team, provider: Provider
) -> None:
    cluster = team.cluster
    await cluster.stop_server()
    cluster.settings = dataclasses.replace(
        cluster.settings,
        oidc_issuer=provider.issuer,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=CLIENT_SECRET,
        oidc_default_role="editor",
    )
    await cluster.start_server()
    provider.who = {"sub": "u-42", "preferred_username": "sam"}

    board = await team.board()
    page = board.page
    await board.open("/graphs?q=steps")
    await expect(page).to_have_url(re.compile(r"/signin\?next="))
    await expect(page.get_by_label("User name")).to_be_visible()  # passwords work too
    await page.get_by_role("button", name="Sign in with single sign-on").click()
    await expect(page).to_have_url(re.compile(r"/graphs\?q=steps$"))
    await expect(page.get_by_test_id("whoami")).to_contain_text("sam")
    await expect(page.get_by_test_id("whoami")).to_contain_text("editor")
    await expect(page.get_by_role("button", name="New graph")).to_be_visible()
    status, sam = await team.api("GET", "/api/v1/users/sam")
    assert status == 200 and sam["role"] == "editor", sam


async def test_a_browser_not_logged_in_to_a_local_server_is_told_how(
    cluster: Cluster, browser: Browser
) -> None:
    context = await browser.new_context()
    try:
        page = await context.new_page()
        page.set_default_timeout(20_000)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        await page.goto(f"{cluster.url}/graphs")
        await expect(page).to_have_url(re.compile(r"/signin\?next=%2Fgraphs$"))
        await expect(page.locator("h1")).to_have_text("Local server")
        await expect(page.locator(".signin")).to_contain_text("Open the link it printed")
        await expect(page.get_by_label("User name")).to_have_count(0)  # no passwords here
        await page.get_by_text("Use an API token instead").click()
        await page.get_by_label("API token").fill(LOCAL_TOKEN)
        await page.get_by_role("button", name="Use this token").click()
        await expect(page).to_have_url(re.compile(r"/graphs$"))
        await expect(page.locator("h1")).to_have_text("Graphs")
        await expect(page.get_by_test_id("whoami")).to_have_count(0)  # the one local user
        assert errors == []
    finally:
        await context.close()
