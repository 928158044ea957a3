"""Metric lines: what a node may write to ``$PLYNX_METRICS`` and what ``plynx.log_metric``
writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import plynx
from plynx.model import MetricPoint, parse_metric_line


def test_valid_lines_become_points() -> None:
    assert parse_metric_line('{"name": "acc", "value": 1, "step": 3}') == MetricPoint(
        name="acc", value=1.0, step=3
    )
    assert parse_metric_line('{"name": "val/loss", "value": 0.25}') == MetricPoint(
        name="val/loss", value=0.25
    )


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("acc 0.9", "not JSON"),
        ("[1]", "expected a JSON object"),
        ('{"name": "acc"}', "\"value\" of 'acc' must be a number"),
        ('{"name": "acc", "value": "0.9"}', "must be a number"),
        ('{"name": "acc", "value": true}', "must be a number"),
        ('{"name": "acc", "value": NaN}', "must be finite"),
        ('{"name": "acc", "value": 1, "step": 1.5}', "\"step\" of 'acc' must be an integer"),
        ('{"name": "", "value": 1}', "non-empty string"),
        ('{"name": "a b", "value": 1}', "letters, digits"),
        ('{"name": "acc", "value": 1, "epoch": 2}', "unknown field(s) 'epoch'"),
    ],
)
def test_invalid_lines_say_what_is_wrong(line: str, says: str) -> None:
    problem = parse_metric_line(line)
    assert isinstance(problem, str) and says in problem


def test_log_metric_appends_lines_a_worker_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "metrics.jsonl"
    monkeypatch.setenv("PLYNX_METRICS", str(path))
    plynx.log_metric("acc", 0.5)
    plynx.log_metric("loss", 2, step=7)
    lines = path.read_text().splitlines()
    assert [json.loads(line) for line in lines] == [
        {"name": "acc", "value": 0.5},
        {"name": "loss", "value": 2.0, "step": 7},
    ]
    assert all(isinstance(parse_metric_line(line), MetricPoint) for line in lines)
    with pytest.raises(ValueError, match="not a finite number"):
        plynx.log_metric("acc", float("inf"))
    monkeypatch.delenv("PLYNX_METRICS")
    with pytest.raises(RuntimeError, match="inside a node"):
        plynx.log_metric("acc", 1.0)
