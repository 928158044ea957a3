"""The SDK's documentation works: every ``python`` block of the README and of ``docs/`` runs
as a script, ``docs/sdk.md`` documents exactly the public names, the shipped example runs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import plynx
import plynx.sdk

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCKS = [
    pytest.param(block, id=f"{path.name}-{index}")
    for path in DOCS
    for index, block in enumerate(
        re.findall(r"^```python\n(.*?)^```", path.read_text(), re.M | re.S)
    )
]


def _run_script(tmp_path: Path, code: str | None, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` as a script (or ``python ARGS``) in ``tmp_path``, which is also ``HOME``,
    with the embedded PLynx's data in ``tmp_path / "data"``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLYNX_")}
    env.update(HOME=str(tmp_path), PLYNX_DATA_DIR=str(tmp_path / "data"), PYTHONUNBUFFERED="1")
    if code is not None:
        script = tmp_path / "script.py"
        script.write_text(code)
        args = (str(script), *args)
    return subprocess.run(
        [sys.executable, *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=100,
        check=False,
    )


def test_the_docs_have_python_blocks() -> None:
    assert {p.values[0].count("import plynx") for p in BLOCKS} == {1}
    assert len(BLOCKS) >= 2


@pytest.mark.slow
@pytest.mark.parametrize("block", BLOCKS)
def test_every_python_block_of_the_docs_runs(tmp_path: Path, block: str) -> None:
    result = _run_script(tmp_path, block)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.slow
def test_the_readme_sdk_example_prints_its_result_and_writes_the_graph_file(
    tmp_path: Path,
) -> None:
    [block] = [b for b in BLOCKS if "Split and count" in b.values[0]]
    result = _run_script(tmp_path, block.values[0])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "16"
    assert "4/4" in result.stderr  # the progress of run.wait()
    written = plynx.Graph.from_file(tmp_path / "split.yaml")
    assert [n.id for n in written.model.nodes] == ["data", "split", "count_train", "count_test"]


@pytest.mark.slow
def test_the_shipped_sdk_example_runs(tmp_path: Path) -> None:
    result = _run_script(tmp_path, None, "-m", "plynx.examples.sdk_pipeline")
    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout)) == {"alpha", "beta", "gamma"}


def test_the_reference_documents_exactly_the_public_names() -> None:
    text = (ROOT / "docs" / "sdk.md").read_text()
    documented = re.findall(r"^### `plynx\.(\w+)`", text, re.M)
    assert sorted(documented) == sorted(plynx.sdk.__all__)
    assert sorted(n for n in plynx.__all__ if n != "__version__") == sorted(plynx.sdk.__all__)


@pytest.mark.slow
def test_a_script_whose_run_fails_ends_with_the_error_and_a_clean_shutdown(
    tmp_path: Path,
) -> None:
    script = """
import plynx

@plynx.operation()
def explode(out: plynx.Output, n: int = 1):
    raise ValueError(f"bad n={n}")

with plynx.Graph("boom") as g:
    explode(n=3)
g.run().wait()
"""
    result = _run_script(tmp_path, script)
    assert result.returncode == 1
    assert "plynx.sdk.run.RunFailed: run " in result.stderr
    assert "ValueError: bad n=3" in result.stderr
    # the embedded server and its workers stopped in order before the interpreter did
    assert "Exception ignored" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr.rsplit("ValueError: bad n=3", 1)[1]
