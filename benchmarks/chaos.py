"""PLynx under faults, against real processes: how many runs survive, and how fast they recover.

    python benchmarks/chaos.py [--store sqlite] [--store postgresql://…] [--worker-kills 20]
        [--server-kills 20] [--stops 3] [--forgeries 3] [--load-nodes 3000] ...

For each store and scenario, a fresh ``plynx server`` and separate ``plynx worker`` processes
(``chaos_cluster.py``; leases of ``--lease`` seconds) go through the faults of
``chaos_faults.py``, each trial a fresh run of a diamond ``a -> b, c -> d`` whose nodes sleep
``--node-seconds`` and write outputs that depend on their inputs, so the final outputs are
known exactly:

* **worker SIGKILL**: SIGKILL the worker running a node (a, b or d in turn) mid-node; a new
  worker is started. Recovery: from the kill until that node has succeeded again. Also counted:
  node processes still alive ``--node-seconds``/2 after their worker died (orphans).
* **server SIGKILL**: the run is submitted and followed by ``plynx run --server … --json``;
  the server is SIGKILLed mid-node and restarted after ``--downtime`` seconds. The CLI must
  exit 0 with the exact outputs. Recovery: from the kill until the interrupted node succeeded.
* **worker SIGSTOP**: SIGSTOP the worker running a node for twice the lease, then SIGCONT it.
  The node must run again elsewhere; the stopped worker's late result must be rejected.
* **forged result**: a second ``/ws/worker`` connection with a valid worker token sends
  ``started``/``log``/``result`` (with a forged output) for the attempt another worker runs and
  for a node not yet dispatched. Nothing forged may reach the outputs, downstream or the cache.
* **load**: ``--load-workers`` x ``--load-slots``, a layered graph of ``--load-nodes`` ``true``
  nodes, ``--followers`` ``/ws/events`` followers. The run must finish; "stuck" means no node
  finished for ``--stall`` seconds.

Printed: runs ok / failed / stuck, recovery min / median / max, late results rejected and
forged results rejected (the server's own counters, where it exposes them: "n/a" otherwise),
forged results accepted (seen in the outputs), orphaned node processes. ``--store`` takes
``sqlite`` (a fresh file) or a URL; a ``postgresql://`` URL gets a fresh database on that
server for each scenario. Exit status 1 if any run failed, stuck or took a forgery. This is not
a test: it prints figures. A reduced version runs in ``tests/e2e/test_chaos.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from chaos_cluster import Cluster
from chaos_faults import (
    Options,
    Trial,
    forgery,
    load,
    server_kill,
    worker_kill,
    worker_stop,
)

from plynx.client import ApiError

__all__ = ["SCENARIOS", "Options", "Scenario", "Trial", "main", "run_scenario", "table"]


@dataclass
class Scenario:
    """The trials of one scenario on one store."""

    name: str
    store: str
    trials: list[Trial] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        """Trials that ended with ``outcome``."""
        return sum(1 for t in self.trials if t.outcome == outcome)

    def row(self) -> list[str]:
        """The table row."""
        times = [t.recovery for t in self.trials if t.recovery is not None]
        recovery = (
            f"{min(times):.1f} / {statistics.median(times):.1f} / {max(times):.1f}"
            if times
            else "-"
        )

        def total(values: list[int | None]) -> str:
            known = [v for v in values if v is not None]
            return str(sum(known)) if known else "n/a"

        return [
            self.name,
            self.store,
            str(len(self.trials)),
            str(self.count("ok")),
            str(self.count("failed")),
            str(self.count("stuck")),
            recovery,
            total([t.late for t in self.trials]),
            total([t.forged_rejected for t in self.trials]),
            str(sum(t.forged_accepted for t in self.trials)),
            str(sum(t.orphans for t in self.trials)),
        ]


HEADER = [
    "scenario",
    "store",
    "runs",
    "ok",
    "failed",
    "stuck",
    "recovery s min/med/max",
    "late rejected",
    "forged rejected",
    "forged accepted",
    "orphans",
]


def table(scenarios: list[Scenario]) -> str:
    """A Markdown table of the scenarios."""
    rows = [HEADER, ["---"] * len(HEADER), *(s.row() for s in scenarios)]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


# -- driver --------------------------------------------------------------------------------------
#: name: (one trial, how many trials, workers, slots each)
SCENARIOS: dict[str, tuple[Callable[[Cluster, Options, int], Awaitable[Trial]], str, str, str]] = {
    "worker-kill": (worker_kill, "worker_kills", "2", "1"),
    "server-kill": (server_kill, "server_kills", "2", "1"),
    "worker-stop": (worker_stop, "stops", "2", "1"),
    "forged": (forgery, "forgeries", "1", "1"),
    "load": (load, "1", "load_workers", "load_slots"),
}


def _option(opts: Options, value: str) -> int:
    return int(value) if value.isdigit() else int(getattr(opts, value))


async def _guarded(trial: Awaitable[Trial]) -> Trial:
    """A trial whose harness step timed out or lost the server counts against the run."""
    try:
        return await trial
    except TimeoutError as exc:
        return Trial("stuck", f"timed out: {exc!r}")
    except (aiohttp.ClientError, OSError, ApiError) as exc:
        return Trial("failed", f"{type(exc).__name__}: {exc}")


async def run_scenario(
    name: str, store: str | None, tmp: Path, opts: Options, label: str = ""
) -> Scenario:
    """Run one scenario on a fresh cluster of ``store`` (``None``: SQLite in ``tmp``)."""
    scenario = Scenario(name, label or (store or "sqlite").split(":", 1)[0])
    trial, trials, workers, slots = SCENARIOS[name]
    async with Cluster(tmp, store, lease=opts.lease) as cluster:
        for _ in range(_option(opts, workers)):
            cluster.start_worker(_option(opts, slots))
        await cluster.wait_workers(_option(opts, workers), within=120)
        for i in range(_option(opts, trials)):
            scenario.trials.append(await _guarded(trial(cluster, opts, i)))
    return scenario


@contextlib.asynccontextmanager
async def fresh_database(url: str) -> AsyncIterator[str]:
    """A new, empty PostgreSQL database on the server of ``url`` (dropped afterwards); other
    URLs are used as they are."""
    if not url.startswith("postgresql://"):
        yield url
        return
    import asyncpg

    name = f"plynx_chaos_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def main(stores: list[str], names: list[str], opts: Options) -> list[Scenario]:
    """Every scenario of ``names`` on every store; prints the table."""
    results = []
    for store in stores:
        for name in names:
            with tempfile.TemporaryDirectory(prefix="plynx-chaos-") as tmp:
                print(f"{name} on {store.split(':', 1)[0]}…", flush=True)
                started = time.monotonic()
                if store == "sqlite":
                    scenario = await run_scenario(name, None, Path(tmp), opts)
                else:
                    async with fresh_database(store) as url:
                        scenario = await run_scenario(name, url, Path(tmp), opts)
                print(f"  {time.monotonic() - started:.0f}s")
                for trial in scenario.trials:
                    if trial.outcome != "ok" or trial.forged_accepted:
                        print(f"  {trial.outcome}: {trial.why}")
                results.append(scenario)
    print(table(results))
    return results


def _parse() -> tuple[list[str], list[str], Options]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--store", action="append", help="sqlite (default) or a store URL; repeatable"
    )
    parser.add_argument("--only", action="append", choices=list(SCENARIOS))
    defaults = Options()
    for name, value in vars(defaults).items():
        flag = "--" + name.replace("_", "-")
        parser.add_argument(flag, type=type(value), default=value)
    args = parser.parse_args()
    opts = Options(**{name: getattr(args, name) for name in vars(defaults)})
    return args.store or ["sqlite"], args.only or list(SCENARIOS), opts


if __name__ == "__main__":
    stores, names, options = _parse()
    scenarios = asyncio.run(main(stores, names, options))
    bad = sum(s.count("failed") + s.count("stuck") for s in scenarios)
    sys.exit(1 if bad or any(t.forged_accepted for s in scenarios for t in s.trials) else 0)
