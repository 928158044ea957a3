"""How responsive the server stays while a large run executes, with many dashboards following.

    python benchmarks/loop.py [--layers 20] [--width 500] [--workers 8] [--slots 4]
                              [--followers 50] [--store URL]

A server with ``--workers`` local worker processes of ``--slots`` slots runs in a process of
its own (SQLite in a fresh temporary directory unless ``--store``). Another process holds
``--followers`` ``/ws/events`` connections, each subscribed to the run list, the workers and
the run itself (what a dashboard on the run page does); a third one asks ``GET /health``
every 20 ms and records how long each answer took. This process submits the DAG of
``dag.py`` (``layers`` x ``width`` ``true`` nodes, two inputs each; 10,000 by default) inline
with ``POST /runs`` and waits for its end.

Printed: the health latency (p50, p99, max) while the server is idle with its followers
connected — the reference of the same run on the same machine — and while the graph runs;
the server's own loop-lag figures (``/health`` ``loop``: stalls over 100 ms and the longest
lag); the time ``POST /runs`` took for the whole graph; the run's wall time, and ``make -j``
(workers x slots) on the same DAG for scale; the server process's CPU time from submit to
finish (a figure that other load on the machine hardly changes); and whether every follower
stayed connected. ``--profile FILE`` writes a cProfile of the server over that span;
``--timeline`` prints to stderr, each with the time of day, the server's stall warnings (and,
with ``--gc-log``, its long collections), the submit, its answer, the run's end and every
health answer slower than 50 ms: what happened when.

This is not a test: it prints figures. Health latency against the idle reference is the
figure to read: a stalled event loop shows as a long tail.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp
from dag import makefile, percentile, plynx_graph, time_make  # type: ignore[import-not-found]

from plynx.cli.embedded import embedded_plynx, local_token
from plynx.client import PlynxClient
from plynx.settings import load_settings

_PROBE_INTERVAL = 0.02
_MS = 1000.0


# -- the three child roles ---------------------------------------------------------------------
_TOKEN_ENV = "PLYNX_BENCH_TOKEN"


def _token() -> str | None:
    """The local server's token (set by the orchestrator for itself and its children)."""
    return os.environ.get(_TOKEN_ENV) or None


def _auth() -> dict[str, str]:
    token = _token()
    return {"Authorization": f"Bearer {token}"} if token else {}


async def serve(args: argparse.Namespace) -> None:
    """Run the server and its workers until stdin closes; print the URL first."""
    if args.gc_log:
        _log_collections()
    if args.timeline:
        logging.basicConfig(format="%(asctime)s.%(msecs)03d %(message)s", datefmt="%H:%M:%S")
    data_dir = Path(args.serve)
    settings = load_settings(environ={}, data_dir=data_dir, store=args.store)
    profile = cProfile.Profile() if args.profile else None
    async with embedded_plynx(
        settings, workers=args.workers, slots=args.slots, log_dir=data_dir / "logs-workers"
    ) as url:
        print(url, flush=True)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, sys.stdin.readline)  # the run starts
        cpu = time.process_time()
        if profile is not None:
            profile.enable()
        await loop.run_in_executor(None, sys.stdin.readline)  # the run has finished
        if profile is not None:
            profile.disable()
            profile.dump_stats(args.profile)
        # the server's own CPU time (its threads included; not its workers'), machine load aside
        print(json.dumps({"cpu": time.process_time() - cpu}), flush=True)
        await loop.run_in_executor(None, sys.stdin.read)


def _log_collections() -> None:
    """Print every garbage collection of the oldest generation that took over 50 ms."""
    started: list[float] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            started[:] = [time.perf_counter()]
        elif started and (took := time.perf_counter() - started[0]) > 0.05:
            message = f"{_stamp()} gc: a full collection took {took * _MS:.0f}ms"
            print(message, file=sys.stderr, flush=True)

    gc.callbacks.append(callback)


async def probe(url: str) -> None:
    """``GET /health`` every 20 ms until stdin closes; print ``[[wall time, seconds], ...]``."""
    samples: list[tuple[float, float]] = []
    done = asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    async with aiohttp.ClientSession(headers=_auth()) as session:
        while not done.done():
            start = time.perf_counter()
            async with session.get(url + "/api/v1/health") as resp:
                await resp.read()
            samples.append((time.time(), time.perf_counter() - start))
            await asyncio.sleep(_PROBE_INTERVAL)
    print(json.dumps(samples), flush=True)


async def _follower(
    session: aiohttp.ClientSession, url: str, run_id: asyncio.Future[str], stats: dict[str, int]
) -> None:
    async with session.ws_connect(url + "/ws/events", max_msg_size=0) as ws:
        await ws.send_json({"type": "subscribe", "topic": "runs"})
        await ws.send_json({"type": "subscribe", "topic": "workers"})
        subscribed = False
        while True:
            if not subscribed and run_id.done():
                message = {"type": "subscribe", "topic": "run", "run_id": run_id.result()}
                await ws.send_json(message)
                subscribed = True
            try:
                msg = await ws.receive(timeout=0.2)
            except TimeoutError:
                continue
            if msg.type != aiohttp.WSMsgType.TEXT:
                stats["closed"] += 1
                why = f"{msg.type.name} {msg.data!r} {msg.extra!r} (close code {ws.close_code})"
                print(f"a follower was disconnected: {why}", file=sys.stderr, flush=True)
                return
            stats["frames"] += 1
            stats["bytes"] += len(msg.data)


