"""The metrics part of the :class:`~plynx.store.Store` contract, once per backend."""

from __future__ import annotations

from plynx.model import MetricPoint
from plynx.store import Store, open_store

from .docs import run


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
