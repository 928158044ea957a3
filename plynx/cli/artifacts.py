"""``plynx artifacts``: the content-addressed results PLynx keeps, and removing those nothing
refers to any more."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from plynx.cli.admin import run_with_store, store_options
from plynx.cli.common import settings_from
from plynx.store import Store

if TYPE_CHECKING:
    from plynx.engine.collect import Collection

__all__ = ["artifacts_group"]

_DURATION = re.compile(r"^(\d+)([smhd])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def _duration(text: str) -> timedelta:
    if text == "0":
        return timedelta(0)
    match = _DURATION.match(text.strip())
    if match is None:
        raise click.BadParameter(f"{text!r}: write a number and a unit, e.g. 30m, 12h or 7d")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} B"
    value = count / 1024
    for unit in ("KiB", "MiB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"


@click.group("artifacts")
def artifacts_group() -> None:
    """The stored results (artifacts) and their garbage collection."""


@artifacts_group.command("gc")
@click.option(
    "--older-than",
    default="1d",
    show_default=True,
    help="Keep what was stored more recently than this (30m, 12h, 7d, or 0).",
)
@click.option("--dry-run", is_flag=True, help="Only say what would be removed.")
@click.option("--artifacts", "artifacts_url", help="Artifact store [default: the configured one].")
@store_options
@click.pass_context
def gc_command(
    ctx: click.Context,
    older_than: str,
    dry_run: bool,
    artifacts_url: str | None,
    store_url: str | None,
    data_dir: Path | None,
) -> None:
    """Remove the artifacts that no graph, run, operation or cache entry refers to.

    Deleted graphs and runs do not count: what only they refer to is removed, what a cache
    entry or another run still uses stays.

    What a cache entry still points at stays (clear the cache first with `plynx cache clear`
    to let those go too). Run it with the server stopped, or keep --older-than well above the
    length of the runs in progress."""
    from plynx.artifacts import open_artifact_store
    from plynx.engine.collect import collect_artifacts

    age = _duration(older_than)
    settings = settings_from(ctx, store=store_url, data_dir=data_dir, artifacts=artifacts_url)

    async def action(store: Store) -> Collection:
        artifacts = open_artifact_store(settings.artifacts_url)
        await artifacts.open()
        try:
            return await collect_artifacts(store, artifacts, older_than=age, dry_run=dry_run)
        finally:
            await artifacts.close()

    done = run_with_store(settings, action)
    verb = "would remove" if dry_run else "removed"
    click.echo(
        f"{done.artifacts} artifacts: {done.referenced} in use, {done.recent} newer than "
        f"{older_than}; {verb} {done.removed} ({_size(done.removed_bytes)})"
    )
