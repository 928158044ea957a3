"""A run seen from Python: wait for it (with progress), read its outputs as local files."""

from __future__ import annotations

import asyncio
import re
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from plynx.client import PlynxClient, RunDetail
from plynx.errors import PlynxError
from plynx.model import FILE_KIND, ArtifactRef, NodeRunStatus, ResourceType, RunStatus
from plynx.model.metrics import MetricSeries
from plynx.sdk.loop import run_sync

if TYPE_CHECKING:
    from plynx.sdk.connection import Connection
    from plynx.sdk.reproduce import Reproduction

__all__ = ["Artifact", "Run", "RunFailed"]

_SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$")


class RunFailed(PlynxError):
    """A run ended without success. ``run`` is the run; ``problems`` one line per node that
    failed (``node: error``)."""

    def __init__(self, run: Run, problems: list[str]) -> None:
        super().__init__(f"run {run.id} {run.status.value}: " + "; ".join(problems))
        self.run = run
        self.problems = problems


class Artifact:
    """One output of a finished node: its ``sha256``, ``size``, ``type`` and ``name``.
    :attr:`path` downloads it on first use into the connection's cache (by sha256; a
    directory output is unpacked)."""

    def __init__(self, connection: Connection, ref: ArtifactRef, port: str) -> None:
        self.connection = connection
        self.ref = ref
        self.sha256 = ref.sha256
        self.size = ref.size
        self.type = ref.type
        self._filename = ref.name if _SAFE_NAME.match(ref.name) else port

    def __repr__(self) -> str:
        return f"<artifact {self._filename} {self.type.value} {self.sha256[:12]}>"

    def _target(self) -> Path:
        return self.connection.cache_dir / self.sha256 / self._filename

    async def apath(self) -> Path:
        """:attr:`path` for asyncio code."""
        target = self._target()
        if target.exists():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        async with self.connection.client() as client:
            await _download(client, self.ref, target)
        return target

    @property
    def path(self) -> Path:
        """The local copy of the artifact (downloaded once, then read from the cache)."""
        target = self._target()
        return target if target.exists() else run_sync(self.apath())

    def read_bytes(self) -> bytes:
        """The artifact's content."""
        return self.path.read_bytes()

    def read_text(self, encoding: str = "utf-8") -> str:
        """The artifact's content as text."""
        return self.path.read_text(encoding=encoding)


async def _download(client: PlynxClient, ref: ArtifactRef, target: Path) -> None:
    if ref.type != ResourceType.DIRECTORY:
        await client.download_to(ref.sha256, target)
        return
    from plynx.artifacts.archive import unpack_archive

    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        archive = Path(tmp) / "archive.tar"
        await client.download_to(ref.sha256, archive)
        unpacked = Path(tmp) / "unpacked"
        await asyncio.to_thread(unpack_archive, archive, unpacked)
        await asyncio.to_thread(shutil.move, unpacked, target)


