"""``plynx worker``: a worker daemon that connects to a server and runs its nodes.

The token is read from ``PLYNX_TOKEN``, ``--token-file`` (``-``: standard input) or, visible
to every user in ``ps``, ``--token``. A worker whose token (or any ``PLYNX_*TOKEN*``
variable) is in its initial environment or command line re-executes itself without it before
it starts anything (see :mod:`plynx.worker.credentials`): a node can read both.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import click
from click.core import ParameterSource

from plynx.cli.common import cpu_count, fail, settings_from
from plynx.errors import InvalidInput

__all__ = ["worker_command"]


def _kinds(raw: str | None) -> tuple[str, ...] | None:
    if not raw:
        return None
    return tuple(k.strip() for k in raw.split(",") if k.strip())


def _token(
    ctx: click.Context, token: str, token_file: str | None, token_fd: int | None, fallback: str
) -> str:
    """The worker's token from wherever it was given; warns about ``--token``."""
    from plynx.worker.credentials import read_token_fd, read_token_file

    if token_fd is not None:
        return read_token_fd(token_fd)
    on_command_line = ctx.get_parameter_source("token") == ParameterSource.COMMANDLINE
    if token_file is not None:
        if on_command_line:
            raise InvalidInput("give the token with --token or with --token-file, not both")
        return read_token_file(token_file)
    if on_command_line:
        click.echo(
            "warning: --token on the command line is visible to every user of this machine "
            "(ps); use PLYNX_TOKEN or --token-file instead",
            err=True,
        )
    return token or fallback


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
    help="A worker token from `plynx token create --kind worker`. Prefer PLYNX_TOKEN or "
    "--token-file: other users see command lines.",
)
@click.option(
    "--token-file",
    metavar="FILE",
    help="Read the token from FILE, which must be private (chmod 600); '-' reads standard input.",
)
@click.option("--token-fd", type=int, hidden=True, help="Read the token from this inherited pipe.")
@click.option("--slots", type=int, default=None, help="Nodes run at once [default: the CPU count].")
@click.option("--kinds", help="Only these node kinds, comma-separated [default: all installed].")
@click.option(
    "--work-dir",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="PLYNX_WORK_DIR",
    help="Artifact cache and the nodes' scratch directories, one worker per directory "
    "(or PLYNX_WORK_DIR) [default: <system temp dir>/plynx-<uid>/worker].",
)
@click.option(
    "--preload", help="Python modules the python kind imports once, comma-separated (e.g. numpy)."
)
@click.option(
    "--node-user",
    metavar="NAME",
    envvar="PLYNX_NODE_USER",
    help="Run nodes as this unprivileged user (the worker must run as root), so that they can "
    "read neither the worker's token nor its memory (or PLYNX_NODE_USER).",
)
@click.pass_context
def worker_command(
    ctx: click.Context,
    server: str,
    token: str,
    token_file: str | None,
    token_fd: int | None,
    slots: int | None,
    kinds: str | None,
    work_dir: Path | None,
    preload: str | None,
    node_user: str | None,
) -> None:
    """Run a worker daemon: hold a connection to SERVER, run the nodes it is sent.

    Stops cleanly on SIGTERM or Ctrl-C (running nodes are canceled and run again elsewhere).
    Exits with 2 if the server refuses the worker (bad token, protocol mismatch)."""
    from plynx.worker.config import NodeUser, WorkerConfig, default_work_dir
    from plynx.worker.credentials import exposed, forbid_inspection, reexec_without_token
    from plynx.worker.daemon import run_worker

    settings = settings_from(ctx)
    try:
        secret = _token(ctx, token, token_file, token_fd, settings.worker_token)
        if token_fd is None and exposed(secret):
            reexec_without_token(secret)  # nodes could read it in /proc: start again without
        user = NodeUser.lookup(node_user) if node_user else None
        config = WorkerConfig(
            server=server,
            token=secret,
            slots=slots if slots is not None else cpu_count(),
            kinds=_kinds(kinds),
            work_dir=work_dir or default_work_dir(shared=user is not None),
            python_preload=_kinds(preload) or (),
            node_user=user,
            unpack_limits=settings.unpack_limits,
        )
    except InvalidInput as exc:
        fail(exc.message)
    forbid_inspection()
    raise SystemExit(asyncio.run(run_worker(config)))
