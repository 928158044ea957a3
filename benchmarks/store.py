"""What each store backend costs on the engine's hot path, with SQLite as the reference.

    python benchmarks/store.py [--postgres DSN] [--mongo URI | --start-mongo]
                               [--nodes 1000] [--big 10000]

Every backend given is measured in this one process, one after the other, always including the
embedded SQLite store (a file in a fresh temporary directory) so that the figures of a noisy
machine can be compared as ratios. A PostgreSQL or MongoDB backend gets a database of its own,
created for the benchmark (``plynx_bench_<random>``) and dropped afterwards; ``--start-mongo``
starts an ``nx-27017`` server (a MongoDB wire-protocol server, ``pip install nx-27017``) on a
free port for the duration.

Measured:

1. **Node-run transitions per second** through :meth:`Store.apply`, the engine's only write
   on the hot path. A run of ``--nodes`` nodes is created pending; then every node goes
   ``pending -> queued -> running -> success`` (three transitions), and each success brings a
   cache entry, as the engine's result handling does. The unit of work writes whatever changed
   since its last flush in one batch: one node run per batch when the engine is idle, a few
   when results arrive together, dozens under load; so batches of 1, 4 and 32 node runs are
   measured, applied one after another as the single flusher task does. The run document is
   written with the first batch (the run starts) and the last (it ends): the engine writes it
   only when the run's status changes.
2. **A run of ``--big`` nodes** (a layered graph, every node with two inputs): how long
   :meth:`Store.create_run` takes (the snapshot and its pending node runs, in one
   transaction), reloading it as the server does for the run page or after a restart
   (:meth:`Store.get_run` + :meth:`Store.get_node_runs`, best of three) and
   :meth:`Store.list_unfinished_runs` with this run unfinished.

This is not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from plynx.model import (
    ArtifactRef,
    CacheEntry,
    Edge,
    Graph,
    Input,
    Node,
    NodeRun,
    NodeRunStatus,
    Operation,
    Output,
    Parameter,
    ParameterType,
    ResourceType,
    Run,
    RunStatus,
)
from plynx.store import Batch, Store, open_store

BATCH_SIZES = (1, 4, 32)


# -- documents ---------------------------------------------------------------------------------


def operation() -> Operation:
    """A typical bash operation: two ports, a parameter, a few lines of code."""
    return Operation(
        id=uuid.uuid4().hex,
        kind="bash_jinja2",
        title="step",
        inputs=[Input(name="in", type=ResourceType.TEXT, is_array=True, min_count=0)],
        outputs=[Output(name="out", type=ResourceType.TEXT)],
        parameters=[Parameter(name="name", type=ParameterType.STR, default="")],
        code="cat {{ inputs['in'] | join(' ') }} /dev/null > {{ outputs.out }}\n"
        "echo '{{ params.name }}' >> {{ outputs.out }}\n",
    )


def layered_run(nodes: int, width: int = 50) -> tuple[Run, list[NodeRun]]:
    """A pending run of ``nodes`` nodes in layers of ``width``; every node after the first
    layer reads the outputs of two nodes of the layer before."""
    op = operation()
    graph_nodes = [Node(id=f"n{i}", operation=op, params={"name": f"n{i}"}) for i in range(nodes)]
    edges = []
    for i in range(width, nodes):
        layer_start = (i // width - 1) * width
        for j in {i - width, layer_start + (i - width + 1) % width}:
            edges.append(Edge(src_node=f"n{j}", src_port="out", dst_node=f"n{i}", dst_port="in"))
    now = datetime.now(UTC)
    run_id = uuid.uuid4().hex
    graph = Graph(id=uuid.uuid4().hex, title="benchmark", nodes=graph_nodes, edges=edges)
    run = Run(id=run_id, graph_id=graph.id, title="benchmark", graph=graph, created_at=now)
    node_runs = [
        NodeRun(id=uuid.uuid4().hex, run_id=run_id, node_id=n.id, kind=n.operation.kind)
        for n in graph_nodes
    ]
    return run, node_runs


def output(node_run: NodeRun) -> dict[str, list[ArtifactRef]]:
    """A plausible output of a node run."""
    digest = uuid.uuid5(uuid.NAMESPACE_OID, node_run.id).hex * 2
    return {"out": [ArtifactRef(sha256=digest, size=42, type=ResourceType.TEXT)]}


# -- measurements ------------------------------------------------------------------------------


@dataclass
class Figures:
    """What was measured on one backend."""

    transitions_per_s: dict[int, float] = field(default_factory=dict)
    ms_per_apply: dict[int, float] = field(default_factory=dict)
    create_run: float = 0.0
    get_run: float = 0.0
    get_node_runs: float = 0.0
    list_unfinished: float = 0.0


def transitions(run: Run, node_runs: list[NodeRun], per_batch: int) -> Iterator[Batch]:
    """The engine's writes as the run goes through, ``per_batch`` node runs at a time: each
    group is queued together, starts together and succeeds together (with its cache entries);
    the run document goes with the first batch (it starts) and the last (it ends)."""
    now = datetime.now(UTC)
    seq = 0
    steps = (NodeRunStatus.QUEUED, NodeRunStatus.RUNNING, NodeRunStatus.SUCCESS)
    for first in range(0, len(node_runs), per_batch):
        group = node_runs[first : first + per_batch]
        for status in steps:
            changed: list[NodeRun] = []
            cache: list[CacheEntry] = []
            for nr in group:
                seq += 1
                nr.status, nr.seq = status, seq
                if status == NodeRunStatus.QUEUED:
                    nr.attempt, nr.queued_at = 1, now
                elif status == NodeRunStatus.RUNNING:
                    nr.worker_id, nr.started_at = "bench-worker", now
                else:
                    nr.finished_at, nr.exit_code, nr.outputs = now, 0, output(nr)
                    nr.cache_key = uuid.uuid5(uuid.NAMESPACE_URL, nr.id).hex * 2
                    cache.append(
                        CacheEntry(
                            key=nr.cache_key,
                            outputs=nr.outputs,
                            node_run_id=nr.id,
                            run_id=run.id,
                            created_at=now,
                        )
                    )
                # the engine stores each object's state at flush time; we mutate ours again
                changed.append(nr.model_copy())
            runs: list[Run] = []
            if first == 0 and status == NodeRunStatus.QUEUED:
                run.status, run.started_at, run.seq = RunStatus.RUNNING, now, seq
                runs = [run.model_copy()]
            if first + per_batch >= len(node_runs) and status == NodeRunStatus.SUCCESS:
                run.status, run.finished_at, run.seq = RunStatus.SUCCESS, now, seq
                runs = [run.model_copy()]
            yield Batch(runs=runs, node_runs=changed, cache_entries=cache)


async def measure_apply(store: Store, nodes: int, per_batch: int) -> tuple[float, float]:
    """``(transitions per second, milliseconds per apply)`` for batches of ``per_batch``."""
    run, node_runs = layered_run(nodes)
    await store.create_run(run, node_runs)
    batches = list(transitions(run, node_runs, per_batch))  # built before the clock starts
    count = sum(len(b.node_runs) for b in batches)
    start = time.perf_counter()
    for batch in batches:
        await store.apply(batch)
    elapsed = time.perf_counter() - start
    stored = await store.get_node_runs(run.id)
    if {nr.status for nr in stored} != {NodeRunStatus.SUCCESS}:
        raise SystemExit(f"{store!r}: the node runs were not all stored as success")
    return count / elapsed, elapsed / len(batches) * 1000


async def best_of(times: int, action: Callable[[], Awaitable[Any]]) -> float:
    """The shortest wall time of ``times`` calls."""
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        await action()
        best = min(best, time.perf_counter() - start)
    return best


async def measure(url: str, nodes: int, big: int) -> Figures:
    """Every figure for the store at ``url``."""
    figures = Figures()
    async with open_store(url) as store:
        for per_batch in BATCH_SIZES:  # warm up: connections, prepared statements, caches
            await measure_apply(store, 2 * per_batch, per_batch)
        for per_batch in BATCH_SIZES:
            rate, ms = await measure_apply(store, nodes, per_batch)
            figures.transitions_per_s[per_batch] = rate
            figures.ms_per_apply[per_batch] = ms

        run, node_runs = layered_run(big)
        start = time.perf_counter()
        await store.create_run(run, node_runs)
        figures.create_run = time.perf_counter() - start
        figures.get_run = await best_of(3, lambda: store.get_run(run.id))
        figures.get_node_runs = await best_of(3, lambda: store.get_node_runs(run.id))
        unfinished = await store.list_unfinished_runs()
        if run.id not in {r.id for r in unfinished}:
            raise SystemExit(f"{store!r}: the big run is not listed as unfinished")
        figures.list_unfinished = await best_of(3, store.list_unfinished_runs)
    return figures


# -- databases ---------------------------------------------------------------------------------


def with_database(url: str, name: str) -> str:
    """``url`` pointing at the database ``name``."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


