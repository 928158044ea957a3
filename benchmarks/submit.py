"""How long submitting a large graph takes, and how long it holds the server's event loop.

    python benchmarks/submit.py [--layers 20] [--width 500] [--repeat 3] [--store URL]
                                [--profile FILE]

An embedded server (no worker; SQLite in a fresh temporary directory unless ``--store``) runs
in this process. The DAG of ``dag.py`` (``layers`` x ``width`` ``true`` nodes; 10,000 by
default, an 8.5 MB body) is submitted inline with ``POST /runs`` and ``Prefer:
return=minimal`` (as ``plynx run`` asks), ``--repeat`` times; each run is canceled before the
next submit (and given three seconds to settle). Then the routes of a saved graph with the
same graph: ``POST /graphs/validate``, ``POST /graphs``, ``GET /graphs`` (50 listed, 49 of them
small), ``GET /graphs/{id}`` and ``PUT /graphs/{id}``, each with its time, the longest time the
loop was held and the garbage collector's full collections meanwhile.

Printed for each submit: its wall time and this process's CPU time meanwhile (server and
client: a figure that other load on the machine hardly changes); the longest gap between two
ticks of a task that wakes every 5 ms on the same loop during it, less those 5 ms (the longest
time the server held the loop); and the server's own figures from ``/health`` ``loop`` (stalls over
100 ms, longest lag). The reference, measured in the same process: a bare ``json.loads`` of
the same body and ``Graph.model_validate_json`` of its graph (the least any server must do to
read it; both hold the interpreter for their whole length). ``--profile FILE`` writes a
cProfile of the event loop's thread during the last submit.

This is not a test: it prints figures. Compare the submit with the reference, not seconds
across machines.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp
from dag import plynx_graph  # type: ignore[import-not-found]

from plynx.cli.embedded import embedded_plynx, local_token
from plynx.collector import FullCollections
from plynx.model import Graph
from plynx.settings import load_settings

_MS = 1000.0
#: Seconds between two ticks (every millisecond, the GIL hand-offs slowed the submit by 5-10%).
_TICK = 0.005


class Ticker:
    """A task that asks to wake every :data:`_TICK` seconds and keeps how late it woke up at
    worst: the longest time something else held the loop (up to the end of the block too: a
    hold just before the answer came would be missed by a tick that never ran after it)."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(_TICK)
            now = time.perf_counter()
            self.longest = max(self.longest, now - self._last - _TICK)
            self._last = now

    def __enter__(self) -> Ticker:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._task = asyncio.ensure_future(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()
        self.longest = max(self.longest, time.perf_counter() - self._last - _TICK)


def reference(body: bytes) -> tuple[float, float]:
    """Seconds of ``json.loads`` of the body and of ``Graph.model_validate_json`` of its
    graph."""
    start = time.perf_counter()
    document = json.loads(body)
    loads = time.perf_counter() - start
    graph = json.dumps(document["graph"]).encode()
    start = time.perf_counter()
    Graph.model_validate_json(graph)
    return loads, time.perf_counter() - start


async def submit_once(
    session: aiohttp.ClientSession,
    url: str,
    body: bytes,
    headers: dict[str, str],
    profile: cProfile.Profile | None,
) -> tuple[float, float, float, dict[str, Any], dict[str, Any]]:
    """One submit: (seconds, CPU seconds of this process, longest loop gap, health loop before,
    after)."""
    before = (await (await session.get(url + "/api/v1/health")).json())["loop"]
    with Ticker() as ticker:
        if profile is not None:
            profile.enable()
        start, cpu_start = time.perf_counter(), time.process_time()
        # (a file object: the client sends it a chunk at a time, not holding the loop itself)
        data = io.BytesIO(body)
        async with session.post(url + "/api/v1/runs", data=data, headers=headers) as resp:
            answer = await resp.json()
            if resp.status != 201:
                raise SystemExit(f"submit failed: {resp.status} {answer}")
        took, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        longest = ticker.longest
        if profile is not None:
            profile.disable()
    after = (await (await session.get(url + "/api/v1/health")).json())["loop"]
    resp = await session.post(url + f"/api/v1/runs/{answer['id']}/cancel", headers=headers)
    resp.release()
    await asyncio.sleep(3.0)  # canceling 10,000 nodes is work too: let it end first
    return took, cpu, longest, before, after


async def graph_routes(
    session: aiohttp.ClientSession, url: str, body: bytes, headers: dict[str, str]
) -> None:
    """The routes of a saved graph with this large one (``body``: encoded before the server
    started, as it holds this process's loop too): validate, save, list (beside 49 small
    graphs), read back, update; how long each takes and holds the loop."""
    small = json.dumps({"title": "small", "nodes": [], "edges": []}).encode()
    for _ in range(49):
        async with session.post(url + "/api/v1/graphs", data=small, headers=headers) as resp:
            assert resp.status == 201, await resp.text()
    graph_id = ""
    steps = [
        ("POST /graphs/validate", "POST", "/api/v1/graphs/validate", body),
        ("POST /graphs", "POST", "/api/v1/graphs", body),
        ("GET /graphs (50)", "GET", "/api/v1/graphs?limit=50", None),
        ("GET /graphs/{id}", "GET", "/api/v1/graphs/{id}", None),
        ("PUT /graphs/{id}", "PUT", "/api/v1/graphs/{id}", body),
    ]
    for name, method, path, data in steps:
        with Ticker() as ticker, FullCollections() as full:
            start = time.perf_counter()
            sent = io.BytesIO(data) if data is not None else None
            address = url + path.replace("{id}", graph_id)
            async with session.request(method, address, data=sent, headers=headers) as resp:
                answer = await resp.read()
                if resp.status >= 300:
                    raise SystemExit(f"{name} failed: {resp.status} {answer[:300]!r}")
            took = time.perf_counter() - start
        if path == "/api/v1/graphs?limit=50":  # the large graph is the newest
            graph_id = json.loads(answer)["items"][0]["id"]
        print(
            f"{name}: {took:.3f}s, {len(answer) / 1e6:.1f} MB back, loop held at most "
            f"{ticker.longest * _MS:.0f}ms, {full.count} full collections"
        )


async def main(args: argparse.Namespace) -> None:
    """Reference, then the submits; every figure."""
    graph = plynx_graph(args.layers, args.width, "bash_jinja2")
    body = json.dumps({"graph": graph.model_dump(mode="json")}).encode()
    graph_body = json.dumps(graph.model_dump(mode="json")).encode()
    nodes = len(graph.nodes)
    loads, validate = reference(body)
    print(f"graph: {nodes} nodes, {len(graph.edges)} edges, body {len(body) / 1e6:.1f} MB")
    print(f"reference: json.loads {loads * _MS:.0f}ms, Graph.model_validate_json ", end="")
    print(f"{validate * _MS:.0f}ms (each holds the loop for its whole length)")

    data_dir = Path(tempfile.mkdtemp(prefix="plynx-submit-"))
    profile = cProfile.Profile() if args.profile else None
    try:
        settings = load_settings(environ={}, data_dir=data_dir, store=args.store)
        async with embedded_plynx(settings, workers=0) as url:
            token = local_token(data_dir)
            headers = {"Content-Type": "application/json", "Prefer": "return=minimal"}
            if token:
                headers["Authorization"] = f"Bearer {token}"
            async with aiohttp.ClientSession() as session:
                for attempt in range(args.repeat):
                    last = attempt == args.repeat - 1
                    took, cpu, longest, before, after = await submit_once(
                        session, url, body, headers, profile if last else None
                    )
                    stalls = after["stalls"] - before["stalls"]
                    worst = after["max_ms"] if after["max_ms"] > before["max_ms"] else None
                    print(
                        f"submit {attempt + 1}: {took:.3f}s, CPU {cpu:.3f}s "
                        f"({took / (loads + validate):.1f}x the reference); "
                        f"loop held at most {longest * _MS:.0f}ms; server: {stalls} stalls "
                        f"over {after['stall_threshold_ms']:.0f}ms, "
                        + (f"longest lag {worst:.0f}ms" if worst else "no new longest lag")
                    )
                await graph_routes(session, url, graph_body, headers)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    if profile is not None:
        profile.dump_stats(args.profile)
        print(f"profile of the last submit: {args.profile}")


def parse_args() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layers", type=int, default=20)
    parser.add_argument("--width", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--store", default=None, help="a store URL (default: SQLite)")
    parser.add_argument("--profile", default=None, help="write a cProfile of the last submit")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
