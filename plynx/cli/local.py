"""``plynx local``: everything on this machine in one command — the server (local mode,
loopback only, one local token that opens everything), supervised worker processes, and the
examples in the library. It prints (and opens) the link that logs a browser in; ``plynx``
commands on the same data directory read the token from it."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import webbrowser
from pathlib import Path

import click

from plynx.cli.common import default_pool, run_until_signal, settings_from
from plynx.cli.embedded import embedded_plynx, local_token, login_url
from plynx.cli.seed import load_examples
from plynx.client import ApiError, PlynxClient

__all__ = ["local_command"]

logger = logging.getLogger(__name__)


def _has_desktop() -> bool:
    """Whether a graphical browser can open: on a Linux console ``webbrowser`` would start a
    text browser in this very terminal."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _echo_plugins() -> None:
    """Which kinds this PLynx offers, and which plugins it could not load (and why)."""
    from plynx.nodes import load_registry

    registry = load_registry()  # already imported by the embedded server: cheap
    click.echo(f"kinds: {', '.join(registry.names())}", err=True)
    for problem in registry.problems:
        click.echo(f"plugin not loaded: {problem.message}", err=True)


@click.command("local")
@click.option("--port", type=int, help="Port of the dashboard and API [default: 8765].")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Database, artifacts, logs and worker scratch space [default: ~/.plynx].",
)
@click.option("--workers", type=int, help="Worker processes [default: 2 with 2+ CPUs].")
@click.option("--slots", type=int, help="Nodes each worker runs at once [default: CPUs/workers].")
@click.option("--store", "store", help="Store URL [default: SQLite in the data directory].")
@click.option("--no-browser", is_flag=True, help="Do not open the dashboard in a browser.")
@click.option("--no-examples", is_flag=True, help="Do not load the examples into the library.")
@click.pass_context
def local_command(
    ctx: click.Context,
    port: int | None,
    data_dir: Path | None,
    workers: int | None,
    slots: int | None,
    store: str | None,
    no_browser: bool,
    no_examples: bool,
) -> None:
    """Run PLynx on this machine: server, workers and dashboard, until Ctrl-C.

    Prints (and opens) the link that logs a browser in; `plynx` commands on the same
    --data-dir use the local token kept there."""
    settings = settings_from(
        ctx, port=port, data_dir=data_dir, store=store, local_mode=True, host="127.0.0.1"
    )
    count, per = default_pool(workers, slots)
    verbose = int((ctx.find_root().obj or {}).get("verbose", 0))

    async def main(stop: asyncio.Event) -> None:
        async with embedded_plynx(
            settings, workers=count, slots=per, port=None, verbose=verbose
        ) as url:
            token = local_token(settings.data_dir)
            link = login_url(url, token or "")
            if not no_examples:
                async with PlynxClient(url, token) as client:
                    try:
                        added = await load_examples(client)
                    except ApiError as exc:
                        logger.warning("the examples could not be loaded: %s", exc.message)
                    else:
                        if added:
                            logger.info("%d example graphs and operations loaded", added)
            click.echo(
                f"PLynx is running on {url}  ({count} workers x {per} slots, data in "
                f"{settings.data_dir}); Ctrl-C stops it\n"
                f"Open the dashboard with this link (it logs the browser in): {link}",
                err=True,
            )
            _echo_plugins()
            if not no_browser and _has_desktop():
                await asyncio.to_thread(webbrowser.open, link)
            await stop.wait()
            click.echo("stopping…", err=True)

    run_until_signal(main, interrupt_startup=True)
