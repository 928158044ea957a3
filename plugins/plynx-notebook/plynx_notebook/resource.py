"""The ``notebook`` resource type: a Jupyter notebook (``.ipynb``), previewed as its cells.

The preview is structured data: markdown and code as text, stream and ``text/plain`` outputs
as text, ``image/png``/``image/jpeg``/``image/gif`` outputs as images, errors as text. HTML,
JavaScript and every other rich output of the notebook are never passed on (their
``text/plain`` form is shown instead)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from plynx.api import ImagePreview, ListPreview, PluginPreview, ResourceTypeSpec, TextPreview
from plynx_notebook import PLYNX_API

__all__ = ["NotebookType", "notebook_preview"]

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_IMAGES = ("image/png", "image/jpeg", "image/gif")
_MAX_ITEMS = 400
_MAX_TEXT = 20_000


class NotebookType(ResourceTypeSpec):
    """A Jupyter notebook; it may feed json, text and file inputs (it is a JSON document)."""

    plynx_api = PLYNX_API
    feeds = frozenset({"json", "text", "file"})
    extensions = ("ipynb",)
    icon = "📓"
    color = "#f37626"
    preview_max_bytes = 16 * 1024 * 1024

    @classmethod
    def preview(cls, head: bytes, size: int, truncated: bool) -> PluginPreview | None:
        if truncated:
            return None  # a cut JSON document cannot be read: the generic text preview
        try:
            document = json.loads(head)
        except ValueError:
            return TextPreview(text="not a notebook (not JSON)")
        if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
            return TextPreview(text="not a notebook (no 'cells' list)")
        return notebook_preview(document)


def _text(value: Any) -> str:
    text = "".join(value) if isinstance(value, list) else str(value or "")
    text = _ANSI.sub("", text)
    return text if len(text) <= _MAX_TEXT else text[:_MAX_TEXT] + "\n…"


def _output(output: Mapping[str, Any]) -> TextPreview | ImagePreview | None:
    kind = output.get("output_type")
    if kind == "stream":
        return TextPreview(label=str(output.get("name", "stdout")), text=_text(output.get("text")))
    if kind == "error":
        trace = "\n".join(_text(line) for line in output.get("traceback") or [])
        text = trace or f"{output.get('ename')}: {output.get('evalue')}"
        return TextPreview(label="error", text=text)
    if kind in ("execute_result", "display_data"):
        data = output.get("data") or {}
        for mime in _IMAGES:
            if isinstance(data.get(mime), str):
                return ImagePreview(label="Out", mime=mime, data="".join(data[mime].split()))  # type: ignore[arg-type]
        if "text/plain" in data:
            return TextPreview(label="Out", text=_text(data["text/plain"]))
    return None


def notebook_preview(document: Mapping[str, Any]) -> ListPreview:
    """The cells of a notebook and their outputs, as a list of text and image previews."""
    items: list[TextPreview | ImagePreview] = []
    for cell in document["cells"]:
        if not isinstance(cell, Mapping):
            continue
        kind = cell.get("cell_type")
        if kind == "code":
            count = cell.get("execution_count")
            label = f"In [{count if count is not None else ' '}]"
            items.append(TextPreview(label=label, text=_text(cell.get("source"))))
            for output in cell.get("outputs") or []:
                if isinstance(output, Mapping) and (shown := _output(output)) is not None:
                    items.append(shown)
        elif kind in ("markdown", "raw"):
            items.append(TextPreview(label=str(kind), text=_text(cell.get("source"))))
    return ListPreview(items=list(items[:_MAX_ITEMS]), truncated=len(items) > _MAX_ITEMS)
