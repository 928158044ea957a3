"""``plynx cache``: the results PLynx reuses instead of running a node again."""

from __future__ import annotations

import asyncio
from pathlib import Path

import click

from plynx.cli.admin import store_options, with_store
from plynx.client import ApiError, PlynxClient
from plynx.store import Store

__all__ = ["cache_group"]


@click.group("cache")
def cache_group() -> None:
    """Inspect and clear the cache."""


@cache_group.command("clear")
@click.option("--server", envvar="PLYNX_SERVER", help="Clear a running server's cache instead.")
@click.option("--token", envvar="PLYNX_TOKEN", help="API token for --server.")
@store_options
@click.pass_context
def clear_command(
    ctx: click.Context,
    server: str | None,
    token: str | None,
    store_url: str | None,
    data_dir: Path | None,
) -> None:
    """Forget every cached result: the next runs execute every node again. Artifacts stay."""
    if server is not None:

        async def remote() -> int:
            async with PlynxClient(server, token) as client:
                return await client.clear_cache()

        try:
            deleted = asyncio.run(remote())
        except ApiError as exc:
            raise click.ClickException(exc.message) from None
    else:

        async def action(store: Store) -> int:
            return await store.delete_cache_entries()

        deleted = with_store(ctx, store_url, data_dir, action)
    click.echo(f"{deleted} cache entries deleted")
