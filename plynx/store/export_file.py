"""The PLynx export file: gzip-compressed JSON lines, written by :func:`plynx.store.transfer.
export_store` and read by :func:`~plynx.store.transfer.import_store`.

The first line is a header::

    {"format": "plynx-export", "version": 1, "schema_version": 1, "created": "...",
     "counts": {"users": 2, "operations": 40, "runs": 7, "node_runs": 130, ...}}

then one record per line, ``{"type": "operation", "doc": {...}}``, where ``doc`` is the
pydantic model's JSON exactly as the store returns it. Records come by type, in the order of
:data:`RECORD_TYPES`, each type oldest first; every ``run`` (the full snapshot) is directly
followed by its ``node_run`` records in the run's node order. :func:`check_export_file` checks
all of that, every document against its model, unique ids and the header's counts, and names
the line of the first problem.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

import pydantic
from pydantic import BaseModel

from plynx import __version__
from plynx.errors import InvalidInput
from plynx.model import (
    ArtifactMeta,
    AuditEvent,
    CacheEntry,
    Graph,
    NodeRun,
    Operation,
    Run,
    Token,
    User,
    WorkerRecord,
)
from plynx.model.metrics import MetricSeries
from plynx.model.sweep import Sweep
from plynx.store.base import SCHEMA_VERSION

__all__ = [
    "COUNT_KEYS",
    "FORMAT",
    "FORMAT_VERSION",
    "RECORD_TYPES",
    "ExportFileError",
    "Header",
    "Record",
    "check_export_file",
    "encode_record",
    "read_export",
    "zero_counts",
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
    "metric_series": (MetricSeries, "metric_series"),
    "cache_entry": (CacheEntry, "cache_entries"),
    "sweep": (Sweep, "sweeps"),
    "audit_event": (AuditEvent, "audit_events"),
}
COUNT_KEYS = [key for _, key in RECORD_TYPES.values()]


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


def zero_counts() -> dict[str, int]:
    """A count of 0 for every record type."""
    return dict.fromkeys(COUNT_KEYS, 0)


def encode_record(kind: str, doc: BaseModel) -> bytes:
    """The line of one record."""
    return b'{"type":"' + kind.encode() + b'","doc":' + doc.model_dump_json().encode() + b"}\n"


@dataclass(frozen=True)
class Record:
    """One record of the file and the line it is on."""

    line: int
    kind: str
    doc: BaseModel


def _parse_header(path: Path, raw: bytes | None) -> Header:
    if raw is None:
        raise ExportFileError(path, 1, "the file is empty (no header line)")
    try:
        doc = json.loads(raw)
    except ValueError as exc:
        problem = f"this is not a PLynx export (its first line is not JSON: {exc})"
        raise ExportFileError(path, 1, problem) from None
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
    unknown = sorted(set(counts) - set(COUNT_KEYS))
    if unknown or not all(isinstance(n, int) and n >= 0 for n in counts.values()):
        raise ExportFileError(path, 1, f"the header's counts are not valid ({counts})")
    full = zero_counts() | counts
    return Header(version, schema, str(doc.get("created", "")), full)


def _parse_record(path: Path, number: int, raw: bytes) -> Record:
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
        return Record(number, kind, model.model_validate(doc["doc"]))
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "document"
        problem = f"the {kind} is not valid: {where}: {first['msg']}"
        raise ExportFileError(path, number, problem) from None


def read_export(path: Path) -> Generator[Header | Record, None, None]:
    """The header, then each record, checked one by one (not across records: see
    :func:`check_export_file`). Raises :class:`ExportFileError`. Blocking."""
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
        if isinstance(exc, gzip.BadGzipFile) and reading == 1:
            problem = "this is not a PLynx export (not a gzip-compressed file)"
        elif isinstance(exc, FileNotFoundError | IsADirectoryError | PermissionError):
            problem = f"cannot read the file ({exc.strerror})"
        raise ExportFileError(path, reading, problem) from None


# Where each record type may appear: in RECORD_TYPES order, node runs mixed with the runs.
_POSITION = {kind: i for i, kind in enumerate(RECORD_TYPES)}
_POSITION["node_run"] = _POSITION["metric_series"] = _POSITION["run"]


class _Checker:
    """What must hold across records: order, grouping, unique ids, counts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.counts = zero_counts()
        self.seen: dict[str, set[str]] = {kind: set() for kind in RECORD_TYPES}
        self.position = 0
        self.current_run: str | None = None
        self.current_node_runs: set[str] = set()
        self.last_line = 1

    def add(self, record: Record) -> None:
        position = _POSITION[record.kind]
        if position < self.position:
            after = next(kind for kind, at in _POSITION.items() if at == self.position)
            self._fail(record, f"a {record.kind} record comes after {after} records")
        self.position = position
        if isinstance(record.doc, NodeRun) and record.doc.run_id != self.current_run:
            self._fail(record, "a node run does not follow its run")
        elif isinstance(record.doc, NodeRun):
            self.current_node_runs.add(record.doc.id)
        elif isinstance(record.doc, MetricSeries):
            if record.doc.node_run_id not in self.current_node_runs:
                self._fail(record, "a metric series does not follow its node run")
        elif record.kind == "run":
            self.current_run = _ident(record)
            self.current_node_runs = set()
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
                for key in COUNT_KEYS
                if self.counts[key] != header.counts[key]
            )
            raise ExportFileError(
                self.path,
                self.last_line + 1,
                f"the file ends here but does not hold what its header announces ({missing}): "
                "it is truncated or was edited",
            )

    def _fail(self, record: Record, problem: str) -> None:
        raise ExportFileError(self.path, record.line, problem)


def _ident(record: Record) -> str:
    doc = record.doc
    if isinstance(doc, CacheEntry):
        return doc.key
    if isinstance(doc, ArtifactMeta):
        return doc.sha256
    if isinstance(doc, User):
        return doc.name
    if isinstance(doc, MetricSeries):
        return f"{doc.node_run_id}/{doc.name}"
    if isinstance(
        doc, Operation | Graph | Run | NodeRun | Token | WorkerRecord | Sweep | AuditEvent
    ):
        return doc.id
    raise TypeError(f"no identity for {type(doc).__name__}")  # RECORD_TYPES and this disagree


def check_export_file(path: Path) -> Header:
    """Read the whole file and check every line; return its header or raise
    :class:`ExportFileError` with the first problem's line. Blocking: run it on a thread."""
    path = Path(path)
    checker = _Checker(path)
    header: Header | None = None
    for item in read_export(path):
        if isinstance(item, Header):
            header = item
        else:
            checker.add(item)
    if header is None:  # read_export yields the header first or raises
        raise ExportFileError(path, 1, "the file has no header")
    checker.finish(header)
    return header
