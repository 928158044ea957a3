"""``/ws/events``: subscriptions to runs, workers and logs, and bad client messages."""

from __future__ import annotations

import asyncio
import contextlib
import json
import weakref
from collections import deque
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp import ClientWebSocketResponse, WSMsgType
from aiohttp.test_utils import TestClient

from plynx.client import frame_messages
from plynx.model import Graph, NodeRun, Run
from plynx.server import keys, snapshots
from plynx.server.snapshots import SNAPSHOTS, SnapshotEncoder

from .helpers import InProcessWorker, echo_op, node

API = "/api/v1"


_pending: weakref.WeakKeyDictionary[ClientWebSocketResponse, deque[dict[str, Any]]] = (
    weakref.WeakKeyDictionary()
)


async def receive(ws: ClientWebSocketResponse, **match: Any) -> dict[str, Any]:
    """The next message whose fields match ``match`` (a frame may hold several, as an array)."""
    pending = _pending.setdefault(ws, deque())
    async with asyncio.timeout(10):
        while True:
            if not pending:
                pending.extend(frame_messages(await ws.receive_json()))
            message = pending.popleft()
            if all(message.get(k) == v for k, v in match.items()):
                return dict(message)


async def test_events_waiting_together_arrive_in_one_frame_in_order(client: TestClient) -> None:
    bus = client.app[keys.ENGINE].bus
    ws = await client.ws_connect("/ws/events")
    await ws.send_json({"type": "subscribe", "topic": "runs"})
    await asyncio.sleep(0.1)  # the subscription is in place
    for index in range(5):
        bus.publish("runs", {"type": "event", "topic": "runs", "kind": "run", "n": index})
    frame = await ws.receive_json(timeout=5)
    assert isinstance(frame, list) and [m["n"] for m in frame] == [0, 1, 2, 3, 4]
    await ws.close()


async def start_run(client: TestClient) -> str:
    graph = {"nodes": [node("only", echo_op(inputs=[]))]}
    resp = await client.post(f"{API}/runs", json={"graph": graph})
    assert resp.status == 201
    return str((await resp.json())["run"]["id"])


async def test_bad_messages_get_errors_and_the_socket_stays_open(client: TestClient) -> None:
    ws = await client.ws_connect("/ws/events")
    for bad in (
        "not json",
        "[1, 2]",
        '{"type": "shout"}',
        '{"type": "subscribe", "topic": "weather"}',
        '{"type": "subscribe", "topic": "run"}',
        '{"type": "subscribe", "topic": "run", "run_id": "nope"}',
        '{"type": "subscribe", "topic": "run", "run_id": "x", "since": -4}',
        '{"type": "subscribe", "topic": "run", "run_id": "x", "graph": "yes"}',
        '{"type": "subscribe", "topic": "log", "node_run_id": "x", "stream": "stdin"}',
    ):
        await ws.send_str(bad)
        message = await ws.receive_json(timeout=5)
        assert message["type"] == "error" and message["message"], bad
    await ws.send_bytes(b"\x00")
    assert (await ws.receive_json(timeout=5))["type"] == "error"
    await ws.send_json({"type": "subscribe", "topic": "workers"})
    assert (await ws.receive_json(timeout=5)) == {
        "type": "event",
        "topic": "workers",
        "workers": [],
    }
    assert not ws.closed
    await ws.close()