class Run:
    """A run on a server: its :attr:`status`, its node runs (:attr:`detail`) and, once it
    has finished, :attr:`outputs`. The state is as of the last call that fetched it."""

    def __init__(self, connection: Connection, detail: RunDetail) -> None:
        self.connection = connection
        self.detail = detail

    def __repr__(self) -> str:
        return f"<plynx.Run {self.id} {self.status.value}>"

    @property
    def id(self) -> str:
        """The run's id."""
        return self.detail.run.id

    @property
    def status(self) -> RunStatus:
        """The run's status."""
        return self.detail.run.status

    @property
    def outputs(self) -> Mapping[str, Mapping[str, Artifact]]:
        """Outputs by node id and output name (nodes that produced some; file nodes left out;
        an output with several artifacts shows the first — see :meth:`artifacts`)."""
        return {
            nr.node_id: {
                port: Artifact(self.connection, refs[0], port)
                for port, refs in nr.outputs.items()
                if refs
            }
            for nr in self.detail.node_runs
            if nr.kind != FILE_KIND and nr.outputs
        }

    def artifacts(self, node_id: str, output: str) -> list[Artifact]:
        """Every artifact of ``node_id``'s ``output``."""
        nr = self.detail.node(node_id)
        refs = nr.outputs.get(output, []) if nr is not None else []
        return [Artifact(self.connection, ref, output) for ref in refs]

    def problems(self) -> list[str]:
        """One line per node that failed or was canceled: ``node: error``."""
        bad = (NodeRunStatus.FAILED, NodeRunStatus.CANCELED)
        return [
            f"{nr.node_id}: {nr.error or nr.status.value}"
            for nr in self.detail.node_runs
            if nr.status in bad
        ]

    async def arefresh(self) -> Run:
        """Fetch the run's current state."""
        async with self.connection.client() as client:
            self.detail = await client.get_run(self.id)
        return self

    def refresh(self) -> Run:
        """Fetch the run's current state."""
        return run_sync(self.arefresh())

    async def wait_async(self, *, progress: bool = True, check: bool = True) -> Run:
        """:meth:`wait` for asyncio code (bound it with ``asyncio.timeout``)."""
        async with self.connection.client() as client:
            if progress:
                await _follow_with_progress(client, self.id)
            self.detail = await client.wait_run(self.id)
        if check and self.status != RunStatus.SUCCESS:
            raise RunFailed(self, self.problems() or [self.status.value])
        return self

    def wait(
        self, *, timeout: float | None = None, progress: bool = True, check: bool = True
    ) -> Run:
        """Wait until the run finishes, showing its progress (``progress=False``: quietly).
        With ``check`` (the default) a run that did not succeed raises :class:`RunFailed`
        naming every failed node and its error; ``TimeoutError`` after ``timeout`` seconds."""
        waiting = self.wait_async(progress=progress, check=check)
        return run_sync(asyncio.wait_for(waiting, timeout))

    async def acancel(self) -> Run:
        """:meth:`cancel` for asyncio code."""
        async with self.connection.client() as client:
            detail = await client.cancel(self.id)
            self.detail = detail or await client.get_run(self.id)
        return self

    def cancel(self) -> Run:
        """Cancel the run (nothing happens if it has finished)."""
        return run_sync(self.acancel())

    async def arerun(self) -> Run:
        """:meth:`rerun` for asyncio code."""
        async with self.connection.client() as client:
            body = await client.request("POST", f"/runs/{self.id}/rerun")
        return Run(self.connection, RunDetail.model_validate(body))

    def rerun(self) -> Run:
        """Run the same graph snapshot again (unchanged nodes come from the cache)."""
        return run_sync(self.arerun())

    @property
    def metrics(self) -> Mapping[str, Mapping[str, float]]:
        """The last value of every metric, by node id and metric name (nodes that reported
        some); :meth:`metric_series` has every point."""
        return {nr.node_id: dict(nr.metrics) for nr in self.detail.node_runs if nr.metrics}

    async def ametric_series(self) -> dict[str, dict[str, MetricSeries]]:
        """:meth:`metric_series` for asyncio code."""
        async with self.connection.client() as client:
            body = await client.request("GET", f"/runs/{self.id}/metrics")
        found: dict[str, dict[str, MetricSeries]] = {}
        for raw in body["series"]:
            series = MetricSeries.model_validate(raw)
            found.setdefault(series.node_id, {})[series.name] = series
        return found

    def metric_series(self) -> dict[str, dict[str, MetricSeries]]:
        """Every point of every metric (fetched now; a running run's so far), by node id and
        metric name: ``series.steps`` and ``series.values``, aligned."""
        return run_sync(self.ametric_series())

    async def areproduce(self, *, progress: bool = False) -> Reproduction:
        """:meth:`reproduce` for asyncio code."""
        from plynx.model.reproduce import Reproduction as Report
        from plynx.sdk.reproduce import Reproduction

        async with self.connection.client() as client:
            body = await client.request("POST", f"/runs/{self.id}/reproduce")
        again = Run(self.connection, RunDetail.model_validate(body))
        await again.wait_async(progress=progress, check=False)
        async with self.connection.client() as client:
            report = await client.request("GET", f"/runs/{again.id}/reproduction")
        return Reproduction(again, Report.model_validate(report))

    def reproduce(self, *, timeout: float | None = None, progress: bool = False) -> Reproduction:
        """Execute this run's graph snapshot again ignoring the cache (as ``plynx
        reproduce``), wait for it and compare every node's outputs with this run's by sha256.
        Nothing is raised when a node does not reproduce: read the :class:`Reproduction`."""
        return run_sync(asyncio.wait_for(self.areproduce(progress=progress), timeout))

    async def alog(self, node_id: str, stream: str = "stdout") -> str:
        """:meth:`log` for asyncio code."""
        nr = self.detail.node(node_id)
        if nr is None:
            raise KeyError(f"run {self.id} has no node {node_id!r}")
        async with self.connection.client() as client:
            return await client.node_log(nr.id, stream)

    def log(self, node_id: str, stream: str = "stdout") -> str:
        """A node's whole log (``stdout`` or ``stderr``)."""
        return run_sync(self.alog(node_id, stream))


async def _follow_with_progress(client: PlynxClient, run_id: str) -> None:
    from rich.console import Console

    from plynx.cli.progress import RunDisplay

    console = Console(file=sys.stderr, highlight=False)
    with RunDisplay(console, client) as display:
        async for state in client.follow(run_id):
            display.update(state)
        await display.drain()
