"""The code a ``python`` operation made of a function ships to the worker.

The worker compiles the function's *source*, not the function object, so everything the
function uses must be recreated there: modules and things importable from installed modules
are imported, helper functions of its own file are shipped before it, anything else is
refused with its name (it would be a ``NameError`` on the worker, after the upload)."""

from __future__ import annotations

import ast
import builtins
import dis
import inspect
import sys
import textwrap
import types
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeGuard

from plynx.errors import InvalidInput

__all__ = ["function_code"]


def _global_names(code: types.CodeType) -> Iterator[str]:
    for instruction in dis.get_instructions(code):
        if instruction.opname in ("LOAD_GLOBAL", "LOAD_NAME"):
            yield str(instruction.argval)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _global_names(const)


def _import_line(name: str, value: Any) -> str | None:
    """The import that recreates the global ``name`` on the worker: a module, or a class or
    function importable from an installed module (``from pathlib import Path``)."""
    if isinstance(value, types.ModuleType):
        return f"import {value.__name__}" + ("" if value.__name__ == name else f" as {name}")
    module = getattr(value, "__module__", None)
    qualname = getattr(value, "__qualname__", None)
    if not module or module == "__main__" or not qualname or "." in qualname:
        return None
    if getattr(sys.modules.get(module), qualname, None) is not value:
        return None
    return f"from {module} import {qualname}" + ("" if qualname == name else f" as {name}")


def function_code(fn: Callable[..., Any]) -> str:
    """The code of a ``python`` operation that calls ``fn``: its source without decorators,
    with annotations left unevaluated, the modules (and importable classes and functions) it
    uses imported, and the helper functions of its own file that it calls shipped before it.

    :class:`InvalidInput` if a source cannot be found or the function uses another global (a
    value, a class of its own file: it would not exist on the worker)."""
    imports: dict[str, None] = {}  # an ordered set
    blocks: list[str] = []
    foreign: list[str] = []
    _collect(fn, imports, blocks, foreign, set())
    name = getattr(fn, "__name__", repr(fn))
    if foreign:
        raise InvalidInput(
            f"{name} uses global names that would not exist on the worker: "
            + ", ".join(sorted(set(foreign))),
            ["import what it needs inside the function, or pass values as parameters"],
        )
    header = ["from __future__ import annotations", *imports]
    return "\n\n\n".join(["\n".join(header), *blocks]) + "\n"


def _collect(
    fn: Callable[..., Any],
    imports: dict[str, None],
    blocks: list[str],
    foreign: list[str],
    seen: set[Callable[..., Any]],
) -> None:
    """Add what ``fn`` needs, then ``fn``'s own source, to ``imports`` and ``blocks``."""
    seen.add(fn)
    namespace: Mapping[str, Any] = getattr(fn, "__globals__", {})
    code = getattr(fn, "__code__", None)
    if code is not None:  # names of an enclosing function: gone once the source is shipped
        foreign.extend(code.co_freevars)
    for global_name in sorted(set(_global_names(code)) if code is not None else ()):
        value = namespace.get(global_name)
        if value is fn or (value is None and hasattr(builtins, global_name)):
            continue
        if _is_helper(value, fn, global_name):
            if value not in seen:
                _collect(value, imports, blocks, foreign, seen)
            continue
        line = _import_line(global_name, value)
        if line is None:
            foreign.append(global_name)
        else:
            imports[line] = None
    blocks.append(_source(fn))


def _is_helper(value: Any, fn: Callable[..., Any], name: str) -> TypeGuard[types.FunctionType]:
    """Whether ``value`` is a plain function of ``fn``'s own file, called by its name."""
    return (
        isinstance(value, types.FunctionType)
        and value.__module__ == getattr(fn, "__module__", None)
        and value.__name__ == name
    )


def _source(fn: Callable[..., Any]) -> str:
    """The source of ``fn`` without its decorators, dedented."""
    name = getattr(fn, "__name__", repr(fn))
    try:
        source = textwrap.dedent(inspect.getsource(fn))
    except (OSError, TypeError) as exc:
        raise InvalidInput(
            f"{name}: its source code is not available ({exc}); define it in a file or a "
            "notebook cell"
        ) from None
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a lambda in the middle of an expression
        tree = ast.Module(body=[], type_ignores=[])
    node = next((n for n in tree.body if isinstance(n, ast.FunctionDef)), None)
    if node is None or node.name != name:
        raise InvalidInput(f"{name}: an operation is made of a function defined with 'def'")
    return "\n".join(source.splitlines()[node.lineno - 1 : node.end_lineno])
