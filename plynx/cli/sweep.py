"""``plynx run FILE --sweep NAME=V1,V2 …``: run a graph over a grid (or zip) of values as a
sweep, follow it, print one row per run, exit 0 only if every run succeeded.

A ``--sweep`` target is a graph parameter (``lr``) or a node's parameter (``train.depth``);
values are comma-separated YAML scalars (``lr=0.1,0.01``), or a YAML list for values that hold
commas (``tag=["a,b", c]``). ``-p`` values are shared by every run. ``--json`` prints
``{"sweep": …, "runs": [run documents]}``.
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

import yaml
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from plynx.cli.common import EXIT_FAILED, EXIT_INVALID, EXIT_OK, report_error
from plynx.cli.files import GraphFile, scalar
from plynx.cli.progress import format_metrics
from plynx.client import ApiError, PlynxClient
from plynx.errors import InvalidInput
from plynx.model import Graph
from plynx.model.sweep import SweepDetail

__all__ = ["parse_sweeps", "run_sweep", "sweep_table"]

_POLL = 0.3  # seconds between looks at the sweep


def parse_sweeps(items: list[str]) -> dict[str, list[Any]]:
    """The axes of ``--sweep`` options (target -> values); :class:`InvalidInput` lists every
    malformed one."""
    axes: dict[str, list[Any]] = {}
    problems = []
    for item in items:
        target, sep, raw = item.partition("=")
        target = target.strip()
        if not sep or not target:
            problems.append(f"{item!r}: write it as name=v1,v2 or node.param=v1,v2")
            continue
        values: Any = None
        if raw.strip().startswith("["):
            try:
                values = yaml.safe_load(raw)
            except yaml.YAMLError:
                values = None
            if not isinstance(values, list):
                problems.append(f"{item!r}: the values are not a YAML list")
                continue
        else:
            values = [scalar(part) for part in raw.split(",")]
        if not values or any(v == "" for v in values):
            problems.append(f"{item!r}: give at least one value, none empty")
            continue
        if target in axes:
            problems.append(f"{item!r}: {target} is swept twice")
            continue
        axes[target] = values
    if problems:
        raise InvalidInput("bad --sweep values", problems)
    return axes


def sweep_table(detail: SweepDetail) -> Table:
    """One row per run: its values, status and final metrics."""
    sweep = detail.sweep
    title = f"sweep {sweep.id} ({sweep.title or 'untitled'}): {detail.status.value}"
    table = Table(title=title)
    table.add_column("run", no_wrap=True)
    for target in sweep.axes:
        table.add_column(escape(target), no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("metrics", overflow="fold")
    for row in detail.runs:
        metrics = {
            f"{node}.{name}" if len(row.metrics) > 1 else name: value
            for node, values in row.metrics.items()
            for name, value in values.items()
        }
        table.add_row(
            row.run_id,
            *(escape(repr(row.values.get(t))) for t in sweep.axes),
            row.status.value + (" (run deleted)" if row.deleted_at else ""),
            escape(format_metrics(metrics)),
        )
    return table


async def _detail(client: PlynxClient, sweep_id: str) -> SweepDetail:
    return SweepDetail.model_validate(await client.request("GET", f"/sweeps/{sweep_id}"))


async def run_sweep(
    client: PlynxClient,
    graph_file: GraphFile,
    graph: Graph,
    axes: dict[str, list[Any]],
    *,
    mode: str,
    fixed: dict[str, Any],
    title: str,
    console: Console,
    as_json: bool,
    stop: asyncio.Event,
) -> int:
    """Start the sweep, follow it to the end (the first ``stop`` cancels it), print the table;
    the exit code."""
    graph = await client.attach_files(graph, graph_file.files, graph_file.base_dir)
    if stop.is_set():
        return EXIT_FAILED
    payload = {
        "graph": graph.model_dump(mode="json"),
        "title": title,
        "mode": mode,
        "parameters": axes,
        "fixed": fixed,
    }
    try:
        created = SweepDetail.model_validate(await client.request("POST", "/sweeps", json=payload))
    except ApiError as exc:
        if exc.status != 400:
            raise
        report_error(exc.message, exc.problem_lines())
        return EXIT_INVALID
    sweep_id = created.sweep.id
    console.print(
        f"sweep [bold]{sweep_id}[/] of {escape(graph.title or graph_file.path.name)}: "
        f"{len(created.runs)} runs ({mode}) on {client.url}",
        highlight=False,
    )
    detail, shown, canceling = created, "", False
    while not detail.status.finished:
        if stop.is_set() and not canceling:
            canceling = True
            console.print("[yellow]canceling the sweep…[/]")
            try:
                await client.request("POST", f"/sweeps/{sweep_id}/cancel")
            except ApiError as exc:
                if exc.status != 409:  # 409: it finished meanwhile
                    raise
        progress = ", ".join(f"{n} {status}" for status, n in sorted(detail.counts.items()))
        if progress != shown:
            console.print(f"  {progress}", highlight=False)
            shown = progress
        await asyncio.sleep(_POLL)
        detail = await _detail(client, sweep_id)
    console.print(sweep_table(detail))
    if as_json:
        runs = [await client.get_run_json(row.run_id) for row in detail.runs]
        document = {"sweep": detail.sweep.model_dump(mode="json"), "runs": runs}
        sys.stdout.write(json.dumps(document, indent=2) + "\n")
        sys.stdout.flush()
    return EXIT_OK if all(r.status.value == "success" for r in detail.runs) else EXIT_FAILED
