"""What the audit trail costs a request, against the same server without it.

    python benchmarks/audit.py [--requests 2000] [--concurrency 32] [--store sqlite|URL]

A real app (local mode, the given store; ``sqlite``: a fresh file) is served on a loopback
port and sent ``--requests`` ``POST /api/v1/graphs`` by ``--concurrency`` clients, first without
the audit middleware (the reference), then with it, in the same process, ``--rounds`` times
(the two alternate, so a noisy machine hits both alike). Printed for each:
requests per second, median and p99 latency; for the audited run also how many store writes
the events took (batches) and whether every request was recorded. This is not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import aiohttp
from aiohttp.test_utils import TestServer

from plynx.model import AuditEvent
from plynx.server import keys
from plynx.server.app import create_app
from plynx.server.audit import AUDIT_LOG, audit_middleware
from plynx.settings import load_settings


async def _load(url: str, token: str, requests: int, concurrency: int) -> list[float]:
    latencies: list[float] = []
    remaining = iter(range(requests))
    headers = {"Authorization": f"Bearer {token}"}

    async def client(session: aiohttp.ClientSession) -> None:
        for i in remaining:
            start = time.perf_counter()
            async with session.post(url, json={"title": f"g{i}"}, headers=headers) as resp:
                await resp.read()
                assert resp.status == 201, resp.status
            latencies.append(time.perf_counter() - start)

    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(client(session) for _ in range(concurrency)))
    return latencies


async def _measure(
    data_dir: Path, store: str | None, audited: bool, requests: int, concurrency: int
) -> float:
    settings = load_settings(environ={}, data_dir=data_dir, local_mode=True)
    if store:
        settings = replace(settings, store=store)
    app = create_app(settings)
    if not audited:
        app.middlewares.remove(audit_middleware)
    writes = 0

    async with TestServer(app) as server:
        the_store = app[keys.STORE]
        real = the_store.add_audit_events

        async def counting(events: Sequence[AuditEvent]) -> None:
            nonlocal writes
            writes += 1
            await real(events)

        the_store.add_audit_events = counting  # type: ignore[method-assign]
        url = str(server.make_url("/api/v1/graphs"))
        started = time.perf_counter()
        latencies = await _load(url, app[keys.SETTINGS].local_token, requests, concurrency)
        elapsed = time.perf_counter() - started
        await app[AUDIT_LOG].flush()
        recorded = (await the_store.list_audit_events(limit=1)).total
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    line = (
        f"{'audited' if audited else 'reference'}: {requests / elapsed:7.0f} req/s, "
        f"median {statistics.median(latencies) * 1000:6.2f} ms, p99 {p99 * 1000:6.2f} ms"
    )
    if audited:
        line += f", {recorded} of {requests} recorded in {writes} store writes"
    print(line, flush=True)
    return requests / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--store", default="sqlite", help="sqlite (a fresh file) or a URL")
    parser.add_argument("--rounds", type=int, default=3, help="reference/audited pairs")
    args = parser.parse_args()
    store = None if args.store == "sqlite" else args.store
    rates: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(args.rounds):
        for audited in (False, True):
            with tempfile.TemporaryDirectory() as tmp:
                rates[audited].append(
                    asyncio.run(
                        _measure(Path(tmp), store, audited, args.requests, args.concurrency)
                    )
                )
    reference, audited_rate = (statistics.median(rates[k]) for k in (False, True))
    print(
        f"median of {args.rounds} rounds: reference {reference:.0f} req/s, audited "
        f"{audited_rate:.0f} req/s ({audited_rate / reference:.0%} of the reference)"
    )


if __name__ == "__main__":
    main()
