"""Attempt directories: layout, reuse, unsafe names, outputs that went missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plynx.errors import ArtifactError
from plynx.model.operation import Output
from plynx.worker.artifact_cache import ArtifactCache
from plynx.worker.workspace import WorkspacePool, safe_filename


def test_artifact_names_become_safe_file_names() -> None:
    assert safe_filename("../../etc/passwd", "in") == "passwd"
    assert safe_filename("my data (1).csv", "in") == "my_data_1_.csv"
    assert safe_filename("..", "in") == "in"
    assert safe_filename("", "in") == "in"
    assert safe_filename(".hidden", "in") == "hidden"


async def test_a_clean_directory_is_reused_a_dirty_one_removed(tmp_path: Path) -> None:
    pool = WorkspacePool(tmp_path)
    first = pool.acquire()
    paths = first.outputs([Output(name="out"), Output(name="d", type="directory")])
    assert paths["out"].is_file() and paths["d"].is_dir() and not any(first.work.iterdir())
    await pool.release(first)
    assert not first.path.exists(), "a directory output may hold a tree: not reused"

    second = pool.acquire()
    second.outputs([Output(name="out")])
    (second.path / "script.sh").write_text("true")
    await pool.release(second)
    third = pool.acquire()
    assert third.path == second.path
    assert sorted(p.name for p in third.path.iterdir()) == ["inputs", "outputs", "work"]
    assert not any((third.path / "outputs").iterdir())

    (third.work / "left-over").write_text("x")
    await pool.release(third)
    assert not third.path.exists(), "a work directory with files in it is not reused"

    fourth = pool.acquire()
    (fourth.outputs([Output(name="out")])["out"].parent / "extra").write_text("x")
    await pool.release(fourth)
    assert not fourth.path.exists(), "a file the node left next to its outputs: not reused"
    pool.clear()
    assert os.listdir(tmp_path) == []


async def test_an_output_that_went_missing_fails_the_collection(tmp_path: Path) -> None:
    pool = WorkspacePool(tmp_path / "attempts")
    (tmp_path / "attempts").mkdir()
    workspace = pool.acquire()
    outputs = [Output(name="out")]
    paths = workspace.outputs(outputs)
    paths["out"].unlink()
    paths["out"].mkdir()
    with pytest.raises(ArtifactError, match="'out' is not a file any more"):
        await workspace.collect(outputs, paths, ArtifactCache(tmp_path / "cache", None))
