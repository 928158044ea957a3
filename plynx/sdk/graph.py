"""Graphs built in code: ``with plynx.Graph(...) as g:`` and calls of operations.

Each call adds a node and is checked at once by the same validation the server runs (a type
mismatch, an unknown port or parameter, a missing input raise :class:`GraphInvalid` with the
server's messages). Handles can only point at nodes that already exist, so a graph built in
code has no cycle. ``g.to_yaml()`` writes the graph-file format and
:meth:`Graph.from_file` reads one.
"""

from __future__ import annotations

import contextvars
import functools
import json
from collections.abc import Mapping, Sequence
from os import PathLike
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from plynx.errors import GraphInvalid, InvalidInput
from plynx.model import REF_KEY, Edge, KindCheck, Node, parse_graph_document, validate_graph
from plynx.model import Graph as GraphModel
from plynx.model.values import VALUE_TYPES
from plynx.sdk.operations import OperationSpec, identifier

if TYPE_CHECKING:
    from plynx.sdk.connection import Connection
    from plynx.sdk.run import Run
    from plynx.sdk.sweep import Sweep

__all__ = ["Graph", "InputHandle", "NodeHandle", "OutputHandle", "current_graph", "file", "ref"]

_current: contextvars.ContextVar[Graph | None] = contextvars.ContextVar("plynx_graph", default=None)


def current_graph() -> Graph:
    """The graph of the innermost ``with plynx.Graph(...)`` block."""
    graph = _current.get()
    if graph is None:
        raise InvalidInput("operations add nodes only inside 'with plynx.Graph(...) as g:'")
    return graph


@functools.cache
def _kind_checks() -> dict[str, KindCheck]:
    from plynx.nodes import load_registry

    return load_registry().checks()


class OutputHandle:
    """An output port of a node: pass it to an operation call to draw an edge."""

    def __init__(self, graph: Graph, node_id: str, port: str) -> None:
        self.graph = graph
        self.node_id = node_id
        self.port = port

    def __repr__(self) -> str:
        return f"<output {self.node_id}.{self.port}>"


class InputHandle:
    """An input of a composite being built (``c.input("text")``): passing it to an operation
    call in the composite's body binds the input to that node's input."""

    def __init__(self, graph: Graph, name: str) -> None:
        self.graph = graph
        self.name = name

    def __repr__(self) -> str:
        return f"<composite input {self.name}>"


class NodeHandle:
    """A node of a graph; its attributes are its outputs (``split.train``). A node with a
    single output may itself be passed where an output is expected."""

    def __init__(self, graph: Graph, node_id: str) -> None:
        self.graph = graph
        self.id = node_id

    def __repr__(self) -> str:
        return f"<node {self.id}>"

    @property
    def node(self) -> Node:
        """The node as the model sees it (a copy)."""
        node = self.graph.model.node(self.id)
        if node is None:
            raise KeyError(self.id)
        return node

    def __getattr__(self, name: str) -> OutputHandle:
        if name.startswith("_"):
            raise AttributeError(name)
        node = self.graph._nodes()[self.id]
        if node.operation.output(name) is None:
            known = ", ".join(o.name for o in node.operation.outputs) or "none"
            raise AttributeError(f"node {self.id!r} has no output {name!r} (outputs: {known})")
        return OutputHandle(self.graph, self.id, name)

    def only_output(self) -> OutputHandle:
        """The node's output when it has exactly one."""
        outputs = self.graph._nodes()[self.id].operation.outputs
        if len(outputs) != 1:
            names = ", ".join(o.name for o in outputs) or "none"
            raise InvalidInput(
                f"node {self.id!r} has {len(outputs)} outputs ({names}); pass one of them, "
                f"e.g. {self.id}.{outputs[0].name if outputs else 'out'}"
            )
        return OutputHandle(self.graph, self.id, outputs[0].name)


def ref(name: str) -> dict[str, str]:
    """A node parameter value that takes the graph parameter ``name`` (``{ref: NAME}``)."""
    return {REF_KEY: name}


