"""The plugin registry: node kinds (entry-point group ``plynx.nodes``) and resource types
(``plynx.resources``), with the problems of the plugins that could not load.

A plugin that fails to import, is not the right class, or declares a PLynx API range this
version does not satisfy is skipped, and the reason is kept: ``/api/v1/kinds`` and the
dashboard's palette show it, not only the log."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from typing import TypeVar

from plynx.model import KindCheck
from plynx.model.resources import ResourceType, register_resource_type
from plynx.nodes.base import BaseNode, KindInfo
from plynx.nodes.compat import api_range_problem
from plynx.nodes.resource_types import ResourceTypeInfo, ResourceTypeSpec

__all__ = [
    "ENTRY_POINT_GROUP",
    "RESOURCE_ENTRY_POINT_GROUP",
    "LoadProblem",
    "Registry",
    "load_registry",
]

ENTRY_POINT_GROUP = "plynx.nodes"
RESOURCE_ENTRY_POINT_GROUP = "plynx.resources"
logger = logging.getLogger(__name__)
_T = TypeVar("_T")


@dataclass(frozen=True)
class LoadProblem:
    """A plugin entry point that did not load: its group, name, distribution and why."""

    group: str
    name: str
    plugin: str
    message: str


class Registry:
    """Node kinds and resource types by name, with the distribution each came from."""

    def __init__(
        self,
        kinds: Mapping[str, type[BaseNode]],
        plugins: Mapping[str, str],
        problems: Sequence[LoadProblem] = (),
        resource_types: Mapping[str, tuple[type[ResourceTypeSpec], str]] | None = None,
    ) -> None:
        self._kinds = dict(kinds)
        self._plugins = dict(plugins)
        self.problems = list(problems)
        self._types = dict(resource_types or {})

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
        """Descriptions of every kind for the API, then one entry (with ``error``) per kind
        whose plugin failed to load."""
        infos = [self._kinds[n].info(self._plugins.get(n, "")) for n in self.names()]
        for problem in self.problems:
            if problem.group == ENTRY_POINT_GROUP:
                infos.append(KindInfo.broken(problem.name, problem.plugin, problem.message))
        return infos

    def resource_type(self, name: str) -> type[ResourceTypeSpec] | None:
        """The resource type called ``name``, if loaded."""
        entry = self._types.get(name)
        return entry[0] if entry else None

    def resource_type_infos(self) -> list[ResourceTypeInfo]:
        """Descriptions of every resource type, then those whose plugin failed to load."""
        # the built-in types first, in their own order, then the plugins' as registered
        order = {str(t): i for i, t in enumerate(ResourceType)}
        infos = [
            spec.info(plugin)
            for spec, plugin in sorted(self._types.values(), key=lambda e: order[e[0].name])
        ]
        for problem in self.problems:
            if problem.group == RESOURCE_ENTRY_POINT_GROUP:
                infos.append(
                    ResourceTypeInfo(
                        name=problem.name,
                        feeds=[],
                        extensions=[],
                        icon="⚠",
                        color="#e03131",
                        has_preview=False,
                        plugin=problem.plugin,
                        error=problem.message,
                    )
                )
        return infos

    def checks(self) -> dict[str, KindCheck]:
        """Operation checks per kind, for :func:`plynx.model.validate_graph`."""
        return {name: kind.check for name, kind in self._kinds.items()}

    def executable(self) -> list[str]:
        """Kinds a worker can run."""
        return [n for n in self.names() if self._kinds[n].executes]


def _dist(ep: EntryPoint) -> str:
    return ep.dist.name if ep.dist else "(unknown distribution)"


def _load(
    ep: EntryPoint, base: type[_T], what: str, problems: list[LoadProblem]
) -> type[_T] | None:
    def fail(message: str) -> None:
        logger.error("%s; it is skipped", message)
        problems.append(LoadProblem(ep.group, ep.name, _dist(ep), message))

    try:
        loaded = ep.load()
    except Exception as exc:
        logger.debug("loading %s (%s) failed", ep.name, ep.value, exc_info=True)
        fail(
            f"plugin {_dist(ep)} ({what} {ep.name!r}, {ep.value}) failed to import: "
            f"{type(exc).__name__}: {exc}"
        )
        return None
    if not (isinstance(loaded, type) and issubclass(loaded, base)):
        fail(
            f"plugin {_dist(ep)} ({what} {ep.name!r}): {ep.value} is not a {base.__name__} subclass"
        )
        return None
    range_problem = api_range_problem(
        _dist(ep), f"{what} {ep.name!r}", getattr(loaded, "plynx_api", None)
    )
    if range_problem is not None:
        fail(range_problem)
        return None
    return loaded


def _load_resource_types(
    problems: list[LoadProblem],
) -> dict[str, tuple[type[ResourceTypeSpec], str]]:
    types: dict[str, tuple[type[ResourceTypeSpec], str]] = {}
    # built-ins first: plugin types feed them
    eps = sorted(entry_points(group=RESOURCE_ENTRY_POINT_GROUP), key=lambda e: _dist(e) != "plynx")
    for ep in eps:
        if ep.name in types:
            logger.warning(
                "resource type %r is registered twice; keeping %s", ep.name, types[ep.name][1]
            )
            continue
        spec = _load(ep, ResourceTypeSpec, "resource type", problems)
        if spec is None:
            continue
        try:
            register_resource_type(ep.name, spec.feeds)
        except ValueError as exc:
            message = f"plugin {_dist(ep)} (resource type {ep.name!r}): {exc}"
            logger.error("%s; it is skipped", message)
            problems.append(LoadProblem(ep.group, ep.name, _dist(ep), message))
            continue
        spec.name = ep.name
        types[ep.name] = (spec, _dist(ep))
    return types


def load_registry(only: Iterable[str] | None = None) -> Registry:
    """Load every resource type registered under ``plynx.resources`` (making them usable in
    operations) and every kind under ``plynx.nodes`` (or only the kinds named in ``only``).

    A plugin that fails to load is logged, recorded in :attr:`Registry.problems` and skipped;
    the rest still load."""
    problems: list[LoadProblem] = []
    types = _load_resource_types(problems)
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
        kind = _load(ep, BaseNode, "kind", problems)  # type: ignore[type-abstract]
        if kind is None:
            continue
        kind.name = ep.name
        kinds[ep.name] = kind
        plugins[ep.name] = ep.dist.name if ep.dist else ""
    return Registry(kinds, plugins, problems, types)
