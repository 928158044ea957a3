"""What the admin commands share: the store they work on, chosen by ``--store`` or
``--data-dir`` (or the configuration), opened directly: no server needs to run."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from plynx.cli.common import settings_from
from plynx.errors import PlynxError
from plynx.settings import Settings
from plynx.store import Store, open_store

__all__ = ["run_with_store", "store_options", "with_store"]

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def store_options(func: F) -> F:
    """Add ``--store`` and ``--data-dir`` to an admin command."""
    func = click.option(
        "--data-dir",
        type=click.Path(path_type=Path, file_okay=False),
        help="Data directory of the server [default: ~/.plynx].",
    )(func)
    func = click.option(
        "--store", "store_url", help="Store URL [default: the data directory's SQLite file]."
    )(func)
    return func


def with_store(
    ctx: click.Context,
    store_url: str | None,
    data_dir: Path | None,
    action: Callable[[Store], Awaitable[T]],
) -> T:
    """Open the configured store, run ``action`` on it, close it."""
    return run_with_store(settings_from(ctx, store=store_url, data_dir=data_dir), action)


def run_with_store(settings: Settings, action: Callable[[Store], Awaitable[T]]) -> T:
    """Open the store of ``settings``, run ``action`` on it, close it; a PlynxError becomes
    one line of error."""

    async def main() -> T:
        if not settings.store:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        async with open_store(settings.store_url) as store:
            return await action(store)

    try:
        return asyncio.run(main())
    except PlynxError as exc:
        raise click.ClickException(exc.message) from None
