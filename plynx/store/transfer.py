"""Moving everything a store holds to another store, of any backend, through a portable file.

The file is gzip-compressed JSON lines. The first line is a header::

    {"format": "plynx-export", "version": 1, "schema_version": 1, "created": "...",
     "counts": {"users": 2, "operations": 40, "runs": 7, "node_runs": 130, ...}}

then one record per line, ``{"type": "operation", "doc": {...}}``, where ``doc`` is the
pydantic model's JSON exactly as the store returns it. Records come by type, in the order of
:data:`RECORD_TYPES`, each type oldest first (so listings with equal timestamps keep their order
after an import); every ``run`` (the full snapshot) is directly followed by its ``node_run``
records in the run's node order. Tokens keep their argon2 hashes: a token works in the new
store as it did in the old one.

:func:`export_store` pages through the store's listings and holds at most one run and its node
runs in memory. It writes a temporary file beside the target and renames it at the end, so
an interrupted export leaves no half file. Export a store nobody writes to (stop its server):
paging does not see a consistent snapshot of a store that changes meanwhile.

:func:`import_store` reads the file twice: once to check every line (structure, every document
against its model, run/node-run grouping, unique ids, the header's counts), then, only if all
is well and the target store is empty, to insert. A corrupt, truncated or newer file is refused
with the line number and nothing is imported.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import shutil
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import TypeVar

import pydantic
from pydantic import BaseModel

from plynx import __version__
from plynx.errors import Conflict, InvalidInput, PlynxError, StoreError
from plynx.model import (
    ArtifactMeta,
    CacheEntry,
    Graph,
    NodeRun,
    Operation,
    Page,
    Run,
    Token,
    User,
    WorkerRecord,
)
from plynx.store.base import SCHEMA_VERSION, Batch, Store

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "RECORD_TYPES",
    "ExportFileError",
    "Header",
    "check_export_file",
    "export_store",
    "import_store",
    "store_counts",
]

FORMAT = "plynx-export"
#: Version of the file layout this code writes; files of a newer version are refused.
FORMAT_VERSION = 1

#: Record types in file order, with their document model and their key in ``counts``.
RECORD_TYPES: dict[str, tuple[type[BaseModel], str]] = {
    "user": (User, "users"),
    "token": (Token, "tokens"),
    "worker": (WorkerRecord, "workers"),
    "artifact": (ArtifactMeta, "artifacts"),
    "operation": (Operation, "operations"),
    "graph": (Graph, "graphs"),
    "run": (Run, "runs"),
    "node_run": (NodeRun, "node_runs"),
    "cache_entry": (CacheEntry, "cache_entries"),
}
_COUNT_KEYS = [key for _, key in RECORD_TYPES.values()]
_PAGE = 200  # documents per listing call while exporting
_CHUNK = 500  # lines read per thread hop, cache entries per apply() while importing

M = TypeVar("M", bound=BaseModel)


class ExportFileError(InvalidInput):
    """An export file cannot be imported: not an export, newer than this PLynx, corrupt or
    truncated. ``line`` is the 1-based line where the problem is (0 for the whole file)."""

    def __init__(self, path: Path, line: int, problem: str) -> None:
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"cannot import {where}: {problem}; nothing was imported")
        self.path = path
        self.line = line
        self.problem = problem


@dataclass(frozen=True)
class Header:
    """The first line of an export file."""

    version: int
    schema_version: int
    created: str
    counts: dict[str, int]

    def line(self) -> bytes:
        """The header as a JSON line."""
        doc = {
            "format": FORMAT,
            "version": self.version,
            "schema_version": self.schema_version,
            "created": self.created,
            "plynx_version": __version__,
            "counts": self.counts,
        }
        return json.dumps(doc).encode() + b"\n"


def _zero_counts() -> dict[str, int]:
    return dict.fromkeys(_COUNT_KEYS, 0)


# -- export ------------------------------------------------------------------------------------


async def _oldest_first(list_page: Callable[[int, int], Awaitable[Page[M]]]) -> AsyncIterator[M]:
    """Every item of a newest-first listing, oldest first, one page in memory at a time."""
    end = (await list_page(0, 1)).total
    while end > 0:
        start = max(0, end - _PAGE)
        page = await list_page(start, end - start)
        for item in reversed(page.items):
            yield item
        end = start


def _record(kind: str, doc: BaseModel) -> bytes:
    return b'{"type":"' + kind.encode() + b'","doc":' + doc.model_dump_json().encode() + b"}\n"


class _Writer:
    """Record lines into a gzip file, written on a thread a batch at a time."""

    def __init__(self, stream: gzip.GzipFile) -> None:
        self._stream = stream
        self._lines: list[bytes] = []
        self.counts = _zero_counts()

    async def add(self, kind: str, doc: BaseModel) -> None:
        self._lines.append(_record(kind, doc))
        self.counts[RECORD_TYPES[kind][1]] += 1
        if len(self._lines) >= _CHUNK:
            await self.flush()

    async def flush(self) -> None:
        data, self._lines = b"".join(self._lines), []
        if data:
            await asyncio.to_thread(self._stream.write, data)


async def _write_records(store: Store, writer: _Writer) -> None:
    for user in await store.list_users():
        await writer.add("user", user)
    for token in await store.list_tokens():
        await writer.add("token", token)
    for worker in await store.list_workers():
        await writer.add("worker", worker)
    async for meta in _oldest_first(lambda o, n: store.list_artifact_meta(offset=o, limit=n)):
        await writer.add("artifact", meta)
    async for operation in _oldest_first(lambda o, n: store.list_operations(offset=o, limit=n)):
        await writer.add("operation", operation)
    async for graph in _oldest_first(lambda o, n: store.list_graphs(offset=o, limit=n)):
        await writer.add("graph", graph)
    async for listed in _oldest_first(lambda o, n: store.list_runs(offset=o, limit=n)):
        # a listed run lacks its graph's nodes and edges: read the whole snapshot
        await writer.add("run", await store.get_run(listed.id))
        for node_run in await store.get_node_runs(listed.id):
            await writer.add("node_run", node_run)
    async for entry in _oldest_first(lambda o, n: store.list_cache_entries(offset=o, limit=n)):
        await writer.add("cache_entry", entry)
    await writer.flush()


async def export_store(store: Store, path: Path) -> Header:
    """Write everything ``store`` holds to the export file ``path``; return its header.

    Records go to a temporary gzip member first; the header, which counts them, is written as
    a first member in front of it (gzip readers read concatenated members as one stream)."""
    path = Path(path)
    body_path = path.with_name(f".{path.name}.records.tmp")
    final_tmp = path.with_name(f".{path.name}.tmp")
    created = datetime.now(UTC).isoformat()
    try:
        schema_version = await store.schema_version()
        with gzip.open(body_path, "wb", compresslevel=6) as body:
            writer = _Writer(body)
            await _write_records(store, writer)
        header = Header(FORMAT_VERSION, schema_version, created, writer.counts)

        def assemble() -> None:
            with open(final_tmp, "wb") as out:
                with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as first:
                    first.write(header.line())
                with open(body_path, "rb") as records:
                    shutil.copyfileobj(records, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(final_tmp, path)

        await asyncio.to_thread(assemble)
    except OSError as exc:
        raise StoreError(f"cannot write the export file {path}: {exc}") from exc
    finally:
        for leftover in (body_path, final_tmp):
            leftover.unlink(missing_ok=True)
    return header


# -- reading and checking a file ---------------------------------------------------------------


@dataclass(frozen=True)
class _Record:
    line: int
    kind: str
    doc: BaseModel


def _parse_header(path: Path, raw: bytes | None) -> Header:
    if raw is None:
        raise ExportFileError(path, 1, "the file is empty (no header line)")
    try:
        doc = json.loads(raw)
    except ValueError as exc:
        raise ExportFileError(path, 1, f"the header is not JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExportFileError(path, 1, f"this is not a PLynx export (no {FORMAT!r} header)")
    version, schema, counts = doc.get("version"), doc.get("schema_version"), doc.get("counts")
    if not isinstance(version, int) or not isinstance(schema, int) or not isinstance(counts, dict):
        raise ExportFileError(path, 1, "the header lacks version, schema_version or counts")
    if version > FORMAT_VERSION:
        raise ExportFileError(
            path,
            1,
            f"the file has format version {version}, this PLynx reads up to version "
            f"{FORMAT_VERSION}: upgrade PLynx to import it",
        )
    if schema > SCHEMA_VERSION:
        raise ExportFileError(
            path,
            1,
            f"the file comes from a store with schema version {schema}, this PLynx knows up "
            f"to {SCHEMA_VERSION}: upgrade PLynx to import it",
        )
    unknown = sorted(set(counts) - set(_COUNT_KEYS))
    if unknown or not all(isinstance(n, int) and n >= 0 for n in counts.values()):
        raise ExportFileError(path, 1, f"the header's counts are not valid ({counts})")
    full = _zero_counts() | counts
    return Header(version, schema, str(doc.get("created", "")), full)


def _parse_record(path: Path, number: int, raw: bytes) -> _Record:
    if not raw.endswith(b"\n"):
        raise ExportFileError(path, number, "the line is cut short (the file is truncated)")
    try:
        doc = json.loads(raw)
    except ValueError as exc:
        raise ExportFileError(path, number, f"the line is not JSON ({exc})") from None
    if not isinstance(doc, dict) or set(doc) != {"type", "doc"}:
        raise ExportFileError(path, number, 'a record must be {"type": ..., "doc": {...}}')
    kind = doc["type"]
    if kind not in RECORD_TYPES:
        raise ExportFileError(path, number, f"unknown record type {kind!r}")
    model = RECORD_TYPES[kind][0]
    try:
        return _Record(number, kind, model.model_validate(doc["doc"]))
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "document"
        problem = f"the {kind} is not valid: {where}: {first['msg']}"
        raise ExportFileError(path, number, problem) from None


def _read(path: Path) -> Generator[Header | _Record, None, None]:
    """The header, then each record."""
    reading = 0  # the line being read, for errors
    try:
        with gzip.open(path, "rb") as stream:
            reading = 1
            header = _parse_header(path, stream.readline() or None)
            yield header
            while True:
                reading += 1
                raw = stream.readline()
                if not raw:
                    return
                yield _parse_record(path, reading, raw)
    except (OSError, EOFError, zlib.error) as exc:
        # gzip raises these mid-stream for a truncated or damaged file
        problem = f"the file is damaged or truncated ({exc})"
        if isinstance(exc, FileNotFoundError | IsADirectoryError | PermissionError):
            problem = f"cannot read the file ({exc.strerror})"
        raise ExportFileError(path, reading, problem) from None


class _Checker:
    """What must hold across records: order, grouping, unique ids, counts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.counts = _zero_counts()
        self.seen: dict[str, set[str]] = {kind: set() for kind in RECORD_TYPES}
        self.kind_index = 0
        self.current_run: str | None = None
        self.last_line = 1

    def add(self, record: _Record) -> None:
        kinds = list(RECORD_TYPES)
        index = kinds.index(record.kind)
        is_node_run = record.kind == "node_run"
        # node runs belong to the run before them; otherwise types come in file order
        order_index = kinds.index("run") if is_node_run else index
        if order_index < self.kind_index:
            problem = f"a {record.kind} record comes after {kinds[self.kind_index]} records"
            self._fail(record, problem)
        self.kind_index = order_index
        if isinstance(record.doc, NodeRun) and record.doc.run_id != self.current_run:
            self._fail(record, "a node run does not follow its run")
        elif record.kind == "run":
            self.current_run = _ident(record)
        ident = _ident(record)
        if ident in self.seen[record.kind]:
            self._fail(record, f"the {record.kind} {ident!r} appears twice")
        self.seen[record.kind].add(ident)
        self.counts[RECORD_TYPES[record.kind][1]] += 1
        self.last_line = record.line

    def finish(self, header: Header) -> None:
        if self.counts != header.counts:
            missing = ", ".join(
                f"{key}: {self.counts[key]} of {header.counts[key]}"
                for key in _COUNT_KEYS
                if self.counts[key] != header.counts[key]
            )
            raise ExportFileError(
                self.path,
                self.last_line + 1,
                f"the file ends here but does not hold what its header announces ({missing}): "
                "it is truncated or was edited",
            )

    def _fail(self, record: _Record, problem: str) -> None:
        raise ExportFileError(self.path, record.line, problem)


