"""The run audit: finds unfinished nodes of an active run that nothing will move any more.

Every unfinished node of an active run is *on its way* when one of these holds:

* it is leased to a worker (dispatched or running),
* it waits in the resolver (its cache key is being computed and looked up),
* it is ``queued`` with a dispatch prepared and sits in the dispatcher's ready queue,
* it is ``pending`` and some upstream node has not finished yet.

Anything else is stuck: a dispatch lost with a connection, a wake-up that never came. The audit
only says what is stuck and how to repair it; the engine repairs. A node is repaired only when
two audits in a row find it stuck, so a state merely in passing between two awaits is never
touched.
"""

from __future__ import annotations

from collections.abc import Container
from enum import StrEnum

from plynx.engine.state import RunState
from plynx.model import NodeRun, NodeRunStatus

__all__ = ["Repair", "stuck_nodes"]

_S = NodeRunStatus


class Repair(StrEnum):
    """What to do with a stuck node."""

    #: its inputs are ready (or it is queued without a dispatch): prepare and dispatch it
    RESOLVE = "resolve"
    #: queued with a dispatch prepared but in no ready queue: queue it for a worker again
    ENQUEUE = "enqueue"
    #: running (or dispatched) but leased to nobody: a new attempt
    REQUEUE = "requeue"
    #: pending while an upstream node ended without outputs: it will never run
    SKIP = "skip"


def stuck_nodes(
    rs: RunState,
    *,
    leased: Container[str],
    resolving: Container[str],
    prepared: Container[str],
    ready: Container[str],
) -> list[tuple[NodeRun, Repair]]:
    """The stuck node runs of ``rs`` and their repair. The containers hold node run ids:
    ``leased`` to a worker, ``resolving`` in the resolver, ``prepared`` with a dispatch,
    ``ready`` in the dispatcher's queue."""
    found: list[tuple[NodeRun, Repair]] = []
    for nr in rs:
        if nr.status.finished or nr.id in leased or nr.id in resolving:
            continue
        if nr.status == _S.PENDING:
            parents = [rs.node_runs[e.src_node] for e in rs.incoming[nr.node_id]]
            if any(not p.status.finished for p in parents):
                continue
            if all(p.status.produced_outputs for p in parents):
                found.append((nr, Repair.RESOLVE))
            else:
                found.append((nr, Repair.SKIP))
        elif nr.status == _S.QUEUED:
            if nr.id not in prepared:
                found.append((nr, Repair.RESOLVE))
            elif nr.id not in ready:
                found.append((nr, Repair.ENQUEUE))
        elif nr.status == _S.RUNNING:
            found.append((nr, Repair.REQUEUE))
    return found
