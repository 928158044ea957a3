"""``plynx token``: create, list and revoke API and worker tokens."""

from __future__ import annotations

import getpass
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from plynx.cli.admin import store_options, with_store
from plynx.model import Token, TokenKind
from plynx.server.auth import create_token
from plynx.store import Store

__all__ = ["token_group"]


@click.group("token")
def token_group() -> None:
    """API tokens (people, scripts, `plynx run --server`) and worker tokens (`plynx worker`)."""


@token_group.command("create")
@click.option(
    "--kind",
    type=click.Choice([k.value for k in TokenKind]),
    default=TokenKind.API.value,
    show_default=True,
    help="api: acts for USER on the REST API; worker: only connects workers.",
)
@click.option(
    "--user",
    default=getpass.getuser,
    show_default="you",
    help="Who the token acts for (created if new; make admins with `plynx users add --admin`).",
)
@click.option("--name", default="", help="A note to recognise the token by.")
@store_options
@click.pass_context
def create_command(
    ctx: click.Context,
    kind: str,
    user: str,
    name: str,
    store_url: str | None,
    data_dir: Path | None,
) -> None:
    """Create a token and print it. It is shown only this once: only its hash is stored."""

    async def action(store: Store) -> str:
        return await create_token(store, TokenKind(kind), user, name)

    click.echo(with_store(ctx, store_url, data_dir, action))


@token_group.command("list")
@store_options
@click.pass_context
def list_command(ctx: click.Context, store_url: str | None, data_dir: Path | None) -> None:
    """List tokens (never their secrets)."""

    async def action(store: Store) -> list[Token]:
        return await store.list_tokens()

    table = Table("id", "kind", "user", "name", "created", "revoked")
    for token in with_store(ctx, store_url, data_dir, action):
        table.add_row(
            token.id,
            token.kind.value,
            token.user,
            token.name,
            token.created_at.strftime("%Y-%m-%d %H:%M"),
            "revoked" if token.revoked else "",
        )
    Console().print(table)


@token_group.command("revoke")
@click.argument("token_id")
@store_options
@click.pass_context
def revoke_command(
    ctx: click.Context, token_id: str, store_url: str | None, data_dir: Path | None
) -> None:
    """Revoke a token by its id (running servers stop accepting it within a minute)."""

    async def action(store: Store) -> None:
        token = await store.get_token(token_id)
        await store.put_token(token.model_copy(update={"revoked": True}))

    with_store(ctx, store_url, data_dir, action)
    click.echo(f"token {token_id} revoked")
