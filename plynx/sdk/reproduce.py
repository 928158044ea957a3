"""``run.reproduce()``: a run's graph snapshot executed again without the cache (as ``plynx
reproduce``), compared output by output with the original."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from plynx.model.reproduce import NodeCheck
from plynx.model.reproduce import Reproduction as Report

if TYPE_CHECKING:
    from plynx.sdk.run import Run

__all__ = ["Reproduction"]


class Reproduction:
    """A finished reproduction: :attr:`run` is the new run, :attr:`reproduced` whether every
    node reproduced, :attr:`nodes` what each node did (``reproduced``, ``status``, ``outputs``
    with the sha256 of each artifact in both runs, ``error``)."""

    def __init__(self, run: Run, report: Report) -> None:
        self.run = run
        self.report = report

    def __repr__(self) -> str:
        verdict = "reproduced" if self.reproduced else "NOT reproduced"
        return f"<plynx.Reproduction {self.run.id} of {self.original_run_id}: {verdict}>"

    @property
    def original_run_id(self) -> str:
        """The run that was reproduced."""
        return self.report.original_run_id

    @property
    def reproduced(self) -> bool:
        """Whether every node succeeded again with the same outputs (by sha256)."""
        return bool(self.report.reproduced)

    @property
    def nodes(self) -> Mapping[str, NodeCheck]:
        """Each executed node's check, by node id (``file`` nodes are left out)."""
        return {node.node_id: node for node in self.report.nodes}

    def differing(self) -> dict[str, list[str]]:
        """The nodes that did not reproduce, each with the outputs that differ (empty for a
        node that failed with the same outputs missing)."""
        return {
            node.node_id: [o.name for o in node.outputs if not o.same]
            for node in self.report.nodes
            if not node.reproduced
        }
