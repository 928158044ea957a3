"""Node kinds: the BaseNode API, the entry-point registry and the built-in kinds."""

from plynx.nodes.base import BaseNode, KindInfo, RunContext
from plynx.nodes.registry import ENTRY_POINT_GROUP, Registry, load_registry

__all__ = ["ENTRY_POINT_GROUP", "BaseNode", "KindInfo", "Registry", "RunContext", "load_registry"]
