"""History from the terminal: ``plynx runs`` (a table of recent runs), ``plynx show RUN_ID``
(the summary ``plynx run`` prints) and ``plynx logs RUN_ID [NODE] [--follow]``.

Without ``--server`` they ask the server of the data directory (a running ``plynx local``, or
one started for the command, without workers).
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable, Coroutine
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp
import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from plynx.cli.common import EXIT_FAILED, EXIT_INVALID, EXIT_OK, report_error, run_until_signal
from plynx.cli.connect import client_for
from plynx.cli.progress import format_metrics, summary_table
from plynx.client import ApiError, PlynxClient, RunDetail
from plynx.model import RunStatus

__all__ = ["logs_command", "runs_command", "show_command"]

_FOLLOW_POLL = 0.5  # seconds between looks at a followed log


def _server_options(command: Callable[..., None]) -> Callable[..., None]:
    for option in (
        click.option(
            "--data-dir",
            type=click.Path(path_type=Path, file_okay=False),
            help="Data directory of the local PLynx (without --server) [default: ~/.plynx].",
        ),
        click.option("--token", envvar="PLYNX_TOKEN", help="API token (or PLYNX_TOKEN)."),
        click.option("--server", envvar="PLYNX_SERVER", help="The server (or PLYNX_SERVER)."),
    ):
        command = option(command)
    return command


def _call(
    ctx: click.Context,
    server: str | None,
    token: str | None,
    data_dir: Path | None,
    body: Callable[[PlynxClient], Coroutine[Any, Any, int]],
) -> None:
    async def main(stop: asyncio.Event) -> int:
        try:
            async with client_for(ctx, server, token, data_dir) as client:
                return await body(client)
        except ApiError as exc:
            report_error(exc.message)
            return EXIT_INVALID if exc.status == 404 else EXIT_FAILED
        except aiohttp.ClientConnectionError as exc:
            report_error(f"cannot reach the server: {exc}")
            return EXIT_FAILED

    raise SystemExit(run_until_signal(main))


def _console() -> Console:
    """Stdout; piped, wide enough that rows are not cut (they are meant for grep)."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else 200)


def differing_parameters(detail: RunDetail) -> dict[str, Any]:
    """The run's graph parameter values that are not the graph's defaults."""
    defaults = {p.name: p.default for p in detail.run.graph.parameters}
    return {k: v for k, v in detail.run.parameters.items() if defaults.get(k) != v}


def run_metrics(detail: RunDetail) -> dict[str, float]:
    """The final metrics of a run's nodes: ``name`` where only one node reports it, else
    ``node.name``."""
    owners: dict[str, int] = {}
    for nr in detail.node_runs:
        for name in nr.metrics:
            owners[name] = owners.get(name, 0) + 1
    return {
        (name if owners[name] == 1 else f"{nr.node_id}.{name}"): value
        for nr in detail.node_runs
        for name, value in nr.metrics.items()
    }


def _duration(start: datetime | None, end: datetime | None) -> str:
    if start is None or end is None:
        return "-"
    seconds = (end - start).total_seconds()
    return f"{seconds:.2f}s" if seconds < 60 else f"{int(seconds // 60)}m{seconds % 60:04.1f}s"


@click.command("runs")
@click.option("--graph", "graph_id", help="Only runs of this stored graph.")
@click.option(
    "--status", type=click.Choice([s.value for s in RunStatus]), help="Only runs in this status."
)
@click.option("--limit", type=click.IntRange(1, 200), default=20, show_default=True)
@_server_options
@click.pass_context
def runs_command(
    ctx: click.Context,
    graph_id: str | None,
    status: str | None,
    limit: int,
    server: str | None,
    token: str | None,
    data_dir: Path | None,
) -> None:
    """Recent runs, newest first: status, changed parameters, metrics, duration."""

    async def body(client: PlynxClient) -> int:
        query = {"limit": str(limit)}
        if graph_id:
            query["graph_id"] = graph_id
        if status:
            query["status"] = status
        page = await client.request("GET", "/runs", params=query)
        table = Table(title=f"{len(page['items'])} of {page['total']} runs")
        for column in ("id", "title", "status", "parameters", "metrics", "duration"):
            table.add_column(column, no_wrap=column in ("id", "status", "duration"))
        for item in page["items"]:
            detail = await client.get_run(item["id"])
            run = detail.run
            changed = ", ".join(f"{k}={v!r}" for k, v in differing_parameters(detail).items())
            table.add_row(
                run.id,
                escape(run.title),
                run.status.value,
                escape(changed),
                escape(format_metrics(run_metrics(detail))),
                _duration(run.started_at, run.finished_at),
            )
        _console().print(table)
        return EXIT_OK

    _call(ctx, server, token, data_dir, body)


@click.command("show")
@click.argument("run_id")
@click.option("--json", "as_json", is_flag=True, help="Print the run document (JSON).")
@_server_options
@click.pass_context
def show_command(
    ctx: click.Context,
    run_id: str,
    as_json: bool,
    server: str | None,
    token: str | None,
    data_dir: Path | None,
) -> None:
    """The summary of a run, as `plynx run` prints it."""

    async def body(client: PlynxClient) -> int:
        if as_json:
            sys.stdout.write(json.dumps(await client.get_run_json(run_id), indent=2) + "\n")
            return EXIT_OK
        detail = await client.get_run(run_id)
        console = _console()
        if detail.run.parameters:
            given = ", ".join(f"{k}={v!r}" for k, v in detail.run.parameters.items())
            console.print(f"graph parameters: {given}", markup=False)
        console.print(summary_table(detail))
        return EXIT_OK

    _call(ctx, server, token, data_dir, body)


@click.command("logs")
@click.argument("run_id")
@click.argument("node", required=False)
@click.option("--follow", "-f", is_flag=True, help="Keep printing until the run finishes.")
@_server_options
@click.pass_context
def logs_command(
    ctx: click.Context,
    run_id: str,
    node: str | None,
    follow: bool,
    server: str | None,
    token: str | None,
    data_dir: Path | None,
) -> None:
    """The logs of a run's nodes (stdout on stdout, stderr on stderr); NODE for one node."""

    async def body(client: PlynxClient) -> int:
        offsets: dict[tuple[str, str], int] = {}
        while True:
            detail = await client.get_run(run_id)
            node_ids = [nr.node_id for nr in detail.node_runs]
            if node is not None and node not in node_ids:
                report_error(f"run {run_id} has no node {node!r} (nodes: {', '.join(node_ids)})")
                return EXIT_INVALID
            for node_id in [node] if node is not None else node_ids:
                for stream, out in (("stdout", sys.stdout), ("stderr", sys.stderr)):
                    key = (node_id, stream)
                    text = await client.request(
                        "GET",
                        f"/runs/{run_id}/nodes/{node_id}/log",
                        params={"stream": stream, "offset": str(offsets.get(key, 0))},
                    )
                    text = str(text)
                    if not text:
                        continue
                    offsets[key] = offsets.get(key, 0) + len(text.encode())
                    prefix = "" if node is not None else f"{node_id} | "
                    lines = text.splitlines(keepends=True)
                    out.write("".join(prefix + line for line in lines))
                    out.flush()
            if not follow or detail.run.status.finished:
                return EXIT_OK
            await asyncio.sleep(_FOLLOW_POLL)

    _call(ctx, server, token, data_dir, body)
