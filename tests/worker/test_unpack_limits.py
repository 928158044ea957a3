"""A directory input is unpacked within the worker's limits (``WorkerConfig.unpack_limits``,
from the settings ``max_unpack_bytes`` and ``max_unpack_entries``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from plynx.artifacts.archive import UnpackLimits, pack_directory
from plynx.errors import ArtifactError
from plynx.model import ArtifactRef, ResourceType
from plynx.settings import load_settings
from plynx.worker.artifact_cache import ArtifactCache
from plynx.worker.config import WorkerConfig
from plynx.worker.workspace import WorkspacePool


async def test_a_directory_input_past_the_limits_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(5):
        (src / f"f{i}").write_text("x")
    cache = ArtifactCache(tmp_path / "cache", None)
    archive = tmp_path / "dir.tar"
    pack_directory(src, archive)
    sha256 = hashlib.sha256(archive.read_bytes()).hexdigest()
    cache.path(sha256).parent.mkdir(parents=True, exist_ok=True)
    archive.rename(cache.path(sha256))
    ref = ArtifactRef(sha256=sha256, size=1, type=ResourceType.DIRECTORY, name="d")

    (tmp_path / "attempts").mkdir()
    strict = WorkspacePool(tmp_path / "attempts", unpack_limits=UnpackLimits(max_entries=3))
    with pytest.raises(ArtifactError, match="more than 3 entries"):
        await strict.acquire().inputs({"d": [ref]}, cache)
    paths = await WorkspacePool(tmp_path / "attempts").acquire().inputs({"d": [ref]}, cache)
    assert len(list(paths["d"][0].iterdir())) == 5


def test_the_settings_reach_the_worker_config() -> None:
    settings = load_settings(environ={"PLYNX_MAX_UNPACK_ENTRIES": "7"})
    config = WorkerConfig(server="http://127.0.0.1:1", unpack_limits=settings.unpack_limits)
    assert config.unpack_limits.max_entries == 7
    assert config.unpack_limits.max_bytes == UnpackLimits().max_bytes