@asynccontextmanager
async def postgres_database(dsn: str) -> AsyncIterator[str]:
    """A new database on the server of ``dsn``, dropped on exit."""
    import asyncpg

    name = f"plynx_bench_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(dsn)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield with_database(dsn, name)
    finally:
        admin = await asyncpg.connect(dsn)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@asynccontextmanager
async def mongo_database(uri: str) -> AsyncIterator[str]:
    """A database name of its own on the server of ``uri``, dropped on exit."""
    from pymongo import AsyncMongoClient

    name = f"plynx_bench_{uuid.uuid4().hex[:12]}"
    try:
        yield with_database(uri, name)
    finally:
        client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(uri)
        try:
            await client.drop_database(name)
        finally:
            await client.close()


@contextmanager
def nx_27017(directory: Path) -> Iterator[str]:
    """An ``nx-27017`` server on a free port with its data in ``directory``."""
    program = shutil.which("nx-27017") or str(Path(sys.executable).parent / "nx-27017")
    if not Path(program).exists():
        raise SystemExit("--start-mongo needs nx-27017: pip install nx-27017")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = (directory / "nx-27017.log").open("wb")
    process = subprocess.Popen(
        [program, "--host=127.0.0.1", f"--port={port}", f"--data-dir={directory / 'mongo'}"],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"nx-27017 did not start: see {directory / 'nx-27017.log'}")
            time.sleep(0.1)
        yield f"mongodb://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


