"""Graphs: editable experiments made of node instances of operations and typed edges."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from plynx.model.operation import Operation
from plynx.model.parameters import NAME_PATTERN, Parameter

__all__ = ["Edge", "Graph", "GraphSummary", "Node", "Position"]


class Position(BaseModel):
    """Where the dashboard draws a node."""

    x: float = 0.0
    y: float = 0.0


class Node(BaseModel):
    """One instance of an operation in a graph, with its parameter values.

    ``id`` is unique within the graph. Nodes produced by expanding a composite have ids of the
    form ``outer/inner``; users write plain names.
    """

    model_config = ConfigDict(extra="forbid")

    id: str
    operation: Operation
    params: dict[str, Any] = Field(default_factory=dict)
    #: Literal values of inputs that have no edge (see :mod:`plynx.model.values`).
    values: dict[str, str] = Field(default_factory=dict)
    title: str = ""
    position: Position | None = None

    @property
    def label(self) -> str:
        """What to show a person for this node."""
        return self.title or self.operation.title or self.id


class Edge(BaseModel):
    """``src_node.src_port -> dst_node.dst_port``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    src_node: str
    src_port: str = Field(pattern=NAME_PATTERN)
    dst_node: str
    dst_port: str = Field(pattern=NAME_PATTERN)

    def __str__(self) -> str:
        return f"{self.src_node}.{self.src_port} -> {self.dst_node}.{self.dst_port}"


class Graph(BaseModel):
    """An experiment: nodes and edges, with metadata.

    ``parameters`` are the graph's own parameters: a node parameter written ``{ref: NAME}``
    takes its value from one of them, given when a run starts or else their default."""

    model_config = ConfigDict(extra="forbid")

    id: str = ""
    title: str = ""
    description: str = ""
    parameters: list[Parameter] = Field(default_factory=list)
    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    author: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = Field(
        default=None,
        description="when the graph was deleted (soft: hidden from lists, kept in the store)",
    )

    def node(self, node_id: str) -> Node | None:
        """The node with id ``node_id``, if any."""
        return next((n for n in self.nodes if n.id == node_id), None)

    def parameter(self, name: str) -> Parameter | None:
        """The graph parameter called ``name``, if any."""
        return next((p for p in self.parameters if p.name == name), None)

    def node_map(self) -> dict[str, Node]:
        """Nodes by id (the last one wins if ids repeat; validation reports repeats)."""
        return {n.id: n for n in self.nodes}

    def incoming(self) -> dict[str, list[Edge]]:
        """Edges into each node, in declaration order."""
        result: dict[str, list[Edge]] = {n.id: [] for n in self.nodes}
        for edge in self.edges:
            result.setdefault(edge.dst_node, []).append(edge)
        return result

    def searchable_text(self) -> str:
        """What a text search over graphs matches against."""
        return " ".join([self.title, self.description, self.author])


Operation.model_rebuild(_types_namespace={"Graph": Graph})


class GraphSummary(BaseModel):
    """A graph in a list: its metadata and size, without its nodes and edges (``GET
    /graphs/{id}`` returns the whole graph). Stores list these without building the graphs."""

    id: str
    title: str = ""
    description: str = ""
    author: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None
    node_count: int
    edge_count: int

    @classmethod
    def of(cls, graph: Graph) -> GraphSummary:
        """The summary of ``graph``."""
        return cls(
            **graph.model_dump(include=set(cls.model_fields) - {"node_count", "edge_count"}),
            node_count=len(graph.nodes),
            edge_count=len(graph.edges),
        )
