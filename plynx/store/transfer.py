"""Moving everything a store holds to another store, of any backend, through a portable file
(the format is described in :mod:`plynx.store.export_file`).

:func:`export_store` pages through the store's listings (oldest first, so listings with equal
timestamps keep their order after an import) and holds at most one run and its node runs in
memory. It writes a temporary file beside the target and renames it at the end, so an
interrupted export leaves no half file. Export a store nobody writes to (stop its server):
paging does not see a consistent snapshot of a store that changes meanwhile. Tokens keep their
argon2 hashes: a token works in the new store as it did in the old one.

:func:`import_store` reads the file twice: once to check every line, then, only if all is well
and the target store is empty, to insert through the :class:`~plynx.store.Store` API. A corrupt,
truncated or newer file is refused with the line number and nothing is imported.
"""

from __future__ import annotations

import asyncio
import gzip
import os
import shutil
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

from pydantic import BaseModel

from plynx.errors import Conflict, InvalidInput, PlynxError, StoreError
from plynx.model import (
    ArtifactMeta,
    CacheEntry,
    Graph,
    NodeRun,
    Operation,
    Run,
    Token,
    User,
    WorkerRecord,
)
from plynx.model.metrics import MetricPoint, MetricSeries
from plynx.model.sweep import Sweep
from plynx.store.base import Batch, Store, oldest_first
from plynx.store.export_file import (
    FORMAT_VERSION,
    RECORD_TYPES,
    ExportFileError,
    Header,
    Record,
    check_export_file,
    encode_record,
    read_export,
    zero_counts,
)

__all__ = ["ExportFileError", "Header", "export_store", "import_store", "store_counts"]

_CHUNK = 500  # lines per thread hop; cache entries per apply() while importing


class _Writer:
    """Record lines into a gzip file, written on a thread a batch at a time."""

    def __init__(self, stream: gzip.GzipFile) -> None:
        self._stream = stream
        self._lines: list[bytes] = []
        self.counts = zero_counts()

    async def add(self, kind: str, doc: BaseModel) -> None:
        self._lines.append(encode_record(kind, doc))
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
    async for meta in oldest_first(lambda o, n: store.list_artifact_meta(offset=o, limit=n)):
        await writer.add("artifact", meta)
    async for operation in oldest_first(lambda o, n: store.list_operations(offset=o, limit=n)):
        await writer.add("operation", operation)
    async for graph in oldest_first(
        lambda o, n: store.list_graphs(include_deleted=True, offset=o, limit=n)
    ):
        await writer.add("graph", graph)
    async for listed in oldest_first(
        lambda o, n: store.list_runs(include_deleted=True, offset=o, limit=n)
    ):
        # a listed run lacks its graph's nodes and edges: read the whole snapshot
        await writer.add("run", await store.get_run(listed.id))
        for node_run in await store.get_node_runs(listed.id):
            await writer.add("node_run", node_run)
        for series in await store.get_metrics(listed.id):
            await writer.add("metric_series", series)
    async for entry in oldest_first(lambda o, n: store.list_cache_entries(offset=o, limit=n)):
        await writer.add("cache_entry", entry)
    async for sweep in oldest_first(lambda o, n: store.list_sweeps(offset=o, limit=n)):
        await writer.add("sweep", sweep)
    await writer.flush()


async def export_store(store: Store, path: Path) -> Header:
    """Write everything ``store`` holds to the export file ``path``; return its header.

    Records go to a temporary gzip member first; the header, which counts them, is written as
    a first member in front of it (gzip readers read concatenated members as one stream)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise InvalidInput(f"cannot write the export file {path}: no directory {path.parent}")
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
        "graphs": (await store.list_graphs(include_deleted=True, limit=1)).total,
        "runs": (await store.list_runs(include_deleted=True, limit=1)).total,
        "cache_entries": (await store.list_cache_entries(limit=1)).total,
        "sweeps": (await store.list_sweeps(limit=1)).total,
    }
    return counts


class _Inserter:
    """Writes records into the target store; a run waits for its node runs, cache entries go
    in batches."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.run: Run | None = None
        self.node_runs: list[NodeRun] = []
        self.stored: dict[str, NodeRun] = {}  # node runs of the last run stored, for metrics
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
        elif isinstance(doc, MetricSeries):
            points = [
                MetricPoint(name=doc.name, value=value, step=step)
                for step, value in zip(doc.steps, doc.values, strict=True)
            ]
            await self.store.add_metrics(self.stored[doc.node_run_id], points)
        elif isinstance(doc, Sweep):
            await self.store.create_sweep(doc)

    async def flush_run(self) -> None:
        if self.run is not None:
            run, node_runs, self.run, self.node_runs = self.run, self.node_runs, None, []
            await self.store.create_run(run, node_runs)
            self.stored = {nr.id: nr for nr in node_runs}

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
    records = read_export(path)
    inserter = _Inserter(store)
    line = 1
    try:
        while chunk := await asyncio.to_thread(lambda: list(islice(records, _CHUNK))):
            for record in chunk:
                if isinstance(record, Record):
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