# -- report ------------------------------------------------------------------------------------


def report(results: dict[str, Figures], nodes: int, big: int) -> None:
    """The figures, one column per backend, and each one's ratio to SQLite."""
    names = list(results)
    reference = results["sqlite"]
    print(f"store benchmark: {nodes} node runs x 3 transitions per batch size; a {big}-node run")
    print()
    print(f"{'':40}" + "".join(f"{name:>20}" for name in names))

    def row(label: str, value: Callable[[Figures], float], fmt: str, higher_better: bool) -> None:
        cells = []
        for name in names:
            figure, ref = value(results[name]), value(reference)
            cell = format(figure, fmt)
            if name != "sqlite" and figure and ref:
                cell += f" ({ref / figure if higher_better else figure / ref:.1f}x)"
            cells.append(f"{cell:>20}")
        print(f"{label:40}" + "".join(cells))

    def rate(size: int) -> Callable[[Figures], float]:
        return lambda f: f.transitions_per_s[size]

    def per_apply(size: int) -> Callable[[Figures], float]:
        return lambda f: f.ms_per_apply[size]

    for size in BATCH_SIZES:
        row(f"apply, {size} node run(s)/batch: transitions/s", rate(size), ",.0f", True)
        row(f"  ms per apply ({size}/batch)", per_apply(size), ".2f", False)
    row(f"create_run, {big} nodes: s", lambda f: f.create_run, ".2f", False)
    row("get_run: s", lambda f: f.get_run, ".3f", False)
    row("get_node_runs: s", lambda f: f.get_node_runs, ".3f", False)
    row("get_run + get_node_runs: s", lambda f: f.get_run + f.get_node_runs, ".3f", False)
    row("list_unfinished_runs: s", lambda f: f.list_unfinished, ".3f", False)
    print()
    print("(Nx): how many times slower than SQLite in this same process")


async def run_all(args: argparse.Namespace, tmp: Path) -> dict[str, Figures]:
    """Measure SQLite, then each other backend asked for."""
    results = {"sqlite": await measure(f"sqlite:///{tmp / 'plynx.db'}", args.nodes, args.big)}
    if args.postgres:
        async with postgres_database(args.postgres) as url:
            results["postgres"] = await measure(url, args.nodes, args.big)
    if args.mongo:
        async with mongo_database(args.mongo) as url:
            label = "mongo (nx-27017)" if args.start_mongo else "mongo"
            results[label] = await measure(url, args.nodes, args.big)
    return results


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", metavar="DSN", help="also measure PostgreSQL at DSN")
    parser.add_argument("--mongo", metavar="URI", help="also measure MongoDB at URI")
    parser.add_argument(
        "--start-mongo", action="store_true", help="start nx-27017 and measure it as MongoDB"
    )
    parser.add_argument("--nodes", type=int, default=1000, help="nodes of the transitions run")
    parser.add_argument("--big", type=int, default=10_000, help="nodes of the big run")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="plynx-bench-store-") as tmp,
        contextlib.ExitStack() as stack,
    ):
        if args.start_mongo and not args.mongo:
            args.mongo = stack.enter_context(nx_27017(Path(tmp)))
        results = asyncio.run(run_all(args, Path(tmp)))
    report(results, args.nodes, args.big)


if __name__ == "__main__":
    main()
