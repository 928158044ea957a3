"""The notebook kind run for real (embedded server, worker, a Jupyter kernel) through
plynx.testing, and the notebook preview."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from plynx_notebook.resource import NotebookType
from plynx_notebook.source import inject_parameters, notebook_from_code

from plynx.testing import PlynxHarness

EXAMPLE = Path(__file__).parent.parent / "examples" / "report.yaml"


def test_parameters_inputs_and_outputs_are_injected_and_the_notebook_executed(
    plynx_harness: PlynxHarness, tmp_path: Path
) -> None:
    numbers = tmp_path / "numbers.txt"
    numbers.write_text("1\n2\n3\n")
    result = plynx_harness.run(
        "notebook",
        inputs={"numbers": numbers},
        outputs={"notebook": "notebook", "total": "text"},
        params={"scale": 10},
        code=(
            "total = sum(int(x) for x in open(inputs['numbers'])) * scale\n"
            "print('total is', total)\n"
            "# %%\n"
            "open(outputs['total'], 'w').write(str(total))\n"
            "total\n"
        ),
    )
    assert result.ok, f"{result.error}\n{result.stderr}"
    assert result.text("total") == "60"
    assert "total is 60" in result.stdout
    executed = json.loads(result.text("notebook"))
    injected, first, second = executed["cells"]
    assert injected["metadata"]["tags"] == ["injected-parameters"]
    assert "scale = 10\n" in "".join(injected["source"])
    assert "".join(first["outputs"][0]["text"]) == "total is 60\n"
    assert "".join(second["outputs"][0]["data"]["text/plain"]) == "60"


def test_a_failing_cell_fails_the_node_and_keeps_the_executed_notebook(
    plynx_harness: PlynxHarness,
) -> None:
    result = plynx_harness.run(
        "notebook",
        outputs={"notebook": "notebook"},
        code="print('before')\n# %%\n1 / 0\n# %%\nprint('never')\n",
    )
    assert result.status == "failed"
    assert "ZeroDivisionError" in result.stderr
    assert "before" in result.stdout and "never" not in result.stdout


def test_the_example_graph_runs(plynx_harness: PlynxHarness) -> None:
    result = plynx_harness.run_graph(EXAMPLE)
    assert result.ok, f"{result.error}\n{result.stderr}"
    assert json.loads(result.text("report.summary")) == {"setosa": 5.0, "virginica": 6.0}


def test_parameters_go_after_the_cell_tagged_parameters() -> None:
    notebook = notebook_from_code(
        "# %% [markdown]\n# Title\n# %% tags=[parameters]\nn = 1\n# %%\nn\n"
    )
    cells = inject_parameters(notebook, {"n": 5})["cells"]
    assert [c["cell_type"] for c in cells] == ["markdown", "code", "code", "code"]
    assert cells[1]["metadata"]["tags"] == ["parameters"]
    assert cells[2]["source"] == "# Parameters\nn = 5\n"


def test_the_preview_is_cells_and_outputs_and_never_html() -> None:
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16).decode()
    document = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# Hi"]},
            {
                "cell_type": "code",
                "execution_count": 1,
                "metadata": {},
                "source": "df",
                "outputs": [
                    {"output_type": "stream", "name": "stdout", "text": ["\x1b[31mred\x1b[0m\n"]},
                    {
                        "output_type": "execute_result",
                        "execution_count": 1,
                        "metadata": {},
                        "data": {"text/html": "<script>x()</script>", "text/plain": "a table"},
                    },
                    {"output_type": "display_data", "metadata": {}, "data": {"image/png": png}},
                ],
            },
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    raw = json.dumps(document).encode()
    shown = NotebookType.safe_preview(raw, len(raw), False)
    assert shown is not None
    assert "<script>" not in json.dumps(shown)
    assert [(i["kind"], i.get("label"), i.get("text")) for i in shown["items"]] == [
        ("text", "markdown", "# Hi"),
        ("text", "In [1]", "df"),
        ("text", "stdout", "red\n"),
        ("text", "Out", "a table"),
        ("image", "Out", None),
    ]
    assert shown["items"][-1]["data"] == png and shown["items"][-1]["mime"] == "image/png"
