"""``plynx export`` and ``plynx import``: move everything a store holds to a store of any
backend (SQLite, PostgreSQL, MongoDB) through a portable file (see
:mod:`plynx.store.transfer`)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from plynx.cli.admin import store_options, with_store
from plynx.store import Store
from plynx.store.transfer import Header, export_store, import_store

__all__ = ["export_command", "import_command"]


def _print_counts(header: Header, verb: str, path: Path) -> None:
    table = Table("documents", "count", title=f"{verb} {path}", title_justify="left")
    for key, count in header.counts.items():
        table.add_row(key.replace("_", " "), str(count))
    Console().print(table)


@click.command("export", short_help="Copy everything a store holds into a file.")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False, writable=True))
@store_options
@click.pass_context
def export_command(
    ctx: click.Context, out: Path, store_url: str | None, data_dir: Path | None
) -> None:
    """Write everything the store holds (operations, graphs, runs, cache, users, tokens,
    artifact metadata, workers) to the file OUT (gzip-compressed JSON lines). Stop the server
    first: a store that changes meanwhile is not exported consistently. Artifact contents are
    not included: copy the artifact directory (or bucket) along."""

    async def action(store: Store) -> Header:
        return await export_store(store, out)

    _print_counts(with_store(ctx, store_url, data_dir, action), "exported to", out)


@click.command("import", short_help="Load an export file into a new, empty store.")
@click.argument("source", metavar="IN", type=click.Path(path_type=Path, dir_okay=False))
@store_options
@click.pass_context
def import_command(
    ctx: click.Context, source: Path, store_url: str | None, data_dir: Path | None
) -> None:
    """Load the file IN, written by `plynx export`, into the store, which must be empty (a
    new database of any backend). The whole file is checked first: a damaged, truncated or
    newer file is refused and nothing is imported."""

    async def action(store: Store) -> Header:
        return await import_store(store, source)

    _print_counts(with_store(ctx, store_url, data_dir, action), "imported from", source)
