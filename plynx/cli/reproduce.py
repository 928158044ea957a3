"""``plynx reproduce RUN_ID``: execute a run's graph snapshot again ignoring the cache, and
report per node whether every output has the original's sha256.

Exit codes: 0 every node reproduced; 1 some node did not (its outputs differ, or it failed);
2 the run does not exist. ``--json`` prints ``{"run": …, "nodes": [{"node_id", "reproduced",
"outputs": […]}]}``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import aiohttp
import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from plynx.cli.common import EXIT_FAILED, EXIT_INVALID, EXIT_OK, report_error, run_until_signal
from plynx.cli.connect import client_for
from plynx.client import ApiError
from plynx.model.reproduce import Reproduction

__all__ = ["reproduce_command", "reproduction_table"]


def reproduction_table(report: Reproduction) -> Table:
    """One row per node: reproduced or not, and which outputs differ."""
    verdict = "reproduced" if report.reproduced else "NOT reproduced"
    table = Table(title=f"run {report.run_id} reproducing {report.original_run_id}: {verdict}")
    for column in ("node", "status", "reproduced", "differing outputs"):
        table.add_column(column, no_wrap=column != "differing outputs")
    for node in report.nodes:
        differ = ", ".join(o.name for o in node.outputs if not o.same)
        mark = "[green]yes[/]" if node.reproduced else "[red]no[/]"
        table.add_row(escape(node.node_id), node.status.value, mark, escape(differ))
    return table


@click.command("reproduce")
@click.argument("run_id")
@click.option("--server", envvar="PLYNX_SERVER", help="The server (or PLYNX_SERVER).")
@click.option("--token", envvar="PLYNX_TOKEN", help="API token for --server (or PLYNX_TOKEN).")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Data directory of the local PLynx (without --server) [default: ~/.plynx].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report (JSON) on stdout.")
@click.pass_context
def reproduce_command(
    ctx: click.Context,
    run_id: str,
    server: str | None,
    token: str | None,
    data_dir: Path | None,
    as_json: bool,
) -> None:
    """Run RUN_ID's graph again without the cache and check every output reproduces."""
    console = Console(stderr=as_json, highlight=False)

    async def main(stop: object) -> int:
        try:
            async with client_for(ctx, server, token, data_dir, runs_nodes=True) as client:
                try:
                    created = await client.request("POST", f"/runs/{run_id}/reproduce")
                except ApiError as exc:
                    if exc.status != 404:
                        raise
                    report_error(exc.message)
                    return EXIT_INVALID
                new_id = created["run"]["id"]
                console.print(f"run [bold]{new_id}[/] reproduces {run_id} (no cache)…")
                await client.wait_run(new_id)
                raw = await client.request("GET", f"/runs/{new_id}/reproduction")
                report = Reproduction.model_validate(raw)
                console.print(reproduction_table(report))
                if as_json:
                    document = {
                        "run": await client.get_run_json(new_id),
                        "nodes": [n.model_dump(mode="json") for n in report.nodes],
                    }
                    sys.stdout.write(json.dumps(document, indent=2) + "\n")
                    sys.stdout.flush()
                return EXIT_OK if report.reproduced else EXIT_FAILED
        except ApiError as exc:
            report_error(f"the server refused: {exc.message}")
            return EXIT_FAILED
        except aiohttp.ClientConnectionError as exc:
            report_error(f"cannot reach the server: {exc}")
            return EXIT_FAILED

    raise SystemExit(run_until_signal(main))
