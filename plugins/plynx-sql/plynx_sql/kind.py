"""The ``sql`` kind: run the operation's SQL query and write its rows as CSV.

The database is chosen by the ``database`` parameter:

- empty (the default): the SQLite file on the input ``db`` if one is connected (it is copied,
  so the query may write to it without changing the artifact), else a fresh in-memory SQLite;
- ``env:NAME``: the URL in the worker's environment variable ``NAME`` (``postgresql://…``
  or ``sqlite:///path``), so that credentials stay on the worker and out of the graph.

Every other input of type csv or tsv is loaded as a table named after the input (``name_<i>``
for the i-th file of an array input). The single output gets the result as CSV with a header.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import os
import shutil
import sqlite3
from pathlib import Path

from plynx.api import BaseNode, Operation, Parameter, ParameterType, RunContext
from plynx_sql import PLYNX_API
from plynx_sql.tables import load_csv, quote, read_rows, table_name, write_csv

__all__ = ["SqlNode"]

_DELIMITERS = {"csv": ",", "tsv": "\t"}
_BATCH = 1000


class SqlNode(BaseNode):
    """Runs a SQL query (the operation's code) on SQLite or PostgreSQL; CSV inputs are
    tables; the result is a CSV."""

    plynx_api = PLYNX_API
    version = "1"
    title = "SQL query"
    description = (
        "Runs the SQL in the code on SQLite (the 'db' input, or in memory) or on the database "
        "whose URL is in the worker's environment variable named by 'database' (env:NAME). "
        "csv/tsv inputs are loaded as tables named after the input; the result is a CSV."
    )
    parameters = [
        Parameter(
            name="database",
            type=ParameterType.STR,
            default="",
            label="Database ('' = the db input or in-memory SQLite; env:NAME = a URL)",
        ),
    ]
    code_language = "sql"
    icon = "🛢"
    color = "#1c7ed6"

    @classmethod
    def check(cls, operation: Operation) -> list[str]:
        problems = []
        if not operation.code.strip():
            problems.append("a sql operation needs a query in its code")
        if len(operation.outputs) != 1:
            problems.append("a sql operation has exactly one output (the result, as CSV)")
        database = operation.parameter("database")
        value = database.default if database is not None else ""
        if isinstance(value, str) and value and not value.startswith("env:"):
            problems.append(
                "parameter 'database' is either empty or env:NAME (the name of an environment "
                "variable on the worker holding the URL); URLs never go in the graph"
            )
        return problems

    async def run(self, ctx: RunContext) -> int:
        database = str(ctx.params.get("database") or "")
        output = next(iter(ctx.outputs.values()))
        tables = self._tables(ctx)
        try:
            url = self._url(database)
            if url is not None and url.startswith(("postgresql://", "postgres://")):
                count = await _postgres(ctx, url, tables, output)
            else:
                path = Path(url.removeprefix("sqlite:///")) if url else self._db_input(ctx)
                count = await _sqlite(ctx, path, tables, output)
        except (ValueError, OSError, sqlite3.Error) as exc:
            ctx.log(f"sql: {exc}")
            return 1
        ctx.log(f"sql: {count} rows written")
        return 0

    @staticmethod
    def _url(database: str) -> str | None:
        if not database:
            return None
        if not database.startswith("env:"):
            raise ValueError("parameter 'database' must be empty or env:NAME")
        name = database.removeprefix("env:")
        url = os.environ.get(name)
        if not url:
            raise ValueError(f"the worker has no environment variable {name} (database={database})")
        return url

    @staticmethod
    def _db_input(ctx: RunContext) -> Path | None:
        paths = ctx.inputs.get("db") or []
        if not paths:
            return None
        copy = ctx.workdir / "db.sqlite"  # artifacts are immutable: the query gets a copy
        shutil.copyfile(paths[0], copy)
        return copy

    @staticmethod
    def _tables(ctx: RunContext) -> list[tuple[str, Path, str]]:
        tables = []
        for port, paths in ctx.inputs.items():
            if port == "db":
                continue
            delimiter = "\t" if paths and paths[0].suffix == ".tsv" else ","
            for index, path in enumerate(paths):
                tables.append((table_name(port, index, len(paths)), path, delimiter))
        return tables


async def _sqlite(
    ctx: RunContext, path: Path | None, tables: list[tuple[str, Path, str]], output: Path
) -> int:
    conn = sqlite3.connect(":memory:" if path is None else path, check_same_thread=False)

    def load() -> list[str]:
        # ctx.log belongs to the event loop: the thread returns its lines instead
        return [
            f"sql: table {table}: {load_csv(conn, table, source, delimiter)} rows"
            for table, source, delimiter in tables
        ]

    def query() -> int:
        cursor = conn.execute(ctx.code)
        columns = [d[0] for d in cursor.description or ()]
        count = write_csv(output, columns, cursor)
        conn.commit()
        return count

    try:
        for line in await asyncio.wait_for(asyncio.to_thread(load), ctx.timeout):
            ctx.log(line)
        return await asyncio.wait_for(asyncio.to_thread(query), ctx.timeout)
    except (asyncio.CancelledError, TimeoutError):
        conn.interrupt()  # the thread stops at the next step of the query
        raise
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.close()


async def _postgres(
    ctx: RunContext, url: str, tables: list[tuple[str, Path, str]], output: Path
) -> int:
    try:
        import asyncpg
    except ImportError:
        raise ValueError(
            "a PostgreSQL database needs asyncpg on the worker: pip install 'plynx-sql[postgres]'"
        ) from None
    try:
        conn = await asyncpg.connect(url)
    except (OSError, asyncpg.PostgresError) as exc:
        # the URL holds credentials: never in the log
        raise ValueError(f"cannot connect to the database: {type(exc).__name__}") from None
    try:
        async with conn.transaction():
            for table, source, delimiter in tables:
                header, rows = await asyncio.to_thread(read_rows, source, delimiter)
                typed = ", ".join(f"{quote(c)} text" for c in header)
                await conn.execute(f"CREATE TEMP TABLE {quote(table)} ({typed})")
                await conn.copy_records_to_table(table, records=rows, columns=header)
                ctx.log(f"sql: table {table}: {len(rows)} rows")
            statement = await conn.prepare(ctx.code)
            columns = [a.name for a in statement.get_attributes()]
            batch: list[list[object]] = []
            count = 0
            write_csv(output, columns, [])
            async for record in statement.cursor():
                batch.append(list(record.values()))
                if len(batch) == _BATCH:
                    count += await asyncio.to_thread(_append, output, batch)
                    batch = []
            count += await asyncio.to_thread(_append, output, batch)
            return count
    except asyncpg.PostgresError as exc:
        raise ValueError(f"the database refused the query: {exc}") from None
    finally:
        await conn.close()


def _append(path: Path, rows: list[list[object]]) -> int:
    with path.open("a", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return len(rows)
