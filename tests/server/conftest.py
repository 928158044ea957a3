"""The server under test: the real app with a small kind registry (``file``, ``composite`` and a
test kind ``echo``), and an in-process worker that speaks to the engine."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from aiohttp.test_utils import TestClient
from conftest import local_headers  # tests/ is on the path (rootdir conftest)
from pytest_aiohttp import AiohttpClient

from plynx.server import keys
from plynx.server.app import create_app
from plynx.settings import Settings

from .helpers import InProcessWorker, make_registry

MakeClient = Callable[[Settings], Awaitable[TestClient]]


@pytest.fixture
def make_client(aiohttp_client: AiohttpClient) -> MakeClient:
    """Start the app with these settings and the test registry (a client of a local-mode app
    shows the local token, as ``plynx`` commands do)."""

    async def make(settings: Settings) -> TestClient:
        app = create_app(settings, registry=make_registry())
        return await aiohttp_client(app, headers=local_headers(settings))

    return make


@pytest.fixture
async def client(make_client: MakeClient, settings: Settings) -> TestClient:
    """A client of the app in local mode."""
    return await make_client(settings)


@pytest.fixture
async def worker(client: TestClient) -> InProcessWorker:
    """A connected in-process worker that runs ``echo``."""
    w = InProcessWorker(client.app[keys.ENGINE])
    await w.connect()
    return w