async def follow(url: str, count: int) -> None:
    """Hold ``count`` followers; the run id arrives on stdin; print their figures at EOF."""
    loop = asyncio.get_running_loop()
    run_id: asyncio.Future[str] = loop.create_future()
    stats = {"frames": 0, "bytes": 0, "closed": 0}
    async with aiohttp.ClientSession(headers=_auth()) as session:
        tasks = [asyncio.create_task(_follower(session, url, run_id, stats)) for _ in range(count)]
        print("ready", flush=True)
        line = await loop.run_in_executor(None, sys.stdin.readline)
        run_id.set_result(line.strip())
        await loop.run_in_executor(None, sys.stdin.read)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    print(json.dumps(stats), flush=True)


# -- the orchestrator ------------------------------------------------------------------------
def _child(*argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, *argv],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _stop(child: subprocess.Popen[str]) -> str:
    out, _ = child.communicate(timeout=120)
    return out


def _latency(samples: list[tuple[float, float]], start: float, end: float) -> dict[str, float]:
    window = [s for t, s in samples if start <= t <= end]
    if not window:
        return {"n": 0, "p50": 0.0, "p99": 0.0, "max": 0.0}
    return {
        "n": len(window),
        "p50": percentile(window, 0.5),
        "p99": percentile(window, 0.99),
        "max": max(window),
    }


def _stamp(when: float | None = None) -> str:
    """``when`` (default: now) as the time of day with milliseconds, as the timeline shows it."""
    when = time.time() if when is None else when
    return time.strftime("%H:%M:%S", time.localtime(when)) + f".{int(when % 1 * 1000):03d}"


def _mark(args: argparse.Namespace, what: str) -> None:
    if args.timeline:
        print(f"{_stamp()} benchmark: {what}", file=sys.stderr, flush=True)


async def measure(
    args: argparse.Namespace, url: str, server: subprocess.Popen[str]
) -> dict[str, Any]:
    """Idle reference, then submit and run the graph; every figure."""
    graph = plynx_graph(args.layers, args.width, "bash_jinja2")
    body = json.dumps({"graph": graph.model_dump(mode="json")}).encode()
    follower = _child("--follow", url, "--followers", str(args.followers))
    prober = _child("--probe", url)
    assert follower.stdout is not None and follower.stdin is not None
    assert prober.stdin is not None and server.stdin is not None
    follower.stdout.readline()  # "ready"
    async with PlynxClient(url, _token()) as client:
        await asyncio.sleep(1.0)  # followers connected and subscribed
        idle_start = time.time()
        await asyncio.sleep(args.idle)
        idle_end = time.time()
        loop_before = (await client.health()).get("loop") or {}
        server.stdin.write("start\n")
        server.stdin.flush()
        start = time.perf_counter()
        _mark(args, "submit")
        async with client.session.post(
            url + "/api/v1/runs",
            data=body,
            # as `plynx run` asks: the answer is the run's summary, not the graph echoed back
            headers={"Content-Type": "application/json", "Prefer": "return=minimal", **_auth()},
        ) as resp:
            _mark(args, "the answer's headers arrived")
            detail = await resp.json()
            if resp.status != 201:
                raise SystemExit(f"submit failed: {resp.status} {detail}")
        submitted = time.perf_counter() - start
        _mark(args, "submitted")
        run_id = detail["id"]
        follower.stdin.write(run_id + "\n")
        follower.stdin.flush()
        async with asyncio.timeout(args.timeout):
            final = await client.wait_run(run_id)
        run_seconds = time.perf_counter() - start
        _mark(args, "finished")
        run_end = time.time()
        loop_after = (await client.health()).get("loop") or {}
        server.stdin.write("done\n")  # the server's CPU time until now
        server.stdin.flush()
        assert server.stdout is not None
        cpu = json.loads(await asyncio.to_thread(server.stdout.readline))["cpu"]
    samples = [tuple(s) for s in json.loads(_stop(prober))]
    if args.timeline:
        for t, took in samples:
            if took > 0.05 and idle_end <= t <= run_end:
                print(f"{_stamp(t)} health took {took * _MS:.0f}ms", file=sys.stderr, flush=True)
    followed = json.loads(_stop(follower))
    statuses: dict[str, int] = {}
    for nr in final.node_runs:
        statuses[nr.status.value] = statuses.get(nr.status.value, 0) + 1
    return {
        "idle": _latency(samples, idle_start, idle_end),  # type: ignore[arg-type]
        "running": _latency(samples, idle_end, run_end),  # type: ignore[arg-type]
        "submit": submitted,
        "run": run_seconds,
        "status": final.run.status.value,
        "statuses": statuses,
        "loop_before": loop_before,
        "loop_after": loop_after,
        "followers": followed,
        "cpu": cpu,
    }


