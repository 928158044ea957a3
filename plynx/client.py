"""An asyncio client of the PLynx server: the REST API under ``/api/v1`` and the live events
of ``/ws/events``. The CLI, the tests and the benchmark all talk to a server through it.

::

    async with PlynxClient("http://127.0.0.1:8765", token) as client:
        ref = await client.upload(Path("data.csv"), type="csv")
        detail = await client.submit(graph)
        async for event in client.follow(detail.run.id):
            ...
        final = await client.get_run(detail.run.id)

``token`` is an API token (``plynx token create``) or, for a ``plynx local`` server, its local
token (``<data_dir>/local-token``); it is sent as ``Authorization: Bearer``, on the websocket
too. Every error answer of the server becomes an :class:`ApiError` carrying its status, code and
the list of problems (for a graph: one per node and port).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

import aiohttp
from pydantic import BaseModel, ConfigDict, Field

from plynx.errors import InvalidInput, PlynxError
from plynx.model import ArtifactRef, FileRef, Graph, NodeRun, NodeRunStatus, Operation, Run

__all__ = [
    "RECONNECT_FOR",
    "ApiError",
    "Outage",
    "PlynxClient",
    "RunDetail",
    "RunState",
    "ServerLost",
    "file_sha256",
    "frame_messages",
]

logger = logging.getLogger(__name__)
T = TypeVar("T")

API = "/api/v1"
_CHUNK = 1024 * 1024
#: Seconds a follower keeps trying to reach a server it lost before giving up, by default.
RECONNECT_FOR = 300.0
#: Pauses between reconnection attempts; the last one repeats.
_RECONNECT_DELAYS = (0.1, 0.25, 0.5, 1.0, 2.0, 3.0)
_FINISHED = frozenset({"success", "failed", "canceled"})


class ApiError(PlynxError):
    """The server answered with an error. ``status`` is the HTTP status, ``code`` the stable
    error code (``graph_invalid``, ``not_found``, ...), ``problems`` every problem it listed
    (graph issues are dicts with ``node``, ``port``, ``code`` and ``message``)."""

    def __init__(
        self, status: int, message: str, code: str = "", problems: list[Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.problems = problems or []

    def problem_lines(self) -> list[str]:
        """Each problem as one line: ``node.port: message`` when it names a place."""
        lines = []
        for problem in self.problems:
            if isinstance(problem, Mapping):
                where = ".".join(str(problem[k]) for k in ("node", "port") if problem.get(k))
                where = where or str(problem.get("field") or "")
                message = str(problem.get("message", problem))
                lines.append(f"{where}: {message}" if where and where not in message else message)
            else:
                lines.append(str(problem))
        return lines


class ServerLost(PlynxError):
    """The server stayed unreachable for ``seconds`` while following run ``run_id``: the run
    may well still be running there. ``error`` is the last connection error."""

    def __init__(self, run_id: str, seconds: float, error: str) -> None:
        super().__init__(
            f"lost the server for {seconds:.0f}s while following run {run_id} ({error}); "
            f"the run may still be running"
        )
        self.run_id = run_id
        self.seconds = seconds
        self.error = error


@dataclass
class Outage:
    """A follower of run ``run_id`` lost its server at ``started`` (``time.monotonic()``) and
    has tried to reconnect ``attempts`` times; ``recovered`` once it is connected again."""

    run_id: str
    error: str
    started: float
    attempts: int = 0
    recovered: bool = False

    @property
    def elapsed(self) -> float:
        """Seconds since the server was lost."""
        return time.monotonic() - self.started


#: Called when a follower loses its server, before each reconnection attempt, and once it is
#: connected again (``outage.recovered``).
OutageCallback = Callable[[Outage], None]


class _Reconnects:
    """The reconnection policy of a follower: back off between attempts, tell ``on_outage``,
    give up with :class:`ServerLost` once the server has been gone for ``budget`` seconds."""

    def __init__(self, run_id: str, budget: float, on_outage: OutageCallback | None) -> None:
        self.run_id = run_id
        self.budget = budget
        self.on_outage = on_outage
        self.outage: Outage | None = None

    def connected(self) -> None:
        """The follower hears from the server again."""
        if self.outage is not None:
            self.outage.recovered = True
            logger.info("following run %s again after %.1fs", self.run_id, self.outage.elapsed)
            if self.on_outage is not None:
                self.on_outage(self.outage)
            self.outage = None

    async def failed(self, error: str) -> None:
        """The connection failed with ``error``: wait before the next attempt, or raise
        :class:`ServerLost` when the budget is spent."""
        if self.outage is None:
            self.outage = Outage(self.run_id, error, time.monotonic())
            logger.info("event connection lost (%s); reconnecting", error)
        outage = self.outage
        outage.error = error
        left = self.budget - outage.elapsed
        if left <= 0:
            raise ServerLost(self.run_id, outage.elapsed, error)
        outage.attempts += 1
        if self.on_outage is not None:
            self.on_outage(outage)
        delay = _RECONNECT_DELAYS[min(outage.attempts, len(_RECONNECT_DELAYS)) - 1]
        await asyncio.sleep(min(delay, left))


def _transient(exc: BaseException) -> str | None:
    """Why a follower lost its server, if ``exc`` is worth reconnecting after (a dropped
    connection, a server restarting or behind a proxy answering 5xx); else ``None``."""
    if isinstance(exc, ApiError):
        return exc.message if exc.status >= 500 else None
    if isinstance(exc, aiohttp.WSServerHandshakeError):
        return f"HTTP {exc.status} on the event socket" if exc.status >= 500 else None
    return str(exc) or type(exc).__name__


class RunDetail(BaseModel):
    """A run with every node run, as ``GET /runs/{id}`` answers it."""

    run: Run
    node_runs: list[NodeRun]

    def node(self, node_id: str) -> NodeRun | None:
        """The node run of the graph node ``node_id``, if any."""
        return next((nr for nr in self.node_runs if nr.node_id == node_id), None)


def _run_payload(graph: Graph, title: str, parameters: Mapping[str, Any] | None) -> dict[str, Any]:
    return {
        "graph": graph.model_dump(mode="json"),
        "title": title,
        "parameters": dict(parameters or {}),
    }


class StartedRun(BaseModel):
    """What ``POST /runs`` answers to ``Prefer: return=minimal``: the new run without its graph
    and node runs (the server's ``RunSummary``; fields this client does not use are kept)."""

    model_config = ConfigDict(extra="allow")

    id: str
    status: str
    parameters: dict[str, Any] = Field(default_factory=dict)
    counts: dict[str, int]
    node_count: int


@dataclass
class RunState:
    """What a follower of a run knows: the run (without its graph) and its node runs by node
    id, as of event ``seq``."""

    run: dict[str, Any]
    node_runs: dict[str, NodeRun] = field(default_factory=dict)
    seq: int = 0

    @property
    def finished(self) -> bool:
        """Whether the run has finished."""
        return str(self.run.get("status")) in _FINISHED

    def count(self, *statuses: NodeRunStatus) -> int:
        """How many node runs are in one of ``statuses``."""
        return sum(1 for nr in self.node_runs.values() if nr.status in statuses)


def file_sha256(path: Path) -> str:
    """The sha256 of a file's content, read in chunks."""
    return _digest(path)[0]


def _digest(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


async def _file_chunks(path: Path) -> AsyncIterator[bytes]:
    with path.open("rb") as handle:
        while chunk := await asyncio.to_thread(handle.read, _CHUNK):
            yield chunk


class PlynxClient:
    """A connection to one PLynx server. Use it as an async context manager (it owns an
    ``aiohttp.ClientSession`` unless one is given)."""

    def __init__(
        self,
        url: str,
        token: str | None = None,
        *,
        session: aiohttp.ClientSession | None = None,
        timeout: float = 60.0,
    ) -> None:
        self.url = url.rstrip("/")
        self._token = token or None
        self._session = session
        self._owns_session = session is None
        self._timeout = aiohttp.ClientTimeout(total=None, sock_connect=timeout, sock_read=timeout)

    def __repr__(self) -> str:
        return f"PlynxClient({self.url!r}, token={'***' if self._token else None})"

    async def __aenter__(self) -> Self:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the HTTP session if this client opened it."""
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None

    @property
    def session(self) -> aiohttp.ClientSession:
        """The HTTP session (the client must have been entered)."""
        if self._session is None:
            raise RuntimeError("use PlynxClient as 'async with PlynxClient(...) as client'")
        return self._session

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}"} if self._token else {}

    # -- plumbing --------------------------------------------------------------------------------
    async def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """Send a request to ``/api/v1<path>`` and return the decoded JSON (or text) answer;
        :class:`ApiError` on an error status."""
        headers = {**self._headers(), **kwargs.pop("headers", {})}
        async with self.session.request(
            method, self.url + API + path, headers=headers, **kwargs
        ) as resp:
            if resp.content_type == "application/json":
                body: Any = await resp.json()
            else:
                body = await resp.text()
            if resp.status >= 400:
                raise _api_error(resp.status, body)
            return body

    # -- server ----------------------------------------------------------------------------------
    async def health(self) -> dict[str, Any]:
        """``{"status": "ok", "version": ...}``."""
        return dict(await self.request("GET", "/health"))

    async def wait_ready(self) -> None:
        """Wait until the server answers ``/health`` (bound it with ``asyncio.timeout``)."""
        while True:
            with contextlib.suppress(aiohttp.ClientConnectionError, ApiError):
                await self.health()
                return
            await asyncio.sleep(0.05)

    async def workers(self) -> list[dict[str, Any]]:
        """The connected workers."""
        return list(await self.request("GET", "/workers"))

    async def wait_workers(self, count: int = 1) -> list[dict[str, Any]]:
        """Wait until at least ``count`` workers are connected (bound it with
        ``asyncio.timeout``); returns them."""
        async with self._events() as ws:
            await ws.send_json({"type": "subscribe", "topic": "workers"})
            async for message in _messages(ws):
                if message.get("topic") == "workers" and len(message["workers"]) >= count:
                    return list(message["workers"])
        raise ConnectionError("the event connection closed before the workers connected")

    def _events(self) -> Any:
        # the token goes in a header: a query string ends up in proxies' logs
        return self.session.ws_connect(
            self.url + "/ws/events", headers=self._headers(), heartbeat=20.0, max_msg_size=0
        )

    # -- artifacts -------------------------------------------------------------------------------
    async def upload(self, path: Path, *, type: str = "file", name: str = "") -> ArtifactRef:
        """Upload a local file (streamed, verified by its sha256 on the server). A file the
        server already has is not sent again."""
        sha256, size = await asyncio.to_thread(_digest, path)
        name = name or path.name
        if await self.has_artifact(sha256):
            return ArtifactRef.model_validate(
                {"sha256": sha256, "size": size, "type": type, "name": name}
            )
        params = {"sha256": sha256, "name": name, "type": type}
        body = await self.request(
            "POST",
            "/artifacts",
            params=params,
            data=_file_chunks(path),
            headers={"Content-Type": "application/octet-stream"},
        )
        return ArtifactRef.model_validate(body)

    async def has_artifact(self, sha256: str) -> bool:
        """Whether the server stores the artifact ``sha256``."""
        async with self.session.head(
            f"{self.url}{API}/artifacts/{sha256}", headers=self._headers()
        ) as resp:
            if resp.status == 404:
                return False
            if resp.status >= 400:
                raise _api_error(resp.status, "")
            return True

    async def upload_directory(self, path: Path, *, name: str = "") -> ArtifactRef:
        """Upload a local directory as a (deterministic) tar archive."""
        import tempfile

        from plynx.artifacts.archive import pack_directory

        with tempfile.TemporaryDirectory(prefix="plynx-upload-") as tmp:
            archive = Path(tmp) / "dir.tar"
            await asyncio.to_thread(pack_directory, path, archive)
            return await self.upload(archive, type="directory", name=name or path.name)

    async def attach_files(self, graph: Graph, files: list[FileRef], base_dir: Path) -> Graph:
        """Upload the local files a graph file names (paths relative to ``base_dir``) and
        return the graph with each file node's ``artifact`` and ``filename`` set.
        :class:`InvalidInput` lists every missing file before anything is uploaded."""
        graph = graph.model_copy(deep=True)
        nodes = graph.node_map()
        paths = {ref.node_id: (base_dir / ref.path).expanduser() for ref in files}
        missing = [
            f"{node_id}: {path} does not exist"
            for node_id, path in paths.items()
            if not path.exists()
        ]
        if missing:
            raise InvalidInput("files the graph names are missing", missing)
        for node_id, path in paths.items():
            node = nodes[node_id]
            outputs = node.operation.outputs
            kind = outputs[0].type.value if outputs else "file"
            if path.is_dir():
                ref = await self.upload_directory(path)
            else:
                ref = await self.upload(path, type=kind)
            node.params["artifact"] = ref.sha256
            if not node.params.get("filename"):
                node.params["filename"] = path.name
        return graph

    async def download_to(self, sha256: str, path: Path) -> None:
        """Stream an artifact into the file ``path`` (written whole or not at all)."""
        partial = path.with_name(path.name + ".part")
        async with self.session.get(
            f"{self.url}{API}/artifacts/{sha256}", headers=self._headers()
        ) as resp:
            if resp.status >= 400:
                raise _api_error(resp.status, await _body(resp))
            with partial.open("wb") as handle:
                async for chunk in resp.content.iter_chunked(_CHUNK):
                    await asyncio.to_thread(handle.write, chunk)
        partial.replace(path)

    async def download(self, sha256: str) -> bytes:
        """The bytes of an artifact (read whole: meant for small outputs)."""
        async with self.session.get(
            f"{self.url}{API}/artifacts/{sha256}", headers=self._headers()
        ) as resp:
            if resp.status >= 400:
                raise _api_error(resp.status, await _body(resp))
            return await resp.read()

    # -- operations and graphs -------------------------------------------------------------------
    async def list_operations(self, q: str = "", limit: int = 500) -> list[Operation]:
        """Operations whose text matches ``q``."""
        page = await self.request("GET", "/operations", params={"q": q, "limit": limit})
        return [Operation.model_validate(item) for item in page["items"]]

    async def create_operation(self, operation: Operation) -> Operation:
        """Store a new draft operation."""
        body = await self.request("POST", "/operations", json=operation.model_dump(mode="json"))
        return Operation.model_validate(body)

    async def publish_operation(self, operation_id: str) -> Operation:
        """Publish a draft operation."""
        body = await self.request("POST", f"/operations/{operation_id}/publish")
        return Operation.model_validate(body)

    async def list_graphs(self, q: str = "", limit: int = 500) -> list[dict[str, Any]]:
        """Summaries of the graphs whose text matches ``q`` (``id``, ``title``,
        ``description``, ``author``, times, ``node_count``, ``edge_count``; no nodes: fetch a
        whole graph with :meth:`get_graph`)."""
        page = await self.request("GET", "/graphs", params={"q": q, "limit": limit})
        return list(page["items"])

    async def get_graph(self, graph_id: str) -> Graph:
        """The whole graph with this id."""
        return Graph.model_validate(await self.request("GET", f"/graphs/{graph_id}"))

    async def create_graph(self, graph: Graph) -> Graph:
        """Store a new graph."""
        body = await self.request("POST", "/graphs", json=graph.model_dump(mode="json"))
        return Graph.model_validate(body)

    async def validate(self, graph: Graph) -> list[dict[str, Any]]:
        """Every problem the server finds in ``graph`` (empty when it can run)."""
        body = await self.request("POST", "/graphs/validate", json=graph.model_dump(mode="json"))
        return list(body["problems"])

    # -- runs ------------------------------------------------------------------------------------
    async def submit(
        self, graph: Graph, *, title: str = "", parameters: Mapping[str, Any] | None = None
    ) -> RunDetail:
        """Start a run of ``graph`` with these values of its graph ``parameters``;
        :class:`ApiError` (400) lists every problem."""
        payload = _run_payload(graph, title, parameters)
        return RunDetail.model_validate(await self.request("POST", "/runs", json=payload))

    async def start(
        self, graph: Graph, *, title: str = "", parameters: Mapping[str, Any] | None = None
    ) -> StartedRun:
        """Like :meth:`submit`, but the server answers with the run's summary only (its graph
        is not sent back: on a graph of thousands of nodes, most of the time of a submit)."""
        payload = _run_payload(graph, title, parameters)
        body = await self.request(
            "POST", "/runs", json=payload, headers={"Prefer": "return=minimal"}
        )
        return StartedRun.model_validate(body)

    async def get_run(self, run_id: str) -> RunDetail:
        """A run with its node runs."""
        return RunDetail.model_validate(await self.request("GET", f"/runs/{run_id}"))

    async def get_run_json(self, run_id: str) -> dict[str, Any]:
        """A run with its node runs, as the server's JSON document."""
        return dict(await self.request("GET", f"/runs/{run_id}"))

    async def cancel(self, run_id: str) -> RunDetail | None:
        """Cancel a run; ``None`` if it had already finished."""
        try:
            return RunDetail.model_validate(await self.request("POST", f"/runs/{run_id}/cancel"))
        except ApiError as exc:
            if exc.status == 409:
                return None
            raise

    async def node_log(self, node_run_id: str, stream: str = "stderr") -> str:
        """The whole log of a node run (a cached node shows its producer's)."""
        text = await self.request("GET", f"/node-runs/{node_run_id}/log", params={"stream": stream})
        return str(text)

    async def clear_cache(self) -> int:
        """Forget every cache entry; returns how many."""
        return int((await self.request("DELETE", "/cache"))["deleted"])

    async def wait_run(
        self,
        run_id: str,
        *,
        reconnect_for: float = RECONNECT_FOR,
        on_outage: OutageCallback | None = None,
    ) -> RunDetail:
        """Wait until a run finishes and return its final detail (bound it with
        ``asyncio.timeout``). Cheaper than :meth:`follow`: node events are not decoded. A lost
        server is retried as :meth:`follow` does."""
        reconnects = _Reconnects(run_id, reconnect_for, on_outage)
        while True:
            try:
                async with self._events() as ws:
                    await ws.send_json(
                        {"type": "subscribe", "topic": "run", "run_id": run_id, "since": None}
                    )
                    async for message in _messages(ws):
                        reconnects.connected()
                        if message.get("type") == "error":
                            raise ApiError(400, str(message.get("message")), "event_error")
                        run = message.get("run")
                        if isinstance(run, dict) and run.get("status") in _FINISHED:
                            return await self.get_run(run_id)
                error = "the event socket closed"
            except (aiohttp.ClientError, ConnectionError, TimeoutError, ApiError) as exc:
                if (reason := _transient(exc)) is None:
                    raise
                error = reason
            await reconnects.failed(error)

    async def retrying(
        self,
        run_id: str,
        call: Callable[[], Awaitable[T]],
        *,
        reconnect_for: float = RECONNECT_FOR,
        on_outage: OutageCallback | None = None,
    ) -> T:
        """``await call()``, retried as :meth:`follow` retries while the server is lost (for
        requests about run ``run_id`` that must not fail because the server restarts)."""
        reconnects = _Reconnects(run_id, reconnect_for, on_outage)
        while True:
            try:
                result = await call()
            except (aiohttp.ClientError, ConnectionError, TimeoutError, ApiError) as exc:
                if (reason := _transient(exc)) is None:
                    raise
                await reconnects.failed(reason)
                continue
            reconnects.connected()
            return result

    async def follow(
        self,
        run_id: str,
        *,
        reconnect_for: float = RECONNECT_FOR,
        on_outage: OutageCallback | None = None,
    ) -> AsyncIterator[RunState]:
        """Yield the state of a run after its snapshot and after every event, until it has
        finished (the last state yielded is finished).

        A lost server (dropped connection, restart, 5xx) is retried with backoff, resuming
        from the last event seen, for up to ``reconnect_for`` seconds of continuous outage;
        then :class:`ServerLost`. ``on_outage`` hears of each outage, each attempt and the
        recovery."""
        state: RunState | None = None
        reconnects = _Reconnects(run_id, reconnect_for, on_outage)
        while True:
            try:
                async for current in self._follow_once(run_id, state):
                    reconnects.connected()
                    state = current
                    yield current
                    if current.finished:
                        return
                error = "the event socket closed"
            except (aiohttp.ClientError, ConnectionError, TimeoutError, ApiError) as exc:
                if (reason := _transient(exc)) is None:
                    raise
                error = reason
            await reconnects.failed(error)

    async def _follow_once(self, run_id: str, state: RunState | None) -> AsyncIterator[RunState]:
        async with self._events() as ws:
            since = state.seq if state is not None else None
            await ws.send_json(
                {"type": "subscribe", "topic": "run", "run_id": run_id, "since": since}
            )
            if state is not None:
                # caught up from the bus history; if the run finished while we were away the
                # history may no longer say so: ask once
                detail = await self.get_run(run_id)
                if detail.run.status.finished:
                    yield _state_of(detail)
                    return
                yield state  # the server answers again: the follower is reconnected
            async for message in _messages(ws):
                kind = message.get("type")
                if kind == "error":
                    raise ApiError(400, str(message.get("message")), "event_error")
                if message.get("topic") != "run" or message.get("run_id") != run_id:
                    continue
                if kind == "snapshot":
                    state = RunState(
                        run={k: v for k, v in message["run"].items() if k != "graph"},
                        node_runs={
                            nr["node_id"]: NodeRun.model_validate(nr) for nr in message["node_runs"]
                        },
                        seq=int(message.get("seq") or 0),
                    )
                elif kind == "event" and state is not None:
                    seq = int(message.get("seq") or 0)
                    if message.get("kind") == "node_run":
                        nr = _merged(state.node_runs, message["node_run"])
                        state.node_runs[nr.node_id] = nr
                    elif message.get("kind") == "run":
                        state.run = {k: v for k, v in message["run"].items() if k != "graph"}
                    state.seq = max(state.seq, seq)
                else:
                    continue
                yield state
            if ws.close_code is not None and state is not None and not state.finished:
                raise ConnectionError(f"event socket closed ({ws.close_code})")


async def _messages(ws: aiohttp.ClientWebSocketResponse) -> AsyncIterator[dict[str, Any]]:
    """The event socket's messages until it closes (see :func:`frame_messages`)."""
    async for msg in ws:
        if msg.type != aiohttp.WSMsgType.TEXT:
            return
        for message in frame_messages(msg.json()):
            yield message


def frame_messages(frame: Any) -> list[dict[str, Any]]:
    """The messages of a ``/ws/events`` frame (its decoded JSON), in order: a frame holds one
    message or an array of them, and an ``events`` message (a flush of one run's events) holds
    run events without what it says once for all of them (``type``, ``topic``, ``run_id``)."""
    messages: list[dict[str, Any]] = []
    for message in frame if isinstance(frame, list) else [frame]:
        if not isinstance(message, dict):
            continue
        if message.get("type") == "events" and isinstance(message.get("events"), list):
            said = {"type": "event", "topic": message.get("topic"), "run_id": message.get("run_id")}
            messages.extend({**said, **event} for event in message["events"])
        else:
            messages.append(message)
    return messages


def _merged(node_runs: Mapping[str, NodeRun], change: dict[str, Any]) -> NodeRun:
    """The node run that a ``node_run`` event's ``change`` (its ``id``, ``node_id`` and the
    fields that changed) makes of the one in ``node_runs``."""
    known = node_runs.get(str(change.get("node_id")))
    if known is None:  # (a whole node run: a follower has every node run of its snapshot)
        return NodeRun.model_validate(change)
    return NodeRun.model_validate({**known.model_dump(mode="json"), **change})


def _state_of(detail: RunDetail) -> RunState:
    return RunState(
        run=detail.run.model_dump(mode="json", exclude={"graph"}),
        node_runs={nr.node_id: nr for nr in detail.node_runs},
        seq=detail.run.seq,
    )


async def _body(resp: aiohttp.ClientResponse) -> Any:
    if resp.content_type == "application/json":
        return await resp.json()
    return await resp.text()


def _api_error(status: int, body: Any) -> ApiError:
    if isinstance(body, Mapping) and isinstance(body.get("error"), Mapping):
        error = body["error"]
        return ApiError(
            status,
            str(error.get("message", "")),
            str(error.get("code", "")),
            list(error.get("problems") or []),
        )
    text = str(body).strip()[:500]
    return ApiError(status, f"HTTP {status}: {text}" if text else f"HTTP {status}")