async def test_run_snapshot_then_events_in_order(
    client: TestClient, worker: InProcessWorker
) -> None:
    run_id = await start_run(client)
    d = await worker.dispatch()
    await client.app[keys.ENGINE].flush()
    ws = await client.ws_connect("/ws/events")
    await ws.send_json({"type": "subscribe", "topic": "run", "run_id": run_id, "since": None})
    snapshot = await receive(ws, type="snapshot")
    assert snapshot["run"]["id"] == run_id and "graph" not in snapshot["run"]
    assert [n["status"] for n in snapshot["node_runs"]] == ["queued"]
    seq = snapshot["seq"]

    await worker.start(d)
    await client.app[keys.ENGINE].flush()  # one round each (a round sends a node's last change)
    await worker.fail(d)
    events = []
    while not events or events[-1].get("kind") != "run" or events[-1]["run"]["status"] != "failed":
        events.append(await receive(ws, type="event", topic="run"))
    seqs = [e["seq"] for e in events]
    assert seqs == sorted(seqs) and seqs[0] > seq and len(set(seqs)) == len(seqs)
    statuses = [e["node_run"]["status"] for e in events if e["kind"] == "node_run"]
    assert statuses == ["running", "failed"]
    assert "graph" not in events[-1]["run"]

    # a client reconnecting with its last seq gets a snapshot of the finished run
    ws2 = await client.ws_connect("/ws/events")
    await ws2.send_json({"type": "subscribe", "topic": "run", "run_id": run_id, "since": seq})
    again = await receive(ws2, topic="run")
    if again["type"] == "snapshot":
        assert again["run"]["status"] == "failed" and again["seq"] >= seqs[-1]
    else:  # the bus still had the history
        assert again["seq"] == seqs[0]
    await ws.close()
    await ws2.close()


async def test_log_follow_from_an_offset(client: TestClient, worker: InProcessWorker) -> None:
    run_id = await start_run(client)
    d = await worker.dispatch()
    await worker.start(d)
    await worker.log(d, "line one\n")
    ws = await client.ws_connect("/ws/events")
    await ws.send_json(
        {"type": "subscribe", "topic": "log", "node_run_id": d.node_run_id, "offset": 5}
    )
    first = await receive(ws, type="log")
    assert first == {
        "type": "log",
        "node_run_id": d.node_run_id,
        "stream": "stdout",
        "offset": 5,
        "data": "one\n",
    }
    await worker.log(d, "line two\n")
    await worker.log(d, "to stderr\n", "stderr")
    second = await receive(ws, type="log")
    assert second["offset"] == len("line one\n") and second["data"] == "line two\n"

    await ws.send_json(
        {"type": "unsubscribe", "topic": "log", "node_run_id": d.node_run_id, "stream": "stdout"}
    )
    await worker.log(d, "unseen\n")
    await ws.send_json({"type": "subscribe", "topic": "runs"})
    await ws.send_json({"type": "subscribe", "topic": "workers"})  # answered: both are active
    await receive(ws, topic="workers")
    await worker.fail(d)
    summary = await receive(ws, type="event", topic="runs")
    assert summary["run"]["id"] == run_id and "counts" in summary["run"]
    await ws.close()


async def test_workers_topic_follows_connections(client: TestClient) -> None:
    ws = await client.ws_connect("/ws/events")
    await ws.send_json({"type": "subscribe", "topic": "workers"})
    assert (await receive(ws, topic="workers"))["workers"] == []
    w = InProcessWorker(client.app[keys.ENGINE])
    await w.connect()
    await client.app[keys.ENGINE].flush()
    update = await receive(ws, topic="workers")
    assert [x["host"] for x in update["workers"]] == ["test-host"]
    workers = await (await client.get(f"{API}/workers")).json()
    assert workers[0]["kinds"] == ["echo"] and workers[0]["slots"] == 4
    await ws.close()


async def test_sockets_are_closed_on_shutdown(client: TestClient) -> None:
    ws = await client.ws_connect("/ws/events")
    await ws.send_json({"type": "subscribe", "topic": "workers"})
    await receive(ws, topic="workers")
    await client.server.close()
    message = await ws.receive(timeout=5)
    assert ws.closed or message.type.name in ("CLOSE", "CLOSED", "CLOSING")


