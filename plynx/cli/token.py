"""``plynx token``: create, list and revoke API and worker tokens."""

from __future__ import annotations

import getpass
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from plynx.cli.admin import store_options, with_store
from plynx.model import Token, TokenKind
from plynx.server.auth import create_token
from plynx.store import Store

__all__ = ["token_group"]


_DURATION = re.compile(r"([1-9][0-9]{0,5})([hdw])")
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def parse_duration(text: str) -> timedelta:
    """``12h``, ``30d``, ``8w`` as a duration; a usage error otherwise."""
    match = _DURATION.fullmatch(text.strip())
    if match is None:
        raise click.BadParameter(
            f"{text!r} is not a duration: a number and h, d or w (12h, 30d, 8w)",
            param_hint="--expires",
        )
    return int(match.group(1)) * _UNITS[match.group(2)]


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
    help="Who the token acts for (created if new: an editor; `plynx users add` chooses the role).",
)
@click.option("--name", default="", help="A note to recognise the token by.")
@click.option(
    "--expires",
    metavar="DURATION",
    default=None,
    help="Stop working after this long: 12h, 30d, 8w [default: never].",
)
@store_options
@click.pass_context
def create_command(
    ctx: click.Context,
    kind: str,
    user: str,
    name: str,
    expires: str | None,
    store_url: str | None,
    data_dir: Path | None,
) -> None:
    """Create a token and print it. It is shown only this once: only its hash is stored."""
    expires_at = datetime.now(UTC) + parse_duration(expires) if expires is not None else None

    async def action(store: Store) -> str:
        return await create_token(store, TokenKind(kind), user, name, expires_at=expires_at)

    click.echo(with_store(ctx, store_url, data_dir, action))


@token_group.command("list")
@click.option("--user", default=None, help="Only this user's tokens.")
@store_options
@click.pass_context
def list_command(
    ctx: click.Context, user: str | None, store_url: str | None, data_dir: Path | None
) -> None:
    """List tokens (never their secrets)."""

    async def action(store: Store) -> list[Token]:
        return await store.list_tokens()

    now = datetime.now(UTC)
    table = Table()
    for column in ("id", "kind", "user", "name", "created", "expires", "last used", "state"):
        table.add_column(column, no_wrap=column != "name")
    for token in with_store(ctx, store_url, data_dir, action):
        if user is not None and token.user != user:
            continue
        state = "revoked" if token.revoked else "expired" if token.expired(now) else ""
        table.add_row(
            token.id,
            token.kind.value,
            token.user,
            token.name,
            token.created_at.strftime("%Y-%m-%d %H:%M"),
            token.expires_at.strftime("%Y-%m-%d %H:%M") if token.expires_at else "never",
            token.last_used_at.strftime("%Y-%m-%d %H:%M") if token.last_used_at else "never",
            state,
        )
    console = Console()
    if not console.is_terminal:  # into a file or a pipe: whole rows, not an 80-column squeeze
        console.width = max(console.width, 160)
    console.print(table)


@token_group.command("revoke")
@click.argument("token_id")
@store_options
@click.pass_context
def revoke_command(
    ctx: click.Context, token_id: str, store_url: str | None, data_dir: Path | None
) -> None:
    """Revoke a token by its id (running servers refuse it from the next request on)."""

    async def action(store: Store) -> None:
        token = await store.get_token(token_id)
        await store.put_token(token.model_copy(update={"revoked": True}))

    with_store(ctx, store_url, data_dir, action)
    click.echo(f"token {token_id} revoked")
