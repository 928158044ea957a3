"""Reaching PostgreSQL: the store URL, its pool parameters, and the asyncpg pool.

URL: ``postgresql://user:password@host:5432/dbname`` (or ``postgres://``), with any libpq-style
query parameter asyncpg understands (``sslmode``, ``connect_timeout``, ``options`` …) plus two
of PLynx's own, removed before the DSN reaches asyncpg:

``pool_min`` (default 1)
    connections opened at start and kept open;
``pool_max`` (default 10)
    the most connections PLynx holds at once; further callers wait for a free one.

e.g. ``postgresql://plynx@db/plynx?pool_min=2&pool_max=20``. Where losing the last fraction of
a second of writes in a crash *of the database server* is acceptable,
``options=-c%20synchronous_commit%3Doff`` makes each engine write about a fifth faster.

Every pool connection passes ``json`` values through as text (documents are written with
pydantic's ``model_dump_json`` and read with ``model_validate_json``, never as Python dicts).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import asyncpg

from plynx.errors import StoreError

__all__ = ["CONNECTION_LOST", "DRIVER_ERRORS", "PostgresURL", "create_pool", "redact"]

_POOL_DEFAULTS = {"pool_min": 1, "pool_max": 10}
_SECRET_PARAMS = frozenset({"password", "sslpassword"})

#: Driver-side failures: server errors, client and protocol errors, sockets, timeouts.
DRIVER_ERRORS = (
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    OSError,
    TimeoutError,
)
#: A pooled connection whose server side went away (restart, failover, terminated backend):
#: asyncpg reports it on the next use, and the pool then opens a new one.
CONNECTION_LOST = (
    asyncpg.PostgresConnectionError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.InternalClientError,
    ConnectionError,
)


def redact(url: str) -> str:
    """``url`` with its password (in the address or as a parameter) replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is not None:
        host = parts.netloc.rpartition("@")[2]
        parts = parts._replace(netloc=f"{parts.username or ''}:***@{host}")
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(key in _SECRET_PARAMS for key, _ in query):
        shown = [(key, "***" if key in _SECRET_PARAMS else value) for key, value in query]
        parts = parts._replace(query=urlencode(shown, safe="*"))
    return urlunsplit(parts)


@dataclass(frozen=True)
class PostgresURL:
    """A parsed store URL: the DSN for asyncpg (without PLynx's parameters) and the pool
    sizes. ``shown`` is the URL with its password redacted."""

    dsn: str = field(repr=False)
    pool_min: int
    pool_max: int
    shown: str

    @classmethod
    def parse(cls, url: str) -> PostgresURL:
        """Parse and check ``url``; :class:`StoreError` says what is wrong with it."""
        shown = redact(url)
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("postgresql", "postgres") or not parts.netloc:
            raise StoreError(
                f"{shown!r} is not a PostgreSQL URL: use postgresql://user@host:5432/dbname"
            )
        sizes = dict(_POOL_DEFAULTS)
        kept: list[tuple[str, str]] = []
        for key, value in parse_qsl(parts.query, keep_blank_values=True):
            if key not in sizes:
                kept.append((key, value))
                continue
            try:
                sizes[key] = int(value)
            except ValueError:
                raise StoreError(
                    f"{key}={value!r} in the store URL is not a whole number"
                ) from None
        pool_min, pool_max = sizes["pool_min"], sizes["pool_max"]
        if pool_max < 1 or not 0 <= pool_min <= pool_max:
            raise StoreError(
                f"the store URL asks for pool_min={pool_min} and pool_max={pool_max}: "
                "pool_max must be at least 1 and pool_min between 0 and pool_max"
            )
        dsn = urlunsplit(parts._replace(query=urlencode(kept)))
        return cls(dsn=dsn, pool_min=pool_min, pool_max=pool_max, shown=shown)


def _encode_json(value: object) -> str:
    """``json`` parameters: JSON text is sent as it is, anything else is dumped."""
    return value if isinstance(value, str) else json.dumps(value)


def _decode_json(text: str) -> str:
    """``json`` results stay JSON text, for ``model_validate_json``."""
    return text


async def _init_connection(conn: Any) -> None:
    await conn.set_type_codec(
        "json", encoder=_encode_json, decoder=_decode_json, schema="pg_catalog", format="text"
    )


async def _keep_session(conn: Any) -> None:
    """The pool's reset between uses. The store changes no session state (no ``SET``, no
    ``LISTEN``, no session-level locks or cursors), so asyncpg's default reset query would only
    cost a round trip per call; an open transaction is still rolled back by asyncpg itself."""


async def create_pool(url: PostgresURL) -> Any:
    """An open ``asyncpg.Pool`` for ``url``; :class:`StoreError` naming the (redacted) URL and
    the reason when the server cannot be reached or refuses."""
    try:
        return await asyncpg.create_pool(
            url.dsn,
            min_size=url.pool_min,
            max_size=url.pool_max,
            init=_init_connection,
            reset=_keep_session,
            server_settings={"application_name": "plynx"},
        )
    except (*DRIVER_ERRORS, ValueError) as exc:
        reason = str(exc) or type(exc).__name__
        raise StoreError(f"cannot connect to PostgreSQL at {url.shown}: {reason}") from exc
