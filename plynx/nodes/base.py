"""The BaseNode API: what a node kind declares and implements.

A kind is a subclass of :class:`BaseNode` registered under the entry-point group
``plynx.nodes`` (the built-in kinds are registered exactly as a plugin's would be)::

    [project.entry-points."plynx.nodes"]
    my_kind = "my_package.nodes:MyKind"

On the server a kind validates operations (:meth:`BaseNode.check`) and, for composites,
expands itself. On the worker it runs: :meth:`BaseNode.run` gets a :class:`RunContext` with
input and output paths, resolved parameters, a log writer and cancellation, and returns the
exit code (0 is success).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import BaseModel

from plynx.model import Operation, Parameter

__all__ = ["BaseNode", "KindInfo", "RunContext"]


class RunContext(ABC):
    """What a running node sees on the worker. Implemented by the worker.

    ``inputs`` maps every input to its local paths (a list, one per edge, in edge order; a
    plain input has at most one). ``outputs`` maps every output to the path the node must fill
    (an empty file, or an empty directory for ``directory`` outputs). ``workdir`` is a fresh
    temporary directory of this attempt and the current directory of its processes.
    """

    node_run_id: str
    attempt: int
    code: str
    params: Mapping[str, Any]
    inputs: Mapping[str, Sequence[Path]]
    input_arrays: frozenset[str]
    outputs: Mapping[str, Path]
    workdir: Path
    timeout: float | None

    @abstractmethod
    def log(self, text: str, stream: Literal["stdout", "stderr"] = "stderr") -> None:
        """Append a line to the node's log (PLynx's own messages go to stderr)."""

    @abstractmethod
    async def run_process(
        self, argv: Sequence[str], *, env: Mapping[str, str] | None = None
    ) -> int:
        """Run ``argv`` in ``workdir`` in a new process group, stream its stdout and stderr to
        the log, kill the group on cancel or timeout; return the exit code."""

    @abstractmethod
    async def run_python(self, code: str, bindings: Mapping[str, Any]) -> int:
        """Run Python ``code`` in a fresh process (forked from a warm interpreter) with
        ``bindings`` as globals; stdout and stderr go to the log. Returns the exit code."""


class KindInfo(BaseModel):
    """How the API and dashboard describe a kind."""

    name: str
    version: str
    title: str
    description: str
    parameters: list[Parameter]
    code_language: str | None
    executes: bool
    plugin: str
    #: A short glyph and a CSS colour for the dashboard's palette.
    icon: str = ""
    color: str = ""
    #: Set (and nothing else is usable) when the kind's plugin failed to load: why.
    error: str | None = None

    @classmethod
    def broken(cls, name: str, plugin: str, error: str) -> KindInfo:
        """The entry for a kind whose plugin did not load."""
        return cls(
            name=name,
            version="",
            title=name,
            description="",
            parameters=[],
            code_language=None,
            executes=False,
            plugin=plugin,
            icon="⚠",
            color="#e03131",
            error=error,
        )


class BaseNode(ABC):
    """A node kind. Subclasses set the class attributes and implement :meth:`run`."""

    #: Name used in operations' ``kind`` field; set by the registry from the entry point.
    name: ClassVar[str] = ""
    #: Part of every cache key: bump it when the same code would now produce other results.
    version: ClassVar[str] = "1"
    title: ClassVar[str] = ""
    description: ClassVar[str] = ""
    #: Parameters every operation of this kind has (e.g. ``file``'s ``artifact``).
    parameters: ClassVar[list[Parameter]] = []
    #: Language of ``Operation.code`` for editors: ``"bash"``, ``"python"`` or ``None``.
    code_language: ClassVar[str | None] = None
    #: ``False`` for kinds that never reach a worker (``file``, ``composite``).
    executes: ClassVar[bool] = True
    #: The PLynx API range this kind is written for, e.g. ``">=1.0,<2"`` (see
    #: :data:`plynx.api.API_VERSION`); a plugin outside it is refused at load.
    plynx_api: ClassVar[str | None] = None
    #: A short glyph (one or two characters, emoji allowed) and a CSS colour for the palette.
    icon: ClassVar[str] = ""
    color: ClassVar[str] = ""

    @classmethod
    def check(cls, operation: Operation) -> list[str]:
        """Problems with an operation of this kind, as sentences (server side, no I/O)."""
        return []

    @classmethod
    def info(cls, plugin: str = "plynx") -> KindInfo:
        """The description of this kind for the API."""
        return KindInfo(
            name=cls.name,
            version=cls.version,
            title=cls.title or cls.name,
            description=cls.description,
            parameters=list(cls.parameters),
            code_language=cls.code_language,
            executes=cls.executes,
            plugin=plugin,
            icon=cls.icon,
            color=cls.color,
        )

    @abstractmethod
    async def run(self, ctx: RunContext) -> int:
        """Execute on the worker; return the exit code (0 is success)."""