async def test_a_client_that_fell_behind_gets_a_fresh_snapshot(
    client: TestClient, worker: InProcessWorker
) -> None:
    bus = client.app[keys.BUS]
    bus._queue_size = 3  # new subscriptions hold at most 3 events
    run_id = await start_run(client)
    d = await worker.dispatch()
    await worker.start(d)
    await worker.log(d, "stored\n")
    await client.app[keys.ENGINE].flush()
    ws = await client.ws_connect("/ws/events")
    await ws.send_json({"type": "subscribe", "topic": "run", "run_id": run_id})
    snapshot = await receive(ws, type="snapshot")
    await ws.send_json({"type": "subscribe", "topic": "log", "node_run_id": d.node_run_id})
    assert (await receive(ws, type="log"))["data"] == "stored\n"

    for i in range(10):  # all at once: more than the socket's queue holds
        event = {"type": "event", "topic": "run", "run_id": run_id, "seq": 10_000 + i}
        bus.publish(f"run:{run_id}", {**event, "kind": "noise"})
    fresh = await ws.receive_json(timeout=5)
    assert fresh["type"] == "snapshot" and fresh["seq"] == snapshot["seq"]
    await worker.log(d, "more\n")
    assert (await receive(ws, type="log"))["data"] == "more\n"
    await worker.fail(d)
    done = await receive(ws, type="event", kind="run")
    assert done["run"]["status"] == "failed" and done["seq"] > snapshot["seq"]
    await ws.close()


async def test_a_heartbeat_subscriber_is_pinged_every_second(client: TestClient) -> None:
    ws = await client.ws_connect("/ws/events")
    await ws.send_json({"type": "subscribe", "topic": "heartbeat"})
    loop = asyncio.get_running_loop()
    started = loop.time()
    for _ in range(2):
        assert await receive(ws, type="ping") == {"type": "ping", "topic": "heartbeat"}
    assert 1.5 < loop.time() - started < 4
    await ws.send_json({"type": "unsubscribe", "topic": "heartbeat"})
    await asyncio.sleep(0.1)
    with contextlib.suppress(TimeoutError):
        frame = await ws.receive_json(timeout=1.5)
        raise AssertionError(f"pinged after unsubscribing: {frame}")
    await ws.close()


async def test_a_run_snapshot_leaves_the_graph_out_unless_the_subscription_asks(
    client: TestClient, worker: InProcessWorker
) -> None:
    # the graph never changes and a dashboard has read it with the run: fifty followers of a
    # run of 10,000 nodes were sent 7.6 MB each for nothing
    run_id = await start_run(client)
    await worker.dispatch()
    await client.app[keys.ENGINE].flush()
    detail = await (await client.get(f"{API}/runs/{run_id}")).json()
    plain, with_graph = await client.ws_connect("/ws/events"), await client.ws_connect("/ws/events")
    await plain.send_json({"type": "subscribe", "topic": "run", "run_id": run_id})
    request = {"type": "subscribe", "topic": "run", "run_id": run_id, "graph": True}
    await with_graph.send_json(request)
    lean, whole = await receive(plain, type="snapshot"), await receive(with_graph, type="snapshot")
    assert "graph" not in lean["run"] and lean["run"]["id"] == run_id
    assert whole["run"]["graph"] == detail["run"]["graph"]
    assert {k: v for k, v in whole.items() if k != "run"} == {
        k: v for k, v in lean.items() if k != "run"
    }
    assert {k: v for k, v in whole["run"].items() if k != "graph"} == lean["run"]
    assert [n["status"] for n in lean["node_runs"]] == ["queued"]
    for ws in (plain, with_graph):
        await ws.close()


