"""A large run's node runs read back are validated in a thread (the event loop runs between two
of them), and come back the same as when they are few."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from typing import Any

import pytest

import plynx.store.mongo
import plynx.store.postgres
import plynx.store.sqlite
from plynx.store import Store

from .docs import run


async def test_many_node_runs_are_validated_in_a_thread(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    the_run, node_runs = run("big", node_ids=[f"n{i}" for i in range(30)])
    await store.create_run(the_run, node_runs)
    threaded: list[str] = []
    real = asyncio.to_thread

    async def to_thread(func: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        threaded.append(getattr(func, "__name__", ""))
        return await real(func, *args, **kwargs)

    module = sys.modules[type(store).__module__]
    assert module in (plynx.store.sqlite, plynx.store.postgres, plynx.store.mongo)
    monkeypatch.setattr(module.asyncio, "to_thread", to_thread)
    assert await store.get_node_runs("big") == node_runs  # few: on the loop
    assert "_parse" not in threaded
    monkeypatch.setattr(module, "MANY_DOCUMENTS", 30)
    assert await store.get_node_runs("big") == node_runs
    assert "_parse" in threaded


async def test_a_large_run_document_is_validated_in_a_thread(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    if type(store).__name__ == "MongoStore":
        pytest.skip("MongoDB's documents come back decoded (BSON), its graph apart")
    the_run, node_runs = run("big", node_ids=[f"n{i}" for i in range(30)])
    await store.create_run(the_run, node_runs)
    threaded: list[str] = []
    real = asyncio.to_thread

    async def to_thread(func: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        threaded.append(getattr(func, "__name__", ""))
        return await real(func, *args, **kwargs)

    module = sys.modules[type(store).__module__]
    monkeypatch.setattr(module.asyncio, "to_thread", to_thread)
    assert await store.get_run("big") == the_run
    assert "_parse" not in threaded
    monkeypatch.setattr(module, "LARGE_DOCUMENT", 100)
    assert await store.get_run("big") == the_run
    assert "_parse" in threaded