async def orchestrate(args: argparse.Namespace, root: Path) -> dict[str, Any]:
    """Start the server process, measure, stop it."""
    argv = ["--serve", str(root / "plynx"), "--workers", str(args.workers)]
    argv += ["--slots", str(args.slots)] + (["--store", args.store] if args.store else [])
    argv += ["--gc-log"] if args.gc_log else []
    argv += ["--timeline"] if args.timeline else []
    argv += ["--profile", args.profile] if args.profile else []
    server = _child(*argv)
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        if not url:
            raise SystemExit("the server did not start")
        # the children (prober, followers) send the local server's token too
        os.environ[_TOKEN_ENV] = local_token(root / "plynx") or ""
        async with PlynxClient(url, _token()) as client, asyncio.timeout(120):
            await client.wait_workers(args.workers)
        return await measure(args, url, server)
    finally:
        _mark(args, "stopping the server")
        _stop(server)


def _row(label: str, figures: dict[str, float]) -> str:
    return (
        f"{label:34}{figures['p50'] * _MS:>8.1f}ms{figures['p99'] * _MS:>8.1f}ms"
        f"{figures['max'] * _MS:>8.1f}ms{figures['n']:>8}"
    )


def report(args: argparse.Namespace, result: dict[str, Any], make_seconds: float) -> None:
    """Print the figures."""
    nodes = args.layers * args.width
    slots = args.workers * args.slots
    print(f"DAG: {args.layers} layers x {args.width} = {nodes} `true` nodes, 2 inputs each")
    print(f"server: {args.workers} workers x {args.slots} slots, {args.followers} followers")
    print()
    print(f"{'GET /health latency':34}{'p50':>10}{'p99':>10}{'max':>10}{'n':>8}")
    print(_row("idle, followers connected (ref)", result["idle"]))
    print(_row("while the graph runs", result["running"]))
    before, after = result["loop_before"], result["loop_after"]
    if after:
        stalls = after["stalls"] - before.get("stalls", 0)
        print(
            f"server loop lag: {stalls} stalls over {after['stall_threshold_ms']:.0f}ms during "
            f"the run; longest lag since start {after['max_ms']:.0f}ms; "
            f"p99 of the last minute {after['p99_ms']:.0f}ms (the server's own measure, "
            "without the probe's requests)"
        )
    else:
        print("server loop lag: not reported by this server")
    print()
    print(f"POST /runs ({nodes} nodes, inline):  {result['submit']:.2f}s")
    print(f"run, submit to finished:           {result['run']:.2f}s ({result['status']}: ", end="")
    print(", ".join(f"{n} {s}" for s, n in sorted(result["statuses"].items())) + ")")
    print(f"make -j{slots} (touch), same DAG:     {make_seconds:.2f}s")
    print(f"server CPU, submit to finished:    {result['cpu']:.2f}s (its workers' aside)")
    followed = result["followers"]
    print(
        f"followers: {followed['frames']} frames, {followed['bytes'] / 1e6:.1f} MB received, "
        f"{followed['closed']} of {args.followers} disconnected"
    )


def main() -> None:
    """Run the benchmark (or one of its child roles) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layers", type=int, default=20)
    parser.add_argument("--width", type=int, default=500)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--slots", type=int, default=4)
    parser.add_argument("--followers", type=int, default=50)
    parser.add_argument("--idle", type=float, default=3.0, help="seconds of idle reference")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds for the run")
    parser.add_argument("--store", help="store URL of an EMPTY database [default: SQLite]")
    parser.add_argument(
        "--gc-log", action="store_true", help="log the server's long garbage collections"
    )
    parser.add_argument(
        "--timeline",
        action="store_true",
        help="print to stderr, timestamped: the server's warnings (its stalls), the submit and "
        "the end, and every health answer over 50 ms",
    )
    parser.add_argument("--profile", help="write a cProfile of the server during the run here")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--probe", help=argparse.SUPPRESS)
    parser.add_argument("--follow", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args))
        return
    if args.probe:
        asyncio.run(probe(args.probe))
        return
    if args.follow:
        asyncio.run(follow(args.follow, args.followers))
        return
    if shutil.which("make") is None:
        sys.exit("make is not installed")
    with tempfile.TemporaryDirectory(prefix="plynx-bench-") as tmp:
        root = Path(tmp)
        result = asyncio.run(orchestrate(args, root))
        make_dir = root / "make"
        make_dir.mkdir()
        (make_dir / "Makefile").write_text(makefile(args.layers, args.width))
        make_seconds = time_make(make_dir, args.workers * args.slots)
    report(args, result, make_seconds)


if __name__ == "__main__":
    main()
