"""The worker protocol spoken over ``/ws/worker``: versioned JSON messages, one model per type.

Both the server and the worker import this module and nothing else of each other.

Worker → server: ``hello`` (first), ``heartbeat``, ``started``, ``log``, ``metrics``, ``result``.
(``metrics`` is optional: a worker whose nodes report none never sends it.)
Server → worker: ``welcome`` (answer to hello), ``dispatch``, ``cancel``, ``ack``.

A websocket frame holds one message (a JSON object) or several (a JSON array of them, in
order): a side with several messages waiting sends them in one frame, which saves a write per
message when many nodes are short.

A refused hello is answered by closing the socket with :data:`CLOSE_REFUSED` and a reason that
says what to do. Delivery is at least once: every dispatch carries ``(node_run_id, attempt,
lease)``; results are idempotent per ``(node_run_id, attempt)`` and the worker re-sends a result
until the server acks it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from plynx.errors import ProtocolError
from plynx.model.metrics import MetricPoint
from plynx.model.operation import Output
from plynx.model.run import ArtifactRef

__all__ = [
    "CLOSE_REFUSED",
    "CLOSE_SHUTDOWN",
    "PROTOCOL_VERSION",
    "Ack",
    "Cancel",
    "Dispatch",
    "Heartbeat",
    "Hello",
    "Log",
    "Message",
    "Metrics",
    "Result",
    "RunningRef",
    "Started",
    "Welcome",
    "decode",
    "decode_frame",
    "encode",
    "encode_frame",
]

PROTOCOL_VERSION = 2
#: Close code for a refused hello (bad token, protocol mismatch); the reason says what to do.
CLOSE_REFUSED = 4001
#: Close code the server uses when it shuts down; workers reconnect.
CLOSE_SHUTDOWN = 4002


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RunningRef(_Message):
    """A node run attempt a worker is executing."""

    node_run_id: str
    attempt: int


class Hello(_Message):
    """First message of a worker: who it is and what it can run. ``running`` lists attempts it
    is still executing from before a reconnect, so the server can re-attach them."""

    type: Literal["hello"] = "hello"
    protocol: int
    token: str = Field(default="", repr=False)
    worker_id: str
    host: str
    kinds: list[str]
    slots: int = Field(ge=1)
    running: list[RunningRef] = Field(default_factory=list)


class Welcome(_Message):
    """The server accepted the worker. The worker heartbeats every ``heartbeat_interval``
    seconds; silence for ``lease_timeout`` loses its node runs. ``cancel`` lists re-attached
    attempts the server no longer wants (the worker must kill them)."""

    type: Literal["welcome"] = "welcome"
    protocol: int = PROTOCOL_VERSION
    server_version: str
    heartbeat_interval: float
    lease_timeout: float
    cancel: list[RunningRef] = Field(default_factory=list)


class Heartbeat(_Message):
    """Periodic proof of life, with what the worker is running."""

    type: Literal["heartbeat"] = "heartbeat"
    running: list[RunningRef] = Field(default_factory=list)


class Dispatch(_Message):
    """Run one node. ``inputs`` maps each input to its artifacts (a list even for plain inputs);
    ``params`` are resolved (defaults applied, types coerced)."""

    type: Literal["dispatch"] = "dispatch"
    node_run_id: str
    run_id: str
    node_id: str
    attempt: int
    lease: float = Field(description="seconds the worker may stay silent before losing this")
    kind: str
    code: str
    params: dict[str, Any]
    inputs: dict[str, list[ArtifactRef]]
    input_arrays: list[str] = Field(default_factory=list, description="inputs that are arrays")
    outputs: list[Output]
    timeout: float | None = None


class Cancel(_Message):
    """Stop an attempt now (run canceled, timeout seen by the server, lease lost)."""

    type: Literal["cancel"] = "cancel"
    node_run_id: str
    attempt: int
    reason: str


class Ack(_Message):
    """The server stored the result of an attempt; the worker may forget it."""

    type: Literal["ack"] = "ack"
    node_run_id: str
    attempt: int


class Started(_Message):
    """The worker started the process of an attempt."""

    type: Literal["started"] = "started"
    node_run_id: str
    attempt: int


class Log(_Message):
    """A batch of log text of an attempt. ``data`` is already truncated by the worker where the
    log is huge (the first and last part are kept, with a line that says what was cut)."""

    type: Literal["log"] = "log"
    node_run_id: str
    attempt: int
    stream: Literal["stdout", "stderr"]
    data: str


class Metrics(_Message):
    """A batch of metric points an attempt's node reported (``$PLYNX_METRICS``), in order."""

    type: Literal["metrics"] = "metrics"
    node_run_id: str
    attempt: int
    points: list[MetricPoint]


class Result(_Message):
    """The outcome of an attempt. Outputs are uploaded before the result is sent."""

    type: Literal["result"] = "result"
    node_run_id: str
    attempt: int
    status: Literal["success", "failed", "canceled"]
    outputs: dict[str, list[ArtifactRef]] = Field(default_factory=dict)
    exit_code: int | None = None
    error: str | None = None
    duration: float = 0.0


Message = Annotated[
    Hello | Welcome | Heartbeat | Dispatch | Cancel | Ack | Started | Log | Metrics | Result,
    Field(discriminator="type"),
]
_ADAPTER: TypeAdapter[Message] = TypeAdapter(Message)
_FRAME_ADAPTER: TypeAdapter[list[Message]] = TypeAdapter(list[Message])


def encode(message: _Message) -> str:
    """The JSON text of ``message``."""
    return message.model_dump_json()


def decode(raw: str | bytes) -> Message:
    """Parse one message; :class:`ProtocolError` (carrying ``raw``) if it is not valid."""
    try:
        return _ADAPTER.validate_json(raw)
    except ValidationError as exc:
        kind = None
        try:
            parsed = json.loads(raw)
            kind = parsed.get("type") if isinstance(parsed, dict) else None
        except ValueError:
            pass
        raise ProtocolError(
            f"cannot decode {'a ' + repr(kind) if kind else 'a'} message: {exc.errors()[0]['msg']}",
            raw=raw,
        ) from None


def encode_frame(messages: Sequence[_Message]) -> str:
    """One frame carrying ``messages`` (at least one), in order."""
    if len(messages) == 1:
        return encode(messages[0])
    return "[" + ",".join(encode(message) for message in messages) + "]"


def decode_frame(raw: str | bytes) -> list[Message]:
    """The messages of one frame; :class:`ProtocolError` (carrying ``raw``) if any is not
    valid."""
    if raw.lstrip()[:1] not in ("[", b"["):
        return [decode(raw)]
    try:
        return _FRAME_ADAPTER.validate_json(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = f"message {error['loc'][0]} of a frame" if error["loc"] else "a frame"
        raise ProtocolError(f"cannot decode {where}: {error['msg']}", raw=raw) from None
