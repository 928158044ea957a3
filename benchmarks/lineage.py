"""How long an artifact's lineage takes in a store of 10,000 runs.

    python benchmarks/lineage.py [--runs 10000] [--postgres DSN] [--mongo URI | --start-mongo]
                                 [--repeat 20]

The store is filled (through :meth:`Store.apply`, in batches) with ``--runs`` runs of the same
chain ``a -> b -> c``. Run 0 executes every node; every later run restores ``a`` from the cache
(so run 0's ``a.out`` is held by every run, the worst case for "what used this") and executes
``b`` and ``c`` with a parameter of its own (new artifacts). Then, on a run in the middle:

* **upstream**: the lineage of ``c.out`` (``c``, ``b``, and ``a`` of run 0);
* **downstream**: the lineage of ``b.out`` (its user ``c``);
* **popular**: the lineage of run 0's ``a.out``, used by every run (capped, ``truncated``).

Each is the best and the median of ``--repeat`` queries, beside a reference measured in the same
process: :meth:`Store.get_run` of that run (one indexed read of one document). SQLite (a file in
a fresh temporary directory) is always measured; PostgreSQL and MongoDB when given, each in a
database of its own that is dropped afterwards. This is not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from store import mongo_database, nx_27017, postgres_database  # benchmarks/store.py

from plynx.engine.lineage import artifact_lineage
from plynx.model import (
    ArtifactRef,
    Edge,
    Graph,
    Input,
    Node,
    NodeRun,
    NodeRunStatus,
    Operation,
    Output,
    Parameter,
    Run,
    RunStatus,
)
from plynx.store import Batch, Store, open_store

_BATCH = 250  # runs per write
_NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _op(name: str, has_input: bool) -> Operation:
    return Operation(
        id=f"op-{name}",
        kind="bash_jinja2",
        title=name,
        code="cat {{ inputs['in'] | join(' ') }} > {{ outputs.out }}",
        inputs=[Input(name="in", type="text", is_array=True, min_count=0)] if has_input else [],
        outputs=[Output(name="out", type="text")],
        parameters=[Parameter(name="k", type="int", default=0)],
    )


_OPS = {"a": _op("a", False), "b": _op("b", True), "c": _op("c", True)}
_EDGES = [
    Edge(src_node="a", src_port="out", dst_node="b", dst_port="in"),
    Edge(src_node="b", src_port="out", dst_node="c", dst_port="in"),
]


def _run(i: int, a_first: NodeRun | None) -> tuple[Run, list[NodeRun]]:
    """Run ``i`` of the chain; ``a`` restored from ``a_first`` when given."""
    run_id = f"run-{i:05d}"
    nodes = [Node(id=n, operation=op, params={"k": i}) for n, op in _OPS.items()]
    run = Run(
        id=run_id,
        graph=Graph(id="g", title="chain", nodes=nodes, edges=_EDGES),
        status=RunStatus.SUCCESS,
        created_at=_NOW,
    )
    node_runs: list[NodeRun] = []
    for n in _OPS:
        out = ArtifactRef(sha256=_sha(f"{run_id}/{n}"), size=10, type="text", name="out")
        nr = NodeRun(
            id=f"{run_id}-{n}",
            run_id=run_id,
            node_id=n,
            kind="bash_jinja2",
            status=NodeRunStatus.SUCCESS,
            cache_key=_sha(f"key/{run_id}/{n}"),
            outputs={"out": [out]},
        )
        if n == "a" and a_first is not None:
            nr.status, nr.outputs = NodeRunStatus.CACHED, a_first.outputs
            nr.cached_from, nr.cached_from_run = a_first.id, a_first.run_id
        node_runs.append(nr)
    return run, node_runs


async def _fill(store: Store, runs: int) -> dict[str, str]:
    """Write the runs; return the digests the queries ask about."""
    first_run, first_nodes = _run(0, None)
    await store.apply(Batch(runs=[first_run], node_runs=first_nodes))
    middle: dict[str, str] = {}
    for start in range(1, runs, _BATCH):
        batch = Batch()
        for i in range(start, min(runs, start + _BATCH)):
            run, node_runs = _run(i, first_nodes[0])
            batch.runs.append(run)
            batch.node_runs.extend(node_runs)
            if i == runs // 2:
                middle = {nr.node_id: nr.outputs["out"][0].sha256 for nr in node_runs}
                middle["run"] = run.id
        await store.apply(batch)
    return middle


async def _timed(repeat: int, call: Callable[[], Awaitable[Any]]) -> tuple[float, float]:
    """Best and median milliseconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        await call()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


async def measure(url: str, runs: int, repeat: int) -> None:
    """Fill the store at ``url`` and print the figures."""
    async with open_store(url) as store:
        start = time.perf_counter()
        middle = await _fill(store, runs)
        took = time.perf_counter() - start
        print(f"  filled with {runs} runs ({3 * runs} node runs) in {took:.1f} s")
        reference = await _timed(repeat, lambda: store.get_run(middle["run"]))
        best, median = reference
        print(f"  {'reference: get_run':<34} best {best:7.2f} ms  median {median:7.2f} ms")
        popular = _sha("run-00000/a")
        for label, sha in (
            ("upstream of c.out (depth 5)", middle["c"]),
            ("downstream of b.out (depth 5)", middle["b"]),
            ("popular a.out, used by every run", popular),
        ):
            found = await artifact_lineage(store, sha, 5)
            best, median = await _timed(repeat, lambda sha=sha: artifact_lineage(store, sha, 5))
            shape = f"{len(found.upstream)} up, {len(found.downstream)} down"
            cut = ", truncated" if found.truncated else ""
            print(f"  {label:<34} best {best:7.2f} ms  median {median:7.2f} ms  ({shape}{cut})")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--postgres", help="a PostgreSQL DSN (a database is created in it)")
    parser.add_argument("--mongo", help="a MongoDB URI (a database is created in it)")
    parser.add_argument("--start-mongo", action="store_true", help="start nx-27017 and measure it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print("sqlite")
        await measure(f"sqlite:///{Path(tmp) / 'plynx.db'}", args.runs, args.repeat)
        if args.postgres:
            print("postgresql")
            async with postgres_database(args.postgres) as url:
                await measure(url, args.runs, args.repeat)
        with contextlib.ExitStack() as stack:
            mongo = stack.enter_context(nx_27017(Path(tmp))) if args.start_mongo else args.mongo
            if mongo:
                print("mongodb")
                async with mongo_database(mongo) as url:
                    await measure(url, args.runs, args.repeat)


if __name__ == "__main__":
    asyncio.run(main())
