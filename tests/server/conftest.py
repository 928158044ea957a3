"""The server under test: the real app with a small kind registry (``file``, ``composite`` and a
test kind ``echo``), and an in-process worker that speaks to the engine."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from aiohttp.test_utils import TestClient
from pytest_aiohttp import AiohttpClient

from plynx.server import keys
from plynx.server.app import create_app
from plynx.settings import Settings

from .helpers import InProcessWorker, make_registry

MakeClient = Callable[[Settings], Awaitable[TestClient]]


@pytest.fixture
def make_client(aiohttp_client: AiohttpClient) -> MakeClient:
    """Start the app with these settings and the test registry."""

    async def make(settings: Settings) -> TestClient:
        return await aiohttp_client(create_app(settings, registry=make_registry()))

    return make


@pytest.fixture
async def client(make_client: MakeClient, settings: Settings) -> TestClient:
    """A client of the app in local mode (no tokens)."""
    return await make_client(settings)


@pytest.fixture
async def worker(client: TestClient) -> InProcessWorker:
    """A connected in-process worker that runs ``echo``."""
    w = InProcessWorker(client.app[keys.ENGINE])
    await w.connect()
    return w
