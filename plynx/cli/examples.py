"""``plynx examples``: the graph files shipped with PLynx."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from plynx.cli.files import examples_dir, list_examples

__all__ = ["examples_command"]


@click.command("examples")
@click.option(
    "--copy",
    "copy_to",
    type=click.Path(path_type=Path, file_okay=False),
    help="Copy the examples (with their data) into this directory, to edit them.",
)
def examples_command(copy_to: Path | None) -> None:
    """List the examples; run one with `plynx run example:NAME`."""
    if copy_to is not None:
        shutil.copytree(
            examples_dir(), copy_to, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__*")
        )
        click.echo(f"examples copied to {copy_to}")
        return
    table = Table("name", "title", title="run one with: plynx run example:NAME")
    for example in list_examples():
        table.add_row(example.name, example.title)
    Console().print(table)
