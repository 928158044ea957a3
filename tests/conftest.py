"""Fixtures shared by every test package: settings in a temporary directory, and the real
app served by ``aiohttp_client``."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from pytest_aiohttp import AiohttpClient

from plynx.server.app import create_app
from plynx.settings import Settings, load_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Local-mode settings with everything under ``tmp_path / "data"``."""
    return load_settings(
        environ={},
        data_dir=tmp_path / "data",
        local_mode=True,
        worker_token="test-worker-token",
        local_token="test-local-token",
    )


def local_headers(settings: Settings) -> dict[str, str]:
    """What a client of a local-mode server sends on every request: the local token."""
    return {"Authorization": f"Bearer {settings.local_token}"} if settings.local_mode else {}


@pytest.fixture
async def app_client(aiohttp_client: AiohttpClient, settings: Settings) -> TestClient:
    """A client of the real app (every installed node kind) with ``settings``; in local mode
    it shows the local token, as ``plynx`` commands do."""
    return await aiohttp_client(create_app(settings), headers=local_headers(settings))
