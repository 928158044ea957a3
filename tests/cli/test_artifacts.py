"""``plynx artifacts gc``: what nothing refers to goes, everything in use stays."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

from plynx.artifacts import open_artifact_store
from plynx.model import ArtifactMeta
from plynx.store import open_store

from .conftest import Plynx


async def _orphan(plynx: Plynx, data: bytes, age: timedelta) -> str:
    """Store an artifact nothing refers to, recorded ``age`` ago; its sha256."""
    artifacts = open_artifact_store(str(plynx.data_dir / "artifacts"))
    await artifacts.open()

    async def chunks() -> AsyncIterator[bytes]:
        yield data

    sha256, size = await artifacts.put(chunks())
    async with open_store(f"sqlite:///{plynx.data_dir / 'plynx.db'}") as store:
        meta = ArtifactMeta(sha256=sha256, size=size, created_at=datetime.now(UTC) - age)
        await store.put_artifact_meta(meta)
    return sha256


def test_gc_removes_only_old_artifacts_nothing_refers_to(plynx: Plynx) -> None:
    data = ["--data-dir", str(plynx.data_dir)]
    first = json.loads(plynx.run("example:data_pipeline", "--json").stdout)
    outputs = [
        ref["sha256"]
        for nr in first["node_runs"]
        for refs in nr["outputs"].values()
        for ref in refs
    ]
    files = [nr for nr in first["node_runs"] if nr["kind"] == "file"]
    assert outputs and files, "the example has an uploaded file and outputs"
    old = asyncio.run(_orphan(plynx, b"left over from a deleted experiment", timedelta(days=3)))
    new = asyncio.run(_orphan(plynx, b"uploaded a minute ago", timedelta(minutes=1)))
    stored = plynx.data_dir / "artifacts"

    def kept(sha256: str) -> bool:
        return (stored / sha256[:2] / sha256).is_file()

    dry = plynx("artifacts", "gc", "--dry-run", *data)
    assert dry.returncode == 0, dry.stderr
    assert "would remove 1 " in dry.stdout and kept(old)

    done = plynx("artifacts", "gc", *data)
    assert done.returncode == 0, done.stderr
    assert "removed 1 " in done.stdout and "1 newer than 1d" in done.stdout
    assert not kept(old) and kept(new) and all(kept(sha) for sha in outputs)

    again = json.loads(plynx.run("example:data_pipeline", "--json").stdout)
    statuses = {nr["status"] for nr in again["node_runs"] if nr["kind"] != "file"}
    assert statuses == {"cached"}, "the results survive and are reused"
    later = plynx("artifacts", "gc", "--older-than", "0", *data)
    assert "removed 1 " in later.stdout and not kept(new) and all(kept(s) for s in outputs)

    bad = plynx("artifacts", "gc", "--older-than", "soon", *data)
    assert bad.returncode == 2 and "e.g. 30m" in bad.stderr
