"""``plynx export`` / ``plynx import``: everything a store holds moves to a store of any backend
and comes out the same; a bad file or a non-empty target changes nothing."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from contextlib import AsyncExitStack
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from plynx.errors import Conflict
from plynx.model import (
    NodeRunStatus,
    OperationStatus,
    ResourceType,
    RunStatus,
    TokenKind,
)
from plynx.model.metrics import MetricPoint
from plynx.model.sweep import Sweep
from plynx.store import Batch, Store, base, open_store, transfer
from plynx.store.transfer import ExportFileError, export_store, import_store, store_counts

from .conftest import BACKENDS, Backend
from .docs import (
    artifact,
    at,
    cache_entry,
    finished,
    graph,
    operation,
    ref,
    run,
    token,
    user,
    worker,
)

# -- a realistic store -----------------------------------------------------------------------


async def fill(store: Store) -> None:
    """Every kind of document, with the states a live store has."""
    await store.put_user(user("alice", is_admin=True))
    await store.put_user(user("bob"))
    await store.put_token(token("t1", 1))
    await store.put_token(token("t2", 2, user_name="bob", kind=TokenKind.WORKER, revoked=True))
    await store.put_worker(worker("w1"))
    await store.put_worker(worker("w2", connected=False, connected_at=None, last_seen=None))
    for text, minute in (("a", 1), ("b", 2), ("c", 2), ("d", 3)):  # b and c: equal timestamps
        await store.put_artifact_meta(artifact(text, minute, name=f"{text}.csv"))
    await store.create_operation(operation("op1", 1, status=OperationStatus.READY))
    await store.create_operation(operation("op2", 2, timeout=30.0, retries=2))
    await store.create_operation(operation("op3", 2, parent_id="op1", version=2))
    await store.create_graph(graph("g1", 1))
    await store.create_graph(graph("g2", 2, title="Ünïcode ✓ graph"))
    await store.create_graph(graph("g3", 3, deleted_at=at(4)))  # soft-deleted: exported too

    # a finished run: success, cached, failed and skipped node runs
    done, nodes = run("r-done", ["a", "b", "c", "d"], minute=3)
    done.status, done.started_at, done.finished_at, done.seq = RunStatus.FAILED, at(3), at(9), 12
    done.rerun_of = "r-old"
    a = finished(nodes[0])
    b = nodes[1].model_copy(
        update={
            "status": NodeRunStatus.CACHED,
            "cache_key": "k-b",
            "outputs": {"out": [ref("b", ResourceType.CSV)]},
            "cached_from": "nr-old",
            "cached_from_run": "r-old",
            "seq": 3,
        }
    )
    c = finished(nodes[2], NodeRunStatus.FAILED).model_copy(
        update={"error": "exit code 1\nTraceback: boom", "outputs": {}}
    )
    d = nodes[3].model_copy(update={"status": NodeRunStatus.SKIPPED, "seq": 11})
    await store.create_run(done, [a, b, c, d])

    # a half-finished run: the engine created it pending and moved it along through apply()
    live, pending = run("r-live", ["x", "y", "z", "w"], minute=4)
    await store.create_run(live, pending)
    live.status, live.started_at, live.seq = RunStatus.RUNNING, at(4), 5
    x = finished(pending[0])
    y = pending[1].model_copy(
        update={
            "status": NodeRunStatus.RUNNING,
            "attempt": 2,
            "worker_id": "w1",
            "queued_at": at(5),
            "started_at": at(6),
        }
    )
    z = pending[2].model_copy(update={"status": NodeRunStatus.QUEUED, "queued_at": at(6)})
    entries = [cache_entry(f"k{i}", minute=i // 2, run_id="r-done") for i in range(5)]
    await store.apply(Batch(runs=[live], node_runs=[x, y, z], cache_entries=entries))

    queued, untouched = run("r-queued", ["only"], minute=5)
    await store.create_run(queued, untouched)

    # metrics of two node runs, and a sweep of the finished and the live run
    await store.add_metrics(
        a, [MetricPoint(name="loss", value=v, step=i) for i, v in enumerate((3.0, 2.5))]
    )
    await store.add_metrics(a, [MetricPoint(name="acc", value=0.5)])
    await store.add_metrics(x, [MetricPoint(name="acc", value=0.75, step=1)])
    await store.create_sweep(
        Sweep(
            id="s1",
            graph_id="g1",
            axes={"lr": [0.1, 0.2]},
            combos=[{"lr": 0.1}, {"lr": 0.2}],
            run_ids=["r-done", "r-live"],
            created_at=at(6),
        )
    )


async def everything(store: Store) -> dict[str, Any]:
    """Every document of the store, as listed and as read one by one (JSON-ready)."""

    async def pages(list_page: Any) -> list[Any]:
        items: list[Any] = []
        while True:
            page = await list_page(offset=len(items), limit=3)
            items += page.items
            if len(items) >= page.total or not page.items:
                return items

    runs = await pages(partial(store.list_runs, include_deleted=True))
    graphs = await pages(partial(store.list_graphs, include_deleted=True))
    doc: dict[str, Any] = {
        "users": await store.list_users(),
        "tokens": await store.list_tokens(),
        "workers": await store.list_workers(),
        "artifacts": await pages(store.list_artifact_meta),
        "operations": await pages(store.list_operations),
        "graphs": graphs,
        "live graphs": await pages(store.list_graphs),
        "runs (listed)": runs,
        "runs": [await store.get_run(r.id) for r in runs],
        "node runs": {r.id: await store.get_node_runs(r.id) for r in runs},
        "unfinished": await store.list_unfinished_runs(),
        "cache": await pages(store.list_cache_entries),
        "operations by id": [
            await store.get_operation(o.id) for o in await pages(store.list_operations)
        ],
        "graphs by id": [await store.get_graph(g.id) for g in graphs],
        "tokens by id": [await store.get_token(t.id) for t in await store.list_tokens()],
        "metrics": {r.id: await store.get_metrics(r.id) for r in runs},
        "sweeps": await pages(store.list_sweeps),
    }
    node_runs = [nr for nrs in doc["node runs"].values() for nr in nrs]
    doc["node runs by id"] = [await store.get_node_run(nr.id) for nr in node_runs]
    doc["cache by key"] = await store.get_cache_entries([e.key for e in doc["cache"]])
    return json.loads(json.dumps(doc, default=lambda m: m.model_dump(mode="json")))


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tiny pages and chunks, so that a small store crosses every page boundary."""
    monkeypatch.setattr(base, "_PAGE", 2)  # the pager of every listing
    monkeypatch.setattr(transfer, "_CHUNK", 3)


