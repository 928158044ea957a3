"""What a user reads through the API when a node fails: a real server, real worker process."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from e2e.conftest import Cluster, bash, running_cluster  # tests/ is on the path

from .test_isolation import git

pytestmark = pytest.mark.slow


@pytest.fixture
async def repo_cluster() -> AsyncIterator[tuple[Cluster, Path]]:
    """A server whose data directory (and its worker's work directory) sit in a git checkout
    with uncommitted work."""
    root = Path(tempfile.mkdtemp(prefix="plynx-repo-"))
    try:
        git(root, "init", "-q")
        (root / "notes.txt").write_text("committed\n")
        git(root, "add", "notes.txt")
        git(root, "commit", "-q", "-m", "first")
        (root / "notes.txt").write_text("committed\nuncommitted work\n")
        async with running_cluster(None, root / ".plynx") as cluster:
            yield cluster, root
    finally:
        shutil.rmtree(root, ignore_errors=True)


async def test_failed_and_timed_out_nodes_say_why_and_git_cannot_reach_the_users_repository(
    repo_cluster: tuple[Cluster, Path],
) -> None:
    cluster, repo = repo_cluster
    upstream = repo / ".plynx" / "upstream"
    upstream.mkdir(parents=True)
    git(upstream, "init", "-q")
    git(upstream, "commit", "-q", "--allow-empty", "-m", "first")
    cluster.start_worker(work=repo / ".plynx" / "worker")
    doc = {
        "operations": {
            "bad": bash(
                "echo 'loading config'\n"
                "echo 'config.yaml: no such key lr' >&2\necho 'giving up' >&2\nexit 3"
            ),
            "slow": bash("echo 'waiting for the GPU' >&2\nsleep 60", timeout=1),
            "checkout": {
                "kind": "bash_jinja2",
                "code": f"git clone -q {upstream} {{{{ outputs.dir }}}}\ngit reset -q --hard\n",
                "outputs": {"dir": "directory"},
            },
        },
        "nodes": {n: {"operation": n} for n in ("bad", "slow", "checkout")},
    }
    detail = await cluster.wait_run(await cluster.submit(doc))
    errors = {n["node_id"]: n["error"] for n in detail["node_runs"]}
    assert "exit code 3" in errors["bad"]
    assert errors["bad"].endswith("config.yaml: no such key lr\ngiving up")
    assert "timed out after 1s" in errors["slow"]
    assert errors["slow"].endswith("waiting for the GPU")
    assert "not a git repository (or any of the parent directories): .git" in errors["checkout"]
    assert (repo / "notes.txt").read_text() == "committed\nuncommitted work\n"
    assert " M notes.txt" in git(repo, "status", "--porcelain")
