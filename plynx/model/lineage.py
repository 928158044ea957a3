"""The lineage of an artifact: the node runs upstream of it ("how was this made") and
downstream of it ("what used this"), as the store records them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from plynx.model.run import NodeRunStatus

__all__ = ["DEFAULT_LINEAGE_DEPTH", "MAX_LINEAGE_DEPTH", "ArtifactLineage", "LineageStep"]

#: How many node runs away from the artifact a lineage goes, unless asked otherwise.
DEFAULT_LINEAGE_DEPTH = 5
#: The deepest lineage one may ask for.
MAX_LINEAGE_DEPTH = 50


class LineageStep(BaseModel):
    """One node run of a lineage, with what it was run with and on."""

    model_config = ConfigDict(extra="forbid")

    node_run_id: str
    run_id: str
    node_id: str
    title: str = Field(description="what the dashboard shows for the node")
    status: NodeRunStatus
    kind: str
    operation_id: str
    operation_version: int
    params: dict[str, Any] = Field(description="the parameter values the node ran with")
    inputs: dict[str, list[str]] = Field(description="the sha256 of the artifacts of each input")
    outputs: dict[str, list[str]] = Field(description="the sha256 of the artifacts of each output")
    cached_from: str | None = Field(
        default=None, description="for a node restored from the cache: the node run it restored"
    )
    depth: int = Field(description="1 for the node run that made (or used) the artifact itself")
    run_deleted_at: datetime | None = Field(
        default=None,
        description="when its run was deleted: the step stays (it is how the artifact was made "
        "or used), but the run's GET is a 404",
    )


class ArtifactLineage(BaseModel):
    """Where an artifact comes from and where it went.

    ``produced_by`` is the node run that *executed* and wrote the artifact: a node restored from
    the cache did not make its outputs, the node run it restored did. Nodes restored from the
    cache that hold the artifact are listed in ``restored_by``; like executed ones they are
    consumers (``downstream``) of their own inputs."""

    model_config = ConfigDict(extra="forbid")

    sha256: str
    depth: int
    produced_by: str | None = Field(
        default=None, description="the node run that made it (none for an uploaded file)"
    )
    restored_by: list[str] = Field(
        default_factory=list, description="node runs restored from the cache that output it"
    )
    upstream: list[LineageStep] = Field(
        default_factory=list, description="the producer, then the producers of its inputs, ..."
    )
    downstream: list[LineageStep] = Field(
        default_factory=list, description="node runs that used it, then those that used theirs"
    )
    truncated: bool = Field(
        default=False, description="whether the lineage goes on past ``depth`` (or the limits)"
    )
