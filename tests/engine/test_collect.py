"""Artifact garbage collection keeps whatever a document refers to, even only by its text."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from plynx.artifacts.local import LocalArtifactStore
from plynx.engine.collect import collect_artifacts
from plynx.model import ArtifactMeta, Graph, Node, Operation
from plynx.model.operation import Input
from plynx.model.values import value_bytes, value_ref
from plynx.store import open_store


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
