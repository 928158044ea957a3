"""Parameter references: a node parameter written ``{ref: NAME}`` takes its value from a
parameter of the enclosing scope (DESIGN §11).

The scope of a top-level node is the graph's own ``parameters``; the scope of a node in a
composite's body is the composite operation's ``parameters``. References are resolved when a run
is created (:func:`resolve_refs`, called by the composite expansion), so the cache key of every
node sees the values, never the references.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from plynx.model.parameters import Parameter, ParameterType, coerce_value, is_valid_name

__all__ = [
    "REF_KEY",
    "ParameterProblem",
    "parameter_values",
    "ref_name",
    "ref_type_problem",
    "resolve_refs",
]

#: The one key of a reference: ``{"ref": "word"}``.
REF_KEY = "ref"

_TEXTUAL = frozenset({ParameterType.STR, ParameterType.TEXT, ParameterType.CODE})


def ref_name(value: Any) -> str | None:
    """The parameter ``value`` refers to when it is ``{ref: NAME}``, else ``None``.

    Raises ``ValueError`` for a mapping that means to be a reference but is not well formed, so
    that a typo is reported rather than taken as a value."""
    if not isinstance(value, Mapping) or REF_KEY not in value:
        return None
    name = value[REF_KEY]
    if len(value) != 1 or not isinstance(name, str) or not is_valid_name(name):
        raise ValueError(
            f"a reference is written {{ref: NAME}} with one parameter name, not {value!r}"
        )
    return name


def ref_type_problem(source: Parameter, target: Parameter) -> str | None:
    """Why a parameter of type ``target`` cannot take its value from ``source``, or ``None``.

    Equal types fit; so do any text-like types into a text-like one, an enum into a text-like
    one, an int into a float, and an enum into an enum that allows all of its choices."""
    s, t = source.type, target.type
    fits = (
        (s == t and s != ParameterType.ENUM)
        or (t in _TEXTUAL and (s in _TEXTUAL or s == ParameterType.ENUM))
        or (t == ParameterType.FLOAT and s == ParameterType.INT)
        or (
            s == t == ParameterType.ENUM
            and bool(source.choices)
            and set(source.choices) <= set(target.choices)
        )
    )
    if fits:
        return None
    extra = sorted(set(source.choices) - set(target.choices))
    if s == t == ParameterType.ENUM and extra:
        allowed = ", ".join(extra)
        return f"{{ref: {source.name}}} may be {allowed}, which {target.name!r} does not allow"
    return f"{target.name!r} is {t.value} but {{ref: {source.name}}} is {s.value}"


def resolve_refs(params: Mapping[str, Any], scope: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` with every reference replaced by its value in ``scope``. A reference to a
    parameter that has no value (``None``: optional, no default) is left out, as if the node
    did not give the parameter. Expects a validated graph."""
    resolved: dict[str, Any] = {}
    for name, value in params.items():
        target = ref_name(value)
        if target is None:
            resolved[name] = value
        elif scope.get(target) is not None:
            resolved[name] = scope[target]
    return resolved


@dataclass(frozen=True)
class ParameterProblem:
    """A problem with a graph parameter or a value given for one: ``code`` as in graph issues,
    ``name`` the parameter's."""

    code: str
    name: str
    message: str


def parameter_values(
    declared: Iterable[Parameter], given: Mapping[str, Any]
) -> tuple[dict[str, Any], list[ParameterProblem]]:
    """The value of every declared parameter (``given`` over defaults, coerced to its type) and
    every problem: a name nobody declared, a value of the wrong type, a required one missing."""
    params = {p.name: p for p in declared}
    problems = [
        ParameterProblem(
            "unknown_parameter",
            name,
            f"there is no graph parameter {name!r} (graph parameters: "
            + (", ".join(sorted(params)) or "none")
            + ")",
        )
        for name in given
        if name not in params
    ]
    values: dict[str, Any] = {}
    for param in params.values():
        raw = given.get(param.name, param.default)
        if raw is None:
            values[param.name] = None
            if param.required:
                problems.append(
                    ParameterProblem(
                        "missing_parameter",
                        param.name,
                        f"graph parameter {param.name!r} needs a value",
                    )
                )
            continue
        try:
            values[param.name] = coerce_value(param, raw)
        except ValueError as exc:
            problems.append(
                ParameterProblem(
                    "bad_parameter", param.name, f"graph parameter {param.name!r}: {exc}"
                )
            )
    return values, problems
