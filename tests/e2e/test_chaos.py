"""Faults against real processes: ``plynx server`` and separate ``plynx worker`` processes,
killed, stopped and lied to mid-run. A reduced version of ``benchmarks/chaos.py`` (the same
scenarios, a few trials each, a small graph): every run must succeed with exactly the expected
outputs, nothing may be left stuck, and nothing forged may be accepted.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
from store.conftest import BACKENDS

from .conftest import _store_params

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import chaos  # the benchmark's scenarios, run small

pytestmark = pytest.mark.slow

#: Small enough for the suite: short leases, short nodes.
OPTIONS = chaos.Options(lease=2.0, node_seconds=1.0, downtime=5.0, trial_timeout=60.0, stall=30)


@pytest.fixture(params=_store_params())
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of a fresh database of each e2e store backend."""
    async with BACKENDS[request.param].database(tmp_path / "store") as url:
        yield url


def assert_all_ok(scenario: chaos.Scenario, trials: int) -> None:
    """Every trial's run succeeded with the exact outputs; none stuck, nothing forged taken."""
    assert len(scenario.trials) == trials
    problems = [f"{t.outcome}: {t.why}" for t in scenario.trials if t.outcome != "ok"]
    assert not problems, problems
    assert sum(t.forged_accepted for t in scenario.trials) == 0


async def test_runs_survive_workers_sigkilled_mid_node(store: str, tmp_path: Path) -> None:
    opts = replace(OPTIONS, worker_kills=2)
    scenario = await chaos.run_scenario("worker-kill", store, tmp_path, opts)
    assert_all_ok(scenario, 2)
    # the node was requeued once its worker's lease ran out, and ran again elsewhere
    assert all(t.recovery is not None and t.recovery < 30 for t in scenario.trials)


async def test_nodes_die_with_their_sigkilled_worker(store: str, tmp_path: Path) -> None:
    opts = replace(OPTIONS, worker_kills=1, node_seconds=3.0)
    scenario = await chaos.run_scenario("worker-kill", store, tmp_path, opts)
    assert_all_ok(scenario, 1)
    assert [t.orphans for t in scenario.trials] == [0]


async def test_plynx_run_follows_through_server_sigkills(store: str, tmp_path: Path) -> None:
    # the server is down for 5 s each time: longer than `plynx run` used to wait
    opts = replace(OPTIONS, server_kills=1)
    scenario = await chaos.run_scenario("server-kill", store, tmp_path, opts)
    assert_all_ok(scenario, 1)


async def test_a_worker_stopped_past_its_lease_loses_its_node_and_its_late_result(
    store: str, tmp_path: Path
) -> None:
    opts = replace(OPTIONS, stops=1)
    scenario = await chaos.run_scenario("worker-stop", store, tmp_path, opts)
    assert_all_ok(scenario, 1)
    [trial] = scenario.trials
    assert trial.late is not None and trial.late >= 1, "the late result was not counted"


async def test_results_forged_on_another_worker_connection_are_rejected(
    store: str, tmp_path: Path
) -> None:
    opts = replace(OPTIONS, forgeries=1)
    scenario = await chaos.run_scenario("forged", store, tmp_path, opts)
    assert_all_ok(scenario, 1)  # outputs, downstream and an identical (cached) re-run
    [trial] = scenario.trials
    # a result for the attempt another worker runs, one for a node not dispatched yet
    assert trial.forged_rejected is not None and trial.forged_rejected >= 2


async def test_a_graph_on_many_slots_with_many_followers_finishes(
    store: str, tmp_path: Path
) -> None:
    opts = chaos.Options(
        **{**vars(OPTIONS), "load_nodes": 300, "load_workers": 3, "load_slots": 2, "followers": 10}
    )
    scenario = await chaos.run_scenario("load", store, tmp_path, opts)
    assert_all_ok(scenario, 1)
