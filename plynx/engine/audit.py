"""The run audit: finds unfinished nodes of an active run that nothing will move any more.

Every unfinished node of an active run is *on its way* when one of these holds:

* it is leased to a worker (dispatched or running),
* it waits in the resolver (its cache key is being computed and looked up),
* it is ``queued`` with a dispatch prepared and sits in the dispatcher's ready queue,
* it is ``pending`` and some upstream node has not finished yet.

Anything else is stuck: a dispatch lost with a connection, a wake-up that never came. The audit
only says what is stuck and how to repair it; the engine repairs. A node is repaired only when
two audits in a row find it stuck, so a state merely in passing between two awaits is never
touched; a node repaired twice that gets stuck again is failed.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Container, Iterable
from enum import StrEnum

from plynx.engine.state import RunState
from plynx.model import NodeRun, NodeRunStatus

__all__ = ["Auditor", "Repair", "stuck_nodes"]

logger = logging.getLogger(__name__)
_S = NodeRunStatus
_REPAIRS = 2  # times a stuck node is moved on before it is failed
_SHOWN = 20  # stuck nodes named in a log line


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
    #: repaired before and stuck again: give up on it
    FAIL = "fail"

    @property
    def reason(self) -> str:
        """The error of a node this repair ends."""
        if self == Repair.SKIP:
            return "skipped: an upstream node ended without outputs (found by the run audit)"
        return (
            f"stuck: the run audit moved it on {_REPAIRS} times and it got stuck again "
            "(see the server log)"
        )


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


class Auditor:
    """The audit's memory between rounds: what looked stuck last time, and how often each node
    was repaired."""

    def __init__(self) -> None:
        self._suspects: dict[str, tuple[NodeRunStatus, int, Repair]] = {}
        self._repaired: Counter[str] = Counter()
        #: nodes repaired since the server started
        self.repairs = 0

    def round(
        self,
        runs: Iterable[RunState],
        *,
        leased: Container[str],
        resolving: Container[str],
        prepared: Container[str],
        ready: Container[str],
    ) -> list[tuple[RunState, NodeRun, Repair]]:
        """The repairs to make now (each logged with its run), over the active ``runs``."""
        suspects: dict[str, tuple[NodeRunStatus, int, Repair]] = {}
        repairs: list[tuple[RunState, NodeRun, Repair]] = []
        for rs in runs:
            if rs.canceling or rs.run.status.finished:
                continue
            found = stuck_nodes(
                rs, leased=leased, resolving=resolving, prepared=prepared, ready=ready
            )
            fixed: list[str] = []
            for nr, wanted in found:
                seen = (nr.status, nr.attempt, wanted)
                if self._suspects.get(nr.id) != seen:
                    suspects[nr.id] = seen  # maybe in passing: repair it if still so next time
                    continue
                self._repaired[nr.id] += 1
                again = self._repaired[nr.id] > _REPAIRS and wanted != Repair.SKIP
                repair = Repair.FAIL if again else wanted
                fixed.append(f"{nr.node_id} ({nr.status.value}: {repair.value})")
                repairs.append((rs, nr, repair))
            if fixed:
                logger.warning(
                    "run %s audit: %d stuck node(s) repaired: %s%s",
                    rs.id,
                    len(fixed),
                    ", ".join(fixed[:_SHOWN]),
                    ", ..." if len(fixed) > _SHOWN else "",
                )
        self._suspects = suspects
        self.repairs += len(repairs)
        return repairs

    def forget(self, node_run_id: str) -> None:
        """The node run's run has finished."""
        self._repaired.pop(node_run_id, None)