def _ident(record: _Record) -> str:
    doc = record.doc
    if isinstance(doc, CacheEntry):
        return doc.key
    if isinstance(doc, ArtifactMeta):
        return doc.sha256
    if isinstance(doc, User):
        return doc.name
    if isinstance(doc, Operation | Graph | Run | NodeRun | Token | WorkerRecord):
        return doc.id
    raise TypeError(f"no identity for {type(doc).__name__}")  # RECORD_TYPES and this disagree


def check_export_file(path: Path) -> Header:
    """Read the whole file and check every line; return its header or raise
    :class:`ExportFileError` with the first problem's line. Blocking: run it on a thread."""
    path = Path(path)
    checker = _Checker(path)
    header: Header | None = None
    for item in _read(path):
        if isinstance(item, Header):
            header = item
        else:
            checker.add(item)
    if header is None:  # _read yields the header first or raises
        raise ExportFileError(path, 1, "the file has no header")
    checker.finish(header)
    return header


# -- import ------------------------------------------------------------------------------------


async def store_counts(store: Store) -> dict[str, int]:
    """How many documents of each kind ``store`` holds (node runs are not counted: they only
    exist with their run)."""
    counts = {
        "users": len(await store.list_users()),
        "tokens": len(await store.list_tokens()),
        "workers": len(await store.list_workers()),
        "artifacts": (await store.list_artifact_meta(limit=1)).total,
        "operations": (await store.list_operations(limit=1)).total,
        "graphs": (await store.list_graphs(limit=1)).total,
        "runs": (await store.list_runs(limit=1)).total,
        "cache_entries": (await store.list_cache_entries(limit=1)).total,
    }
    return counts


