"""The ``python`` kind: Python code run in a process of its own on the worker.

Two styles are accepted.

*Function*: the code defines a top-level function whose parameters are all named after
inputs, outputs or parameters of the operation (a parameter with a default may be left
unnamed)::

    def split(inputs, output_a, output_b, sample_rate, seed):
        ...

The function is called with each argument bound by name: an input to its path (a list of
paths for an array input, ``None`` for an optional input without an edge), an output to the
path to write, a parameter to its value. ``inputs``, ``outputs`` and ``params`` that do not
name a port bind to the whole mapping. When several functions qualify, the last one defined
is called; functions whose name starts with ``_`` never are; and if the code calls the
function itself at the top level, it is not called a second time.

*Script*: otherwise the code runs as a script with ``inputs``, ``outputs`` and ``params``
(dicts with the same values) as globals.

The code runs with the attempt's empty working directory as its current directory, in a
process forked from a warm interpreter. An uncaught exception prints its traceback to stderr
and fails the node with exit code 1; ``sys.exit(n)`` exits with ``n``.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from plynx.model import Operation
from plynx.nodes.base import BaseNode, RunContext

__all__ = ["PythonNode", "find_entry_function", "python_values"]

_CALL_BINDING = "__plynx_call__"


def _called_at_top_level(tree: ast.Module) -> set[str]:
    """Names called outside any function or class body."""
    called: set[str] = set()
    pending: list[ast.AST] = [
        s
        for s in tree.body
        if not isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    ]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            called.add(node.func.id)
        pending.extend(
            child
            for child in ast.iter_child_nodes(node)
            if not isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda
            )
        )
    return called


def find_entry_function(code: str, names: set[str]) -> tuple[str, list[str]] | None:
    """The function to call and the names of the arguments to bind, or ``None`` to run the
    code as a script. ``names`` are what arguments may be bound to."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # the child reports it, with the traceback
    chosen: tuple[str, list[str]] | None = None
    for stmt in tree.body:
        if not isinstance(stmt, ast.FunctionDef) or stmt.name.startswith("_"):
            continue
        args = stmt.args
        if args.vararg or args.posonlyargs:
            continue
        positional = [a.arg for a in args.args]
        with_default = set(positional[len(positional) - len(args.defaults) :])
        with_default |= {
            a.arg for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None
        }
        arguments = positional + [a.arg for a in args.kwonlyargs]
        bound = [a for a in arguments if a in names]
        if bound and all(a in names or a in with_default for a in arguments):
            chosen = (stmt.name, bound)
    if chosen is not None and chosen[0] in _called_at_top_level(tree):
        return None
    return chosen


def python_values(
    inputs: Mapping[str, Sequence[Path]], arrays: frozenset[str]
) -> dict[str, str | list[str] | None]:
    """What Python code sees of each input: a path, a list of paths for arrays, ``None`` for an
    optional input without an edge."""
    return {
        name: [str(p) for p in paths] if name in arrays else (str(paths[0]) if paths else None)
        for name, paths in inputs.items()
    }


class PythonNode(BaseNode):
    """Python code, run as a function bound by name or as a script: see the module docs."""

    title = "Python"
    description = (
        "Python code with inputs, outputs and params in scope, or a function whose arguments "
        "are bound by name to inputs, outputs and parameters. Runs in a process of its own."
    )
    code_language = "python"

    @classmethod
    def check(cls, operation: Operation) -> list[str]:
        try:
            compile(operation.code, "<node code>", "exec", dont_inherit=True)
        except SyntaxError as exc:
            return [f"the code does not compile: line {exc.lineno}, column {exc.offset}: {exc.msg}"]
        except ValueError as exc:  # a NUL character (3.11)
            return [f"the code does not compile: {exc}"]
        except (RecursionError, MemoryError):
            # an expression nested (or chained) too deep for the compiler: a compile bomb, or
            # generated code that Python itself could not run either
            return ["the code does not compile: it nests too deeply for the Python compiler"]
        return []

    async def run(self, ctx: RunContext) -> int:
        inputs = python_values(ctx.inputs, ctx.input_arrays)
        outputs = {name: str(path) for name, path in ctx.outputs.items()}
        params = dict(ctx.params)
        bindings: dict[str, Any] = {"inputs": inputs, "outputs": outputs, "params": params}
        by_name: dict[str, Any] = {**bindings, **params, **outputs, **inputs}
        code = ctx.code
        entry = find_entry_function(code, set(by_name))
        if entry is not None:
            name, arguments = entry
            bindings[_CALL_BINDING] = {a: by_name[a] for a in arguments}
            code = f"{code}\n\n{name}(**{_CALL_BINDING})\n"
        return await ctx.run_python(code, bindings)
