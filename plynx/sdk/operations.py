"""Operations written in Python: ``@plynx.operation`` (a ``python`` operation from a function),
``plynx.bash`` (a ``bash_jinja2`` one) and ``plynx.op`` (any installed kind).

Each returns an :class:`OperationSpec`. Calling one inside ``with plynx.Graph(...)`` adds a
node. Operations are described in the graph-file format (``inputs={"data": "csv"}``,
``parameters={"seed": 1}`` or ``{"seed": {"type": "int", "default": 1}}``) and parsed by the
same code that reads graph files, so what the SDK builds is exactly what a YAML file would.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from plynx.errors import InvalidInput
from plynx.model import Operation, parse_graph_document
from plynx.sdk.ports import PortSpec, port_of
from plynx.sdk.source import function_code

if TYPE_CHECKING:
    from plynx.sdk.graph import NodeHandle

__all__ = ["OperationSpec", "bash", "op", "operation"]

PortsArg = Mapping[str, str | Mapping[str, Any]] | None
_SIMPLE_TYPES: dict[Any, str] = {
    bool: "bool",
    int: "int",
    float: "float",
    str: "str",
    list[str]: "list_str",
    list[int]: "list_int",
}


class OperationSpec:
    """An operation ready to be used in graphs. Calling it inside ``with plynx.Graph(...)``
    adds a node: keyword arguments named after inputs take output handles (or a literal value
    for a text-like input, or a :class:`pathlib.Path` to upload), the others set parameters;
    ``_id`` names the node (default: the operation's name, made unique) and ``_title``
    titles it. Returns the node's handle, whose attributes are its outputs."""

    def __init__(self, name: str, operation: Operation) -> None:
        self.name = name
        self.operation = operation

    def __repr__(self) -> str:
        return f"<plynx operation {self.name!r} ({self.operation.kind})>"

    def __call__(self, *, _id: str | None = None, _title: str = "", **kwargs: Any) -> NodeHandle:
        from plynx.sdk.graph import current_graph

        return current_graph().add_node(self, kwargs, node_id=_id, title=_title)


def _parse_operation(name: str, spec: Mapping[str, Any]) -> Operation:
    """An operation written in the graph-file format, parsed as a graph file's would be."""
    try:
        graph, _ = parse_graph_document(
            {"operations": {name: dict(spec)}, "nodes": {"n": {"operation": name}}}
        )
    except InvalidInput as exc:
        problems = [str(p).replace("node 'n': ", "") for p in exc.problems]
        raise InvalidInput(f"operation {name!r} is not well formed", problems) from None
    return graph.nodes[0].operation


def _declared(
    kind: str,
    *,
    title: str,
    description: str = "",
    inputs: PortsArg = None,
    outputs: PortsArg = None,
    parameters: Mapping[str, Any] | None = None,
    code: str = "",
    timeout: float | None = None,
    retries: int = 0,
    **extra: Any,
) -> dict[str, Any]:
    spec: dict[str, Any] = {"kind": kind, "title": title, "code": code, **extra}
    if description:
        spec["description"] = description
    for key, value in (("inputs", inputs), ("outputs", outputs), ("parameters", parameters)):
        if value:
            spec[key] = dict(value)
    if timeout is not None:
        spec["timeout"] = timeout
    if retries:
        spec["retries"] = retries
    return spec


def bash(
    code: str,
    *,
    inputs: PortsArg = None,
    outputs: PortsArg = None,
    parameters: Mapping[str, Any] | None = None,
    title: str = "bash",
    description: str = "",
    timeout: float | None = None,
    retries: int = 0,
) -> OperationSpec:
    """A ``bash_jinja2`` operation: ``code`` is a bash script where ``{{ inputs.name }}``,
    ``{{ outputs.name }}`` and ``{{ params['name'] }}`` expand to paths and values."""
    return op(
        "bash_jinja2",
        code=code,
        inputs=inputs,
        outputs=outputs,
        parameters=parameters,
        title=title,
        description=description,
        timeout=timeout,
        retries=retries,
    )


def op(
    kind: str,
    *,
    title: str,
    code: str = "",
    inputs: PortsArg = None,
    outputs: PortsArg = None,
    parameters: Mapping[str, Any] | None = None,
    description: str = "",
    timeout: float | None = None,
    retries: int = 0,
    **extra: Any,
) -> OperationSpec:
    """An operation of any installed ``kind`` (``extra`` holds other operation fields, such as
    a composite's ``body`` and bindings). The title is also the default node id."""
    spec = _declared(
        kind,
        title=title,
        description=description,
        inputs=inputs,
        outputs=outputs,
        parameters=parameters,
        code=code,
        timeout=timeout,
        retries=retries,
        **extra,
    )
    return OperationSpec(identifier(title) or "op", _parse_operation(title, spec))


def identifier(text: str) -> str:
    """``text`` made a node id (other characters become ``_``); empty if nothing is left."""
    name = "".join(c if c.isalnum() or c == "_" else "_" for c in text.strip()).strip("_")
    return name if name and not name[0].isdigit() else ""


def operation(
    *,
    inputs: PortsArg = None,
    outputs: PortsArg = None,
    title: str = "",
    description: str = "",
    timeout: float | None = None,
    retries: int = 0,
) -> Callable[[Callable[..., Any]], OperationSpec]:
    """Make a ``python`` operation of a function, called on a worker with each argument bound
    by name (the ``python`` kind's calling convention).

    Arguments annotated ``Input[...]`` (or named in ``inputs``) are input ports and receive
    paths; those annotated ``Output`` (or named in ``outputs``) are output ports and receive the
    paths to write; every other argument is a parameter typed by its annotation (``int``,
    ``float``, ``bool``, ``str``, ``list[str]``, ``list[int]``, a ``Literal`` of strings is an
    enum) or its default, and required when it has no default. The docstring becomes the
    description.

    The function's source is what runs, not the function object: it may use what the top of
    its file imports (modules, and classes or functions of installed modules, are imported on
    the worker too) and call functions of its own file (their source is shipped with it), but
    use no other global name."""

    def decorate(fn: Callable[..., Any]) -> OperationSpec:
        spec = _function_spec(fn, inputs or {}, outputs or {})
        spec["title"] = title or fn.__name__
        spec["description"] = description or inspect.getdoc(fn) or ""
        if timeout is not None:
            spec["timeout"] = timeout
        if retries:
            spec["retries"] = retries
        return OperationSpec(fn.__name__, _parse_operation(fn.__name__, spec))

    return decorate


def _function_spec(
    fn: Callable[..., Any], inputs: Mapping[str, Any], outputs: Mapping[str, Any]
) -> dict[str, Any]:
    name = getattr(fn, "__name__", repr(fn))
    if name == "<lambda>" or inspect.iscoroutinefunction(fn) or inspect.isgeneratorfunction(fn):
        raise InvalidInput(
            f"{name}: an operation is made of a function defined with 'def' (not async, no yield)"
        )
    try:
        hints = typing.get_type_hints(fn, include_extras=True)
    except Exception as exc:
        raise InvalidInput(f"{name}: cannot read its annotations ({exc})") from None
    ins: dict[str, Any] = {}
    outs: dict[str, Any] = {}
    params: dict[str, Any] = {}
    problems: list[str] = []
    for arg in inspect.signature(fn).parameters.values():
        if arg.kind in (arg.VAR_POSITIONAL, arg.VAR_KEYWORD, arg.POSITIONAL_ONLY):
            problems.append(
                f"argument {arg.name!r}: *args, **kwargs and positional-only "
                "arguments cannot be bound by name"
            )
            continue
        port = port_of(hints.get(arg.name))
        if port is None and arg.name in outputs:
            port = PortSpec("output")
        elif port is None and arg.name in inputs:
            port = PortSpec("input")
        if port is not None:
            side, declared = (ins, inputs) if port.direction == "input" else (outs, outputs)
            side[arg.name] = _port(port, declared.get(arg.name))
            continue
        try:
            params[arg.name] = _parameter(arg, hints.get(arg.name))
        except TypeError as exc:
            problems.append(f"argument {arg.name!r}: {exc}")
    for declared, side, what in ((inputs, ins, "input"), (outputs, outs, "output")):
        problems.extend(
            f"{what} {port!r} is declared but the function has no argument of that name"
            for port in declared
            if port not in side
        )
    if problems:
        raise InvalidInput(f"{name} cannot be an operation", problems)
    return {
        "kind": "python",
        "inputs": ins,
        "outputs": outs,
        "parameters": params,
        "code": function_code(fn),
    }


def _port(spec: PortSpec, declared: Any) -> Any:
    if isinstance(declared, Mapping):
        return dict(declared)
    port: dict[str, Any] = {"type": declared or spec.type or "file"}
    if spec.optional:
        port["min_count"] = 0
    return port


def _parameter(arg: inspect.Parameter, hint: Any) -> dict[str, Any]:
    declared: dict[str, Any] = {}
    if hint is not None:
        declared.update(_parameter_type(hint))
    elif arg.default is inspect.Parameter.empty or arg.default is None:
        raise TypeError("a parameter needs a type annotation or a default")
    if arg.default is inspect.Parameter.empty:
        declared["required"] = True
    elif arg.default is not None:
        declared["default"] = arg.default
    if "type" not in declared:
        return declared["default"]  # type: ignore[no-any-return]  # inferred, as in graph files
    return declared


def _parameter_type(hint: Any) -> dict[str, Any]:
    args = typing.get_args(hint)
    if type(None) in args and len(args) == 2:  # int | None: an optional value
        (hint,) = [a for a in args if a is not type(None)]
        args = typing.get_args(hint)
    if hint in _SIMPLE_TYPES:
        return {"type": _SIMPLE_TYPES[hint]}
    if typing.get_origin(hint) is Literal and all(isinstance(a, str) for a in args):
        return {"type": "enum", "choices": list(args)}
    raise TypeError(
        f"cannot make a parameter of type {hint!r} (use int, float, bool, str, list[str], "
        "list[int] or a Literal of strings)"
    )
