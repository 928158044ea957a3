"""Turning an operation's code into a notebook, and injecting parameters (no PLynx imports).

The code is either a whole ``.ipynb`` document (JSON) or Python in the "percent" format, where
a line starting with ``# %%`` begins a new cell (``# %% [markdown]`` a markdown cell whose lines
are comments). Parameters are injected as papermill does: a code cell tagged
``injected-parameters`` right after the cell tagged ``parameters``, or first."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["inject_parameters", "notebook_from_code"]

_CELL_MARK = re.compile(r"^# %%(?P<rest>.*)$")
INJECTED_TAG = "injected-parameters"


def _cell(cell_type: str, source: str, tags: list[str] | None = None) -> dict[str, Any]:
    cell: dict[str, Any] = {
        "cell_type": cell_type,
        "metadata": {"tags": tags} if tags else {},
        "source": source,
    }
    if cell_type == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def notebook_from_code(code: str) -> dict[str, Any]:
    """The notebook the code stands for: parsed JSON, or cells from the percent format.
    ValueError saying what is wrong with a JSON document that is not a notebook."""
    if code.lstrip().startswith("{"):
        try:
            document = json.loads(code)
        except json.JSONDecodeError as exc:
            raise ValueError(f"the code looks like a .ipynb but is not JSON: {exc}") from None
        if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
            raise ValueError("the code is JSON but not a notebook (no 'cells' list)")
        return document
    cells: list[dict[str, Any]] = []
    kind, tags, lines = "code", [], []  # type: ignore[var-annotated]

    def flush() -> None:
        text = "\n".join(lines).strip("\n")
        if text or cells:
            if kind == "markdown":
                text = "\n".join(re.sub(r"^# ?", "", line) for line in text.splitlines())
            cells.append(_cell(kind, text, tags))

    for line in code.splitlines():
        match = _CELL_MARK.match(line)
        if match is None:
            lines.append(line)
            continue
        flush()
        rest = match["rest"]
        kind = "markdown" if "[markdown]" in rest else "code"
        tags = re.findall(r"tags=\[([^\]]*)\]", rest)
        tags = [t.strip().strip("'\"") for t in ",".join(tags).split(",") if t.strip()]
        lines = []
    flush()
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def inject_parameters(notebook: dict[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """``notebook`` with a cell assigning ``values`` (names are identifiers, values are what
    JSON holds, so ``repr`` is Python source) after the ``parameters`` cell, or first."""
    source = "# Parameters\n" + "".join(f"{name} = {value!r}\n" for name, value in values.items())
    injected = _cell("code", source, [INJECTED_TAG])
    cells = [c for c in notebook["cells"] if INJECTED_TAG not in _tags(c)]
    at = next((i + 1 for i, c in enumerate(cells) if "parameters" in _tags(c)), 0)
    return {**notebook, "cells": [*cells[:at], injected, *cells[at:]]}


def _tags(cell: Mapping[str, Any]) -> list[str]:
    tags = (cell.get("metadata") or {}).get("tags") or []
    return [t for t in tags if isinstance(t, str)]
