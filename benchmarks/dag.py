"""How much PLynx costs per node, measured against ``make -j`` on the same DAG.

    python benchmarks/dag.py [--layers 20] [--width 50] [--slots 2] [--store URL]

The DAG has ``layers`` layers of ``width`` nodes; every node after the first layer depends on
two nodes of the layer before it (``i`` and ``i+1``, wrapping around). The same DAG runs:

* in PLynx: an embedded server (SQLite in a fresh temporary directory, so nothing is cached
  at first) and one local worker process with ``--slots`` slots. Each node is a
  ``bash_jinja2`` node whose script is ``true``; its one output is the empty file the worker
  creates for it. Every node has a distinct parameter (unused by the script) so that no two
  nodes share a cache key: otherwise identical nodes of a layer would be served from the
  cache and PLynx would do less work than make;
* in ``make -j<slots>``, in this same process and on this same machine a moment later: one
  file target per node whose recipe is ``touch $@``.

So both run one process per node with the same parallelism; make's process is ``touch``,
PLynx's is ``bash`` running a rendered script, plus what PLynx adds around it: scheduling,
cache keys, a fresh working directory, log capture, hashing and uploading outputs,
persisting every transition, and events. That overhead is what the ratio shows.

Also printed: the dispatch latency (a node's ``queued_at`` -> ``started_at``: ready until the
worker has started it) measured on a chain of nodes, where exactly one node is ready at a time
and a slot is always free (in the layered DAG the same figure is mostly time spent waiting
for a slot, printed too), the time to run the unchanged graph again (entirely from the cache;
make's equivalent is a second ``make`` with nothing to do), and the same DAG with no-op
``python`` nodes, which run in processes forked from a warm interpreter.

This is not a test: it prints figures. Compare the ratio, not the seconds: the same machine
runs both sides.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plynx.cli.embedded import embedded_plynx, local_token
from plynx.client import PlynxClient, RunDetail
from plynx.model import NodeRunStatus, parse_graph_document
from plynx.model.graph import Graph
from plynx.settings import load_settings


def edges_of(layers: int, width: int) -> list[tuple[str, list[str]]]:
    """Each node with the nodes it depends on."""
    nodes = []
    for layer in range(layers):
        for i in range(width):
            deps = [f"n{layer - 1}_{i}", f"n{layer - 1}_{(i + 1) % width}"] if layer else []
            nodes.append((f"n{layer}_{i}", sorted(set(deps))))
    return nodes


def plynx_graph(layers: int, width: int, kind: str) -> Graph:
    """The DAG as a PLynx graph of no-op ``kind`` nodes."""
    code = "true\n" if kind == "bash_jinja2" else "pass\n"
    operation = {
        "kind": kind,
        "title": f"no-op {kind}",
        "code": code,
        "inputs": {"deps": {"type": "file", "is_array": True, "min_count": 0}},
        "outputs": {"out": "file"},
        "parameters": {"node": {"type": "str", "default": ""}},
    }
    nodes: dict[str, Any] = {}
    edges = []
    for name, deps in edges_of(layers, width):
        nodes[name] = {"operation": "noop", "params": {"node": f"{layers}x{width}:{name}"}}
        edges += [f"{dep}.out -> {name}.deps" for dep in deps]
    document = {
        "title": f"benchmark {layers}x{width} {kind}",
        "operations": {"noop": operation},
        "nodes": nodes,
        "edges": edges,
    }
    graph, _ = parse_graph_document(document)
    return graph


def makefile(layers: int, width: int) -> str:
    """The DAG as a Makefile of ``touch`` targets."""
    rules = []
    names = []
    for name, deps in edges_of(layers, width):
        names.append(name)
        rules.append(f"{name}: {' '.join(deps)}\n\ttouch $@\n")
    return f"all: {' '.join(names)}\n\n" + "\n".join(rules)


def time_make(directory: Path, jobs: int) -> float:
    """Wall time of ``make -j<jobs>`` in ``directory``."""
    start = time.perf_counter()
    subprocess.run(
        ["make", "-s", f"-j{jobs}", "-C", str(directory)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


@dataclass
class Timed:
    """A finished run and how long it took from submission to its end."""

    seconds: float
    detail: RunDetail

    def check(self, *allowed: NodeRunStatus) -> None:
        """Fail loudly if a node ended in another status."""
        bad = [nr for nr in self.detail.node_runs if nr.status not in allowed]
        if bad:
            raise SystemExit(f"{len(bad)} nodes ended badly, e.g. {bad[0]!r}")


async def timed_run(client: PlynxClient, graph: Graph) -> Timed:
    """Submit ``graph`` and wait for the end of its run."""
    start = time.perf_counter()
    submitted = await client.submit(graph)
    detail = await client.wait_run(submitted.run.id)
    return Timed(time.perf_counter() - start, detail)


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def dispatch_latencies(detail: RunDetail) -> list[float]:
    """Seconds from queued to started, per executed node."""
    return [
        (nr.started_at - nr.queued_at).total_seconds()
        for nr in detail.node_runs
        if nr.started_at is not None and nr.queued_at is not None
    ]


async def run_plynx(args: argparse.Namespace, data_dir: Path) -> dict[str, Any]:
    """Every PLynx figure."""
    settings = load_settings(environ={}, data_dir=data_dir, store=args.store)
    bash = plynx_graph(args.layers, args.width, "bash_jinja2")
    python = plynx_graph(args.layers, args.width, "python")
    chain = plynx_graph(args.chain, 1, "bash_jinja2")  # one node ready at a time
    async with (
        embedded_plynx(
            settings, workers=1, slots=args.slots, log_dir=data_dir / "logs-workers"
        ) as url,
        PlynxClient(url, local_token(data_dir)) as client,
    ):
        async with asyncio.timeout(60):
            await client.wait_workers(1)
        first = await timed_run(client, bash)
        first.check(NodeRunStatus.SUCCESS)
        cached = await timed_run(client, bash)
        cached.check(NodeRunStatus.CACHED)
        noop_python = await timed_run(client, python)
        noop_python.check(NodeRunStatus.SUCCESS)
        one_by_one = await timed_run(client, chain)
        one_by_one.check(NodeRunStatus.SUCCESS)
    return {"bash": first, "cached": cached, "python": noop_python, "chain": one_by_one}


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layers", type=int, default=20)
    parser.add_argument("--width", type=int, default=50)
    parser.add_argument("--slots", type=int, default=2, help="PLynx slots = make -j")
    parser.add_argument(
        "--chain", type=int, default=200, help="length of the chain for the dispatch latency"
    )
    parser.add_argument(
        "--store",
        help="store URL of an EMPTY database (e.g. postgresql://postgres@127.0.0.1/bench) "
        "[default: SQLite in a temporary directory]",
    )
    args = parser.parse_args()
    if shutil.which("make") is None:
        sys.exit("make is not installed")
    nodes = args.layers * args.width

    with tempfile.TemporaryDirectory(prefix="plynx-bench-") as tmp:
        root = Path(tmp)
        results = asyncio.run(run_plynx(args, root / "plynx"))
        make_dir = root / "make"
        make_dir.mkdir()
        (make_dir / "Makefile").write_text(makefile(args.layers, args.width))
        make_first = time_make(make_dir, args.slots)
        make_again = time_make(make_dir, args.slots)

    bash, cached, python = results["bash"], results["cached"], results["python"]
    latency = dispatch_latencies(results["chain"].detail)
    queued = dispatch_latencies(bash.detail)
    ms = 1000.0
    print(f"DAG: {args.layers} layers x {args.width} nodes = {nodes} nodes, 2 inputs each")
    store = args.store.split("://", 1)[0] if args.store else "sqlite"
    print(f"PLynx: embedded server ({store}), 1 worker x {args.slots} slots; make -j{args.slots}")
    print()
    print(f"{'':34}{'wall':>10}{'per node':>12}")
    rows = [
        ("make (touch)", make_first),
        ("PLynx bash_jinja2 (true)", bash.seconds),
        ("PLynx python (no-op)", python.seconds),
        ("make again (nothing to do)", make_again),
        ("PLynx again (all cached)", cached.seconds),
    ]
    for label, seconds in rows:
        print(f"{label:34}{seconds:>9.2f}s{seconds / nodes * ms:>10.2f}ms")
    print()
    print(f"ratio PLynx bash / make:          {bash.seconds / make_first:.1f}x")
    print(f"ratio PLynx python / make:        {python.seconds / make_first:.1f}x")
    print(
        f"dispatch latency, a chain of {args.chain} (ready -> started, a slot free):"
        f" p50 {percentile(latency, 0.5) * ms:.1f}ms  p99 {percentile(latency, 0.99) * ms:.1f}ms"
    )
    print(
        "queued -> started in the DAG (mostly waiting for a free slot):"
        f" p50 {percentile(queued, 0.5) * ms:.0f}ms  p99 {percentile(queued, 0.99) * ms:.0f}ms"
    )


if __name__ == "__main__":
    main()
