"""``plynx server``: the server alone (workers connect to it from anywhere)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import click

from plynx.cli.common import run_until_signal, settings_from
from plynx.cli.embedded import local_token, login_url, serving

__all__ = ["server_command"]

logger = logging.getLogger(__name__)


@click.command("server")
@click.option("--host", help="Address to listen on [default: 127.0.0.1].")
@click.option("--port", type=int, help="Port to listen on [default: 8765].")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Database, artifacts and logs [default: ~/.plynx].",
)
@click.option("--store", "store", help="Store URL: sqlite:///…, postgresql://…, mongodb://…")
@click.option("--artifacts", help="Artifact store: a directory or an fsspec URL (s3://…).")
@click.option(
    "--local/--no-local",
    "local_mode",
    default=None,
    help="Local mode: one local token, no accounts (loopback addresses only).",
)
@click.pass_context
def server_command(
    ctx: click.Context,
    host: str | None,
    port: int | None,
    data_dir: Path | None,
    store: str | None,
    artifacts: str | None,
    local_mode: bool | None,
) -> None:
    """Run the PLynx server until SIGTERM or Ctrl-C.

    Without --local every request needs a token: create them with `plynx token create`
    (an api token for people and scripts, a worker token for `plynx worker`)."""
    settings = settings_from(
        ctx,
        host=host,
        port=port,
        data_dir=data_dir,
        store=store,
        artifacts=artifacts,
        local_mode=local_mode,
    )

    async def main(stop: asyncio.Event) -> None:
        async with serving(settings) as url:
            if settings.local_mode:
                logger.warning("%s is in local mode: its local token opens everything", url)
                token = local_token(settings.data_dir) or ""
                click.echo(f"Open the dashboard with this link: {login_url(url, token)}", err=True)
            else:
                logger.info(
                    "%s needs tokens: `plynx token create --data-dir %s [--kind worker]`",
                    url,
                    settings.data_dir,
                )
            click.echo(f"PLynx server on {url}", err=True)
            await stop.wait()
            logger.info("stopping")

    run_until_signal(main, interrupt_startup=True)
