"""A relative ``--data-dir`` means the same directory for the database and the artifacts."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

from plynx.settings import load_settings

from .conftest import Plynx


def test_relative_paths_are_resolved_once_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(environ={}, data_dir="rel/data", artifacts="rel/art")
    assert settings.store_url == f"sqlite:///{tmp_path}/rel/data/plynx.db"
    assert settings.artifacts_url == f"{tmp_path}/rel/art"
    os.chdir("/")  # later changes of directory change nothing
    assert settings.store_url == f"sqlite:///{tmp_path}/rel/data/plynx.db"
    assert load_settings(environ={}, artifacts="s3://bucket/x").artifacts_url == "s3://bucket/x"


def test_a_relative_data_dir_keeps_the_database_inside_it(plynx: Plynx) -> None:
    name = f"relative-data-{uuid.uuid4().hex[:8]}"
    try:
        done = plynx("users", "add", "ann", "--data-dir", name)
        assert done.returncode == 0, done.stderr
        assert (plynx.cwd / name / "plynx.db").is_file()
        assert not (Path("/") / name).exists()
        assert "ann" in plynx("users", "list", "--data-dir", name).stdout
    finally:  # where the bug put it
        shutil.rmtree(Path("/") / name, ignore_errors=True)
