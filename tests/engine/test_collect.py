"""Artifact garbage collection keeps whatever a document refers to, even only by its text."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from plynx.artifacts.local import LocalArtifactStore
from plynx.engine.collect import collect_artifacts
from plynx.model import (
    ArtifactMeta,
    ArtifactRef,
    CacheEntry,
    Graph,
    Node,
    NodeRun,
    Operation,
    Run,
    RunStatus,
)
from plynx.model.operation import Input
from plynx.model.values import value_bytes, value_ref
from plynx.store import Batch, open_store


async def _put(artifacts: LocalArtifactStore, data: bytes) -> str:
    async def chunks() -> AsyncIterator[bytes]:
        yield data

    return (await artifacts.put(chunks()))[0]


async def test_a_value_in_a_stored_graph_keeps_its_artifact(tmp_path: Path) -> None:
    artifacts = LocalArtifactStore(tmp_path / "artifacts", fsync=False)
    await artifacts.open()
    old = datetime.now(UTC) - timedelta(days=30)
    op = Operation(kind="bash_jinja2", inputs=[Input(name="note", type="text")])
    graph = Graph(id="g1", nodes=[Node(id="n", operation=op, values={"note": "keep me"})])
    kept = await _put(artifacts, value_bytes("keep me"))
    assert kept == value_ref(op.inputs[0], "keep me").sha256
    dropped = await _put(artifacts, b"nobody's")
    async with open_store(f"sqlite:///{tmp_path / 'plynx.db'}") as store:
        await store.create_graph(graph)
        for sha256 in (kept, dropped):
            await store.put_artifact_meta(ArtifactMeta(sha256=sha256, size=1, created_at=old))
        done = await collect_artifacts(store, artifacts, older_than=timedelta(days=1))
        assert (done.artifacts, done.referenced, done.removed) == (2, 1, 1)
        assert [m.sha256 for m in (await store.list_artifact_meta()).items] == [kept]
    assert await artifacts.exists(kept) and not await artifacts.exists(dropped)


async def test_artifacts_only_a_deleted_run_refers_to_are_collected(tmp_path: Path) -> None:
    """A deleted run's outputs go, unless a cache entry or a run still alive refers to them."""
    artifacts = LocalArtifactStore(tmp_path / "artifacts", fsync=False)
    await artifacts.open()
    old = datetime.now(UTC) - timedelta(days=30)
    shas = {name: await _put(artifacts, name.encode()) for name in ("gone", "cached", "reused")}

    def output(name: str) -> dict[str, list[ArtifactRef]]:
        return {"out": [ArtifactRef(sha256=shas[name], size=len(name))]}

    async with open_store(f"sqlite:///{tmp_path / 'plynx.db'}") as store:
        runs: list[Run] = []
        for run_id, outs in (("deleted", ["gone", "cached", "reused"]), ("alive", ["reused"])):
            run = Run(id=run_id, graph=Graph(), created_at=old, status=RunStatus.SUCCESS)
            node_runs = [
                NodeRun(id=f"{run_id}-{name}", run_id=run_id, node_id=name, kind="python")
                for name in outs
            ]
            await store.create_run(run, [])
            await store.apply(
                Batch(
                    runs=[run],
                    node_runs=[
                        nr.model_copy(update={"outputs": output(nr.node_id)}) for nr in node_runs
                    ],
                )
            )
            runs.append(run)
        entry = CacheEntry(
            key="k",
            outputs=output("cached"),
            node_run_id="deleted-cached",
            run_id="deleted",
            created_at=old,
        )
        await store.apply(Batch(cache_entries=[entry]))
        for sha256 in shas.values():
            await store.put_artifact_meta(ArtifactMeta(sha256=sha256, size=1, created_at=old))

        done = await collect_artifacts(store, artifacts, older_than=timedelta(0), dry_run=True)
        assert (done.referenced, done.removed) == (3, 0)  # while the run is not deleted
        deleted = runs[0].model_copy(update={"deleted_at": datetime.now(UTC)})
        await store.apply(Batch(runs=[deleted]))
        done = await collect_artifacts(store, artifacts, older_than=timedelta(0))
        assert (done.referenced, done.removed) == (2, 1)
    assert not await artifacts.exists(shas["gone"])
    assert await artifacts.exists(shas["cached"]) and await artifacts.exists(shas["reused"])
