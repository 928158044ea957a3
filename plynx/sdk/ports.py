"""Annotations that make a function's arguments ports of an operation.

::

    def split(table: plynx.Input["csv"], train: plynx.Output, test: plynx.Output["csv"]): ...

At runtime ``Input["csv"]`` is ``Annotated[str, PortSpec("input", "csv")]``: the function
still receives a path (a ``str``). Type checkers read the subscript as a type, so code checked
with mypy writes ``Input[Literal["csv"]]`` (both spellings mean the same to PLynx).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Annotated, Any, Generic, Literal

from typing_extensions import TypeVar

__all__ = ["Input", "Output", "PortSpec", "port_of"]

#: The port type given in brackets; a bare ``Output`` is fine under ``mypy --strict``.
T = TypeVar("T", default=Any)


@dataclass(frozen=True)
class PortSpec:
    """What an annotation declares: an ``input`` or ``output`` port of a resource type
    (``None``: the type given elsewhere, or ``file``)."""

    direction: Literal["input", "output"]
    type: str | None = None
    is_array: bool = False
    optional: bool = False


def _type_name(item: Any) -> str:
    if typing.get_origin(item) is Literal:
        (item,) = typing.get_args(item)
    if not isinstance(item, str):
        raise TypeError(f"a port type is a name such as 'csv', got {item!r}")
    return item


class Input(str, Generic[T]):
    """An input port: ``Input["csv"]`` (a path), ``Input["csv"] | None`` (optional, ``None``
    without an edge). Array inputs are declared with ``inputs={"parts": {"type": "csv",
    "is_array": True}}`` on the decorator."""

    def __class_getitem__(cls, item: Any) -> Any:
        return Annotated[str, PortSpec("input", _type_name(item))]


class Output(str, Generic[T]):
    """An output port: the path the function writes. ``Output`` alone takes its type from the
    decorator's ``outputs=`` (or ``file``); ``Output["json"]`` names it."""

    def __class_getitem__(cls, item: Any) -> Any:
        return Annotated[str, PortSpec("output", _type_name(item))]


def port_of(hint: Any) -> PortSpec | None:
    """The port an annotation declares, or ``None`` for a parameter."""
    if hint is Input:
        return PortSpec("input")
    if hint is Output:
        return PortSpec("output")
    args = typing.get_args(hint)
    if typing.get_origin(hint) is Annotated:
        found = next((a for a in hint.__metadata__ if isinstance(a, PortSpec)), None)
        return found
    if args and type(None) in args:  # Input["csv"] | None
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1 and (spec := port_of(inner[0])) is not None:
            return PortSpec(spec.direction, spec.type, spec.is_array, optional=True)
    return None