def read_lines(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


# -- round trips -----------------------------------------------------------------------------


async def test_a_round_trip_keeps_every_document(
    backend: Backend, store: Store, tmp_path: Path
) -> None:
    await fill(store)
    before = await everything(store)
    exported = tmp_path / "store.plx"
    header = await export_store(store, exported)
    assert header.counts == {
        "users": 2,
        "tokens": 2,
        "workers": 2,
        "artifacts": 4,
        "operations": 3,
        "graphs": 3,
        "runs": 3,
        "node_runs": 9,
        "metric_series": 3,
        "cache_entries": 5,
        "sweeps": 1,
    }
    lines = read_lines(exported)
    assert lines[0]["format"] == "plynx-export" and lines[0]["version"] == 1
    assert lines[0]["counts"] == header.counts and len(lines) == 1 + sum(header.counts.values())
    assert [line["type"] for line in lines[1:3]] == ["user", "user"]
    assert "secret_hash" in next(line["doc"] for line in lines[1:] if line["type"] == "token")

    async with backend.database(tmp_path / "target") as url, open_store(url) as target:
        imported = await import_store(target, exported)
        assert imported.counts == header.counts
        assert await everything(target) == before
    assert not [p for p in os.listdir(tmp_path) if p.endswith("tmp")], "no temporary file left"


def chain_params() -> list[Any]:
    chain = ["sqlite", "postgres", "mongo", "sqlite"]
    missing = [name for name in chain if name not in BACKENDS]
    marks = (
        [pytest.mark.skip(reason=f"not in tests/store/conftest.py BACKENDS yet: {missing}")]
        if missing
        else []
    )
    return [pytest.param(chain, id="-".join(chain), marks=marks)]


@pytest.mark.parametrize("chain", chain_params())
async def test_a_chain_of_backends_loses_nothing(chain: list[str], tmp_path: Path) -> None:
    """SQLite -> PostgreSQL -> MongoDB -> SQLite, each hop through an export file."""
    async with AsyncExitStack() as stack:
        urls = [
            await stack.enter_async_context(BACKENDS[name].database(tmp_path / f"{i}-{name}"))
            for i, name in enumerate(chain)
        ]
        async with open_store(urls[0]) as first:
            await fill(first)
            expected = await everything(first)
            await export_store(first, tmp_path / "hop0.plx")
        for hop, url in enumerate(urls[1:], start=1):
            async with open_store(url) as store:
                await import_store(store, tmp_path / f"hop{hop - 1}.plx")
                assert await everything(store) == expected, f"after {chain[hop]} (hop {hop})"
                await export_store(store, tmp_path / f"hop{hop}.plx")
    first_file, last_file = read_lines(tmp_path / "hop0.plx"), read_lines(tmp_path / "hop3.plx")
    assert first_file[1:] == last_file[1:], "the same records, in the same order"


# -- refusals ---------------------------------------------------------------------------------


async def test_a_non_empty_store_is_refused_and_left_alone(
    backend: Backend, tmp_path: Path
) -> None:
    async with backend.database(tmp_path / "src") as url, open_store(url) as source:
        await fill(source)
        await export_store(source, tmp_path / "store.plx")
    async with backend.database(tmp_path / "dst") as url, open_store(url) as target:
        await target.put_user(user("carol"))
        await target.create_operation(operation("mine", 9))
        before = await everything(target)
        with pytest.raises(Conflict, match=r"is not empty \(users: 1, operations: 1\)"):
            await import_store(target, tmp_path / "store.plx")
        assert await everything(target) == before


async def exported_file(backend: Backend, tmp_path: Path) -> Path:
    path = tmp_path / "store.plx"
    async with backend.database(tmp_path / "src") as url, open_store(url) as source:
        await fill(source)
        await export_store(source, path)
    return path


async def assert_refused_and_empty(
    backend: Backend, tmp_path: Path, path: Path, match: str
) -> ExportFileError:
    async with backend.database(tmp_path / "dst") as url, open_store(url) as target:
        with pytest.raises(ExportFileError, match=match) as caught:
            await import_store(target, path)
        assert "nothing was imported" in caught.value.message
        assert set((await store_counts(target)).values()) == {0}
    return caught.value


async def test_a_truncated_file_is_refused_and_the_target_stays_empty(
    backend: Backend, tmp_path: Path
) -> None:
    path = await exported_file(backend, tmp_path)
    data = path.read_bytes()
    cut = tmp_path / "cut.plx"
    cut.write_bytes(data[: len(data) * 2 // 3])
    error = await assert_refused_and_empty(backend, tmp_path, cut, "damaged or truncated")
    assert error.line > 1

    # cut at a line boundary and compressed again: only the header's counts can tell
    lines = gzip.decompress(data).splitlines(keepends=True)
    short = tmp_path / "short.plx"
    short.write_bytes(gzip.compress(b"".join(lines[:-3])))
    await assert_refused_and_empty(
        backend,
        tmp_path,
        short,
        rf"line {len(lines) - 2}: the file ends here "
        r".*cache_entries: 3 of 5, sweeps: 0 of 1.*truncated",
    )


@pytest.mark.parametrize(
    ("line", "replacement", "match"),
    [
        (6, b"{not json\n", "line 6: the line is not JSON"),
        (6, b'{"type": "spaceship", "doc": {}}\n', "line 6: unknown record type 'spaceship'"),
        (10, b'{"type": "operation", "doc": {"id": "x"}}\n', "line 10: the operation is not valid"),
        (3, None, "line 3: the user 'alice' appears twice"),
    ],
    ids=["json", "type", "document", "duplicate"],
)
async def test_a_corrupt_line_is_named_and_nothing_is_imported(
    backend: Backend, tmp_path: Path, line: int, replacement: bytes | None, match: str
) -> None:
    path = await exported_file(backend, tmp_path)
    lines = gzip.decompress(path.read_bytes()).splitlines(keepends=True)
    lines[line - 1] = replacement if replacement is not None else lines[line - 2]
    bad = tmp_path / "bad.plx"
    bad.write_bytes(gzip.compress(b"".join(lines)))
    await assert_refused_and_empty(backend, tmp_path, bad, match)


async def test_a_node_run_away_from_its_run_is_refused(backend: Backend, tmp_path: Path) -> None:
    path = await exported_file(backend, tmp_path)
    lines = gzip.decompress(path.read_bytes()).splitlines(keepends=True)
    # the last one: moving one with metrics would first be refused for its metric series
    last_node_run = max(i for i, raw in enumerate(lines) if b'"type":"node_run"' in raw)
    moved = lines[last_node_run]
    del lines[last_node_run]
    lines.insert(len(lines) - 1, moved)
    bad = tmp_path / "bad.plx"
    bad.write_bytes(gzip.compress(b"".join(lines)))
    await assert_refused_and_empty(backend, tmp_path, bad, "comes after cache_entry records")


async def test_a_newer_format_or_schema_is_refused(backend: Backend, tmp_path: Path) -> None:
    path = await exported_file(backend, tmp_path)
    lines = gzip.decompress(path.read_bytes()).splitlines(keepends=True)
    for field, match in (("version", "format version 2"), ("schema_version", "schema version")):
        header = json.loads(lines[0])
        header[field] += 1
        newer = tmp_path / f"newer-{field}.plx"
        newer.write_bytes(gzip.compress(json.dumps(header).encode() + b"\n" + b"".join(lines[1:])))
        await assert_refused_and_empty(backend, tmp_path, newer, f"line 1: .*{match}.*upgrade")
    other = tmp_path / "other.plx"
    other.write_bytes(b"id,x\n1,2\n")
    await assert_refused_and_empty(backend, tmp_path, other, "line 1: this is not a PLynx export")


# -- the command line -------------------------------------------------------------------------


def plynx(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m plynx ARGS`` with no PLYNX_* variables but ``env``."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PLYNX_")}
    return subprocess.run(
        [sys.executable, "-m", "plynx", *args],
        cwd=cwd,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


async def test_export_and_import_commands_between_sqlite_files(tmp_path: Path) -> None:
    source, target = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    async with open_store(source) as store:
        await fill(store)
        expected = await everything(store)

    exported = plynx("export", "moved.plx", cwd=tmp_path, PLYNX_STORE=source)  # the default
    assert exported.returncode == 0, exported.stderr
    assert "node runs" in exported.stdout and "│ 9 " in exported.stdout

    imported = plynx("import", "--store", target, "moved.plx", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "cache entries" in imported.stdout and "│ 5 " in imported.stdout
    async with open_store(target) as store:
        assert await everything(store) == expected

    again = plynx("import", "--store", target, "moved.plx", cwd=tmp_path)
    assert again.returncode == 1 and "is not empty" in again.stderr
    assert "Traceback" not in again.stderr

    data = (tmp_path / "moved.plx").read_bytes()
    (tmp_path / "cut.plx").write_bytes(data[: len(data) // 2])
    fresh = f"sqlite:///{tmp_path / 'c.db'}"
    cut = plynx("import", "--store", fresh, "cut.plx", cwd=tmp_path)
    assert cut.returncode == 1 and "Traceback" not in cut.stderr
    assert "cut.plx, line" in cut.stderr and "nothing was imported" in cut.stderr
    async with open_store(fresh) as store:
        assert set((await store_counts(store)).values()) == {0}


async def test_a_metric_series_away_from_its_node_run_is_refused(
    backend: Backend, tmp_path: Path
) -> None:
    path = await exported_file(backend, tmp_path)
    lines = gzip.decompress(path.read_bytes()).splitlines(keepends=True)
    first = next(i for i, raw in enumerate(lines) if b'"type":"metric_series"' in raw)
    last_run = max(i for i, raw in enumerate(lines) if b'"type":"run"' in raw)
    lines.insert(last_run + 1, lines.pop(first))
    bad = tmp_path / "bad.plx"
    bad.write_bytes(gzip.compress(b"".join(lines)))
    await assert_refused_and_empty(
        backend, tmp_path, bad, "a metric series does not follow its node run"
    )
