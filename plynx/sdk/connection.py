"""Where graphs run: a server reached over HTTP (:func:`connect`) or PLynx embedded in this
process like ``plynx run`` does (:func:`local`). Everything goes through
:class:`plynx.client.PlynxClient`; a connection only remembers where the server is.

Each async method opens a client in the caller's event loop; the synchronous API runs the
same coroutines on the SDK's background loop (:mod:`plynx.sdk.loop`), which is also where an
embedded server lives until the interpreter exits or :meth:`Connection.close`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from plynx.client import ApiError, PlynxClient, RunDetail
from plynx.errors import GraphInvalid, InvalidInput
from plynx.model import Graph as GraphModel
from plynx.model import RunStatus
from plynx.model.sweep import SweepDetail, SweepMode
from plynx.sdk.loop import at_exit, run_sync

if TYPE_CHECKING:
    from plynx.sdk.graph import Graph
    from plynx.sdk.run import Run
    from plynx.sdk.sweep import Sweep

__all__ = ["Connection", "RunInfo", "connect", "local", "resolve_connection", "runs"]

T = TypeVar("T")
#: The connection :func:`connect` chose (under ``"default"``), and embedded ones by data dir.
_chosen: dict[str, Connection] = {}
_locals: dict[Path, Connection] = {}
_starting: list[asyncio.Lock] = []  # the background loop's lock, made on that loop


@dataclass(frozen=True)
class RunInfo:
    """A run as a listing shows it; :meth:`open` fetches the whole run."""

    id: str
    title: str
    status: RunStatus
    graph_id: str | None
    created_at: datetime
    counts: dict[str, int]
    connection: Connection

    def open(self) -> Run:
        """The run, with its node runs and outputs."""
        return self.connection.get_run(self.id)


class Connection:
    """A PLynx server. ``cache_dir`` is where downloaded outputs are kept (by sha256)."""

    def __init__(
        self,
        url: str,
        token: str | None = None,
        *,
        cache_dir: Path | None = None,
        closer: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self._token = token
        self.cache_dir = cache_dir or Path("~/.cache/plynx/downloads").expanduser()
        self._closer = closer

    def __repr__(self) -> str:
        return f"<plynx.Connection {self.url}>"

    @property
    def token(self) -> str | None:
        """The API token sent to the server (an embedded server's local token), if any."""
        return self._token

    def client(self) -> PlynxClient:
        """A new client of this server (use it as ``async with``)."""
        return PlynxClient(self.url, self._token)

    def close(self) -> None:
        """Stop the embedded server this connection started, if any."""
        if self._closer is not None:
            closer, self._closer = self._closer, None
            for key in [k for k, v in _locals.items() if v is self]:
                del _locals[key]
            run_sync(_call(closer))

    # -- runs --------------------------------------------------------------------------------
    async def asubmit(
        self, graph: Graph, *, parameters: Mapping[str, Any] | None = None, title: str = ""
    ) -> Run:
        """Upload the graph's local files and start a run; :class:`GraphInvalid` lists every
        problem the server found."""
        from plynx.sdk.run import Run

        async with self.client() as client:
            model = await self._attach(client, graph)
            try:
                detail = await client.submit(model, title=title, parameters=parameters)
            except ApiError as exc:
                raise _invalid(exc) from None
        return Run(self, detail)

    async def asweep(
        self,
        graph: Graph,
        values: Mapping[str, Sequence[Any]],
        *,
        mode: str = "grid",
        fixed: Mapping[str, Any] | None = None,
        title: str = "",
    ) -> Sweep:
        """Upload the graph's local files and start a sweep (see :meth:`plynx.Graph.sweep`);
        :class:`GraphInvalid` lists every problem of every combination."""
        from plynx.sdk.sweep import Sweep

        problems = [
            f"{target!r}: give a list of values, not {type(axis).__name__}"
            for target, axis in values.items()
            if isinstance(axis, str | bytes) or not isinstance(axis, Sequence)
        ]
        if mode not in set(SweepMode):
            problems.append(f"mode {mode!r}: a sweep is 'grid' or 'zip'")
        if problems:
            raise InvalidInput("bad sweep", problems)
        payload = {
            "title": title,
            "mode": mode,
            "parameters": {target: list(axis) for target, axis in values.items()},
            "fixed": dict(fixed or {}),
        }
        async with self.client() as client:
            model = await self._attach(client, graph)
            payload["graph"] = model.model_dump(mode="json")
            try:
                body = await client.request("POST", "/sweeps", json=payload)
            except ApiError as exc:
                raise _invalid(exc) from None
        return Sweep(self, SweepDetail.model_validate(body))

    async def aget_sweep(self, sweep_id: str) -> Sweep:
        """A stored sweep, with the values, status and metrics of each run."""
        from plynx.sdk.sweep import Sweep

        async with self.client() as client:
            body = await client.request("GET", f"/sweeps/{sweep_id}")
        return Sweep(self, SweepDetail.model_validate(body))

    def get_sweep(self, sweep_id: str) -> Sweep:
        """A stored sweep (see :meth:`aget_sweep`)."""
        return run_sync(self.aget_sweep(sweep_id))

    async def _attach(self, client: PlynxClient, graph: Graph) -> GraphModel:
        from plynx.model import FileRef

        files = [FileRef(node_id, str(path)) for node_id, path in graph.files.items()]
        return await client.attach_files(graph.model, files, Path("/"))

    async def arun_graph(
        self, graph_id: str, *, parameters: Mapping[str, Any] | None = None, title: str = ""
    ) -> Run:
        """Start a run of the stored graph ``graph_id``."""
        from plynx.sdk.run import Run

        payload = {"graph_id": graph_id, "title": title, "parameters": dict(parameters or {})}
        async with self.client() as client:
            try:
                body = await client.request("POST", "/runs", json=payload)
            except ApiError as exc:
                raise _invalid(exc) from None
        return Run(self, RunDetail.model_validate(body))

    def run_graph(
        self, graph_id: str, *, parameters: Mapping[str, Any] | None = None, title: str = ""
    ) -> Run:
        """Start a run of the stored graph ``graph_id`` (see :meth:`arun_graph`)."""
        return run_sync(self.arun_graph(graph_id, parameters=parameters, title=title))

    async def aget_run(self, run_id: str) -> Run:
        """A stored run, with its node runs."""
        from plynx.sdk.run import Run

        async with self.client() as client:
            return Run(self, await client.get_run(run_id))

    def get_run(self, run_id: str) -> Run:
        """A stored run, with its node runs."""
        return run_sync(self.aget_run(run_id))

    async def aruns(
        self, *, graph: str | Graph | None = None, status: str | None = None, limit: int = 50
    ) -> list[RunInfo]:
        """Runs, newest first: of one stored graph (its id, or a published
        :class:`plynx.Graph`), in one status (``success``, ``failed``…)."""
        query: dict[str, Any] = {"limit": limit}
        if graph is not None:
            query["graph_id"] = graph if isinstance(graph, str) else graph.id
        if status is not None:
            query["status"] = RunStatus(status).value
        async with self.client() as client:
            page = await client.request("GET", "/runs", params=query)
        return [
            RunInfo(
                id=item["id"],
                title=item.get("title", ""),
                status=RunStatus(item["status"]),
                graph_id=item.get("graph_id"),
                created_at=datetime.fromisoformat(item["created_at"]),
                counts=dict(item.get("counts") or {}),
                connection=self,
            )
            for item in page["items"]
        ]

    def runs(
        self, *, graph: str | Graph | None = None, status: str | None = None, limit: int = 50
    ) -> list[RunInfo]:
        """Runs, newest first (see :meth:`aruns`)."""
        return run_sync(self.aruns(graph=graph, status=status, limit=limit))

    # -- graphs ----------------------------------------------------------------------------------
    async def agraph(self, graph_id: str) -> Graph:
        """A stored graph, to run, change or save as a file."""
        from plynx.sdk.graph import Graph

        async with self.client() as client:
            body = await client.request("GET", f"/graphs/{graph_id}")
        return Graph.from_model(GraphModel.model_validate(body))

    def graph(self, graph_id: str) -> Graph:
        """A stored graph (see :meth:`agraph`)."""
        return run_sync(self.agraph(graph_id))

    async def agraphs(self, q: str = "", limit: int = 100) -> list[dict[str, Any]]:
        """Stored graphs whose text matches ``q``, as the listing gives them (``id``,
        ``title``…); :meth:`graph` fetches one."""
        async with self.client() as client:
            page = await client.request("GET", "/graphs", params={"q": q, "limit": limit})
        return [dict(item) for item in page["items"]]

    def graphs(self, q: str = "", limit: int = 100) -> list[dict[str, Any]]:
        """Stored graphs whose text matches ``q`` (see :meth:`agraphs`)."""
        return run_sync(self.agraphs(q, limit))

    async def apublish_graph(self, graph: Graph) -> GraphModel:
        """Store ``graph``'s operations (published; ones already in the library are reused)
        and the graph itself (updated in place if it was published before)."""
        from plynx.sdk.publish import publish_graph

        async with self.client() as client:
            return await publish_graph(client, await self._attach(client, graph))


def _invalid(exc: ApiError) -> Exception:
    if exc.status == 400 and exc.problems:
        return GraphInvalid(exc.message, exc.problem_lines())
    return exc


async def _call(closer: Callable[[], Awaitable[None]]) -> None:
    await closer()


def connect(url: str, token: str | None = None) -> Connection:
    """Use the server at ``url`` (with an API ``token``) for every later ``g.run()``,
    ``g.publish()`` and :func:`runs`; returns the connection."""
    _chosen["default"] = Connection(url, token)
    return _chosen["default"]


async def _start_local(data_dir: Path, workers: int | None, slots: int | None) -> Connection:
    from plynx.cli.common import default_pool
    from plynx.cli.embedded import embedded_plynx, local_token, running_server
    from plynx.settings import load_settings

    settings = load_settings(None, data_dir=data_dir)
    cache_dir = settings.data_dir / "downloads"
    url = await asyncio.to_thread(running_server, settings.data_dir)
    if url is not None:  # a `plynx local` serves this directory: use it, as `plynx run` does
        token = await asyncio.to_thread(local_token, settings.data_dir)
        return Connection(url, token, cache_dir=cache_dir)
    count, per = default_pool(workers, slots)
    stack = contextlib.AsyncExitStack()
    url = await stack.enter_async_context(
        embedded_plynx(settings, workers=count, slots=per, log_dir=settings.data_dir / "workers")
    )
    at_exit(stack.aclose)
    token = await asyncio.to_thread(local_token, settings.data_dir)
    return Connection(url, token, cache_dir=cache_dir, closer=stack.aclose)


async def _background(coro: Coroutine[Any, Any, T]) -> T:
    """Await ``coro`` on the SDK's background loop (where embedded servers live)."""
    from plynx.sdk.loop import _background as loop_of

    return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, loop_of()))


