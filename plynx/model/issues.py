"""Graph issues: one problem found by validation, saying where it is."""

from __future__ import annotations

from pydantic import BaseModel

__all__ = ["GraphIssue", "issue"]


class GraphIssue(BaseModel):
    """One problem in a graph. ``node`` and ``port`` say where; ``code`` is stable for programs,
    ``message`` is for people."""

    code: str
    message: str
    node: str | None = None
    port: str | None = None

    def __str__(self) -> str:
        where = ".".join(p for p in (self.node, self.port) if p)
        return f"{where}: {self.message}" if where else self.message


def issue(code: str, node: str | None, port: str | None, message: str) -> GraphIssue:
    """A :class:`GraphIssue` at ``node``.``port``."""
    return GraphIssue(code=code, node=node, port=port, message=message)
