"""What ``plynx run`` shows while a run goes on: a progress bar (nodes done of all), the nodes
running now, every failure with the end of its log, and a summary table at the end."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import datetime
from types import TracebackType

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from plynx.client import ApiError, Outage, PlynxClient, RunDetail, RunState
from plynx.model import Graph, NodeRun, NodeRunStatus, topological_order

__all__ = ["LOG_TAIL_LINES", "RunDisplay", "format_metrics", "summary_table"]

LOG_TAIL_LINES = 20
_S = NodeRunStatus
_STYLE = {
    _S.SUCCESS: "green",
    _S.CACHED: "cyan",
    _S.FAILED: "bold red",
    _S.CANCELED: "yellow",
    _S.SKIPPED: "dim",
    _S.RUNNING: "blue",
}
_RUNNING_SHOWN = 4


def _duration(nr: NodeRun) -> str:
    start: datetime | None = nr.started_at or nr.queued_at
    if nr.status == _S.CACHED or start is None or nr.finished_at is None:
        return "-"
    seconds = (nr.finished_at - start).total_seconds()
    return f"{seconds:.2f}s" if seconds < 60 else f"{int(seconds // 60)}m{seconds % 60:04.1f}s"


def _display_order(graph: Graph, node_ids: list[str]) -> list[str]:
    """Upstream before downstream; within a depth, in the order the graph declares them."""
    depth: dict[str, int] = {}
    incoming = graph.incoming()
    for node_id in topological_order(graph) or []:
        depth[node_id] = 1 + max((depth.get(e.src_node, 0) for e in incoming[node_id]), default=-1)
    declared = {n.id: i for i, n in enumerate(graph.nodes)}
    return sorted(node_ids, key=lambda n: (depth.get(n, 0), declared.get(n, len(declared)), n))


def format_metrics(metrics: dict[str, float]) -> str:
    """``acc=0.91, loss=0.1``: the last values of a node run's metrics, in name order."""
    return ", ".join(f"{name}={value:.6g}" for name, value in sorted(metrics.items()))


def summary_table(detail: RunDetail) -> Table:
    """One row per node: status, duration, the run it was cached from, and the final value of
    each metric it reported (a column shown only when some node reported one)."""
    run = detail.run
    table = Table(title=f"run {run.id} ({run.title or 'untitled'}): {run.status.value}")
    with_metrics = any(nr.metrics for nr in detail.node_runs)
    columns = ("node", "status", "duration", "cached from", *(("metrics",) * with_metrics))
    for column in columns:
        if column == "metrics":  # folded, never cut: the numbers are the point
            table.add_column(column, overflow="fold")
        else:
            table.add_column(column, no_wrap=column != "node")
    by_id = {nr.node_id: nr for nr in detail.node_runs}
    for node_id in _display_order(run.graph, list(by_id)):
        nr = by_id[node_id]
        status = nr.status.value
        if nr.status == _S.FAILED and nr.exit_code is not None:
            status += f" ({nr.exit_code})"
        table.add_row(
            escape(node_id),
            f"[{_STYLE.get(nr.status, '')}]{status}[/]",
            _duration(nr),
            nr.cached_from_run or "",
            *((escape(format_metrics(nr.metrics)),) * with_metrics),
        )
    return table


class RunDisplay:
    """The live view of one run. Feed it every :class:`RunState` with :meth:`update`; use it as
    a context manager around the run."""

    def __init__(self, console: Console, client: PlynxClient) -> None:
        self.console = console
        self.client = client
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=console.is_terminal,
        )
        self._task: TaskID | None = None
        self._reported: set[str] = set()
        self._explained: dict[str, str] = {}  # node run id -> the status detail last shown
        self._pending: set[asyncio.Task[None]] = set()

    def __enter__(self) -> RunDisplay:
        self.progress.start()
        self._task = self.progress.add_task("starting", total=None)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.progress.stop()

    def note(self, text: str) -> None:
        """Print a line above the progress bar."""
        self.progress.console.print(text, soft_wrap=True)

    def outage(self, outage: Outage) -> None:
        """Say that the server was lost and is being reconnected to, then that it is back."""
        if outage.recovered:
            self.note(f"[green]reconnected after {outage.elapsed:.1f}s[/]")
        elif outage.attempts == 1:
            self.note(f"[yellow]lost the server ({escape(outage.error)}); reconnecting…[/]")
        if self._task is not None and not outage.recovered:
            self.progress.update(
                self._task,
                description=f"[yellow]reconnecting… ({outage.elapsed:.0f}s)[/]",
            )

    def update(self, state: RunState) -> None:
        """Show ``state``; report new failures (with their log's tail, fetched meanwhile)."""
        total = len(state.node_runs)
        done = sum(1 for nr in state.node_runs.values() if nr.status.finished)
        running = sorted(nr.node_id for nr in state.node_runs.values() if nr.status == _S.RUNNING)
        shown = ", ".join(running[:_RUNNING_SHOWN])
        if len(running) > _RUNNING_SHOWN:
            shown += f" (+{len(running) - _RUNNING_SHOWN})"
        cached = state.count(_S.CACHED)
        description = f"running: {escape(shown)}" if running else escape(str(state.run["status"]))
        if cached:
            description += f" [cyan]({cached} cached)[/]"
        if self._task is not None:
            self.progress.update(self._task, total=total, completed=done, description=description)
        for nr in state.node_runs.values():
            if nr.status_detail and self._explained.get(nr.id) != nr.status_detail:
                self._explained[nr.id] = nr.status_detail
                self.note(f"[yellow]{escape(nr.node_id)}: {escape(nr.status_detail)}[/]")
            if nr.status == _S.FAILED and nr.id not in self._reported:
                self._reported.add(nr.id)
                task = asyncio.create_task(self._report_failure(nr))
                self._pending.add(task)
                task.add_done_callback(self._pending.discard)

    async def drain(self) -> None:
        """Wait until every failure being reported has been printed."""
        if self._pending:
            await asyncio.gather(*self._pending, return_exceptions=True)

    async def _report_failure(self, nr: NodeRun) -> None:
        tail = ""
        for stream in ("stderr", "stdout"):
            with contextlib.suppress(ApiError, OSError):
                text = await self.client.node_log(nr.id, stream)
                if text.strip():
                    tail = "\n".join(text.rstrip("\n").splitlines()[-LOG_TAIL_LINES:])
                    break
        exit_code = f" with exit code {nr.exit_code}" if nr.exit_code is not None else ""
        # the error's first line: the stderr it may quote next is printed below as the tail
        first = nr.error.splitlines()[0].removesuffix("; stderr ends with:") if nr.error else ""
        reason = f": {first}" if first and not first.startswith("exit code") else ""
        self.note(f"[bold red]✗ {escape(nr.node_id)} failed{exit_code}[/]{escape(reason)}")
        if tail:
            self.note("\n".join(f"  [dim]│[/] {escape(line)}" for line in tail.splitlines()))
