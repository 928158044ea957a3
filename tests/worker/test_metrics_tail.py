"""The worker's tail of ``$PLYNX_METRICS``: lines written in pieces, a last line without a
newline, an overlong line and bad lines."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from plynx.model import MetricPoint
from plynx.worker import metrics
from plynx.worker.metrics import MetricsTail


def append(path: Path, text: str) -> None:
    """What a node does: append to the file (a small write, fine on the test's loop)."""
    with open(path, "a") as f:
        f.write(text)


async def test_points_arrive_while_the_node_writes_and_bad_lines_are_noted(
    tmp_path: Path,
) -> None:
    path = tmp_path / "metrics.jsonl"
    path.write_text("")
    sent: list[MetricPoint] = []
    notes: list[str] = []
    tail = MetricsTail(path, sent.extend, notes.append, interval=0.01)
    tail.start()
    append(path, '{"name": "loss", "value": 1.5, "st')
    await asyncio.sleep(0.05)
    assert sent == []  # half a line is not a point yet
    append(path, 'ep": 1}\n')
    async with asyncio.timeout(5):
        while not sent:
            await asyncio.sleep(0.01)
    assert sent == [MetricPoint(name="loss", value=1.5, step=1)]  # live, before the end
    append(path, "x" * (metrics.MAX_LINE + 10) + "\n")
    append(path, '{"name": "acc", "value": "high"}\n')
    append(path, '{"name": "acc", "value": 0.9}')  # the last line needs no newline
    await tail.stop()
    assert sent[1:] == [MetricPoint(name="acc", value=0.9)]
    assert len(notes) == 2
    assert f"line 2 is longer than {metrics.MAX_LINE} bytes" in notes[0]
    assert "line 3: \"value\" of 'acc' must be a number" in notes[1]


async def test_an_overlong_line_read_in_pieces_is_skipped_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(metrics, "MAX_LINE", 100)
    monkeypatch.setattr(metrics, "_READ", 64)
    path = tmp_path / "metrics.jsonl"
    path.write_text('{"name": "a", "value": 1}\n' + "y" * 500 + '\n{"name": "b", "value": 2}\n')
    sent: list[MetricPoint] = []
    notes: list[str] = []
    tail = MetricsTail(path, sent.extend, notes.append)
    await tail.stop()
    assert [p.name for p in sent] == ["a", "b"]
    assert len(notes) == 1 and "line 2 is longer than 100 bytes" in notes[0]
