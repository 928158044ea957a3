"""Helpers of the server tests: a test kind, a registry, documents, an in-process worker."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from typing import Any

from plynx.engine import Engine, WorkerSession
from plynx.model import ArtifactRef, Operation
from plynx.nodes import BaseNode, Registry, RunContext, load_registry
from plynx.protocol import PROTOCOL_VERSION, Dispatch, Hello, Log, Result, Started


class EchoNode(BaseNode):
    """A test kind: an operation needs code; never really runs (the test worker answers)."""

    name = "echo"
    title = "Echo"
    code_language = "bash"

    @classmethod
    def check(cls, operation: Operation) -> list[str]:
        return [] if operation.code.strip() else ["an echo operation needs code"]

    async def run(self, ctx: RunContext) -> int:  # pragma: no cover - never dispatched for real
        return 0


def make_registry() -> Registry:
    builtin = load_registry(only=["file", "composite"])
    kinds: dict[str, type[BaseNode]] = {name: builtin.get(name) for name in builtin.names()}  # type: ignore[misc]
    kinds["echo"] = EchoNode
    return Registry(kinds, {})


def echo_op(**extra: Any) -> dict[str, Any]:
    """An echo operation document with one text input ``inp`` and output ``out``."""
    return {
        "kind": "echo",
        "title": "Echo",
        "code": "echo hi",
        "inputs": [{"name": "inp", "type": "text"}],
        "outputs": [{"name": "out", "type": "text"}],
        **extra,
    }


def node(node_id: str, operation: dict[str, Any], **params: Any) -> dict[str, Any]:
    return {"id": node_id, "operation": operation, "params": params}


class InProcessWorker:
    """A worker inside the test process, attached to the engine directly."""

    def __init__(self, engine: Engine, kinds: tuple[str, ...] = ("echo",)) -> None:
        self.engine = engine
        self.kinds = kinds
        self.session: WorkerSession | None = None

    async def connect(self) -> None:
        hello = Hello(
            protocol=PROTOCOL_VERSION,
            worker_id=uuid.uuid4().hex,
            host="test-host",
            kinds=list(self.kinds),
            slots=4,
        )
        self.session = await self.engine.attach_worker(hello)

    async def dispatch(self, within: float = 10) -> Dispatch:
        assert self.session is not None
        async with asyncio.timeout(within):
            while True:
                message = await self.session.outbox.get()
                if isinstance(message, Dispatch):
                    return message

    async def start(self, d: Dispatch) -> None:
        assert self.session is not None
        await self.engine.on_worker_message(
            self.session, Started(node_run_id=d.node_run_id, attempt=d.attempt)
        )

    async def log(self, d: Dispatch, text: str, stream: str = "stdout") -> None:
        assert self.session is not None
        await self.engine.on_worker_message(
            self.session,
            Log(node_run_id=d.node_run_id, attempt=d.attempt, stream=stream, data=text),  # type: ignore[arg-type]
        )

    async def fail(self, d: Dispatch, exit_code: int = 1) -> None:
        assert self.session is not None
        await self.engine.on_worker_message(
            self.session,
            Result(
                node_run_id=d.node_run_id,
                attempt=d.attempt,
                status="failed",
                exit_code=exit_code,
                error="it failed",
            ),
        )

    async def succeed(self, d: Dispatch) -> None:
        """Finish ``d`` with made-up outputs (the engine does not read artifact bytes)."""
        assert self.session is not None
        outputs = {
            o.name: [fake_ref(f"{d.node_id}.{o.name}.{sorted(d.params.items())}")]
            for o in d.outputs
        }
        await self.engine.on_worker_message(
            self.session,
            Result(
                node_run_id=d.node_run_id,
                attempt=d.attempt,
                status="success",
                outputs=outputs,
                exit_code=0,
            ),
        )


def fake_ref(text: str) -> ArtifactRef:
    """A reference to an artifact with content ``text`` (not stored)."""
    return ArtifactRef(sha256=hashlib.sha256(text.encode()).hexdigest(), size=len(text))
