"""Fixtures shared by every test package: settings in a temporary directory, the real app
served by ``aiohttp_client``, and plugin distributions installed for one test."""

from __future__ import annotations

import importlib
import sys
import textwrap
import uuid
from collections.abc import Callable
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


Install = Callable[[str, str], str]


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Install:
    """Install a plugin distribution for this test: ``install(entry_points_txt, source)``
    writes a module and a ``.dist-info`` with those entry points on ``sys.path`` (as pip would);
    returns the module's name, which ``{module}`` in the entry points stands for."""

    def make(entry_points: str, source: str) -> str:
        module = f"fake_plugin_{uuid.uuid4().hex[:8]}"
        root = tmp_path / module
        root.mkdir()
        (root / f"{module}.py").write_text(textwrap.dedent(source))
        dist = root / f"{module}-1.0.dist-info"
        dist.mkdir()
        (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
        (dist / "entry_points.txt").write_text(
            textwrap.dedent(entry_points).replace("{module}", module)
        )
        monkeypatch.syspath_prepend(str(root))
        importlib.invalidate_caches()
        monkeypatch.delitem(sys.modules, module, raising=False)
        return module

    return make
