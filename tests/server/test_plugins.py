"""Plugins as a user installs them: real distributions on ``sys.path`` with entry points.

A plugin that fails to import or is built for another API range is refused at load, and
``/api/v1/kinds`` says which and why; a plugin's resource type connects to the built-in ones
and previews itself as structured data (never HTML)."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp.test_utils import TestClient
from conftest import local_headers  # tests/ is on the path (rootdir conftest)
from pytest_aiohttp import AiohttpClient

from plynx.model import Operation, ResourceType, connect_problem
from plynx.nodes import Registry, load_registry
from plynx.nodes.compat import API_VERSION
from plynx.server.app import create_app
from plynx.settings import Settings

API = "/api/v1"
Install = Callable[[str, str], str]  # the ``install`` fixture (tests/conftest.py)


async def _client(aiohttp_client: AiohttpClient, settings: Settings, r: Registry) -> TestClient:
    return await aiohttp_client(create_app(settings, registry=r), headers=local_headers(settings))


async def test_a_plugin_that_fails_to_import_is_listed_with_its_error(
    install: Install, aiohttp_client: AiohttpClient, settings: Settings
) -> None:
    module = install(
        "[plynx.nodes]\nbroken_kind = {module}:Kind\n", "import no_such_module_anywhere\n"
    )
    registry = load_registry()
    assert "broken_kind" not in registry and "python" in registry
    client = await _client(aiohttp_client, settings, registry)
    kinds = await (await client.get(f"{API}/kinds")).json()
    broken = next(k for k in kinds if k["name"] == "broken_kind")
    assert broken["plugin"] == module
    assert "failed to import" in broken["error"]
    assert "No module named 'no_such_module_anywhere'" in broken["error"]
    assert next(k for k in kinds if k["name"] == "python")["error"] is None


def test_a_plugin_built_for_another_api_range_is_refused(install: Install) -> None:
    module = install(
        "[plynx.nodes]\nfuture_kind = {module}:Kind\n",
        """
        from plynx.api import BaseNode

        class Kind(BaseNode):
            plynx_api = ">=2.0,<3"

            async def run(self, ctx):
                return 0
        """,
    )
    registry = load_registry()
    assert "future_kind" not in registry
    (problem,) = [p for p in registry.problems if p.name == "future_kind"]
    assert problem.message == (
        f"plugin {module} (kind 'future_kind') supports PLynx API >=2.0,<3 but this PLynx "
        f"provides API {API_VERSION}; install a release of {module} built for API {API_VERSION}"
    )


def test_a_plugin_in_range_loads(install: Install) -> None:
    install(
        "[plynx.nodes]\ncurrent_kind = {module}:Kind\n",
        """
        from plynx.api import BaseNode

        class Kind(BaseNode):
            plynx_api = ">=1.0,<2"
            icon = "*"

            async def run(self, ctx):
                return 0
        """,
    )
    registry = load_registry()
    assert "current_kind" in registry and not registry.problems
    assert next(i for i in registry.infos() if i.name == "current_kind").icon == "*"


PREVIEWING_TYPE = """
from plynx.api import ListPreview, ResourceTypeSpec, TextPreview

class Lines(ResourceTypeSpec):
    plynx_api = ">=1.0,<2"
    feeds = frozenset({"text", "file"})
    extensions = ("lines",)
    icon = "≡"

    @classmethod
    def preview(cls, head, size, truncated):
        return ListPreview(items=[TextPreview(text=line) for line in head.decode().splitlines()])

class Hostile(ResourceTypeSpec):
    @classmethod
    def preview(cls, head, size, truncated):
        return {"kind": "html", "html": "<script>alert(1)</script>"}
"""


async def test_a_plugin_resource_type_connects_and_previews_itself(
    install: Install, aiohttp_client: AiohttpClient, settings: Settings
) -> None:
    install(
        "[plynx.resources]\nlines = {module}:Lines\nhostile = {module}:Hostile\n",
        PREVIEWING_TYPE,
    )
    registry = load_registry()
    lines = ResourceType("lines")
    assert connect_problem(lines, ResourceType.TEXT) is None
    assert connect_problem(ResourceType.TEXT, lines) == (
        "a text output cannot feed a lines input (it accepts lines)"
    )
    op = Operation.model_validate({"kind": "python", "outputs": [{"name": "o", "type": "lines"}]})
    assert op.outputs[0].type == "lines"

    client = await _client(aiohttp_client, settings, registry)
    types = await (await client.get(f"{API}/resource-types")).json()
    assert next(t for t in types if t["name"] == "lines") == {
        "name": "lines",
        "feeds": ["file", "text"],
        "extensions": ["lines"],
        "icon": "≡",
        "color": "#8c8c8c",
        "has_preview": True,
        "plugin": next(t for t in types if t["name"] == "lines")["plugin"],
        "error": None,
    }
    ref = await (await client.post(f"{API}/artifacts?type=lines", data=b"a\n<b>b</b>\n")).json()
    preview = await (await client.get(f"{API}/artifacts/{ref['sha256']}/preview")).json()
    assert preview == {
        "kind": "list",
        "truncated": False,
        "items": [
            {"kind": "text", "text": "a", "truncated": False},
            {"kind": "text", "text": "<b>b</b>", "truncated": False},
        ],
    }
    # a preview that is not one of the allowed shapes is never passed on: generic text instead
    ref = await (await client.post(f"{API}/artifacts?type=hostile", data=b"x")).json()
    preview = await (await client.get(f"{API}/artifacts/{ref['sha256']}/preview")).json()
    assert preview == {"kind": "text", "text": "x", "truncated": False}


def test_an_unreadable_api_range_is_refused_with_the_reason(install: Install) -> None:
    module = install(
        "[plynx.resources]\nodd = {module}:Odd\n",
        """
        from plynx.api import ResourceTypeSpec

        class Odd(ResourceTypeSpec):
            plynx_api = "1.x"
        """,
    )
    registry = load_registry()
    assert registry.resource_type("odd") is None
    (info,) = [t for t in registry.resource_type_infos() if t.name == "odd"]
    assert info.error == (
        f"plugin {module} (resource type 'odd') declares an unreadable PLynx API range: "
        "'1.x' in the API range '1.x' is not a clause like '>=1.0' or '<2'"
    )
