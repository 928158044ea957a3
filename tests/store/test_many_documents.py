"""A large run's node runs read back are validated in a thread (the event loop runs between two
of them), and come back the same as when they are few; so is a large document, with the garbage
collector held off for the request."""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Callable
from typing import Any

import pytest

import plynx.store.base
import plynx.store.mongo
import plynx.store.postgres
import plynx.store.sqlite
from plynx import collector
from plynx.store import Store

from .docs import graph, run


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


@pytest.mark.parametrize("kind", ["run", "graph", "listed graphs"])
async def test_a_large_document_is_validated_in_a_thread_with_the_collector_held(
    store: Store, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    # building a large document's models would start full collections that stop the loop: the
    # collector stays off until the request that read it is answered (plynx.collector)
    the_run, node_runs = run("big", node_ids=[f"n{i}" for i in range(30)])
    the_graph = graph("big")
    if kind == "run":
        await store.create_run(the_run, node_runs)
    else:
        await store.create_graph(the_graph)

    async def read() -> Any:
        if kind == "listed graphs":
            return (await store.list_graphs()).items
        return await (store.get_run("big") if kind == "run" else store.get_graph("big"))

    expected = {"run": the_run, "graph": the_graph, "listed graphs": [the_graph]}[kind]
    threaded: list[Any] = []
    real = asyncio.to_thread

    async def to_thread(func: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        threaded.append(func)
        return await real(func, *args, **kwargs)

    monkeypatch.setattr(plynx.store.base.asyncio, "to_thread", to_thread)
    gc.enable()
    with collector.request_scope():
        assert await read() == expected  # small: on the loop, the collector left alone
        assert not threaded and gc.isenabled()
    monkeypatch.setattr(plynx.store.base, "LARGE_DOCUMENT", 100)
    with collector.request_scope():
        assert await read() == expected
        assert len(threaded) == 1 and not gc.isenabled()
    assert gc.isenabled()  # the request is answered
    assert await read() == expected  # no request to wait for: the collector left alone
    assert len(threaded) == 2 and gc.isenabled()
