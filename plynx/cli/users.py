"""``plynx users``: the people tokens and sessions act for, and their roles.

These commands work on the store directly (no server needs to run), which makes them the way
in to a new server and the way back in when no admin can sign in. The rules are the REST
API's: the last enabled admin can be neither demoted nor disabled.
"""

from __future__ import annotations

import getpass
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

import click
from argon2 import PasswordHasher
from rich.console import Console
from rich.table import Table

from plynx.cli.admin import store_options, with_store
from plynx.errors import Conflict, InvalidInput, NotFound
from plynx.model import Role, User
from plynx.server.api.users import USER_NAME
from plynx.server.sessions import check_password
from plynx.store import Store

__all__ = ["users_group"]

_ROLES = click.Choice([r.value for r in Role])


def _read_password() -> str:
    """One line of stdin (its line break dropped; typed without echo at a terminal), checked
    like the REST API checks it."""
    line = getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline()
    password = line.removesuffix("\n").removesuffix("\r")
    try:
        check_password(password)
    except InvalidInput as exc:
        raise click.ClickException(exc.message) from None
    return PasswordHasher().hash(password)


def _enabled_admins(users: list[User]) -> list[str]:
    return [u.name for u in users if u.role == Role.ADMIN and not u.disabled]


async def _change(store: Store, name: str, **changes: object) -> User:
    """Apply ``changes`` to the user ``name``, keeping at least one enabled admin."""
    user = await store.get_user(name)
    updated = user.model_copy(update=changes)
    if _enabled_admins(await store.list_users()) == [name] and not _enabled_admins([updated]):
        raise Conflict(f"{name!r} is the last enabled admin: make someone else an admin first")
    await store.put_user(updated)
    if updated.disabled or "password_hash" in changes:
        await store.delete_sessions(user=name)  # signed-in browsers are out at once
    return updated


@click.group("users")
def users_group() -> None:
    """Add users, give them roles (admin, editor, viewer), disable and list them."""


@users_group.command("add")
@click.argument("name")
@click.option(
    "--role",
    type=_ROLES,
    default=None,
    help="admin: everything; editor: create, change their own [default]; viewer: read only.",
)
@click.option("--admin", is_flag=True, help="The same as --role admin.")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read a password (one line) from stdin, to sign in to the dashboard with.",
)
@store_options
@click.pass_context
def add_command(
    ctx: click.Context,
    name: str,
    role: str | None,
    admin: bool,
    password_stdin: bool,
    store_url: str | None,
    data_dir: Path | None,
) -> None:
    """Add the user NAME (then give them a password or a token: `plynx token create --user
    NAME`)."""
    if admin and role not in (None, Role.ADMIN.value):
        raise click.UsageError(f"--admin and --role {role} disagree")
    chosen = Role.ADMIN if admin else Role(role or Role.EDITOR.value)
    if not re.fullmatch(USER_NAME, name):
        raise click.UsageError(
            f"{name!r} is not a user name: letters, digits and . _ @ - (at most 64)"
        )
    password_hash = _read_password() if password_stdin else ""

    async def action(store: Store) -> None:
        try:
            await store.get_user(name)
        except NotFound:
            await store.put_user(
                User(
                    name=name,
                    role=chosen,
                    created_at=datetime.now(UTC),
                    password_hash=password_hash,
                )
            )
        else:
            raise Conflict(f"user {name!r} already exists")

    with_store(ctx, store_url, data_dir, action)
    click.echo(f"user {name} added ({chosen.value}{', with a password' if password_hash else ''})")


@users_group.command("set-role")
@click.argument("name")
@click.argument("role", type=_ROLES)
@store_options
@click.pass_context
def set_role_command(
    ctx: click.Context, name: str, role: str, store_url: str | None, data_dir: Path | None
) -> None:
    """Make NAME an admin, editor or viewer (from their next request on)."""

    async def action(store: Store) -> User:
        return await _change(store, name, role=Role(role))

    with_store(ctx, store_url, data_dir, action)
    click.echo(f"user {name} is now {role}")


@users_group.command("disable")
@click.argument("name")
@store_options
@click.pass_context
def disable_command(
    ctx: click.Context, name: str, store_url: str | None, data_dir: Path | None
) -> None:
    """Disable NAME: their tokens and sessions stop working at once."""
    _set_disabled(ctx, name, store_url, data_dir, disabled=True)


@users_group.command("enable")
@click.argument("name")
@store_options
@click.pass_context
def enable_command(
    ctx: click.Context, name: str, store_url: str | None, data_dir: Path | None
) -> None:
    """Enable NAME again (their tokens work again; they sign in anew)."""
    _set_disabled(ctx, name, store_url, data_dir, disabled=False)


def _set_disabled(
    ctx: click.Context, name: str, store_url: str | None, data_dir: Path | None, *, disabled: bool
) -> None:
    async def action(store: Store) -> User:
        return await _change(store, name, disabled=disabled)

    with_store(ctx, store_url, data_dir, action)
    click.echo(f"user {name} {'disabled' if disabled else 'enabled'}")


@users_group.command("set-password")
@click.argument("name")
@store_options
@click.pass_context
def set_password_command(
    ctx: click.Context, name: str, store_url: str | None, data_dir: Path | None
) -> None:
    """Set NAME's password from one line of stdin (their browser sessions end)."""
    password_hash = _read_password()

    async def action(store: Store) -> User:
        return await _change(store, name, password_hash=password_hash)

    with_store(ctx, store_url, data_dir, action)
    click.echo(f"password of {name} set")


@users_group.command("list")
@store_options
@click.pass_context
def list_command(ctx: click.Context, store_url: str | None, data_dir: Path | None) -> None:
    """List users with their roles."""

    async def action(store: Store) -> list[User]:
        return await store.list_users()

    table = Table("name", "role", "password", "disabled", "created")
    for user in with_store(ctx, store_url, data_dir, action):
        table.add_row(
            user.name,
            user.role.value,
            "yes" if user.password_hash else "",
            "disabled" if user.disabled else "",
            f"{user.created_at:%Y-%m-%d}",
        )
    Console().print(table)
