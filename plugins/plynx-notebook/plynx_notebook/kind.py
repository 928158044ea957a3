"""The ``notebook`` kind: execute a Jupyter notebook with a real kernel.

The notebook is the input ``notebook`` when one is connected, else the operation's code (a
``.ipynb`` document, or Python in the percent format: ``# %%`` starts a cell). The node's
parameters, ``inputs`` (input name to path, a list for array inputs) and ``outputs`` (output
name to the path to fill) are injected as a first cell, papermill's way (after a cell tagged
``parameters`` if there is one). The executed notebook goes to the output named
``notebook`` (of type ``notebook``); the cells' printed output goes to the node's log.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from plynx.api import BaseNode, Operation, RunContext
from plynx_notebook import PLYNX_API
from plynx_notebook.source import inject_parameters, notebook_from_code

__all__ = ["NotebookNode"]


class NotebookNode(BaseNode):
    """Executes a Jupyter notebook (nbclient, ipykernel) with parameters injected."""

    plynx_api = PLYNX_API
    version = "1"
    title = "Jupyter notebook"
    description = (
        "Executes a notebook (the 'notebook' input, or the code: .ipynb JSON or Python with "
        "'# %%' cells) on a Python kernel, with parameters, inputs and outputs injected as a "
        "first cell; the executed notebook is the output 'notebook'."
    )
    code_language = "python"
    icon = "📓"
    color = "#f37626"

    @classmethod
    def check(cls, operation: Operation) -> list[str]:
        problems = []
        has_input = any(i.name == "notebook" for i in operation.inputs)
        if not has_input and not operation.code.strip():
            problems.append("a notebook operation needs code (the notebook) or an input 'notebook'")
        if not has_input and operation.code.strip():
            try:
                notebook_from_code(operation.code)
            except ValueError as exc:
                problems.append(str(exc))
        for output in operation.outputs:
            if output.name == "notebook" and output.type not in ("notebook", "json", "file"):
                problems.append(
                    f"output 'notebook' (the executed notebook) is of type notebook, not "
                    f"{output.type}"
                )
        return problems

    async def run(self, ctx: RunContext) -> int:
        try:
            notebook = self._notebook(ctx)
        except (ValueError, OSError) as exc:
            ctx.log(f"notebook: {exc}")
            return 1
        values: dict[str, Any] = dict(ctx.params)
        values["inputs"] = {
            name: [str(p) for p in paths] if name in ctx.input_arrays else str(paths[0])
            for name, paths in ctx.inputs.items()
            if paths
        }
        values["outputs"] = {name: str(path) for name, path in ctx.outputs.items()}
        source = ctx.workdir / "_plynx_source.ipynb"
        source.write_text(json.dumps(inject_parameters(notebook, values)))
        executed = self._executed_path(ctx)
        return await ctx.run_process(
            [sys.executable, "-m", "plynx_notebook.execute", str(source), str(executed)]
        )

    @staticmethod
    def _notebook(ctx: RunContext) -> dict[str, Any]:
        paths = ctx.inputs.get("notebook") or []
        code = Path(paths[0]).read_text() if paths else ctx.code
        return notebook_from_code(code)

    @staticmethod
    def _executed_path(ctx: RunContext) -> Path:
        # without an output 'notebook' the executed notebook only stays in the workdir
        return ctx.outputs.get("notebook", ctx.workdir / "_plynx_executed.ipynb")
