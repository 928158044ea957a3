"""Node logs: appends, reads from an offset, many open files, bad ids."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from plynx.artifacts.logs import LogStore
from plynx.errors import ArtifactError


@pytest.fixture
async def logs(tmp_path: Path) -> AsyncIterator[LogStore]:
    """A log store that keeps at most 4 files open."""
    store = LogStore(tmp_path / "logs", max_open=4)
    yield store
    await store.close()


def new_id() -> str:
    return uuid.uuid4().hex


async def test_appends_are_read_back_in_order(logs: LogStore) -> None:
    nr = new_id()
    for i in range(100):
        await logs.append(nr, "stdout", f"line {i}\n")
    text, offset = await logs.read(nr, "stdout")
    assert text == "".join(f"line {i}\n" for i in range(100))
    assert offset == len(text.encode()) == await logs.size(nr, "stdout")
    assert (await logs.read(nr, "stderr")) == ("", 0)


async def test_a_file_per_node_run_and_stream(logs: LogStore, tmp_path: Path) -> None:
    nr = new_id()
    await logs.append(nr, "stdout", "out")
    await logs.append(nr, "stderr", "err")
    assert (tmp_path / "logs" / nr[:2] / f"{nr}.stdout.log").read_text() == "out"
    assert (tmp_path / "logs" / nr[:2] / f"{nr}.stderr.log").read_text() == "err"


async def test_reading_on_from_an_offset(logs: LogStore) -> None:
    nr = new_id()
    await logs.append(nr, "stdout", "hello ")
    _, offset = await logs.read(nr, "stdout")
    await logs.append(nr, "stdout", "world\n")
    assert await logs.read(nr, "stdout", offset) == ("world\n", 12)
    assert await logs.read(nr, "stdout", 12) == ("", 12)
    assert await logs.read(nr, "stdout", 0, limit=5) == ("hello", 5)
    assert await logs.read(nr, "stdout", 100) == ("", 100)


async def test_a_limit_never_splits_a_character(logs: LogStore) -> None:
    nr = new_id()
    await logs.append(nr, "stdout", "añb€c")  # 1 + 2 + 1 + 3 + 1 bytes
    parts, offset = [], 0
    while offset < await logs.size(nr, "stdout"):
        text, offset = await logs.read(nr, "stdout", offset, limit=2)
        parts.append(text)
    assert "".join(parts) == "añb€c"
    assert "\ufffd" not in "".join(parts)


async def test_invalid_bytes_are_replaced_not_fatal(logs: LogStore) -> None:
    nr = new_id()
    logs.path(nr, "stdout").parent.mkdir(parents=True)
    logs.path(nr, "stdout").write_bytes(b"ok \xff\xfe end")
    text, offset = await logs.read(nr, "stdout")
    assert text == "ok \ufffd\ufffd end" and offset == 9


async def test_more_logs_than_open_handles(logs: LogStore) -> None:
    ids = [new_id() for _ in range(10)]
    for round_ in range(3):
        await asyncio.gather(*(logs.append(nr, "stderr", f"{round_}") for nr in ids))
    assert len(logs._handles) <= logs.max_open
    for nr in ids:
        assert await logs.read(nr, "stderr") == ("012", 3)


async def test_appending_after_close_reopens(logs: LogStore) -> None:
    nr = new_id()
    await logs.append(nr, "stdout", "a")
    await logs.close()
    await logs.append(nr, "stdout", "b")
    assert await logs.read(nr, "stdout") == ("ab", 2)


@pytest.mark.parametrize(
    "bad_id", ["../../etc/passwd", "ABCDEF" + "0" * 26, "0" * 31, "0" * 33, "", "0" * 31 + "/"]
)
async def test_only_node_run_ids_name_logs(logs: LogStore, bad_id: str) -> None:
    with pytest.raises(ArtifactError, match="not a node run id"):
        await logs.append(bad_id, "stdout", "x")
    with pytest.raises(ArtifactError, match="not a node run id"):
        await logs.read(bad_id, "stdout")
    with pytest.raises(ArtifactError, match="not a node run id"):
        await logs.size(bad_id, "stdout")


async def test_only_known_streams(logs: LogStore) -> None:
    with pytest.raises(ArtifactError, match="stdout or stderr"):
        await logs.append(new_id(), "../x", "x")


async def test_missing_logs_are_empty(logs: LogStore) -> None:
    assert await logs.size(new_id(), "stdout") == 0
    assert await logs.read(new_id(), "stdout", 7) == ("", 7)
