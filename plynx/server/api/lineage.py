"""``/artifacts/{sha256}/lineage``: which node runs made an artifact and which used it,
recursively (see :mod:`plynx.engine.lineage`)."""

from __future__ import annotations

from aiohttp import web

from plynx.artifacts import check_sha256
from plynx.engine.lineage import artifact_lineage
from plynx.model.lineage import DEFAULT_LINEAGE_DEPTH, MAX_LINEAGE_DEPTH, ArtifactLineage
from plynx.server import keys
from plynx.server.access import VIEWER
from plynx.server.api.base import Query, Route, int_query, json_response, settled

__all__ = ["ROUTES"]


async def get_artifact_lineage(request: web.Request) -> web.Response:
    """The lineage of an artifact, ``depth`` node runs upstream and downstream (404 for an
    artifact nothing knows)."""
    sha256 = check_sha256(request.match_info["sha256"])
    depth = int_query(request, "depth", DEFAULT_LINEAGE_DEPTH, low=1, high=MAX_LINEAGE_DEPTH)
    await settled(request)
    return json_response(await artifact_lineage(request.app[keys.STORE], sha256, depth))


ROUTES = [
    Route(
        "GET",
        "/artifacts/{sha256}/lineage",
        get_artifact_lineage,
        "Which node runs made an artifact (with their runs, operations, parameters and inputs) "
        "and which node runs used it, recursively",
        "artifacts",
        response=ArtifactLineage,
        query=(
            Query(
                "depth",
                "how many node runs to follow upstream and downstream",
                "integer",
                default=DEFAULT_LINEAGE_DEPTH,
                minimum=1,
                maximum=MAX_LINEAGE_DEPTH,
            ),
        ),
        errors=(400, 404),
        access=VIEWER,
    ),
]
