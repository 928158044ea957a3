"""The ``bash_jinja2`` kind: a bash script rendered with Jinja2 on the worker.

The template sees:

``inputs``
    one entry per input, by attribute or item (``{{ inputs.name }}``, ``{{ inputs['name'] }}``).
    A plain input renders as the absolute path of its file (or directory); an array input is a
    list of paths that renders space-separated (``{{ inputs.files }}``) and can be iterated or
    joined (``{{ inputs.files | join(',') }}``). An optional input without an edge is ``""``
    (an empty list if it is an array).
``outputs``
    the absolute path of each output: an empty file, or an empty directory for ``directory``
    outputs, which the script fills.
``params``
    the resolved parameter values.

``input``, ``output`` and ``param`` are aliases, as in PLynx 1. An entry wins over a dict
method of the same name (``{{ outputs.items }}`` is the output called ``items``). Rendering
is strict: a name that does not exist fails the node, with the name and the template line in
the log.

Paths are rendered as they are, not shell-quoted: the worker creates them, as absolute paths
of letters, digits, ``.``, ``_``, ``-`` and ``/`` only, so they never need quoting.

The script runs as ``bash -e -o pipefail -c SCRIPT script`` (``$0`` is ``script``, which also
starts bash's error messages); a script too long for one argument is written to ``script.sh``
and run from there. Its current directory is a fresh, empty directory of the attempt; the
inputs, the outputs and the script live *outside* it (in sibling directories), so a script can
work in ``.`` and copy everything it made with ``cp -r . {{ outputs.dir }}``. The directory is
emptied after the run.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from plynx.errors import InvalidInput
from plynx.model import Operation
from plynx.nodes.base import BaseNode, RunContext

__all__ = [
    "BashJinja2Node",
    "PathList",
    "TemplateProblem",
    "TemplateValues",
    "input_values",
    "render_script",
]

_ENV = jinja2.Environment(
    undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True
)
_TEMPLATE_NAME = "<template>"
#: Longest script passed as an argument (Linux allows 128 KiB per argument, in bytes).
_INLINE_SCRIPT = 64 * 1024


class PathList(list[str]):
    """The paths of an array input; renders space-separated."""

    def __str__(self) -> str:
        return " ".join(self)


class TemplateValues(dict[str, Any]):
    """A dict whose entries are also attributes (an entry wins over a dict method) and whose
    missing entries are strict undefined values that name what is missing."""

    def __init__(self, label: str, values: Mapping[str, Any]) -> None:
        super().__init__(values)
        self._TemplateValues__label = label

    def __getattribute__(self, name: str) -> Any:
        if not name.startswith("__") and dict.__contains__(self, name):
            return dict.__getitem__(self, name)
        return super().__getattribute__(name)

    def __missing__(self, key: str) -> jinja2.Undefined:
        label = object.__getattribute__(self, "_TemplateValues__label")
        known = ", ".join(sorted(self)) or "none"
        return jinja2.StrictUndefined(
            hint=f"{label} has no {key!r} (this operation's {label}: {known})", name=key
        )


class TemplateProblem(InvalidInput):
    """The template could not be rendered; the message says why and where."""


@functools.lru_cache(maxsize=256)
def _template(code: str) -> jinja2.Template:
    return _ENV.from_string(code)


def _template_line(exc: BaseException) -> int | None:
    """The template line an exception was raised at (Jinja rewrites the traceback for it)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _TEMPLATE_NAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_script(
    code: str,
    *,
    inputs: Mapping[str, Any],
    outputs: Mapping[str, Any],
    params: Mapping[str, Any],
) -> str:
    """Render ``code``; :class:`TemplateProblem` with the line and the reason if it fails."""
    try:
        template = _template(code)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(
            f"cannot render the script: line {exc.lineno}: {exc.message}"
        ) from None
    values = {
        "inputs": TemplateValues("inputs", inputs),
        "outputs": TemplateValues("outputs", outputs),
        "params": TemplateValues("params", params),
    }
    values.update(input=values["inputs"], output=values["outputs"], param=values["params"])
    try:
        return template.render(values)
    except Exception as exc:
        line = _template_line(exc)
        where = f"line {line}: " if line is not None else ""
        message = exc.message if isinstance(exc, jinja2.TemplateError) else repr(exc)
        raise TemplateProblem(f"cannot render the script: {where}{message}") from None


def input_values(
    inputs: Mapping[str, Sequence[Path]], arrays: frozenset[str]
) -> dict[str, str | PathList]:
    """What the template sees of each input: a path, or a list of paths for arrays."""
    return {
        name: PathList(str(p) for p in paths)
        if name in arrays
        else (str(paths[0]) if paths else "")
        for name, paths in inputs.items()
    }


@functools.lru_cache(maxsize=1024)
def _template_problem(code: str) -> str | None:
    """Why the script ``code`` does not parse as a template, or ``None``; the nodes of a large
    graph often share a script, parsed once."""
    try:
        _ENV.parse(code)
    except jinja2.TemplateSyntaxError as exc:
        return f"the script's template does not parse: line {exc.lineno}: {exc.message}"
    return None


class BashJinja2Node(BaseNode):
    """A bash script rendered with Jinja2: see the module documentation."""

    title = "Bash (Jinja2)"
    description = (
        "A bash script; {{ inputs.name }}, {{ outputs.name }} and {{ params['name'] }} expand "
        "to paths and values. Runs with set -e and pipefail in an empty directory of its own."
    )
    code_language = "bash"

    @classmethod
    def check(cls, operation: Operation) -> list[str]:
        problem = _template_problem(operation.code)
        return [problem] if problem else []

    async def run(self, ctx: RunContext) -> int:
        """Render the script (:class:`TemplateProblem`, which the worker reports as the node's
        error, if it cannot be) and run it with bash next to the working directory."""
        script = render_script(
            ctx.code,
            inputs=input_values(ctx.inputs, ctx.input_arrays),
            outputs={name: str(path) for name, path in ctx.outputs.items()},
            params=ctx.params,
        )
        bash = ["bash", "-e", "-o", "pipefail"]
        if len(script.encode()) <= _INLINE_SCRIPT:  # no file to write and remove
            return await ctx.run_process([*bash, "-c", script, "script"])
        path = ctx.workdir.parent / "script.sh"
        path.write_text(script)
        return await ctx.run_process([*bash, str(path)])
