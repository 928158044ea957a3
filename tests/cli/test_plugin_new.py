"""``plynx plugin new``: the written plugin loads and passes its own tests at once.

Installing it with pip would change the test environment, so the test installs it the way pip
does for the interpreter: its package and a ``.dist-info`` with the pyproject's entry points on
``PYTHONPATH``, which the worker processes inherit."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from plynx.cli.main import cli


def _install_on_path(plugin: Path, site: Path) -> None:
    project = tomllib.loads((plugin / "pyproject.toml").read_text())["project"]
    dist = site / f"{project['name']}-{project['version']}.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    )
    lines = []
    for group, entries in project["entry-points"].items():
        lines.append(f"[{group}]")
        lines.extend(f"{name} = {value}" for name, value in entries.items())
    (dist / "entry_points.txt").write_text("\n".join(lines) + "\n")


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_a_new_plugin_passes_its_own_tests(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["plugin", "new", "demo", "--resource-type", "memo", "--dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "pip install -e" in result.output
    plugin = tmp_path / "demo"
    assert {p.name for p in plugin.iterdir()} >= {
        "pyproject.toml",
        "README.md",
        "plynx_demo",
        "examples",
        "tests",
    }
    site = tmp_path / "site"
    _install_on_path(plugin, site)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(plugin), str(site)])}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(plugin)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=170,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "4 passed" in run.stdout


def test_an_existing_directory_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "demo").mkdir()
    result = CliRunner().invoke(cli, ["plugin", "new", "demo", "--dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert not any((tmp_path / "demo").iterdir())
