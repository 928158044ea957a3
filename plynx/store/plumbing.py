"""What the SQL stores' mixins (audit trail, experiments) need of the store they are mixed into.

The mixins are written against these protocols, not against :class:`SQLiteStore` or
:class:`PostgresStore`, so that each stays a module of its own without importing the store (which
imports them). Only the typing lives here: the methods are the stores' own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from plynx.model import Page
from plynx.store import postgres_rows, sqlite_rows

__all__ = ["PostgresPlumbing", "Rows", "SQLitePlumbing"]

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")
W_contra = TypeVar("W_contra", contravariant=True)

#: Rows as :mod:`sqlite3` returns them.
Rows = list[tuple[Any, ...]]


class _Paging(Protocol[W_contra]):
    async def _one(self, model: type[M], what: str, sql: str, ident: str) -> M: ...

    async def _page(
        self,
        model: type[M],
        table: str,
        where: W_contra,
        order: str,
        offset: int,
        limit: int,
        column: str = "doc",
    ) -> Page[M]: ...


class SQLitePlumbing(_Paging[sqlite_rows.Where], Protocol):
    """What :class:`~plynx.store.sqlite.SQLiteStore` offers its mixins."""

    async def _write(
        self, doing: str, fn: Callable[[sqlite3.Connection], R], duplicate: str | None = None
    ) -> R: ...

    async def _fetch(self, doing: str, sql: str, params: Sequence[Any] = ()) -> Rows: ...


class PostgresPlumbing(_Paging[postgres_rows.Where], Protocol):
    """What :class:`~plynx.store.postgres.PostgresStore` offers its mixins."""

    async def _fetch(self, doing: str, sql: str, *args: Any) -> list[Sequence[Any]]: ...

    async def _execute(
        self, doing: str, sql: str, *args: Any, duplicate: str | None = None
    ) -> int: ...
