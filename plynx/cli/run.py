"""``plynx run FILE``: submit a graph file, follow the run live, exit with its outcome.

Exit codes: 0 the run succeeded; 1 it failed or was canceled (Ctrl-C cancels it); 2 the graph
is invalid (every problem is listed, one per line, as ``node.port: message``); 3 the server was
lost for longer than ``--reconnect-timeout`` while following (the run may still be running).
With ``--sweep`` the graph runs once per combination of values (:mod:`plynx.cli.sweep`); 0 then
means every run succeeded.

A server that goes away while a run is followed (a restart, a network hiccup) is reconnected to
with backoff, saying so, and the run is followed on from the last event seen.

Without ``--server`` PLynx runs here: a server on a free loopback port with its data in
``--data-dir`` (so the cache persists between runs) and local worker processes. If a
``plynx local`` already serves that data directory, the run is sent to it instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import aiohttp
import click
from rich.console import Console

from plynx.cli.common import (
    EXIT_FAILED,
    EXIT_INVALID,
    EXIT_OK,
    default_pool,
    fail,
    report_error,
    run_until_signal,
    settings_from,
)
from plynx.cli.connect import serving_data_dir
from plynx.cli.embedded import local_token
from plynx.cli.files import GraphFile, apply_overrides, read_graph_file, resolve_graph_path
from plynx.cli.outputs import save_outputs
from plynx.cli.progress import RunDisplay, summary_table
from plynx.cli.sweep import parse_sweeps, run_sweep
from plynx.client import RECONNECT_FOR, ApiError, PlynxClient, ServerLost
from plynx.errors import InvalidInput
from plynx.model import Graph, RunStatus, validate_graph

if TYPE_CHECKING:
    from plynx.nodes import Registry

__all__ = ["run_command"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Exit code when the outcome is unknown: the server could not be reached for too long.
EXIT_LOST = 3


def _local_problems(graph: Graph, parameters: dict[str, Any], registry: Registry) -> list[str]:
    """What the embedded server would refuse, found before starting it."""
    checks = registry.checks()
    return [str(issue) for issue in validate_graph(graph, checks, parameters=parameters)]


async def _follow(
    client: PlynxClient,
    run_id: str,
    display: RunDisplay | None,
    stop: asyncio.Event,
    reconnect_for: float = RECONNECT_FOR,
) -> None:
    """Follow the run until it finishes; the first ``stop`` cancels it and keeps following
    until it has been canceled."""
    follower = asyncio.ensure_future(_watch(client, run_id, display, reconnect_for))
    stopped = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({follower, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if stopped.done() and not follower.done():
            if display is not None:
                display.note("[yellow]canceling the run…[/]")
            await client.cancel(run_id)
        await follower
    finally:
        stopped.cancel()
        follower.cancel()


async def _watch(
    client: PlynxClient, run_id: str, display: RunDisplay | None, reconnect_for: float
) -> None:
    on_outage = display.outage if display is not None else None
    async for state in client.follow(run_id, reconnect_for=reconnect_for, on_outage=on_outage):
        if display is not None:
            display.update(state)


async def _run(
    client: PlynxClient,
    graph_file: GraphFile,
    graph: Graph,
    *,
    parameters: dict[str, Any],
    title: str,
    console: Console,
    as_json: bool,
    remote: bool,
    outputs: Path | None,
    stop: asyncio.Event,
    reconnect_for: float,
) -> int:
    graph = await client.attach_files(graph, graph_file.files, graph_file.base_dir)
    if stop.is_set():  # interrupted while uploading: nothing was started
        return EXIT_FAILED
    try:
        started = await client.start(graph, title=title, parameters=parameters)
    except ApiError as exc:
        if exc.status != 400:
            raise
        report_error(exc.message, exc.problem_lines())
        return EXIT_INVALID
    run_id = started.id
    console.print(
        f"run [bold]{run_id}[/] of {graph.title or graph_file.path.name}: "
        f"{started.node_count} nodes on {client.url}",
        highlight=False,
    )
    if started.parameters:
        given = ", ".join(f"{k}={v!r}" for k, v in started.parameters.items())
        console.print(f"graph parameters: {given}", highlight=False, markup=False)
    try:
        with RunDisplay(console, client) as display:

            def retrying(call: Callable[[], Awaitable[T]]) -> Awaitable[T]:
                # the server may go away at any moment: wait for it as the follower does
                return client.retrying(
                    run_id, call, reconnect_for=reconnect_for, on_outage=display.outage
                )

            if remote and not await retrying(client.workers):
                display.note("[yellow]no worker is connected; the run waits for one[/]")
            await _follow(client, run_id, display, stop, reconnect_for)
            await display.drain()
            final = await retrying(lambda: client.get_run_json(run_id)) if as_json else None
            result = await retrying(lambda: client.get_run(run_id))
    except ServerLost as exc:
        report_error(
            f"gave up following run {run_id}: {client.url} was unreachable for "
            f"{exc.seconds:.0f}s (last error: {exc.error}). The run may still be running "
            f"there; its outcome is unknown."
        )
        return EXIT_LOST
    console.print(summary_table(result))
    if outputs is not None:
        saved = await save_outputs(client, result, outputs)
        console.print(f"{len(saved)} outputs saved in {outputs}")
    if as_json:
        sys.stdout.write(json.dumps(final, indent=2) + "\n")
        sys.stdout.flush()
    return EXIT_OK if result.run.status == RunStatus.SUCCESS else EXIT_FAILED


@click.command("run")
@click.argument("graph_file", metavar="FILE")
@click.option(
    "--server",
    envvar="PLYNX_SERVER",
    help="Submit to this server (or PLYNX_SERVER) instead of running PLynx here.",
)
@click.option("--token", envvar="PLYNX_TOKEN", help="API token for --server (or PLYNX_TOKEN).")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Data directory of the embedded server (its cache persists) [default: ~/.plynx].",
)
@click.option("--workers", type=int, help="Local worker processes [default: CPU-based].")
@click.option("--slots", type=int, help="Nodes each local worker runs at once.")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    help="name=value sets a graph parameter, node.param=value a node's (repeatable).",
)
@click.option(
    "--sweep",
    "sweeps",
    multiple=True,
    help="name=v1,v2 or node.param=v1,v2: run the graph once per value, as a sweep "
    "(repeatable: the runs cover every combination).",
)
@click.option(
    "--sweep-mode",
    type=click.Choice(["grid", "zip"]),
    default="grid",
    show_default=True,
    help="grid: every combination of the --sweep values; zip: their i-th values together.",
)
@click.option("--title", default="", help="Title of the run [default: the graph's].")
@click.option(
    "--outputs",
    type=click.Path(path_type=Path, file_okay=False),
    help="Save every output in this directory (as DIR/node/output) when the run ends.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the final run document (JSON) on stdout."
)
@click.option(
    "--reconnect-timeout",
    "reconnect_for",
    type=click.FloatRange(min=0),
    default=RECONNECT_FOR,
    show_default=True,
    envvar="PLYNX_RECONNECT_TIMEOUT",
    help="Seconds to keep reconnecting to a server that went away while following the run "
    "(or PLYNX_RECONNECT_TIMEOUT); then exit 3.",
)
@click.pass_context
def run_command(
    ctx: click.Context,
    graph_file: str,
    server: str | None,
    token: str | None,
    data_dir: Path | None,
    workers: int | None,
    slots: int | None,
    params: tuple[str, ...],
    sweeps: tuple[str, ...],
    sweep_mode: str,
    title: str,
    outputs: Path | None,
    as_json: bool,
    reconnect_for: float,
) -> None:
    """Run the graph in FILE (YAML or JSON, or example:NAME) and follow it.

    Exit code: 0 success, 1 failed or canceled (Ctrl-C cancels the run), 2 invalid graph,
    3 the server was unreachable for longer than --reconnect-timeout (the run may go on)."""
    verbose = int((ctx.find_root().obj or {}).get("verbose", 0))
    console = Console(stderr=as_json, highlight=False)
    from plynx.nodes import load_registry

    registry = load_registry()  # plugins' resource types must be known to read the file
    try:
        parsed = read_graph_file(resolve_graph_path(graph_file))
        overrides = apply_overrides(parsed.graph, list(params))
        axes = parse_sweeps(list(sweeps))
    except InvalidInput as exc:
        fail(exc.message, EXIT_INVALID, [str(p) for p in exc.problems])
    if axes and outputs is not None:
        fail("--outputs saves the outputs of one run; it cannot be combined with --sweep")
    settings = settings_from(ctx, data_dir=data_dir)
    count, per = default_pool(workers, slots)
    if server is None and not axes:  # a sweep's values are checked by the server, all at once
        problems = _local_problems(overrides.graph, overrides.parameters, registry)
        if problems:
            fail(f"the graph has {len(problems)} problem(s)", EXIT_INVALID, problems)

    async def main(stop: asyncio.Event) -> int:
        try:
            async with contextlib.AsyncExitStack() as stack:
                if server is not None:
                    url = server
                else:
                    url = await stack.enter_async_context(
                        serving_data_dir(settings, count, per, verbose)
                    )
                # a local server's own token is in its data directory
                key = token if server is not None else local_token(settings.data_dir)
                client = await stack.enter_async_context(PlynxClient(url, key))
                if stop.is_set():
                    return EXIT_FAILED
                if axes:
                    return await run_sweep(
                        client,
                        parsed,
                        overrides.graph,
                        axes,
                        mode=sweep_mode,
                        fixed=overrides.parameters,
                        title=title,
                        console=console,
                        as_json=as_json,
                        stop=stop,
                    )
                return await _run(
                    client,
                    parsed,
                    overrides.graph,
                    parameters=overrides.parameters,
                    title=title,
                    console=console,
                    as_json=as_json,
                    remote=server is not None,
                    outputs=outputs,
                    stop=stop,
                    reconnect_for=reconnect_for,
                )
        except ApiError as exc:
            hint = " (give a token with --token or PLYNX_TOKEN)" if exc.status == 401 else ""
            report_error(f"the server refused: {exc.message}{hint}")
            return EXIT_FAILED
        except aiohttp.ClientConnectionError as exc:
            report_error(f"cannot reach the server: {exc}")
            return EXIT_FAILED

    raise SystemExit(run_until_signal(main))
