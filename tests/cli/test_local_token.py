"""The local token a local-mode server keeps in its data directory: what ``plynx`` commands
on that directory show, and what nobody else can read."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import aiohttp

from plynx.cli.embedded import local_token, login_url, serving
from plynx.settings import Settings


async def _status(url: str, token: str | None) -> int:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with (
        aiohttp.ClientSession() as http,
        http.get(url + "/api/v1/graphs", headers=headers) as resp,
    ):
        return resp.status


async def test_the_token_is_kept_for_its_owner_only_and_survives_a_restart(
    settings: Settings,
) -> None:
    settings = replace(settings, local_token="")
    async with serving(settings, port=0) as url:
        token = local_token(settings.data_dir)
        assert token and len(token) >= 40
        path = settings.data_dir / "local-token"
        assert _mode(path) == 0o600
        assert await _status(url, token) == 200
        assert await _status(url, None) == 401
        assert login_url(url, token) == f"{url}/local-login?token={token}"
    async with serving(settings, port=0) as url:  # open dashboards and `plynx run` go on
        assert local_token(settings.data_dir) == token
        assert await _status(url, token) == 200


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def _leak(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("leaked-token\n")
    os.chmod(path, 0o644)


async def test_a_token_others_could_read_is_replaced(settings: Settings) -> None:
    settings = replace(settings, local_token="")
    path = settings.data_dir / "local-token"
    _leak(path)
    async with serving(settings, port=0) as url:
        token = local_token(settings.data_dir)
        assert token != "leaked-token"
        assert _mode(path) == 0o600
        assert await _status(url, "leaked-token") == 401
        assert await _status(url, token) == 200
