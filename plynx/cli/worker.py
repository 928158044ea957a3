"""``plynx worker``: a worker daemon that connects to a server and runs its nodes."""

from __future__ import annotations

import asyncio
from pathlib import Path

import click

from plynx.cli.common import cpu_count, fail, settings_from
from plynx.errors import InvalidInput

__all__ = ["worker_command"]


def _kinds(raw: str | None) -> tuple[str, ...] | None:
    if not raw:
        return None
    return tuple(k.strip() for k in raw.split(",") if k.strip())


@click.command("worker")
@click.option(
    "--server",
    "server",
    envvar="PLYNX_SERVER",
    required=True,
    help="The server's URL, e.g. http://plynx.example:8765 (or PLYNX_SERVER).",
)
@click.option(
    "--token",
    envvar="PLYNX_TOKEN",
    default="",
    show_default=False,
    help="A worker token from `plynx token create --kind worker` (or PLYNX_TOKEN).",
)
@click.option("--slots", type=int, default=None, help="Nodes run at once [default: the CPU count].")
@click.option("--kinds", help="Only these node kinds, comma-separated [default: all installed].")
@click.option(
    "--work-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Artifact cache and scratch space [default: <data dir>/worker].",
)
@click.option(
    "--preload", help="Python modules the python kind imports once, comma-separated (e.g. numpy)."
)
@click.pass_context
def worker_command(
    ctx: click.Context,
    server: str,
    token: str,
    slots: int | None,
    kinds: str | None,
    work_dir: Path | None,
    preload: str | None,
) -> None:
    """Run a worker daemon: hold a connection to SERVER, run the nodes it is sent.

    Stops cleanly on SIGTERM or Ctrl-C (running nodes are canceled and run again elsewhere).
    Exits with 2 if the server refuses the worker (bad token, protocol mismatch)."""
    from plynx.worker.config import WorkerConfig
    from plynx.worker.daemon import run_worker

    settings = settings_from(ctx)
    try:
        config = WorkerConfig(
            server=server,
            token=token or settings.worker_token,
            slots=slots if slots is not None else cpu_count(),
            kinds=_kinds(kinds),
            work_dir=work_dir if work_dir is not None else settings.data_dir / "worker",
            python_preload=_kinds(preload) or (),
            unpack_limits=settings.unpack_limits,
        )
    except InvalidInput as exc:
        fail(exc.message)
    raise SystemExit(asyncio.run(run_worker(config)))
