"""Operations: reusable, versioned templates of one step."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from plynx.model.parameters import NAME_PATTERN, Parameter
from plynx.model.resources import ResourceType

if TYPE_CHECKING:
    from plynx.model.graph import Graph

__all__ = ["Input", "Operation", "OperationStatus", "Output"]


class OperationStatus(StrEnum):
    """Life cycle of an operation: editable draft, published (immutable), deprecated."""

    DRAFT = "draft"
    READY = "ready"
    DEPRECATED = "deprecated"


class Input(BaseModel):
    """A typed input port. An array input takes between ``min_count`` and ``max_count`` edges
    (``None``: no upper bound); a plain input takes exactly one, or none if ``min_count`` is 0."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=NAME_PATTERN)
    type: ResourceType = ResourceType.FILE
    is_array: bool = False
    min_count: int = Field(default=1, ge=0)
    max_count: int | None = Field(default=None, ge=0)

    @property
    def required(self) -> bool:
        """Whether the input needs at least one edge."""
        return self.min_count > 0

    @property
    def upper_bound(self) -> int | None:
        """The largest number of edges this input accepts."""
        return self.max_count if self.is_array else 1


class Output(BaseModel):
    """A typed output port."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=NAME_PATTERN)
    type: ResourceType = ResourceType.FILE


class Operation(BaseModel):
    """A template of one step: what kind runs it, its ports, parameters and code.

    Graph nodes hold a copy of their operation, so a stored run never changes when the library
    does. ``id`` is empty for operations written inline in a graph file.
    A ``composite`` operation has a ``body`` graph; ``input_bindings`` maps each of its inputs to
    inner ``node.input`` ports, ``output_bindings`` maps each output to one inner ``node.output``.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = ""
    kind: str
    title: str = ""
    description: str = ""
    inputs: list[Input] = Field(default_factory=list)
    outputs: list[Output] = Field(default_factory=list)
    parameters: list[Parameter] = Field(default_factory=list)
    code: str = ""
    timeout: float | None = Field(default=None, gt=0, description="seconds; None: no limit")
    retries: int = Field(default=0, ge=0, le=20)
    status: OperationStatus = OperationStatus.DRAFT
    version: int = 1
    parent_id: str | None = Field(default=None, description="the previous version")
    successor_id: str | None = Field(default=None, description="set when deprecated")
    author: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    body: Graph | None = None
    input_bindings: dict[str, list[str]] = Field(default_factory=dict)
    output_bindings: dict[str, str] = Field(default_factory=dict)

    def input(self, name: str) -> Input | None:
        """The input called ``name``, if any."""
        return next((i for i in self.inputs if i.name == name), None)

    def output(self, name: str) -> Output | None:
        """The output called ``name``, if any."""
        return next((o for o in self.outputs if o.name == name), None)

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called ``name``, if any."""
        return next((p for p in self.parameters if p.name == name), None)

    def searchable_text(self) -> str:
        """What a text search over operations matches against."""
        return " ".join([self.title, self.description, self.kind, self.author])

    def dump(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return self.model_dump(mode="json")
