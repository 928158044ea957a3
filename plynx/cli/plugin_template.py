"""The files ``plynx plugin new`` writes: a ready plugin distribution (templates).

``$``-placeholders (:class:`string.Template`): ``dist`` (distribution name), ``package``
(import name), ``kind``, ``kind_class``, ``rtype``, ``rtype_class``, ``api`` (the API range)."""

from __future__ import annotations

__all__ = ["KIND_FILES", "RESOURCE_FILES"]

_PYPROJECT = """\
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "$dist"
version = "0.1.0"
description = "A PLynx plugin: the '$kind' node kind."
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["plynx"]

[project.optional-dependencies]
test = ["pytest>=8"]

[project.entry-points."plynx.nodes"]
$kind = "$package.kind:$kind_class"
$resource_entry_points
[tool.setuptools.packages.find]
include = ["$package*"]

[tool.pytest.ini_options]
testpaths = ["tests"]
"""

_INIT = '''\
"""PLynx plugin $dist."""

#: The PLynx plugin API range this plugin is written for (see plynx.api and its changelog).
PLYNX_API = "$api"
'''

_KIND = '''\
"""The '$kind' node kind: counts the lines and words of its inputs and writes a JSON report.

Replace :meth:`$kind_class.run` with what your kind does. It runs on the worker: inputs and
outputs are local paths, parameters are resolved values, ``ctx.log`` writes to the node's log,
and ``ctx.run_process`` runs a command (killed on cancel or timeout)."""

from __future__ import annotations

import json
import re

from plynx.api import BaseNode, Operation, Parameter, ParameterType, RunContext

from $package import PLYNX_API


class $kind_class(BaseNode):
    """Counts lines and words (matching ``pattern``) of every input file."""

    plynx_api = PLYNX_API
    #: part of every cache key: bump it when the same inputs would now give other outputs
    version = "1"
    title = "$kind_title"
    description = "Counts lines and words of every input; writes the counts as JSON to 'report'."
    parameters = [
        Parameter(name="pattern", type=ParameterType.STR, default=r"\\w+", label="A word is"),
    ]
    icon = "#"
    color = "#0b7285"

    @classmethod
    def check(cls, operation: Operation) -> list[str]:
        if [o.name for o in operation.outputs] != ["report"]:
            return ["a $kind operation has one output, named 'report'"]
        return []

    async def run(self, ctx: RunContext) -> int:
        try:
            word = re.compile(str(ctx.params.get("pattern") or r"\\w+"))
        except re.error as exc:
            ctx.log(f"$kind: the pattern is not a regular expression: {exc}")
            return 1
        report = {}
        for name, paths in ctx.inputs.items():
            for index, path in enumerate(paths):
                text = path.read_text(errors="replace")
                key = name if len(paths) == 1 else f"{name}[{index}]"
                report[key] = {"lines": len(text.splitlines()), "words": len(word.findall(text))}
                ctx.log(f"{key}: {report[key]['lines']} lines", "stdout")
        ctx.outputs["report"].write_text(json.dumps(report, sort_keys=True))
        return 0
'''

_EXAMPLE = """\
title: $kind example
description: Runs the $kind kind on a small text file.
operations:
  count:
    kind: $kind
    inputs: {text: text}
    outputs: {report: json}
    parameters:
      pattern: {type: str, default: "\\\\w+"}
nodes:
  poem: {file: data/poem.txt, type: text}
  count: {operation: count}
edges:
  - poem.out -> count.text
"""

_POEM = "so much depends\nupon\na red wheel\nbarrow\n"

_TEST_KIND = '''\
"""The $kind kind, run for real: an embedded PLynx server and worker (plynx.testing)."""

from __future__ import annotations

import json
from pathlib import Path

from plynx.testing import PlynxHarness

EXAMPLE = Path(__file__).parent.parent / "examples" / "example.yaml"


def test_counts_lines_and_words(plynx_harness: PlynxHarness, tmp_path: Path) -> None:
    text = tmp_path / "text.txt"
    text.write_text("one two\\nthree\\n")
    result = plynx_harness.run(
        "$kind", inputs={"text": text}, outputs={"report": "json"}, params={"pattern": "[a-z]+"}
    )
    assert result.ok, result.error
    assert json.loads(result.text("report")) == {"text": {"lines": 2, "words": 3}}
    assert "text: 2 lines" in result.stdout


def test_a_bad_pattern_fails_the_node(plynx_harness: PlynxHarness, tmp_path: Path) -> None:
    result = plynx_harness.run("$kind", outputs={"report": "json"}, params={"pattern": "("})
    assert result.status == "failed"
    assert "not a regular expression" in result.stderr


def test_the_example_runs(plynx_harness: PlynxHarness) -> None:
    result = plynx_harness.run_graph(EXAMPLE)
    assert result.ok, result.error
    assert json.loads(result.text("count.report")) == {"text": {"lines": 4, "words": 8}}
'''

_README = """\
# $dist

A [PLynx](https://github.com/plynx-team/plynx) plugin: the `$kind` node kind$rtype_readme.

    pip install -e .            # then `plynx local` lists the kind
    plynx run examples/example.yaml
    pytest                      # runs the kind for real (embedded server and worker)

Written for the PLynx plugin API `$api` (`PLYNX_API` in `$package/__init__.py`); a PLynx
outside that range refuses to load it and says why on `/api/v1/kinds`.
"""

_RESOURCE = '''\
"""The '$rtype' resource type: what it may feed, its extensions, icon, colour and preview."""

from __future__ import annotations

from plynx.api import PluginPreview, ResourceTypeSpec, TextPreview

from $package import PLYNX_API


class $rtype_class(ResourceTypeSpec):
    """Describe your type here."""

    plynx_api = PLYNX_API
    feeds = frozenset({"text", "file"})
    extensions = ("$rtype",)
    icon = "◆"
    color = "#5f3dc4"

    @classmethod
    def preview(cls, head: bytes, size: int, truncated: bool) -> PluginPreview | None:
        # structured data only (text, table, json, image, list): never HTML
        return TextPreview(text=head.decode(errors="replace"), truncated=truncated)
'''

_TEST_RESOURCE = '''\
"""The $rtype resource type's preview."""

from __future__ import annotations

from $package.resource import $rtype_class


def test_the_preview_is_the_text() -> None:
    shown = $rtype_class.safe_preview(b"<b>hi</b>", 9, False)
    assert shown == {"kind": "text", "text": "<b>hi</b>", "truncated": False}
'''

#: relative path -> template, for every plugin
KIND_FILES = {
    "pyproject.toml": _PYPROJECT,
    "README.md": _README,
    "$package/__init__.py": _INIT,
    "$package/kind.py": _KIND,
    "examples/example.yaml": _EXAMPLE,
    "examples/data/poem.txt": _POEM,
    "tests/test_kind.py": _TEST_KIND,
}
#: relative path -> template, when a resource type is asked for
RESOURCE_FILES = {
    "$package/resource.py": _RESOURCE,
    "tests/test_resource.py": _TEST_RESOURCE,
}
