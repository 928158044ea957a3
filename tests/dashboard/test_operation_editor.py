"""The operation editor: writing a bash_jinja2 operation with its ports and parameters, the
script preview, saving, publishing, new versions, deprecation, and the server's problems."""

from __future__ import annotations

import re

import pytest
from e2e.conftest import Cluster
from playwright.async_api import Page, expect

from .conftest import Dashboard

pytestmark = [pytest.mark.browser]


async def type_code(page: Page, code: str) -> None:
    await page.locator(".cm-content").click()
    await page.keyboard.press("Control+a")
    await page.keyboard.insert_text(code)


async def test_write_a_bash_operation_see_the_preview_save_and_publish(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await dashboard.open("/operations/new")
    page = dashboard.page
    await page.get_by_label("Kind").select_option("bash_jinja2")
    await page.get_by_label("Title", exact=True).fill("Head of a file")
    await page.get_by_role("button", name="+ input").click()
    await page.get_by_label("inputs 1 name").fill("data")
    await page.get_by_label("inputs 1 type").select_option("csv")
    await page.get_by_role("button", name="+ output").click()
    await page.get_by_label("outputs 1 name").fill("top")
    await page.get_by_label("outputs 1 type").select_option("text")
    await page.get_by_role("button", name="+ parameter").click()
    await page.get_by_label("parameter 1 name").fill("lines")
    await page.get_by_label("parameter 1 type").select_option("int")
    await page.get_by_label("parameter 1 default").fill("5")
    await page.get_by_label("parameter 1 default").press("Tab")
    await type_code(
        page,
        "head -n {{ params['lines'] }} {{ inputs.data }} > {{ outputs.top }}\n{{ params.nope }}",
    )
    preview = page.get_by_test_id("script-preview")
    await expect(preview).to_contain_text("head -n 5 /work/inputs/data > /work/outputs/top")
    await expect(preview.locator(".missing")).to_have_text("⟨no param 'nope'⟩")
    await page.get_by_label("sample lines").fill("12")
    await expect(preview).to_contain_text("head -n 12 /work/inputs/data")
    await type_code(page, "head -n {{ params['lines'] }} {{ inputs.data }} > {{ outputs.top }}")
    # highlighted: the shell mode makes the quoted string a token of its own
    await expect(page.locator(".cm-line span", has_text="'lines'")).to_have_count(1)
    await dashboard.screenshot("operation-editor-preview")

    await page.keyboard.press("Control+s")
    await expect(page).to_have_url(re.compile(r"/operations/[0-9a-f]{32}$"))
    op_id = page.url.rsplit("/", 1)[1]
    stored = await cluster.get(f"/api/v1/operations/{op_id}")
    assert stored["status"] == "draft"
    assert stored["inputs"] == [
        {"name": "data", "type": "csv", "is_array": False, "min_count": 1, "max_count": None}
    ]
    assert stored["outputs"] == [{"name": "top", "type": "text"}]
    assert stored["parameters"][0] | {"label": ""} == {
        "name": "lines",
        "type": "int",
        "default": 5,
        "label": "",
        "required": False,
        "choices": [],
    }
    assert "{{ outputs.top }}" in stored["code"]

    await page.get_by_role("button", name="Publish").click()
    await expect(page.locator(".op-editor")).to_have_attribute("data-status", "ready")
    await expect(page.locator("h1 .badge")).to_contain_text("ready")
    assert (await cluster.get(f"/api/v1/operations/{op_id}"))["status"] == "ready"

    # a new version is a draft copy; the old one can then be deprecated in its favour
    await page.get_by_role("button", name="New version").click()
    await expect(page.locator(".op-editor")).to_have_attribute("data-status", "draft")
    await expect(page.locator("h1")).to_contain_text("v2")
    new_id = page.url.rsplit("/", 1)[1]
    await page.get_by_role("link", name="the previous one").click()
    # the picker offers the new version first, chosen already
    successor = page.get_by_label("Successor operation")
    await expect(successor).to_have_value(new_id)
    await expect(successor.locator("option").nth(1)).to_contain_text("Head of a file v2")
    await page.get_by_role("button", name="Deprecate").click()
    await expect(page.locator(".op-editor")).to_have_attribute("data-status", "deprecated")
    await expect(page.get_by_role("link", name="its successor")).to_have_attribute(
        "href", f"/operations/{new_id}"
    )


async def test_the_servers_problems_are_shown_next_to_the_fields(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    await dashboard.open("/operations/new")
    page = dashboard.page
    dashboard.allow("400")  # the refused saves
    await page.get_by_label("Title", exact=True).fill("Broken")
    await page.get_by_role("button", name="+ output").click()
    await page.get_by_label("outputs 1 name").fill("bad name")
    await page.get_by_role("button", name="Save draft").click()
    row_problem = page.locator("fieldset[data-section=outputs] .field-problem")
    await expect(row_problem).to_contain_text("outputs.0.name")
    await expect(page).to_have_url(re.compile(r"/operations/new$"))

    await page.get_by_label("outputs 1 name").fill("out")
    await type_code(page, "echo {{ outputs.out ")
    await page.get_by_role("button", name="Publish").click()
    await expect(page.get_by_test_id("op-problems")).to_contain_text("does not parse")
    await expect(row_problem).to_have_count(0)
    await expect(page).to_have_url(re.compile(r"/operations/[0-9a-f]{32}$"))  # saved as a draft
    await dashboard.screenshot("operation-editor-problems")


async def test_the_preview_matches_jinja2_for_the_expressions_it_substitutes(
    dashboard: Dashboard,
) -> None:
    import jinja2

    code = (
        "cat {{ inputs.a }} {{ inputs['many'] | join(',') }} {{ input.many }}"
        " > {{ outputs.out }}; echo {{ params['n'] }} {{ params.flag }} {{ param.word }}"
    )
    op = {
        "inputs": [{"name": "a", "is_array": False}, {"name": "many", "is_array": True}],
        "outputs": [{"name": "out"}],
        "parameters": [
            {"name": "n", "default": 3},
            {"name": "flag", "default": True},
            {"name": "word", "default": "hi"},
        ],
    }
    await dashboard.open("/operations")
    rendered = await dashboard.page.evaluate(
        """async ([code, op]) => {
          const { renderPreview, sampleContext } = await import("/app/editor/template.js");
          const ctx = sampleContext(op);
          return { text: renderPreview(code, ctx).map((p) => p.text).join(""), ctx };
        }""",
        [code, op],
    )
    ctx = rendered["ctx"]

    class Paths(list[str]):
        def __str__(self) -> str:  # an array input renders space-separated on the worker
            return " ".join(self)

    inputs = {k: Paths(v) if isinstance(v, list) else v for k, v in ctx["inputs"].items()}
    values = {"inputs": inputs, "outputs": ctx["outputs"], "params": ctx["params"]}
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    expected = env.from_string(code).render(
        **values, input=inputs, output=ctx["outputs"], param=ctx["params"]
    )
    assert rendered["text"] == expected


async def test_a_new_operation_of_a_kind_from_the_graph_editors_palette(
    cluster: Cluster, dashboard: Dashboard
) -> None:
    status, graph = await cluster.request("POST", "/api/v1/graphs", json={"title": "g"})
    assert status == 201
    await dashboard.open(f"/graphs/{graph['id']}/edit")
    page = dashboard.page
    await page.get_by_text("Kinds (").click()
    kinds = page.locator(".palette-kinds")
    await kinds.locator("li", has_text="python").get_by_role("link", name="new operation").click()
    await expect(page).to_have_url(re.compile(r"/operations/new\?kind=python$"))
    await expect(page.get_by_label("Kind")).to_have_value("python")
    await expect(page.locator("h3", has_text="Code")).to_contain_text("(python)")
    await expect(page.get_by_test_id("script-preview")).to_have_count(0)
    await page.get_by_label("Kind").select_option("file")  # its declared parameters come along
    await expect(page.get_by_label("parameter 1 name")).to_have_value("artifact")
