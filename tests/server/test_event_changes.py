"""``node_run`` events carry only what changed: every way a client follows a run (a snapshot
then events, ``GET /runs/{id}`` then a catch-up with ``since``, a reconnect, a resync, the
Python client) ends with the node runs that ``GET /runs/{id}`` returns, and a follower of a
large run receives far fewer bytes than with whole node runs."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from aiohttp import ClientWebSocketResponse, WSMsgType
from aiohttp.test_utils import TestClient

from plynx.client import PlynxClient, frame_messages
from plynx.model import MetricPoint, NodeRun
from plynx.protocol import PROTOCOL_VERSION, Hello, Metrics
from plynx.server import keys
from plynx.settings import Settings

from .helpers import InProcessWorker, echo_op, node

API = "/api/v1"


class Follower:
    """A dashboard following a run on ``/ws/events``: it merges each ``node_run`` event into
    the node run it has, as the dashboard and the Python client do, and counts what it got."""

    def __init__(self, run_id: str) -> None:
        self.run_id = run_id
        self.ws: ClientWebSocketResponse | None = None
        self.run: dict[str, Any] = {}
        self.node_runs: dict[str, dict[str, Any]] = {}
        self.seq = -1
        self.snapshots = 0
        self.bytes = 0

    @classmethod
    async def from_detail(cls, client: TestClient, run_id: str) -> Follower:
        """A follower that read ``GET /runs/{id}`` (the dashboard's way); it subscribes with
        that reading's ``seq``."""
        follower = cls(run_id)
        detail = await (await client.get(f"{API}/runs/{run_id}")).json()
        follower.run = detail["run"]
        follower.node_runs = {nr["node_id"]: nr for nr in detail["node_runs"]}
        follower.seq = max([detail["run"]["seq"], *(nr["seq"] for nr in detail["node_runs"])])
        return follower

    async def subscribe(self, client: TestClient, since: int | None = None) -> None:
        self.ws = await client.ws_connect("/ws/events", max_msg_size=0)
        message = {"type": "subscribe", "topic": "run", "run_id": self.run_id, "since": since}
        await self.ws.send_json(message)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    def _apply(self, message: dict[str, Any]) -> None:
        if message.get("type") == "snapshot":
            self.snapshots += 1
            self.run = message["run"]
            self.node_runs = {nr["node_id"]: nr for nr in message["node_runs"]}
            self.seq = message["seq"]
        elif message.get("type") == "event" and message.get("topic") == "run":
            if message["kind"] == "node_run":
                change = message["node_run"]
                self.node_runs[change["node_id"]] = {**self.node_runs[change["node_id"]], **change}
            elif message["kind"] == "run":
                self.run = message["run"]
            self.seq = max(self.seq, message["seq"])

    async def reach(self, seq: int) -> None:
        """Read until the follower has seen event ``seq``."""
        assert self.ws is not None
        async with asyncio.timeout(10):
            while self.seq < seq:
                frame = await self.ws.receive()
                assert frame.type == WSMsgType.TEXT, frame
                self.bytes += len(frame.data.encode())
                for message in frame_messages(json.loads(frame.data)):
                    self._apply(message)

    def state(self) -> dict[str, NodeRun]:
        return {node_id: NodeRun.model_validate(nr) for node_id, nr in self.node_runs.items()}


async def detail_of(client: TestClient, run_id: str) -> tuple[int, dict[str, Any]]:
    """The run's last ``seq`` and its node runs by node id, as ``GET /runs/{id}`` has them
    once everything is stored."""
    await client.app[keys.ENGINE].flush()
    detail = await (await client.get(f"{API}/runs/{run_id}")).json()
    seq = max([detail["run"]["seq"], *(nr["seq"] for nr in detail["node_runs"])])
    return seq, {nr["node_id"]: NodeRun.model_validate(nr) for nr in detail["node_runs"]}


async def assert_in_step(client: TestClient, run_id: str, *followers: Follower) -> None:
    """Each follower has the node runs ``GET /runs/{id}`` has, but for what only a dispatch
    changed: it counts an attempt and names the worker without an event (the node's next one
    tells them)."""
    seq, expected = await detail_of(client, run_id)
    dispatched = {k for k, nr in expected.items() if nr.status == "queued" and nr.worker_id}
    unsaid = {"attempt": 0, "worker_id": None}
    for follower in followers:
        await follower.reach(seq)
        state = follower.state()
        for node_id in dispatched:
            assert state[node_id].attempt in (
                expected[node_id].attempt - 1,
                expected[node_id].attempt,
            )
            state[node_id] = state[node_id].model_copy(update=unsaid)
        assert state == {
            k: nr.model_copy(update=unsaid) if k in dispatched else nr for k, nr in expected.items()
        }


async def post_run(client: TestClient, nodes: list[dict[str, Any]]) -> str:
    resp = await client.post(f"{API}/runs", json={"graph": {"nodes": nodes}})
    assert resp.status == 201, await resp.text()
    return str((await resp.json())["run"]["id"])


async def finish(worker: InProcessWorker, count: int) -> None:
    for _ in range(count):
        d = await worker.dispatch()
        await worker.start(d)
        await worker.succeed(d)


async def test_every_way_of_following_a_run_ends_with_the_stored_node_runs(
    client: TestClient, settings: Settings
) -> None:
    """Successes, a failure retried, metrics, a cached node, a requeue: each follower's merged
    node runs equal ``GET /runs/{id}`` at the end, whichever way it started."""
    engine = client.app[keys.ENGINE]
    worker = InProcessWorker(engine)
    await worker.connect()
    cached_op = echo_op(inputs=[], code="echo cached")
    first = await post_run(client, [node("cached", cached_op)])
    await finish(worker, 1)
    await detail_of(client, first)

    run_id = await post_run(
        client,
        [
            node("ok", echo_op(inputs=[], code="echo ok")),
            node("flaky", echo_op(inputs=[], code="echo flaky", retries=1)),
            node("metered", echo_op(inputs=[], code="echo metered")),
            node("cached", cached_op),
            node("late", echo_op(inputs=[], code="echo late")),
        ],
    )
    from_start = Follower(run_id)
    await from_start.subscribe(client)
    dispatches = {}
    for _ in range(4):  # the four that are not cached, dispatched on the worker's four slots
        d = await worker.dispatch()
        dispatches[d.node_id] = d
    assert set(dispatches) == {"ok", "flaky", "metered", "late"}
    await engine.flush()
    # joined while every node is dispatched but none started (changes without events)
    joined = Follower(run_id)
    await joined.subscribe(client)
    from_detail = await Follower.from_detail(client, run_id)
    await from_detail.subscribe(client, since=from_detail.seq)

    await worker.start(dispatches["ok"])
    await engine.flush()
    await worker.succeed(dispatches["ok"])
    await worker.start(dispatches["flaky"])
    await engine.flush()
    await worker.fail(dispatches["flaky"])  # retried: queued again, then attempt 2
    retry = await worker.dispatch()
    assert retry.node_id == "flaky" and retry.attempt == dispatches["flaky"].attempt + 1
    await worker.start(retry)
    await worker.start(dispatches["metered"])
    await worker.start(dispatches["late"])  # (a dispatch alone changes a node without event)
    await engine.flush()
    points = [MetricPoint(name="loss", value=0.5, step=1), MetricPoint(name="acc", value=0.9)]
    assert worker.session is not None
    await engine.on_worker_message(
        worker.session,
        Metrics(node_run_id=dispatches["metered"].node_run_id, attempt=1, points=points),
    )
    await assert_in_step(client, run_id, from_start, joined, from_detail)

    # a follower that lost its socket catches up from the bus history, no snapshot
    await from_start.close()
    await worker.succeed(retry)
    await worker.succeed(dispatches["metered"])
    await engine.flush()
    await from_start.subscribe(client, since=from_start.seq)
    await assert_in_step(client, run_id, from_start)
    assert from_start.snapshots == 1

    await worker.succeed(dispatches["late"])
    await assert_in_step(client, run_id, from_start, joined, from_detail)
    final = from_start.state()
    assert final["cached"].status == "cached" and final["cached"].cached_from_run == first
    assert final["flaky"].status == "success" and final["flaky"].attempt == 2
    assert final["metered"].metrics == {"loss": 0.5, "acc": 0.9}
    assert from_start.run["status"] == "success"
    for follower in (from_start, joined, from_detail):
        await follower.close()


@pytest.mark.parametrize("followed_before", [True, False])
async def test_a_node_given_back_before_it_started_is_told_so(
    client: TestClient, followed_before: bool
) -> None:
    """A dispatch names a worker without an event; when that worker gives the node back before
    it started it, the node is queued again with no worker. A follower that read the run in
    between (it shows the worker) is told that the worker is gone, although the node's
    previous event had no worker either: whether the run was followed when the node was
    queued (the dispatch is seen as it happens) or not (the followers' record starts then)."""
    engine = client.app[keys.ENGINE]
    run_id = await post_run(client, [node("x", echo_op(inputs=[], code="echo x"))])
    early = Follower(run_id)
    if followed_before:
        await early.subscribe(client)
        async with asyncio.timeout(10):
            while (await detail_of(client, run_id))[1]["x"].status != "queued":
                await asyncio.sleep(0.02)
        await assert_in_step(client, run_id, early)
    lost = InProcessWorker(engine)
    await lost.connect()
    d = await lost.dispatch()
    assert lost.session is not None
    reader = Follower(run_id)
    await reader.subscribe(client)  # a snapshot taken while the node is out on the worker
    await reader.reach(0)
    assert reader.node_runs["x"]["worker_id"] == lost.session.id
    from_detail = await Follower.from_detail(client, run_id)
    await from_detail.subscribe(client, since=from_detail.seq)
    # it comes back running nothing, and only for another kind: the node is queued again
    await engine.detach_worker(lost.session)
    hello = Hello(
        protocol=PROTOCOL_VERSION,
        worker_id=lost.session.id,
        host="test-host",
        kinds=["other"],
        slots=4,
    )
    await engine.attach_worker(hello)
    followers = [reader, from_detail, *([early] if followed_before else [])]
    await assert_in_step(client, run_id, *followers)
    assert reader.node_runs["x"]["worker_id"] is None
    assert reader.node_runs["x"]["attempt"] == d.attempt

    again = InProcessWorker(engine)
    await again.connect()
    d2 = await again.dispatch()
    assert d2.attempt == d.attempt + 1
    await again.start(d2)
    await again.succeed(d2)
    await assert_in_step(client, run_id, *followers)
    for follower in followers:
        await follower.close()


async def test_a_canceled_run_and_its_rerun_are_followed_to_their_stored_state(
    client: TestClient, worker: InProcessWorker
) -> None:
    engine = client.app[keys.ENGINE]
    nodes = [node(f"n{i}", echo_op(inputs=[], code=f"echo {i}")) for i in range(6)]
    run_id = await post_run(client, nodes)
    follower = Follower(run_id)
    await follower.subscribe(client)
    d = await worker.dispatch()
    await worker.start(d)
    await worker.succeed(d)
    await engine.flush()
    assert (await client.post(f"{API}/runs/{run_id}/cancel")).status < 300
    await assert_in_step(client, run_id, follower)
    assert follower.run["status"] == "canceled"
    assert {nr.status for nr in follower.state().values()} == {"success", "canceled"}

    resp = await client.post(f"{API}/runs/{run_id}/rerun")
    assert resp.status == 201, await resp.text()
    rerun_id = (await resp.json())["run"]["id"]
    again = Follower(rerun_id)
    await again.subscribe(client)
    assert worker.session is not None
    await engine.detach_worker(worker.session)  # (its slots hold the canceled attempts)
    fresh = InProcessWorker(engine)
    await fresh.connect()
    await finish(fresh, 5)
    await assert_in_step(client, rerun_id, again)
    assert sorted(nr.status for nr in again.state().values()) == ["cached"] + ["success"] * 5
    await follower.close()
    await again.close()


async def test_a_follower_that_fell_behind_or_left_for_a_while_is_back_in_step(
    client: TestClient, worker: InProcessWorker
) -> None:
    """A follower whose queue overflowed is sent a fresh snapshot, then changes; a follower
    that comes back to a run nobody followed meanwhile (its history and what its followers
    were told are forgotten) gets a snapshot although it asks with ``since``."""
    engine = client.app[keys.ENGINE]
    bus = client.app[keys.BUS]
    nodes = [node(f"n{i}", echo_op(inputs=[], code=f"echo {i}")) for i in range(12)]
    run_id = await post_run(client, nodes)
    await finish(worker, 2)
    left = Follower(run_id)
    await left.subscribe(client)
    await assert_in_step(client, run_id, left)
    await left.close()
    await finish(worker, 2)  # nobody follows the run now
    await engine.flush()

    bus._queue_size = 2  # the next subscription holds two entries at most
    behind = Follower(run_id)
    await behind.subscribe(client)
    await behind.reach(0)
    for _ in range(3):  # more than its queue holds at once: it must take a snapshot again
        bus.publish(f"run:{run_id}", {"type": "event", "topic": "run", "run_id": run_id, "seq": 0})
    for _ in range(4):
        d = await worker.dispatch()
        await worker.start(d)
        await engine.flush()
        await worker.succeed(d)
        await engine.flush()
    bus._queue_size = 10_000
    await left.subscribe(client, since=left.seq)
    await assert_in_step(client, run_id, behind, left)
    assert behind.snapshots == 2 and left.snapshots == 2
    await finish(worker, 4)
    await assert_in_step(client, run_id, behind, left)
    assert behind.run["status"] == left.run["status"] == "success"
    await behind.close()
    await left.close()


async def test_the_python_client_follows_a_run_to_its_stored_state(
    client: TestClient, worker: InProcessWorker, settings: Settings
) -> None:
    nodes = [node(f"n{i}", echo_op(inputs=[], code=f"echo {i}")) for i in range(5)]
    run_id = await post_run(client, nodes)
    url = str(client.make_url("")).rstrip("/")
    async with PlynxClient(url, settings.local_token) as sdk:
        states = []

        async def follow() -> None:
            async for state in sdk.follow(run_id):
                states.append({k: nr.model_copy() for k, nr in state.node_runs.items()})

        following = asyncio.create_task(follow())
        await asyncio.sleep(0.2)
        await finish(worker, 5)
        await asyncio.wait_for(following, 10)
    _, expected = await detail_of(client, run_id)
    assert states[-1] == expected


async def test_a_follower_of_a_large_run_receives_half_the_bytes(
    client: TestClient, worker: InProcessWorker
) -> None:
    """The nodes of a queued run start, then succeed with an output, four at a time (a
    worker's slots), in rounds of their own: whole node runs, one by one, were 1,200 bytes of
    events per node; changes, sent together, 560 (every follower alike)."""
    engine = client.app[keys.ENGINE]
    count = 300
    nodes = [node(f"n{i:04d}", echo_op(inputs=[], code=f"echo {i}")) for i in range(count)]
    run_id = await post_run(client, nodes)
    async with asyncio.timeout(10):  # the follower comes once every node is queued
        while any(nr.status == "pending" for nr in (await detail_of(client, run_id))[1].values()):
            await asyncio.sleep(0.02)
    follower = Follower(run_id)
    await follower.subscribe(client)
    await follower.reach(0)
    snapshot_bytes = follower.bytes
    for _ in range(count // 4):
        batch = [await worker.dispatch() for _ in range(4)]
        for d in batch:
            await worker.start(d)
        await engine.flush()
        for d in batch:
            await worker.succeed(d)
        await engine.flush()
    seq, expected = await detail_of(client, run_id)
    await follower.reach(seq)
    assert follower.state() == expected
    per_node = (follower.bytes - snapshot_bytes) / count
    assert per_node < 650, f"{per_node:.0f} bytes of events per node"
    await follower.close()
