"""Composite operations defined in code: a body graph packaged as one operation, with inputs,
outputs and parameters of its own (``kind: composite`` in a graph file).

::

    with plynx.Composite("Count a word", inputs={"text": "text"}, outputs={"count": "text"},
                         parameters={"word": {"type": "str", "required": True}}) as count_word:
        c = count(text=count_word.input("text"), word=plynx.ref("word"))
        count_word.output("count", c.count)

    with plynx.Graph("fruit") as g:
        count_word(text=basket().text, word="apple")

Inside the ``with`` block operation calls add nodes to the body; ``plynx.ref(NAME)`` there
refers to the composite's parameter ``NAME``. When the block ends the composite is checked as
the server would check it (every input and output bound, types, parameters used) and becomes
an operation like any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self

from plynx.errors import GraphInvalid, InvalidInput
from plynx.model import FILE_KIND, Node, Operation, validate_graph
from plynx.model import Graph as GraphModel
from plynx.sdk.graph import Graph, InputHandle, NodeHandle, OutputHandle, _kind_checks
from plynx.sdk.operations import OperationSpec, PortsArg, _declared, _parse_operation, identifier

__all__ = ["Composite"]

#: Problems of a composite node that come from its body and bindings (not from its use).
_COMPOSITE_CODES = {"bad_binding", "type_mismatch", "unused_parameter", "invalid_operation"}


class Composite(OperationSpec):
    """A composite operation built in a ``with`` block; afterwards call it like any operation
    (see the module's example). ``inputs``, ``outputs`` and ``parameters`` take the graph-file
    forms, as :func:`plynx.bash` does."""

    def __init__(
        self,
        title: str,
        *,
        inputs: PortsArg = None,
        outputs: PortsArg = None,
        parameters: Mapping[str, Any] | None = None,
        description: str = "",
    ) -> None:
        spec = _declared(
            "composite",
            title=title,
            description=description,
            inputs=inputs,
            outputs=outputs,
            parameters=parameters,
        )
        super().__init__(identifier(title) or "composite", _parse_operation(title, spec))
        # the body sees the composite's parameters as its graph's, so refs are checked at once
        self.body = Graph(title, parameters=parameters or {})
        self._outputs: dict[str, str] = {}
        self._built = False

    def __repr__(self) -> str:
        state = "" if self._built else ", being built"
        return f"<plynx composite {self.name!r}: {len(self.body.model.nodes)} nodes{state}>"

    def __enter__(self) -> Self:
        if self._built:
            raise InvalidInput(f"the composite {self.name!r} is already built")
        self.body.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.body.__exit__(exc_type, exc, tb)
        if exc_type is None:
            self.operation = self._build()
            self._built = True

    def __call__(self, *, _id: str | None = None, _title: str = "", **kwargs: Any) -> NodeHandle:
        if not self._built:
            raise InvalidInput(
                f"the composite {self.name!r} is used before its 'with' block has ended"
            )
        return super().__call__(_id=_id, _title=_title, **kwargs)

    def input(self, name: str) -> InputHandle:
        """The composite's input ``name``: pass it to operation calls of the body (one input
        may feed several body nodes)."""
        if self.operation.input(name) is None:
            known = ", ".join(i.name for i in self.operation.inputs) or "none"
            raise InvalidInput(f"the composite {self.name!r} has no input {name!r} ({known})")
        return InputHandle(self.body, name)

    def output(self, name: str, source: OutputHandle | NodeHandle) -> None:
        """Make the body's output ``source`` the composite's output ``name``."""
        if self.operation.output(name) is None:
            known = ", ".join(o.name for o in self.operation.outputs) or "none"
            raise InvalidInput(f"the composite {self.name!r} has no output {name!r} ({known})")
        if isinstance(source, NodeHandle):
            source = source.only_output()
        if source.graph is not self.body:
            raise InvalidInput(f"output {name!r}: {source} is not a node of this composite")
        self._outputs[name] = f"{source.node_id}.{source.port}"

    def _build(self) -> Operation:
        """The composite operation, with every problem the server would find raised now."""
        problems = [
            f"input {i.name!r} feeds no node of the body: pass composite.input({i.name!r}) "
            "to an operation call"
            for i in self.operation.inputs
            if i.name not in self.body._bindings
        ] + [
            f"output {o.name!r} is not bound: call composite.output({o.name!r}, node.port)"
            for o in self.operation.outputs
            if o.name not in self._outputs
        ]
        body = self.body.model
        problems.extend(
            f"{n.id}: a composite's body holds no local file; make it an input of the composite"
            for n in body.nodes
            if n.operation.kind == FILE_KIND
        )
        if problems:
            raise GraphInvalid(
                f"the composite {self.name!r} is not complete: " + "; ".join(problems), problems
            )
        operation = self.operation.model_copy(
            update={
                "body": body.model_copy(update={"parameters": [], "title": ""}),
                "input_bindings": {k: list(v) for k, v in self.body._bindings.items()},
                "output_bindings": dict(self._outputs),
            }
        )
        probe = GraphModel(nodes=[Node(id=self.name, operation=operation)])
        issues = [
            issue
            for issue in validate_graph(probe, _kind_checks())
            if (issue.node or "").startswith(f"{self.name}/")
            or (issue.node == self.name and issue.code in _COMPOSITE_CODES)
        ]
        if issues:
            raise GraphInvalid(
                f"the composite {self.name!r} is not valid: " + "; ".join(map(str, issues)), issues
            )
        return operation
