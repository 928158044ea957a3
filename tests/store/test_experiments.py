"""The metrics and sweeps part of the :class:`~plynx.store.Store` contract, once per backend."""

from __future__ import annotations

import pytest

from plynx.errors import Conflict, NotFound
from plynx.model import MetricPoint
from plynx.model.sweep import Sweep
from plynx.store import Store, open_store

from .docs import at, run


def point(name: str, value: float, step: int | None = None) -> MetricPoint:
    return MetricPoint(name=name, value=value, step=step)


async def test_metric_points_come_back_as_series_in_reporting_order(store: Store) -> None:
    the_run, node_runs = run("r1")
    await store.create_run(the_run, node_runs)
    first, second = node_runs[0], node_runs[1]
    await store.add_metrics(first, [point("loss", 0.9, 0), point("acc", 0.1)])
    await store.add_metrics(second, [point("loss", 5.0, 7)])
    await store.add_metrics(first, [point("loss", 0.4, 1), point("loss", 0.2, 2)])
    await store.add_metrics(first, [])

    series = {(s.node_run_id, s.name): s for s in await store.get_metrics("r1")}
    assert set(series) == {(first.id, "loss"), (first.id, "acc"), (second.id, "loss")}
    loss = series[(first.id, "loss")]
    assert loss.node_id == first.node_id
    assert (loss.steps, loss.values) == ([0, 1, 2], [0.9, 0.4, 0.2])
    assert (series[(first.id, "acc")].steps, series[(first.id, "acc")].values) == ([None], [0.1])
    assert await store.count_metric_points(first.id) == 4
    assert await store.count_metric_points(second.id) == 1
    assert await store.count_metric_points("unknown") == 0
    assert await store.get_metrics("no-such-run") == []


async def test_metrics_survive_reopening(store_url: str) -> None:
    async with open_store(store_url) as store:
        the_run, node_runs = run("r1")
        await store.create_run(the_run, node_runs)
        await store.add_metrics(node_runs[0], [point("acc", 0.75, 3)])
    async with open_store(store_url) as store:
        [series] = await store.get_metrics("r1")
        assert (series.name, series.steps, series.values) == ("acc", [3], [0.75])


def sweep(sweep_id: str, graph_id: str | None, minute: float) -> Sweep:
    return Sweep(
        id=sweep_id,
        graph_id=graph_id,
        title=f"sweep {sweep_id}",
        axes={"lr": [0.1, 0.01], "train.depth": [3]},
        combos=[{"lr": 0.1, "train.depth": 3}, {"lr": 0.01, "train.depth": 3}],
        run_ids=["r1", "r2"],
        author="alice",
        created_at=at(minute),
    )


async def test_sweeps_are_stored_whole_and_listed_newest_first(store: Store) -> None:
    await store.create_sweep(sweep("s1", "g1", 1))
    await store.create_sweep(sweep("s2", "g2", 2))
    await store.create_sweep(sweep("s3", "g1", 3))
    assert await store.get_sweep("s1") == sweep("s1", "g1", 1)
    page = await store.list_sweeps()
    assert [s.id for s in page.items] == ["s3", "s2", "s1"] and page.total == 3
    page = await store.list_sweeps(graph_id="g1", offset=1, limit=1)
    assert [s.id for s in page.items] == ["s1"] and page.total == 2
    with pytest.raises(NotFound):
        await store.get_sweep("nope")
    with pytest.raises(Conflict):
        await store.create_sweep(sweep("s1", "g1", 1))
