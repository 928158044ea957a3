"""The kind registry: node kinds loaded from the ``plynx.nodes`` entry-point group."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from importlib.metadata import EntryPoint, entry_points

from plynx.model import KindCheck
from plynx.nodes.base import BaseNode, KindInfo

__all__ = ["ENTRY_POINT_GROUP", "Registry", "load_registry"]

ENTRY_POINT_GROUP = "plynx.nodes"
logger = logging.getLogger(__name__)


class Registry:
    """Node kinds by name, with the distribution each came from."""

    def __init__(self, kinds: Mapping[str, type[BaseNode]], plugins: Mapping[str, str]) -> None:
        self._kinds = dict(kinds)
        self._plugins = dict(plugins)

    def __contains__(self, name: object) -> bool:
        return name in self._kinds

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._kinds))

    def names(self) -> list[str]:
        """Every kind name, sorted."""
        return sorted(self._kinds)

    def get(self, name: str) -> type[BaseNode] | None:
        """The kind class called ``name``, if loaded."""
        return self._kinds.get(name)

    def infos(self) -> list[KindInfo]:
        """Descriptions of every kind for the API."""
        return [self._kinds[n].info(self._plugins.get(n, "")) for n in self.names()]

    def checks(self) -> dict[str, KindCheck]:
        """Operation checks per kind, for :func:`plynx.model.validate_graph`."""
        return {name: kind.check for name, kind in self._kinds.items()}

    def executable(self) -> list[str]:
        """Kinds a worker can run."""
        return [n for n in self.names() if self._kinds[n].executes]


def _load(ep: EntryPoint) -> type[BaseNode] | None:
    try:
        kind = ep.load()
    except Exception:
        logger.exception("node kind %r (%s) failed to load; it is skipped", ep.name, ep.value)
        return None
    if not (isinstance(kind, type) and issubclass(kind, BaseNode)):
        logger.error(
            "node kind %r (%s) is not a BaseNode subclass; it is skipped", ep.name, ep.value
        )
        return None
    return kind


def load_registry(only: Iterable[str] | None = None) -> Registry:
    """Load every kind registered under ``plynx.nodes`` (or only the names in ``only``).

    A plugin that fails to import is logged and skipped; the rest still load."""
    wanted = set(only) if only is not None else None
    kinds: dict[str, type[BaseNode]] = {}
    plugins: dict[str, str] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if wanted is not None and ep.name not in wanted:
            continue
        if ep.name in kinds:
            logger.warning(
                "node kind %r is registered twice; keeping %s", ep.name, plugins[ep.name]
            )
            continue
        kind = _load(ep)
        if kind is None:
            continue
        kind.name = ep.name
        kinds[ep.name] = kind
        plugins[ep.name] = ep.dist.name if ep.dist else ""
    return Registry(kinds, plugins)
