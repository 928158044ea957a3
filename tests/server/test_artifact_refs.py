"""An artifact's type and name belong to each reference to it (an output, an upload), not to
its bytes: the same bytes uploaded as a file and produced as a text output are served as each
reference says."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

API = "/api/v1"


async def test_the_same_bytes_are_served_as_each_reference_says(client: TestClient) -> None:
    data = b"hello, the same bytes\n"
    resp = await client.post(
        f"{API}/artifacts", params={"type": "file", "name": "first.bin"}, data=data
    )
    first = await resp.json()
    resp = await client.post(
        f"{API}/artifacts", params={"type": "text", "name": "out.txt"}, data=data
    )
    second = await resp.json()
    assert first["sha256"] == second["sha256"]
    assert (second["type"], second["name"]) == ("text", "out.txt")

    url = f"{API}/artifacts/{second['sha256']}"
    resp = await client.get(url, params={"type": second["type"], "name": second["name"]})
    assert resp.status == 200 and await resp.read() == data
    assert resp.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert resp.headers["Content-Disposition"].startswith('inline; filename="out.txt"')
    preview = await (await client.get(f"{url}/preview", params={"type": "text"})).json()
    assert preview["kind"] == "text" and preview["text"] == data.decode()

    resp = await client.get(url, params={"type": first["type"], "name": first["name"]})
    assert resp.headers["Content-Type"] == "application/octet-stream"
    assert resp.headers["Content-Disposition"].startswith('attachment; filename="first.bin"')


async def test_a_reference_with_a_bad_type_or_name_is_cleaned_or_refused(
    client: TestClient,
) -> None:
    resp = await client.post(f"{API}/artifacts", data=b"x")
    sha256 = (await resp.json())["sha256"]
    resp = await client.get(f"{API}/artifacts/{sha256}", params={"type": "nonsense"})
    assert resp.status == 400 and "'type' must be one of" in (await resp.json())["error"]["message"]
    resp = await client.get(f"{API}/artifacts/{sha256}", params={"name": "../../etc/pass\nwd"})
    assert resp.headers["Content-Disposition"].startswith('attachment; filename="passwd"')
