"""Artifact garbage collection: remove the artifacts nothing refers to any more.

What refers to an artifact: a node run's outputs, a cache entry, a ``file`` node (in a graph, a
run's snapshot, or a composite operation's body), and an inline input value (its text hashes to
the artifact). The collector reads every operation, graph, run, node run and cache entry through
the :class:`~plynx.store.Store` and keeps every sha256-like string it finds anywhere in them —
more than strictly needed, never less. Deleted graphs and runs are not read (the store's lists
leave them out): what only they refer to is collectable, while a cache entry or a live run that
reuses it keeps it. Artifacts recorded less than ``older_than`` ago are kept
as well: an upload whose run is not stored yet, or outputs whose result is still on its way to
the server, are not referred to *yet*. Run it with the server stopped, or with a generous
``older_than``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel

from plynx.artifacts import ArtifactStore
from plynx.model import ArtifactMeta, Graph
from plynx.model.values import graph_values
from plynx.store import Store, oldest_first

__all__ = ["Collection", "collect_artifacts", "referenced_artifacts"]

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class Collection:
    """What a collection found and did."""

    artifacts: int = 0
    referenced: int = 0
    recent: int = 0
    removed: int = 0
    removed_bytes: int = 0


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        if _SHA256.match(value):
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _value_shas(graph: Graph) -> Iterator[str]:
    """The artifacts of the inline values of ``graph`` and of the composites it uses."""
    return (ref.sha256 for _, _, ref in graph_values(graph))


def _refs(document: BaseModel) -> Iterator[str]:
    yield from _strings(document.model_dump(mode="json"))


async def referenced_artifacts(store: Store) -> set[str]:
    """Every sha256 the store's documents refer to."""
    found: set[str] = set()
    async for operation in oldest_first(lambda o, n: store.list_operations(offset=o, limit=n)):
        found.update(_refs(operation))
        if operation.body is not None:
            found.update(_value_shas(operation.body))
    async for listed in oldest_first(lambda o, n: store.list_graphs(offset=o, limit=n)):
        graph = await store.get_graph(listed.id)
        found.update(_refs(graph))
        found.update(_value_shas(graph))
    async for listed_run in oldest_first(lambda o, n: store.list_runs(offset=o, limit=n)):
        run = await store.get_run(listed_run.id)
        found.update(_refs(run))
        found.update(_value_shas(run.graph))
        for node_run in await store.get_node_runs(run.id):
            found.update(_refs(node_run))
    async for entry in oldest_first(lambda o, n: store.list_cache_entries(offset=o, limit=n)):
        found.update(_refs(entry))
    return found


async def collect_artifacts(
    store: Store,
    artifacts: ArtifactStore,
    *,
    older_than: timedelta,
    dry_run: bool = False,
    now: datetime | None = None,
) -> Collection:
    """Remove (unless ``dry_run``) the artifacts nothing refers to that were recorded more than
    ``older_than`` ago: their bytes, then their record."""
    keep = await referenced_artifacts(store)
    cutoff = (now or datetime.now(UTC)) - older_than
    result = Collection()
    doomed: list[ArtifactMeta] = []
    async for meta in oldest_first(lambda o, n: store.list_artifact_meta(offset=o, limit=n)):
        result.artifacts += 1
        created = meta.created_at if meta.created_at.tzinfo else meta.created_at.replace(tzinfo=UTC)
        if meta.sha256 in keep:
            result.referenced += 1
        elif created > cutoff:
            result.recent += 1
        else:
            doomed.append(meta)
    for meta in doomed:
        result.removed += 1
        result.removed_bytes += meta.size
        if not dry_run:
            await artifacts.delete(meta.sha256)
    if not dry_run and doomed:
        await store.delete_artifact_meta([meta.sha256 for meta in doomed])
    return result
