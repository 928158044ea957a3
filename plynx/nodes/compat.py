"""The PLynx plugin API version, and the check of the range a plugin declares it supports.

A plugin's kind (:class:`~plynx.nodes.base.BaseNode`) or resource type
(:class:`~plynx.nodes.resource_types.ResourceTypeSpec`) sets ``plynx_api`` to a range such as
``">=1.0,<2"``; a plugin built for another range is refused at load with a message naming it,
its range and the running version, instead of failing later in a node."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable

__all__ = ["API_VERSION", "api_range_problem", "parse_api_range"]

#: The version of the public plugin API (:mod:`plynx.api`). The major part changes when a
#: plugin written for the previous one may break; see ``plugins/API_CHANGELOG.md``.
API_VERSION = "1.0"

_CLAUSE_RE = re.compile(r"^\s*(>=|<=|==|!=|>|<|~=)\s*(\d+(?:\.\d+)*)\s*$")
_OPS: dict[str, Callable[[tuple[int, ...], tuple[int, ...]], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}


def _version(text: str) -> tuple[int, ...]:
    parts = [int(p) for p in text.split(".")]
    while len(parts) > 1 and parts[-1] == 0:  # 1.0 == 1
        parts.pop()
    return tuple(parts)


def parse_api_range(spec: str) -> list[tuple[str, tuple[int, ...]]]:
    """The clauses of a range like ``">=1.0,<2"``; :class:`ValueError` saying what is wrong."""
    clauses = []
    for raw in spec.split(","):
        match = _CLAUSE_RE.match(raw)
        if match is None:
            raise ValueError(
                f"{raw.strip()!r} in the API range {spec!r} is not a clause like '>=1.0' or '<2'"
            )
        clauses.append((match[1], _version(match[2])))
    return clauses


def _satisfies(version: tuple[int, ...], op: str, bound: tuple[int, ...]) -> bool:
    if op == "~=":  # compatible release: >= bound, same prefix but the last part
        return (
            version >= bound
            and version[: max(len(bound) - 1, 1)] == bound[: max(len(bound) - 1, 1)]
        )
    return _OPS[op](version, bound)


def api_range_problem(plugin: str, what: str, spec: str | None) -> str | None:
    """Why ``plugin`` (providing ``what``, e.g. ``kind 'sql'``) cannot load on this PLynx, or
    ``None``. A plugin that declares no range is loaded (with the risk that brings)."""
    if spec is None:
        return None
    try:
        clauses = parse_api_range(spec)
    except ValueError as exc:
        return f"plugin {plugin} ({what}) declares an unreadable PLynx API range: {exc}"
    running = _version(API_VERSION)
    if all(_satisfies(running, op, bound) for op, bound in clauses):
        return None
    return (
        f"plugin {plugin} ({what}) supports PLynx API {spec} but this PLynx provides API "
        f"{API_VERSION}; install a release of {plugin} built for API {API_VERSION}"
    )
