"""``plynx users``: the people tokens act for."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from plynx.cli.admin import store_options, with_store
from plynx.errors import Conflict, NotFound
from plynx.model import Role, User
from plynx.store import Store

__all__ = ["users_group"]


@click.group("users")
def users_group() -> None:
    """Add and list users."""


@users_group.command("add")
@click.argument("name")
@click.option("--admin", is_flag=True, help="May do everything, including connect workers.")
@store_options
@click.pass_context
def add_command(
    ctx: click.Context, name: str, admin: bool, store_url: str | None, data_dir: Path | None
) -> None:
    """Add the user NAME (then give them a token with `plynx token create --user NAME`)."""

    async def action(store: Store) -> None:
        try:
            await store.get_user(name)
        except NotFound:
            await store.put_user(
                User(
                    name=name,
                    role=Role.ADMIN if admin else Role.EDITOR,
                    created_at=datetime.now(UTC),
                )
            )
        else:
            raise Conflict(f"user {name!r} already exists")

    with_store(ctx, store_url, data_dir, action)
    click.echo(f"user {name} added{' (admin)' if admin else ''}")


@users_group.command("list")
@store_options
@click.pass_context
def list_command(ctx: click.Context, store_url: str | None, data_dir: Path | None) -> None:
    """List users."""

    async def action(store: Store) -> list[User]:
        return await store.list_users()

    table = Table("name", "admin", "created")
    for user in with_store(ctx, store_url, data_dir, action):
        table.add_row(user.name, "yes" if user.is_admin else "", f"{user.created_at:%Y-%m-%d}")
    Console().print(table)
