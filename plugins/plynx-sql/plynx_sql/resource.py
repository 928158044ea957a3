"""The ``sqlite`` resource type: a SQLite database file, previewed as its tables."""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from pathlib import Path

from plynx.api import ListPreview, PluginPreview, ResourceTypeSpec, TablePreview, TextPreview
from plynx_sql import PLYNX_API
from plynx_sql.tables import quote

__all__ = ["SqliteType"]

_MAGIC = b"SQLite format 3\x00"
_ROWS = 20


class SqliteType(ResourceTypeSpec):
    """A SQLite database. The preview lists each table with its first rows."""

    plynx_api = PLYNX_API
    feeds = frozenset({"file"})
    extensions = ("sqlite", "sqlite3", "db")
    icon = "🛢"
    color = "#1c7ed6"
    preview_max_bytes = 32 * 1024 * 1024

    @classmethod
    def preview(cls, head: bytes, size: int, truncated: bool) -> PluginPreview | None:
        if not head.startswith(_MAGIC):
            return TextPreview(text="not a SQLite database", label="sqlite")
        if truncated:
            return TextPreview(
                text=f"a SQLite database of {size} bytes (too large to preview)", truncated=True
            )
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "db.sqlite"
            path.write_bytes(head)
            # read only, and no code of the file's (triggers, views) changes anything
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                return _tables(conn)
            finally:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()


def _tables(conn: sqlite3.Connection) -> ListPreview:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 100"
        )
    ]
    items: list[TablePreview | TextPreview] = []
    for name in names:
        cursor = conn.execute(f"SELECT * FROM {quote(name)} LIMIT {_ROWS + 1}")
        rows = [["" if v is None else str(v) for v in row] for row in cursor.fetchall()]
        columns = [d[0] for d in cursor.description or ()]
        items.append(
            TablePreview(
                label=name, columns=columns, rows=rows[:_ROWS], truncated=len(rows) > _ROWS
            )
        )
    if not items:
        items.append(TextPreview(text="(no tables)"))
    return ListPreview(items=list(items))
