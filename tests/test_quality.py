"""The code stays as STYLE.md asks: ruff's lint and format clean everywhere, mypy strict clean
on the package (CI runs the suite: these guard every change)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINTED = ["plynx", "tests", "benchmarks", "plugins"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", *args]
    return subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("check", [("check",), ("format", "--check")], ids=["lint", "format"])
def test_ruff_is_clean(check: tuple[str, ...]) -> None:
    result = _run("ruff", *check, "--no-cache", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean_on_the_package(tmp_path: Path) -> None:
    result = _run("mypy", "--cache-dir", str(tmp_path / "mypy"))  # the package, from pyproject
    assert result.returncode == 0, result.stdout + result.stderr
