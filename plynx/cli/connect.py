"""How commands that talk to a server find one: ``--server URL``, or the server serving the
data directory (a ``plynx local`` already running there, or one started here for the command,
with local workers when the command runs nodes)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

import click

from plynx.cli.common import default_pool, settings_from
from plynx.cli.embedded import embedded_plynx, local_token, running_server
from plynx.client import PlynxClient
from plynx.settings import Settings

__all__ = ["client_for", "serving_data_dir"]

logger = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def serving_data_dir(
    settings: Settings, workers: int, slots: int, verbose: int
) -> AsyncIterator[str]:
    """The URL of the server serving ``settings.data_dir``: an already running one, or one
    started here with ``workers`` local workers."""
    url = running_server(settings.data_dir)
    if url is not None:
        logger.info("using the server already running on %s", url)
        yield url
        return
    async with embedded_plynx(
        settings,
        workers=workers,
        slots=slots,
        log_dir=settings.data_dir / "workers",
        verbose=verbose,
    ) as embedded_url:
        yield embedded_url


@contextlib.asynccontextmanager
async def client_for(
    ctx: click.Context,
    server: str | None,
    token: str | None,
    data_dir: object,
    *,
    runs_nodes: bool = False,
) -> AsyncIterator[PlynxClient]:
    """A client of ``server``, or of the server of the data directory (started here if none
    runs; with local workers if ``runs_nodes``)."""
    async with contextlib.AsyncExitStack() as stack:
        if server is not None:
            url = server
        else:
            settings = settings_from(ctx, data_dir=data_dir)
            count, per = default_pool(None, None) if runs_nodes else (0, 1)
            verbose = int((ctx.find_root().obj or {}).get("verbose", 0))
            url = await stack.enter_async_context(serving_data_dir(settings, count, per, verbose))
            # a local server's own token is in its data directory
            token = local_token(settings.data_dir)
        yield await stack.enter_async_context(PlynxClient(url, token))
