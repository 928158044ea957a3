"""The ``file`` kind: an uploaded artifact. It never executes; its single output ``out`` is
known before the run starts."""

from __future__ import annotations

import re

from plynx.model import Operation, Parameter, ParameterType
from plynx.nodes.base import BaseNode, RunContext

__all__ = ["FileNode"]

_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


class FileNode(BaseNode):
    """An uploaded file. Parameters: ``artifact`` (its sha256) and ``filename``."""

    title = "File"
    description = "An uploaded file, available to downstream nodes as the output 'out'."
    parameters = [
        Parameter(name="artifact", type=ParameterType.STR, required=True, label="sha256"),
        Parameter(name="filename", type=ParameterType.STR, default="", label="File name"),
    ]
    executes = False

    @classmethod
    def check(cls, operation: Operation) -> list[str]:
        problems = []
        if [o.name for o in operation.outputs] != ["out"]:
            problems.append("a file operation has exactly one output, named 'out'")
        if operation.inputs:
            problems.append("a file operation has no inputs")
        if operation.parameter("artifact") is None:
            problems.append("a file operation needs the parameter 'artifact' (the sha256)")
        return problems

    @staticmethod
    def artifact_problem(value: object) -> str | None:
        """Why ``value`` is not a usable ``artifact`` parameter, or ``None``."""
        if not isinstance(value, str) or not _SHA256_RE.match(value):
            return "the file has not been uploaded (parameter 'artifact' is not a sha256)"
        return None

    async def run(self, ctx: RunContext) -> int:  # pragma: no cover - never dispatched
        raise RuntimeError("file nodes never execute")
