"""``plynx audit``: the audit trail (every state-changing request to the server), newest first,
read from the store like the other admin commands."""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from plynx.cli.admin import store_options, with_store
from plynx.model import AuditEvent, AuditFilter, AuditOutcome, Page
from plynx.store import Store

__all__ = ["audit_command", "parse_when"]

_AGO = re.compile(r"^(\d+)\s*([smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_OUTCOME_STYLE = {
    AuditOutcome.OK: "green",
    AuditOutcome.DENIED: "red",
    AuditOutcome.ERROR: "yellow",
}


def parse_when(value: str, now: datetime | None = None) -> datetime:
    """An instant: ``30m``, ``2h``, ``7d``, ``1w`` ago, or an ISO 8601 date or time (UTC when it
    has no offset)."""
    text = value.strip()
    if match := _AGO.match(text):
        ago = timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
        return (now or datetime.now(UTC)) - ago
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is neither a time ago (30m, 2h, 7d, 1w) nor an ISO 8601 date or time "
            "(2024-05-01, 2024-05-01T12:00:00Z)"
        ) from None
    return instant if instant.utcoffset() is not None else instant.replace(tzinfo=UTC)


def _when(_ctx: click.Context, _param: click.Parameter, value: str | None) -> datetime | None:
    return parse_when(value) if value is not None else None


def _object(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[str, str]:
    if value is None:
        return "", ""
    kind, _, ident = value.partition("/")
    if not kind or not kind.isidentifier():
        raise click.BadParameter(f"{value!r}: give KIND or KIND/ID, e.g. graph or graph/3f2a…")
    return kind, ident


def _table(events: list[AuditEvent], total: int) -> None:
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
    table = Table("at (UTC)", "user", "action", "object", "status", "address")
    for event in events:
        obj = f"{event.object_kind}/{event.object_id}" if event.object_id else event.object_kind
        style = _OUTCOME_STYLE[event.outcome]
        table.add_row(
            event.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
            escape(event.user) or "-",
            escape(event.action),
            escape(obj),
            f"[{style}]{event.status} {event.outcome.value}[/]",
            escape(event.address),
        )
    console.print(table)
    if total > len(events):
        console.print(f"{len(events)} of {total} events; use --limit or narrow the filters")


@click.command("audit")
@click.option(
    "--user",
    help="Only requests by this user, or the name a sign-in attempt gave ('' : anonymous "
    "requests and the local user of `plynx local`).",
)
@click.option(
    "--object",
    "object_",
    metavar="KIND[/ID]",
    callback=_object,
    help="Only requests on this kind of object, or on this one object (graph/ID, run/ID...).",
)
@click.option("--action", help="Only this action, e.g. graph.update, run.cancel.")
@click.option(
    "--since", callback=_when, help="From this time on: 30m, 2h, 7d, 1w ago, or ISO 8601."
)
@click.option("--until", callback=_when, help="Before this time: 30m, 2h, 7d ago, or ISO 8601.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON document per line.")
@store_options
@click.pass_context
def audit_command(
    ctx: click.Context,
    user: str | None,
    object_: tuple[str, str],
    action: str | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
    as_json: bool,
    store_url: str | None,
    data_dir: Path | None,
) -> None:
    """Show who changed what, when, from where, and how it ended (newest first).

    Every POST, PUT, PATCH and DELETE the server answered is there, refused and failed ones
    too: status "denied" is a missing or wrong token or a refused role, "error" bad input or
    a failure."""
    if since is not None and until is not None and since >= until:
        raise click.BadParameter("--since must be before --until")
    kind, ident = object_
    where = AuditFilter(
        user=user,
        action=action,
        object_kind=kind or None,
        object_id=ident or None,
        since=since,
        until=until,
    )

    async def action_(store: Store) -> Page[AuditEvent]:
        return await store.list_audit_events(where, limit=limit)

    page = with_store(ctx, store_url, data_dir, action_)
    if as_json:
        for event in page.items:
            sys.stdout.write(json.dumps(event.model_dump(mode="json")) + "\n")
        return
    _table(page.items, page.total)
