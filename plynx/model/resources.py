"""Resource types: what flows along an edge, and which types connect to which.

The built-in types are defined here; plugins add more through the ``plynx.resources``
entry-point group (see :mod:`plynx.nodes.resource_types`), which calls
:func:`register_resource_type` before any graph using them is parsed. A resource type is a
``str`` (its name), so it compares, hashes and serialises as one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

__all__ = ["ResourceType", "connect_problem", "register_resource_type"]

# Types an output may feed besides its own, by name. ``file`` accepts any single file; the
# textual formats are text. A directory only feeds a directory: it travels as an archive.
_WIDENS_TO: dict[str, frozenset[str]] = {}
_TYPES: dict[str, ResourceType] = {}


class _TypeSet(type):
    """Lets ``for t in ResourceType`` and ``"csv" in ResourceType`` see every registered type,
    as they would on an enum."""

    def __iter__(cls) -> Iterator[ResourceType]:
        return iter(list(_TYPES.values()))

    def __contains__(cls, name: object) -> bool:
        return name in _TYPES

    def __len__(cls) -> int:
        return len(_TYPES)


class ResourceType(str, metaclass=_TypeSet):
    """The type of a value on an edge (its name). Every value is stored as an artifact.

    ``ResourceType("csv")`` returns the registered type or raises :class:`ValueError` naming
    the known ones."""

    FILE: ClassVar[ResourceType]
    DIRECTORY: ClassVar[ResourceType]
    TEXT: ClassVar[ResourceType]
    CSV: ClassVar[ResourceType]
    TSV: ClassVar[ResourceType]
    JSON: ClassVar[ResourceType]
    IMAGE: ClassVar[ResourceType]
    PDF: ClassVar[ResourceType]
    EXECUTABLE: ClassVar[ResourceType]

    def __new__(cls, name: str) -> ResourceType:
        known = _TYPES.get(name)
        if known is None:
            raise ValueError(
                f"unknown resource type {name!r} (known: {', '.join(sorted(_TYPES))}); "
                "if a plugin provides it, install the plugin"
            )
        return known

    @classmethod
    def _make(cls, name: str) -> ResourceType:
        return str.__new__(cls, name)

    @property
    def value(self) -> str:
        """The name, as on an enum member."""
        return str(self)

    def __repr__(self) -> str:
        return f"ResourceType({str(self)!r})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls,
            core_schema.str_schema(),
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "enum": sorted(_TYPES)}


def register_resource_type(name: str, feeds: Iterable[str] = ()) -> ResourceType:
    """Make ``name`` a resource type whose outputs may also feed inputs of the types ``feeds``
    (which must be registered already). Registering the same name again with the same
    ``feeds`` is harmless; with other ``feeds`` it is a :class:`ValueError`."""
    wider = frozenset(feeds)
    unknown = sorted(wider - _TYPES.keys())
    if unknown:
        raise ValueError(f"resource type {name!r} feeds unknown types {', '.join(unknown)}")
    if name in _TYPES:
        if _WIDENS_TO[name] != wider:
            raise ValueError(f"resource type {name!r} is already registered with other feeds")
        return _TYPES[name]
    rtype = ResourceType._make(name)
    _TYPES[name] = rtype
    _WIDENS_TO[name] = wider
    return rtype


ResourceType.FILE = register_resource_type("file")
ResourceType.DIRECTORY = register_resource_type("directory")
ResourceType.TEXT = register_resource_type("text", {"file"})
ResourceType.CSV = register_resource_type("csv", {"file", "text"})
ResourceType.TSV = register_resource_type("tsv", {"file", "text"})
ResourceType.JSON = register_resource_type("json", {"file", "text"})
ResourceType.IMAGE = register_resource_type("image", {"file"})
ResourceType.PDF = register_resource_type("pdf", {"file"})
ResourceType.EXECUTABLE = register_resource_type("executable", {"file"})


def feeds(rtype: str) -> frozenset[str]:
    """The types an output of ``rtype`` may feed besides its own."""
    return _WIDENS_TO.get(rtype, frozenset())


def connect_problem(src: ResourceType, dst: ResourceType) -> str | None:
    """Say why an output of type ``src`` cannot feed an input of type ``dst``, or ``None`` if it
    can."""
    if src == dst or dst in _WIDENS_TO.get(src, frozenset()):
        return None
    accepted = sorted({t for t, wider in _WIDENS_TO.items() if dst in wider} | {str(dst)})
    return f"a {src} output cannot feed a {dst} input (it accepts {', '.join(accepted)})"
