"""Nodes cannot touch what surrounds the worker: no repository around the work directory."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from plynx.errors import InvalidInput
from plynx.protocol import Result
from plynx.worker.config import default_work_dir

from .conftest import StartWorker, dispatch
from .fake_server import FakeServer
from .helpers import until

#: The gist of the original documentation's "Git - checkout directory" operation: the clone
#: goes into the output, and ``git reset --hard`` then runs in the current directory, outside it.
CHECKOUT = "git clone -q {{ params.repo }} {{ outputs.dir }}\ngit reset -q --hard\n"
PY_CHECKOUT = (
    "import subprocess, sys\n"
    "subprocess.run(['git', 'clone', '-q', params['repo'], outputs['dir']], check=True)\n"
    "sys.exit(subprocess.run(['git', 'reset', '-q', '--hard']).returncode)\n"
)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def repos() -> Iterator[tuple[Path, Path]]:
    """``(user's checkout with uncommitted work, upstream to clone)``."""
    root = Path(tempfile.mkdtemp(prefix="plynx-git-"))
    checkout, upstream = root / "project", root / "upstream"
    for repo in (checkout, upstream):
        repo.mkdir()
        git(repo, "init", "-q")
        (repo / "notes.txt").write_text("committed\n")
        git(repo, "add", "notes.txt")
        git(repo, "commit", "-q", "-m", "first")
    (checkout / "notes.txt").write_text("committed\nuncommitted work\n")
    yield checkout, upstream
    shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize(
    ("kind", "code"), [("bash_jinja2", CHECKOUT), ("python", PY_CHECKOUT)], ids=["bash", "python"]
)
async def test_git_outside_its_clone_fails_and_leaves_the_enclosing_repository_alone(
    fake: FakeServer,
    start_worker: StartWorker,
    repos: tuple[Path, Path],
    kind: str,
    code: str,
) -> None:
    checkout, upstream = repos
    # the worst case: the user put the worker's directory inside their own checkout
    start_worker(work_dir=checkout / ".plynx" / "worker")
    await until(fake.connected.is_set, 10)
    await fake.send(
        dispatch(code, kind=kind, outputs={"dir": "directory"}, params={"repo": str(upstream)})
    )
    result = await fake.next(Result)
    assert (result.status, result.exit_code) == ("failed", 128)
    assert result.error is not None
    assert "fatal: not a git repository (or any of the parent directories): .git" in result.error
    assert (checkout / "notes.txt").read_text() == "committed\nuncommitted work\n"
    assert " M notes.txt" in git(checkout, "status", "--porcelain")


def test_the_default_work_directory_is_a_private_one_under_the_system_temp_dir(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="plynx-tmp-"))
    try:
        monkeypatch.setenv("TMPDIR", str(tmp))
        monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
        path = default_work_dir()
        assert path == tmp / f"plynx-{os.getuid()}" / "worker"
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700

        # a directory someone else made (here: a symlink planted there) is refused
        shutil.rmtree(path.parent)
        (tmp / "elsewhere").mkdir()
        path.parent.symlink_to(tmp / "elsewhere")
        with pytest.raises(InvalidInput, match="not a directory of this user's own"):
            default_work_dir()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
