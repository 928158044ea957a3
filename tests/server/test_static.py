"""The dashboard's files, served by the real app."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from aiohttp.test_utils import TestClient
from pytest_aiohttp import AiohttpClient

from plynx.server.app import create_app
from plynx.server.static import find_static_dir
from plynx.settings import Settings

STATIC = Path(__file__).resolve().parents[2] / "static"


async def test_index_answers_client_routes_with_a_strict_policy(app_client: TestClient) -> None:
    for path in ("/", "/runs", "/runs/abc123", "/graphs/g1/edit", "/operations/x", "/workers"):
        resp = await app_client.get(path)
        assert resp.status == 200, path
        assert resp.content_type == "text/html"
        assert '<div id="app">' in await resp.text()
        csp = resp.headers["Content-Security-Policy"]
        assert "script-src 'self' 'sha256-" in csp  # the import map, by hash; nothing else inline
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert resp.headers["Cache-Control"] == "no-cache"
    again = await app_client.get("/runs", headers={"If-None-Match": resp.headers["ETag"]})
    assert again.status == 304


async def test_modules_have_a_javascript_type_and_vendor_files_are_kept(
    app_client: TestClient,
) -> None:
    resp = await app_client.get("/app/main.js")
    assert resp.status == 200
    assert resp.content_type == "text/javascript"
    assert resp.headers["Cache-Control"] == "no-cache"
    etag = resp.headers["ETag"]
    assert (await app_client.get("/app/main.js", headers={"If-None-Match": etag})).status == 304

    imports = json.loads((STATIC / "vendor" / "importmap.json").read_text())["imports"]
    for spec in ("preact", "htm/preact", "@preact/signals", "@antv/x6", "@dagrejs/dagre"):
        resp = await app_client.get(imports[spec])
        assert resp.status == 200, spec
        assert resp.content_type == "text/javascript"
        assert "immutable" in resp.headers["Cache-Control"]


async def test_only_the_dashboard_trees_are_served(app_client: TestClient) -> None:
    for path in (
        "/app/../package.json",
        "/app/%2e%2e/package.json",
        "/package.json",
        "/scripts/vendor.mjs",
        "/node_modules/preact/package.json",
        "/app/missing.js",
        "/vendor/.hidden",
        "/elsewhere",
    ):
        resp = await app_client.get(path)
        assert resp.status == 404, path
    health = await app_client.get("/api/v1/health")
    assert health.status == 200
    missing_api = await app_client.get("/api/v1/nothing")
    assert missing_api.status == 404
    assert (await missing_api.json())["error"]["code"] == "not_found"


async def test_the_static_dir_setting_chooses_the_files(
    aiohttp_client: AiohttpClient, settings: Settings, tmp_path: Path
) -> None:
    assert find_static_dir(settings) == STATIC  # a source checkout serves its static/
    custom = tmp_path / "custom"
    (custom / "app").mkdir(parents=True)
    (custom / "index.html").write_text("<!doctype html><title>custom</title>")
    client = await aiohttp_client(create_app(dataclasses.replace(settings, static_dir=custom)))
    resp = await client.get("/runs/1")
    assert "custom" in await resp.text()
    assert (await client.get("/api/v1/health")).status == 200
