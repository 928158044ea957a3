"""``plynx lineage SHA256``: which node runs made an artifact and which used it, recursively
(``GET /artifacts/{sha256}/lineage``), as two tables or as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from plynx.artifacts import check_sha256
from plynx.cli.common import EXIT_OK
from plynx.cli.history import _call, _console, _server_options
from plynx.client import PlynxClient
from plynx.errors import ArtifactError
from plynx.model.lineage import DEFAULT_LINEAGE_DEPTH, MAX_LINEAGE_DEPTH, ArtifactLineage

__all__ = ["lineage_command"]


def _sha(value: str) -> str:
    return value[:12]


def _ports(ports: dict[str, list[str]]) -> str:
    return ", ".join(f"{port}={' '.join(_sha(s) for s in shas)}" for port, shas in ports.items())


def _table(title: str, lineage: ArtifactLineage, upstream: bool) -> Table:
    table = Table(title=title, title_justify="left")
    columns = ("depth", "node", "run", "node run", "status", "operation", "parameters")
    for column in (*columns, "inputs" if upstream else "outputs"):
        table.add_column(column, no_wrap=column in ("depth", "run", "node run", "status"))
    for step in lineage.upstream if upstream else lineage.downstream:
        params = ", ".join(f"{k}={v!r}" for k, v in step.params.items())
        status = step.status.value
        if step.cached_from:
            status += f" (from {step.cached_from})"
        if step.run_deleted_at:
            status += " (run deleted)"
        table.add_row(
            str(step.depth),
            escape(step.node_id),
            step.run_id,
            step.node_run_id,
            status,
            escape(f"{step.operation_id or step.kind} v{step.operation_version}"),
            escape(params),
            _ports(step.inputs if upstream else step.outputs),
        )
    return table


@click.command("lineage")
@click.argument("sha256")
@click.option(
    "--depth",
    type=click.IntRange(1, MAX_LINEAGE_DEPTH),
    default=DEFAULT_LINEAGE_DEPTH,
    show_default=True,
    help="How many node runs to follow upstream and downstream.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the lineage document (JSON).")
@_server_options
@click.pass_context
def lineage_command(
    ctx: click.Context,
    sha256: str,
    depth: int,
    as_json: bool,
    server: str | None,
    token: str | None,
    data_dir: Path | None,
) -> None:
    """Which node runs made the artifact SHA256 (upstream) and which used it (downstream)."""
    try:
        check_sha256(sha256)
    except ArtifactError as exc:
        raise click.BadParameter(exc.message, param_hint="SHA256") from None

    async def body(client: PlynxClient) -> int:
        found: Any = await client.request(
            "GET", f"/artifacts/{sha256}/lineage", params={"depth": str(depth)}
        )
        if as_json:
            sys.stdout.write(json.dumps(found, indent=2) + "\n")
            return EXIT_OK
        lineage = ArtifactLineage.model_validate(found)
        console = _console()
        made_by = lineage.produced_by or "no node run (an uploaded or literal artifact)"
        console.print(f"artifact {lineage.sha256}\nmade by: {made_by}", markup=False)
        if lineage.restored_by:
            console.print(f"restored from the cache by: {', '.join(lineage.restored_by)}")
        console.print(_table("upstream (how it was made)", lineage, upstream=True))
        console.print(_table("downstream (what used it)", lineage, upstream=False))
        if lineage.truncated:
            console.print(f"(it goes on past depth {depth}: ask for more with --depth)")
        return EXIT_OK

    _call(ctx, server, token, data_dir, body)
