"""Node kinds: the BaseNode API, the entry-point registry and the built-in kinds."""

from plynx.nodes.base import BaseNode, KindInfo, RunContext
from plynx.nodes.registry import (
    ENTRY_POINT_GROUP,
    RESOURCE_ENTRY_POINT_GROUP,
    LoadProblem,
    Registry,
    load_registry,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "RESOURCE_ENTRY_POINT_GROUP",
    "BaseNode",
    "KindInfo",
    "LoadProblem",
    "Registry",
    "RunContext",
    "load_registry",
]