async def test_followers_opening_a_run_together_share_its_snapshot(
    client: TestClient, worker: InProcessWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_id = await start_run(client)
    await worker.dispatch()
    await client.app[keys.ENGINE].flush()
    encoder = client.app[SNAPSHOTS]
    encode = encoder.snapshot
    made = 0

    async def slow(run: Run, node_runs: list[NodeRun]) -> tuple[int, bytes]:
        nonlocal made
        made += 1
        await asyncio.sleep(0.2)  # a large run takes a while: the others ask meanwhile
        return await encode(run, node_runs)

    monkeypatch.setattr(encoder, "snapshot", slow)
    sockets = [await client.ws_connect("/ws/events") for _ in range(20)]
    for ws in sockets:
        await ws.send_json({"type": "subscribe", "topic": "run", "run_id": run_id})
    snapshots = [await receive(ws, type="snapshot") for ws in sockets]
    assert {s["run"]["id"] for s in snapshots} == {run_id}
    assert all([n["status"] for n in s["node_runs"]] == ["queued"] for s in snapshots)
    assert made <= 3  # the first, then one (or two) for all who asked meanwhile; not 20
    for ws in sockets:
        await ws.close()


async def test_a_follower_never_shares_a_snapshot_read_before_it_asked() -> None:
    encoder = SnapshotEncoder()
    run = Run(id="r1", graph=Graph(), created_at=datetime.now(UTC))
    reads: list[int] = []
    release = asyncio.Event()

    async def read(run_id: str) -> tuple[Run, list[NodeRun]]:
        reads.append(run.seq)
        copy = run.model_copy()  # the state at the reading
        await release.wait()
        return copy, []

    first = asyncio.create_task(encoder.shared_snapshot("r1", read))
    while not reads:
        await asyncio.sleep(0)
    run.seq = 7  # events happen after the first reading: the next followers must see them
    later = [asyncio.create_task(encoder.shared_snapshot("r1", read)) for _ in range(3)]
    await asyncio.sleep(0.05)
    assert reads == [0]  # the next reading waits for the first to be done
    release.set()
    assert (await first).seq == 0
    assert [(await task).seq for task in later] == [7, 7, 7]
    assert reads == [0, 7]  # one reading for the three that asked meanwhile
    assert encoder._current == {} and encoder._next == {}


async def test_a_flush_of_run_events_goes_to_every_follower_as_one_shared_frame(
    client: TestClient, worker: InProcessWorker
) -> None:
    run_id = await start_run(client)
    await client.app[keys.ENGINE].flush()
    bus = client.app[keys.BUS]
    sockets = [await client.ws_connect("/ws/events") for _ in range(3)]
    seqs = []
    for ws in sockets:
        await ws.send_json({"type": "subscribe", "topic": "run", "run_id": run_id})
        seqs.append((await receive(ws, type="snapshot"))["seq"])
    assert len(set(seqs)) == 1
    seq = seqs[0]
    bus.following(run_id, seq + 1)  # as the engine does for a followed run's next event
    # a bundle that starts at or before what a client has seen is filtered event by event
    events = [
        {"type": "event", "topic": "run", "run_id": run_id, "seq": seq + i, "kind": "noise"}
        for i in range(0, 4)
    ]
    bus.publish_many(f"run:{run_id}", events)
    for ws in sockets:
        frame = await ws.receive_json(timeout=5)
        assert [m["seq"] for m in frame] == [seq + 1, seq + 2, seq + 3]
    # a bundle all new to them: the same frame, encoded once, for everyone
    more = [{**event, "seq": seq + 10 + i} for i, event in enumerate(events)]
    bus.publish_many(f"run:{run_id}", more)
    frames = [await ws.receive_str(timeout=5) for ws in sockets]
    assert len(set(frames)) == 1
    shared = json.loads(frames[0])  # one message: what every event says alike, said once
    assert {k: shared[k] for k in ("type", "topic", "run_id")} == {
        "type": "events",
        "topic": "run",
        "run_id": run_id,
    }
    assert [set(m) for m in shared["events"]] == [{"seq", "kind"}] * 4
    assert frame_messages(shared) == more
    assert bus.history(run_id, seq + 11) == more[2:]  # each event kept for catch-up
    for ws in sockets:
        await ws.close()


async def test_large_snapshots_are_sent_to_one_follower_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(snapshots, "_SEND_TURN", 0.2)
    encoder = SnapshotEncoder()
    log: list[str] = []
    drained = {name: asyncio.Event() for name in ("a", "b", "slow", "small")}

    class Socket:  # what send() uses of a web.WebSocketResponse
        def __init__(self, name: str) -> None:
            self.name = name

        async def send_frame(self, frame: bytes, opcode: WSMsgType) -> None:
            assert opcode == WSMsgType.TEXT
            log.append(f"{self.name} written")
            await drained[self.name].wait()  # the client reads it
            log.append(f"{self.name} drained")

    big = b"x" * (2 << 20)
    sends = [
        asyncio.create_task(encoder.send(Socket(name), big))  # type: ignore[arg-type]
        for name in ("a", "b")
    ]
    small = asyncio.create_task(encoder.send(Socket("small"), b"{}"))  # type: ignore[arg-type]
    await asyncio.sleep(0.05)
    assert sorted(log) == ["a written", "small written"]  # b waits for a's turn; small: never
    drained["a"].set()
    await asyncio.sleep(0.05)
    assert log[2:] == ["a drained", "b written"]
    slow = asyncio.create_task(encoder.send(Socket("slow"), big))  # type: ignore[arg-type]
    await asyncio.sleep(0.05)
    assert "slow written" not in log
    await asyncio.sleep(0.3)  # b reads slowly: after its turn the next follower goes
    assert log[-1] == "slow written"
    for event in drained.values():
        event.set()
    await asyncio.gather(*sends, small, slow)


async def test_deleted_runs_and_graphs_are_announced_to_the_lists_following_them(
    client: TestClient,
) -> None:
    run_id = await start_run(client)  # no worker: it waits, then is canceled
    assert (await client.post(f"{API}/runs/{run_id}/cancel")).status == 200
    resp = await client.post(f"{API}/graphs", json={"title": "doomed", "nodes": []})
    assert resp.status == 201
    graph_id = (await resp.json())["id"]
    lists, other = await client.ws_connect("/ws/events"), await client.ws_connect("/ws/events")
    for topic in ("runs", "graphs", "workers"):  # answered: the ones before are in place
        await lists.send_json({"type": "subscribe", "topic": topic})
    await receive(lists, topic="workers")
    await other.send_json({"type": "subscribe", "topic": "workers"})
    await receive(other, topic="workers")

    assert (await client.delete(f"{API}/runs/{run_id}")).status == 204
    gone = await receive(lists, topic="runs", kind="deleted")
    assert gone == {
        "type": "event",
        "topic": "runs",
        "kind": "deleted",
        "run_id": run_id,
        "graph_id": None,
        "sweep_id": None,
    }
    assert (await client.delete(f"{API}/graphs/{graph_id}")).status == 204
    gone = await receive(lists, topic="graphs")
    assert gone == {"type": "event", "topic": "graphs", "kind": "deleted", "graph_id": graph_id}
    with pytest.raises(TimeoutError):  # not following the lists: told nothing
        await other.receive_json(timeout=0.3)
    await lists.close()
    await other.close()


async def test_a_node_run_event_carries_what_changed_and_merges_back_whole(
    client: TestClient, worker: InProcessWorker
) -> None:
    run_id = await start_run(client)
    d = await worker.dispatch()
    await client.app[keys.ENGINE].flush()
    ws = await client.ws_connect("/ws/events")
    await ws.send_json({"type": "subscribe", "topic": "run", "run_id": run_id})
    snapshot = await receive(ws, type="snapshot")
    await worker.start(d)
    event = await receive(ws, type="event", kind="node_run")
    sent = event["node_run"]
    assert sent["status"] == "running"
    assert set(sent) == {"id", "node_id", "seq", "status", "started_at"}  # (queued: told)
    assert sent["seq"] == event["seq"]
    await client.app[keys.ENGINE].flush()
    detail = await (await client.get(f"{API}/runs/{run_id}")).json()
    merged = {**snapshot["node_runs"][0], **sent}
    assert NodeRun.model_validate(merged).model_dump(mode="json") == detail["node_runs"][0]
    await ws.close()


async def test_a_followers_socket_has_a_bounded_send_buffer(client: TestClient) -> None:
    """One write to a follower copies at most the capped buffer on the loop: Linux would let
    the buffer grow to megabytes, and a run snapshot went out in one long copy."""
    import socket

    from plynx.server.events import FOLLOWER_SEND_BUFFER

    ws = await client.ws_connect("/ws/events")
    await ws.send_json({"type": "subscribe", "topic": "workers"})
    await receive(ws, topic="workers")
    (server_ws,) = [w for w in client.app[keys.WEBSOCKETS] if not w.closed]
    sock = server_ws._req.transport.get_extra_info("socket")  # type: ignore[union-attr]
    # Linux reports twice what was set (its bookkeeping); never the default autotuned maximum
    assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) <= 2 * FOLLOWER_SEND_BUFFER
    await ws.close()
