"""``plynx cache``, ``plynx users`` and ``plynx examples``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import Plynx


@pytest.mark.slow
def test_cache_clear_makes_the_next_run_execute_again(plynx: Plynx) -> None:
    data = ["--data-dir", str(plynx.data_dir)]
    assert plynx.run("example:hello").returncode == 0
    cached = json.loads(plynx.run("example:hello", "--json").stdout)
    assert {nr["status"] for nr in cached["node_runs"]} == {"cached"}
    cleared = plynx("cache", "clear", *data)
    assert cleared.returncode == 0 and "2 cache entries deleted" in cleared.stdout
    again = json.loads(plynx.run("example:hello", "--json").stdout)
    assert {nr["status"] for nr in again["node_runs"]} == {"success"}


def test_users_add_and_list(plynx: Plynx) -> None:
    data = ["--data-dir", str(plynx.data_dir)]
    assert plynx("users", "add", "bob", "--admin", *data).returncode == 0
    duplicate = plynx("users", "add", "bob", *data)
    assert duplicate.returncode != 0 and "already exists" in duplicate.stderr
    listed = plynx("users", "list", *data)
    assert "bob" in listed.stdout and "admin" in listed.stdout


def test_examples_are_listed_and_copied(plynx: Plynx, tmp_path: Path) -> None:
    listed = plynx("examples")
    for name in ("git_split", "data_pipeline", "composite"):
        assert name in listed.stdout
    copied = plynx("examples", "--copy", str(tmp_path / "mine"))
    assert copied.returncode == 0
    assert (tmp_path / "mine" / "data_pipeline.yaml").is_file()
    assert (tmp_path / "mine" / "data" / "measurements.csv").is_file()


def test_a_bad_configuration_is_one_clear_error(plynx: Plynx) -> None:
    config = plynx.cwd / "bad.toml"
    config.write_text("[plynx]\nprot = 1\n")
    result = plynx("--config", str(config), "token", "list")
    assert result.returncode == 2
    assert "unknown setting 'prot'" in result.stderr
    assert "Traceback" not in result.stderr
