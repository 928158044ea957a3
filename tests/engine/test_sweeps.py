"""A sweep starts whole or not at all."""

from __future__ import annotations

import pytest

from plynx.engine import Engine
from plynx.engine.sweeps import Sweeps
from plynx.errors import StoreError
from plynx.model import RunStatus
from plynx.model.sweep import Sweep

from .conftest import graph_from
from .test_engine import DIAMOND


async def test_a_sweep_that_cannot_be_stored_cancels_the_runs_it_started(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(sweep: Sweep) -> None:
        raise StoreError("the disk is full")

    monkeypatch.setattr(engine.store, "create_sweep", broken)
    with pytest.raises(StoreError, match="disk is full"):
        await Sweeps(engine).launch(graph_from(DIAMOND), {"d.n": [1, 2, 3]})
    page = await engine.store.list_runs()
    assert page.total == 3  # no worker: they were waiting, and are canceled now
    for run in page.items:
        stored, _ = await engine.get_run(run.id)
        assert stored.status == RunStatus.CANCELED
