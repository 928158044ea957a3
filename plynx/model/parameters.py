"""Operation parameters: declared types, defaults, and coercion of user values."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["NAME_PATTERN", "Parameter", "ParameterType", "coerce_value"]

#: Names of ports, parameters and nodes: usable as Python identifiers and in Jinja2.
NAME_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]{0,63}$"
_NAME_RE = re.compile(NAME_PATTERN)


class ParameterType(StrEnum):
    """The value types a parameter may have."""

    STR = "str"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    TEXT = "text"
    ENUM = "enum"
    LIST_STR = "list_str"
    LIST_INT = "list_int"
    CODE = "code"


class Parameter(BaseModel):
    """A declared parameter of an operation. ``default=None`` with ``required`` means the graph
    must give a value."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=NAME_PATTERN)
    type: ParameterType = ParameterType.STR
    default: Any = None
    label: str = ""
    required: bool = False
    choices: list[str] = Field(default_factory=list, description="allowed values of an enum")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def coerce_value(param: Parameter, value: Any) -> Any:
    """Return ``value`` converted to the parameter's type, or raise ``ValueError`` with a message
    that says what was expected. Strings such as ``"3"`` are accepted for numbers, as graph files
    and forms produce them."""
    kind = param.type
    if kind in (ParameterType.STR, ParameterType.TEXT, ParameterType.CODE):
        if isinstance(value, str):
            return value
        if _is_int(value) or isinstance(value, float):
            return str(value)
        raise ValueError(f"expected a string, got {type(value).__name__}")
    if kind == ParameterType.INT:
        if _is_int(value):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                pass
        raise ValueError(f"expected an integer, got {value!r}")
    if kind == ParameterType.FLOAT:
        if _is_int(value) or isinstance(value, float):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value.strip())
            except ValueError:
                pass
        raise ValueError(f"expected a number, got {value!r}")
    if kind == ParameterType.BOOL:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in {
            "true",
            "false",
            "1",
            "0",
            "yes",
            "no",
        }:
            return value.strip().lower() in {"true", "1", "yes"}
        raise ValueError(f"expected true or false, got {value!r}")
    if kind == ParameterType.ENUM:
        if isinstance(value, str) and value in param.choices:
            return value
        raise ValueError(
            f"expected one of {', '.join(param.choices) or '(no choices)'}, got {value!r}"
        )
    if kind == ParameterType.LIST_STR:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise ValueError("expected a list of strings")
    if kind == ParameterType.LIST_INT:
        if isinstance(value, list):
            try:
                return [
                    coerce_value(Parameter(name="item", type=ParameterType.INT), v) for v in value
                ]
            except ValueError:
                pass
        raise ValueError("expected a list of integers")
    raise ValueError(f"unknown parameter type {kind!r}")  # pragma: no cover


def is_valid_name(name: str) -> bool:
    """Whether ``name`` may name a node, port or parameter."""
    return bool(_NAME_RE.match(name))
