"""The ``plynx`` command: global options, logging, and the command groups.

Logging is configured here and nowhere else: one line per event on stderr (rich on a
terminal, plain text otherwise), INFO for the long-running commands (``local``, ``server``,
``worker``), WARNING for the others; each ``-v`` goes one level further.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.logging import RichHandler

from plynx import __version__
from plynx.cli.artifacts import artifacts_group
from plynx.cli.audit import audit_command
from plynx.cli.cache import cache_group
from plynx.cli.examples import examples_command
from plynx.cli.history import logs_command, runs_command, show_command
from plynx.cli.lineage import lineage_command
from plynx.cli.local import local_command
from plynx.cli.plugin import plugin_group
from plynx.cli.reproduce import reproduce_command
from plynx.cli.run import run_command
from plynx.cli.server import server_command
from plynx.cli.token import token_group
from plynx.cli.transfer import export_command, import_command
from plynx.cli.users import users_group
from plynx.cli.worker import worker_command

__all__ = ["cli", "configure_logging", "main"]

DEFAULT_CONFIG = Path("config/plynx.toml")
_DAEMONS = frozenset({"local", "server", "worker"})


def configure_logging(verbose: int, daemon: bool) -> None:
    """Send log records to stderr, one line each."""
    base = logging.INFO if daemon else logging.WARNING
    level = max(logging.DEBUG, base - 10 * verbose)
    handler: logging.Handler
    if sys.stderr.isatty():
        handler = RichHandler(
            console=Console(stderr=True),
            show_path=False,
            markup=False,
            rich_tracebacks=False,
            log_time_format="%H:%M:%S",
        )
        handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # one access line per request is noise unless asked for
    logging.getLogger("aiohttp.access").setLevel(logging.INFO if verbose >= 2 else logging.WARNING)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help=f"TOML configuration file [default: ./{DEFAULT_CONFIG} if it exists].",
)
@click.option("-v", "--verbose", count=True, help="More log output (repeat for more).")
@click.version_option(__version__, prog_name="plynx")
@click.pass_context
def cli(ctx: click.Context, config_file: Path | None, verbose: int) -> None:
    """PLynx: a Makefile for experiments, with a UI and a cluster.

    Settings come from the configuration file, then PLYNX_* environment variables
    (PLYNX_DATA_DIR, PLYNX_PORT, PLYNX_STORE, ...), then the command's flags."""
    if config_file is None and DEFAULT_CONFIG.is_file():
        config_file = DEFAULT_CONFIG
    configure_logging(verbose, ctx.invoked_subcommand in _DAEMONS)
    ctx.obj = {"config": config_file, "verbose": verbose}


for _command in (
    local_command,
    server_command,
    worker_command,
    run_command,
    reproduce_command,
    runs_command,
    show_command,
    logs_command,
    lineage_command,
    examples_command,
    token_group,
    users_group,
    audit_command,
    cache_group,
    artifacts_group,
    export_command,
    import_command,
    plugin_group,
):
    cli.add_command(_command)


def main() -> None:
    """Entry point of the ``plynx`` console script."""
    cli.main(prog_name="plynx")
