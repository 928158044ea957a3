"""The faults of ``benchmarks/chaos.py``: each function runs one trial (one run through one
fault) on a :class:`chaos_cluster.Cluster` and returns its :class:`Trial`. See ``chaos.py``
for what each scenario does and what is measured."""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import yaml
from chaos_cluster import Cluster, alive, with_signal

from plynx.client import RunDetail
from plynx.model import NodeRunStatus, parse_graph_document
from plynx.protocol import PROTOCOL_VERSION, Hello, Log, Result, Started, encode_frame

NODES = "abcd"
EDGES = ["a.out -> b.in", "a.out -> c.in", "b.out -> d.in", "c.out -> d.in"]


@dataclass
class Trial:
    """One run through one fault. ``outcome`` is ``ok``, ``failed`` or ``stuck``."""

    outcome: str
    why: str = ""
    recovery: float | None = None
    late: int | None = None
    forged_rejected: int | None = None
    forged_accepted: int = 0
    orphans: int = 0


@dataclass
class Options:
    """What to run and how hard."""

    worker_kills: int = 20
    server_kills: int = 20
    stops: int = 3
    forgeries: int = 3
    load_nodes: int = 3000
    load_workers: int = 10
    load_slots: int = 4
    followers: int = 50
    lease: float = 2.0
    downtime: float = 5.0
    node_seconds: float = 2.0
    trial_timeout: float = 90.0
    stall: float = 60.0


# -- the diamond ---------------------------------------------------------------------------------
def diamond(tag: str, markers: Path, seconds: float) -> dict[str, Any]:
    """A diamond whose node ``n`` touches ``markers/TAG-n.PID`` when it starts, sleeps, then
    writes its inputs followed by ``TAG-n``."""
    step = {
        "kind": "bash_jinja2",
        "code": (
            f"touch {markers}/{{{{ params.name }}}}.$$\nsleep {seconds}\n"
            "cat {{ inputs['in'] | join(' ') }} /dev/null > {{ outputs.out }}\n"
            "echo '{{ params.name }}' >> {{ outputs.out }}"
        ),
        "parameters": {"name": ""},
        "outputs": {"out": "text"},
        "inputs": {"in": {"type": "text", "is_array": True, "min_count": 0}},
    }
    return {
        "title": tag,
        "operations": {"step": step},
        "nodes": {n: {"operation": "step", "params": {"name": f"{tag}-{n}"}} for n in NODES},
        "edges": EDGES,
    }


def expected(tag: str) -> dict[str, str]:
    """The exact output of every node of ``diamond(tag)``."""
    a = f"{tag}-a\n"
    b, c = f"{a}{tag}-b\n", f"{a}{tag}-c\n"
    return {"a": a, "b": b, "c": c, "d": f"{b}{c}{tag}-d\n"}


async def submit(cluster: Cluster, doc: dict[str, Any]) -> str:
    """Start a run of a graph document; its id."""
    graph, _ = parse_graph_document(doc)
    return (await cluster.client.submit(graph, title=str(doc.get("title", "")))).run.id


async def node_started(markers: Path, tag: str, node: str, within: float = 60) -> int:
    """The pid of the shell of ``node`` once it has started."""
    pattern = f"{tag}-{node}.*"
    async with asyncio.timeout(within):
        while True:
            found = await asyncio.to_thread(lambda: sorted(markers.glob(pattern)))
            if found:
                return int(found[0].suffix[1:])
            await asyncio.sleep(0.02)


async def node_succeeded(cluster: Cluster, run_id: str, node: str, since: float) -> float:
    """Seconds from ``since`` (``time.monotonic()``) until ``node`` of the run has succeeded;
    connection errors (the server may be down) are waited out."""
    while True:
        with contextlib.suppress(aiohttp.ClientError, OSError):
            nr = (await cluster.client.get_run(run_id)).node(node)
            if nr is not None and nr.status == NodeRunStatus.SUCCESS:
                return time.monotonic() - since
        await asyncio.sleep(0.1)


async def verdict(
    cluster: Cluster, run_id: str, tag: str, within: float, forged: str = ""
) -> Trial:
    """Wait for the run and check every output against :func:`expected`."""
    try:
        async with asyncio.timeout(within):
            detail = await cluster.client.wait_run(run_id)
    except TimeoutError:
        detail = await cluster.client.get_run(run_id)
        states = {nr.node_id: nr.status.value for nr in detail.node_runs}
        return Trial("stuck", f"run {run_id} unfinished after {within:.0f}s: {states}")
    return await check_outputs(cluster, detail, tag, forged)


