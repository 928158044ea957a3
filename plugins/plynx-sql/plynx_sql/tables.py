"""Loading CSV/TSV inputs as tables and writing a query's rows as CSV (no PLynx imports)."""

from __future__ import annotations

import csv
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["load_csv", "table_name", "write_csv"]

_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def table_name(port: str, index: int, count: int) -> str:
    """The table an input file becomes: the input's name (``name_<i>`` for an array input)."""
    name = port if count == 1 else f"{port}_{index}"
    return _UNSAFE.sub("_", name)


def quote(identifier: str) -> str:
    """``identifier`` quoted for SQL (SQLite and PostgreSQL agree on double quotes)."""
    return '"' + identifier.replace('"', '""') + '"'


def read_rows(path: Path, delimiter: str) -> tuple[list[str], list[list[str]]]:
    """The header and rows of a CSV/TSV file; a ValueError naming the file when it is empty
    or has a duplicated column."""
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    if not rows:
        raise ValueError(f"{path.name}: the file is empty (a header row is needed)")
    header = rows[0]
    if len(set(header)) != len(header):
        raise ValueError(f"{path.name}: duplicated column names in the header {header}")
    width = len(header)
    return header, [(row + [""] * width)[:width] for row in rows[1:]]


def load_csv(conn: sqlite3.Connection, table: str, path: Path, delimiter: str) -> int:
    """Create ``table`` in SQLite from the file; return the number of rows."""
    header, rows = read_rows(path, delimiter)
    columns = ", ".join(quote(c) for c in header)
    conn.execute(f"CREATE TABLE {quote(table)} ({columns})")
    marks = ", ".join("?" for _ in header)
    conn.executemany(f"INSERT INTO {quote(table)} VALUES ({marks})", rows)
    return len(rows)


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write the result as CSV with a header; return the number of rows."""
    count = 0
    with path.open("w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            count += 1
    return count