def file(path: str | PathLike[str], *, type: str = "file", id: str | None = None) -> OutputHandle:
    """A local file (or directory) as a node of the current graph, uploaded when the graph
    runs; returns its output."""
    return current_graph().file(path, type=type, id=id)


class Graph:
    """A graph being built in code (or read from a graph file).

    ``parameters`` are graph parameters in the graph-file form (``{"fraction": 0.25}`` or
    ``{"fraction": {"type": "float", "default": 0.25}}``); a node takes one with
    ``plynx.ref("fraction")``, and a run gives values with ``g.run(parameters=...)``."""

    def __init__(
        self, title: str = "", *, description: str = "", parameters: Mapping[str, Any] = {}
    ) -> None:
        doc = {"title": title, "description": description, "parameters": dict(parameters)}
        self._graph, _ = parse_graph_document({**doc, "nodes": {}})
        self._files: dict[str, Path] = {}
        self._op_names: dict[str, str] = {}
        #: a composite body's bindings: composite input -> inner ``node.input`` ports
        self._bindings: dict[str, list[str]] = {}
        self._tokens: list[contextvars.Token[Graph | None]] = []

    # -- building ---------------------------------------------------------------------------
    def __enter__(self) -> Self:
        self._tokens.append(_current.set(self))
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        _current.reset(self._tokens.pop())

    def __repr__(self) -> str:
        return f"<plynx.Graph {self.title!r}: {len(self._graph.nodes)} nodes>"

    def __getitem__(self, node_id: str) -> NodeHandle:
        if node_id not in self._nodes():
            raise KeyError(f"the graph has no node {node_id!r}")
        return NodeHandle(self, node_id)

    @property
    def title(self) -> str:
        """The graph's title."""
        return self._graph.title

    @property
    def id(self) -> str:
        """The id of the stored graph once published (else empty)."""
        return self._graph.id

    @property
    def model(self) -> GraphModel:
        """The graph as the API takes it (a copy)."""
        return self._graph.model_copy(deep=True)

    @property
    def files(self) -> dict[str, Path]:
        """The local file of each file node, by node id."""
        return dict(self._files)

    def _nodes(self) -> dict[str, Node]:
        return self._graph.node_map()

    def _unique_id(self, base: str) -> str:
        taken = self._nodes()
        if base not in taken:
            return base
        n = 2
        while f"{base}_{n}" in taken:
            n += 1
        return f"{base}_{n}"

    def file(
        self, path: str | PathLike[str], *, type: str = "file", id: str | None = None
    ) -> OutputHandle:
        """Add a local file (or directory) node; returns its output ``out``. A directory is
        of type ``directory`` unless ``type`` says otherwise."""
        local = Path(path).expanduser().absolute()
        if type == "file" and local.is_dir():
            type = "directory"  # a directory travels as an archive: only that type fits it
        node_id = id or self._unique_id(identifier(local.stem) or "file")
        if node_id in self._nodes():
            raise InvalidInput(f"the graph already has a node {node_id!r}")
        parsed, _ = parse_graph_document({"nodes": {node_id: {"file": local.name, "type": type}}})
        self._insert(parsed.nodes[0], [])
        self._files[node_id] = local
        return OutputHandle(self, node_id, "out")

    def add_node(
        self,
        spec: OperationSpec,
        arguments: Mapping[str, Any],
        *,
        node_id: str | None = None,
        title: str = "",
    ) -> NodeHandle:
        """Add a node of ``spec``: arguments named after inputs draw edges (or give values),
        the others set parameters. What is wrong raises :class:`GraphInvalid` at once."""
        node_id = node_id or self._unique_id(spec.name)
        if node_id in self._nodes():
            raise GraphInvalid(
                f"the graph already has a node {node_id!r}",
                [f"{node_id}: two nodes have this id"],
            )
        before = (self._graph, dict(self._files))
        try:
            return self._add_node(spec, arguments, node_id, title)
        except BaseException:
            self._graph, self._files = before  # file nodes made for its paths go too
            raise

    def _add_node(
        self, spec: OperationSpec, arguments: Mapping[str, Any], node_id: str, title: str
    ) -> NodeHandle:
        operation = spec.operation
        node = Node(id=node_id, operation=operation.model_copy(deep=True), title=title)
        edges: list[Edge] = []
        bound: list[tuple[str, str]] = []  # (composite input, inner input)
        problems: list[str] = []
        for name, value in arguments.items():
            inp = operation.input(name)
            if inp is None:
                if operation.parameter(name) is None:
                    known = ", ".join(
                        [i.name for i in operation.inputs] + [p.name for p in operation.parameters]
                    )
                    problems.append(
                        f"{node_id}.{name}: no input or parameter {name!r} "
                        f"(inputs and parameters: {known or 'none'})"
                    )
                node.params[name] = value
                continue
            many = inp.is_array and isinstance(value, list | tuple)
            for item in value if many else [value]:
                if item is None and not inp.required:
                    continue  # an optional input left without an edge
                if isinstance(item, InputHandle):
                    if item.graph is not self:
                        raise InvalidInput(f"{node_id}.{name}: {item} belongs to another graph")
                    bound.append((item.name, name))
                    continue
                source = self._source(item, node_id, name)
                if source is not None:
                    edges.append(
                        Edge(
                            src_node=source[0], src_port=source[1], dst_node=node_id, dst_port=name
                        )
                    )
                elif inp.type in VALUE_TYPES and not inp.is_array:
                    node.values[name] = item if isinstance(item, str) else json.dumps(item)
                else:
                    problems.append(
                        f"{node_id}.{name}: takes an output of another node (or a local path), "
                        f"not {type(item).__name__}"
                    )
        if problems:
            raise GraphInvalid(f"cannot add node {node_id!r}", problems)
        self._insert(node, edges, frozenset((node_id, port) for _, port in bound))
        for outer, port in bound:
            self._bindings.setdefault(outer, []).append(f"{node_id}.{port}")
        self._op_names[node_id] = spec.name
        return NodeHandle(self, node_id)

    def _source(self, item: Any, node_id: str, port: str) -> tuple[str, str] | None:
        if isinstance(item, NodeHandle):
            item = item.only_output()
        if isinstance(item, OutputHandle):
            if item.graph is not self:
                raise InvalidInput(f"{node_id}.{port}: {item} belongs to another graph")
            return item.node_id, item.port
        if isinstance(item, PathLike):
            out = self.file(item, id=self._unique_id(f"{node_id}_{port}"))
            return out.node_id, out.port
        return None

    def _insert(
        self, node: Node, edges: list[Edge], bound: frozenset[tuple[str, str]] = frozenset()
    ) -> None:
        """Add ``node`` and its incoming ``edges`` if that makes no problem for it; ``bound``
        are its inputs fed by the composite whose body this is (they need no edge)."""
        candidate = self._graph.model_copy(deep=True)
        candidate.nodes.append(node)
        candidate.edges.extend(edges)
        issues = [
            issue
            for issue in validate_graph(candidate, _kind_checks())
            if (issue.node == node.id or issue.code == "cycle")
            and not (issue.code == "missing_input" and (issue.node, issue.port) in bound)
        ]
        if issues:
            raise GraphInvalid(
                f"node {node.id!r} has {len(issues)} problem(s): " + "; ".join(map(str, issues)),
                issues,
            )
        self._graph = candidate

    # -- checking and files ---------------------------------------------------------------------
    def problems(self, parameters: Mapping[str, Any] | None = None) -> list[str]:
        """Every problem the server would find in the whole graph (empty when it can run)."""
        issues = validate_graph(self._graph, _kind_checks(), parameters=parameters)
        return [str(issue) for issue in issues]

    def to_yaml(self, path: str | PathLike[str] | None = None) -> str:
        """The graph in the graph-file format (``plynx run`` reads it); written to ``path``
        if given, with file paths relative to its directory."""
        from plynx.sdk.yamlfile import graph_document, to_yaml_text

        base = Path(path).absolute().parent if path is not None else None
        text = to_yaml_text(graph_document(self._graph, self._files, self._op_names, base))
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    @classmethod
    def from_file(cls, path: str | PathLike[str]) -> Graph:
        """Read a graph file (YAML or JSON, or ``example:NAME``); :class:`InvalidInput` lists
        every structural problem."""
        from plynx.cli.files import read_graph_file, resolve_graph_path

        parsed = read_graph_file(resolve_graph_path(str(path)))
        files = {ref.node_id: (parsed.base_dir / ref.path).expanduser() for ref in parsed.files}
        return cls.from_model(parsed.graph, files=files)

    @classmethod
    def from_model(cls, graph: GraphModel, *, files: Mapping[str, Path] = {}) -> Graph:
        """Wrap a graph as the API knows it (e.g. a stored one); ``files`` are the local
        files of its file nodes, if any must be uploaded."""
        built = cls()
        built._graph = graph.model_copy(deep=True)
        built._files = dict(files)
        return built

    # -- running -------------------------------------------------------------------------------
    def run(
        self,
        *,
        parameters: Mapping[str, Any] | None = None,
        title: str = "",
        connection: Connection | None = None,
        data_dir: str | PathLike[str] | None = None,
    ) -> Run:
        """Start a run (uploading local files first) and return it without waiting.

        Where: ``connection``, else the one :func:`plynx.connect` made, else PLynx embedded
        here like ``plynx run`` (a server and local workers on ``data_dir``, default
        ``~/.plynx``). :class:`GraphInvalid` lists every problem."""
        from plynx.sdk.loop import run_sync

        return run_sync(
            self.arun(parameters=parameters, title=title, connection=connection, data_dir=data_dir)
        )

    async def arun(
        self,
        *,
        parameters: Mapping[str, Any] | None = None,
        title: str = "",
        connection: Connection | None = None,
        data_dir: str | PathLike[str] | None = None,
    ) -> Run:
        """:meth:`run` for asyncio code."""
        from plynx.sdk.connection import resolve_connection

        conn = await resolve_connection(connection, data_dir)
        return await conn.asubmit(self, parameters=parameters, title=title)

    def sweep(
        self,
        values: Mapping[str, Sequence[Any]],
        *,
        mode: str = "grid",
        fixed: Mapping[str, Any] | None = None,
        title: str = "",
        connection: Connection | None = None,
        data_dir: str | PathLike[str] | None = None,
    ) -> Sweep:
        """Start one run per combination of ``values`` (as ``plynx run --sweep``) and return
        the sweep without waiting. A target is a graph parameter (``"fraction"``) or a node's
        parameter (``"split.seed"``); ``grid`` runs every combination, ``zip`` the i-th values
        together; ``fixed`` values are shared by every run. Where it runs is chosen as for
        :meth:`run`; :class:`GraphInvalid` lists every problem of every combination."""
        from plynx.sdk.loop import run_sync

        return run_sync(
            self.asweep(
                values,
                mode=mode,
                fixed=fixed,
                title=title,
                connection=connection,
                data_dir=data_dir,
            )
        )

    async def asweep(
        self,
        values: Mapping[str, Sequence[Any]],
        *,
        mode: str = "grid",
        fixed: Mapping[str, Any] | None = None,
        title: str = "",
        connection: Connection | None = None,
        data_dir: str | PathLike[str] | None = None,
    ) -> Sweep:
        """:meth:`sweep` for asyncio code."""
        from plynx.sdk.connection import resolve_connection

        conn = await resolve_connection(connection, data_dir)
        return await conn.asweep(self, values, mode=mode, fixed=fixed, title=title)

    def publish(self, *, connection: Connection | None = None) -> str:
        """Store the graph and its operations (published) on the server, so they appear in
        the dashboard's library and editor; returns the stored graph's id."""
        from plynx.sdk.loop import run_sync

        return run_sync(self.apublish(connection=connection))

    async def apublish(self, *, connection: Connection | None = None) -> str:
        """:meth:`publish` for asyncio code."""
        from plynx.sdk.connection import resolve_connection

        conn = await resolve_connection(connection, None)
        stored = await conn.apublish_graph(self)
        self._graph.id = stored.id
        return stored.id
