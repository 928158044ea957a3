"""What the README and the default configuration promise."""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from plynx.settings import Settings, load_settings

from .conftest import Plynx

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def _commands(text: str) -> list[str]:
    """The lines of the README's plain fenced blocks."""
    blocks = re.findall(r"^```\n(.*?)^```", text, re.M | re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_one_line_installs_and_starts_and_one_line_runs_the_tests() -> None:
    lines = _commands(README)
    starts = [line for line in lines if "pip install" in line and "plynx local" in line]
    tests = [line for line in lines if "pip install" in line and "pytest" in line]
    assert starts == ["python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/plynx local"]
    assert len(tests) == 1
    assert tests[0] in (ROOT / ".ci" / "run").read_text()  # CI runs exactly the README's line


@pytest.mark.slow
def test_the_readme_graph_file_runs(plynx: Plynx) -> None:
    [document] = re.findall(r"^```yaml\n(.*?)^```", README, re.M | re.S)
    (plynx.cwd / "graph.yaml").write_text(document)
    (plynx.cwd / "data.csv").write_text("id,x\n" + "".join(f"{i},{i * i}\n" for i in range(20)))
    result = plynx.run(plynx.cwd / "graph.yaml")
    assert result.returncode == 0, result.stderr + result.stdout


def test_the_default_configuration_documents_every_setting_with_its_default() -> None:
    path = ROOT / "config" / "plynx.toml"
    assert load_settings(path, environ={}) == Settings()  # everything is commented out
    uncommented = re.sub(r"(?m)^# ([a-z_]+ = )", r"\1", path.read_text())
    documented = tomllib.loads(uncommented)["plynx"]
    assert sorted(documented) == sorted(f.name for f in fields(Settings))
    shown = load_settings(None, environ={}, **documented)
    for f in fields(Settings):
        if f.name not in ("static_dir", "data_dir"):
            assert getattr(shown, f.name) == getattr(Settings(), f.name), f.name