def _data_dir_key(data_dir: str | PathLike[str] | None) -> Path:
    """The data directory ``plynx run --data-dir`` would use (``PLYNX_DATA_DIR``, else
    ``~/.plynx``, when not given)."""
    from plynx.settings import load_settings

    given = Path(data_dir).expanduser().absolute() if data_dir is not None else None
    return load_settings(None, data_dir=given).data_dir


async def alocal(
    data_dir: str | PathLike[str] | None = None,
    *,
    workers: int | None = None,
    slots: int | None = None,
) -> Connection:
    """:func:`local` for asyncio code."""
    key = _data_dir_key(data_dir)
    found = _locals.get(key)
    return found if found is not None else await _background(_local(key, workers, slots))


async def _local(data_dir: Path, workers: int | None, slots: int | None) -> Connection:
    """The embedded PLynx of ``data_dir``, started if need be. Runs on the background loop
    only, one call at a time: two callers must not both start a server on one directory."""
    if not _starting:
        _starting.append(asyncio.Lock())
    async with _starting[0]:
        if data_dir not in _locals:
            _locals[data_dir] = await _start_local(data_dir, workers, slots)
        return _locals[data_dir]


def local(
    data_dir: str | PathLike[str] | None = None,
    *,
    workers: int | None = None,
    slots: int | None = None,
) -> Connection:
    """PLynx embedded in this process, as ``plynx run`` without ``--server`` starts it: a
    server on a free loopback port with its data (and cache) in ``data_dir`` (default
    ``~/.plynx``) and local worker processes, running until the interpreter exits or
    :meth:`Connection.close`. A ``plynx local`` already serving ``data_dir`` is used instead."""
    return run_sync(alocal(data_dir, workers=workers, slots=slots))


async def resolve_connection(
    connection: Connection | None, data_dir: str | PathLike[str] | None
) -> Connection:
    """The connection to use: the one given, else ``data_dir``'s embedded PLynx if given,
    else the one :func:`connect` made, else the default embedded PLynx."""
    if connection is not None:
        return connection
    if data_dir is None and "default" in _chosen:
        return _chosen["default"]
    return await alocal(data_dir)


def runs(
    *, graph: str | Graph | None = None, status: str | None = None, limit: int = 50
) -> list[RunInfo]:
    """Runs on the server :func:`connect` chose (else the embedded one), newest first."""
    conn = _chosen.get("default") or local()
    return conn.runs(graph=graph, status=status, limit=limit)