async def check_outputs(cluster: Cluster, detail: RunDetail, tag: str, forged: str = "") -> Trial:
    """``ok`` if the run succeeded with exactly the expected outputs."""
    if detail.run.status.value != "success":
        states = {nr.node_id: f"{nr.status.value} {nr.error or ''}" for nr in detail.node_runs}
        return Trial("failed", f"run {detail.run.id} {detail.run.status.value}: {states}")
    want = expected(tag)
    got = {}
    accepted = 0
    for nr in detail.node_runs:
        [ref] = nr.outputs["out"]
        got[nr.node_id] = (await cluster.client.download(ref.sha256)).decode()
        accepted += bool(forged) and forged in got[nr.node_id]
    if got != want:
        return Trial("failed", f"outputs {got} != {want}", forged_accepted=accepted)
    return Trial("ok")


# -- scenarios -----------------------------------------------------------------------------------
def _markers(cluster: Cluster) -> Path:
    markers = cluster.tmp / "markers"
    markers.mkdir(exist_ok=True)
    return markers


async def worker_kill(cluster: Cluster, opts: Options, i: int) -> Trial:
    """SIGKILL the worker running a node, mid-node; start another."""
    markers = _markers(cluster)
    tag, node = f"wk{i}-{secrets.token_hex(3)}", "abd"[i % 3]
    run_id = await submit(cluster, diamond(tag, markers, opts.node_seconds))
    pid = await node_started(markers, tag, node)
    worker = cluster.worker_of(pid)
    if worker is None:
        return Trial("failed", f"no worker is an ancestor of {pid}")
    killed = time.monotonic()
    worker.kill()
    cluster.start_worker()
    recovery = asyncio.ensure_future(node_succeeded(cluster, run_id, node, killed))
    await asyncio.sleep(opts.node_seconds / 2)  # the node would still be sleeping
    orphan = alive(pid)
    trial = await verdict(cluster, run_id, tag, opts.trial_timeout)
    trial.orphans = int(orphan)
    trial.recovery = await _finished(recovery)
    return trial


