"""What a ``node_run`` event carries: the node run's change since its previous event.

A follower of a run starts from a reading of it (a ``snapshot``, ``GET /api/v1/runs/{id}``) and
then merges each ``node_run`` event into the node run it has: the event carries ``id``,
``node_id`` and ``seq`` and only the fields that changed (a field that became null: an explicit
``null``). A node's ``running`` event is a third of its whole state, its ``success`` half,
and fifty followers of a 10,000-node run receive every one of them.

:class:`NodeRunChanges` keeps, for one followed run, the state of each node run as last seen
and works out each event's change against it. A follower's reading may be taken at any moment
(between two events, while a dispatch counts an attempt without one, or while a run goes on
during a snapshot's encoding in a thread), so the change must hold every field that *may* have
had another value since the previous event, not only those whose value differs from it:

* changes made without an event (a dispatch names the worker and counts the attempt) are seen
  when they are made (:meth:`NodeRunChanges.changed_quietly`), and the fields they touched go
  with the next event even when they are back to the value the previous event had (a
  requeue before the worker said ``started`` takes the worker back);
* the events of one flush round are merged per node run (the unit of work): the merged change
  holds every field any of them touched, with the last value;
* when a run starts being followed, its node runs in flight are recorded as they are
  (:meth:`NodeRunChanges.saw`); a node run not seen yet is compared with its state before the
  change (the caller's ``before``), or, when there is none, sent whole (every field, nulls
  included).

So every field that changed after a reading is in a later event, with its newest value: a
reading followed by the events numbered after it gives the node run's current state.
"""

from __future__ import annotations

from typing import Any

from plynx.model import NodeRunStatus

__all__ = ["NodeRunChanges"]

Event = dict[str, Any]
_ALWAYS = frozenset({"id", "node_id", "seq"})


class NodeRunChanges:
    """The node runs of one followed run as their followers were last told (or as they became
    since, quietly), to tell each change by its fields."""

    def __init__(self) -> None:
        self._seen: dict[str, Event] = {}  # node run id -> its whole state, last seen
        # node run id -> fields changed quietly since its last event (whatever their value now)
        self._touched: dict[str, set[str]] = {}

    def knows(self, node_run_id: str) -> bool:
        """Whether a change of this node run can be told without its state before the change."""
        return node_run_id in self._seen

    def saw(self, state: Event) -> None:
        """A node run's followers know it in ``state`` (they started to follow its run)."""
        self._seen.setdefault(state["id"], state)

    def change(self, state: Event, before: Event | None = None) -> Event:
        """The body of a ``node_run`` event for a node run now in ``state`` (its whole dump,
        nulls included): ``id``, ``node_id``, ``seq`` and the fields that changed since its
        last event. ``before`` is its state before this change, for a node run not known yet
        (without it, the whole state). A finished node run changes no more: it is forgotten
        (a late change, such as metrics reported after the result, goes whole)."""
        node_run_id = state["id"]
        seen = self._seen.pop(node_run_id, None)
        if seen is None:
            seen = before or {}
        touched = self._touched.pop(node_run_id, ())
        body = {
            name: value
            for name, value in state.items()
            if name in _ALWAYS or name in touched or name not in seen or seen[name] != value
        }
        if not NodeRunStatus(state["status"]).finished:
            self._seen[node_run_id] = state
        return body

    def changed_quietly(self, state: Event) -> None:
        """The node run is now in ``state`` without an event saying so: its next event tells
        every field that changed, even one that is back to its old value by then."""
        node_run_id = state["id"]
        seen = self._seen.get(node_run_id)
        if seen is None:
            # its state before is unknown: its next event is whole ({} knows no field)
            self._seen[node_run_id] = {}
            return
        touched = self._touched.setdefault(node_run_id, set())
        touched.update(
            name for name, value in state.items() if name not in seen or seen[name] != value
        )
        self._seen[node_run_id] = state
