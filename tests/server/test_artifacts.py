"""Artifacts through the REST API: streamed uploads (raw and multipart), verified hashes,
downloads and previews."""

from __future__ import annotations

import hashlib
import io
import json

import aiohttp
from aiohttp.test_utils import TestClient

API = "/api/v1"
CSV = b"name,count\nalpha,1\nbeta,2\n"
SHA = hashlib.sha256(CSV).hexdigest()


async def test_raw_upload_with_expected_hash_and_download(client: TestClient) -> None:
    resp = await client.post(
        f"{API}/artifacts", params={"sha256": SHA, "name": "counts.csv", "type": "csv"}, data=CSV
    )
    assert resp.status == 201, await resp.text()
    assert await resp.json() == {
        "sha256": SHA,
        "size": len(CSV),
        "type": "csv",
        "name": "counts.csv",
    }

    resp = await client.get(f"{API}/artifacts/{SHA}")
    assert resp.status == 200
    assert await resp.read() == CSV
    assert resp.headers["Content-Type"].startswith("text/csv")
    assert "counts.csv" in resp.headers["Content-Disposition"]
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    head = await client.head(f"{API}/artifacts/{SHA}")
    assert head.status == 200 and head.headers["Content-Length"] == str(len(CSV))


async def test_multipart_upload(client: TestClient) -> None:
    form = aiohttp.FormData()
    form.add_field("type", "text")
    form.add_field("file", b"hello\n", filename="../../etc/greeting.txt")
    resp = await client.post(f"{API}/artifacts", data=form)
    assert resp.status == 201, await resp.text()
    ref = await resp.json()
    assert ref["sha256"] == hashlib.sha256(b"hello\n").hexdigest()
    assert ref["name"] == "greeting.txt" and ref["type"] == "text"
    assert await (await client.get(f"{API}/artifacts/{ref['sha256']}")).read() == b"hello\n"


async def test_multipart_without_file_field(client: TestClient) -> None:
    form = aiohttp.FormData()
    form.add_field("name", "x")
    form.add_field("other", b"data", filename="x.bin")
    resp = await client.post(f"{API}/artifacts", data=form)
    assert resp.status == 400
    assert "'file'" in (await resp.json())["error"]["message"]


async def test_hash_mismatch_stores_nothing(client: TestClient) -> None:
    wrong = hashlib.sha256(b"something else").hexdigest()
    resp = await client.post(f"{API}/artifacts", params={"sha256": wrong}, data=CSV)
    assert resp.status == 400
    assert (await resp.json())["error"]["code"] == "artifact_error"
    assert (await client.get(f"{API}/artifacts/{wrong}")).status == 404
    assert (await client.get(f"{API}/artifacts/{SHA}")).status == 404


async def test_malformed_and_unknown_sha(client: TestClient) -> None:
    for bad in ("abc", "../../etc/passwd", "A" * 64, "g" * 64):
        resp = await client.get(f"{API}/artifacts/{bad}")
        assert resp.status in (400, 404), bad
        if resp.status == 400:
            assert "sha256" in (await resp.json())["error"]["message"]
    assert (await client.get(f"{API}/artifacts/{'A' * 64}")).status == 400
    assert (await client.post(f"{API}/artifacts?sha256=xyz", data=b"x")).status == 400
    resp = await client.get(f"{API}/artifacts/{'0' * 64}")
    assert resp.status == 404
    assert (await resp.json())["error"]["code"] == "not_found"
    assert (await client.get(f"{API}/artifacts/{'0' * 64}/preview")).status == 404
    assert (await client.post(f"{API}/artifacts?type=movie", data=b"x")).status == 400


async def test_upload_limit(make_client, settings) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    client = await make_client(replace(settings, max_upload_bytes=1000))
    resp = await client.post(f"{API}/artifacts", data=b"x" * 5000)
    assert resp.status == 413
    resp = await client.post(f"{API}/artifacts", data=b"x" * 1000)
    assert resp.status == 201


async def test_large_uploads_stream_past_the_json_body_limit(client: TestClient) -> None:
    data = b"0123456789abcdef" * (40 * 1024 * 1024 // 16)  # more than MAX_JSON_BODY
    resp = await client.post(f"{API}/artifacts", data=io.BytesIO(data))
    assert resp.status == 201, await resp.text()
    ref = await resp.json()
    assert ref["size"] == len(data) and ref["sha256"] == hashlib.sha256(data).hexdigest()
    resp = await client.get(f"{API}/artifacts/{ref['sha256']}")
    assert resp.headers["Content-Length"] == str(len(data))
    assert hashlib.sha256(await resp.read()).hexdigest() == ref["sha256"]


async def test_previews(client: TestClient) -> None:
    await client.post(f"{API}/artifacts", params={"type": "csv"}, data=CSV)
    preview = await (await client.get(f"{API}/artifacts/{SHA}/preview")).json()
    assert preview["kind"] == "table"
    assert preview["columns"] == ["name", "count"]
    assert preview["rows"] == [["alpha", "1"], ["beta", "2"]]
    assert preview["truncated"] is False

    text = await (await client.get(f"{API}/artifacts/{SHA}/preview?type=text")).json()
    assert text["kind"] == "text" and text["text"] == CSV.decode()

    doc = json.dumps({"a": [1, 2]}).encode()
    ref = await (await client.post(f"{API}/artifacts?type=json", data=doc)).json()
    preview = await (await client.get(f"{API}/artifacts/{ref['sha256']}/preview")).json()
    assert preview["kind"] == "json" and preview["value"] == {"a": [1, 2]}

    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    ref = await (await client.post(f"{API}/artifacts?type=image", data=png)).json()
    preview = await (await client.get(f"{API}/artifacts/{ref['sha256']}/preview")).json()
    assert preview["kind"] == "image" and preview["url"] == f"{API}/artifacts/{ref['sha256']}"
    resp = await client.get(preview["url"])
    assert resp.headers["Content-Type"] == "image/png"