class _Inserter:
    """Writes records into the target store; a run waits for its node runs, cache entries go
    in batches."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.run: Run | None = None
        self.node_runs: list[NodeRun] = []
        self.cache: list[CacheEntry] = []

    async def add(self, kind: str, doc: BaseModel) -> None:
        if kind != "node_run":
            await self.flush_run()
        if isinstance(doc, NodeRun):
            self.node_runs.append(doc)
        elif isinstance(doc, Run):
            self.run = doc
        elif isinstance(doc, CacheEntry):
            self.cache.append(doc)
            if len(self.cache) >= _CHUNK:
                await self.flush_cache()
        elif isinstance(doc, User):
            await self.store.put_user(doc)
        elif isinstance(doc, Token):
            await self.store.put_token(doc)
        elif isinstance(doc, WorkerRecord):
            await self.store.put_worker(doc)
        elif isinstance(doc, ArtifactMeta):
            await self.store.put_artifact_meta(doc)
        elif isinstance(doc, Operation):
            await self.store.create_operation(doc)
        elif isinstance(doc, Graph):
            await self.store.create_graph(doc)

    async def flush_run(self) -> None:
        if self.run is not None:
            run, node_runs, self.run, self.node_runs = self.run, self.node_runs, None, []
            await self.store.create_run(run, node_runs)

    async def flush_cache(self) -> None:
        entries, self.cache = self.cache, []
        if entries:
            await self.store.apply(Batch(cache_entries=entries))


async def import_store(store: Store, path: Path) -> Header:
    """Load the export file ``path`` into ``store``, which must be empty; return the header.

    Raises :class:`ExportFileError` for a file that cannot be imported and :class:`Conflict` for
    a store that is not empty; in both cases the store is left as it was."""
    path = Path(path)
    header = await asyncio.to_thread(check_export_file, path)
    held = {key: n for key, n in (await store_counts(store)).items() if n}
    if held:
        what = ", ".join(f"{key.replace('_', ' ')}: {n}" for key, n in held.items())
        raise Conflict(
            f"the store {store.url} is not empty ({what}): import into a new, empty database"
        )
    records = _read(path)
    inserter = _Inserter(store)
    line = 1
    try:
        while chunk := await asyncio.to_thread(lambda: list(islice(records, _CHUNK))):
            for record in chunk:
                if isinstance(record, _Record):
                    line = record.line
                    await inserter.add(record.kind, record.doc)
        await inserter.flush_run()
        await inserter.flush_cache()
    except ExportFileError as exc:
        # the file changed after it was checked
        raise StoreError(
            f"{exc.message.removesuffix('; nothing was imported')}; the store {store.url} "
            "now holds part of the file: drop it and import again"
        ) from exc
    except PlynxError as exc:
        raise StoreError(
            f"importing {path} failed near line {line}: {exc.message} The store {store.url} "
            "now holds part of the file: drop it and import into a new, empty database"
        ) from exc
    finally:
        records.close()
    return header