async def server_kill(cluster: Cluster, opts: Options, i: int) -> Trial:
    """SIGKILL the server mid-node while ``plynx run`` follows the run; restart it."""
    markers = _markers(cluster)
    tag, node = f"sk{i}-{secrets.token_hex(3)}", "abd"[i % 3]
    graph = cluster.tmp / f"{tag}.yaml"
    graph.write_text(yaml.safe_dump(diamond(tag, markers, opts.node_seconds)))
    cli = await asyncio.create_subprocess_exec(
        *[sys.executable, "-m", "plynx", "run", str(graph), "--json", "--title", tag],
        *["--server", cluster.url, "--token", cluster.api_token],
        env=cluster.env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    followed = asyncio.ensure_future(cli.communicate())
    await node_started(markers, tag, node)
    killed = time.monotonic()
    cluster.kill_server()
    await asyncio.sleep(opts.downtime)
    await cluster.start_server()
    run_id = await _run_titled(cluster, tag)
    recovery = asyncio.ensure_future(node_succeeded(cluster, run_id, node, killed))
    trial = await verdict(cluster, run_id, tag, opts.trial_timeout)
    trial.recovery = await _finished(recovery)
    try:
        async with asyncio.timeout(30):
            out, err = await followed
    except TimeoutError:
        cli.kill()
        out, err = await followed
    if trial.outcome == "ok" and cli.returncode != 0:
        tail = err.decode()[-500:]
        trial = Trial("failed", f"plynx run exited {cli.returncode}: {tail}", trial.recovery)
    elif trial.outcome == "ok" and json.loads(out)["run"]["status"] != "success":
        trial = Trial("failed", "plynx run printed an unsuccessful run", trial.recovery)
    return trial


async def worker_stop(cluster: Cluster, opts: Options, i: int) -> Trial:
    """SIGSTOP the worker running a node past its lease, then SIGCONT it."""
    markers = _markers(cluster)
    tag, node = f"st{i}-{secrets.token_hex(3)}", "abd"[i % 3]
    run_id = await submit(cluster, diamond(tag, markers, opts.node_seconds))
    pid = await node_started(markers, tag, node)
    worker = cluster.worker_of(pid)
    if worker is None:
        return Trial("failed", f"no worker is an ancestor of {pid}")
    before = await cluster.counters()
    stopped = time.monotonic()
    worker.send_signal(signal.SIGSTOP)
    recovery = asyncio.ensure_future(node_succeeded(cluster, run_id, node, stopped))
    await asyncio.sleep(2 * opts.lease + opts.node_seconds)
    with_signal(worker, signal.SIGCONT)
    trial = await verdict(cluster, run_id, tag, opts.trial_timeout)
    trial.recovery = await _finished(recovery)
    trial.late = await _counter_rise(cluster, "late", before["late"], wait=10)
    return trial


async def forgery(cluster: Cluster, opts: Options, i: int) -> Trial:
    """A second worker connection forges the results of attempts it was never given."""
    markers = _markers(cluster)
    forged_text = f"FORGED-{secrets.token_hex(4)}\n"
    forged_file = cluster.tmp / f"forged-{i}.txt"
    forged_file.write_text(forged_text)
    forged_ref = await cluster.client.upload(forged_file, type="text")
    tag = f"fg{i}-{secrets.token_hex(3)}"
    doc = diamond(tag, markers, max(opts.node_seconds, 2.0))
    run_id = await submit(cluster, doc)
    await node_started(markers, tag, "a")
    detail = await cluster.client.get_run(run_id)
    targets = [nr for nr in detail.node_runs if nr.node_id in "ab"]
    before = await cluster.counters()
    await _forge(cluster, f"forger-{tag}", targets, {"out": [forged_ref]})
    trial = await verdict(cluster, run_id, tag, opts.trial_timeout, forged_text)
    if trial.outcome == "ok":  # the cache must hold the genuine outputs too
        again = await cluster.client.get_run(await submit(cluster, doc))
        again = await cluster.client.wait_run(again.run.id)
        trial = await check_outputs(cluster, again, tag, forged_text)
        cached = {nr.status for nr in again.node_runs}
        if trial.outcome == "ok" and cached != {NodeRunStatus.CACHED}:
            trial = Trial("failed", f"an identical re-run was not cached: {cached}")
    trial.forged_rejected = await _counter_rise(cluster, "forged", before["forged"], wait=2)
    return trial


async def _forge(
    cluster: Cluster, worker_id: str, targets: list[Any], outputs: dict[str, Any]
) -> None:
    """Say hello with a valid worker token, then claim every target attempt succeeded."""
    session = cluster.client.session
    headers = {"Authorization": f"Bearer {cluster.worker_token}"}
    async with session.ws_connect(cluster.url + "/ws/worker", headers=headers) as ws:
        hello = Hello(
            protocol=PROTOCOL_VERSION,
            token=cluster.worker_token,
            worker_id=worker_id,
            host="forger",
            kinds=["file"],  # never dispatched: file nodes do not execute
            slots=1,
        )
        await ws.send_str(encode_frame([hello]))
        welcome = await ws.receive(timeout=10)
        if welcome.type != aiohttp.WSMsgType.TEXT:
            return  # refused: nothing forged
        messages: list[Any] = []
        for nr in targets:
            attempt = max(nr.attempt, 1)
            messages += [
                Started(node_run_id=nr.id, attempt=attempt),
                Log(node_run_id=nr.id, attempt=attempt, stream="stdout", data="forged\n"),
                Result(
                    node_run_id=nr.id,
                    attempt=attempt,
                    status="success",
                    outputs=outputs,
                    exit_code=0,
                ),
            ]
        await ws.send_str(encode_frame(messages))
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(1):
                async for _ in ws:
                    pass


async def load(cluster: Cluster, opts: Options, _trial: int) -> Trial:
    """A large graph of ``true`` nodes on many worker slots with many followers."""
    width = max(1, min(100, opts.load_nodes // 10))
    layers = max(1, opts.load_nodes // width)
    tag = f"load-{secrets.token_hex(3)}"
    nodes: dict[str, Any] = {}
    edges = []
    for layer in range(layers):
        for i in range(width):
            nodes[f"n{layer}_{i}"] = {"operation": "true", "params": {"name": f"{tag}-{layer}-{i}"}}
            if layer:
                deps = {f"n{layer - 1}_{i}", f"n{layer - 1}_{(i + 1) % width}"}
                edges += [f"{dep}.out -> n{layer}_{i}.in" for dep in sorted(deps)]
    true = {
        "kind": "bash_jinja2",
        "code": "true",
        "parameters": {"name": ""},
        "outputs": {"out": "text"},
        "inputs": {"in": {"type": "text", "is_array": True, "min_count": 0}},
    }
    doc = {"title": tag, "operations": {"true": true}, "nodes": nodes, "edges": edges}
    run_id = await submit(cluster, doc)
    followers = [asyncio.ensure_future(_follower(cluster, run_id)) for _ in range(opts.followers)]
    started = time.monotonic()
    trial = Trial("stuck")
    done, last_done, last_change = 0, -1, time.monotonic()
    try:
        while time.monotonic() - last_change < opts.stall:
            detail = await cluster.client.get_run(run_id)
            if detail.run.status.finished:
                trial = _load_verdict(detail)
                trial.recovery = None
                break
            done = sum(1 for nr in detail.node_runs if nr.status.finished)
            if done != last_done:
                last_done, last_change = done, time.monotonic()
            await asyncio.sleep(1.0)
        else:
            counts: dict[str, int] = {}
            for nr in detail.node_runs:
                counts[nr.status.value] = counts.get(nr.status.value, 0) + 1
            trial.why = f"no progress for {opts.stall:.0f}s: {counts}"
            await cluster.client.cancel(run_id)
    finally:
        for task in followers:
            task.cancel()
        await asyncio.gather(*followers, return_exceptions=True)
    seconds = time.monotonic() - started
    print(f"  load: {len(nodes)} nodes in {seconds:.1f}s: {trial.outcome} {trial.why}")
    return trial


def _load_verdict(detail: RunDetail) -> Trial:
    """``ok`` if every ``true`` node succeeded with its (empty) output."""
    if detail.run.status.value != "success":
        failed = [nr.node_id for nr in detail.node_runs if nr.status != NodeRunStatus.SUCCESS]
        return Trial("failed", f"{detail.run.status.value}; not successful: {failed[:10]}")
    sizes = {ref.size for nr in detail.node_runs for ref in nr.outputs.get("out", [])}
    outputs = sum(len(nr.outputs.get("out", [])) for nr in detail.node_runs)
    if sizes != {0} or outputs != len(detail.node_runs):
        return Trial("failed", f"outputs: {outputs} of {len(detail.node_runs)}, sizes {sizes}")
    return Trial("ok")


async def _follower(cluster: Cluster, run_id: str) -> None:
    """A dashboard following a run: subscribe, read every event (reconnecting)."""
    session = cluster.client.session
    while True:
        with contextlib.suppress(aiohttp.ClientError, OSError):
            params = {"token": cluster.api_token}
            async with session.ws_connect(
                cluster.url + "/ws/events", params=params, max_msg_size=0
            ) as ws:
                await ws.send_json(
                    {"type": "subscribe", "topic": "run", "run_id": run_id, "since": None}
                )
                async for _ in ws:
                    pass
        await asyncio.sleep(0.5)


async def _finished(task: asyncio.Future[float], within: float = 5) -> float | None:
    """The result of a recovery measurement, if it has come."""
    try:
        async with asyncio.timeout(within):
            return await task
    except TimeoutError:
        return None


async def _run_titled(cluster: Cluster, title: str, within: float = 30) -> str:
    """The id of the newest run titled ``title``."""
    async with asyncio.timeout(within):
        while True:
            page = await cluster.client.request("GET", "/runs", params={"limit": 10})
            for item in page["items"]:
                run = item.get("run", item)
                if run.get("title") == title:
                    return str(run["id"])
            await asyncio.sleep(0.1)


async def _counter_rise(cluster: Cluster, name: str, before: int | None, wait: float) -> int | None:
    """How much counter ``name`` rose since ``before`` (waiting up to ``wait`` seconds for it
    to move); ``None`` if the server does not expose it."""
    deadline = time.monotonic() + wait
    while True:
        now = (await cluster.counters())[name]
        if now is None:
            return None
        if now > (before or 0) or time.monotonic() > deadline:
            return now - (before or 0)
        await asyncio.sleep(0.2)
